"""The fair's floor plan (schema version 2): zones, aisles, entrances, landmarks and where each booth stands.

The plan is a grid of cells. One cell is drawn as one character at the map's normal zoom, so a cell is
about twice as tall as it is wide on the ground (`metres_per_cell`). A version 2 store carries the plan in
the fair document and x, y, w, h on each booth; a version 1 store has neither and gets `auto_layout`,
which is also what the demo generator and `ocop-tui migrate` write in. Routing lives in wayfinding.py.
Plain Python: no Textual here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterable, Iterator, Mapping, Sequence

from .text import clean, fold

MAX_PLAN_SIDE = 600  # cells; keeps validation and routing (a BFS over every cell) well under a second
ZONE_COLOURS = 8  # colour slots a zone may use; the UI maps them to theme colours
LANDMARK_KINDS = ("stage", "fish_sauce", "cooking", "toilet", "info", "first_aid", "other")
ENTRANCE_KINDS = ("entrance", "exit")
POSITION_FIELDS = ("x", "y", "w", "h")
DEFAULT_METRES = (1.0, 2.0)


@dataclass(frozen=True, slots=True)
class Rect:
    """A rectangle of cells: x, y is the top-left cell; w, h are at least 1."""

    x: int
    y: int
    w: int
    h: int

    @property
    def right(self) -> int:
        """The first column after the rectangle."""
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h

    @property
    def centre(self) -> tuple[int, int]:
        return self.x + self.w // 2, self.y + self.h // 2

    def contains(self, x: int, y: int) -> bool:
        return self.x <= x < self.right and self.y <= y < self.bottom

    def overlaps(self, other: Rect) -> bool:
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom

    def inside(self, width: int, height: int) -> bool:
        return self.x >= 0 and self.y >= 0 and self.right <= width and self.bottom <= height

    def grow(self, by: int) -> Rect:
        return Rect(self.x - by, self.y - by, self.w + 2 * by, self.h + 2 * by)

    def cells(self) -> Iterator[tuple[int, int]]:
        for y in range(self.y, self.bottom):
            for x in range(self.x, self.right):
                yield x, y

    def to_doc(self) -> dict[str, int]:
        return {"x": self.x, "y": self.y, "w": self.w, "h": self.h}

    def as_tuple(self) -> tuple[int, int, int, int]:
        return self.x, self.y, self.w, self.h


@dataclass(frozen=True, slots=True)
class Zone:
    name: str
    rect: Rect
    colour: int  # a slot 0..ZONE_COLOURS-1, not a colour: themes decide what it looks like


@dataclass(frozen=True, slots=True)
class Aisle:
    name: str
    rect: Rect


@dataclass(frozen=True, slots=True)
class Entrance:
    """An opening in the outer wall (an entrance or an exit), one cell on the plan's edge."""

    name: str
    x: int
    y: int
    kind: str = "entrance"


@dataclass(frozen=True, slots=True)
class Landmark:
    """Something people look for that is not a booth: the stage, toilets, the fish sauce display..."""

    kind: str
    name: str
    rect: Rect


@dataclass(frozen=True, slots=True)
class Point:
    """A named spot on open floor (a kiosk, a meeting point); `facing` is n, s, e or w, or ""."""

    name: str
    x: int
    y: int
    facing: str = ""


@dataclass(frozen=True, slots=True)
class BoothPlace:
    booth_no: str
    zone: str
    rect: Rect


