"""What the product and booth detail panes share: one record drawn line by line (Textual's Line API), with
buttons and a list of related records that work by keyboard and mouse.

A pane is a single widget. A new record changes its lines and repaints it; it never lays the screen out
again (a pane made of widgets, a text, buttons and a list, did that for every new first row while typing).
A subclass says what a record shows, as a list of `Entry`s: text (wrapped to the pane's width), headings,
buttons and list items; the last two are actions (Enter or space on the cursor, or a click), which the
subclass turns into messages in `activate`.

Keys, when the pane has focus: ↑ ↓ move the cursor between the buttons and the items (a line at a time
through text that has none); PgUp PgDn Home End scroll; Enter or space does what the cursor is on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rich.style import Style
from rich.text import Text
from textual import events, getters
from textual.binding import Binding
from textual.geometry import Offset, Region, Size
from textual.strip import Strip
from textual.widget import Widget

from ocop_tui.search.catalog import Catalog
from ocop_tui.ui.cell_width import cell_width
from ocop_tui.ui.fair_app import FairApp
from ocop_tui.ui.lineview import LineView, fit_text, rows_size, text_strip
from ocop_tui.ui.wrapping import wrap

EntryKind = Literal["text", "heading", "button", "item"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a pane shows. `action` names what a button or an item asks for (for an item, the number of
    the record it stands for); text and headings have none."""

    text: Text
    kind: EntryKind = "text"
    action: str = ""

    @property
    def actionable(self) -> bool:
        return self.kind in ("button", "item")


def blank() -> Entry:
    return Entry(Text(""))


@dataclass(frozen=True, slots=True)
class _Line:
    text: Text
    entry: int  # the entry this line belongs to


