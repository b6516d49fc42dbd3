"""Reading the fair document's `plan` and each booth's x, y, w, h, with every problem collected (PlanProblems);
then the cross-checks once every booth is placed: inside the plan, off the walls, no overlaps, reachable.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ocop_tui.plan.routes import OPEN, Grid, reachable_cells
from ocop_tui.plan.shapes import (
    DEFAULT_METRES,
    ENTRANCE_KINDS,
    LANDMARK_KINDS,
    MAX_PLAN_SIDE,
    POSITION_FIELDS,
    ZONE_COLOURS,
    Aisle,
    Entrance,
    Landmark,
    Plan,
    Point,
    Rect,
    Zone,
)
from ocop_tui.text import clean


class PlanProblems:
    """Collects plan problems as (field, message, severity, value); store/contract.py turns them into Problems."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str, str, Any]] = []

    def error(self, where: str, message: str, value: Any = "") -> None:
        self.items.append((where, message, "error", value))

    def warn(self, where: str, message: str, value: Any = "") -> None:
        self.items.append((where, message, "warning", value))

    @property
    def has_errors(self) -> bool:
        return any(severity == "error" for _, _, severity, _ in self.items)


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def read_rect(doc: Mapping[str, Any], where: str, problems: PlanProblems, width: int, height: int) -> Rect | None:
    """x, y, w, h of `doc` as a Rect inside the plan, or None after reporting what is wrong."""
    values: dict[str, int] = {}
    for name in POSITION_FIELDS:
        value = doc.get(name)
        if not _int(value):
            problems.error(f"{where}.{name}", "must be a whole number", value if value is not None else "")
            return None
        values[name] = value
    rect = Rect(values["x"], values["y"], values["w"], values["h"])
    if rect.w < 1 or rect.h < 1:
        problems.error(f"{where}.w", "width and height must be at least 1", f"{rect.w}x{rect.h}")
        return None
    if not rect.inside(width, height):
        problems.error(where, f"lies outside the {width}x{height} plan", f"{rect.as_tuple()}")
        return None
    return rect


def _name(doc: Mapping[str, Any], where: str, problems: PlanProblems, *, required: bool = True) -> str | None:
    value = doc.get("name", "")
    if not isinstance(value, str) or (required and not value.strip()):
        problems.error(f"{where}.name", "must be non-empty text", value)
        return None
    cleaned = clean(value).strip()
    if len(cleaned) > 200:
        problems.error(f"{where}.name", "longer than 200 characters", value)
        return None
    return cleaned


def _items(doc: Mapping[str, Any], key: str, problems: PlanProblems) -> Iterator[tuple[str, Mapping[str, Any]]]:
    value = doc.get(key, [])
    if not isinstance(value, list):
        problems.error(f"plan.{key}", "must be a list", value)
        return
    for index, item in enumerate(value):
        where = f"plan.{key}[{index}]"
        if not isinstance(item, Mapping):
            problems.error(where, "must be an object", item)
            continue
        yield where, item