@dataclass(frozen=True)
class Plan:
    """A whole floor plan. `auto` is True when it was made up by auto_layout rather than read from the store."""

    width: int
    height: int
    zones: tuple[Zone, ...] = ()
    aisles: tuple[Aisle, ...] = ()
    entrances: tuple[Entrance, ...] = ()
    landmarks: tuple[Landmark, ...] = ()
    points: tuple[Point, ...] = ()
    walls: tuple[Rect, ...] = ()
    booths: tuple[BoothPlace, ...] = ()
    auto: bool = False
    metres_per_cell: tuple[float, float] = DEFAULT_METRES

    @cached_property
    def _booth_lookup(self) -> dict[str, int]:
        return {fold(place.booth_no.strip()): index for index, place in enumerate(self.booths)}

    @cached_property
    def _zone_lookup(self) -> dict[str, Zone]:
        return {fold(zone.name): zone for zone in self.zones}

    def booth(self, booth_no: str) -> BoothPlace | None:
        index = self._booth_lookup.get(fold(booth_no.strip()))
        return None if index is None else self.booths[index]

    def zone(self, name: str) -> Zone | None:
        return self._zone_lookup.get(fold(name))

    def booth_at(self, x: int, y: int) -> BoothPlace | None:
        for place in self.booths:
            if place.rect.contains(x, y):
                return place
        return None

    def to_doc(self) -> dict[str, Any]:
        """The `plan` object of the fair document (booth positions are stored on the booths)."""
        return {
            "width": self.width,
            "height": self.height,
            "metres_per_cell": list(self.metres_per_cell),
            "zones": [{"name": z.name, **z.rect.to_doc(), "colour": z.colour} for z in self.zones],
            "aisles": [{"name": a.name, **a.rect.to_doc()} for a in self.aisles],
            "entrances": [{"name": e.name, "x": e.x, "y": e.y, "kind": e.kind} for e in self.entrances],
            "landmarks": [{"kind": m.kind, "name": m.name, **m.rect.to_doc()} for m in self.landmarks],
            "points": [
                {"name": p.name, "x": p.x, "y": p.y, **({"facing": p.facing} if p.facing else {})}
                for p in self.points
            ],
            "walls": [w.to_doc() for w in self.walls],
        }

    def positions(self) -> dict[str, tuple[int, int, int, int]]:
        return {place.booth_no: place.rect.as_tuple() for place in self.booths}


# Reading a plan document ------------------------------------------------------------------------


class PlanProblems:
    """Collects plan problems as (field, message, severity, value); records.py turns them into Problems."""

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


def with_booths(plan: Plan, booths: Iterable[tuple[str, str, Rect]], *, auto: bool = False) -> Plan:
    places = tuple(BoothPlace(booth_no, zone, rect) for booth_no, zone, rect in booths)
    return Plan(
        plan.width, plan.height, plan.zones, plan.aisles, plan.entrances, plan.landmarks, plan.points,
        plan.walls, places, auto, plan.metres_per_cell,
    )  # fmt: skip


def check_placement(plan: Plan, problems_for: Mapping[str, PlanProblems]) -> None:
    """Cross-checks once every booth is placed: inside the plan, no overlaps, a reachable door.

    `problems_for` maps a booth number to the collector of that booth's document.
    """
    from .wayfinding import Grid, reachable_cells

    owner: dict[tuple[int, int], str] = {}
    for wall in plan.walls:
        for cell in wall.cells():
            owner[cell] = "a wall"
    for landmark in plan.landmarks:
        for cell in landmark.rect.cells():
            owner.setdefault(cell, f"landmark “{landmark.name}”")
    for place in plan.booths:
        problems = problems_for[place.booth_no]
        rect = place.rect
        if not rect.inside(plan.width, plan.height):
            problems.error("x", f"lies outside the {plan.width}x{plan.height} plan", f"{rect.as_tuple()}")
            continue
        if rect.x == 0 or rect.y == 0 or rect.right == plan.width or rect.bottom == plan.height:
            problems.error("x", "stands on the plan's outer wall", f"{rect.as_tuple()}")
            continue
        clash = next((owner[cell] for cell in rect.cells() if cell in owner), None)
        if clash is not None:
            problems.error("x", f"overlaps {clash}", f"{rect.as_tuple()}")
            continue
        for cell in rect.cells():
            owner[cell] = f"booth {place.booth_no}"
        if plan.zones and plan.zone(place.zone) is None:
            problems.warn("zone", "this zone is not drawn on the floor plan", place.zone)
    grid = Grid(plan)
    reached = reachable_cells(grid)
    for place in plan.booths:
        if problems_for[place.booth_no].has_errors:
            continue
        door = grid.booth_door(place.booth_no)
        if door is None or door.front not in reached:
            problems_for[place.booth_no].warn("x", "cannot be reached from an entrance on the floor plan")


# Automatic layout ------------------------------------------------------------------------------

