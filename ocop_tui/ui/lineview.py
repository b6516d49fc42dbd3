"""What the widgets drawn line by line (Textual's Line API: the results table, the facet panel, the detail
panes) share.

A `LineView` is a ScrollView that works out its style and width once per frame, ignores layouts that change
nothing for it, and draws its own scrollbar as the last cells of each line. `set_line_count` gives it a new
number of lines without a relayout of the screen; `refresh_changed` repaints only the lines whose content
changed; `text_segments`, `fit_segments` and `text_strip` turn a line of Rich Text into segments or a Strip
of an exact width.

Why its own scrollbar: Textual draws a scrollbar as a widget of its own, and draws all of it again whenever
the numbers behind it change (5,000 results, then 4,900: the same thumb). After a keystroke a third of the
lines drawn were scrollbars, a fifth of a millisecond each. Drawn in the view's lines, a new thumb repaints
the few cells it moves over. It looks like Textual's (the widget's scrollbar colours and width), scrolls with
the wheel, and a click or a drag on it scrolls there.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Self

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from ocop_tui.ui.cell_width import cell_width, cut_to_cells
from ocop_tui.ui.textual_compat import LaidOutOnce, LightStrip, SideBox, forget_lines, kept_lines, side_box


class LineView(LaidOutOnce, ScrollView):
    """A Line API view with its own scrollbar; a subclass draws each line's content in `render_row`.

    The style and width are worked out once per frame, not once per line: `rich_style` walks the styles of
    every ancestor, and the width (`scrollable_content_region`) asks the screen where the widget is.
    """

    DEFAULT_CSS = """
    LineView {
        overflow: hidden hidden;
    }
    """

    _frame_style: Style | None = None
    _frame_width: int | None = None
    _frame_bar: list[Segment] | None = None
    _dragging = False
    _box: SideBox | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Drawn lines, by their content Strip (and its scrollbar cell): (content, line as drawn).
        self._boxed: dict[tuple[int, Segment | None], tuple[Strip, Strip]] = {}
        self._look: _Look | None = None

    # The look: what every line is drawn with -----------------------------------------------------

    def _current_look(self) -> _Look:
        """The style, box, width and scrollbar the lines are drawn with, worked out once until their size, their
        styles or what is around them changes (see refresh and notify_style_update): each of them asks for the
        styles of every ancestor or for the widget's place on the screen, about a tenth of a millisecond a view,
        and a keystroke repaints three."""
        look = self._look
        size = self.outer_size
        if look is None or look.size != size:
            bar_width = self.bar_width
            content = self.scrollable_content_region
            look = self._look = _Look(size, self.rich_style, side_box(self), bar_width,
                                      max(0, content.width - bar_width), content.height)  # fmt: skip
        return look

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        # Lines repainted (`regions`) keep the look; any other refresh may come from a change of the styles
        # around the view (an ancestor's background: Textual refreshes the children then, and clears its
        # own caches of the widget's styles, as this does).
        if not regions or layout or recompose:
            self._look = None
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._look = None

    @property
    def look_memo(self) -> dict[Hashable, Any]:
        """A subclass's own things drawn in this look (pieces of lines), forgotten with it; the subclass bounds
        what it keeps there."""
        return self._current_look().memo

    def component_style(self, name: str) -> Style:
        """A component class's own style (Textual's get_component_rich_style(name, partial=True)), kept with
        the look: Textual forgets it at every refresh, which is every keystroke for these views."""
        look = self._current_look()
        style = look.components.get(name)
        if style is None:
            style = look.components[name] = self.get_component_rich_style(name, partial=True)
        return style

    # What a subclass provides -------------------------------------------------------------------

    def render_row(self, y: int) -> Strip:
        """Line `y` on view, without the scrollbar: exactly `line_width` cells."""
        raise NotImplementedError

    # Drawing ------------------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        look = self._current_look()
        self._frame_style = look.style
        self._frame_width = look.line_width
        self._frame_bar = self._bar_segments()
        try:
            box = look.box
            if box is None:
                if self._box is not None:  # Textual keeps its lines unfiltered: ours are not for it
                    self._box = None
                    forget_lines(self)
                return super().render_lines(crop)
            return self._boxed_lines(crop, box)
        finally:
            self._frame_style = self._frame_width = self._frame_bar = None

    def render_line(self, y: int) -> Strip:
        row = self.render_row(y)
        bar = self._frame_bar if self._frame_bar is not None else self._bar_segments()
        if not bar or y >= len(bar):
            return row
        return Strip([*row, bar[y]], row.cell_length + self.bar_width)

    def _boxed_lines(self, crop: Region, box: SideBox) -> list[Strip]:
        """The lines in `crop`, each in its box (see textual_compat.side_box), drawn as Textual would; only
        the lines refreshed since they were last drawn are drawn again (textual_compat.kept_lines).

        A drawn line is also kept by its content: while the content is the same Strip (the rows and lines
        the subclasses keep) and the box is unchanged, a row that comes back or moves costs a lookup, and
        Textual's own caches on the drawn Strip (its cuts and its terminal text) stay warm.
        """
        fresh = box != self._box
        if fresh:
            self._box = box
            self._boxed.clear()
        elif len(self._boxed) > 8 * max(1, box.content_height):
            self._boxed.clear()  # a bound: rows come and go with every search
        bar = self._frame_bar or []
        boxed = self._boxed

        def draw(y: int) -> Strip:
            if y < box.content_height:
                row = self.render_row(y)
                cell = bar[y] if y < len(bar) else None
            else:
                row, cell = Strip.blank(box.content_width, box.blank), None
            key = (id(row), cell)
            kept = boxed.get(key)
            if kept is not None and kept[0] is row:
                return kept[1]
            # One Strip per line: the filters work on the segments (each Strip made costs seven caches).
            length = row.cell_length + (cell.cell_length if cell is not None else 0)
            if length == box.content_width:
                content: Iterable[Segment] = [*row, cell] if cell is not None else row
            else:  # a subclass's line of another width: cut or padded, as Textual does
                content = Strip([*row, *([cell] if cell is not None else [])], length)
                content = content.adjust_cell_length(box.content_width, box.blank)
            # Neighbours of one style become one segment (a row's cells, gaps and padding are mostly one):
            # a quarter of the segments for the filters, the compositor and the terminal to go through.
            segments = list(Segment.simplify([*box.before, *content, *box.after]))
            for line_filter in box.filters:
                segments = line_filter.apply(segments, box.background)
            strip = LightStrip(segments, box.width)
            boxed[key] = (row, strip)
            return strip

        return kept_lines(self, crop, box.width, draw, fresh=fresh)

    @property
    def base_style(self) -> Style:
        return self._frame_style if self._frame_style is not None else self._current_look().style

    @property
    def bar_width(self) -> int:
        """Columns of the scrollbar: none when the view is as tall as its lines (height: auto)."""
        height = self.styles.height
        if height is not None and height.is_auto:
            return 0
        return self.styles.scrollbar_size_vertical

    @property
    def line_width(self) -> int:
        """The width of a line's content (without the scrollbar)."""
        if self._frame_width is not None:
            return self._frame_width
        return self._current_look().line_width

    def refresh_changed(self, before: Sequence[Hashable], after: Sequence[Hashable], first: int = 0) -> None:
        """Repaint only the lines on view whose content changed: line `first + i` showed `before[i]` and now
        shows `after[i]` (a new search often leaves most of the rows and counts as they were)."""
        self.refresh_lines_on_view(
            first + y
            for y in range(max(len(before), len(after)))
            if (before[y] if y < len(before) else None) != (after[y] if y < len(after) else None)
        )

    def refresh_lines_on_view(self, lines: Iterable[int]) -> None:
        width = self.size.width
        regions = [Region(0, y, width, 1) for y in lines]
        if regions:
            self.refresh(*regions)

    # The scrollbar ------------------------------------------------------------------------------

    def set_line_count(self, lines: int) -> None:
        """A new number of lines, without a relayout of the screen (the virtual size is a layout-changing
        value in Textual, and a layout redraws every widget on the screen): the scroll offset is kept in
        range and the scrollbar cells that change are repainted; the caller repaints the lines that changed."""
        size = rows_size(lines)
        if size == self.virtual_size:
            return
        before = self._thumb()
        self.set_reactive(Widget.virtual_size, size)
        self.scroll_y = self.validate_scroll_y(self.scroll_y)
        after = self._thumb()
        if before != after:
            old = set(range(*before)) if before else set()
            new = set(range(*after)) if after else set()
            self.refresh_lines_on_view(sorted(old ^ new))

    def _thumb(self) -> tuple[int, int] | None:
        """The lines on view the scrollbar's thumb covers (None: everything fits, no thumb)."""
        look = self._current_look()
        height = look.content_height
        lines = self.virtual_size.height
        if not look.bar_width or height <= 0 or lines <= height:
            return None
        size = max(1, round(height * height / lines))
        start = round((height - size) * min(1.0, self.scroll_y / (lines - height)))
        return start, start + size

    def _bar_segments(self) -> list[Segment]:
        """The scrollbar's cell on each line on view, in the widget's scrollbar colours (as Textual draws them)."""
        look = self._current_look()
        width = look.bar_width
        if not width:
            return []
        key = (self._thumb(), self._dragging)
        if look.bar is None or look.bar[0] != key:
            look.bar = (key, self._draw_bar(width, key[0], look.content_height))
        return look.bar[1]

    def _draw_bar(self, width: int, thumb: tuple[int, int] | None, height: int) -> list[Segment]:
        """The scrollbar's cells on `height` lines, the thumb on the lines `thumb` covers (None: no thumb)."""
        styles = self.styles
        background = styles.scrollbar_background_active if self._dragging else styles.scrollbar_background
        color = styles.scrollbar_color_active if self._dragging else styles.scrollbar_color
        if background.a < 1:
            background = self.background_colors[0] + background
        color = background + color
        blank = " " * width
        track = Segment(blank, Style(bgcolor=background.rich_color))
        grip = Segment(blank, Style(bgcolor=color.rich_color))
        if thumb is None:
            return [track] * height
        return [grip if thumb[0] <= y < thumb[1] else track for y in range(height)]

    def on_bar(self, x: int) -> bool:
        """Column `x` of the content is the scrollbar's (a click there scrolls, and is no click on a line)."""
        return x >= self.line_width

    @property
    def allow_vertical_scroll(self) -> bool:
        # Textual allows it only with its own scrollbar shown; this view draws its own.
        return not self.is_disabled and self.max_scroll_y > 0

    def on_mouse_down(self, event: events.MouseDown) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self.bar_width or not self.on_bar(offset.x):
            return
        event.stop()
        self._dragging = True
        self.capture_mouse()
        self._drag_to(offset.y)
        self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:
            event.stop()
            self._drag_to(event.get_content_offset_capture(self).y)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            event.stop()
            self._dragging = False
            self.release_mouse()
            self.refresh()

    def _drag_to(self, y: int) -> None:
        """Scroll so that the thumb's middle is on line `y` on view."""
        thumb = self._thumb()
        if thumb is None:
            return
        height = self.scrollable_content_region.height
        size = thumb[1] - thumb[0]
        share = (y - size / 2) / max(1, height - size)
        self.scroll_to(y=round(max(0.0, min(1.0, share)) * self.max_scroll_y), animate=False, immediate=True)


