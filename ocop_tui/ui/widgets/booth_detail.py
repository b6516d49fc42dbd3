"""The detail pane of one booth: exhibitor, zone, contact, and the list of its products."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, OptionList, Static

from ocop_tui.model import exhibitor_type_label, province_label
from ocop_tui.ui.safe import data_text, labelled
from ocop_tui.ui.widgets.detail_list import DetailList, product_option
from ocop_tui.ui.widgets.detail_pane import DetailPane, DetailText


class BoothDetail(DetailPane):
    """Shows the highlighted booth; Enter or a click on one of its products opens it."""

    class ProductRequested(Message):
        def __init__(self, product: int) -> None:
            super().__init__()
            self.product = product

    class MapRequested(Message):
        """Show the booth on the floor map."""

        def __init__(self, booth_no: str) -> None:
            super().__init__()
            self.booth_no = booth_no

    def __init__(self, *, map_button: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self._map_button = map_button  # False on the map itself

    def compose(self) -> ComposeResult:
        yield DetailText(id="booth-info", classes="detail-info")
        yield Button("", id="booth-show-on-map", classes="detail-action")
        yield DetailText(id="booth-products-title", classes="detail-subtitle")
        yield DetailList(id="booth-products", classes="detail-list")

    @property
    def booth(self) -> int | None:
        return self._record

    def render_record(self, record: int | None) -> None:
        tr = self.app.tr
        lang = tr.lang
        info = self.query_one("#booth-info", Static)
        title = self.query_one("#booth-products-title", Static)
        products = self.query_one("#booth-products", OptionList)
        map_button = self.query_one("#booth-show-on-map", Button)
        map_button.display = self._map_button and self._record is not None
        map_button.label = Content(tr("detail.show_on_map"))
        if self._record is None:
            info.update(Text(tr("detail.none"), style="dim"))
            title.display = products.display = False
            return
        catalog = self.catalog
        b = catalog.booths[self._record]
        lines = [
            Text.assemble(Text(f"{tr('detail.booth')} "), data_text(b.booth_no, "bold")),
            data_text(b.exhibitor, "bold"),
            labelled(tr("detail.exhibitor_type"), exhibitor_type_label(b.exhibitor_type, lang)),
            labelled(tr("detail.province"), province_label(b.province, lang)),
            labelled(tr("detail.zone"), b.zone),
        ]
        if b.contact_name:
            lines.append(labelled(tr("detail.contact"), b.contact_name))
        if b.phone:
            lines.append(labelled(tr("detail.phone"), b.phone))
        if b.description:
            lines.append(labelled(tr("detail.description"), b.description, multiline=True))
        info.update(Text("\n").join(lines))
        items = catalog.products_in_booth(self._record)
        title.display = products.display = bool(items)
        title.update(Text(tr("detail.booth_products", count=tr.number(len(items))), style="bold"))
        products.clear_options()
        products.add_options([product_option(catalog, i) for i in items])

    @on(Button.Pressed, "#booth-show-on-map")
    def request_map(self, event: Button.Pressed) -> None:
        event.stop()
        if self._record is not None:
            self.post_message(self.MapRequested(self.catalog.booths[self._record].booth_no))

    @on(OptionList.OptionSelected, "#booth-products")
    def request_product(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.ProductRequested(int(event.option.id)))
