"""A search index over one list of records: matching a parsed query against folded text, narrowing by the
chosen facet values, counting the facets, then ordering by relevance or by a column.

Earlier results are kept (a small LRU) so that typing on narrows the last result instead of the whole
catalogue; lazy parts (the text, each column's sort order) are built once, on first use or by warm().
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import compress, repeat
from operator import contains, eq, ge, not_
from typing import Generic, TypeVar

from ocop_tui.search.columns import ranks
from ocop_tui.search.facets import FacetCounter
from ocop_tui.search.query import Term, parse_query
from ocop_tui.search.ranking import rank_by_relevance
from ocop_tui.search.text_index import TextIndex
from ocop_tui.store.contract import share_values

R = TypeVar("R")


Filters = Mapping[str, AbstractSet[str]]


SortSpec = tuple[str, bool]  # (column, descending)


@dataclass(frozen=True, slots=True)
class ResultSet:
    """The answer to one search: record indices in display order and live facet counts."""

    ids: Sequence[int]
    facet_counts: Mapping[str, Mapping[str, int]]
    terms: tuple[Term, ...] = ()

    @property
    def total(self) -> int:
        return len(self.ids)


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
        self._facet_counter: FacetCounter | None = None
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
                    self._ranks[column] = ranks(self._sorts[column](self._all))
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
                narrows = all(any(new.implies(old) for new in terms) for old in old_terms)
                if narrows and (best is None or len(old_ids) < len(best[1])):
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
                    self._facet_counter = FacetCounter(self._facets)
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
        counts: dict[str, Mapping[str, int]] = {key: {} for key in self._facets}
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
            ordered = rank_by_relevance(final, terms, self.text.names)
        # A tuple: `final` can be the cached match list itself, which a caller must not be able to change.
        return ResultSet(tuple(ordered), counts, terms)