def read_plan(doc: Any, problems: PlanProblems) -> Plan | None:
    """Parse the fair document's `plan` object (without booths); None if it is unusable."""
    if not isinstance(doc, Mapping):
        problems.error("plan", "must be an object", doc)
        return None
    width, height = doc.get("width"), doc.get("height")
    for name, value in (("width", width), ("height", height)):
        if not _int(value) or not 8 <= value <= MAX_PLAN_SIDE:
            problems.error(f"plan.{name}", f"must be a whole number 8..{MAX_PLAN_SIDE}", value)
            return None
    assert isinstance(width, int) and isinstance(height, int)
    metres = doc.get("metres_per_cell", list(DEFAULT_METRES))
    if (
        not isinstance(metres, list)
        or len(metres) != 2
        or not all(isinstance(m, (int, float)) and not isinstance(m, bool) and 0 < m < 100 for m in metres)
    ):
        problems.error("plan.metres_per_cell", "must be two positive numbers [across, down]", metres)
        metres = list(DEFAULT_METRES)
    zones: list[Zone] = []
    for index, (where, item) in enumerate(_items(doc, "zones", problems)):
        name, rect = _name(item, where, problems), read_rect(item, where, problems, width, height)
        colour = item.get("colour", index % ZONE_COLOURS)
        if not _int(colour) or not 0 <= colour < ZONE_COLOURS:
            problems.error(f"{where}.colour", f"must be a colour slot 0..{ZONE_COLOURS - 1}", colour)
            continue
        if name is not None and rect is not None:
            zones.append(Zone(name, rect, colour))
    aisles = [
        Aisle(name, rect)
        for where, item in _items(doc, "aisles", problems)
        if (name := _name(item, where, problems, required=False)) is not None
        and (rect := read_rect(item, where, problems, width, height)) is not None
    ]
    walls = [
        rect
        for where, item in _items(doc, "walls", problems)
        if (rect := read_rect(item, where, problems, width, height)) is not None
    ]
    entrances: list[Entrance] = []
    for where, item in _items(doc, "entrances", problems):
        name, x, y, kind = _name(item, where, problems), item.get("x"), item.get("y"), item.get("kind", "entrance")
        if kind not in ENTRANCE_KINDS:
            problems.error(f"{where}.kind", f"must be one of {', '.join(ENTRANCE_KINDS)}", kind)
        elif not (_int(x) and _int(y) and 0 <= x < width and 0 <= y < height):
            problems.error(where, "x, y must be a cell of the plan", f"{x}, {y}")
        elif x not in (0, width - 1) and y not in (0, height - 1):
            problems.error(where, "must be on the plan's outer edge", f"{x}, {y}")
        elif name is not None:
            entrances.append(Entrance(name, x, y, kind))
    landmarks: list[Landmark] = []
    for where, item in _items(doc, "landmarks", problems):
        kind = item.get("kind")
        if kind not in LANDMARK_KINDS:
            problems.error(f"{where}.kind", f"must be one of {', '.join(LANDMARK_KINDS)}", kind)
            continue
        name, rect = _name(item, where, problems), read_rect(item, where, problems, width, height)
        if name is not None and rect is not None:
            landmarks.append(Landmark(kind, name, rect))
    points: list[Point] = []
    for where, item in _items(doc, "points", problems):
        name, x, y, facing = _name(item, where, problems), item.get("x"), item.get("y"), item.get("facing", "")
        if facing not in ("", "n", "s", "e", "w"):
            problems.error(f"{where}.facing", "must be n, s, e or w", facing)
        elif not (_int(x) and _int(y) and 0 < x < width - 1 and 0 < y < height - 1):
            problems.error(where, "x, y must be a cell inside the plan's outer wall", f"{x}, {y}")
        elif name is not None:
            points.append(Point(name, x, y, facing))
    if not any(e.kind == "entrance" for e in entrances):
        problems.error("plan.entrances", "the plan needs at least one entrance")
    return Plan(
        width,
        height,
        tuple(zones),
        tuple(aisles),
        tuple(entrances),
        tuple(landmarks),
        tuple(points),
        tuple(walls),
        metres_per_cell=(float(metres[0]), float(metres[1])),
    )


def read_position(doc: Mapping[str, Any], problems: PlanProblems) -> Rect | None:
    """A booth's x, y, w, h: all four or none (None without a problem when none is given)."""
    given = [name for name in POSITION_FIELDS if doc.get(name) is not None]
    if not given:
        return None
    if len(given) != len(POSITION_FIELDS):
        missing = [name for name in POSITION_FIELDS if name not in given]
        problems.error(missing[0], "x, y, w and h go together: give all four or none", ", ".join(missing))
        return None
    for name in POSITION_FIELDS:
        value = doc[name]
        if not _int(value):
            problems.error(name, "must be a whole number", value)
            return None
        if value < (1 if name in ("w", "h") else 0):
            problems.error(name, "must be at least 1" if name in ("w", "h") else "must be 0 or more", value)
            return None
    return Rect(doc["x"], doc["y"], doc["w"], doc["h"])


