"""Finding the way on the floor plan: walkable cells, doors and the shortest walking route.

Walls, booths and landmarks block the way; a booth or landmark is entered only through its door, the
edge cell facing the aisle. Routes are breadth-first (4 neighbours, every step costs the same), so they
are shortest; among the shortest ones the walk keeps going straight where it can, which keeps the
directions (directions.py) short.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ocop_tui.plan.shapes import Plan, Rect
from ocop_tui.text import fold

Cell = tuple[int, int]


Dir = tuple[int, int]


NORTH, EAST, SOUTH, WEST = (0, -1), (1, 0), (0, 1), (-1, 0)


DIRS: tuple[Dir, ...] = (NORTH, EAST, SOUTH, WEST)


FACINGS: dict[str, Dir] = {"n": NORTH, "e": EAST, "s": SOUTH, "w": WEST}


OPEN, WALL, BOOTH, LANDMARK = 0, 1, 2, 3


_OPEN_AS_ONE = bytes.maketrans(bytes((OPEN, WALL, BOOTH, LANDMARK)), b"1000")  # a cell's kind -> b"1" if open


LOOK_ACROSS, LOOK_UP_DOWN = 6, 3  # cells to each side a walker notices booths (a cell is 1 m across, 2 m down)


@dataclass(frozen=True, slots=True)
class Door:
    """The edge cell of a booth or landmark that people walk in by, and the open cell in front of it."""

    cell: Cell
    front: Cell

    @property
    def facing(self) -> Dir:
        return self.front[0] - self.cell[0], self.front[1] - self.cell[1]


@dataclass(frozen=True, slots=True)
class Start:
    """Where a route begins: an entrance, a named point, or the door of a booth or landmark."""

    kind: str  # "entrance", "exit", "point", "booth" or "landmark"
    name: str
    cell: Cell  # the first open cell of the walk
    facing: Dir | None = None
    door: Door | None = None


@dataclass(frozen=True, slots=True)
class Route:
    cells: tuple[Cell, ...]  # from the start (a door cell when starting at a booth) to the target's door cell
    start: Start
    target: Door

    @property
    def length(self) -> int:
        return len(self.cells) - 1


class Grid:
    """The plan as cells: what each cell is, which booth owns it, and where the doors are."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.width, self.height = plan.width, plan.height
        kinds = bytearray(self.width * self.height)
        self.owner: dict[Cell, int] = {}  # cell -> index of the booth in plan.booths
        for x in range(self.width):
            kinds[x] = kinds[(self.height - 1) * self.width + x] = WALL
        for y in range(self.height):
            kinds[y * self.width] = kinds[y * self.width + self.width - 1] = WALL
        for entrance in plan.entrances:
            kinds[entrance.y * self.width + entrance.x] = OPEN
        for wall in plan.walls:
            self._paint(kinds, wall, WALL)
        for landmark in plan.landmarks:
            self._paint(kinds, landmark.rect, LANDMARK)
        for index, place in enumerate(plan.booths):
            self._paint(kinds, place.rect, BOOTH)
            for cell in place.rect.cells():
                self.owner[cell] = index
        self.kinds = kinds
        self._doors: dict[Rect, Door | None] = {}
        self._distances = lru_cache(maxsize=64)(self._bfs)

    def _paint(self, kinds: bytearray, rect: Rect, kind: int) -> None:
        for y in range(max(0, rect.y), min(self.height, rect.bottom)):
            start = y * self.width
            for x in range(max(0, rect.x), min(self.width, rect.right)):
                kinds[start + x] = kind

    def kind(self, x: int, y: int) -> int:
        if 0 <= x < self.width and 0 <= y < self.height:
            return self.kinds[y * self.width + x]
        return WALL

    def walkable(self, x: int, y: int) -> bool:
        return 0 <= x < self.width and 0 <= y < self.height and self.kinds[y * self.width + x] == OPEN

    def door_of(self, rect: Rect) -> Door | None:
        """The door: the middle of the side with the most open floor in front (long sides first)."""
        if rect in self._doors:
            return self._doors[rect]
        sides: list[list[tuple[Cell, Cell]]] = [
            [((x, rect.y), (x, rect.y - 1)) for x in range(rect.x, rect.right)],
            [((x, rect.bottom - 1), (x, rect.bottom)) for x in range(rect.x, rect.right)],
            [((rect.x, y), (rect.x - 1, y)) for y in range(rect.y, rect.bottom)],
            [((rect.right - 1, y), (rect.right, y)) for y in range(rect.y, rect.bottom)],
        ]
        if rect.h > rect.w:
            sides = sides[2:] + sides[:2]
        best: list[tuple[int, tuple[Cell, Cell]]] = []
        for side in sides:
            open_cells = [(i, pair) for i, pair in enumerate(side) if self.walkable(*pair[1])]
            if len(open_cells) > len(best):
                middle = (len(side) - 1) / 2
                best = sorted(open_cells, key=lambda item: (abs(item[0] - middle), item[0]))
        door = Door(best[0][1][0], best[0][1][1]) if best else None
        self._doors[rect] = door
        return door

    def booth_door(self, booth_no: str) -> Door | None:
        place = self.plan.booth(booth_no)
        return None if place is None else self.door_of(place.rect)

    def _bfs(self, source: Cell, within: int | None = None) -> tuple[int, ...]:
        """Steps from `source` to every cell over open floor; -1 where it cannot be reached (or is farther
        than `within` steps, when given)."""
        width = self.width
        kinds = self.kinds
        dist = [-1] * (width * self.height)
        if not self.walkable(*source):
            return tuple(dist)
        dist[source[1] * width + source[0]] = 0
        queue = deque([source[1] * width + source[0]])
        while queue:
            index = queue.popleft()
            step = dist[index] + 1
            if within is not None and step > within:
                break  # breadth first: every cell left in the queue is this far too
            x = index % width
            for neighbour, ok in (
                (index - width, index >= width),
                (index + width, index < len(dist) - width),
                (index - 1, x > 0),
                (index + 1, x < width - 1),
            ):
                if ok and dist[neighbour] < 0 and kinds[neighbour] == OPEN:
                    dist[neighbour] = step
                    queue.append(neighbour)
        return tuple(dist)

    def distances(self, source: Cell, within: int | None = None) -> tuple[int, ...]:
        """Steps from `source` to every cell (-1: unreachable). Kept for the last 64 sources; with `within`,
        a search that stops at that many steps (farther cells -1), not kept: for a route known to be short."""
        return self._distances(source) if within is None else self._bfs(source, within)

    def distance(self, source: Cell, target: Cell) -> int:
        return self._distances(source)[target[1] * self.width + target[0]]

    @cached_property
    def _bits(self) -> tuple[int, int, int]:
        """The open cells as the bits of one int (bit y * width + x), and the cells outside the first and
        outside the last column: a whole breadth-first layer then moves in a few shifts and masks."""

        def bits(flags: bytes) -> int:  # b"0" or b"1" per cell, cell 0 first
            return int(flags[::-1], 2)

        open_cells = bits(bytes(self.kinds).translate(_OPEN_AS_ONE))
        not_first = bits((b"0" + b"1" * (self.width - 1)) * self.height)
        not_last = bits((b"1" * (self.width - 1) + b"0") * self.height)
        return open_cells, not_first, not_last

    def distances_to(self, source: Cell, targets: Sequence[Cell]) -> list[int]:
        """Steps from `source` to each of `targets` (-1 where it cannot be reached): a breadth-first search on
        bitsets that stops once every target is reached, far cheaper than `distances` for a few targets."""
        width = self.width
        found = [-1] * len(targets)
        wanted: dict[int, list[int]] = {}
        for position, (x, y) in enumerate(targets):
            if self.walkable(x, y):
                wanted.setdefault(y * width + x, []).append(position)
        if not self.walkable(*source):
            return found
        open_cells, not_first, not_last = self._bits
        remaining = sum(1 << index for index in wanted)
        layer = seen = 1 << (source[1] * width + source[0])
        step = 0
        while layer and remaining:
            hit = layer & remaining
            if hit:
                remaining &= ~hit
                for index, positions in wanted.items():
                    if hit >> index & 1:
                        for position in positions:
                            found[position] = step
            step += 1
            east, west = (layer << 1) & not_first, (layer >> 1) & not_last  # no wrapping round a row's end
            layer = (east | west | layer << width | layer >> width) & open_cells & ~seen
            seen |= layer
        return found


