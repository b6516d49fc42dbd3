"""The Products screen (the start screen): find a product, see where it is sold."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widget import Widget

from ocop_tui.model import group_label, province_label, stars_text
from ocop_tui.search.facets import PRODUCT_FACETS
from ocop_tui.search.index import Filters, ResultSet, SortSpec
from ocop_tui.shortlist.items import Kind
from ocop_tui.ui.safe import data_str, data_text
from ocop_tui.ui.screens.browser import BrowserScreen
from ocop_tui.ui.themes import stars_style
from ocop_tui.ui.widgets.columns import Column
from ocop_tui.ui.widgets.product_detail import ProductDetail
from ocop_tui.ui.widgets.record_table import Cell, RecordTable


class ProductsScreen(BrowserScreen):
    MODE = "products"
    FACETS = PRODUCT_FACETS
    BINDINGS = [Binding("ctrl+g", "go_booth", "key.go_booth"), Binding("ctrl+l", "show_on_map", "key.show_on_map")]

    def columns(self) -> list[Column]:
        tr = self.app.tr
        # Added in priority order as the table widens, each once the name keeps its name_room (columns.py);
        # they drop out the other way round: group, province, price, stars, booth.
        return [
            Column("name", tr("col.name"), 12, flexible=True),
            Column("stars", tr("col.stars"), 5, priority=2, name_room=18, descending_first=True),
            Column("group", tr("col.group"), 12, priority=5, name_room=38, max_width=17),
            Column("province", tr("col.province"), 10, priority=4, name_room=34, max_width=14),
            Column("booth", tr("col.booth"), 6, priority=1, name_room=12),
            Column("price", tr("col.price"), 11, justify="right", priority=3, name_room=30, max_width=12),
        ]

    def render_cell(self, record: int, column: str) -> Cell:
        product = self.catalog.products[record]
        lang = self.app.tr.lang
        if column == "name":
            if lang == "en" and product.name_en:
                return Text.assemble(data_text(product.name), Text(" · ", style="dim"),
                                     data_text(product.name_en, "italic"))  # fmt: skip
            return data_str(product.name)
        if column == "stars":
            return Text(stars_text(product.stars), style=stars_style(self.app))
        if column == "group":
            return data_str(group_label(product.group, lang))  # an unknown group is shown as the data has it
        if column == "province":
            return data_str(province_label(product.province, lang))
        if column == "booth":
            return data_str(product.booth_no)
        if column == "price":
            return self.app.tr.price(product.price_vnd)
        return ""

    def search(self, text: str, filters: Filters, sort: SortSpec | None) -> ResultSet:
        return self.catalog.search_products(text, filters, sort)

    def shortlist_item(self, record: int) -> tuple[Kind, str]:
        return "product", self.catalog.products[record].code

    @property
    def record_count(self) -> int:
        return len(self.catalog.products)

    def workload(self, text: str) -> int:
        return self.catalog.product_index.workload(text)

    def make_detail(self) -> Widget:
        return ProductDetail(id="detail")

    @property
    def detail(self) -> ProductDetail:
        return self.query_one("#detail", ProductDetail)

    @on(RecordTable.Activated, "#table")
    def open_booth_of_row(self, event: RecordTable.Activated) -> None:
        self.post_message(self.OpenBooth(self.catalog.products[event.record].booth_no))

    @on(ProductDetail.BoothRequested)
    def open_booth(self, event: ProductDetail.BoothRequested) -> None:
        self.post_message(self.OpenBooth(event.booth_no))

    @on(ProductDetail.ProductRequested)
    def open_sibling(self, event: ProductDetail.ProductRequested) -> None:
        self.reveal(event.product)

    def result_booths(self) -> frozenset[str]:
        """The booths holding the current results, when a search or filter narrows them (else none)."""
        if self.result is None or not (self.query_text.strip() or any(self.filters.values())):
            return frozenset()
        return frozenset(self.catalog.booth_of(i).booth_no for i in self.result.ids)

    def action_show_on_map(self) -> None:
        record = self.table.highlighted
        booth = self.catalog.products[record].booth_no if record is not None else None
        self.post_message(self.ShowOnMap(booth, self.result_booths()))

    @on(ProductDetail.MapRequested)
    def show_booth_on_map(self, event: ProductDetail.MapRequested) -> None:
        self.post_message(self.ShowOnMap(event.booth_no, self.result_booths()))

    def action_go_booth(self) -> None:
        record = self.table.highlighted
        if record is not None:
            self.post_message(self.OpenBooth(self.catalog.products[record].booth_no))
