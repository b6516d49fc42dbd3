"""The status line under the results: one line of text, redrawn after every keystroke.

A Static did the same through Textual's content pipeline (Text to Content, styles, padding), about half a
millisecond a keystroke; this is a LineView of one line (lineview.py: its box is drawn with the line, and a
line drawn before is kept), so a new text costs one Strip.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from ocop_tui.ui.lineview import LineView, fit_segments, text_segments


class StatusLine(LineView, can_focus=False):
    """One line of Text, cut with an ellipsis when it is wider than the line."""

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._text = Text("")

    @property
    def text(self) -> Text:
        return self._text

    def update(self, text: Text) -> None:
        """Show `text` (a repaint of the line, never a layout: its height is one line). The same text is drawn
        again too: every search writes its status, which is what says it has been answered (the benchmarks time
        a keystroke to it; "nuoc" and "nuoc " find the same)."""
        self._text = text
        self.refresh_lines_on_view([0])

    def render(self) -> Text:
        return self._text

    @property
    def bar_width(self) -> int:
        return 0  # one line: nothing to scroll

    def render_row(self, y: int) -> Strip:
        # Drawn only when the line was refreshed (update, a new look): LineView keeps it in between.
        width = self.line_width
        base = self.base_style
        if y:
            return Strip.blank(width, base)
        # The rest of the line in the background only, as Textual pads a line of text.
        blank = Style.from_color(bgcolor=base.bgcolor)
        return Strip(fit_segments(text_segments(self._text, base, self.app.console), width, blank), width)
