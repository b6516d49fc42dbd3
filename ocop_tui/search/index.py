"""A search index over one list of records: the query understood (understanding.py), its conditions
matched against the word index (matching.py), narrowed by the chosen facet values, counted per facet,
then ordered by relevance (ranking.py) or by a column.

Sets of records are bits of Python ints (bitset.py): a facet count is `(found & value).bit_count()`. The
word index is built once, on the first search or earlier by warm() (in the background); each column's
sort order on its first use.
"""

from __future__ import annotations

import threading
import weakref
from bisect import bisect_left
from collections import Counter, OrderedDict
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from itertools import compress
from operator import not_
from typing import Generic, TypeVar

from ocop_tui.search.bitset import from_positions, full, positions, union
from ocop_tui.search.columns import ranks
from ocop_tui.search.matching import Matcher, SlotMatch
from ocop_tui.search.numbers import booth_key, compact_code
from ocop_tui.search.query import split_query
from ocop_tui.search.ranking import bucket_sort, relevance_rules
from ocop_tui.search.results import RankedIds, ResultSet
from ocop_tui.search.understanding import FieldTerm, Understanding, understand
from ocop_tui.search.word_index import Field, WordIndex, build_word_index
from ocop_tui.text import spelled_words

R = TypeVar("R")

Filters = Mapping[str, AbstractSet[str]]

SortSpec = tuple[str, bool]  # (column, descending)

__all__ = ["Filters", "ResultSet", "SearchIndex", "SortSpec"]