def reachable_cells(grid: Grid) -> set[Cell]:
    """Every open cell that can be reached from some entrance (one search from all of them at once)."""
    width, kinds = grid.width, grid.kinds
    seen = bytearray(len(kinds))
    queue: deque[int] = deque()
    for entrance in grid.plan.entrances:
        index = entrance.y * width + entrance.x
        if kinds[index] == OPEN and not seen[index]:
            seen[index] = 1
            queue.append(index)
    last = len(kinds) - width
    while queue:
        index = queue.popleft()
        x = index % width
        for neighbour, ok in ((index - width, index >= width), (index + width, index < last),
                              (index - 1, x > 0), (index + 1, x < width - 1)):  # fmt: skip
            if ok and not seen[neighbour] and kinds[neighbour] == OPEN:
                seen[neighbour] = 1
                queue.append(neighbour)
    return {(i % width, i // width) for i, flag in enumerate(seen) if flag}


def _inward(grid: Grid, x: int, y: int) -> Dir:
    if y == grid.height - 1:
        return NORTH
    if y == 0:
        return SOUTH
    return EAST if x == 0 else WEST


def start_points(grid: Grid) -> list[Start]:
    """Every named place a walk can start from, in the order a picker shows them."""
    plan = grid.plan
    starts: list[Start] = [
        Start("point", p.name, (p.x, p.y), FACINGS.get(p.facing)) for p in plan.points if grid.walkable(p.x, p.y)
    ]
    starts += [Start(e.kind, e.name, (e.x, e.y), _inward(grid, e.x, e.y)) for e in plan.entrances]
    for landmark in plan.landmarks:
        door = grid.door_of(landmark.rect)
        if door is not None:
            starts.append(Start("landmark", landmark.name, door.front, door.facing, door))
    return starts


def booth_start(grid: Grid, booth_no: str) -> Start | None:
    place = grid.plan.booth(booth_no)
    door = grid.booth_door(booth_no)
    if place is None or door is None:
        return None
    return Start("booth", place.booth_no, door.front, door.facing, door)


def resolve_start(grid: Grid, spec: str) -> Start | None:
    """A kiosk's "you are here": a booth number or the name of an entrance, point or landmark."""
    spec = spec.strip()
    if not spec:
        return None
    booth = booth_start(grid, spec)
    if booth is not None:
        return booth
    key = fold(spec)
    return next((start for start in start_points(grid) if fold(start.name) == key), None)


def default_start(grid: Grid) -> Start | None:
    """The first named point (the information kiosk in the demo), else the first entrance."""
    starts = start_points(grid)
    preferred = [s for s in starts if s.kind == "point"] + [s for s in starts if s.kind == "entrance"]
    return (preferred or starts or [None])[0]


def find_route(grid: Grid, start: Start, target: Door, *, within: int | None = None) -> Route | None:
    """The shortest walk from `start` to the door `target`, or None when no way leads there. A caller that
    knows the walk from `start` to the open cell in front of the door takes at most `within` steps (the
    walking plan's table of distances) lets the search stop there instead of covering the whole plan.

    Every step of a shortest walk gets one step closer to the target (breadth-first distances), so the
    shortest walks form layers; going through them layer by layer keeps, for each cell and heading, the
    walk with the fewest turns. Among the shortest walks the one chosen has the fewest turns.
    """
    if start.door is not None and start.door == target:
        return Route((target.cell,), start, target)
    dist = grid.distances(target.front, within)
    width = grid.width
    cell = start.cell
    if not grid.walkable(*cell) or dist[cell[1] * width + cell[0]] < 0:
        return None
    State = tuple[Cell, Dir | None]
    layers: list[dict[State, tuple[int, State | None]]] = [{(cell, start.facing): (0, None)}]
    for level in range(dist[cell[1] * width + cell[0]], 0, -1):
        following: dict[State, tuple[int, State | None]] = {}
        for state, (turns, _) in layers[-1].items():
            (x, y), heading = state
            for d in DIRS:
                nx, ny = x + d[0], y + d[1]
                if grid.walkable(nx, ny) and dist[ny * width + nx] == level - 1:
                    cost = turns + (heading is not None and d != heading)
                    key = ((nx, ny), d)
                    if key not in following or cost < following[key][0]:
                        following[key] = (cost, state)
        layers.append(following)
    state: State | None = min(layers[-1], key=lambda k: layers[-1][k][0])
    path: list[Cell] = []
    for layer in reversed(layers):
        assert state is not None
        path.append(state[0])
        state = layer[state][1]
    path.reverse()
    cells = ([start.door.cell] if start.door is not None else []) + path + [target.cell]
    return Route(tuple(cells), start, target)


def route_to_booth(grid: Grid, start: Start, booth_no: str) -> Route | None:
    door = grid.booth_door(booth_no)
    return None if door is None else find_route(grid, start, door)
