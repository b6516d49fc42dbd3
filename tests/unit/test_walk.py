"""The walking plan (plan/walk.py): the order against brute force and random orders, the legs, what is left out."""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_tui.paths import demo_store_path
from ocop_tui.plan.layout import auto_layout, plan_from_records
from ocop_tui.plan.routes import Grid, Start, booth_start, default_start, find_route, resolve_start
from ocop_tui.plan.shapes import Entrance, Plan, Rect, with_booths
from ocop_tui.plan.walk import (
    EXACT_STOPS,
    distance_matrix,
    improved_order,
    nearest_neighbour,
    plan_walk,
    shortest_order,
    walk_length,
)
from ocop_tui.search.catalog import load_catalog


@cache
def demo_grid() -> Grid:
    catalog = load_catalog(demo_store_path())
    return Grid(plan_from_records(catalog.fair.plan, catalog.booths))


@cache
def small_grid() -> Grid:
    """A small fair laid out automatically: three zones of eight booths."""
    booths = [(f"{zone}-{i:02d}", f"Khu {zone}") for zone in "ABC" for i in range(1, 9)]
    return Grid(auto_layout(booths))


def brute_force(matrix: Sequence[Sequence[int]]) -> int:
    return min(walk_length(matrix, order) for order in itertools.permutations(range(len(matrix) - 1)))


def start_of(grid: Grid) -> Start:
    start = default_start(grid)
    assert start is not None
    return start


def stop_matrix(grid: Grid, start: Start, booth_nos: Sequence[str]) -> list[list[int]]:
    doors = [grid.booth_door(no) for no in booth_nos]
    assert all(door is not None for door in doors)
    return distance_matrix(grid, start, doors)  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", range(12))
