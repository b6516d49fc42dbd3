"""The Booths screen: the fair's booths, who exhibits, where, and what each one sells."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widget import Widget

from ocop_tui.model import exhibitor_type_label, province_label
from ocop_tui.search.facets import BOOTH_FACETS
from ocop_tui.search.index import Filters, ResultSet, SortSpec
from ocop_tui.shortlist.items import Kind
from ocop_tui.ui.safe import data_text
from ocop_tui.ui.screens.browser import BrowserScreen
from ocop_tui.ui.widgets.booth_detail import BoothDetail
from ocop_tui.ui.widgets.columns import Column
from ocop_tui.ui.widgets.record_table import RecordTable


class BoothsScreen(BrowserScreen):
    MODE = "booths"
    FACETS = BOOTH_FACETS
    BINDINGS = [
        Binding("ctrl+o", "open_products", "key.open"),
        Binding("ctrl+l", "show_on_map", "key.show_on_map"),
        # A priority binding: it also works from the search box (where ctrl+k would delete to the end).
        Binding("ctrl+k", "contact_qr", "key.contact_qr", priority=True),
    ]

    def columns(self) -> list[Column]:
        tr = self.app.tr
        # Added in priority order as the table widens, each once the exhibitor keeps its name_room (columns.py);
        # they drop out the other way round: type, province, zone, products; the booth number always shows.
        return [
            Column("booth", tr("col.booth"), 6),
            Column("exhibitor", tr("col.exhibitor"), 12, flexible=True),
            Column("exhibitor_type", tr("col.exhibitor_type"), 12, priority=5, name_room=34, max_width=18),
            Column("province", tr("col.province"), 10, priority=4, name_room=30, max_width=14),
            Column("zone", tr("col.zone"), 14, priority=3, name_room=22, max_width=32),
            Column("products", tr("col.products"), 4, justify="right", priority=2, name_room=16, descending_first=True),
        ]

    def render_cell(self, record: int, column: str) -> Text:
        booth = self.catalog.booths[record]
        lang = self.app.tr.lang
        if column == "booth":
            return data_text(booth.booth_no, "bold")
        if column == "exhibitor":
            return data_text(booth.exhibitor)
        if column == "exhibitor_type":
            return Text(exhibitor_type_label(booth.exhibitor_type, lang))
        if column == "province":
            return data_text(province_label(booth.province, lang))
        if column == "zone":
            return data_text(self.catalog.zone_label(booth.zone, lang))
        if column == "products":
            return Text(str(self.catalog.product_count(record)))
        return Text("")

    def search(self, text: str, filters: Filters, sort: SortSpec | None) -> ResultSet:
        return self.catalog.search_booths(text, filters, sort)

    def shortlist_item(self, record: int) -> tuple[Kind, str]:
        return "booth", self.catalog.booths[record].booth_no

    @property
    def record_count(self) -> int:
        return len(self.catalog.booths)

    def make_detail(self) -> Widget:
        return BoothDetail(id="detail")

    @property
    def detail(self) -> BoothDetail:
        return self.query_one("#detail", BoothDetail)

    @on(RecordTable.Activated, "#table")
    def focus_booth_products(self, event: RecordTable.Activated) -> None:
        """Enter on a booth moves into its product list, where Enter opens a product."""
        self.detail.focus_items()

    def action_open_products(self) -> None:
        self.focus_booth_products(RecordTable.Activated(self.table, self.table.highlighted or 0))

    def action_contact_qr(self) -> None:
        """The highlighted booth's contact card as a QR code (a vCard a phone adds to its contacts)."""
        record = self.table.highlighted
        if record is not None:
            self.post_message(self.ShowQr(self.catalog.booths[record].booth_no))

    def result_booths(self) -> frozenset[str]:
        """The booths found, when a search or filter narrows them (else none)."""
        if self.result is None or not (self.query_text.strip() or any(self.filters.values())):
            return frozenset()
        return frozenset(self.catalog.booths[i].booth_no for i in self.result.ids)

    def action_show_on_map(self) -> None:
        record = self.table.highlighted
        booth = self.catalog.booths[record].booth_no if record is not None else None
        self.post_message(self.ShowOnMap(booth, self.result_booths()))

    @on(BoothDetail.ContactRequested)
    def show_contact(self, event: BoothDetail.ContactRequested) -> None:
        self.post_message(self.ShowQr(event.booth_no))

    @on(BoothDetail.MapRequested)
    def show_booth_on_map(self, event: BoothDetail.MapRequested) -> None:
        self.post_message(self.ShowOnMap(event.booth_no, self.result_booths()))

    @on(BoothDetail.ProductRequested)
    def open_product(self, event: BoothDetail.ProductRequested) -> None:
        self.post_message(self.OpenProduct(event.product))
