"""The in-memory catalogue the UI reads: the fair's records, lookups by booth and code, and the product and
booth search indexes (what each searches, facets and sorts by).

Built once from a validated store. The word index and sort ranks are computed once and kept, so a
keystroke costs a few set operations and never touches the JSON again. Only what the first screen needs
is built up front (the name order and the facet columns); the word index is built on the first search, or
earlier by `warm()` (the app calls it in the background once its first frame is on screen), and each sort
column on its first use. Which fields are searched, and how much a word found in each counts, is decided
here (`_product_fields`, `_booth_fields`).
Pure Python, no UI: the app, the CLI and the benchmarks share it.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import attrgetter, eq
from pathlib import Path

from ocop_tui.files import FileStamp
from ocop_tui.model import EXHIBITOR_TYPES, GROUPS, Booth, Fair, Lang, Product
from ocop_tui.search.cache import load_cached, save_later
from ocop_tui.search.columns import per_value, then_by
from ocop_tui.search.facets import NO_NAMES, ValueNames
from ocop_tui.search.index import Filters, ResultSet, SearchIndex, SortSpec
from ocop_tui.search.numbers import booth_key as booth_number_key
from ocop_tui.search.word_cache import WordStore
from ocop_tui.search.word_index import Field, Rank, WordIndex
from ocop_tui.store.contract import CheckedTables, booth_key
from ocop_tui.store.reading import load_store
from ocop_tui.text import natural_key, vi_sort_key, vi_sort_order, words

PRODUCT_COLUMNS = ("name", "stars", "group", "province", "booth", "price")


BOOTH_COLUMNS = ("booth", "exhibitor", "exhibitor_type", "province", "zone", "products")


# Prefix names staff may type, in English and Vietnamese (folded, without spaces).
PRODUCT_PREFIXES = {
    "name": "name", "ten": "name",
    "en": "name_en", "english": "name_en",
    "producer": "producer", "chuthe": "producer", "nsx": "producer",
    "province": "province", "tinh": "province",
    "booth": "booth", "gian": "booth", "gianhang": "booth",
    "code": "code", "ma": "code",
    "group": "group", "nhom": "group",
    "zone": "zone", "khu": "zone",
    "stars": "stars", "star": "stars", "sao": "stars",
    "type": "exhibitor_type", "loai": "exhibitor_type", "loaihinh": "exhibitor_type",
}  # fmt: skip


# What staff call the exhibitor types besides their labels: understood in free text (complete words).
TYPE_NAMES = {
    "cooperative": ("hop tac xa", "htx", "cooperative", "cooperatives"),
    "household": ("ho san xuat", "ho kinh doanh", "ho sxkd", "hkd", "co so", "co so san xuat", "household"),
    "enterprise": ("doanh nghiep", "cong ty", "dntn", "enterprise", "company"),
    "craft_village": ("lang nghe", "craft village"),
    "cooperative_group": ("to hop tac", "tht", "cooperative group"),
}


def _type_text(kind: str) -> str:
    """The text an exhibitor type is found by with a prefix (`loai:`): its labels and the names above."""
    label = EXHIBITOR_TYPES.get(kind)
    labels = f"{label.vi}\n{label.en}\n" if label else ""
    return labels + kind + "\n" + "\n".join(TYPE_NAMES.get(kind, ()))


def _group_text(group: str) -> str:
    label = GROUPS.get(group)
    return f"{label.vi}\n{label.en}\n{group}" if label else group


NAMED_TYPES = tuple((tuple(words(name)), "type", kind) for kind, names in TYPE_NAMES.items() for name in names)


BOOTH_PREFIXES = {
    "booth": "booth", "gian": "booth", "gianhang": "booth",
    "exhibitor": "exhibitor", "donvi": "exhibitor", "ten": "exhibitor",
    "province": "province", "tinh": "province",
    "zone": "zone", "khu": "zone",
    "type": "exhibitor_type", "loai": "exhibitor_type", "loaihinh": "exhibitor_type",
}  # fmt: skip


@dataclass
class Catalog:
    """Everything the UI needs to know about one fair, immutable once built."""

    fair: Fair
    booths: tuple[Booth, ...]
    products: tuple[Product, ...]
    source: Path | None = None
    warnings: tuple[str, ...] = ()
    # The products' default (name) order, when already known (from the catalogue cache): else worked out.
    known_order: list[int] | None = field(default=None, repr=False, compare=False)
    # Where the word indexes of this store version are kept between starts (None: not kept).
    word_store: WordStore | None = field(default=None, repr=False, compare=False)
    _booth_index: dict[str, int] = field(init=False, repr=False)
    _product_booth: list[int] = field(init=False, repr=False)
    product_index: SearchIndex[Product] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._booth_index = {booth_key(b.booth_no): i for i, b in enumerate(self.booths)}
        booth_nos = list(map(attrgetter("booth_no"), self.products))
        booth_of_number = {no: self._booth_index[booth_key(no)] for no in set(booth_nos)}
        self._product_booth = list(map(booth_of_number.__getitem__, booth_nos))
        self._lazy: dict[str, object] = {}
        self._lazy_lock = threading.RLock()  # one lazy part may need another
        self.product_index = self._build_product_index()

    def _once(self, name: str, build: Callable[[], object]) -> object:
        value = self._lazy.get(name)
        if value is None:
            with self._lazy_lock:
                if name not in self._lazy:
                    self._lazy[name] = build()
                value = self._lazy[name]
        return value

    @property
    def booth_index(self) -> SearchIndex[Booth]:
        return self._once("booth_index", self._build_booth_index)  # type: ignore[return-value]

    @property
    def _code_index(self) -> dict[str, int]:
        return self._once("codes", lambda: {booth_key(p.code): i for i, p in enumerate(self.products)})  # type: ignore[return-value]

    @property
    def _by_booth(self) -> dict[int, list[int]]:
        return self._once("by_booth", lambda: self._group(self._product_booth))  # type: ignore[return-value]

    @property
    def _by_producer(self) -> dict[str, list[int]]:
        return self._once("by_producer", lambda: self._group(list(map(attrgetter("producer"), self.products))))  # type: ignore[return-value]

    @staticmethod
    def _group(keys: list[object]) -> dict[object, list[int]]:
        groups: dict[object, list[int]] = {}
        for index, key in enumerate(keys):
            group = groups.get(key)
            if group is None:
                groups[key] = [index]
            else:
                group.append(index)
        return groups

    def warm(self) -> None:
        """Build everything that is otherwise built on first use (the app does this in the background)."""
        self.product_index.warm()
        _ = self._by_producer, self._by_booth, self._code_index
        self.booth_index.warm()

    @classmethod
    def from_tables(cls, checked: CheckedTables, source: Path | None = None, *, known_order: list[int] | None = None,
                    word_store: WordStore | None = None) -> Catalog:  # fmt: skip
        assert checked.fair is not None, "validate before building a catalogue"
        return cls(
            checked.fair,
            tuple(checked.booths),
            tuple(checked.products),
            source,
            tuple(f"{p.table} {p.record} {p.field}: {p.message}" for p in checked.warnings),
            known_order,
            word_store,
        )

    def _kept(self, kind: str) -> tuple[Callable[[], WordIndex | None], Callable[[WordIndex], object]] | None:
        store = self.word_store
        if store is None:
            return None
        return (lambda: store.read(kind)), (lambda index: store.write_later(kind, index))

    @classmethod
    def from_records(cls, fair: Fair, booths: Sequence[Booth], products: Sequence[Product]) -> Catalog:
        """For tests and tools: records made in code (they must already satisfy the contract)."""
        return cls(fair, tuple(booths), tuple(products))

    def _product_fields(self) -> list[Field]:
        """The fields products are searched in, by how much a word found there counts."""
        products = self.products
        booth_of = self._product_booth
        booths = self.booths

        def column(name: str) -> list[str]:
            return list(map(attrgetter(name), products))

        def of_booth(name: str) -> list[str]:
            values = list(map(attrgetter(name), booths))
            return list(map(values.__getitem__, booth_of))

        return [
            Field("name", Rank.NAME, column("name"), phrases=True),
            Field("producer", Rank.DETAILS, column("producer"), phrases=True, values=True),
            Field("province", Rank.DETAILS, column("province"), values=True),
            Field("booth", Rank.DETAILS, of_booth("booth_no"), values=True),
            Field("code", Rank.DETAILS, column("code")),
            Field("group", Rank.DETAILS, column("group"), values=True, text=_group_text),
            Field("exhibitor_type", None, of_booth("exhibitor_type"), values=True, text=_type_text),
            Field("zone", None, of_booth("zone"), values=True, text=self._zone_text),
            Field("name_en", Rank.ENGLISH, column("name_en"), phrases=True),
            Field("description", Rank.DESCRIPTION, column("description")),
        ]

    def _build_product_index(self) -> SearchIndex[Product]:
        me = weakref.proxy(self)  # the catalogue holds its indexes: no cycle back (see SearchIndex.words)
        products = self.products
        booths = self.booths
        booth_of = self._product_booth
        groups = list(map(attrgetter("group"), products))
        provinces = list(map(attrgetter("province"), products))
        stars = list(map(attrgetter("stars"), products))
        booth_zone = [b.zone for b in booths]
        booth_type = [b.exhibitor_type for b in booths]
        order = self.known_order
        if order is None or len(order) != len(products):
            order = vi_sort_order(list(map(attrgetter("name"), products)))
        group_order = {key: position for position, key in enumerate(GROUPS)}
        prices = list(map(attrgetter("price_vnd"), products))
        sorts: dict[str, Callable[[list[int]], list[int]]] = {
            "name": lambda order: order,
            "stars": lambda order: then_by(order, stars),
            "group": lambda order: then_by(order, per_value(groups, lambda g: group_order.get(g, 99))),
            "province": lambda order: then_by(order, per_value(provinces, vi_sort_key)),
            "booth": lambda order: then_by(
                order, per_value(list(map(attrgetter("booth_no"), map(booths.__getitem__, booth_of))), natural_key)
            ),
            "price": lambda order: then_by(order, [(price is None, price or 0) for price in prices]),
        }
        star_text = {value: str(value) for value in set(stars)}
        return SearchIndex(
            products,
            order=order,
            fields=lambda: me._product_fields(),
            facets={
                "province": provinces,
                "group": groups,
                "stars": list(map(star_text.__getitem__, stars)),
                "zone": list(map(booth_zone.__getitem__, booth_of)),
                "exhibitor_type": list(map(booth_type.__getitem__, booth_of)),
            },
            sorts=sorts,
            prefixes=PRODUCT_PREFIXES,
            stars=stars,
            missing={"price": [price is None for price in prices]},
            named=NAMED_TYPES,
            names=lambda: list(map(attrgetter("name"), products)),
            codes=lambda: list(map(attrgetter("code"), products)),
            kept=me._kept("products"),
        )

    def _booth_fields(self) -> list[Field]:
        booths = self.booths

        def column(name: str) -> list[str]:
            return list(map(attrgetter(name), booths))

        return [
            Field("exhibitor", Rank.NAME, column("exhibitor"), phrases=True, values=True),
            Field("booth", Rank.DETAILS, column("booth_no"), values=True),
            Field("province", Rank.DETAILS, column("province"), values=True),
            Field("zone", Rank.DETAILS, column("zone"), values=True, text=self._zone_text),
            Field("exhibitor_type", Rank.DETAILS, column("exhibitor_type"), values=True, text=_type_text),
            Field("contact", Rank.DETAILS, column("contact_name")),
            Field("description", Rank.DESCRIPTION, column("description")),
        ]

    def _build_booth_index(self) -> SearchIndex[Booth]:
        me = weakref.proxy(self)
        booths = self.booths
        count = len(booths)
        order = sorted(range(count), key=lambda i: natural_key(booths[i].booth_no))
        type_order = {key: position for position, key in enumerate(EXHIBITOR_TYPES)}
        by_booth = self._by_booth
        sorts: dict[str, Callable[[list[int]], list[int]]] = {
            "booth": lambda order: order,
            "exhibitor": lambda order: vi_sort_order([b.exhibitor for b in booths]),
            "exhibitor_type": lambda order: then_by(order, [type_order.get(b.exhibitor_type, 99) for b in booths]),
            "province": lambda order: then_by(order, per_value([b.province for b in booths], vi_sort_key)),
            "zone": lambda order: then_by(order, per_value([b.zone for b in booths], vi_sort_key)),
            "products": lambda order: then_by(order, [len(by_booth.get(i, ())) for i in range(count)]),
        }
        return SearchIndex(
            booths,
            order=order,
            fields=lambda: me._booth_fields(),
            facets={
                "province": [b.province for b in booths],
                "zone": [b.zone for b in booths],
                "exhibitor_type": [b.exhibitor_type for b in booths],
            },
            sorts=sorts,
            prefixes=BOOTH_PREFIXES,
            named=NAMED_TYPES,
            kept=me._kept("booths"),
        )

    # Lookups -----------------------------------------------------------------------------------

    def search_products(
        self, text: str = "", filters: Filters | None = None, sort: SortSpec | None = None
    ) -> ResultSet:
        return self.product_index.search(text, filters, sort)

    def search_booths(self, text: str = "", filters: Filters | None = None, sort: SortSpec | None = None) -> ResultSet:
        return self.booth_index.search(text, filters, sort)

    def booth_index_of(self, booth_no: str) -> int | None:
        """The booth numbered `booth_no`, however it is written (K-007, K-07, k7, K 007: see numbers.py)."""
        found = self._booth_index.get(booth_key(booth_no))
        if found is None:
            key = booth_number_key(booth_no)
            found = self._booth_numbers.get(key) if key is not None else None
        return found

    @property
    def _booth_numbers(self) -> dict[str, int]:
        def build() -> dict[str, int]:
            numbers: dict[str, int] = {}
            for index, booth in enumerate(self.booths):
                key = booth_number_key(booth.booth_no)
                if key is not None:
                    numbers.setdefault(key, index)
            return numbers

        return self._once("booth_numbers", build)  # type: ignore[return-value]

    def booth(self, booth_no: str) -> Booth | None:
        index = self.booth_index_of(booth_no)
        return None if index is None else self.booths[index]

    def product_index_of(self, code: str) -> int | None:
        return self._code_index.get(booth_key(code))

    def product(self, code: str) -> Product | None:
        index = self.product_index_of(code)
        return None if index is None else self.products[index]

    def booth_of(self, product_index: int) -> Booth:
        return self.booths[self._product_booth[product_index]]

    def products_in_booth(self, booth_index: int) -> list[int]:
        return list(self._by_booth.get(booth_index, ()))

    def product_count(self, booth_index: int) -> int:
        return len(self._by_booth.get(booth_index, ()))

    def products_of_producer(self, producer: str) -> list[int]:
        if "by_producer" not in self._lazy:
            # Before warm() has grouped them (the first screen's detail pane): one C-level scan is faster
            # than grouping 100,000 products on the way to the first frame.
            producers = map(attrgetter("producer"), self.products)
            return list(compress(range(len(self.products)), map(eq, producers, repeat(producer))))
        return list(self._by_producer.get(producer, ()))

    @property
    def producer_count(self) -> int:
        return len(self._by_producer)

    @property
    def provinces(self) -> list[str]:
        return sorted({p.province for p in self.products} | {b.province for b in self.booths}, key=vi_sort_key)

    @property
    def zones(self) -> list[str]:
        return sorted({b.zone for b in self.booths}, key=vi_sort_key)

    # One language at a time ------------------------------------------------------------------------

    @property
    def zone_names_en(self) -> dict[str, str]:
        """Each zone's English name, the first one its booths give (a zone none of them names is left out):
        a zone is one filter value, so it has one name in each language."""

        def build() -> dict[str, str]:
            names: dict[str, str] = {}
            for booth in self.booths:
                if booth.zone_en:
                    names.setdefault(booth.zone, booth.zone_en)
            return names

        return self._once("zone_names_en", build)  # type: ignore[return-value]

    def zone_label(self, zone: str, lang: Lang) -> str:
        """A zone's name in `lang`: in English its English name where the booths give one, else as stored."""
        return self.zone_names_en.get(zone, zone) if lang == "en" else zone

    def value_names(self, lang: Lang) -> ValueNames:
        """The data's own names of facet values in `lang` (the zones' English names), for search/facets.py."""
        return {"zone": self.zone_names_en} if lang == "en" else NO_NAMES

    def _zone_text(self, zone: str) -> str:
        """A zone as it is searched: its stored name and its English name."""
        english = self.zone_names_en.get(zone)
        return f"{zone}\n{english}" if english else zone


