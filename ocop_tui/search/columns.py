"""Small operations on record columns (one value per record, addressed by record index) that the index,
the index and the catalogue share: sorting by a column, ranks."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence


def ranks(order: Sequence[int]) -> array:
    """rank[i] = position of record i in `order` (the inverse permutation), as 4-byte numbers: a list of
    100,000 Python ints takes 3.6 MB, and there is one per sort column."""
    rank = array("i", bytes(4 * len(order)))
    for position, index in enumerate(order):
        rank[index] = position
    return rank


def then_by(order: Sequence[int], keys: Sequence[object]) -> list[int]:
    """`order` re-sorted by keys[i]; a stable sort, so records with equal keys keep `order` between them."""
    return sorted(order, key=keys.__getitem__)


def per_value(column: Sequence[str], function: Callable[[str], object]) -> list[object]:
    """function(value) for every value, computed once per distinct value (provinces, zones, booths)."""
    cache = {value: function(value) for value in set(column)}
    return list(map(cache.__getitem__, column))