class SearchIndex(Generic[R]):
    """Everything one list of records is searched, filtered and sorted by.

    `order` is the default display order (position p holds record order[p]); `fields` gives the searched
    fields (called once, when the word index is built); `named` the exhibitor-type names understood in
    free text; `sorts[column]` a column's sort order; `kept` reads a word index kept from an earlier start
    (None: build it) and keeps a newly built one (word_cache.py).
    """

    def __init__(
        self,
        records: Sequence[R],
        *,
        order: list[int],
        fields: Callable[[], list[Field]],
        facets: dict[str, list[str]],
        sorts: dict[str, Callable[[list[int]], list[int]]],
        prefixes: dict[str, str],
        stars: list[int] | None = None,
        missing: dict[str, list[bool]] | None = None,
        named: Sequence[tuple[tuple[str, ...], str, str]] = (),
        names: Callable[[], Sequence[str]] | None = None,
        codes: Callable[[], Sequence[str]] | None = None,
        kept: tuple[Callable[[], WordIndex | None], Callable[[WordIndex], object]] | None = None,
    ) -> None:
        self.records = records
        self._fields = fields
        self._kept = kept  # reading a word index kept from an earlier start, and keeping a new one
        self._words: WordIndex | None = None
        self._matcher: Matcher | None = None
        self._facet_columns = facets
        self._facet_sets: dict[str, dict[str, int]] | None = None
        self._facet_totals: dict[str, dict[str, int]] | None = None
        self._sorts = sorts
        self._ranks: dict[str, Sequence[int]] = {}
        self._prefixes = prefixes
        self._stars = stars
        self._missing = missing or {}  # per sort column: records without a value, kept last both ways
        self._all: list[int] = order
        self._size = len(order)
        self._position_of: Sequence[int] | None = None
        self._named_types = list(named)
        self._names = names
        self._code_column = codes
        self._spelled_names: list[str] | None = None
        self._booth_keys: dict[str, list[int]] | None = None
        self._codes: tuple[list[str], list[int]] | None = None
        self._understood: OrderedDict[str, Understanding] = OrderedDict()
        self._build_lock = threading.RLock()  # lazy parts may be asked for from a worker thread too

    # Lazy parts --------------------------------------------------------------------------------------

    @property
    def default_order(self) -> list[int]:
        """Every record, in the default display order (read-only: it is shared)."""
        return self._all

    @property
    def position_of(self) -> Sequence[int]:
        if self._position_of is None:
            self._position_of = ranks(self._all)
        return self._position_of

    @property
    def words(self) -> WordIndex:
        built = self._words
        if built is None:
            with self._build_lock:
                if self._words is None:
                    index = self._kept[0]() if self._kept is not None else None
                    if index is None or index.size != self._size:
                        index = build_word_index(self._fields(), self._all)
                        if self._kept is not None:
                            self._kept[1](index)
                    # Through a weak reference: the index holds the matcher, and a matcher holding the index
                    # would make a cycle that only the garbage collector frees (never, once frozen).
                    me = weakref.proxy(self)
                    lookups: dict[str, Callable[[str], int]] = {
                        "booth": lambda key: me._booth_records(key),
                        "code": lambda prefix: me._code_records(prefix),
                        "province": lambda province: me._province_records(province),
                        "type": lambda kind: me._type_records(kind),
                    }
                    self._matcher = Matcher(index, lookups)
                    self._words = index
                built = self._words
        return built

    @property
    def matcher(self) -> Matcher:
        _ = self.words
        assert self._matcher is not None
        return self._matcher

    @property
    def ready(self) -> bool:
        """The word index is built: a search takes milliseconds."""
        return self._words is not None

    def rank(self, column: str) -> Sequence[int] | None:
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
        """Build the word index and the facet sets now (before the first keystroke needs them), and the typo
        finder (its import and word lists took the first misspelt search 40 ms and more) and the names' first
        words (50 ms at 100,000 products, on the first search that ranks by them), and the words under each
        first letter (Matcher.keep_first_letters)."""
        _ = self.words, self.facet_sets, self.position_of, self.matcher.typos, self.matcher.name_openings
        self.matcher.keep_first_letters()

    @property
    def facet_sets(self) -> dict[str, dict[str, int]]:
        """facet -> value -> its records."""
        if self._facet_sets is None:
            with self._build_lock:
                if self._facet_sets is None:
                    sets = {}
                    for name, column in self._facet_columns.items():
                        groups: dict[str, list[int]] = {}
                        for position, value in enumerate(map(column.__getitem__, self._all)):
                            groups.setdefault(value, []).append(position)
                        sets[name] = {value: from_positions(p, self._size) for value, p in groups.items()}
                    self._facet_sets = sets
        return self._facet_sets

    @property
    def facet_names(self) -> tuple[str, ...]:
        return tuple(self._facet_columns)

    # What understanding needs to know -------------------------------------------------------------

    @property
    def has_stars(self) -> bool:
        return self._stars is not None

    def _booths(self) -> dict[str, list[int]]:
        if self._booth_keys is None:
            keys: dict[str, list[int]] = {}
            values = self.words.fields.get("booth")
            for number, stored in enumerate(values.stored if values else ()):
                key = booth_key(stored)
                if key is not None:
                    keys.setdefault(key, []).append(number)
            self._booth_keys = keys
        return self._booth_keys

    def has_booth(self, key: str) -> bool:
        return key in self._booths()

    def booth_number(self, key: str) -> str:
        """The booth number with this key, as the fair writes it ("k7" -> "K-007")."""
        numbers = self._booths().get(key)
        return self.words.fields["booth"].stored[numbers[0]] if numbers else key

    def field_has(self, field: str, words: Sequence[str], open_end: bool) -> bool:
        values = self.words.fields.get(field)
        if values is not None:
            return bool(values.matching(words, open_end))
        texts = self.words.phrases.get(field)
        if texts is None:
            return False
        needle = " " + " ".join(words) + ("" if open_end else " ")
        return any(needle in text for text in texts)

    def named(self) -> list[tuple[tuple[str, ...], str, str]]:
        values = self.words.fields.get("province")
        provinces = [(tuple(text.split()), "province", stored) for stored, text in
                     zip(values.stored, values.words)] if values else []  # fmt: skip
        return provinces + self._named_types

    # Lookups for slots and prefix terms --------------------------------------------------------------

    def _value_records(self, field: str, wanted: Callable[[str], bool]) -> int:
        values = self.words.fields.get(field)
        if values is None:
            return 0
        return values.union((i for i, stored in enumerate(values.stored) if wanted(stored)), self._size)

    def _booth_records(self, key: str) -> int:
        values = self.words.fields["booth"]
        return values.union(self._booths().get(key, ()), self._size)

    def _province_records(self, province: str) -> int:
        return self._value_records("province", province.__eq__)

    def _type_records(self, kind: str) -> int:
        return self._value_records("exhibitor_type", kind.__eq__)

    def _code_records(self, prefix: str) -> int:
        if self._codes is None:
            column = self._code_column() if self._code_column is not None else []
            position_of = self.position_of
            pairs = sorted(zip(map(compact_code, column), position_of[: len(column)]))
            self._codes = ([code for code, _ in pairs], [position for _, position in pairs])
        codes, found = self._codes
        start = bisect_left(codes, prefix)
        end = bisect_left(codes, prefix + "\x7f", start)
        return from_positions(found[start:end], self._size)

    def _term_records(self, term: FieldTerm) -> int:
        if term.field == "booth":
            if term.key:
                return self._booth_records(term.key)
            return self._phrase_in_values("booth", term)
        if term.field == "code":
            return self._code_records(term.key) if term.key else 0
        if term.field in self.words.fields:
            return self._phrase_in_values(term.field, term)
        texts = self.words.phrases.get(term.field)
        if texts is not None and term.words:
            needle = " " + " ".join(term.words) + ("" if term.open else " ")
            return from_positions((p for p, text in enumerate(texts) if needle in text), self._size)
        return 0

    def _phrase_in_values(self, field: str, term: FieldTerm) -> int:
        values = self.words.fields[field]
        if not term.words:
            return 0
        return values.union(values.matching(term.words, term.open), self._size)

    def _accented(self, found: int, spelled: Sequence[str]) -> int:
        """Of `found`, the records whose name holds these words with exactly these accents."""
        if self._names is None:
            return 0
        if self._spelled_names is None:
            names = self._names()
            self._spelled_names = [" " + " ".join(spelled_words(names[record])) + " " for record in self._all]
        texts = self._spelled_names
        needles = [f" {word} " for word in spelled]
        at = positions(found)
        return from_positions((p for p in at if all(n in texts[p] for n in needles)), self._size)

    # Searching --------------------------------------------------------------------------------------

    def understand(self, text: str) -> Understanding:
        cached = self._understood.get(text)
        if cached is None:
            chunks = split_query(text, self._prefixes)
            if not chunks:
                return Understanding()  # nothing typed: no need for the word index (the first frame)
            cached = understand(chunks, self)
            self._understood[text] = cached
            if len(self._understood) > 64:
                self._understood.popitem(last=False)
        return cached

    def workload(self, text: str) -> int:
        """About how many records a search for `text` has to go through before the word index makes it a
        matter of set operations: every record while the index is not built yet (the UI then searches in a
        thread), else none."""
        return 0 if self.ready or not text.strip() else self._size

    def _filtered(self, understood: Understanding) -> int:
        if understood.invalid:
            return 0
        found = full(self._size)
        if understood.stars is not None and self._stars is not None:
            wanted, or_more = understood.stars
            stars = self.facet_sets.get("stars", {})
            found &= union((mask for value, mask in stars.items() if
                            (int(value) >= wanted if or_more else int(value) == wanted)), self._size)  # fmt: skip
        for term in understood.terms:
            if not found:
                break
            found &= self._term_records(term)
        return found

    def _match(self, understood: Understanding) -> tuple[int, list[SlotMatch], bool]:
        """The records meeting every condition, the slots' matches, and whether typos were needed."""
        found = self._filtered(understood)
        if not understood.slots or not found:
            return found, [], False
        for with_typos in (False, True):
            matches = self.matcher.match(understood.slots, with_typos)
            result = found
            for match in matches:
                result &= match.records(with_typos)
                if not result:
                    break
            if result:
                return result, matches, with_typos
        return 0, matches, False

    def search(self, text: str = "", filters: Filters | None = None, sort: SortSpec | None = None) -> ResultSet:
        understood = self.understand(text)
        if understood.empty and not any((filters or {}).values()) and sort is None:
            return self._everything()
        if understood.empty:
            matched, matches, close = full(self._size), [], False
        else:
            matched, matches, close = self._match(understood)
        facet_sets = self.facet_sets
        active = {name: union(map(facet_sets[name].get, values), self._size)
                  for name, values in (filters or {}).items() if values and name in facet_sets}  # fmt: skip
        final = matched
        for chosen in active.values():
            final &= chosen
        counts: dict[str, dict[str, int]] = {}
        for name, sets in facet_sets.items():
            base = matched
            for other, chosen in active.items():
                if other != name:  # a facet's own selection does not narrow its counts
                    base &= chosen
            counts[name] = {value: n for value, records in sets.items() if (n := (base & records).bit_count())}
        ids = self._order(final, matches, understood, close, sort)
        corrections = _corrections(matches, final) if close else ()
        keys = [s.value for s in understood.slots if s.kind == "booth"]
        keys += [t.key for t in understood.terms if t.field == "booth" and t.key]
        numbers = {key: self.booth_number(key) for key in keys}
        return ResultSet(ids, counts, understood, close and bool(final), corrections, numbers)

    def _everything(self) -> ResultSet:
        """No search, no filter: every record in the default order, counted straight from the columns (the
        first frame needs no sets of records)."""
        if self._facet_totals is None:
            self._facet_totals = {name: dict(Counter(column)) for name, column in self._facet_columns.items()}
        return ResultSet(tuple(self._all), {name: dict(counts) for name, counts in self._facet_totals.items()})

    def _order(self, final: int, matches: list[SlotMatch], understood: Understanding, close: bool,
               sort: SortSpec | None) -> Sequence[int]:  # fmt: skip
        column_rank = self.rank(sort[0]) if sort is not None else None
        if sort is not None and column_rank is not None:
            ids = list(map(self._all.__getitem__, positions(final)))
            ordered = sorted(ids, key=column_rank.__getitem__, reverse=sort[1])
            missing = self._missing.get(sort[0])
            if missing is not None and sort[1]:
                # A product without a price is not the dearest one: blanks stay at the end.
                flags = list(map(missing.__getitem__, ordered))
                ordered = list(compress(ordered, map(not_, flags))) + list(compress(ordered, flags))
            return tuple(ordered)
        if understood.empty or not matches:
            buckets = [final] if final else []
        else:
            province = union((self._province_records(p) for p in understood.provinces), self._size)
            stars_sets = self.facet_sets.get("stars", {})
            stars = [stars_sets[v] for v in sorted(stars_sets, key=int, reverse=True)]
            rules = relevance_rules(final, matches, self.matcher, with_typos=close, province=province,
                                    stars=stars, accented=self._accented)  # fmt: skip
            buckets = bucket_sort(final, rules)
        return RankedIds(buckets, self._all, self.position_of)


def _corrections(matches: Sequence[SlotMatch], found: int) -> tuple[tuple[str, str], ...]:
    """(typed, taken for) for each word that only matched with a typo, the nearest word first."""
    corrections = []
    for match in matches:
        if match.records(with_typos=False) & found:
            continue
        near = sorted((a for a in match.alternatives if a.typo and a.records & found), key=lambda a: a.cost)
        if near:
            corrections.append((match.slot.words[0].spelled, near[0].correction))
    return tuple(corrections)
