"""The walking plan: from "you are here" through every shortlisted booth, in an order that keeps the walk short.

Distances are the route finder's (routes.py): steps along the aisles between booth doors, counted by one
breadth-first search per stop, on bitsets, that stops once it has reached the stops it still needs; each
leg's route then searches no farther than that leg's length. The order is exact for
up to EXACT_STOPS stops (Held-Karp over subsets: the shortest of all orders); for more, nearest neighbour
from the start, improved by 2-opt (reversing a stretch of the walk) and or-opt (moving one to three
consecutive stops elsewhere) until neither shortens it. The walk is open: it ends at the last booth.

The result gives the order, each leg's route (cells, for drawing on the map) and directions (directions.py),
and the total distance in metres. Booths off the plan, or that no walk reaches, are listed apart.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ocop_tui.i18n import t
from ocop_tui.model import Lang
from ocop_tui.plan.directions import Directions, describe, directions
from ocop_tui.plan.routes import Cell, Door, Grid, Route, Start, booth_start, find_route

EXACT_STOPS = 8  # Held-Karp: 2^8 subsets × 8 × 8 steps, well under a millisecond; 8! orders would be 40,320


@dataclass(frozen=True, slots=True)
class WalkLeg:
    """One leg of the walk: from the previous stop (or the start) to the door of `booth_no`."""

    booth_no: str
    route: Route
    directions: Directions
    metres: float  # along the route's cells, each step across or down as the plan's metres_per_cell say

    @property
    def steps(self) -> int:
        return self.route.length

    def describe(self, lang: Lang) -> list[str]:
        """Turn-by-turn lines ("Đi thẳng 3 dãy, rẽ phải", ..., "Gian A-007 ở bên trái")."""
        return describe(self.directions, lang, t("map.booth", lang, booth=self.booth_no))


@dataclass(frozen=True, slots=True)
class Walk:
    """A walking plan. `exact` is True when the order is proven the shortest (up to EXACT_STOPS stops)."""

    start: Start
    legs: tuple[WalkLeg, ...]
    unplaced: tuple[str, ...] = ()  # booths not on the floor plan (or unknown to it)
    unreachable: tuple[str, ...] = ()  # on the plan, but without a door on open floor or a walk to it
    exact: bool = True

    @property
    def order(self) -> tuple[str, ...]:
        return tuple(leg.booth_no for leg in self.legs)

    @property
    def total_steps(self) -> int:
        return sum(leg.steps for leg in self.legs)

    @property
    def total_metres(self) -> int:
        return round(sum(leg.metres for leg in self.legs))

    def cells(self) -> tuple[Cell, ...]:
        """Every cell of the walk, leg after leg, for drawing the path on the map."""
        return tuple(cell for leg in self.legs for cell in leg.route.cells)

    def summary(self, lang: Lang) -> str:
        """ "5 gian hàng · khoảng 230 m" (and what could not be planned)."""
        key = "walk.summary.one" if len(self.legs) == 1 else "walk.summary"
        text = t(key, lang, stops=len(self.legs), metres=self.total_metres)
        if self.unplaced:
            text += " · " + t("walk.unplaced", lang, booths=", ".join(self.unplaced))
        if self.unreachable:
            text += " · " + t("walk.unreachable", lang, booths=", ".join(self.unreachable))
        return text


def plan_walk(grid: Grid, start: Start, booth_nos: Iterable[str]) -> Walk:
    """The walk from `start` through every booth of `booth_nos` (duplicates and unknown booths set aside)."""
    placed: list[tuple[str, Door]] = []
    unplaced: list[str] = []
    unreachable: list[str] = []
    seen: set[str] = set()
    for booth_no in booth_nos:
        place = grid.plan.booth(booth_no)
        name = booth_no if place is None else place.booth_no
        if name in seen:
            continue
        seen.add(name)
        door = None if place is None else grid.door_of(place.rect)
        if place is None:
            unplaced.append(booth_no)
        elif door is None:
            unreachable.append(name)
        else:
            placed.append((name, door))
    table = distance_matrix(grid, start, [door for _, door in placed])
    kept = [j for j in range(len(placed)) if table[0][j + 1] >= 0]
    unreachable += [placed[j][0] for j in range(len(placed)) if table[0][j + 1] < 0]
    stops = [placed[j] for j in kept]
    nodes = [0] + [j + 1 for j in kept]  # reachable from the start, so from one another: walking goes both ways
    matrix = [[table[a][b] for b in nodes] for a in nodes]
    exact = len(stops) <= EXACT_STOPS
    order = shortest_order(matrix) if exact else improved_order(matrix)
    legs: list[WalkLeg] = []
    here, node = start, 0
    for index in order:
        booth_no, door = stops[index]
        route = find_route(grid, here, door, within=matrix[node][index + 1])
        assert route is not None  # the table says it is reachable
        legs.append(WalkLeg(booth_no, route, directions(grid, route), route_metres(grid, route)))
        here, node = booth_start(grid, booth_no) or here, index + 1
    return Walk(start, tuple(legs), tuple(unplaced), tuple(unreachable), exact)


def distance_matrix(grid: Grid, start: Start, doors: Sequence[Door]) -> list[list[int]]:
    """Steps between the start (row and column 0) and the open cells in front of the doors (1, 2, ...), -1
    where no walk leads. One search from each door to the start and the doors before it: walking is the same
    both ways, so that fills the whole table."""
    cells = [start.cell] + [door.front for door in doors]
    size = len(cells)
    matrix = [[0] * size for _ in range(size)]
    for j in range(1, size):
        for i, steps in enumerate(grid.distances_to(cells[j], cells[:j])):
            matrix[i][j] = matrix[j][i] = steps
    return matrix


def walk_length(matrix: Sequence[Sequence[int]], order: Sequence[int]) -> int:
    """Steps of the open walk from node 0 through `order` (indices of stops, 0-based: node = index + 1)."""
    nodes = [0] + [index + 1 for index in order]
    return sum(matrix[a][b] for a, b in itertools.pairwise(nodes))


def shortest_order(matrix: Sequence[Sequence[int]]) -> list[int]:
    """The exact shortest open walk from node 0 through every other node (Held-Karp), as stop indices."""
    n = len(matrix) - 1
    if n == 0:
        return []
    full = (1 << n) - 1
    cost: dict[tuple[int, int], int] = {}
    came: dict[tuple[int, int], int] = {}
    for j in range(n):
        cost[(1 << j, j)] = matrix[0][j + 1]
    for mask in range(1, full + 1):
        for j in range(n):
            if not mask & (1 << j) or (mask, j) not in cost:
                continue
            here = cost[(mask, j)]
            for k in range(n):
                if mask & (1 << k):
                    continue
                key = (mask | (1 << k), k)
                candidate = here + matrix[j + 1][k + 1]
                if key not in cost or candidate < cost[key]:
                    cost[key] = candidate
                    came[key] = j
    last = min(range(n), key=lambda j: cost[(full, j)])
    order = [last]
    mask = full
    while (mask, last) in came:
        previous = came[(mask, last)]
        mask &= ~(1 << last)
        last = previous
        order.append(last)
    order.reverse()
    return order


def nearest_neighbour(matrix: Sequence[Sequence[int]]) -> list[int]:
    """From node 0, always on to the nearest stop not yet visited."""
    left = set(range(1, len(matrix)))
    node, walk = 0, []
    while left:
        node = min(left, key=lambda other: (matrix[node][other], other))
        left.remove(node)
        walk.append(node - 1)
    return walk


def improved_order(matrix: Sequence[Sequence[int]]) -> list[int]:
    """Nearest neighbour, then 2-opt and or-opt moves while any of them shortens the walk."""
    nodes = [0] + [index + 1 for index in nearest_neighbour(matrix)]
    while _two_opt(matrix, nodes) or _or_opt(matrix, nodes):
        pass
    return [node - 1 for node in nodes[1:]]


def _two_opt(matrix: Sequence[Sequence[int]], nodes: list[int]) -> bool:
    """Reverse the first stretch nodes[i..j] whose reversal shortens the walk; True when one was found."""
    last = len(nodes) - 1
    for i in range(1, last):
        before, first = nodes[i - 1], nodes[i]
        for j in range(i + 1, last + 1):
            end = nodes[j]
            gain = matrix[before][first] - matrix[before][end]
            if j < last:  # an open walk: reversing its tail changes only one joint
                after = nodes[j + 1]
                gain += matrix[end][after] - matrix[first][after]
            if gain > 0:
                nodes[i : j + 1] = nodes[i : j + 1][::-1]
                return True
    return False


def _or_opt(matrix: Sequence[Sequence[int]], nodes: list[int]) -> bool:
    """Move one to three consecutive stops (either way round) between two others, or to the end, when
    that shortens the walk; True when a move was made."""
    last = len(nodes) - 1
    for length in (1, 2, 3):
        for i in range(1, last - length + 2):
            j = i + length - 1
            segment = nodes[i : j + 1]
            before = nodes[i - 1]
            after = nodes[j + 1] if j < last else None
            removed = matrix[before][segment[0]] + (0 if after is None else matrix[segment[-1]][after])
            bridged = 0 if after is None else matrix[before][after]
            rest = nodes[:i] + nodes[j + 1 :]
            for k in range(len(rest)):  # insert after rest[k]
                if k == i - 1:
                    continue
                left = rest[k]
                right = rest[k + 1] if k + 1 < len(rest) else None
                for piece in (segment, segment[::-1]):
                    added = matrix[left][piece[0]]
                    if right is not None:
                        added += matrix[piece[-1]][right] - matrix[left][right]
                    if removed - bridged - added > 0:
                        nodes[:] = rest[: k + 1] + piece + rest[k + 1 :]
                        return True
    return False


def route_metres(grid: Grid, route: Route) -> float:
    """The route's length on the ground: a step across is metres_per_cell[0], a step down [1]."""
    across, down = grid.plan.metres_per_cell
    return sum(across if a[1] == b[1] else down for a, b in itertools.pairwise(route.cells))
