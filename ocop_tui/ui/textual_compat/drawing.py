"""Textual's private names the Line API views and the compositor's drawing rely on (see the package's
docstring: each item says why, and which public API is missing)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual._border import get_box  # private: the cells of a border edge, as Textual draws them
from textual._compositor import Compositor  # private: what draws the widgets into a frame
from textual.cache import FIFOCache
from textual.color import Color
from textual.filter import LineFilter
from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget


@dataclass(frozen=True, slots=True)
class SideBox:
    """What Textual puts around each content line of a widget whose box has only sides (a left or right
    border, left or right padding): the cells before and after the content, and what every line then goes
    through. Equal boxes draw equal lines, so a view may keep its drawn lines while its box is unchanged."""

    before: tuple[Segment, ...]  # the left border's cell, then the left padding
    after: tuple[Segment, ...]  # the right padding, then the right border's cell
    width: int  # of the whole widget
    content_width: int
    content_height: int
    blank: RichStyle  # of the content area's cells with nothing drawn on them
    background: Color  # what the filters blend over
    filters: tuple[LineFilter, ...]


def side_box(widget: Widget) -> SideBox | None:
    """The box around `widget`'s content lines, or None when Textual's own drawing is needed (a top or
    bottom border or padding, an outline, a tint, opacity, a hatch, or links that highlight on hover).

    Why: Textual draws every line of a widget through its StylesCache, which asks the styles again, makes
    four Strips and a new line for each line (with 28 small caches between them), and applies the filters
    anew, even to a line drawn before. For the results table, the facets and the detail pane that was about
    half the time a keystroke spends drawing. Missing public API: a way to draw the box around a content
    line; this builds it as StylesCache.render_line does (textual._border.get_box gives the border's cells),
    and tests/ui/test_textual_compat.py checks, cell by cell, that the lines are the ones Textual draws.
    """
    styles = widget.styles
    (top, _), (right_edge, right_colour), (bottom, _), (left_edge, left_colour) = styles.border
    pad_top, pad_right, pad_bottom, pad_left = styles.padding
    if top or bottom or pad_top or pad_bottom or any(edge for edge, _ in styles.outline):
        return None
    if styles.tint.a or styles.text_opacity != 1.0 or widget.opacity != 1.0:
        return None
    if styles.has_rule("hatch") and styles.hatch != "none":
        return None
    if widget.auto_links:
        hover = widget.hover_style
        if hover.link_id and hover.meta and "@click" in hover.meta:
            return None
    base_background, background = widget.background_colors
    inner = Style(background=base_background + background)
    outer = Style(background=base_background)
    blank = inner.rich_style
    before: list[Segment] = []
    after: list[Segment] = []
    if left_edge:
        before.append(get_box(left_edge, inner, outer, Style(foreground=base_background + left_colour))[1][0])
    if pad_left:
        before.append(Segment(" " * pad_left, blank))
    if pad_right:
        after.append(Segment(" " * pad_right, blank))
    if right_edge:
        after.append(get_box(right_edge, inner, outer, Style(foreground=base_background + right_colour))[1][2])
    content = widget.content_region.size
    return SideBox(
        before=tuple(before),
        after=tuple(after),
        width=widget.region.width,
        content_width=content.width,
        content_height=content.height,
        blank=blank,
        background=background,
        filters=tuple(widget.get_line_filters()),
    )


def kept_lines(widget: Widget, crop: Region, width: int, draw: Callable[[int], Strip], *, fresh: bool) -> list[Strip]:
    """The lines of `widget` in `crop`: the ones drawn before and not refreshed since as they were, the others
    from `draw(y)` (and kept); `fresh`: forget every line kept (the box they were drawn in changed).

    Why: the compositor asks a widget for every line in the bounding box of what changed on the screen (all
    the lines beside a table whose rows all changed), and Textual keeps each widget's drawn lines, and which
    of them a refresh made stale, in the widget's StylesCache. Missing public API: a way to draw lines
    without StylesCache.render_line (see side_box) that still uses that record; this reads and fills
    Widget._styles_cache (_cache: lines by y, _dirty_lines, _width) as StylesCache.render does.
    """
    cache = widget._styles_cache
    if fresh or width != cache._width:
        forget_lines(widget)
        cache._width = width
    lines = cache._cache
    stale = cache._dirty_lines
    strips: list[Strip] = []
    for y in crop.line_range:
        strip = lines.get(y) if y not in stale else None
        if strip is None:
            strip = lines[y] = draw(y)
        strips.append(strip)
    stale.difference_update(crop.line_range)
    start, end = crop.column_span
    if (start, end) != (0, width):
        strips = [strip.crop(start, end) for strip in strips]
    return strips


def forget_lines(widget: Widget) -> None:
    """Forget the lines kept for `widget` (kept_lines keeps them with the filters applied; Textual's own
    drawing keeps them without, and applies the filters as it takes one). StylesCache.clear is the call."""
    widget._styles_cache.clear()


def divide_strips_without_cycles() -> None:
    """Make Strip.divide stop keeping a strip in its own cache (idempotent; the factory calls it).

    Why: the compositor divides every line it draws at the edges of the regions on the screen. A line that
    lies in one region is divided at its own end, and Textual returns [the strip itself], after keeping that
    list in the strip's _divide_cache: a reference cycle. Each line drawn once (with the seven caches every
    Strip has) became garbage only a full collection frees: about 300 objects per keystroke, then pauses of
    20 to 70 ms in the middle of typing while 30,000 of them were found and freed (measured at 14,000
    products). Missing public API: none to change it; this wraps Strip.divide so that this one case returns
    a new list of the strip and keeps nothing (every other division goes to Textual's, cache and all).
    """
    divide = Strip.divide
    if getattr(divide, "_keeps_no_cycle", False):
        return

    def divide_without_cycle(self: Strip, cuts: Iterable[int]) -> Any:
        cuts = list(cuts)
        length = self.cell_length
        if [cut for cut in cuts if cut <= length] == [length]:
            return [self]
        return divide(self, cuts)

    divide_without_cycle._keeps_no_cycle = True  # type: ignore[attr-defined]
    divide_without_cycle.__doc__ = divide.__doc__
    Strip.divide = divide_without_cycle  # type: ignore[method-assign]


def draw_only_the_changed_rows() -> None:
    """Make a partial update draw only the widgets in the rows that changed, and only those rows of them
    (idempotent; the factory calls it).

    Why: for a partial update, Textual's compositor draws every widget whose parent's area touches the area
    that changed, all of its lines: after a keystroke, the title bar, the tabs and the footer too, though none
    of their lines is written to the terminal (about a quarter of a millisecond). Missing public API: none;
    this replaces Compositor._get_renders (the widgets on view with their region, clip and lines, front first)
    for a given crop, giving each widget its visible columns in the crop's rows, as the region and clip the
    compositor then cuts. A full update (no crop) is Textual's own; a test compares the screens both draw.
    """
    get_renders = Compositor._get_renders
    if getattr(get_renders, "_draws_changed_rows", False):
        return

    def get_changed_renders(self: Compositor, crop: Region | None = None) -> Any:
        if crop is None:
            yield from get_renders(self, crop)
            return
        for widget, (region, clip) in self.visible_widgets.items():
            visible = region.intersection(clip)
            _, top, _, height = visible.intersection(crop)
            if height:
                rows = Region(visible.x, top, visible.width, height)
                lines = widget.render_lines(Region(visible.x - region.x, top - region.y, visible.width, height))
                yield rows, rows, lines

    get_changed_renders._draws_changed_rows = True  # type: ignore[attr-defined]
    get_changed_renders.textuals = get_renders  # type: ignore[attr-defined]  # the tests compare the two
    Compositor._get_renders = get_changed_renders  # type: ignore[method-assign]


# The caches of a Strip, with the sizes Textual gives them (Strip.__init__).
_STRIP_CACHES = {
    "_divide_cache": 4,
    "_crop_cache": 16,
    "_style_cache": 16,
    "_filter_cache": 4,
    "_line_length_cache": 4,
    "_crop_extend_cache": 4,
    "_offsets_cache": 4,
}


class LightStrip(Strip):
    """A Strip that makes each of its seven caches when it is first used, not when it is made.

    Why: Textual makes seven caches for every Strip, and most lines a view draws use none of them before
    they are thrown away (the compositor divides a line that lies in one region without a cache, and
    renders it once). After a keystroke that was about 1,400 small objects made and then walked by the
    garbage collector for nothing. Missing public API: none; relies on Strip's private slots, which a
    method of Strip reads directly (self._crop_cache.get(...)): a slot never set calls __getattr__,
    which makes the cache then.
    """

    __slots__ = ()

    def __init__(self, segments: Iterable[Segment], cell_length: int | None = None) -> None:
        self._segments = list(segments)
        self._cell_length = cell_length
        self._render_cache = None
        self._link_ids = None
        self._cell_count = None

    def __getattr__(self, name: str) -> Any:
        size = _STRIP_CACHES.get(name)
        if size is None:
            raise AttributeError(name)
        cache: FIFOCache[Any, Any] = FIFOCache(size)
        setattr(self, name, cache)
        return cache
