"""The fair's floor plan (schema version 2): zones, aisles, entrances, landmarks and where each booth stands.

The plan is a grid of cells. One cell is drawn as one character at the map's normal zoom, so a cell is
about twice as tall as it is wide on the ground (`metres_per_cell`). A version 2 store carries the plan in
the fair document and x, y, w, h on each booth; a version 1 store has neither and gets the automatic
layout (layout.py), which is also what the demo generator and `ocop-tui migrate` write in. Reading and
checking a plan document is in reading.py, routes in routes.py, directions in directions.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ocop_tui.text import fold

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
                {"name": p.name, "x": p.x, "y": p.y, **({"facing": p.facing} if p.facing else {})} for p in self.points
            ],
            "walls": [w.to_doc() for w in self.walls],
        }

    def positions(self) -> dict[str, tuple[int, int, int, int]]:
        return {place.booth_no: place.rect.as_tuple() for place in self.booths}


def with_booths(plan: Plan, booths: Iterable[tuple[str, str, Rect]], *, auto: bool = False) -> Plan:
    places = tuple(BoothPlace(booth_no, zone, rect) for booth_no, zone, rect in booths)
    return Plan(
        plan.width, plan.height, plan.zones, plan.aisles, plan.entrances, plan.landmarks, plan.points,
        plan.walls, places, auto, plan.metres_per_cell,
    )  # fmt: skip