BOOTH_W, BOOTH_H = 4, 2  # one booth: about 4 m x 4 m, drawn 4 characters by 2 lines
ROW_AISLE = 2  # between two double rows of booths in a zone
GAP_X, GAP_Y = 4, 2  # between zones side by side / between bands of zones
SIDE = 3  # open floor between the outer wall and the zones
PROMENADE = 5  # the walkway along the street side, where the entrances are
STAGE_W, STAGE_H = 22, 4
MAX_INNER_WIDTH = 104  # cells: the plan then fits 120 columns beside the map's side panel
MAX_ROW = 12  # booths in one row of a zone before it wraps into another double row
FEATURE_SLOTS = (2, 2)  # a zone's landmark (display area, cooking booths) takes 2 x 2 booth slots


@dataclass
class _Block:
    zone: str
    booths: list[str]
    feature: tuple[str, str] | None  # (landmark kind, name)
    columns: int = 0
    rows: int = 0
    x: int = 0
    y: int = 0
    slots: list[tuple[int, int]] = field(default_factory=list)

    def measure(self) -> None:
        reserved = FEATURE_SLOTS[0] * FEATURE_SLOTS[1] if self.feature else 0
        count = len(self.booths) + reserved
        # Wide, shallow blocks: double rows of at most MAX_ROW booths, filled evenly so rows end together.
        per_row = max(MAX_ROW, math.ceil(math.sqrt(count / 2)))  # a very big zone gets longer rows
        self.rows = max(2, 2 * math.ceil(count / (2 * per_row)))
        self.columns = max(FEATURE_SLOTS[0] if self.feature else 1, math.ceil(count / self.rows))

    @property
    def width(self) -> int:
        return self.columns * BOOTH_W

    @property
    def height(self) -> int:
        doubles, single = divmod(self.rows, 2)
        return doubles * 2 * BOOTH_H + single * BOOTH_H + (doubles + single - 1) * ROW_AISLE

    def slot_rect(self, column: int, row: int) -> Rect:
        # Rows come in back-to-back pairs: the first faces the aisle above, the second the one below.
        pair, second = divmod(row, 2)
        y = self.y + pair * (2 * BOOTH_H + ROW_AISLE) + second * BOOTH_H
        return Rect(self.x + column * BOOTH_W, y, BOOTH_W, BOOTH_H)


def _column_height(column: list[_Block]) -> int:
    return sum(b.height for b in column) + GAP_Y * (len(column) - 1)


def _bands(blocks: list[_Block], target: int) -> list[list[list[_Block]]]:
    """Shelf packing in the given order: bands of columns, each band at most `target` wide."""
    bands: list[list[list[_Block]]] = []
    start = 0
    while start < len(blocks):
        end = start + 1
        while end < len(blocks) and _band_width(_columns(blocks[start : end + 1])) <= target:
            end += 1
        bands.append(_columns(blocks[start:end]))
        start = end
    return bands


def _columns(blocks: list[_Block]) -> list[list[_Block]]:
    depth = max(b.height for b in blocks)
    columns: list[list[_Block]] = []
    for block in blocks:
        column = columns[-1] if columns else None
        if (
            column is not None
            and block.width <= max(b.width for b in column)
            and _column_height(column) + GAP_Y + block.height <= depth
        ):
            column.append(block)
        else:
            columns.append([block])
    return columns


def _band_width(band: list[list[_Block]]) -> int:
    return sum(max(b.width for b in column) for column in band) + GAP_X * (len(band) - 1)


def _feature_for(zone: str) -> tuple[str, str] | None:
    """Zones of the fish sauce area get their landmark: the display stands or the cooking booths."""
    key = fold(zone)
    if "nuoc mam" not in key and "fish sauce" not in key:
        return None
    if "am thuc" in key or "nau" in key or "cooking" in key or "food" in key:
        return ("cooking", "Bếp nấu món ăn nước mắm Phú Quốc")
    return ("fish_sauce", "Khu trưng bày nước mắm")


def _booth_order(booth_no: str) -> tuple[object, ...]:
    from .catalog import natural_key

    return natural_key(booth_no)


