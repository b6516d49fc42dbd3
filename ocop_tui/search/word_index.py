"""The word index of one list of records, built once: which records hold each folded word, by where it lands.

A record's searchable fields are grouped by how much a word found there counts (see `Rank`): the name,
the details (province, producer, booth, code, group, exhibitor type), the English name, the description.
For each rank the index keeps word -> records (see bitset.py). Phrases (words next to each other, in
order) are checked in each record's folded name and details, kept as " word word " strings. Field prefixes
(`tinh:`, `chuthe:`) match whole field values: each such field keeps its distinct values (" word word ")
and their records, a few hundred or thousand values instead of one per record.

Every value is tokenised once however many records share it (provinces, producers, descriptions repeat),
and the words are filed with C-level passes (map, chain): 100,000 products take a few seconds, in the
background, once per catalogue.
"""

from __future__ import annotations

import bisect
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from itertools import chain, repeat

from ocop_tui.search.bitset import Postings, from_positions, pack, union
from ocop_tui.text import words_of_each


class Rank(IntEnum):
    """Where a word lands, best first (the attribute ranking rule)."""

    NAME = 0
    DETAILS = 1
    ENGLISH = 2
    DESCRIPTION = 3


RANKS = tuple(Rank)


CHUNK = 1024  # values tokenised at once


@dataclass(frozen=True)
class Field:
    """One searchable field: its text for every record (by record index) and how it is searched.

    `rank` None: searched only through its prefix. `phrases`: keep each record's words of this field as
    one string, for phrases and "starts with". `values`: keep the distinct values, for prefix terms.
    `text` turns a stored value into the text that is searched (a group key into its labels).
    """

    name: str
    rank: Rank | None
    column: Sequence[str]
    phrases: bool = False
    values: bool = False
    text: Callable[[str], str] | None = None


@dataclass
class FieldValues:
    """The distinct values of one field, each as " word word " (folded), with its records."""

    stored: list[str]  # as stored
    words: list[str]
    records: list[Postings]

    def matching(self, phrase: Sequence[str], open_end: bool) -> list[int]:
        """Indices of the values holding `phrase` as whole words (the last one may be unfinished)."""
        needle = " " + " ".join(phrase) + ("" if open_end else " ")
        return [i for i, value in enumerate(self.words) if needle in value]

    def union(self, indices: Iterable[int], size: int) -> int:
        return union(map(self.records.__getitem__, indices), size)


@dataclass
class WordIndex:
    size: int
    by_rank: list[dict[str, Postings]]
    vocabulary: list[str]  # every folded word, sorted (prefix lookups)
    phrases: dict[str, list[str]]  # field -> " word word " of every record, by position
    phrase_ranks: dict[str, Rank]
    fields: dict[str, FieldValues] = field(default_factory=dict)

    def prefixed(self, prefix: str) -> list[str]:
        """The words of the vocabulary that start with `prefix` (itself included)."""
        start = bisect.bisect_left(self.vocabulary, prefix)
        end = bisect.bisect_left(self.vocabulary, prefix + "\U0010ffff", start)
        return self.vocabulary[start:end]

    def knows(self, word: str) -> bool:
        position = bisect.bisect_left(self.vocabulary, word)
        return position < len(self.vocabulary) and self.vocabulary[position] == word

    def records(self, words: Iterable[str], ranks: Iterable[Rank] = RANKS) -> int:
        """The records holding any of `words`, in any of `ranks`."""
        tables = [self.by_rank[rank] for rank in ranks]
        return union((table.get(word) for word in words for table in tables), self.size)


def _spread(numbers: list[int], groups: list[list[int]] | None) -> list[int]:
    return numbers if groups is None else list(chain.from_iterable(map(groups.__getitem__, numbers)))


def _values_in_order(column: Sequence[str], order: Sequence[int]) -> tuple[list[str], list[list[int]] | None]:
    """The distinct values of `column` and the positions (in `order`) holding each; None when every record
    has its own value (names, codes): then value i is at position i."""
    in_order = list(map(column.__getitem__, order))
    distinct = list(dict.fromkeys(in_order))
    if len(distinct) == len(in_order):
        return in_order, None
    return distinct, _file(in_order, range(len(in_order)), distinct)


