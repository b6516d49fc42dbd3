"""A virtual table on the Line API: only visible rows are rendered, so 100,000 results cost no more than 30.

It never holds the records: it holds the result's record ids and asks `render_cell` for the cells of the
rows on screen. Which columns show at its width, and how wide, is columns.py's business (the name first).
Sorting is done by the caller (the catalogue's precomputed ranks); a click on a header, or the screen's
ctrl+s / ctrl+d (next_sort, reverse_sort here), ask for it with a message.

Rows can be marked (the shortlist): `space`, or a click in the mark column (MARK_COLUMN), asks for the
highlighted record to be marked or unmarked with MarkRequested; whether a row is marked comes from the
`is_marked` callback and is part of a drawn row's cache key, so `refresh_record` repaints only that row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip

from ocop_tui.ui.language import follow_language
from ocop_tui.ui.lineview import LineView, cursor_base, fit_segments, fit_text, rows_size, text_segments
from ocop_tui.ui.textual_compat import LightStrip
from ocop_tui.ui.widgets.columns import GAP, Column, column_widths

MAX_CACHED_LINES = 400  # drawn rows kept (ten screens of them); all dropped at once when full
SORT_MARKS = {False: "▲", True: "▼"}  # ascending (A–Z, fewest stars, cheapest first), descending
MARK_COLUMN = "mark"  # the column a click marks a row in (the shortlist's ✓)
MARK = "✓"  # a marked row's mark, and the mark column's header


# A cell: Text, or a str drawn literally in the row's style (cheaper: most cells are one plain string, and a
# new search draws a screenful of new rows).
Cell = Text | str
CellRenderer = Callable[[int, str], Cell]
MarkTest = Callable[[int], bool]


def cell_plain(cell: Cell) -> str:
    """What a cell shows, without its styles."""
    return cell if isinstance(cell, str) else cell.plain


def never_marked(record: int) -> bool:
    return False


def mark_column() -> Column:
    """The mark column: always shown, one cell, not sortable (the catalogue has no order for it)."""
    return Column(MARK_COLUMN, MARK, 1, sortable=False)


def mark_cell(marked: bool) -> Text:
    return Text(MARK, style="bold") if marked else Text(" ")


class TableMessage(Message):
    """A message from a RecordTable, which is its control (so @on selectors can match the table's id)."""

    def __init__(self, table: RecordTable) -> None:
        super().__init__()
        self.table = table

    @property
    def control(self) -> RecordTable:
        return self.table


class RecordTable(LineView, can_focus=True):
    """Rows of records by id, a cursor, a sortable header; Line API rendering."""

    COMPONENT_CLASSES = {
        "record-table--header",
        "record-table--cursor",
        "record-table--odd",
    }
    BINDINGS = [
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "jump(0)", show=False),
        Binding("end", "jump(-1)", show=False),
        Binding("enter", "activate", "key.open", show=False),
        Binding("space", "mark", "key.mark"),
    ]

    class Highlighted(TableMessage):
        """The cursor moved to a record (None: no rows)."""

        def __init__(self, table: RecordTable, record: int | None) -> None:
            super().__init__(table)
            self.record = record

    class Activated(TableMessage):
        """Enter, or a click on the highlighted row."""

        def __init__(self, table: RecordTable, record: int) -> None:
            super().__init__(table)
            self.record = record

    class MarkRequested(TableMessage):
        """`space` or a click in the mark column: put `record` on the shortlist, or take it off."""

        def __init__(self, table: RecordTable, record: int) -> None:
            super().__init__(table)
            self.record = record

    class SortRequested(TableMessage):
        """The user asked to sort by `column` (descending or not); None: the search's own order."""

        def __init__(self, table: RecordTable, column: str | None, descending: bool) -> None:
            super().__init__(table)
            self.column = column
            self.descending = descending

    def __init__(
        self,
        columns: Sequence[Column],
        render_cell: CellRenderer,
        *,
        is_marked: MarkTest = never_marked,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._is_marked = is_marked
        self._columns: tuple[Column, ...] = self._with_mark(columns)
        self._laid_out: tuple[int, list[tuple[Column, int]]] | None = None
        self._render_cell = render_cell
        self._rows: Sequence[int] = ()
        self._cursor = 0
        self._sort: tuple[str, bool] | None = None
        # Drawn rows by record (not by position), so a new search reuses the rows it shares with the last
        # one: typing on keeps most of the top rows. Cleared when what a row shows can change: language,
        # columns, theme, or the catalogue behind the record numbers (see invalidate()).
        self._line_cache: dict[tuple[int, int, int, bool, bool, bool], Strip] = {}

    # Data -----------------------------------------------------------------------------------------

    @property
    def rows(self) -> Sequence[int]:
        return self._rows

    @property
    def cursor_row(self) -> int:
        return self._cursor

    @property
    def highlighted(self) -> int | None:
        return self._rows[self._cursor] if self._rows else None

    @property
    def sort(self) -> tuple[str, bool] | None:
        return self._sort

    def set_columns(self, columns: Sequence[Column]) -> None:
        self._columns = self._with_mark(columns)
        self._laid_out = None
        self.invalidate()

    def set_sort(self, sort: tuple[str, bool] | None) -> None:
        if sort != self._sort:
            self._sort = sort
            self.refresh_line(int(self.scroll_y))  # the header

    def invalidate(self) -> None:
        """Drop cached lines (language, columns or the records behind the numbers changed)."""
        self._line_cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()  # a theme change or a class change: the cached rows have old colours
        self._line_cache.clear()

    def set_rows(self, rows: Sequence[int], *, select: int | None = None) -> None:
        """Show `rows`; keep the highlighted record if it is still there, or move to `select`."""
        previous = self.highlighted
        drawn = self._drawn()
        self._rows = rows
        target = select if select is not None else previous
        position = 0
        if target is not None and rows:
            try:
                position = rows.index(target)
            except ValueError:
                position = 0
        self.set_line_count(len(rows) + 1)
        self._move_to(position, force_message=True, centre=select is not None, drawn=drawn)

    def _drawn(self) -> tuple[int, list[tuple[int | None, bool]]]:
        """What the rows on view show: the first row, and each row's record and whether the cursor is on it."""
        top = int(self.scroll_y)
        rows = self._rows
        end = min(len(rows), top + self._visible_rows)
        return top, [(rows[row], row == self._cursor) for row in range(top, end)]

    def _repaint_changes(self, drawn: tuple[int, list[tuple[int | None, bool]]]) -> None:
        """Repaint the rows whose record or cursor changed (all of them after a scroll: Textual repaints a
        scrolled view by itself)."""
        top, before = drawn
        after_top, after = self._drawn()
        if top == after_top:
            self.refresh_changed(before, after, first=1)

    # Geometry -------------------------------------------------------------------------------------

    @property
    def _visible_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _layout(self, total: int) -> list[tuple[Column, int]]:
        """The columns that fit in `total` cells, with their widths (the name first: see columns.py)."""
        if self._laid_out is None or self._laid_out[0] != total:
            self._laid_out = (total, column_widths(self._columns, total))  # asked for by every row drawn
        return self._laid_out[1]

    @property
    def shown_columns(self) -> list[Column]:
        """The columns shown at the table's present width."""
        return [column for column, _width in self._layout(self.scrollable_content_region.width)]

    def on_resize(self, event: events.Resize) -> None:
        self._line_cache.clear()
        self.virtual_size = rows_size(len(self._rows) + 1)
        self._scroll_cursor_into_view()

    # Rendering ------------------------------------------------------------------------------------

    def render_row(self, y: int) -> Strip:
        width = self.line_width
        if y == 0:
            return self._header_strip(width)
        row = int(self.scroll_y) + y - 1
        if row >= len(self._rows):
            return Strip.blank(width, self.base_style)
        is_cursor = row == self._cursor
        record = self._rows[row]
        key = (record, row % 2, width, is_cursor, self.has_focus, self._is_marked(record))
        strip = self._line_cache.get(key)
        if strip is None:
            strip = self._row_strip(row, width, is_cursor)
            if len(self._line_cache) > MAX_CACHED_LINES:
                self._line_cache.clear()
            self._line_cache[key] = strip
        return strip

    def _header_strip(self, width: int) -> Strip:
        base = self.base_style + self.get_component_rich_style("record-table--header")
        cells: list[Text] = []
        for column, column_width in self._layout(width):
            label = Text(column.label)
            if self._sort and self._sort[0] == column.key:
                # The mark always shows: the label gives way to it in a narrow column.
                label = fit_text(label, max(0, column_width - 2))
                label.rstrip()
                label.append(f" {SORT_MARKS[self._sort[1]]}")
            cells.append(label)
        return self._cells_strip(cells, width, base)

    def _row_strip(self, row: int, width: int, is_cursor: bool) -> Strip:
        record = self._rows[row]
        # The row's own style goes under every cell's style (Strip.apply_style would put it beneath
        # the widget background, where a cursor colour never shows).
        base = self.base_style
        if row % 2:
            base = base + self.component_style("record-table--odd")
        # The cursor's colours go over the cells' own (stars, a dim separator), which would not read on it.
        cursor = self.component_style("record-table--cursor") if is_cursor else None
        cells = [self._cell(record, column.key) for column, _ in self._layout(width)]
        return self._cells_strip(cells, width, base, cursor)

    def _cells_strip(self, cells: Sequence[Cell], width: int, base: Style, over: Style | None = None) -> Strip:
        """One line of cells, each cut or padded to its column's width, GAP cells apart (`over`: a cursor)."""
        console = self.app.console
        line_base = cursor_base(base, over)
        gap = Segment(" " * GAP, line_base)
        segments: list[Segment] = []
        used = 0  # cells so far: each cell is fitted to its column, so the line is measured only when it is off
        for (column, column_width), cell in zip(self._layout(width), cells, strict=True):
            if column_width <= 0:
                continue
            if segments:
                segments.append(gap)
                used += GAP
            cell_segments = text_segments(cell, base, console, over=over)
            segments += fit_segments(cell_segments, column_width, line_base, column.justify)
            used += column_width
        if used != width:
            segments = fit_segments(segments, width, line_base)
        return LightStrip(segments, width)

    # Cursor ---------------------------------------------------------------------------------------

    def _move_to(self, position: int, *, force_message: bool = False, centre: bool = False,
                 drawn: tuple[int, list[tuple[int | None, bool]]] | None = None) -> None:  # fmt: skip
        if drawn is None:
            drawn = self._drawn()
        count = len(self._rows)
        position = max(0, min(position, count - 1)) if count else 0
        changed = position != self._cursor
        self._cursor = position
        self._scroll_cursor_into_view(centre=centre)
        if changed or force_message:
            self.post_message(self.Highlighted(self, self.highlighted))
        self._repaint_changes(drawn)

    def _scroll_cursor_into_view(self, *, centre: bool = False) -> None:
        visible = self._visible_rows
        top = int(self.scroll_y)
        if centre and not (top <= self._cursor < top + visible):
            self.scroll_to(y=max(0, self._cursor - visible // 2), animate=False, immediate=True)
        elif self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False, immediate=True)
        elif self._cursor >= top + visible:
            self.scroll_to(y=self._cursor - visible + 1, animate=False, immediate=True)

    def action_cursor(self, delta: int) -> None:
        self._move_to(self._cursor + delta)

    def action_page(self, direction: int) -> None:
        self._move_to(self._cursor + direction * self._visible_rows)

    def action_jump(self, position: int) -> None:
        self._move_to(position if position >= 0 else len(self._rows) - 1)

    def _with_mark(self, columns: Sequence[Column]) -> tuple[Column, ...]:
        """The columns, after the mark column when rows can be marked."""
        return (mark_column(), *columns) if self._is_marked is not never_marked else tuple(columns)

    def _cell(self, record: int, column: str) -> Cell:
        return mark_cell(self._is_marked(record)) if column == MARK_COLUMN else self._render_cell(record, column)

    def refresh_record(self, record: int) -> None:
        """Repaint the rows on view that show `record` (it was marked or unmarked): no other row, no layout."""
        top = int(self.scroll_y)
        end = min(len(self._rows), top + self._visible_rows)
        self.refresh_lines_on_view(row - top + 1 for row in range(top, end) if self._rows[row] == record)

    def action_mark(self) -> None:
        if self._rows:
            self.post_message(self.MarkRequested(self, self._rows[self._cursor]))

    def action_activate(self) -> None:
        if self._rows:
            self.post_message(self.Activated(self, self._rows[self._cursor]))

    def action_next_sort(self) -> None:
        """Sort by the next column shown at this width, in its first direction; after the last one, back
        to the search's own order (the best match first)."""
        shown = [column for column in self.shown_columns if column.sortable]
        keys = [c.key for c in shown]
        current = self._sort[0] if self._sort else None
        if current not in keys:
            following: Column | None = shown[0] if shown else None
        else:
            position = keys.index(current) + 1
            following = shown[position] if position < len(shown) else None
        if following is None:
            self.post_message(self.SortRequested(self, None, False))
        else:
            self.post_message(self.SortRequested(self, following.key, following.descending_first))

    def action_reverse_sort(self) -> None:
        """The other direction; without a sort, the first column shown, against its first direction."""
        if self._sort:
            self.post_message(self.SortRequested(self, self._sort[0], not self._sort[1]))
            return
        shown = [column for column in self.shown_columns if column.sortable]
        if shown:
            self.post_message(self.SortRequested(self, shown[0].key, not shown[0].descending_first))

    # Mouse ----------------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self.on_bar(offset.x):
            return
        event.stop()
        if offset.y == 0:
            x = 0
            for column, column_width in self._layout(self.line_width):
                if x <= offset.x < x + column_width + GAP:
                    if not column.sortable:
                        return
                    # A new column starts in its first direction; the sorted one turns round.
                    same = self._sort is not None and self._sort[0] == column.key
                    descending = not self._sort[1] if self._sort and same else column.descending_first
                    self.post_message(self.SortRequested(self, column.key, descending))
                    return
                x += column_width + GAP
            return
        row = int(self.scroll_y) + offset.y - 1
        if 0 <= row < len(self._rows):
            if self._column_at(offset.x) == MARK_COLUMN:
                self._move_to(row)
                self.post_message(self.MarkRequested(self, self._rows[row]))
            elif row == self._cursor:
                self.post_message(self.Activated(self, self._rows[row]))
            else:
                self._move_to(row)

    def _column_at(self, x: int) -> str | None:
        """The key of the column under `x` (a click), None between columns or past the last."""
        left = 0
        for column, column_width in self._layout(self.line_width):
            if left <= x < left + column_width:
                return column.key
            left += column_width + GAP
        return None

    def on_mount(self) -> None:
        follow_language(self, self.invalidate)

    def on_focus(self) -> None:
        self._line_cache.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._line_cache.clear()
        self.refresh()