def auto_layout(booths: Sequence[tuple[str, str]], zones: Sequence[str] | None = None) -> Plan:
    """Lay out (booth_no, zone) pairs: zones as blocks of back-to-back booth rows with aisles between,
    packed in bands with the first zones nearest the entrances on the street (south) side, a stage on
    the far side, toilets, an information desk, a kiosk point and side exits.
    """
    order: list[str] = list(dict.fromkeys(list(zones or ()) + [zone for _, zone in booths]))
    by_zone: dict[str, list[str]] = {zone: [] for zone in order}
    for booth_no, zone in booths:
        by_zone[zone].append(booth_no)
    blocks = [
        _Block(zone, sorted(nos, key=_booth_order), _feature_for(zone)) for zone, nos in by_zone.items() if nos
    ]
    for block in blocks:
        block.measure()
    area = sum((b.width + GAP_X) * (b.height + GAP_Y) for b in blocks) or 1
    # About 3.5 times wider than deep, but no wider than a big terminal shows at the normal zoom.
    # (Huge fairs grow wider instead, so the plan stays within MAX_PLAN_SIDE in depth.)
    target = max([STAGE_W + 30] + [b.width for b in blocks]
                 + [min(MAX_INNER_WIDTH, round(math.sqrt(area * 3.5))), math.ceil(area / (MAX_PLAN_SIDE * 0.8))])
    # Bands of zones as wide as `target`; inside a band a short zone stacks under the one before it
    # when the band's deepest zone leaves room.
    widest = MAX_PLAN_SIDE - 2 * (1 + SIDE)
    top = 1 + STAGE_H + 3  # wall, stage, the floor in front of the stage
    while True:
        bands = _bands(blocks, target)
        depths = [max(_column_height(c) for c in band) for band in bands]
        height = top + sum(depths) + GAP_Y * max(0, len(bands) - 1) + PROMENADE + 1
        if height <= MAX_PLAN_SIDE or target >= widest:
            break
        target = min(widest, math.ceil(target * height / (MAX_PLAN_SIDE * 0.95)))  # too deep: go wider
    inner = max([STAGE_W + 30] + [_band_width(band) for band in bands])
    width = inner + 2 * (1 + SIDE)
    # Band 0 (the first zones) sits next to the promenade; later bands go further from the street.
    y = height - 1 - PROMENADE
    aisles: list[Aisle] = [Aisle("Lối đi chính", Rect(1, height - 1 - PROMENADE, width - 2, PROMENADE))]
    for index, (band, depth) in enumerate(zip(bands, depths)):
        y -= depth
        used = sum(max(b.width for b in column) for column in band)
        gaps = len(band) - 1
        x = 1 + SIDE + (0 if gaps else (inner - used) // 2)
        spare = inner - used - GAP_X * gaps
        for position, column in enumerate(band):
            column_width = max(b.width for b in column)
            top_y = y + (depth - _column_height(column)) // 2
            for block in column:
                block.x, block.y = x + (column_width - block.width) // 2, top_y
                top_y += block.height + GAP_Y
            x += column_width + GAP_X + (spare // gaps + (1 if position < spare % gaps else 0) if gaps else 0)
        if index:
            aisles.append(Aisle(f"Lối đi ngang {index}", Rect(1, y + depth, width - 2, GAP_Y)))
        y -= GAP_Y
    aisles.append(Aisle("Sân trước sân khấu", Rect(1, 1 + STAGE_H, width - 2, 3)))
    zone_list: list[Zone] = []
    landmarks: list[Landmark] = []
    places: list[tuple[str, str, Rect]] = []
    for index, block in enumerate(blocks):
        rect = Rect(block.x, block.y, block.width, block.height)
        zone_list.append(Zone(block.zone, rect.grow(1), index % ZONE_COLOURS))
        slots = [(c, r) for r in range(block.rows) for c in range(block.columns)]
        if block.feature:
            fw, fh = FEATURE_SLOTS
            slots = [(c, r) for c, r in slots if not (c < fw and r < fh)]
            corner, far = block.slot_rect(0, 0), block.slot_rect(fw - 1, fh - 1)
            landmarks.append(Landmark(block.feature[0], block.feature[1],
                                      Rect(corner.x, corner.y, far.right - corner.x, far.bottom - corner.y)))  # fmt: skip
        for booth_no, (column, row) in zip(block.booths, slots):
            places.append((booth_no, block.zone, block.slot_rect(column, row)))
    middle = width // 2
    landmarks += [
        Landmark("stage", "Sân khấu chính", Rect(middle - STAGE_W // 2, 1, STAGE_W, STAGE_H)),
        Landmark("toilet", "Nhà vệ sinh (Tây)", Rect(1, 1, 6, 3)),
        Landmark("toilet", "Nhà vệ sinh (Đông)", Rect(width - 7, 1, 6, 3)),
        Landmark("first_aid", "Trạm y tế", Rect(9, 1, 5, 2)),
        Landmark("info", "Quầy thông tin", Rect(middle + 4, height - 4, 6, 2)),
    ]
    entrances = (
        Entrance("Cổng chính", middle, height - 1),
        Entrance("Cổng phụ phía Tây", width // 5, height - 1),
        Entrance("Cổng phụ phía Đông", width - 1 - width // 5, height - 1),
        Entrance("Lối thoát hiểm phía Tây", 0, height // 2, "exit"),
        Entrance("Lối thoát hiểm phía Đông", width - 1, height // 2, "exit"),
    )
    points = (Point("Ki-ốt tra cứu", middle + 2, height - 3, "n"),)
    plan = Plan(width, height, tuple(zone_list), tuple(aisles), entrances, tuple(landmarks), points, auto=True)
    return with_booths(plan, places, auto=True)


def build_plan(
    booth_docs: Sequence[Mapping[str, Any]], zones: Sequence[str] | None = None
) -> tuple[dict[str, Any], dict[str, tuple[int, int, int, int]]]:
    """For the demo generator and `migrate`: a plan document and each booth's (x, y, w, h) by booth number.

    `zones` gives the zones' order (the first ones go next to the entrances); zones only named by booths
    follow in order of first appearance.
    """
    plan = auto_layout([(str(doc["booth_no"]), str(doc.get("zone", ""))) for doc in booth_docs], zones)
    return plan.to_doc(), plan.positions()


def plan_from_records(plan_doc: Mapping[str, Any] | None, booths: Iterable[Any]) -> Plan:
    """The plan of a validated store: its own (version 2) or an automatic one when it has none.

    `booths` are Booth records (booth_no, zone, position). Booths without a position are left off a
    stored plan (validation has warned about them).
    """
    booths = list(booths)
    if plan_doc is None:
        return auto_layout([(b.booth_no, b.zone) for b in booths])
    plan = read_plan(plan_doc, PlanProblems())
    if plan is None:  # validation rejects such stores; be safe for records made in code
        return auto_layout([(b.booth_no, b.zone) for b in booths])
    placed = [(b.booth_no, b.zone, Rect(*b.position)) for b in booths if getattr(b, "position", None)]
    return with_booths(plan, placed)


def plan_from_tables(tables: Any) -> Plan:
    """The plan of checked tables (records.CheckedTables)."""
    fair = tables.fair
    return plan_from_records(fair.plan if fair is not None else None, tables.booths)


def migrate_tables(tables: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Raw version 1 tables -> version 2 tables with the automatic layout written in (a new dict)."""
    from .model import SCHEMA_VERSION

    new = {name: {doc_id: dict(doc) for doc_id, doc in table.items()} for name, table in tables.items()}
    fair_docs = [doc for doc in new.get("fair", {}).values() if isinstance(doc, dict)]
    if any(doc.get("plan") is not None for doc in fair_docs):  # it has its own plan: only the version changes
        for doc in fair_docs:
            doc["schema_version"] = SCHEMA_VERSION
        return new
    booth_docs = [doc for doc in new.get("booths", {}).values() if isinstance(doc, dict) and "booth_no" in doc]
    plan_doc, positions = build_plan(booth_docs)
    by_key = {fold(str(no).strip()): rect for no, rect in positions.items()}
    for doc in booth_docs:
        rect = by_key.get(fold(str(doc["booth_no"]).strip()))
        if rect is not None:
            doc.update(zip(POSITION_FIELDS, rect))
    for doc in new.get("fair", {}).values():
        doc["plan"] = plan_doc
        doc["schema_version"] = SCHEMA_VERSION
    return new
