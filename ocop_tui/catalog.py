"""The in-memory catalogue the UI reads: records, lookups, and fast search with facets and sorting.

Built once from a validated store. Every folded search key and every sort rank is computed here, so a
keystroke costs a few list comprehensions over precomputed strings and never touches the JSON again.
Pure Python, no UI: the app, the CLI and the benchmarks share it.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import AbstractSet, Callable, Generic, Mapping, Sequence, TypeVar

from .model import (
    EXHIBITOR_TYPES,
    GROUPS,
    Booth,
    Fair,
    Product,
)
from .query import Term, parse_query
from .records import CheckedTables, booth_key
from .text import fold, vi_sort_key

R = TypeVar("R")

Filters = Mapping[str, AbstractSet[str]]
SortSpec = tuple[str, bool]  # (column, descending)

PRODUCT_FACETS = ("province", "group", "stars", "zone", "exhibitor_type")
BOOTH_FACETS = ("province", "zone", "exhibitor_type")
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
BOOTH_PREFIXES = {
    "booth": "booth", "gian": "booth", "gianhang": "booth",
    "exhibitor": "exhibitor", "donvi": "exhibitor", "ten": "exhibitor",
    "province": "province", "tinh": "province",
    "zone": "zone", "khu": "zone",
    "type": "exhibitor_type", "loai": "exhibitor_type", "loaihinh": "exhibitor_type",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ResultSet:
    """The answer to one search: record indices in display order and live facet counts."""

    ids: Sequence[int]
    facet_counts: Mapping[str, Mapping[str, int]]
    terms: tuple[Term, ...] = ()

    @property
    def total(self) -> int:
        return len(self.ids)


_NUMBER = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[object, ...]:
    """Booth numbers sort as people read them: A-9 before A-10."""
    return tuple(int(part) if part.isdigit() else vi_sort_key(part) for part in _NUMBER.split(text))


def _ranks(count: int, key: Callable[[int], object]) -> list[int]:
    """rank[i] = position of record i when all records are sorted by `key` (ties keep record order)."""
    order = sorted(range(count), key=key)
    rank = [0] * count
    for position, index in enumerate(order):
        rank[index] = position
    return rank


class SearchIndex(Generic[R]):
    """Folded search keys, facet values and sort ranks for one list of records."""

    def __init__(
        self,
        records: Sequence[R],
        *,
        names: list[str],
        haystacks: list[str],
        fields: dict[str, list[str]],
        facets: dict[str, list[str]],
        ranks: dict[str, list[int]],
        prefixes: dict[str, str],
        stars: list[int] | None = None,
        missing: dict[str, list[bool]] | None = None,
    ) -> None:
        self.records = records
        self._names = names
        self._haystacks = haystacks
        self._fields = fields
        self._facets = facets
        self._ranks = ranks
        self._prefixes = prefixes
        self._stars = stars
        self._missing = missing or {}  # per sort column: records without a value, kept last both ways
        name_rank = ranks[next(iter(ranks))]
        # Candidates are always kept in name order, so filtering keeps it and ranking is a partition.
        self._all: list[int] = sorted(range(len(records)), key=name_rank.__getitem__)
        self._cache: OrderedDict[tuple[Term, ...], list[int]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def facet_names(self) -> tuple[str, ...]:
        return tuple(self._facets)

    def facet_value(self, facet: str, index: int) -> str:
        return self._facets[facet][index]

    def parse(self, text: str) -> tuple[Term, ...]:
        return parse_query(text, self._prefixes)

    def _apply(self, ids: list[int], term: Term) -> list[int]:
        value = term.value
        if term.field == "stars" and self._stars is not None:
            stars = self._stars
            at_least = value.endswith("+")
            digits = value.rstrip("+")
            if not digits.isdigit():
                return []
            wanted = int(digits)
            if at_least:
                return [i for i in ids if stars[i] >= wanted]
            return [i for i in ids if stars[i] == wanted]
        column = self._haystacks if not term.field else self._fields.get(term.field)
        if column is None:
            return []
        return [i for i in ids if value in column[i]]

    def _match(self, terms: tuple[Term, ...]) -> list[int]:
        if not terms:
            return self._all
        with self._lock:
            cached = self._cache.get(terms)
            if cached is not None:
                self._cache.move_to_end(terms)
                return cached
            # Start from the smallest earlier result that every new term narrows (typing "nuoc m"
            # after "nuoc " filters the earlier matches, not the whole catalogue).
            best: tuple[tuple[Term, ...], list[int]] | None = None
            for old_terms, old_ids in self._cache.items():
                if all(any(new.implies(old) for new in terms) for old in old_terms):
                    if best is None or len(old_ids) < len(best[1]):
                        best = (old_terms, old_ids)
        ids = self._all if best is None else best[1]
        done = set(best[0]) if best else set()
        for term in sorted(terms, key=lambda t: -len(t.value)):  # longest first: fewest survivors
            if term not in done:
                ids = self._apply(ids, term)
        with self._lock:
            self._cache[terms] = ids
            while len(self._cache) > 32:
                self._cache.popitem(last=False)
        return ids

    def _rank_by_relevance(self, ids: list[int], terms: tuple[Term, ...]) -> list[int]:
        words = [t.value for t in terms if not t.field]
        if not words:
            return ids
        names = self._names
        phrase = " ".join(words)
        prefix = [i for i in ids if names[i].startswith(phrase)]
        rest = [i for i in ids if not names[i].startswith(phrase)]
        in_name = [i for i in rest if all(w in names[i] for w in words)]
        if len(in_name) == len(rest):
            return prefix + rest
        others = [i for i in rest if not all(w in names[i] for w in words)]
        return prefix + in_name + others

    def search(
        self, text: str | tuple[Term, ...] = "", filters: Filters | None = None, sort: SortSpec | None = None
    ) -> ResultSet:
        terms = self.parse(text) if isinstance(text, str) else text
        matched = self._match(terms)
        active = {name: values for name, values in (filters or {}).items() if values and name in self._facets}

        def narrow(ids: list[int], skip: str | None = None) -> list[int]:
            for name, values in active.items():
                if name != skip:
                    column = self._facets[name]
                    ids = [i for i in ids if column[i] in values]
            return ids

        final = narrow(matched)
        counts: dict[str, Mapping[str, int]] = {}
        for name, column in self._facets.items():
            # A facet's own selection does not narrow its counts, so other values stay choosable.
            base = narrow(matched, skip=name) if name in active else final
            counts[name] = Counter(map(column.__getitem__, base))
        if sort is not None and sort[0] in self._ranks:
            column_rank = self._ranks[sort[0]]
            ordered = sorted(final, key=column_rank.__getitem__, reverse=sort[1])
            missing = self._missing.get(sort[0])
            if missing is not None and sort[1]:
                # A product without a price is not the dearest one: blanks stay at the end.
                ordered = [i for i in ordered if not missing[i]] + [i for i in ordered if missing[i]]
        else:
            ordered = self._rank_by_relevance(final, terms)
        # A tuple: `final` can be the cached match list itself, which a caller must not be able to change.
        return ResultSet(tuple(ordered), counts, terms)


def _join(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


@dataclass
class Catalog:
    """Everything the UI needs to know about one fair, immutable once built."""

    fair: Fair
    booths: tuple[Booth, ...]
    products: tuple[Product, ...]
    source: Path | None = None
    warnings: tuple[str, ...] = ()
    _booth_index: dict[str, int] = field(init=False, repr=False)
    _code_index: dict[str, int] = field(init=False, repr=False)
    _by_booth: dict[int, list[int]] = field(init=False, repr=False)
    _by_producer: dict[str, list[int]] = field(init=False, repr=False)
    _product_booth: list[int] = field(init=False, repr=False)
    product_index: SearchIndex[Product] = field(init=False, repr=False)
    booth_index: SearchIndex[Booth] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._booth_index = {booth_key(b.booth_no): i for i, b in enumerate(self.booths)}
        self._code_index = {booth_key(p.code): i for i, p in enumerate(self.products)}
        self._product_booth = [self._booth_index[booth_key(p.booth_no)] for p in self.products]
        self._by_booth = {}
        self._by_producer = {}
        for index, (product, booth_index) in enumerate(zip(self.products, self._product_booth)):
            self._by_booth.setdefault(booth_index, []).append(index)
            self._by_producer.setdefault(product.producer, []).append(index)
        self.product_index = self._build_product_index()
        self.booth_index = self._build_booth_index()

    @classmethod
    def from_tables(cls, checked: CheckedTables, source: Path | None = None) -> Catalog:
        assert checked.fair is not None, "validate before building a catalogue"
        return cls(
            checked.fair,
            tuple(checked.booths),
            tuple(checked.products),
            source,
            tuple(f"{p.table} {p.record} {p.field}: {p.message}" for p in checked.warnings),
        )

    @classmethod
    def from_records(cls, fair: Fair, booths: Sequence[Booth], products: Sequence[Product]) -> Catalog:
        """For tests and tools: records made in code (they must already satisfy the contract)."""
        return cls(fair, tuple(booths), tuple(products))

    def _build_product_index(self) -> SearchIndex[Product]:
        products = self.products
        booths = self.booths
        booth_of = self._product_booth
        group_text = {key: fold(f"{label.vi}\n{label.en}\n{key}") for key, label in GROUPS.items()}
        type_text = {key: fold(f"{label.vi}\n{label.en}\n{key}") for key, label in EXHIBITOR_TYPES.items()}
        names = [fold(p.name) for p in products]
        name_en = [fold(p.name_en) for p in products]
        producer = [fold(p.producer) for p in products]
        province = [fold(p.province) for p in products]
        booth_no = [fold(p.booth_no) for p in products]
        code = [fold(p.code) for p in products]
        group = [group_text.get(p.group, p.group) for p in products]
        zone = [fold(booths[b].zone) for b in booth_of]
        kind = [type_text.get(booths[b].exhibitor_type, "") for b in booth_of]
        haystacks = [
            _join(names[i], name_en[i], producer[i], province[i], booth_no[i], code[i], group[i],
                  fold(p.description))
            for i, p in enumerate(products)
        ]  # fmt: skip
        count = len(products)
        name_keys = [vi_sort_key(p.name) for p in products]
        province_keys = {name: vi_sort_key(name) for name in {p.province for p in products}}
        group_order = {key: position for position, key in enumerate(GROUPS)}
        booth_keys = {b: natural_key(booths[b].booth_no) for b in set(booth_of)}
        name_rank = _ranks(count, name_keys.__getitem__)
        ranks = {
            "name": name_rank,
            "stars": _ranks(count, lambda i: (products[i].stars, name_rank[i])),
            "group": _ranks(count, lambda i: (group_order.get(products[i].group, 99), name_rank[i])),
            "province": _ranks(count, lambda i: (province_keys[products[i].province], name_rank[i])),
            "booth": _ranks(count, lambda i: (booth_keys[booth_of[i]], name_rank[i])),
            "price": _ranks(
                count,
                lambda i: (products[i].price_vnd is None, products[i].price_vnd or 0, name_rank[i]),
            ),
        }
        return SearchIndex(
            products,
            names=names,
            haystacks=haystacks,
            fields={
                "name": names, "name_en": name_en, "producer": producer, "province": province,
                "booth": booth_no, "code": code, "group": group, "zone": zone, "exhibitor_type": kind,
            },  # fmt: skip
            facets={
                "province": [p.province for p in products],
                "group": [p.group for p in products],
                "stars": [str(p.stars) for p in products],
                "zone": [booths[b].zone for b in booth_of],
                "exhibitor_type": [booths[b].exhibitor_type for b in booth_of],
            },
            ranks=ranks,
            prefixes=PRODUCT_PREFIXES,
            stars=[p.stars for p in products],
            missing={"price": [p.price_vnd is None for p in products]},
        )

    def _build_booth_index(self) -> SearchIndex[Booth]:
        booths = self.booths
        type_text = {key: fold(f"{label.vi}\n{label.en}\n{key}") for key, label in EXHIBITOR_TYPES.items()}
        names = [fold(b.exhibitor) for b in booths]
        booth_no = [fold(b.booth_no) for b in booths]
        province = [fold(b.province) for b in booths]
        zone = [fold(b.zone) for b in booths]
        kind = [type_text.get(b.exhibitor_type, "") for b in booths]
        haystacks = [
            _join(booth_no[i], names[i], kind[i], province[i], zone[i], fold(b.contact_name), fold(b.description))
            for i, b in enumerate(booths)
        ]
        count = len(booths)
        counts = [len(self._by_booth.get(i, ())) for i in range(count)]
        booth_rank = _ranks(count, lambda i: natural_key(booths[i].booth_no))
        type_order = {key: position for position, key in enumerate(EXHIBITOR_TYPES)}
        ranks = {
            "booth": booth_rank,
            "exhibitor": _ranks(count, lambda i: vi_sort_key(booths[i].exhibitor)),
            "exhibitor_type": _ranks(count, lambda i: (type_order.get(booths[i].exhibitor_type, 99), booth_rank[i])),
            "province": _ranks(count, lambda i: (vi_sort_key(booths[i].province), booth_rank[i])),
            "zone": _ranks(count, lambda i: (vi_sort_key(booths[i].zone), booth_rank[i])),
            "products": _ranks(count, lambda i: (counts[i], booth_rank[i])),
        }
        return SearchIndex(
            booths,
            names=names,
            haystacks=haystacks,
            fields={"booth": booth_no, "exhibitor": names, "province": province, "zone": zone, "exhibitor_type": kind},
            facets={
                "province": [b.province for b in booths],
                "zone": [b.zone for b in booths],
                "exhibitor_type": [b.exhibitor_type for b in booths],
            },
            ranks=ranks,
            prefixes=BOOTH_PREFIXES,
        )

    # Lookups -----------------------------------------------------------------------------------

    def search_products(
        self, text: str = "", filters: Filters | None = None, sort: SortSpec | None = None
    ) -> ResultSet:
        return self.product_index.search(text, filters, sort)

    def search_booths(self, text: str = "", filters: Filters | None = None, sort: SortSpec | None = None) -> ResultSet:
        return self.booth_index.search(text, filters, sort)

    def booth_index_of(self, booth_no: str) -> int | None:
        return self._booth_index.get(booth_key(booth_no))

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


def load_catalog(path: Path) -> Catalog:
    """Read, validate and index a store (raises the store's errors)."""
    from .store import load_store

    loaded = load_store(path)
    return Catalog.from_tables(loaded.tables, Path(path))
