"""A QR code on screen: the half-block lines of shortlist/qr.py drawn black on white, whatever the theme.

A phone reads dark modules on a light ground; a theme's own colours (light text on a dark panel) would draw
the code inverted, so the colours are fixed here, not taken from the stylesheet. Black and white survive
every colour system: 16 colours (TERM=linux) map them to black and bright white, and NO_COLOR's monochrome
filter keeps them black and white. The lines are the code itself, quiet zone included: nothing is added.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from ocop_tui.shortlist.qr import QrText

INK = Style(color="#000000", bgcolor="#ffffff")  # dark modules are the characters' ink, light ones the ground


class QrView(Widget):
    """Shows one QrText (or nothing) at its own size: one character per module across, two modules down."""

    DEFAULT_CSS = """
    QrView {
        width: auto;
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.code: QrText | None = None

    def show(self, code: QrText | None) -> None:
        self.code = code
        self.refresh(layout=True)

    @property
    def lines(self) -> tuple[str, ...]:
        """The lines drawn (what a camera sees), for tests and the screen reader alike."""
        return self.code.lines if self.code is not None else ()

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self.code.width if self.code is not None else 0

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.code.height if self.code is not None else 0

    def render_line(self, y: int) -> Strip:
        lines = self.lines
        if not 0 <= y < len(lines):
            return Strip.blank(self.size.width)
        return Strip([Segment(lines[y], INK)]).adjust_cell_length(self.size.width, INK)