def open_catalog(path: Path) -> tuple[Catalog, FileStamp]:
    """The one way to open a store for browsing (the app, the kiosk and its reload): from the catalogue cache
    when it holds this very file, else read and checked (in one msgspec pass when the store is clean), indexed,
    and saved to the cache a moment later; with the version of the file it came from.

    Raises the store's errors (StoreUnreadable, StoreInvalid). The catalogue shows no warnings, so the one
    search that can only find warnings (booths nobody can walk to) is left to `ocop-tui validate`."""
    path = Path(path)
    cached, key, folder = load_cached(path)
    words = WordStore(folder, key) if key is not None and folder is not None else None
    if cached is not None and key is not None:
        return Catalog.from_tables(cached.tables, path, known_order=cached.name_order, word_store=words), key.stamp
    loaded = load_store(path, reachability=False)
    catalog = Catalog.from_tables(loaded.tables, path, word_store=words if key and key.stamp == loaded.stamp else None)
    if key is not None and folder is not None and key.stamp == loaded.stamp:  # not changed while it was read
        save_later(folder, key, loaded.tables, catalog.product_index.default_order)
    return catalog, loaded.stamp


def load_catalog(path: Path) -> Catalog:
    """Read, validate and index a store, without the cache (for tools and tests; raises the store's errors)."""
    return Catalog.from_tables(load_store(path).tables, Path(path))
