"""Facet checkboxes with live counts (province, group, stars, zone, exhibitor type), on the Line API.

The panel only draws what it is given: the screen passes each facet's choices (search/facets.py: titles,
labels, order and the counts of the current search), and gets a Toggled message back when a value is
clicked or toggled with space/enter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip

from ocop_tui.search.facets import FacetChoices
from ocop_tui.ui.language import follow_language
from ocop_tui.ui.lineview import LineView, cursor_base, fit_segments, text_segments, text_strip
from ocop_tui.ui.safe import data_text
from ocop_tui.ui.textual_compat import LightStrip
from ocop_tui.ui.themes import stars_style

MAX_KEPT_LABELS = 500  # labels drawn, kept for the next search (a few dozen values: the bound is for safety)


@dataclass(frozen=True, slots=True)
class _Line:
    facet: str | None  # None for a heading
    value: str
    text: Text
    count: int
    selected: bool


class FacetPanel(LineView, can_focus=True):
    """A scrolling list of facet headings and checkable values."""

    COMPONENT_CLASSES = {"facet-panel--heading", "facet-panel--cursor", "facet-panel--selected", "facet-panel--count"}
    BINDINGS = [
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("space,enter", "toggle_value", "key.toggle"),
    ]

    class Toggled(Message):
        def __init__(self, facet: str, value: str) -> None:
            super().__init__()
            self.facet = facet
            self.value = value

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[_Line] = []
        self._cursor = 1
        self._count_width = 1  # the widest count's digits: labels get the rest of the line

    def set_facets(self, facets: Sequence[FacetChoices]) -> None:
        # Keep the cursor on the same value when counts change under it.
        # (Not a heading: after a search with no results the cursor rests on one, and it must come back
        # to a value, or space would toggle nothing.)
        current = self._lines[self._cursor] if self._selectable(self._cursor) else None
        drawn = self._drawn()
        lines: list[_Line] = []
        for facet in facets:
            if not facet.values:
                continue  # nothing to choose (an empty result): no bare heading
            lines.append(_Line(None, "", Text(facet.title), 0, False))
            for value in facet.values:
                text = data_text(value.label)
                lines.append(_Line(facet.key, value.value, text, value.count, value.selected))
        self._lines = lines
        self._count_width = max((len(str(line.count)) for line in lines if line.facet is not None), default=1)
        self._cursor = next(
            (
                i
                for i, line in enumerate(lines)
                if current and line.facet == current.facet and line.value == current.value
            ),
            next((i for i, line in enumerate(lines) if line.facet is not None), 0),
        )
        self.set_line_count(len(lines))
        if drawn[0] == int(self.scroll_y):  # else Textual repaints the scrolled view by itself
            self.refresh_changed(drawn[1], self._drawn()[1])

    def _drawn(self) -> tuple[int, list[tuple[str | None, str, str, int, bool, bool]]]:
        """What the lines on view show (the first line, then each line's facet, value, label, count, and
        whether it is chosen and under the cursor)."""
        top = int(self.scroll_y)
        shown = self._lines[top : top + self.scrollable_content_region.height]
        cursor = self._cursor - top if self.has_focus else -1
        return top, [(line.facet, line.value, line.text.plain, line.count, line.selected, y == cursor)
                     for y, line in enumerate(shown)]  # fmt: skip

    def render_row(self, y: int) -> Strip:
        width = self.line_width
        index = int(self.scroll_y) + y
        widget_style = self.base_style
        if index >= len(self._lines):
            return Strip.blank(width, widget_style)
        line = self._lines[index]
        console = self.app.console
        if line.facet is None:
            base = widget_style + self.component_style("facet-panel--heading")
            return text_strip(line.text, width, base, console)
        base = widget_style
        if line.selected:
            base = base + self.component_style("facet-panel--selected")
        cursor = None
        if index == self._cursor and self.has_focus:  # its colours over the stars' and the count's
            cursor = self.component_style("facet-panel--cursor")
        line_base = cursor_base(base, cursor)
        label_width = max(1, width - self._count_width - 1)
        # The label part is the same after most searches (only the counts change): kept with the look.
        memo = self.look_memo
        key = (line.facet == "stars", line.text.plain, line.selected, cursor is not None, label_width)
        label = memo.get(key)
        if label is None:
            text = line.text
            if line.facet == "stars":  # in the theme's colour for stars, as it is now (F8 changes it)
                text = Text(text.plain, style=stars_style(self.app))
            mark = Segment("■ " if line.selected else "□ ", line_base)
            label = fit_segments([mark, *text_segments(text, base, console, over=cursor)], label_width, line_base)
            if len(memo) > MAX_KEPT_LABELS:
                memo.clear()
            memo[key] = label
        count = Text(f" {line.count:>{self._count_width}}", style=self.component_style("facet-panel--count"))
        return LightStrip(fit_segments([*label, *text_segments(count, base, console, over=cursor)], width, line_base),
                          width)  # fmt: skip

    def _selectable(self, index: int) -> bool:
        return 0 <= index < len(self._lines) and self._lines[index].facet is not None

    def action_cursor(self, delta: int) -> None:
        index = self._cursor + delta
        while 0 <= index < len(self._lines) and not self._selectable(index):
            index += delta
        if self._selectable(index):
            self._cursor = index
            top = int(self.scroll_y)
            height = self.scrollable_content_region.height
            # Show the facet's heading too when moving onto its first value.
            wanted = index - 1 if index > 0 and not self._selectable(index - 1) else index
            if wanted < top:
                self.scroll_to(y=wanted, animate=False, immediate=True)
            elif index >= top + height:
                self.scroll_to(y=index - height + 1, animate=False, immediate=True)
            self.refresh()

    def action_toggle_value(self) -> None:
        if self._selectable(self._cursor):
            line = self._lines[self._cursor]
            self.post_message(self.Toggled(line.facet or "", line.value))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self.on_bar(offset.x):
            return
        index = int(self.scroll_y) + offset.y
        if self._selectable(index):
            event.stop()
            self._cursor = index
            self.post_message(self.Toggled(self._lines[index].facet or "", self._lines[index].value))
            self.refresh()

    def on_mount(self) -> None:
        follow_language(self, self.refresh)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