def test_on_a_small_plan_the_order_is_the_brute_force_optimum(seed: int) -> None:
    grid = small_grid()
    rng = random.Random(seed)
    booths = rng.sample([place.booth_no for place in grid.plan.booths], rng.randint(2, EXACT_STOPS))
    start = start_of(grid) if seed % 2 else booth_start(grid, booths[0])
    assert start is not None
    walk = plan_walk(grid, start, booths)
    assert walk.exact and sorted(walk.order) == sorted(booths)
    matrix = stop_matrix(grid, start, walk.order)  # stops in the walk's order: the walk is 0, 1, 2, ...
    assert walk_length(matrix, range(len(booths))) == brute_force(matrix)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 7).flatmap(lambda n: st.lists(st.integers(0, 40), min_size=n * (n + 1) // 2,
                                                    max_size=n * (n + 1) // 2)))  # fmt: skip
def test_held_karp_matches_brute_force_on_any_distances(values: list[int]) -> None:
    size = next(n for n in range(2, 10) if n * (n - 1) // 2 == len(values))
    matrix = [[0] * size for _ in range(size)]
    pairs = iter(values)
    for i, j in itertools.combinations(range(size), 2):
        matrix[i][j] = matrix[j][i] = next(pairs)
    order = shortest_order(matrix)
    assert sorted(order) == list(range(size - 1))
    assert walk_length(matrix, order) == brute_force(matrix)
    improved = improved_order(matrix)  # the heuristic is a true order, never longer than where it started
    assert sorted(improved) == list(range(size - 1))
    assert walk_length(matrix, improved) <= walk_length(matrix, nearest_neighbour(matrix))


@pytest.mark.parametrize("seed", range(4))
def test_on_the_demo_fair_12_stops_are_within_10_percent_of_the_best_of_1000_random_orders(seed: int) -> None:
    grid = demo_grid()
    rng = random.Random(seed)
    booths = rng.sample([place.booth_no for place in grid.plan.booths], 12)
    start = start_of(grid)
    walk = plan_walk(grid, start, booths)
    assert not walk.exact and sorted(walk.order) == sorted(booths)
    matrix = stop_matrix(grid, start, booths)
    index = {no: i for i, no in enumerate(booths)}
    found = walk_length(matrix, [index[no] for no in walk.order])
    orders = [rng.sample(range(12), 12) for _ in range(1000)]
    best_random = min(walk_length(matrix, order) for order in orders)
    assert found <= 1.1 * best_random


@pytest.mark.parametrize("seed", range(4))
def test_on_the_demo_fair_12_stops_come_close_to_the_exact_optimum(seed: int) -> None:
    # Held-Karp is still quick enough at 12 stops for a test: the heuristic stays within 8% of it, where
    # nearest neighbour alone is up to 26% longer on these seeds.
    grid = demo_grid()
    booths = random.Random(seed).sample([place.booth_no for place in grid.plan.booths], 12)
    matrix = stop_matrix(grid, start_of(grid), booths)
    assert walk_length(matrix, improved_order(matrix)) <= 1.08 * walk_length(matrix, shortest_order(matrix))


def test_the_legs_are_the_route_finders_routes_one_after_another() -> None:
    grid = demo_grid()
    start = start_of(grid)
    booths = ["A-007", "K-007", "E-017", "D-003", "R-010"]
    walk = plan_walk(grid, start, booths)
    assert len(walk.legs) == 5
    here = start.cell
    for leg in walk.legs:
        door = grid.booth_door(leg.booth_no)
        assert door is not None
        cells = leg.route.cells
        assert cells[0] == here and cells[-1] == door.cell  # from the previous door (or the start) to this one
        assert all(abs(a[0] - b[0]) + abs(a[1] - b[1]) == 1 for a, b in itertools.pairwise(cells))
        assert leg.metres >= leg.steps  # a step is 1 m across, 2 m down on the demo plan
        here = door.cell
    matrix = stop_matrix(grid, start, walk.order)
    # Each leg walks the door-to-door distance, plus stepping out of one door and into the next.
    assert walk.total_steps == walk_length(matrix, range(5)) + 2 * 5 - 1
    assert walk.cells() == tuple(cell for leg in walk.legs for cell in leg.route.cells)
    assert walk.total_metres == round(sum(leg.metres for leg in walk.legs))


def test_directions_for_each_leg_in_both_languages() -> None:
    grid = demo_grid()
    walk = plan_walk(grid, start_of(grid), ["K-007", "A-007"])
    for leg in walk.legs:
        vi, en = leg.describe("vi"), leg.describe("en")
        assert vi[-1].startswith(f"Gian {leg.booth_no} ở ")
        assert en[-1].startswith(f"Booth {leg.booth_no} is ")
    assert walk.summary("vi") == f"2 gian hàng · khoảng {walk.total_metres} m"
    assert walk.summary("en") == f"2 booths · about {walk.total_metres} m"
    assert plan_walk(grid, start_of(grid), ["K-007"]).summary("en").startswith("1 booth · about ")


def test_booths_off_the_plan_or_out_of_reach_are_set_aside() -> None:
    base = Plan(20, 12, entrances=(Entrance("Cổng", 10, 11),), walls=(Rect(13, 2, 6, 1), Rect(13, 5, 6, 1),
                Rect(13, 3, 1, 2), Rect(18, 3, 1, 2)))  # fmt: skip
    plan = with_booths(
        base, [("A-1", "Z", Rect(2, 3, 4, 2)), ("A-2", "Z", Rect(7, 3, 4, 2)), ("X-1", "Z", Rect(14, 3, 4, 2))]
    )  # fmt: skip   (X-1 is walled in)
    grid = Grid(plan)
    start = resolve_start(grid, "cong")
    assert start is not None
    walk = plan_walk(grid, start, ["A-2", "nope", "X-1", "A-1", "a-2", "nope"])
    assert sorted(walk.order) == ["A-1", "A-2"]  # "a-2" is A-2 again
    assert walk.unplaced == ("nope",) and walk.unreachable == ("X-1",)
    assert "nope" in walk.summary("en") and "X-1" in walk.summary("vi")


def test_starting_at_a_shortlisted_booth_and_an_empty_list() -> None:
    grid = small_grid()
    start = booth_start(grid, "B-03")
    assert start is not None
    walk = plan_walk(grid, start, ["A-01", "B-03"])
    assert walk.order[0] == "B-03" and walk.legs[0].steps == 0 and walk.legs[0].directions.side == "here"
    empty = plan_walk(grid, start, [])
    assert empty.legs == () and empty.total_metres == 0 and empty.cells() == ()


# The searches the walking plan leans on (routes.py) -------------------------------------------------


@pytest.mark.parametrize("seed", range(6))
def test_distances_to_a_few_targets_are_the_full_searchs(seed: int) -> None:
    grid = small_grid() if seed % 2 else demo_grid()
    rng = random.Random(seed)
    cells = [(x, y) for y in range(grid.height) for x in range(grid.width)]
    source = rng.choice([cell for cell in cells if grid.walkable(*cell)])
    targets = rng.sample(cells, 25) + [source, (0, 0), source]  # walls, booths, the source itself, repeats
    full = grid.distances(source)
    assert grid.distances_to(source, targets) == [full[y * grid.width + x] for x, y in targets]
    assert grid.distances_to((0, 0), targets) == [-1] * len(targets)  # from inside the fence: nowhere


def test_distances_to_never_wrap_round_the_end_of_a_row() -> None:
    # Gaps in the fence at the west end of row 3 and the east end of row 2 are neighbours in the bitset.
    grid = Grid(Plan(10, 6, entrances=(Entrance("W", 0, 3), Entrance("E", 9, 2))))
    assert grid.distances_to((0, 3), [(9, 2), (1, 3)]) == [grid.distance((0, 3), (9, 2)), 1] == [10, 1]
    assert grid.distances_to((9, 2), [(0, 3)]) == [10]


def test_distances_within_a_radius_and_routes_that_use_it() -> None:
    grid = demo_grid()
    start = start_of(grid)
    full = grid.distances(start.cell)
    near = grid.distances(start.cell, 12)
    assert near == tuple(steps if steps <= 12 else -1 for steps in full)
    for place in grid.plan.booths[::23]:
        door = grid.booth_door(place.booth_no)
        assert door is not None
        steps = grid.distance(door.front, start.cell)
        assert find_route(grid, start, door, within=steps) == find_route(grid, start, door)
