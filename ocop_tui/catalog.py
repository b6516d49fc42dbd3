"""The in-memory catalogue the UI reads: records, lookups, and fast search with facets and sorting.

Built once from a validated store. Folded search keys and sort ranks are computed once and kept, so a
keystroke costs a few C-level passes (itertools.compress, map) over precomputed strings and never
touches the JSON again. Only what the first screen needs is built up front (the name order and the facet
columns); the search text is built on the first search, or earlier by `warm()` (the app calls it in the
background once its first frame is on screen), and each sort column on its first use.
Pure Python, no UI: the app, the CLI and the benchmarks share it.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import add, and_, attrgetter, contains, eq, ge, itemgetter, methodcaller, not_
from pathlib import Path
from typing import AbstractSet, Callable, Generic, Iterable, Mapping, Sequence, TypeVar

from .model import (
    EXHIBITOR_TYPES,
    GROUPS,
    Booth,
    Fair,
    Product,
)
from .query import Term, parse_query
from .records import CheckedTables, booth_key, share_values
from .text import fold, vi_sort_key, vi_sort_order

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


def _ranks(order: Sequence[int]) -> list[int]:
    """rank[i] = position of record i in `order` (the inverse permutation)."""
    rank = [0] * len(order)
    for position, index in enumerate(order):
        rank[index] = position
    return rank


def _then_by(order: Sequence[int], keys: Sequence[object]) -> list[int]:
    """`order` re-sorted by keys[i]; a stable sort, so records with equal keys keep `order` between them."""
    return sorted(order, key=keys.__getitem__)


def _per_value(column: Sequence[str], function: Callable[[str], object]) -> list[object]:
    """function(value) for every value, computed once per distinct value (provinces, zones, booths)."""
    cache = {value: function(value) for value in set(column)}
    return list(map(cache.__getitem__, column))


@dataclass(frozen=True)
class TextIndex:
    """The folded text of every record: whole haystacks for free words, and columns for field prefixes.

    `parts` are the fields folded together in each haystack, one per line, in this order; a field's own
    column is cut out of the haystacks the first time a query names it.
    """

    haystacks: list[str]  # each starts with the record's folded display name, on its own line
    names: list[str]  # that first line alone, for ranking (4x faster than a bounded find in the haystack)
    parts: tuple[str, ...]
    extra_fields: dict[str, list[str]]  # fields kept outside the haystack lines (group, zone, type)
    _fields: dict[str, list[str]] = field(default_factory=dict)

    def field(self, name: str) -> list[str] | None:
        column = self._fields.get(name)
        if column is None:
            if name in self.extra_fields:
                return self.extra_fields[name]
            if name not in self.parts:
                return None
            position = self.parts.index(name)
            split = methodcaller("split", "\n", len(self.parts))
            column = self._fields[name] = list(map(itemgetter(position), map(split, self.haystacks)))
        return column


def _text_index(raw: Iterable[str], parts: tuple[str, ...], suffixes: Iterable[str], extra_fields: dict[str, list[str]]) -> TextIndex:
    """Fold each record's joined fields in one call (folding is per character, so this is the same as
    folding each field), then add the already folded labels (group, exhibitor type) on the last line.
    `raw` is consumed one record at a time: 100,000 joined records would otherwise be held at once."""
    haystacks = list(map(add, map(fold, raw), suffixes))
    names = list(map(itemgetter(0), map(methodcaller("partition", "\n"), haystacks)))
    return TextIndex(haystacks, names, parts, extra_fields)


def _gather(column: Sequence[object], ids: Sequence[int]) -> Sequence[object]:
    if len(ids) == len(column):  # every record (ids are distinct): no need to look them up
        return column
    if len(ids) < 2:
        return [column[i] for i in ids]
    return itemgetter(*ids)(column)


class _FacetCounter:
    """Counts every facet of a set of records in one pass.

    Each record gets the number of its combination of facet values (a few hundred distinct ones in a
    catalogue), so counting 70,000 matches is one Counter of small ints plus a loop over combinations,
    instead of one Counter of strings per facet.
    """

    def __init__(self, facets: dict[str, list[str]]) -> None:
        self.names = tuple(facets)
        keys = list(zip(*facets.values()))
        numbers = {key: number for number, key in enumerate(dict.fromkeys(keys))}
        self.combos = list(numbers)
        self.combo_of = list(map(numbers.__getitem__, keys))

    def count(self, ids: Sequence[int], names: Sequence[str]) -> dict[str, Counter[str]]:
        per_combo = Counter(_gather(self.combo_of, ids))
        counts: dict[str, Counter[str]] = {}
        for name in names:
            position = self.names.index(name)
            counter: Counter[str] = Counter()
            for combo, number in per_combo.items():
                counter[self.combos[combo][position]] += number
            counts[name] = counter
        return counts


class SearchIndex(Generic[R]):
    """Folded search keys, facet values and sort ranks for one list of records.

    `order` is the default display order; `text` builds the TextIndex and `ranks[column]` a column's
    sort order (records with equal values in `order`'s order), each once and only when first needed.
    """

    def __init__(
        self,
        records: Sequence[R],
        *,
        order: list[int],
        text: Callable[[], TextIndex],
        facets: dict[str, list[str]],
        sorts: dict[str, Callable[[list[int]], list[int]]],
        prefixes: dict[str, str],
        stars: list[int] | None = None,
        missing: dict[str, list[bool]] | None = None,
    ) -> None:
        self.records = records
        self._text_builder = text
        self._text: TextIndex | None = None
        self._facets = {name: share_values(column) for name, column in facets.items()}
        self._facet_counter: _FacetCounter | None = None
        self._sorts = sorts
        self._ranks: dict[str, list[int]] = {}
        self._prefixes = prefixes
        self._stars = stars
        self._missing = missing or {}  # per sort column: records without a value, kept last both ways
        # Candidates are always kept in the default order, so filtering keeps it and ranking is a partition.
        self._all: list[int] = order
        self._facet_totals: dict[str, Counter[str]] | None = None
        self._cache: OrderedDict[tuple[Term, ...], list[int]] = OrderedDict()
        self._lock = threading.Lock()
        self._build_lock = threading.RLock()  # lazy parts may be asked for from a worker thread too

    @property
    def default_order(self) -> list[int]:
        """Every record, in the default display order (read-only: it is shared)."""
        return self._all

    @property
    def facet_names(self) -> tuple[str, ...]:
        return tuple(self._facets)

    def facet_value(self, facet: str, index: int) -> str:
        return self._facets[facet][index]

    def parse(self, text: str) -> tuple[Term, ...]:
        return parse_query(text, self._prefixes)

    @property
    def text(self) -> TextIndex:
        built = self._text
        if built is None:
            with self._build_lock:
                if self._text is None:
                    self._text = self._text_builder()
                built = self._text
        return built

    def rank(self, column: str) -> list[int] | None:
        """rank[i] = position of record i when sorted by `column`, or None for a column that cannot sort."""
        built = self._ranks.get(column)
        if built is None:
            if column not in self._sorts:
                return None
            with self._build_lock:
                if column not in self._ranks:
                    self._ranks[column] = _ranks(self._sorts[column](self._all))
                built = self._ranks[column]
        return built

    def warm(self) -> None:
        """Build the search text now (before the first keystroke needs it)."""
        _ = self.text

    def _apply(self, ids: list[int], term: Term) -> list[int]:
        value = term.value
        if term.field == "stars" and self._stars is not None:
            stars = self._stars
            at_least = value.endswith("+")
            digits = value.rstrip("+")
            if not digits.isdigit():
                return []
            wanted = int(digits)
            test = ge if at_least else eq
            return list(compress(ids, map(test, map(stars.__getitem__, ids), repeat(wanted))))
        column = self.text.haystacks if not term.field else self.text.field(term.field)
        if column is None:
            return []
        return list(compress(ids, map(contains, map(column.__getitem__, ids), repeat(value))))

    def workload(self, text: str) -> int:
        """About how many records a search for `text` has to go through: the size of the earlier result it
        refines, or every record. Lets the UI search small refinements at once and big ones in a thread."""
        terms = self.parse(text)
        if not terms:
            return len(self._all)
        with self._lock:
            cached = self._cache.get(terms)
            if cached is not None:
                return len(cached)
            return min(
                (len(ids) for old, ids in self._cache.items()
                 if all(any(new.implies(o) for new in terms) for o in old)),
                default=len(self._all),
            )  # fmt: skip

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
            # At most 32 earlier results, and at most 8 catalogues' worth of ids between them (at 100,000
            # products each broad result is 0.8 MB).
            while len(self._cache) > 32 or sum(map(len, self._cache.values())) > 8 * len(self.records) + 1:
                self._cache.popitem(last=False)
                if not self._cache:
                    break
        return ids

    def _rank_by_relevance(self, ids: list[int], terms: tuple[Term, ...]) -> list[int]:
        words = [t.value for t in terms if not t.field]
        if not words or not ids:
            return ids
        names = list(map(self.text.names.__getitem__, ids))
        phrase = " ".join(words)
        starts = list(map(str.startswith, names, repeat(phrase)))
        prefix = list(compress(ids, starts))
        if len(prefix) == len(ids):
            return ids
        rest = list(compress(ids, map(not_, starts)))
        rest_names = list(compress(names, map(not_, starts)))
        in_name = list(map(contains, rest_names, repeat(words[0])))
        for word in words[1:]:
            in_name = list(map(and_, in_name, map(contains, rest_names, repeat(word))))
        if all(in_name):
            return prefix + rest
        return prefix + list(compress(rest, in_name)) + list(compress(rest, map(not_, in_name)))

    def facet_counts(self, ids: Sequence[int], names: Sequence[str] | None = None) -> dict[str, Counter[str]]:
        """How many of the records `ids` have each value, for each facet in `names` (default: all)."""
        names = self.facet_names if names is None else names
        if ids is self._all or len(ids) == len(self._all):  # every record (a search that matches all)
            if self._facet_totals is None:  # the start screen: straight from the columns
                self._facet_totals = {name: Counter(column) for name, column in self._facets.items()}
            return {name: Counter(self._facet_totals[name]) for name in names}  # copies: callers may change them
        if self._facet_counter is None:
            with self._build_lock:
                if self._facet_counter is None:
                    self._facet_counter = _FacetCounter(self._facets)
        return self._facet_counter.count(ids, names)

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
                    ids = list(compress(ids, map(values.__contains__, map(column.__getitem__, ids))))
            return ids

        final = narrow(matched)
        # A facet's own selection does not narrow its counts, so other values stay choosable.
        counts: dict[str, Mapping[str, int]] = dict.fromkeys(self._facets, {})
        counts.update(self.facet_counts(final, [name for name in self._facets if name not in active]))
        for name in active:
            counts.update(self.facet_counts(narrow(matched, skip=name), [name]))
        column_rank = self.rank(sort[0]) if sort is not None else None
        if sort is not None and column_rank is not None:
            ordered = sorted(final, key=column_rank.__getitem__, reverse=sort[1])
            missing = self._missing.get(sort[0])
            if missing is not None and sort[1]:
                # A product without a price is not the dearest one: blanks stay at the end.
                flags = list(map(missing.__getitem__, ordered))
                ordered = list(compress(ordered, map(not_, flags))) + list(compress(ordered, flags))
        else:
            ordered = self._rank_by_relevance(final, terms)
        # A tuple: `final` can be the cached match list itself, which a caller must not be able to change.
        return ResultSet(tuple(ordered), counts, terms)


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
    def from_tables(cls, checked: CheckedTables, source: Path | None = None, *,
                    known_order: list[int] | None = None) -> Catalog:  # fmt: skip
        assert checked.fair is not None, "validate before building a catalogue"
        return cls(
            checked.fair,
            tuple(checked.booths),
            tuple(checked.products),
            source,
            tuple(f"{p.table} {p.record} {p.field}: {p.message}" for p in checked.warnings),
            known_order,
        )

    @classmethod
    def from_records(cls, fair: Fair, booths: Sequence[Booth], products: Sequence[Product]) -> Catalog:
        """For tests and tools: records made in code (they must already satisfy the contract)."""
        return cls(fair, tuple(booths), tuple(products))

    def _build_product_index(self) -> SearchIndex[Product]:
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

        def text() -> TextIndex:
            group_text = {key: fold(f"{label.vi}\n{label.en}\n{key}") for key, label in GROUPS.items()}
            type_text = {key: fold(f"{label.vi}\n{label.en}\n{key}") for key, label in EXHIBITOR_TYPES.items()}
            group_of = {group: group_text.get(group, group) for group in set(groups)}
            parts = ("name", "name_en", "producer", "province", "booth", "code")
            fields = attrgetter("name", "name_en", "producer", "province", "booth_no", "code", "description")
            raw = map("\n".join, map(fields, products))
            suffixes = map(add, repeat("\n"), map(group_of.__getitem__, groups))
            zone = [fold(b.zone) for b in booths]
            kind = [type_text.get(b.exhibitor_type, "") for b in booths]
            extra = {
                "group": list(map(group_of.__getitem__, groups)),
                "zone": list(map(zone.__getitem__, booth_of)),
                "exhibitor_type": list(map(kind.__getitem__, booth_of)),
            }
            return _text_index(raw, parts, suffixes, extra)

        group_order = {key: position for position, key in enumerate(GROUPS)}
        prices = list(map(attrgetter("price_vnd"), products))
        sorts: dict[str, Callable[[list[int]], list[int]]] = {
            "name": lambda order: order,
            "stars": lambda order: _then_by(order, stars),
            "group": lambda order: _then_by(order, _per_value(groups, lambda g: group_order.get(g, 99))),
            "province": lambda order: _then_by(order, _per_value(provinces, vi_sort_key)),
            "booth": lambda order: _then_by(
                order, _per_value(list(map(attrgetter("booth_no"), map(booths.__getitem__, booth_of))), natural_key)
            ),
            "price": lambda order: _then_by(order, [(price is None, price or 0) for price in prices]),
        }
        star_text = {value: str(value) for value in set(stars)}
        return SearchIndex(
            products,
            order=order,
            text=text,
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
        )

    def _build_booth_index(self) -> SearchIndex[Booth]:
        booths = self.booths
        count = len(booths)
        order = sorted(range(count), key=lambda i: natural_key(booths[i].booth_no))

        def text() -> TextIndex:
            type_text = {key: fold(f"{label.vi}\n{label.en}\n{key}") for key, label in EXHIBITOR_TYPES.items()}
            kind = [type_text.get(b.exhibitor_type, "") for b in booths]
            parts = ("exhibitor", "booth", "province", "zone")  # the display name first, for ranking
            fields = attrgetter("exhibitor", "booth_no", "province", "zone", "contact_name", "description")
            raw = map("\n".join, map(fields, booths))
            return _text_index(raw, parts, map(add, repeat("\n"), kind), {"exhibitor_type": kind})

        type_order = {key: position for position, key in enumerate(EXHIBITOR_TYPES)}
        by_booth = self._by_booth
        sorts: dict[str, Callable[[list[int]], list[int]]] = {
            "booth": lambda order: order,
            "exhibitor": lambda order: vi_sort_order([b.exhibitor for b in booths]),
            "exhibitor_type": lambda order: _then_by(order, [type_order.get(b.exhibitor_type, 99) for b in booths]),
            "province": lambda order: _then_by(order, _per_value([b.province for b in booths], vi_sort_key)),
            "zone": lambda order: _then_by(order, _per_value([b.zone for b in booths], vi_sort_key)),
            "products": lambda order: _then_by(order, [len(by_booth.get(i, ())) for i in range(count)]),
        }
        return SearchIndex(
            booths,
            order=order,
            text=text,
            facets={
                "province": [b.province for b in booths],
                "zone": [b.zone for b in booths],
                "exhibitor_type": [b.exhibitor_type for b in booths],
            },
            sorts=sorts,
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


def load_catalog(path: Path) -> Catalog:
    """Read, validate and index a store (raises the store's errors)."""
    from .store import load_store

    loaded = load_store(path)
    return Catalog.from_tables(loaded.tables, Path(path))
