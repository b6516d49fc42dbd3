"""The detail pane of one product: every field, its booth, and the producer's other products."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message

from ocop_tui.model import PRODUCT_SETS, exhibitor_type_label, group_label, province_label, stars_text
from ocop_tui.ui.safe import data_text, labelled
from ocop_tui.ui.widgets.detail_list import product_entry
from ocop_tui.ui.widgets.detail_pane import DetailPane, Entry, blank

MAX_SIBLINGS = 50
GO_BOOTH = "go-booth"
SHOW_ON_MAP = "show-on-map"


class ProductDetail(DetailPane):
    """Shows the highlighted product; asks the screen to open its booth, the map or a sibling product."""

    class BoothRequested(Message):
        def __init__(self, booth_no: str) -> None:
            super().__init__()
            self.booth_no = booth_no

    class ProductRequested(Message):
        def __init__(self, product: int) -> None:
            super().__init__()
            self.product = product

    class MapRequested(Message):
        """Show the product's booth on the floor map."""

        def __init__(self, booth_no: str) -> None:
            super().__init__()
            self.booth_no = booth_no

    @property
    def product(self) -> int | None:
        return self._record

    def entries_for(self, record: int | None) -> list[Entry]:
        tr = self.app.tr
        lang = tr.lang
        if record is None:
            return [Entry(Text(tr("detail.none"), style="dim"))]
        catalog = self.catalog
        p = catalog.products[record]
        booth = catalog.booth_of(record)
        lines: list[Text] = [data_text(p.name, "bold")]
        if p.name_en:
            lines.append(data_text(p.name_en, "italic"))
        lines.append(Text.assemble(Text(stars_text(p.stars), style="bold"),
                                   " ", tr("detail.stars_value", stars=p.stars)))  # fmt: skip
        lines.append(labelled(tr("detail.code"), p.code))
        lines.append(labelled(tr("detail.group"), group_label(p.group, lang)))
        if p.subgroup is not None:
            lines.append(labelled(tr("detail.subgroup"), f"{p.subgroup}. {PRODUCT_SETS[p.subgroup].label.get(lang)}"))
        if p.price_vnd is not None:
            unit = f" / {p.unit}" if p.unit else ""
            lines.append(Text.assemble(labelled(tr("detail.price"), tr.price(p.price_vnd)), data_text(unit)))
        elif p.unit:
            lines.append(labelled(tr("detail.unit"), p.unit))
        lines.append(labelled(tr("detail.producer"), p.producer))
        lines.append(labelled(tr("detail.province"), province_label(p.province, lang)))
        if p.certified_year is not None:
            lines.append(labelled(tr("detail.certified_year"), p.certified_year))
        if p.description:
            lines.append(labelled(tr("detail.description"), p.description, multiline=True))
        for key, value in p.extra.items():
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                lines.append(labelled(data_text(key).plain, value))
        lines.append(Text(""))
        lines.append(Text(tr("detail.booth"), style="bold underline"))
        lines.append(Text.assemble(data_text(booth.booth_no, "bold"), " · ", data_text(booth.exhibitor)))
        lines.append(labelled(tr("detail.exhibitor_type"), exhibitor_type_label(booth.exhibitor_type, lang)))
        lines.append(labelled(tr("detail.zone"), catalog.zone_label(booth.zone, lang)))
        if booth.contact_name or booth.phone:
            contact = " · ".join(part for part in (booth.contact_name, booth.phone) if part)
            lines.append(labelled(tr("detail.contact"), contact))
        entries = [Entry(line) for line in lines]
        entries += [
            blank(),
            Entry(Text(tr("detail.go_booth", booth=data_text(booth.booth_no).plain)), "button", GO_BOOTH),
            blank(),
            Entry(Text(tr("detail.show_on_map")), "button", SHOW_ON_MAP),
        ]
        others = [i for i in catalog.products_of_producer(p.producer) if i != record]
        if others:
            entries += [blank(), Entry(Text(tr("detail.same_producer", count=tr.number(len(others)))), "heading")]
            entries += [product_entry(catalog, i) for i in others[:MAX_SIBLINGS]]
        return entries

    def activate(self, entry: Entry) -> None:
        if self._record is None:
            return
        booth_no = self.catalog.products[self._record].booth_no
        if entry.action == GO_BOOTH:
            self.post_message(self.BoothRequested(booth_no))
        elif entry.action == SHOW_ON_MAP:
            self.post_message(self.MapRequested(booth_no))
        elif entry.kind == "item":
            self.post_message(self.ProductRequested(int(entry.action)))
