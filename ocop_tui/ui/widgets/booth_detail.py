"""The detail pane of one booth: exhibitor, zone, contact (also as a QR code), and the list of its products."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message

from ocop_tui.model import exhibitor_type_label, province_label
from ocop_tui.ui.safe import data_text, labelled
from ocop_tui.ui.widgets.detail_list import product_entry
from ocop_tui.ui.widgets.detail_pane import DetailPane, Entry, blank

SHOW_ON_MAP = "show-on-map"
CONTACT_QR = "contact-qr"


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

    class ContactRequested(Message):
        """Show the booth's contact card as a QR code (a vCard a phone adds to its contacts)."""

        def __init__(self, booth_no: str) -> None:
            super().__init__()
            self.booth_no = booth_no

    def __init__(self, *, map_button: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self._map_button = map_button  # False on the map itself

    @property
    def booth(self) -> int | None:
        return self._record

    def entries_for(self, record: int | None) -> list[Entry]:
        tr = self.app.tr
        lang = tr.lang
        if record is None:
            return [Entry(Text(tr("detail.none"), style="dim"))]
        catalog = self.catalog
        b = catalog.booths[record]
        lines = [
            Text.assemble(Text(f"{tr('detail.booth')} "), data_text(b.booth_no, "bold")),
            data_text(b.exhibitor, "bold"),
            labelled(tr("detail.exhibitor_type"), exhibitor_type_label(b.exhibitor_type, lang)),
            labelled(tr("detail.province"), province_label(b.province, lang)),
            labelled(tr("detail.zone"), catalog.zone_label(b.zone, lang)),
        ]
        if b.contact_name:
            lines.append(labelled(tr("detail.contact"), b.contact_name))
        if b.phone:
            lines.append(labelled(tr("detail.phone"), b.phone))
        if b.description:
            lines.append(labelled(tr("detail.description"), b.description, multiline=True))
        entries = [*(Entry(line) for line in lines), blank()]
        if self._map_button:
            entries.append(Entry(Text(tr("detail.show_on_map")), "button", SHOW_ON_MAP))
        entries.append(Entry(Text(tr("detail.contact_qr")), "button", CONTACT_QR))
        items = catalog.products_in_booth(record)
        if items:
            entries += [blank(), Entry(Text(tr("detail.booth_products", count=tr.number(len(items)))), "heading")]
            entries += [product_entry(catalog, i) for i in items]
        return entries

    def activate(self, entry: Entry) -> None:
        if self._record is None:
            return
        if entry.action == SHOW_ON_MAP:
            self.post_message(self.MapRequested(self.catalog.booths[self._record].booth_no))
        elif entry.action == CONTACT_QR:
            self.post_message(self.ContactRequested(self.catalog.booths[self._record].booth_no))
        elif entry.kind == "item":
            self.post_message(self.ProductRequested(int(entry.action)))
