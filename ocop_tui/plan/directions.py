"""Directions for a route: the walk as structured legs (turns, rows and booths passed, metres), put into
words in Vietnamese or English ("Đi thẳng 3 dãy, rẽ phải; gian hàng ở bên trái").
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from ocop_tui.i18n import t
from ocop_tui.model import Lang
from ocop_tui.plan.routes import (
    BOOTH,
    EAST,
    LOOK_ACROSS,
    LOOK_UP_DOWN,
    NORTH,
    OPEN,
    SOUTH,
    WEST,
    Cell,
    Dir,
    Grid,
    Route,
)


@dataclass(frozen=True, slots=True)
class Leg:
    turn: str  # how to turn before walking: "", "left", "right" or "back"
    heading: Dir
    steps: int
    rows: int  # booth rows crossed (walking past the ends of rows)
    booths: int  # booths passed along their fronts
    metres: int


@dataclass(frozen=True, slots=True)
class Directions:
    legs: tuple[Leg, ...]
    side: str  # where the destination is at the end: "left", "right", "ahead" or "back"; "here" if already there
    first_heading: Dir | None  # map direction of the first leg when the walker's facing is unknown


def relative(heading: Dir, move: Dir) -> str:
    if move == heading:
        return "ahead"
    if move == (-heading[1], heading[0]):
        return "right"
    if move == (heading[1], -heading[0]):
        return "left"
    return "back"


def _aside(grid: Grid, cell: Cell, heading: Dir) -> Iterable[tuple[int, Dir]]:
    """The booths (index in plan.booths) a walker at `cell` sees on each side, with the side's direction."""
    for side in ((-heading[1], heading[0]), (heading[1], -heading[0])):
        x, y = cell
        for _ in range(LOOK_ACROSS if side[1] == 0 else LOOK_UP_DOWN):
            x, y = x + side[0], y + side[1]
            kind = grid.kind(x, y)
            if kind == BOOTH:
                yield grid.owner[(x, y)], side
                break
            if kind != OPEN:
                break


def _leg(grid: Grid, cells: list[Cell], turn: str, heading: Dir, target: int | None) -> Leg:
    """Describe walking over `cells` (the first one is where the leg starts).

    Rows count the ends of booth rows passed (walking across rows); booths count the fronts passed on
    the busier side (walking along a row), only those passed whole and never the destination itself.
    """
    rows = 0
    seen: dict[tuple[int, Dir], int] = {}
    in_row = False
    booths = grid.plan.booths
    for cell in cells[1:]:
        beside_end = False
        for index, side in _aside(grid, cell, heading):
            door = grid.door_of(booths[index].rect)
            if door is not None and door.facing == (-side[0], -side[1]):
                seen[(index, side)] = seen.get((index, side), 0) + 1  # its door faces this aisle
            else:
                beside_end = True
        if beside_end and not in_row:
            rows += 1
        in_row = beside_end
    passed: dict[Dir, int] = {}
    for (index, side), count in seen.items():
        rect = booths[index].rect
        if index != target and count >= (rect.w if heading[1] == 0 else rect.h):
            passed[side] = passed.get(side, 0) + 1
    steps = len(cells) - 1
    mx, my = grid.plan.metres_per_cell
    metres = max(1, round(steps * (mx if heading[1] == 0 else my)))
    return Leg(turn, heading, steps, rows, max(passed.values(), default=0), metres)


def directions(grid: Grid, route: Route) -> Directions:
    cells = list(route.cells)
    if len(cells) == 1:
        return Directions((), "here", None)
    if route.start.door is not None:
        cells = cells[1:]  # stepping out of the booth is not worth a sentence
    final_move = (cells[-1][0] - cells[-2][0], cells[-1][1] - cells[-2][1])
    walk = cells[:-1]
    moves = [(b[0] - a[0], b[1] - a[1]) for a, b in itertools.pairwise(walk)]
    facing = route.start.facing
    target = grid.owner.get(route.target.cell)
    first_heading = moves[0] if moves and facing is None else None
    heading = facing if facing is not None else (moves[0] if moves else final_move)
    legs: list[Leg] = []
    begin = 0
    for i in range(1, len(moves) + 1):
        if i == len(moves) or moves[i] != moves[begin]:
            turn = relative(heading, moves[begin])
            legs.append(_leg(grid, walk[begin : i + 1], "" if turn == "ahead" else turn, moves[begin], target))
            heading = moves[begin]
            begin = i
    return Directions(tuple(legs), relative(heading, final_move), first_heading)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def describe(result: Directions, lang: Lang, target: str | None = None) -> list[str]:
    """Directions as short lines: "Đi thẳng 3 dãy, rẽ phải", ..., "Gian hàng ở bên trái"."""
    noun = target if target is not None else t("map.dir.the_booth", lang)
    if result.side == "here":
        return [_capitalise(t("map.dir.here", lang, target=noun))]
    lines: list[str] = []
    for index, leg in enumerate(result.legs):
        if leg.rows:
            walk = t("map.dir.rows" if leg.rows != 1 else "map.dir.row", lang, n=leg.rows)
        elif leg.booths:
            walk = t("map.dir.booths" if leg.booths != 1 else "map.dir.booth", lang, n=leg.booths)
        else:
            walk = t("map.dir.metres", lang, n=leg.metres)
        if index == 0 and result.first_heading is not None:
            walk = t(f"map.dir.head.{_compass(result.first_heading)}", lang) + ", " + walk
        elif index == 0 and leg.turn:
            walk = t(f"map.dir.turn.{leg.turn}", lang) + ", " + walk
        if index + 1 < len(result.legs):
            walk += ", " + t(f"map.dir.turn.{result.legs[index + 1].turn or 'ahead'}", lang)
        lines.append(_capitalise(walk))
    lines.append(_capitalise(t(f"map.dir.side.{result.side}", lang, target=noun)))
    return lines


def sentence(lines: list[str]) -> str:
    """The lines as one sentence: "Đi thẳng 3 dãy, rẽ phải; gian hàng ở bên trái"."""
    return "; ".join(line if i == 0 else line[:1].lower() + line[1:] for i, line in enumerate(lines))


def _compass(heading: Dir) -> str:
    return {NORTH: "n", EAST: "e", SOUTH: "s", WEST: "w"}[heading]