def _first_owner(plan: Plan, rect: Rect, placed: list[tuple[str, Rect]]) -> str:
    """What the first taken cell of `rect` (row by row) holds: a wall, then a landmark, then a booth."""
    for x, y in rect.cells():
        if any(wall.contains(x, y) for wall in plan.walls):
            return "a wall"
        for landmark in plan.landmarks:
            if landmark.rect.contains(x, y):
                return f"landmark “{landmark.name}”"
        for booth_no, other in placed:
            if other.contains(x, y):
                return f"booth {booth_no}"
    raise AssertionError("a clash without an owner")


def _has_open_side(grid: Grid, rect: Rect) -> bool:
    """Whether any cell along the booth's sides is open floor, that is, whether it has a door at all."""
    kinds, width = grid.kinds, grid.width
    for y in (rect.y - 1, rect.bottom):
        if 0 <= y < grid.height and OPEN in kinds[y * width + max(0, rect.x) : y * width + min(width, rect.right)]:
            return True
    return any(
        kinds[y * width + x] == OPEN
        for x in (rect.x - 1, rect.right)
        if 0 <= x < width
        for y in range(max(0, rect.y), min(grid.height, rect.bottom))
    )


def check_placement(plan: Plan, problems_for: Mapping[str, PlanProblems], *, reachability: bool = True) -> None:
    """Cross-checks once every booth is placed: inside the plan, no overlaps, a reachable door.

    `problems_for` maps a booth number to the collector of that booth's document. `reachability=False` leaves
    out the search for booths nobody can walk to, which can only warn (and is most of the time this takes).
    """
    width = plan.width
    taken = bytearray(width * plan.height)  # a byte per cell: 1 where a wall, landmark or placed booth is
    for rect in [*plan.walls, *(landmark.rect for landmark in plan.landmarks)]:
        for y in range(max(0, rect.y), min(plan.height, rect.bottom)):
            start = y * width
            taken[start + max(0, rect.x) : start + min(width, rect.right)] = b"\x01" * (
                min(width, rect.right) - max(0, rect.x)
            )
    placed: list[tuple[str, Rect]] = []
    for place in plan.booths:
        problems = problems_for[place.booth_no]
        rect = place.rect
        if not rect.inside(plan.width, plan.height):
            problems.error("x", f"lies outside the {plan.width}x{plan.height} plan", f"{rect.as_tuple()}")
            continue
        if rect.x == 0 or rect.y == 0 or rect.right == plan.width or rect.bottom == plan.height:
            problems.error("x", "stands on the plan's outer wall", f"{rect.as_tuple()}")
            continue
        rows = [slice(y * width + rect.x, y * width + rect.right) for y in range(rect.y, rect.bottom)]
        if any(taken[row].count(0) != rect.w for row in rows):
            problems.error("x", f"overlaps {_first_owner(plan, rect, placed)}", f"{rect.as_tuple()}")
            continue
        for row in rows:
            taken[row] = b"\x01" * rect.w
        placed.append((place.booth_no, rect))
        if plan.zones and plan.zone(place.zone) is None:
            problems.warn("zone", "this zone is not drawn on the floor plan", place.zone)
    if not reachability:
        return
    grid = Grid(plan)
    reached = reachable_cells(grid)
    every_open_cell = len(reached) == grid.kinds.count(OPEN)  # then every door's front is reached, too
    for place in plan.booths:
        if problems_for[place.booth_no].has_errors or (every_open_cell and _has_open_side(grid, place.rect)):
            continue
        door = grid.booth_door(place.booth_no)
        if door is None or door.front not in reached:
            problems_for[place.booth_no].warn("x", "cannot be reached from an entrance on the floor plan")
