"""Matching the conditions of an understood query (slots) against the word index: for each slot, the ways
a record can meet it (alternatives), each with its cost and where it lands.

A word matches a whole word of a record; the word being typed also the start of one. Besides the word as
typed: the word split in two words that follow each other (`phuquoc` = `phu quoc`), two typed words
joined (`st 25` = `st25`), and, only when nothing matches exactly, near words (typos.py). A booth, a code
a province or an exhibitor type matches its records, or its words as text.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress, pairwise, repeat
from operator import contains

from ocop_tui.search.bitset import from_positions, positions, union
from ocop_tui.search.typos import TypoFinder
from ocop_tui.search.understanding import Slot, Word
from ocop_tui.search.word_index import RANKS, Rank, WordIndex

SPLIT_OR_JOIN_COST = 1
MIN_SPLIT_PART = 2
# Above this many candidates, the phrase rules first narrow them with the word index (the names' first words,
# or the records holding each word), instead of reading every candidate's texts.
NARROW_PHRASES_FROM = 2_000


@dataclass
class Alternative:
    """One way to meet a slot: the records, per rank where the match lands; `cost` 0 for the word as
    typed, 1 for a split or joined word or one typo, 2 for two typos."""

    by_rank: tuple[int, int, int, int]
    cost: int = 0
    typo: bool = False
    whole: bool = True  # the typed word itself, not the start of a longer word
    correction: str = ""  # the word it was taken for (a typo or a split)

    @property
    def records(self) -> int:
        a, b, c, d = self.by_rank
        return a | b | c | d


@dataclass
class SlotMatch:
    slot: Slot
    alternatives: list[Alternative] = field(default_factory=list)

    def records(self, with_typos: bool) -> int:
        result = 0
        for alternative in self.alternatives:
            if with_typos or not alternative.typo:
                result |= alternative.records
        return result

    def cost_levels(self, with_typos: bool) -> dict[int, int]:
        """cost -> the records whose cheapest way to meet this slot costs that much."""
        levels: dict[int, int] = {}
        for alternative in self.alternatives:
            if with_typos or not alternative.typo:
                levels[alternative.cost] = levels.get(alternative.cost, 0) | alternative.records
        seen = 0
        for cost in sorted(levels):
            levels[cost] &= ~seen
            seen |= levels[cost]
        return levels

    def landing(self, rank: Rank, with_typos: bool) -> int:
        """The records meeting this slot in the name, ..., down to `rank`."""
        result = 0
        for alternative in self.alternatives:
            if with_typos or not alternative.typo:
                for better in range(rank + 1):
                    result |= alternative.by_rank[better]
        return result

    def whole(self) -> int:
        result = 0
        for alternative in self.alternatives:
            if alternative.whole and not alternative.typo and not alternative.cost:
                result |= alternative.records
        return result


class Matcher:
    """Alternatives for slots, against one word index (and its lookups for booths, codes, provinces)."""

    def __init__(self, index: WordIndex, lookups: dict[str, Callable[[str], int]]) -> None:
        self.index = index
        self._lookups = lookups  # slot kind (booth, code, province, type) -> its records for a value
        self._typos: TypoFinder | None = None
        self._cache: dict[tuple[str, bool], tuple[int, int, int, int]] = {}
        self._openings: tuple[list[str], list[array]] | None = None
        self._letters: dict[str, tuple[int, int, int, int]] | None = None

    @property
    def typos(self) -> TypoFinder:
        if self._typos is None:
            self._typos = TypoFinder(self.index.vocabulary)
        return self._typos

    def by_rank(self, word: str, prefix: bool) -> tuple[int, int, int, int]:
        """The records holding `word` (or with `prefix`, a word starting with it, not the word itself)."""
        if prefix and len(word) == 1 and self._letters is not None:
            kept = self._letters.get(word)
            if kept is not None:
                return kept
        key = (word, prefix)
        found = self._cache.get(key)
        if found is None:
            words = [w for w in self.index.prefixed(word) if w != word] if prefix else [word]
            found = tuple(self.index.records(words, [rank]) for rank in RANKS)  # type: ignore[assignment]
            if len(self._cache) > 64:  # four sets of 12.5 kB each at 100,000 products
                self._cache.clear()
            self._cache[key] = found  # type: ignore[assignment]
        return found  # type: ignore[return-value]

    def match(self, slots: Sequence[Slot], with_typos: bool) -> list[SlotMatch]:
        matches = [self._slot(slot, with_typos) for slot in slots]
        self._joined(matches)
        return matches

    # One slot ---------------------------------------------------------------------------------------

    def _slot(self, slot: Slot, with_typos: bool) -> SlotMatch:
        match = SlotMatch(slot)
        if slot.kind == "word":
            self._word(match, slot.words[0], with_typos)
        elif slot.kind == "phrase":
            match.alternatives.append(self._phrase([w.text for w in slot.words], False))
        else:
            match.alternatives.append(Alternative((0, self._lookups[slot.kind](slot.value), 0, 0)))
            text = self._all_words(slot.words)
            if text:
                # "b1" in a name is no match for booth B-001, only something close to it.
                cost = SPLIT_OR_JOIN_COST if slot.kind in ("booth", "code") else 0
                match.alternatives.append(Alternative((0, text, 0, 0), cost=cost))
        return match

    def _all_words(self, words: Sequence[Word]) -> int:
        result = -1
        for word in words:
            exact = self.by_rank(word.text, False)
            found = exact[0] | exact[1] | exact[2] | exact[3]
            if word.open:
                more = self.by_rank(word.text, True)
                found |= more[0] | more[1] | more[2] | more[3]
            result &= found
            if not result:
                return 0
        return max(result, 0)

    def _word(self, match: SlotMatch, word: Word, with_typos: bool) -> None:
        text = word.text
        add = match.alternatives.append
        add(Alternative(self.by_rank(text, False)))
        if word.open:
            add(Alternative(self.by_rank(text, True), whole=False))
        for split in self._splits(text, word.open):
            add(split)
        if with_typos:
            finder = self.typos
            near = finder.near_prefix(text) if word.open else finder.near(text)
            by_cost: dict[int, list[str]] = {}
            for found, typos in near:
                by_cost.setdefault(typos, []).append(found)
            for typos, words in sorted(by_cost.items()):
                add(Alternative(tuple(self.index.records(words, [r]) for r in RANKS), cost=typos,  # type: ignore[arg-type]
                                typo=True, whole=False, correction=min(words, key=len)))  # fmt: skip

    def _splits(self, text: str, open_end: bool) -> list[Alternative]:
        """`phuquoc` as `phu quoc`: two known words, next to each other in a name or the details."""
        found = []
        index = self.index
        for cut in range(MIN_SPLIT_PART, len(text) - MIN_SPLIT_PART + 1):
            first, second = text[:cut], text[cut:]
            if index.knows(first) and (index.knows(second) or (open_end and index.prefixed(second))):
                alternative = self._phrase([first, second], open_end)
                if alternative.records:
                    alternative.cost = SPLIT_OR_JOIN_COST
                    alternative.correction = f"{first} {second}"
                    found.append(alternative)
        return found

    def _phrase(self, words: Sequence[str], open_end: bool) -> Alternative:
        """The records where `words` follow each other in the name, the details or the English name."""
        candidates = -1
        for i, word in enumerate(words):
            exact = self.by_rank(word, False)
            found = exact[0] | exact[1] | exact[2] | exact[3]
            if open_end and i == len(words) - 1:
                more = self.by_rank(word, True)
                found |= more[0] | more[1] | more[2] | more[3]
            candidates &= found
        if candidates <= 0:
            return Alternative((0, 0, 0, 0))
        needle = " " + " ".join(words) + ("" if open_end else " ")
        return Alternative(self.phrase_ranks(candidates, needle))

    def phrase_ranks(self, candidates: int, needle: str, starts: bool = False) -> tuple[int, int, int, int]:
        """Of `candidates`, those whose phrase fields hold `needle`, per rank."""
        found = [0, 0, 0, 0]
        index = self.index
        count = candidates.bit_count()
        may_hold: tuple[int, ...] | None = None  # per rank: the candidates that may hold `needle` there
        if count > NARROW_PHRASES_FROM:
            if starts:
                candidates &= self._may_open(needle)
            else:
                may_hold = self._may_hold(needle)
        at: list[int] | None = None
        for name, texts in index.phrases.items():
            if starts and name != "name":
                continue
            narrowed = candidates if may_hold is None else candidates & may_hold[index.phrase_ranks[name]]
            if narrowed.bit_count() * 2 < count:  # listing a set of 100,000 takes a millisecond: only if it pays
                field_at = positions(narrowed)
            else:
                field_at = at = positions(candidates) if at is None else at
            gathered = list(map(texts.__getitem__, field_at))
            test = str.startswith if starts else contains
            hits = list(compress(field_at, map(test, gathered, repeat(needle))))
            if hits:
                found[index.phrase_ranks[name]] |= from_positions(hits, index.size)
        return tuple(found)  # type: ignore[return-value]

    def _may_hold(self, needle: str) -> tuple[int, ...]:
        """Per rank, every record that may hold `needle` (" word word", a space after the last word when it is
        complete) in a phrase field of that rank: the records holding each of its words there as a whole word
        (the last one, still being typed, also as the start of one). A superset: phrase_ranks then reads
        their texts, which are those words joined (word_index.py).

        At 100,000 products the phrase rule read the name, producer and English name of every candidate of a
        two-word query (26,000 after "nuoc m"); each word's records narrow them with set operations.
        """
        words = needle.split()
        open_end = not needle.endswith(" ")
        held = [-1, -1, -1, -1]  # every record
        for number, word in enumerate(words):
            exact = self.by_rank(word, False)
            longer = self.by_rank(word, True) if open_end and number == len(words) - 1 else (0, 0, 0, 0)
            for rank in RANKS:
                held[rank] &= exact[rank] | longer[rank]
        return tuple(held)

    def _may_open(self, needle: str) -> int:
        """Every record whose name may start with `needle` (" word word", a space after the last word when it
        is complete): the names whose first word is the needle's first (or, when that is all the needle and
        it is still being typed, starts with it). A superset: phrase_ranks then reads those names.

        At 100,000 products "the name starts with the query" read every candidate's name, 100,000 after the
        first letter (most of a 25 ms search); the names' first words narrow them with one lookup.
        """
        first, space, _rest = needle[1:].partition(" ")
        words, records = self.name_openings
        start = bisect_left(words, first)
        if space:
            end = start + 1 if start < len(words) and words[start] == first else start
        else:
            end = bisect_left(words, first + "\U0010ffff", start)
        return union(records[start:end], self.index.size)

    def keep_first_letters(self) -> None:
        """Keep by_rank(letter, prefix=True) for every first letter of the vocabulary (made by the index's
        warm()): every new word typed starts with one, and the union of every word under a letter was the
        slowest set a keystroke made (at 100,000 products about 3 ms of a search for 'n', 'nuoc m' or
        'phu q'). Four sets per letter: about 1.4 MB at 100,000 products."""
        if self._letters is None:
            letters = dict.fromkeys(word[0] for word in self.index.vocabulary if word)
            self._letters = {letter: self.by_rank(letter, True) for letter in letters}

    @property
    def name_openings(self) -> tuple[list[str], list[array]]:
        """The first word of every name, sorted, and the records whose name starts with each (made by the
        index's warm(), else on the first search that needs it: 100,000 names in about 50 ms)."""
        if self._openings is None:
            by_word: dict[str, array] = {}
            for position, text in enumerate(self.index.phrases.get("name", ())):
                by_word.setdefault(text[1:].partition(" ")[0], array("i")).append(position)
            words = sorted(by_word)
            self._openings = (words, [by_word[word] for word in words])
        return self._openings

    def _joined(self, matches: list[SlotMatch]) -> None:
        """`st 25` = `st25`: two typed words that are one word of the records meet both their slots."""
        for left, right in pairwise(matches):
            if left.slot.kind != "word" or right.slot.kind != "word":
                continue
            first, second = left.slot.words[0], right.slot.words[0]
            joined = first.text + second.text
            parts = [self.by_rank(joined, False)]
            if second.open:
                parts.append(self.by_rank(joined, True))
            by_rank = tuple(_or(p[r] for p in parts) for r in RANKS)
            if any(by_rank):
                for match in (left, right):
                    match.alternatives.append(Alternative(by_rank, cost=SPLIT_OR_JOIN_COST, whole=False,  # type: ignore[arg-type]
                                                          correction=joined))  # fmt: skip


def _or(masks: Iterable[int]) -> int:
    result = 0
    for mask in masks:
        result |= mask
    return result