@dataclass(slots=True)
class _Look:
    """What a LineView's lines are drawn with (see LineView._current_look)."""

    size: Size  # the widget's outer size they were worked out for
    style: Style
    box: SideBox | None
    bar_width: int
    line_width: int
    content_height: int
    components: dict[str, Style] = field(default_factory=dict)
    bar: tuple[tuple[object, ...], list[Segment]] | None = None
    memo: dict[Hashable, Any] = field(default_factory=dict)


_NOT_DIM = Style(dim=False)


def rows_size(lines: int) -> Size:
    """The virtual size of a view that only scrolls vertically: lines are always cut to the view's width.

    A width of 0 means no horizontal scrollbar, ever: when the vertical one appears (or goes) the
    content width changes, and a virtual width taken from the old one would briefly show a horizontal
    scrollbar and cost two more relayouts. It also made each search and the resize after it change the
    virtual size back and forth.
    """
    return Size(0, lines)


def cursor_base(base: Style, over: Style | None) -> Style:
    """What a line is drawn on (its padding, gaps and plain text): `base`, under a cursor's colours if it has
    the cursor (`over`), never dim there (a dim separator would fade into the cursor's colour)."""
    return base if over is None else base + over + _NOT_DIM


def text_segments(text: Text | str, base: Style, console: Console, *, over: Style | None = None) -> list[Segment]:
    """One line of text as segments, each drawn over `base` (a text of one style is one segment: the rows and
    counts redrawn after a keystroke are mostly such cells; a `str` is drawn literally, in `base`); `over` goes
    on top of every segment's own style (a cursor's colours win over a cell's, so the highlighted row stays
    readable)."""
    if over is not None:
        base = cursor_base(base, over)
        over = over + _NOT_DIM
    if isinstance(text, str):
        return [Segment(text, base)]
    if not text.spans:
        style = text.style
        if isinstance(style, str):
            style = console.get_style(style) if style else None
        if over is not None and style:
            style = style + over
        return [Segment(text.plain, base + style if style else base)]
    if over is None:
        return [Segment(part, base + style if style else base) for part, style, _ in text.render(console)]
    return [Segment(part, base + style + over if style else base) for part, style, _ in text.render(console)]


