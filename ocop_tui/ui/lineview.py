"""What the widgets drawn line by line (Textual's Line API: the results table, the facet panel) share.

A `LineView` is a ScrollView that works out its style once per frame and ignores layouts that change nothing
for it; `set_virtual_size` gives it a new number of lines without a relayout of the screen; `fit_text` and
`text_strip` turn a line of Rich Text into a Strip of exactly the view's width.
"""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from ocop_tui.ui.textual_compat import LaidOutOnce, update_scrollbars_now


class LineView(LaidOutOnce, ScrollView):
    """A Line API view that works out its own Rich style once per frame, not once per line drawn.

    `rich_style` walks the styles of every ancestor; a view of 40 lines asked for it 40 times a frame.
    """

    _frame_style: Style | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._frame_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._frame_style = None

    @property
    def base_style(self) -> Style:
        return self._frame_style if self._frame_style is not None else self.rich_style


def rows_size(lines: int) -> Size:
    """The virtual size of a view that only scrolls vertically: lines are always cut to the view's width.

    A width of 0 means no horizontal scrollbar, ever: when the vertical one appears (or goes) the
    content width changes, and a virtual width taken from the old one would briefly show a horizontal
    scrollbar and cost two more relayouts. It also made each search and the resize after it change the
    virtual size back and forth.
    """
    return Size(0, lines)


def set_virtual_size(view: ScrollView, size: Size) -> None:
    """A new number of lines, without a relayout of the screen unless a scrollbar comes or goes.

    The virtual size is a layout-changing value in Textual, and a layout redraws every widget on the
    screen. A view of fixed size only needs its scrollbars told (which lays out again by itself when one
    appears or disappears: show_vertical_scrollbar is layout-changing too) and its lines redrawn.
    """
    if size == view.virtual_size:
        return
    view.set_reactive(Widget.virtual_size, size)
    update_scrollbars_now(view)
    view.refresh()


def text_strip(line: Text, width: int, base: Style, console: Console) -> Strip:
    """One rendered line, every segment drawn over `base`, padded or cut to `width`."""
    segments = [Segment(text, base + style if style else base) for text, style, _ in line.render(console)]
    return Strip(segments).adjust_cell_length(width, base)


def fit_text(text: Text, width: int, justify: str = "left") -> Text:
    """Cut to `width` cells with an ellipsis, padded to exactly `width`."""
    text = text.copy()
    text.no_wrap = True
    text.truncate(width, overflow="ellipsis", pad=True)
    if justify == "right":
        text.rstrip()
        text.align("right", width)
    return text
