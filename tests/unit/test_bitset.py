"""Sets of records as ints (ocop_tui.search.bitset): listing, building and combining them give the members
a plain set would, whatever their density (sparse sets are listed byte by byte, dense ones bit by bit)."""

from __future__ import annotations

from array import array

from hypothesis import given
from hypothesis import strategies as st

from ocop_tui.search.bitset import as_set, from_positions, pack, positions, union

MEMBERS = st.sets(st.integers(min_value=0, max_value=5000), max_size=300)


def mask_of(members: set[int]) -> int:
    return sum(1 << member for member in members)


@given(MEMBERS)
def test_positions_lists_the_members_lowest_first(members):
    assert positions(mask_of(members)) == sorted(members)


@given(st.integers(min_value=0, max_value=3000), st.integers(min_value=1, max_value=64))
def test_positions_of_dense_and_sparse_runs(start, step):
    members = set(range(start, start + 4000, step))  # every density from full to one in 64
    assert positions(mask_of(members)) == sorted(members)


@given(MEMBERS)
def test_from_positions_and_pack_give_the_same_set(members):
    mask = mask_of(members)
    assert from_positions(list(members), 5001) == mask
    packed = pack(list(members) * 2, 5001, dense_from=150)
    assert as_set(packed) == mask
    assert isinstance(packed, int if len(members) * 2 >= 150 else array)


@given(st.lists(MEMBERS, max_size=4))
def test_union_of_bits_and_arrays(sets):
    parts = [mask_of(s) if i % 2 else array("i", sorted(s)) for i, s in enumerate(sets)]
    assert union([*parts, None], 5001) == mask_of(set().union(*sets))