def fit_segments(segments: list[Segment], width: int, base: Style, justify: str = "left") -> list[Segment]:
    """Cut to `width` cells with an ellipsis, or padded to exactly `width` (on the left when right-justified)."""
    if width <= 0:
        return []
    length = sum(cell_width(segment.text) for segment in segments)
    if length <= width:
        if length == width:
            return segments
        pad = Segment(" " * (width - length), base)
        return [pad, *segments] if justify == "right" else [*segments, pad]
    kept: list[Segment] = []
    room = width - 1
    for segment in segments:
        size = cell_width(segment.text)
        if size > room:
            if room:
                kept.append(Segment(cut_to_cells(segment.text, room), segment.style))
            kept.append(Segment("…", segment.style))
            break
        kept.append(segment)
        room -= size
    return kept


def text_strip(line: Text, width: int, base: Style, console: Console, *, over: Style | None = None) -> Strip:
    """One rendered line, every segment drawn over `base` (and under `over`), padded or cut to `width`."""
    segments = text_segments(line, base, console, over=over)
    return LightStrip(fit_segments(segments, width, cursor_base(base, over)), width)


def fit_text(text: Text, width: int, justify: str = "left") -> Text:
    """Cut to `width` cells with an ellipsis, padded to exactly `width`."""
    text = text.copy()
    text.no_wrap = True
    text.truncate(width, overflow="ellipsis", pad=True)
    if justify == "right":
        text.rstrip()
        text.align("right", width)
    return text
