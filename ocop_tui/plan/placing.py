"""Placing new booths on a floor plan that already has booths on it (an import into a schema 2 store).

Each new booth goes into a free slot of its own zone: the zone's outline is filled in the automatic layout's
pattern (double rows of 4 x 2 booths back to back, an aisle between pairs of rows), after the booths already
there. Booths whose zone is not on the plan get a new zone of their own, and booths whose zone is full go to
a zone named UNPLACED_ZONE; both are drawn in a strip added along the plan's east side (the plan grows
wider; the east exits move with the wall). A plan with nothing on it yet (a store just made by
`ocop-tui init`) is laid out again from scratch, as `migrate` would. A booth that still finds no place
(the plan cannot grow beyond MAX_PLAN_SIDE) is left without a position.

Nothing already on the plan moves, and a placement that would cut a booth off from the entrances is not
made: the new booths of that zone go to the strip instead.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ocop_tui.plan.layout import BOOTH_H, BOOTH_W, GAP_X, GAP_Y, MAX_ROW, ROW_AISLE, SIDE, auto_layout
from ocop_tui.plan.reading import PlanProblems, check_placement, read_plan
from ocop_tui.plan.shapes import MAX_PLAN_SIDE, ZONE_COLOURS, Plan, Rect, Zone, with_booths
from ocop_tui.text import natural_key

UNPLACED_ZONE = "Chưa xếp chỗ"  # a zone of the plan, named in Vietnamese like every name on it


PAIR_HEIGHT = 2 * BOOTH_H + ROW_AISLE  # two rows of booths back to back, and the aisle below them


@dataclass
class Placement:
    """What place_booths did: the plan document afterwards, and where each new booth went."""

    plan_doc: dict[str, Any]
    positions: dict[str, Rect] = field(default_factory=dict)  # booth number -> its place
    placed_in: dict[str, str] = field(default_factory=dict)  # booth number -> the zone drawn around its place
    in_zone: list[str] = field(default_factory=list)  # placed in a free slot of their own zone
    new_zones: dict[str, list[str]] = field(default_factory=dict)  # zone drawn in the east strip -> its booths
    overflow: dict[str, list[str]] = field(default_factory=dict)  # full zone -> booths put in UNPLACED_ZONE
    unplaced: list[str] = field(default_factory=list)  # no room at all: left without a position
    rebuilt: bool = False  # the plan had nothing on it and was laid out again
    added_width: int = 0  # cells the plan grew by to the east


def _taken_grid(plan: Plan, placed: Iterable[Rect]) -> bytearray:
    taken = bytearray(plan.width * plan.height)
    for rect in [*plan.walls, *(m.rect for m in plan.landmarks), *placed]:
        _mark(taken, plan.width, plan.height, rect)
    return taken


def _mark(taken: bytearray, width: int, height: int, rect: Rect) -> None:
    for y in range(max(0, rect.y), min(height, rect.bottom)):
        start = y * width
        taken[start + max(0, rect.x) : start + min(width, rect.right)] = b"\x01" * (
            min(width, rect.right) - max(0, rect.x)
        )


def _free(taken: bytearray, plan: Plan, rect: Rect) -> bool:
    if rect.x < 1 or rect.y < 1 or rect.right > plan.width - 1 or rect.bottom > plan.height - 1:
        return False  # off the plan or on its outer wall
    width = plan.width
    return all(
        taken[y * width + rect.x : y * width + rect.right].count(0) == rect.w for y in range(rect.y, rect.bottom)
    )


def _slots(zone: Zone) -> list[Rect]:
    """The automatic layout's booth slots inside a zone's outline, row by row."""
    inner = zone.rect.grow(-1)
    slots = []
    pair = 0
    while inner.y + pair * PAIR_HEIGHT + BOOTH_H <= inner.bottom:
        for second in (0, 1):
            y = inner.y + pair * PAIR_HEIGHT + second * BOOTH_H
            if y + BOOTH_H > inner.bottom:
                break
            slots.extend(Rect(x, y, BOOTH_W, BOOTH_H) for x in range(inner.x, inner.right - BOOTH_W + 1, BOOTH_W))
        pair += 1
    return slots


def _unreachable(plan: Plan) -> set[str]:
    """Booths with a problem on the plan (nobody can walk to them, or they clash)."""
    problems = {place.booth_no: PlanProblems() for place in plan.booths}
    check_placement(plan, problems)
    return {booth_no for booth_no, found in problems.items() if found.items}


def _block_shape(count: int, rows_fit: int) -> tuple[int, int]:
    """(columns, rows) of a block of `count` booths at most `rows_fit` booth rows deep."""
    rows = min(rows_fit, max(2, 2 * math.ceil(count / (2 * MAX_ROW))))
    if rows_fit == 1:
        rows = 1
    return math.ceil(count / rows), rows


def _band(plan: Plan) -> tuple[int, int, list[int]]:
    """The rows the east strip may use (top, bottom: first row after), and the aisles to lengthen with the
    plan: those along the east wall below the strip (the promenade by the entrances)."""
    top, bottom = 2, plan.height - 2
    lengthen = []
    for index, aisle in enumerate(plan.aisles):
        if aisle.rect.right == plan.width - 1 and aisle.rect.bottom >= plan.height - 2:
            bottom = min(bottom, aisle.rect.y - 1)
            lengthen.append(index)
    return top, bottom, lengthen


def _strip(
    plan: Plan, groups: list[tuple[str, list[str]]]
) -> tuple[list[tuple[str, Rect]], dict[str, Rect], list[str], int]:
    """Lay out `groups` (zone, booth numbers) as blocks in a strip east of the plan: the zones drawn, each
    booth's place, the booths that did not fit and the new width."""
    top, bottom, _ = _band(plan)
    rows_fit = max(0, (bottom - top + ROW_AISLE) // PAIR_HEIGHT) * 2
    if rows_fit == 0 and bottom - top >= BOOTH_H:
        rows_fit = 1
    zones: list[tuple[str, Rect]] = []
    positions: dict[str, Rect] = {}
    left_out: list[str] = []
    x, y, column_width = plan.width + 1, top, 0
    for zone, booths in groups:
        if rows_fit == 0:
            left_out += booths
            continue
        columns, rows = _block_shape(len(booths), rows_fit)
        doubles, single = divmod(rows, 2)
        height = doubles * 2 * BOOTH_H + single * BOOTH_H + (doubles + single - 1) * ROW_AISLE
        width = columns * BOOTH_W
        if y > top and y + height > bottom:  # next column of blocks
            x, y, column_width = x + column_width + GAP_X, top, 0
        if x + width + SIDE + 1 > MAX_PLAN_SIDE:
            left_out += booths
            continue
        block = Rect(x, y, width, height)
        zones.append((zone, block.grow(1)))
        for index, booth_no in enumerate(booths):
            row, column = divmod(index, columns)
            pair, second = divmod(row, 2)
            positions[booth_no] = Rect(
                x + column * BOOTH_W, y + pair * PAIR_HEIGHT + second * BOOTH_H, BOOTH_W, BOOTH_H
            )
        column_width = max(column_width, width)
        y += height + GAP_Y + 2  # the outlines of two blocks, and an aisle between them
    new_width = x + column_width + SIDE + 1 if zones else plan.width
    return zones, positions, left_out, new_width


def _widened(plan_doc: Mapping[str, Any], plan: Plan, new_width: int, zones: list[tuple[str, Rect]]) -> dict[str, Any]:
    """The plan document `new_width` cells wide, with the strip's zones drawn: the exits on the east wall
    move with it and the aisles along it below the strip get longer."""
    doc = dict(plan_doc)
    old = plan.width
    doc["width"] = new_width
    _, _, lengthen = _band(plan)
    aisles = [dict(a) for a in plan_doc.get("aisles", [])]
    for index in lengthen:
        if index < len(aisles):
            aisles[index]["w"] = aisles[index]["w"] + new_width - old
    doc["aisles"] = aisles
    doc["entrances"] = [
        dict(e, x=new_width - 1) if e.get("x") == old - 1 else dict(e) for e in plan_doc.get("entrances", [])
    ]
    first_colour = len(plan.zones)
    doc["zones"] = [dict(z) for z in plan_doc.get("zones", [])] + [
        {"name": name, **rect.to_doc(), "colour": (first_colour + index) % ZONE_COLOURS}
        for index, (name, rect) in enumerate(zones)
    ]
    return doc


def place_booths(
    plan_doc: Mapping[str, Any], placed: Sequence[tuple[str, str, Rect]], new: Sequence[tuple[str, str]]
) -> Placement:
    """Find a place for each of `new` (booth number, zone) on the plan of `plan_doc`, next to `placed`
    (booth number, zone, place). The plan document is not changed; the result holds the new one."""
    plan = read_plan(plan_doc, PlanProblems())
    if plan is None or not new:
        return Placement(dict(plan_doc), unplaced=[booth_no for booth_no, _ in new] if plan is None else [])
    if not placed and not plan.zones:
        laid_out = auto_layout(list(new))
        positions = {place.booth_no: place.rect for place in laid_out.booths}
        zones = {place.booth_no: place.zone for place in laid_out.booths}
        return Placement(laid_out.to_doc(), positions, zones, in_zone=list(positions), rebuilt=True)
    result = Placement(dict(plan_doc))
    taken = _taken_grid(plan, (rect for _, _, rect in placed))
    current = list(placed)
    by_zone: dict[str, list[str]] = {}
    for booth_no, zone in new:
        by_zone.setdefault(zone, []).append(booth_no)
    strip_groups: list[tuple[str, list[str]]] = []
    overflow: list[str] = []
    before = _unreachable(with_booths(plan, current)) if plan.booths or current else set()
    for zone_name, booths in by_zone.items():
        booths.sort(key=natural_key)
        zone = plan.zone(zone_name)
        if zone is None:
            strip_groups.append((zone_name, booths))
            continue
        trial = bytearray(taken)
        chosen: list[tuple[str, str, Rect]] = []
        slots = iter(_slots(zone))
        for booth_no in booths:
            rect = next((slot for slot in slots if _free(trial, plan, slot)), None)
            if rect is None:
                break
            _mark(trial, plan.width, plan.height, rect)
            chosen.append((booth_no, zone_name, rect))
        if chosen and _unreachable(with_booths(plan, current + chosen)) - before:
            chosen = []  # this zone's pattern does not suit its hand-drawn booths: the strip takes them all
        taken = trial if chosen else taken
        current += chosen
        for booth_no, _, rect in chosen:
            result.positions[booth_no] = rect
            result.placed_in[booth_no] = zone.name
            result.in_zone.append(booth_no)
        rest = booths[len(chosen) :]
        if rest:
            result.overflow[zone_name] = rest
            overflow += rest
    if overflow:
        strip_groups.append((UNPLACED_ZONE, overflow))
    if strip_groups:
        zones, positions, left_out, new_width = _strip(plan, strip_groups)
        result.unplaced += left_out
        if zones:
            result.plan_doc = _widened(plan_doc, plan, new_width, zones)
            result.added_width = new_width - plan.width
            result.positions.update(positions)
            result.placed_in.update((number, zone) for zone, numbers in strip_groups for number in numbers
                                    if number in positions)  # fmt: skip
            unplaced = set(left_out)
            for zone_name, booths in strip_groups:
                if zone_name != UNPLACED_ZONE and not unplaced.issuperset(booths):
                    result.new_zones[zone_name] = [b for b in booths if b not in unplaced]
        for zone_name in list(result.overflow):
            result.overflow[zone_name] = [b for b in result.overflow[zone_name] if b not in set(left_out)]
            if not result.overflow[zone_name]:
                del result.overflow[zone_name]
    return result
