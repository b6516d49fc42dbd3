"""Facets: the filters beside the results (province, group, stars, zone, exhibitor type), which of them
each screen offers, and counting how many records of a result have each value, in one pass.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ocop_tui.search.columns import gather

PRODUCT_FACETS = ("province", "group", "stars", "zone", "exhibitor_type")


BOOTH_FACETS = ("province", "zone", "exhibitor_type")


class FacetCounter:
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
        per_combo = Counter(gather(self.combo_of, ids))
        counts: dict[str, Counter[str]] = {}
        for name in names:
            position = self.names.index(name)
            counter: Counter[str] = Counter()
            for combo, number in per_combo.items():
                counter[self.combos[combo][position]] += number
            counts[name] = counter
        return counts
