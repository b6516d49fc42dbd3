"""The pattern both browsing screens share: search box, facets, a virtual results table, a detail pane.

A subclass says what it lists (products or booths): its columns, cells, facets, search and detail pane.
State is the query text, the facet filters and the sort; every change runs one catalogue search and
hands the result to the widgets, which only draw what is visible. Every table starts with the shortlist's
mark column (✓): `space` on a row, or a click on its mark, puts the record on the app's shortlist or takes
it off, and only that row is repainted.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from ocop_tui.memory import freeze_long_lived, release_free_memory
from ocop_tui.search.describe import describe
from ocop_tui.search.facets import describe_filters, facet_choices
from ocop_tui.search.index import Filters, ResultSet, SortSpec
from ocop_tui.shortlist.items import Kind
from ocop_tui.ui.language import follow_language
from ocop_tui.ui.safe import data_text
from ocop_tui.ui.screens.fair_screen import FairScreen
from ocop_tui.ui.textual_compat import send_refreshes_now
from ocop_tui.ui.widgets.columns import Column
from ocop_tui.ui.widgets.detail_pane import DetailPane
from ocop_tui.ui.widgets.facet_panel import FacetPanel
from ocop_tui.ui.widgets.fair_footer import FairFooter
from ocop_tui.ui.widgets.record_table import SORT_MARKS, RecordTable
from ocop_tui.ui.widgets.search_input import SearchInput
from ocop_tui.ui.widgets.status_line import StatusLine

# A search through more records than this runs in a worker thread, so typing never waits for it.
THREADED_SEARCH_THRESHOLD = 20_000
WARM_AFTER_SECONDS = 0.5  # from mount to building the search index in the background


class BrowserScreen(FairScreen):
    """Search, facets, results and details for one kind of record."""

    FACETS: ClassVar[tuple[str, ...]] = ()

    BINDINGS = [
        Binding("ctrl+f", "focus_search", "key.search"),
        Binding("ctrl+r", "clear", "key.clear"),
        Binding("f7", "toggle_facets", "key.facets"),
        # Letters go on with the search (see on_key), so sorting has control keys; priority bindings, so they
        # also work (and show in the footer) while the search box has focus, where ctrl+d would delete.
        Binding("ctrl+s", "next_sort", "key.sort", priority=True),
        Binding("ctrl+d", "reverse_sort", "key.reverse", priority=True),
        Binding("down", "move_cursor(1)", show=False),
        Binding("up", "move_cursor(-1)", show=False),
        Binding("pagedown", "move_page(1)", show=False),
        Binding("pageup", "move_page(-1)", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_text = ""
        self.filters: dict[str, set[str]] = {}
        self.sort: SortSpec | None = None
        self.result: ResultSet | None = None
        self._generation = 0
        self._show_facets = False

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """As FairScreen's, with the sort keys side by side: a priority binding takes the place of the search
        box's own key (ctrl+d deletes there), so the footer would show "reverse" far from "sort"."""
        bindings = super().active_bindings
        reverse = bindings.pop("ctrl+d", None)
        if reverse is None:
            return bindings
        ordered: dict[str, ActiveBinding] = {}
        for key, active in bindings.items():
            ordered[key] = active
            if key == "ctrl+s":
                ordered["ctrl+d"] = reverse
        ordered.setdefault("ctrl+d", reverse)
        return ordered

    # What a subclass provides -------------------------------------------------------------------

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def render_cell(self, record: int, column: str) -> Text:
        raise NotImplementedError

    def search(self, text: str, filters: Filters, sort: SortSpec | None) -> ResultSet:
        raise NotImplementedError

    def shortlist_item(self, record: int) -> tuple[Kind, str]:
        """What `record` is on the shortlist: ("product", its code) or ("booth", its number)."""
        raise NotImplementedError

    def make_detail(self) -> Widget:
        raise NotImplementedError

    @property
    def detail(self) -> DetailPane:
        return self.query_one("#detail", DetailPane)

    def show_detail(self, record: int | None) -> None:
        self.detail.show(record)

    def refresh_detail(self) -> None:
        self.detail.refresh_content()

    @property
    def record_count(self) -> int:
        raise NotImplementedError

    # Layout -------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield from self.compose_top()
        yield SearchInput(id="search", classes="search", select_on_focus=False)
        with Horizontal(id="body"):
            yield FacetPanel(id="facets")
            with Vertical(id="results"):
                yield Static(id="close-note")
                yield RecordTable(self.columns(), self.render_cell, is_marked=self.is_marked, id="table")
                with Vertical(id="empty"):
                    yield Static(id="empty-text")
                    yield Button("", id="empty-clear", variant="primary")
            yield self.make_detail()
        yield StatusLine(id="status")
        # The key hints follow right after the first frame (see _mount_footer): the footer's dozen keys
        # take about a tenth of a second to style, which the first look at the results need not wait for.
        # This stand-in holds the footer's line, so nothing moves when it arrives.
        yield Static(" ", id="footer-placeholder")

    @property
    def table(self) -> RecordTable:
        return self.query_one("#table", RecordTable)

    @property
    def search_input(self) -> Input:
        return self.query_one("#search", Input)

    @property
    def facet_panel(self) -> FacetPanel:
        return self.query_one("#facets", FacetPanel)

    def on_mount(self) -> None:
        self.query_one("#empty").display = False
        self.query_one("#close-note").display = False
        follow_language(self, self.relabel)
        self.search_input.focus()
        self.call_after_refresh(self._mount_footer)
        # The first screen only needs the name order; the search text is built a moment after it is drawn,
        # in a thread, so the first keystroke finds it ready. Not sooner: the thread would share the
        # interpreter with the first frame and slow it down. (A key pressed before then builds it itself.)
        self.set_timer(WARM_AFTER_SECONDS, self._warm_catalog)

    def _mount_footer(self) -> None:
        placeholder = self.query_one("#footer-placeholder")
        self.mount(FairFooter(), after=placeholder)
        placeholder.remove()

    def _warm_catalog(self) -> None:
        catalog = self.catalog

        def warm() -> None:
            catalog.warm()
            release_free_memory()  # the index's temporary strings are gone: give their pages back
            # The index's arrays, lists and sets live as long as the catalogue: tens of thousands of objects
            # every full garbage collection would walk again, 60-80 ms in the middle of someone's typing.
            freeze_long_lived()

        self.run_worker(warm, thread=True, group="warm", exit_on_error=False)

    # The shortlist's marks (the ✓ column) ---------------------------------------------------------

    def is_marked(self, record: int) -> bool:
        return self.app.shortlist.has(*self.shortlist_item(record))

    @on(RecordTable.MarkRequested, "#table")
    def mark_row(self, event: RecordTable.MarkRequested) -> None:
        if self.app.toggle_shortlisted(*self.shortlist_item(event.record)) is not None:
            self.table.refresh_record(event.record)  # only that row: no relayout, no other row redrawn

    def shortlist_count_changed(self) -> None:
        if self.result is not None:
            self._update_status(self.result)

    def relabel(self) -> None:
        """Everything that shows UI strings, after a language switch."""
        tr = self.app.tr
        self.search_input.placeholder = tr(f"search.{self.MODE}.placeholder")
        self.query_one("#empty-clear", Button).label = tr("empty.clear")
        self.table.set_columns(self.columns())
        self.run_search()
        self.detail.refresh_content()

    # Searching ----------------------------------------------------------------------------------

    def workload(self, text: str) -> int:
        """How many records a search for `text` goes through (a subclass may know better)."""
        return self.record_count

    def run_search(self, *, select: int | None = None, top: bool = False) -> None:
        """Search again; `top`: a new question, so the highlight goes to the first row (the best answer)."""
        self._generation += 1
        # A search is a few set operations once the word index is built; only a search that has to wait
        # for it goes to a thread. Every thread hop costs a frame, and the interpreter is shared anyway.
        if self.workload(self.query_text) > THREADED_SEARCH_THRESHOLD and select is None:
            self._search_in_thread(self._generation, self.query_text, self._filters_snapshot(), self.sort, top)
        else:
            result = self.search(self.query_text, self._filters_snapshot(), self.sort)
            self.show_result(result, select=select, top=top)

    def _filters_snapshot(self) -> dict[str, frozenset[str]]:
        return {name: frozenset(values) for name, values in self.filters.items() if values}

    @work(thread=True, exclusive=True, group="search")
    def _search_in_thread(self, generation: int, text: str, filters: Filters, sort: SortSpec | None,
                          top: bool) -> None:  # fmt: skip
        result = self.search(text, filters, sort)
        self.app.call_from_thread(self._show_if_current, generation, result, top)

    def _show_if_current(self, generation: int, result: ResultSet, top: bool) -> None:
        if generation == self._generation:  # a newer keystroke has already asked again
            self.show_result(result, top=top)

    def show_result(self, result: ResultSet, *, select: int | None = None, top: bool = False) -> None:
        self.result = result
        empty = result.total == 0
        self.table.display = not empty
        self.query_one("#empty").display = empty
        self._show_close_note(result)
        self.table.set_sort(self.sort)
        if top and result.ids:
            select = result.ids[0]  # a new question: the first row is the answer, scrolled into view
        self.table.set_rows(result.ids, select=select)
        if empty:
            self._describe_empty()
        # The detail pane follows now, in the same frame as the rows, instead of one frame later when the
        # table's Highlighted message arrives (the pane then sees the same record and does nothing).
        self.show_detail(self.table.highlighted)
        lang = self.app.tr.lang
        self.facet_panel.set_facets(
            facet_choices(self.FACETS, result.facet_counts, self.filters, lang, self.catalog.value_names(lang))
        )
        self._update_status(result)
        # The widgets this search changed are drawn in the next frame, not one later (see textual_compat).
        send_refreshes_now(self._result_widgets())

    def _result_widgets(self) -> list[Widget]:
        """What a search may change (by id: the query is cached, a CSS query over the screen is not)."""
        ids = ("#table", "#facets", "#detail", "#status", "#close-note", "#empty", "#empty-text", "#results")
        return [self.query_one(selector) for selector in ids]

    def _show_close_note(self, result: ResultSet) -> None:
        """Above close matches (nothing matched exactly): say so, so no one takes them for the answer."""
        note = self.query_one("#close-note", Static)
        if result.close:
            note.update(Text(self.app.tr("search.close"), style="bold"))
        if note.display != result.close:
            note.display = result.close

    def _update_status(self, result: ResultSet) -> None:
        tr = self.app.tr
        parts = [tr(f"status.{self.MODE}", shown=tr.number(result.total), total=tr.number(self.record_count))]
        understood = describe(result, tr.lang) if self.query_text.strip() else ""
        if understood:
            parts.append(understood)  # how the query was understood: "5 sao · Cà Mau · tom kho"
        if self.sort:
            column = next((c.label for c in self.columns() if c.key == self.sort[0]), self.sort[0])
            parts.append(tr("status.sorted", column=f"{column} {SORT_MARKS[self.sort[1]]}"))
        filters = self.describe_filters()
        if filters:
            parts.append(tr("status.filters", filters=filters))
        if self.app.shortlist:
            parts.append(tr("status.shortlist", count=tr.number(len(self.app.shortlist))))
        # One line of fixed height: new text repaints it, never relayouts (and redraws) the screen.
        self.query_one("#status", StatusLine).update(Text(" · ").join(Text(p) for p in parts))

    def describe_filters(self) -> str:
        lang = self.app.tr.lang
        return describe_filters(self.FACETS, self.filters, lang, self.catalog.value_names(lang))

    def _describe_empty(self) -> None:
        tr = self.app.tr
        lines = [Text(tr(f"empty.{self.MODE}"), style="bold")]
        if self.query_text.strip():
            lines.append(Text(tr("empty.query", query=data_text(self.query_text).plain)))
        filters = self.describe_filters()
        if filters:
            lines.append(Text(tr("empty.filters", filters=filters)))
        lines.append(Text(tr("empty.hint"), style="dim"))
        self.query_one("#empty-text", Static).update(Text("\n").join(lines))

    # Facets -------------------------------------------------------------------------------------

    @on(FacetPanel.Toggled)
    def toggle_filter(self, event: FacetPanel.Toggled) -> None:
        values = self.filters.setdefault(event.facet, set())
        values.symmetric_difference_update({event.value})
        self.run_search()

    # Events -------------------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        """Typing anywhere on the screen goes on with the search, so fast typists never lose a key."""
        focused = self.focused
        if not (event.is_printable and event.character) or isinstance(focused, Input):
            return
        active = self.active_bindings.get(event.key) if focused is not None else None
        if active is not None and active.node is focused:
            return  # the widget's own key, such as space on the facets
        event.stop()
        search = self.search_input
        search.focus()
        search.cursor_position = len(search.value)
        search.insert_text_at_cursor(event.character)

    @on(Input.Changed, "#search")
    def refine_results(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.run_search(top=True)

    @on(Input.Submitted, "#search")
    def focus_results(self) -> None:
        if self.table.rows:
            self.table.focus()

    @on(RecordTable.Highlighted, "#table")
    def follow_cursor(self, event: RecordTable.Highlighted) -> None:
        self.show_detail(event.record)

    @on(RecordTable.SortRequested, "#table")
    def sort_results(self, event: RecordTable.SortRequested) -> None:
        self.sort = (event.column, event.descending) if event.column is not None else None
        self.run_search()

    @on(Button.Pressed, "#empty-clear")
    def clear_from_empty_state(self) -> None:
        self.action_clear()

    # Actions ------------------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.search_input.focus()

    def action_clear(self) -> None:
        """Clear the search text, every filter and the sort."""
        self.filters.clear()
        self.sort = None
        if self.search_input.value:
            self.search_input.value = ""  # Input.Changed runs the search
            self.query_text = ""
        self.run_search()
        self.search_input.focus()

    def action_toggle_facets(self) -> None:
        """Show or hide the facet panel on narrow screens; focus it on wide ones."""
        if self.has_class("-narrow"):
            self._show_facets = not self._show_facets
            self.set_class(self._show_facets, "-show-facets")
            if self._show_facets:
                self.facet_panel.focus()
        elif self.facet_panel.has_focus:
            self.search_input.focus()
        else:
            self.facet_panel.focus()

    def action_next_sort(self) -> None:
        """Sort by the next column shown at this width (then back to the search's own order)."""
        self.table.action_next_sort()

    def action_reverse_sort(self) -> None:
        self.table.action_reverse_sort()

    def action_move_cursor(self, delta: int) -> None:
        self.table.action_cursor(delta)

    def action_move_page(self, direction: int) -> None:
        self.table.action_page(direction)

    def reveal(self, record: int) -> None:
        """Highlight `record`, clearing the search and filters if they hide it."""
        if self.result is None or record not in self.result.ids:
            self.filters.clear()
            self.query_text = ""
            with self.search_input.prevent(Input.Changed):
                self.search_input.value = ""
        self._generation += 1
        self.show_result(self.search(self.query_text, self._filters_snapshot(), self.sort), select=record)
        self.table.focus()

    def show_only(self, facet: str, value: str) -> None:
        """Every record with `facet` = `value`, nothing else: no search text, no other filter, no sort."""
        self.filters.clear()
        self.filters[facet] = {value}
        self.sort = None
        self.query_text = ""
        with self.search_input.prevent(Input.Changed):
            self.search_input.value = ""
        self.run_search()
        self.table.focus()

    def reset(self) -> None:
        """Back to a clean screen: no search, filters, sort or selection (used by the kiosk)."""
        self.filters.clear()
        self.sort = None
        self.query_text = ""
        with self.search_input.prevent(Input.Changed):
            self.search_input.value = ""
        self._generation += 1
        self.table.invalidate()  # the kiosk may have swapped the catalogue: record numbers mean new records
        self.show_result(self.search("", {}, None))
        self.table.action_jump(0)
        self.search_input.focus()
