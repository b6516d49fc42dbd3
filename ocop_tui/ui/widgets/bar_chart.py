"""A horizontal bar chart drawn with block characters: one line per value, clickable and keyboard-driven.

Bars are scaled to the widget's width (eighth-block precision), so the chart fits any terminal. A click
on a bar, or Enter on the highlighted one, posts `BarChart.Selected` with the facet and the value the
bar stands for. Labels arrive as rich Text (data already cleaned by the caller).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

EIGHTHS = " ▏▎▍▌▋▊▉"
MAX_LABEL = 28


@dataclass(frozen=True, slots=True)
class Bar:
    value: str  # the facet value the bar stands for
    label: Text
    count: int
    count_text: str  # the count formatted for the current language


class BarChart(Widget, can_focus=True):
    """A titled list of bars; the highlighted one follows the keyboard."""

    COMPONENT_CLASSES = {"bar-chart--title", "bar-chart--label", "bar-chart--bar", "bar-chart--count",
                         "bar-chart--cursor"}  # fmt: skip
    BINDINGS = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("home", "jump(0)", show=False),
        Binding("end", "jump(-1)", show=False),
        Binding("enter", "choose", show=False),
    ]

    class Selected(Message):
        def __init__(self, chart: BarChart, facet: str, value: str) -> None:
            super().__init__()
            self.chart = chart
            self.facet = facet
            self.value = value

        @property
        def control(self) -> BarChart:
            return self.chart

    def __init__(self, facet: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.facet = facet
        self.title = ""
        self.bars: tuple[Bar, ...] = ()
        self.cursor = 0

    def set_data(self, title: str, bars: Sequence[Bar]) -> None:
        self.title = title
        self.bars = tuple(bars)
        self.cursor = min(self.cursor, max(0, len(self.bars) - 1))
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1 + len(self.bars)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            title = self.get_component_rich_style("bar-chart--title")
            # end="" or Rich adds a newline segment, which breaks the line in two on screen.
            heading = Text(self.title, style=title, end="")
            # No cell length given: the strip must measure itself, or crop_extend cannot pad it.
            return Strip(heading.render(self.app.console)).crop_extend(0, width, title)
        index = y - 1
        if index >= len(self.bars):
            return Strip.blank(width, self.rich_style)
        bar = self.bars[index]
        label_width = min(MAX_LABEL, max(8, width // 3), max(b.label.cell_len for b in self.bars))
        count_width = max(len(b.count_text) for b in self.bars) + 1
        room = max(1, width - label_width - count_width - 2)
        largest = max(b.count for b in self.bars) or 1
        eighths = round(bar.count / largest * room * 8)
        if bar.count and not eighths:
            eighths = 1  # a value is never drawn as nothing
        full, part = divmod(eighths, 8)
        cursor = self.has_focus and index == self.cursor
        base = self.get_component_rich_style("bar-chart--cursor") if cursor else self.rich_style
        label = bar.label.copy()
        label.end = ""
        label.truncate(label_width, overflow="ellipsis", pad=True)
        label.stylize(self.get_component_rich_style("bar-chart--label"), 0)
        segments = list(label.render(self.app.console))
        segments.append(Segment(" "))
        blocks = "█" * full + (EIGHTHS[part] if part else "")
        segments.append(Segment(blocks, self.get_component_rich_style("bar-chart--bar")))
        segments.append(Segment(" " + bar.count_text, self.get_component_rich_style("bar-chart--count")))
        strip = Strip(segments).crop_extend(0, width, None)
        return strip.apply_style(base) if cursor else strip

    # Interaction --------------------------------------------------------------------------------

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_move(self, step: int) -> None:
        if self.bars:
            self.cursor = max(0, min(len(self.bars) - 1, self.cursor + step))
            self.refresh()

    def action_jump(self, where: int) -> None:
        if self.bars:
            self.cursor = where % len(self.bars)
            self.refresh()

    def action_choose(self) -> None:
        if self.bars:
            self.post_message(self.Selected(self, self.facet, self.bars[self.cursor].value))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not 1 <= offset.y <= len(self.bars):
            return
        self.cursor = offset.y - 1
        self.refresh()
        self.post_message(self.Selected(self, self.facet, self.bars[self.cursor].value))
