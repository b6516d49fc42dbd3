"""Typo tolerance: the words of the vocabulary within a bounded edit distance of a typed word.

One typo (a letter added, dropped, changed, or two swapped: the optimal string alignment distance) for
words of 4 letters or more, two for 8 or more; none for shorter words or words with digits (`st25`, a
booth or a code must be typed right). rapidfuzz compares a word with every vocabulary word of a possible
length in C; the vocabulary is a few thousand folded words, so this takes about a millisecond. The word
being typed is compared with the vocabulary's words cut to about its length (`quok` finds `quoc`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

ONE_TYPO_FROM = 4
TWO_TYPOS_FROM = 8


def allowed_typos(word: str) -> int:
    if not word.isalpha() or not word.isascii():
        return 0
    return 2 if len(word) >= TWO_TYPOS_FROM else 1 if len(word) >= ONE_TYPO_FROM else 0


class TypoFinder:
    """Near words in one vocabulary (sorted, folded)."""

    def __init__(self, vocabulary: Sequence[str]) -> None:
        # Imported here, not with the module: a tenth of a second and some megabytes that start-up and
        # most sessions never need (typos are looked for only when nothing matches as typed).
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        self._extract: Any = process.extract
        self._distance: Any = OSA.distance
        self._by_length: dict[int, list[str]] = defaultdict(list)
        for word in vocabulary:
            if word.isalpha():
                self._by_length[len(word)].append(word)
        self._prefixes: dict[int, dict[str, list[str]]] = {}

    def near(self, word: str) -> list[tuple[str, int]]:
        """(vocabulary word, typos) for the words within reach of `word`, itself excluded."""
        most = allowed_typos(word)
        if not most:
            return []
        found: list[tuple[str, int]] = []
        for length in range(len(word) - most, len(word) + most + 1):
            choices = self._by_length.get(length)
            if choices:
                found += [(match, int(distance)) for match, distance, _ in
                          self._extract(word, choices, scorer=self._distance, score_cutoff=most, limit=None)
                          if distance]  # fmt: skip
        return found

    def near_prefix(self, word: str) -> list[tuple[str, int]]:
        """(vocabulary word, typos) for the words whose start is within reach of `word` (being typed)."""
        most = allowed_typos(word)
        if not most:
            return []
        found: dict[str, int] = {}
        for length in range(len(word) - most, len(word) + most + 1):
            starts = self._starts(length)
            if not starts:
                continue
            for start, distance, _ in self._extract(word, list(starts), scorer=self._distance, score_cutoff=most,
                                                      limit=None):  # fmt: skip
                if distance:
                    for full in starts[start]:
                        if found.get(full, 99) > distance:
                            found[full] = int(distance)
        return list(found.items())

    def _starts(self, length: int) -> dict[str, list[str]]:
        """The vocabulary's words by their first `length` letters (words at least that long)."""
        starts = self._prefixes.get(length)
        if starts is None:
            starts = defaultdict(list)
            for size, words in self._by_length.items():
                if size >= length:
                    for word in words:
                        starts[word[:length]].append(word)
            self._prefixes[length] = starts = dict(starts)
        return starts
