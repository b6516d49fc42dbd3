"""Sets of records as Python ints: bit p is the record at position p of the default (name) order.

A search combines a few such sets per word and per ranking rule; an `&` or `|` of two 100,000-record sets
is one C-level pass over 12.5 kB, a count is `int.bit_count()`, and reading the members back gives them in
the default order for free. A word found in few records keeps its positions in an array instead (a set
of one record high up would otherwise take as many bytes as a full one); `union` turns any mix of both
into one set.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from itertools import compress, repeat

Postings = int | array  # a set as bits, or the sorted positions of a small one

_AS_DIGITS = bytes.maketrans(b"\x00\x01", b"01")
_AS_FLAGS = bytes.maketrans(b"01", b"\x00\x01")


def from_positions(positions: Iterable[int], size: int) -> int:
    """The set holding `positions` (each below `size`)."""
    return _from_flags(_flags([positions], size))


def _flags(chunks: Iterable[Iterable[int]], size: int) -> bytearray:
    flags = bytearray(size)
    setter = flags.__setitem__
    for chunk in chunks:
        for _ in map(setter, chunk, repeat(1)):
            pass
    return flags


def _from_flags(flags: bytearray) -> int:
    digits = flags.translate(_AS_DIGITS)
    digits.reverse()  # int(..., 2) reads the highest bit first
    return int(digits, 2) if digits else 0


def union(postings: Iterable[Postings | None], size: int) -> int:
    """Every record in any of `postings` (sets as bits are or-ed; arrays of positions are set at once)."""
    result = 0
    sparse: list[array] = []
    for item in postings:
        if item is None:
            continue
        if isinstance(item, int):
            result |= item
        else:
            sparse.append(item)
    if sparse:
        result |= _from_flags(_flags(sparse, size)) if len(sparse) > 1 or len(sparse[0]) > 8 else _small(sparse[0])
    return result


def _small(positions: Sequence[int]) -> int:
    result = 0
    for position in positions:
        result |= 1 << position
    return result


def as_set(postings: Postings | None) -> int:
    """`postings` as bits."""
    if postings is None:
        return 0
    if isinstance(postings, int):
        return postings
    return _small(postings) if len(postings) <= 8 else from_positions(postings, postings[-1] + 1)


# The bits set in each byte value, lowest first.
_BITS_OF_BYTE = tuple(tuple(bit for bit in range(8) if value >> bit & 1) for value in range(256))


def positions(mask: int) -> list[int]:
    """The members of `mask`, lowest first."""
    if not mask:
        return []
    if mask.bit_count() * 8 < mask.bit_length():
        return _sparse_positions(mask)
    low = (mask & -mask).bit_length() - 1
    flags = format(mask >> low, "b").encode("ascii")[::-1].translate(_AS_FLAGS)
    return list(compress(range(low, low + len(flags)), flags))


def _sparse_positions(mask: int) -> list[int]:
    """positions() of a set with fewer members than an eighth of its span: only the bytes holding members are
    read. The phrase rule lists such sets (a few hundred candidates among 100,000 records): going through
    every bit took 2.5 ms, this 0.3 to 0.5."""
    data = mask.to_bytes((mask.bit_length() + 7) // 8, "little")
    found: list[int] = []
    extend = found.extend
    bits_of = _BITS_OF_BYTE
    for index in compress(range(len(data)), data):
        base = index << 3
        extend([base + bit for bit in bits_of[data[index]]])
    return found


def pack(collected: list[int], size: int, dense_from: int) -> Postings:
    """The final form of a word's positions (which may repeat): bits when it is in at least `dense_from`
    records, else an
    array (4 bytes a position instead of a set as long as the whole catalogue)."""
    if len(collected) >= dense_from:
        return from_positions(collected, size)
    return array("i", sorted(set(collected)))


def member(mask: int, position: int) -> bool:
    return bool(mask >> position & 1)


def full(size: int) -> int:
    return (1 << size) - 1
