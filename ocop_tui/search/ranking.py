"""Relevance: the order of the records a search found, when no column sort is chosen.

Records whose name starts with the searched words come first, then those whose name contains every
word, then matches in other fields; each group keeps the default (Vietnamese name) order.
"""

from __future__ import annotations

from itertools import compress, repeat
from operator import and_, contains, not_

from ocop_tui.search.query import Term


def rank_by_relevance(ids: list[int], terms: tuple[Term, ...], all_names: list[str]) -> list[int]:
    words = [t.value for t in terms if not t.field]
    if not words or not ids:
        return ids
    names = list(map(all_names.__getitem__, ids))
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