class DetailPane(LineView, can_focus=True):
    """Shows one record of the app's catalogue; a subclass says what in `entries_for` and acts in `activate`."""

    app = getters.app(FairApp)

    COMPONENT_CLASSES = {"detail-pane--button", "detail-pane--cursor"}
    BINDINGS = [
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "scroll_home", show=False),
        Binding("end", "scroll_end", show=False),
        Binding("enter,space", "activate", "key.open", show=False),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._record: int | None = None
        self._shown: tuple[int | None, object, str] | None = None  # (record, catalogue, language) on screen
        self._entries: list[Entry] = []
        self._lines: list[_Line] = []
        self._starts: list[int] = []  # the first line of each entry
        self._wrapped_at = 0  # the width the lines were wrapped to (0: not yet)
        self._cursor: int | None = None  # an actionable entry
        self._strips: dict[int, Strip] = {}

    # What a subclass provides -------------------------------------------------------------------

    def entries_for(self, record: int | None) -> list[Entry]:
        raise NotImplementedError

    def activate(self, entry: Entry) -> None:
        raise NotImplementedError

    # The record ---------------------------------------------------------------------------------

    @property
    def catalog(self) -> Catalog:
        # Read from the app each time: a kiosk swaps in a new catalogue when the store file changes.
        return self.app.catalog

    @property
    def record(self) -> int | None:
        return self._record

    def show(self, record: int | None) -> None:
        # The screen shows the first result at once, then the table's Highlighted message repeats it:
        # the same record again must not draw anything.
        shown = self._shown
        if shown is not None and shown[0] == record and shown[1] is self.catalog and shown[2] == self.app.tr.lang:
            return
        new_record = shown is None or shown[0] != record
        self._record = record
        self.refresh_content(new_record=new_record)

    def refresh_content(self, *, new_record: bool = False) -> None:
        """Draw the record again (language, theme or catalogue changed), keeping the cursor and scroll."""
        self._shown = (self._record, self.catalog, self.app.tr.lang)
        drawn = self._drawn()
        entries = self.entries_for(self._record)
        keep = self._cursor if not new_record else None
        self._entries = entries
        if keep is not None and keep < len(entries) and entries[keep].actionable:
            self._cursor = keep
        else:
            self._cursor = next((i for i, entry in enumerate(entries) if entry.actionable), None)
        if new_record and self.scroll_y:
            self.scroll_to(y=0, animate=False, immediate=True)
        self._wrapped_at = 0
        self._rewrap(drawn)

    # Lines --------------------------------------------------------------------------------------

    def _wrap(self, width: int) -> tuple[list[_Line], list[int]]:
        console = self.app.console
        lines: list[_Line] = []
        starts: list[int] = []
        for number, entry in enumerate(self._entries):
            starts.append(len(lines))
            if entry.kind == "button":
                # One line, never wrapped: a button's label is short (a booth number at most).
                label = Text.assemble(" ", entry.text, " ")
                lines.append(_Line(fit_text(label, width) if cell_width(label.plain) > width else label, number))
                continue
            text = entry.text
            if "\n" not in text.plain and cell_width(text.plain) <= width:
                lines.append(_Line(text, number))  # most lines fit: no need to wrap them
                continue
            lines.extend(_Line(line, number) for line in wrap(text, width, console))
        return lines, starts

    @property
    def _auto_height(self) -> bool:
        height = self.styles.height
        return height is not None and height.is_auto

    def _drawn(self) -> tuple[int, int, list[tuple[object, ...]]] | None:
        """What the lines on view show (width, first line, each line's text, styles and look), or None."""
        if not self._wrapped_at or not self._lines:
            return None
        top, height = int(self.scroll_y), self.scrollable_content_region.height
        focused = self.has_focus
        return self._wrapped_at, top, [
            (line.text.plain, tuple(line.text.spans), line.text.style, self._entries[line.entry].kind,
             focused and line.entry == self._cursor)
            for line in self._lines[top : top + height]
        ]  # fmt: skip

    def _rewrap(self, drawn: tuple[int, int, list[tuple[object, ...]]] | None = None) -> None:
        """Wrap the entries to the pane's width, and repaint it: only the lines that changed when `drawn` says
        what was on view before (two products share their blank lines, headings, buttons and some fields).
        A new height lays out only a pane of automatic height, as on the map; a pane of fixed height only
        scrolls further."""
        width = self.line_width
        if width <= 0 or not self.is_mounted:
            return  # not laid out yet: on_resize wraps them
        self._lines, self._starts = self._wrap(width)
        self._wrapped_at = width
        self._strips.clear()
        if self._auto_height:
            self.virtual_size = rows_size(len(self._lines))
            self.refresh(layout=True)
        else:
            self.set_line_count(len(self._lines))
        now = self._drawn()
        if drawn is not None and now is not None and drawn[:2] == now[:2]:
            self.refresh_changed(drawn[2], now[2])
        else:
            self.refresh()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if width <= 0:
            return 0
        if width != self._wrapped_at:
            return len(self._wrap(width)[0])
        return len(self._lines)

    def on_resize(self, event: events.Resize) -> None:
        if self.line_width != self._wrapped_at:
            self._rewrap()

    def notify_style_update(self) -> None:
        super().notify_style_update()  # a theme change: the drawn lines have old colours
        self._strips.clear()

    # Drawing ------------------------------------------------------------------------------------

    def render_row(self, y: int) -> Strip:
        width = self.line_width
        index = int(self.scroll_y) + y
        if index >= len(self._lines) or self._wrapped_at != width:
            return Strip.blank(width, self.base_style)
        strip = self._strips.get(index)
        if strip is None:
            strip = self._strips[index] = self._line_strip(self._lines[index], width)
        return strip

    def _line_strip(self, line: _Line, width: int) -> Strip:
        base = self.base_style
        entry = self._entries[line.entry]
        on_cursor = line.entry == self._cursor and self.has_focus
        if entry.kind == "button":
            style = self.component_style("detail-pane--cursor" if on_cursor else "detail-pane--button")
            text = line.text.copy()
            text.stylize(style)
            return text_strip(text, width, base, self.app.console)
        if entry.kind == "heading":
            base = base + Style(bold=True)
        elif on_cursor:
            base = base + self.component_style("detail-pane--cursor")
        return text_strip(line.text, width, base, self.app.console)

    def _repaint_entry(self, number: int | None) -> None:
        if number is None or number >= len(self._entries) or not self._lines:
            return
        first, count = self._span(number)
        for index in range(first, first + count):
            self._strips.pop(index, None)
        self.refresh_lines(first, count)

    def _span(self, number: int) -> tuple[int, int]:
        """The first line of entry `number` and how many lines it takes."""
        first = self._starts[number]
        end = self._starts[number + 1] if number + 1 < len(self._starts) else len(self._lines)
        return first, end - first

    # The cursor ---------------------------------------------------------------------------------

    @property
    def entries(self) -> Sequence[Entry]:
        return self._entries

    @property
    def cursor_entry(self) -> Entry | None:
        return self._entries[self._cursor] if self._cursor is not None else None

    @property
    def lines_text(self) -> list[str]:
        """Every line as drawn (wrapped to the pane's width), without styles."""
        return [line.text.plain for line in self._lines]

    @property
    def plain_text(self) -> str:
        """What the pane shows, an entry a line (not wrapped), without styles."""
        return "\n".join(entry.text.plain for entry in self._entries)

    def entry_offset(self, action: str) -> Offset | None:
        """Where, in the pane's region, the entry with this action is drawn (None: not on view, or none such)."""
        content = self.scrollable_content_region
        for number, entry in enumerate(self._entries):
            if entry.action == action and entry.actionable and self._lines:
                y = self._starts[number] - int(self.scroll_y)
                if 0 <= y < content.height:
                    return Offset(content.x - self.region.x + 1, content.y - self.region.y + y)
        return None

    def reveal_action(self, action: str) -> Offset | None:
        """Scroll the button or item with this action into view; where it is drawn then (None: none such)."""
        number = next((i for i, e in enumerate(self._entries) if e.actionable and e.action == action), None)
        if number is None or not self._lines:
            return None
        self._reveal(number)
        return self.entry_offset(action)

    def _move_cursor(self, number: int | None) -> None:
        if number == self._cursor:
            return
        before, self._cursor = self._cursor, number
        self._repaint_entry(before)
        self._repaint_entry(number)

    def _view(self) -> tuple[int, int]:
        """The first line on view and how many lines the view holds (all of them when the pane is as tall
        as its lines, as on the map, where the side panel scrolls instead)."""
        if self._auto_height:
            return 0, len(self._lines)
        return int(self.scroll_y), self.scrollable_content_region.height

    def _on_view(self, number: int) -> bool:
        first, count = self._span(number)
        top, height = self._view()
        return first < top + height and first + count > top

    def _following(self, delta: int) -> int | None:
        """The button or item the cursor goes to that way: the next after the cursor when the cursor is on
        view, else the first on view (or past it) that way."""
        top, height = self._view()
        actionable = [i for i, entry in enumerate(self._entries) if entry.actionable]
        if self._cursor is not None and self._on_view(self._cursor):
            return next((i for i in (actionable if delta > 0 else reversed(actionable))
                         if (i > self._cursor if delta > 0 else i < self._cursor)), None)  # fmt: skip
        if delta > 0:
            return next((i for i in actionable if self._starts[i] >= top), None)
        return next((i for i in reversed(actionable) if sum(self._span(i)) <= top + height), None)

    def _reachable(self, number: int, delta: int) -> bool:
        """Entry `number` is on view or starts (ends) right past the view's edge that way."""
        first, count = self._span(number)
        top, height = self._view()
        return first <= top + height if delta > 0 else first + count >= top

    def _reveal(self, number: int) -> None:
        first, count = self._span(number)
        region = Region(0, first, 1, count)
        if self._auto_height:
            parent = self.parent
            if isinstance(parent, Widget):
                parent.scroll_to_region(region.translate(self.virtual_region.offset), animate=False,
                                        immediate=True)  # fmt: skip
        else:
            self.scroll_to_region(region, animate=False, immediate=True)

    def action_cursor(self, delta: int) -> None:
        """The next button or item that way; through text without any, a line at a time."""
        if not self._lines:
            return
        following = self._following(delta)
        if following is None or not self._reachable(following, delta):
            self.scroll_relative(y=delta, animate=False, immediate=True)
            return
        self._move_cursor(following)
        self._reveal(following)

    def action_page(self, direction: int) -> None:
        self.scroll_relative(y=direction * max(1, self.scrollable_content_region.height - 1), animate=False,
                             immediate=True)  # fmt: skip

    def action_activate(self) -> None:
        entry = self.cursor_entry
        if entry is not None and self._cursor is not None:
            if self._lines:
                self._reveal(self._cursor)
            self.activate(entry)

    def focus_items(self) -> bool:
        """Focus the pane with the cursor on its first list item; False when it lists nothing."""
        first = next((i for i, entry in enumerate(self._entries) if entry.kind == "item"), None)
        if first is None:
            return False
        self._move_cursor(first)
        self.focus()
        if self._lines:
            self._reveal(first)
        return True

    # Mouse and focus ----------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self.on_bar(offset.x):
            return
        index = int(self.scroll_y) + offset.y
        if not 0 <= index < len(self._lines):
            return
        line = self._lines[index]
        entry = self._entries[line.entry]
        if not entry.actionable or (entry.kind == "button" and offset.x >= line.text.cell_len):
            return
        event.stop()
        self._move_cursor(line.entry)
        self.activate(entry)

    def on_focus(self) -> None:
        if self._lines and (self._cursor is None or not self._on_view(self._cursor)):
            # The cursor goes to what can be seen: Enter never acts on a button scrolled out of view.
            on_view = self._following(1)
            if on_view is not None and self._on_view(on_view):
                self._move_cursor(on_view)
        self._repaint_entry(self._cursor)

    def on_blur(self) -> None:
        self._repaint_entry(self._cursor)