def _file(keys: Iterable[str], numbers: Iterable[int], known: Iterable[str]) -> list[list[int]]:
    """For each of `known` (in order), the numbers filed under it: keys[i] gets numbers[i] (C-level)."""
    lists = {key: [] for key in known}
    deque(map(list.append, map(lists.__getitem__, keys), numbers), maxlen=0)
    return list(lists.values())


class _Postings:
    """The postings of one rank while they are collected, kept small: a word's positions go into an array
    (4 bytes each, not a list of Python ints), and once a word is in `dense_from` records into a set of bits,
    the array then only buffering the next positions (so no word ever holds a long list)."""

    def __init__(self, size: int, dense_from: int) -> None:
        self.size = size
        self.dense_from = dense_from
        self.pending: dict[str, array] = {}
        self.dense: dict[str, int] = {}

    def add(self, word: str, positions: list[int]) -> None:
        buffer = self.pending.get(word)
        if buffer is None:
            buffer = self.pending[word] = array("i")
        buffer.extend(positions)
        if len(buffer) >= self.dense_from:
            self.dense[word] = self.dense.get(word, 0) | from_positions(buffer, self.size)
            del buffer[:]

    def final(self) -> dict[str, Postings]:
        """Every word's postings: bits for a word that reached `dense_from` positions (repeats counted, as
        `pack` counts them), else its sorted positions."""
        result: dict[str, Postings] = {}
        for word, buffer in self.pending.items():
            bits = self.dense.get(word)
            if bits is None:
                result[word] = array("i", sorted(set(buffer)))
            else:
                result[word] = bits | from_positions(buffer, self.size) if buffer else bits
        self.pending.clear()
        self.dense.clear()
        return result


def build_word_index(fields: Sequence[Field], order: Sequence[int]) -> WordIndex:
    """Index `fields` of the records listed in `order` (the default order: position = index in it)."""
    size = len(order)
    dense_from = max(64, size // 48)  # from here a set of bits is smaller than an array of positions
    collecting = [_Postings(size, dense_from) for _ in RANKS]
    phrases: dict[str, list[str]] = {}
    phrase_ranks: dict[str, Rank] = {}
    values: dict[str, FieldValues] = {}
    for spec in fields:
        distinct, groups = _values_in_order(spec.column, order)
        keep_text = spec.values or (spec.phrases and spec.rank is not None)
        joined: list[str] = []
        table = collecting[spec.rank] if spec.rank is not None else None
        # A chunk of values at a time: the words of 100,000 names at once would be a million strings.
        for start in range(0, len(distinct), CHUNK):
            part = distinct[start : start + CHUNK]
            tokens = words_of_each(part if spec.text is None else list(map(spec.text, part)))
            if keep_text:
                joined += [" " + " ".join(words) + " " for words in tokens]
            if table is None:
                continue
            flat = list(chain.from_iterable(tokens))
            vocabulary = list(dict.fromkeys(flat))
            numbers = chain.from_iterable(map(repeat, range(start, start + len(tokens)), map(len, tokens)))
            for word, found in zip(vocabulary, _file(flat, numbers, vocabulary)):
                table.add(word, _spread(found, groups))
        if spec.values:
            records = [[i] for i in range(len(distinct))] if groups is None else groups
            values[spec.name] = FieldValues(distinct, joined, [pack(r, size, dense_from) for r in records])
        if spec.phrases and spec.rank is not None:
            phrases[spec.name] = joined if groups is None else _per_position(joined, groups, size)
            phrase_ranks[spec.name] = spec.rank
    by_rank = [table.final() for table in collecting]
    return WordIndex(
        size=size,
        by_rank=by_rank,
        vocabulary=sorted({word for table in by_rank for word in table}),
        phrases=phrases,
        phrase_ranks=phrase_ranks,
        fields=values,
    )


def _per_position(joined: list[str], groups: list[list[int]], size: int) -> list[str]:
    result = [""] * size
    for text, positions in zip(joined, groups):
        for position in positions:
            result[position] = text
    return result
