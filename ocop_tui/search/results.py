"""What a search returns: the records in order, the facet counts, and how the query was understood.

The order is kept as buckets of records (ranking.py) and read out only as far as someone looks: the table
shows the first forty rows of 80,000 matches without listing the other 79,960.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import overload

from ocop_tui.search.bitset import positions
from ocop_tui.search.understanding import Understanding


class RankedIds(Sequence[int]):
    """Record numbers in ranked order, read from buckets of positions (of the default order) when needed."""

    def __init__(self, buckets: Sequence[int], order: Sequence[int], position_of: Sequence[int]) -> None:
        self._buckets = list(buckets)
        self._ends = list(accumulate(bucket.bit_count() for bucket in self._buckets))
        self._order = order
        self._position_of = position_of
        self._read: list[list[int] | None] = [None] * len(self._buckets)

    def _bucket(self, number: int) -> list[int]:
        read = self._read[number]
        if read is None:
            read = self._read[number] = list(map(self._order.__getitem__, positions(self._buckets[number])))
        return read

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        number = bisect_right(self._ends, index)
        start = self._ends[number - 1] if number else 0
        return self._bucket(number)[index - start]

    def __iter__(self) -> Iterator[int]:
        for number in range(len(self._buckets)):
            yield from self._bucket(number)

    def __contains__(self, record: object) -> bool:
        if not isinstance(record, int) or not 0 <= record < len(self._position_of):
            return False
        position = self._position_of[record]
        return any(bucket >> position & 1 for bucket in self._buckets)

    def index(self, record: object, start: int = 0, stop: int | None = None) -> int:
        if record in self:
            assert isinstance(record, int)
            position = self._position_of[record]
            for number, bucket in enumerate(self._buckets):
                if bucket >> position & 1:
                    found = (self._ends[number - 1] if number else 0) + self._bucket(number).index(record)
                    if start <= found and (stop is None or found < stop):
                        return found
                    break
        raise ValueError(f"{record!r} is not in the results")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return list(self) == list(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"RankedIds({list(self)[:10]}{'...' if len(self) > 10 else ''}, total={len(self)})"


@dataclass(frozen=True, slots=True)
class ResultSet:
    """The answer to one search: record numbers in display order and live facet counts.

    `close` is true when nothing matched exactly and these are the closest matches (typos allowed);
    `corrections` are the words taken for what was typed then ("quok" -> "quoc").
    """

    ids: Sequence[int]
    facet_counts: Mapping[str, Mapping[str, int]]
    understood: Understanding = field(default_factory=Understanding)
    close: bool = False
    corrections: tuple[tuple[str, str], ...] = ()
    booth_numbers: Mapping[str, str] = field(default_factory=dict)  # booth key -> the booth as numbered

    @property
    def total(self) -> int:
        return len(self.ids)

    @property
    def found_exactly(self) -> bool:
        """Something matched the query as typed (not only close matches): a kiosk's miss otherwise."""
        return self.total > 0 and not self.close
