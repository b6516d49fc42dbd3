"""The scales the floor map is drawn at: the zoom levels, the scale that fills a view, and cells to characters.

A scale is (characters per cell across, down); a fraction draws several cells in one character. The zoom levels
(ZOOMS) are stepped through with + and -; until someone zooms, the map is drawn at the largest scale at which the
whole plan fits its view (fit_scale: a step of FIT_STEPS on each axis, the two kept within FIT_ASPECT).
"""

from __future__ import annotations

import math
from fractions import Fraction

from textual.geometry import Size

from ocop_tui.plan.shapes import Plan

Scale = tuple[Fraction, Fraction]  # characters per cell across, down; a fraction draws several cells in one
# Zoom levels; a character is about twice as tall as wide, so (1, 1/2) draws a cell as a square.
ZOOMS: tuple[Scale, ...] = (
    (Fraction(1, 3), Fraction(1, 3)),
    (Fraction(1, 2), Fraction(1, 2)),
    (Fraction(1), Fraction(1, 2)),
    (Fraction(1), Fraction(1)),
    (Fraction(2), Fraction(2)),
)
# The scales a view may be filled at, per axis: fractions small enough that the plan's parts stay regular.
FIT_STEPS = tuple(
    sorted({Fraction(1, d) for d in (12, 10, 8, 6, 5, 4, 3, 2)} | {Fraction(n) for n in (1, 2, 3)}
           | {Fraction(2, 5), Fraction(3, 5), Fraction(2, 3), Fraction(3, 4), Fraction(5, 6)}
           | {Fraction(5, 4), Fraction(3, 2), Fraction(5, 2)})
)  # fmt: skip
FIT_ASPECT = (Fraction(1), Fraction(3))  # across / down, between these: a filled map is never squashed much


def map_size(plan: Plan, scale: Scale) -> Size:
    """The whole plan's size in characters at `scale`."""
    sx, sy = scale
    return Size(screen_len(plan.width, sx), screen_len(plan.height, sy))


def fit_scale(plan: Plan, width: int, height: int) -> Scale:
    """The largest scale (FIT_STEPS on each axis, within FIT_ASPECT) at which the whole plan fits the view;
    the smallest steps when nothing fits."""

    def largest(cells: int, room: int, at_most: Fraction | None = None) -> Fraction:
        fitting = [s for s in FIT_STEPS if screen_len(cells, s) <= room and (at_most is None or s <= at_most)]
        return fitting[-1] if fitting else FIT_STEPS[0]

    sx = largest(plan.width, width)
    sy = largest(plan.height, height)
    low, high = FIT_ASPECT
    if sx > sy * high:
        sx = largest(plan.width, width, sy * high)
    elif sx < sy * low:
        sy = largest(plan.height, height, sx / low)
    return sx, sy


def screen_len(cells: int, scale: Fraction) -> int:
    """How many characters `cells` cells take (rounded up)."""
    return math.ceil(cells * scale)


def to_screen(cell: int, scale: Fraction) -> int:
    """The character a cell's edge falls in."""
    return math.floor(cell * scale)


def nearest(cell: int, scale: Fraction) -> int:
    """The character edge nearest a cell's edge: rectangles side by side share it, never a character."""
    return math.floor(cell * scale + Fraction(1, 2))


def centre(cell: int, scale: Fraction) -> int:
    """The character in the middle of a cell (or the one holding it, zoomed out)."""
    return math.floor(cell * scale + (scale - 1) / 2) if scale >= 1 else math.floor(cell * scale)
