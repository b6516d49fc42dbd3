"""The detail pane of one product: every field, its booth, and the producer's other products."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, OptionList, Static

from ocop_tui.model import PRODUCT_SETS, exhibitor_type_label, group_label, province_label, stars_text
from ocop_tui.ui.safe import data_text, labelled
from ocop_tui.ui.widgets.detail_list import DetailList, product_option
from ocop_tui.ui.widgets.detail_pane import DetailPane, DetailText

MAX_SIBLINGS = 50


class ProductDetail(DetailPane):
    """Shows the highlighted product; asks the screen to open its booth or a sibling product."""

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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # The sibling list on screen: an unchanged list must not update widgets (a relayout and a frame).
        self._siblings: tuple[tuple[int, ...], object, str] | None = None

    def compose(self) -> ComposeResult:
        yield DetailText(id="product-info", classes="detail-info")
        yield Button("", id="go-booth", classes="detail-action")
        yield Button("", id="show-on-map", classes="detail-action")
        yield DetailText(id="siblings-title", classes="detail-subtitle")
        yield DetailList(id="siblings", classes="detail-list")

    @property
    def product(self) -> int | None:
        return self._record

    def render_record(self, record: int | None) -> None:
        tr = self.app.tr
        lang = tr.lang
        info = self.query_one("#product-info", Static)
        button = self.query_one("#go-booth", Button)
        map_button = self.query_one("#show-on-map", Button)
        siblings = self.query_one("#siblings", OptionList)
        title = self.query_one("#siblings-title", Static)
        if self._record is None:
            info.update(Text(tr("detail.none"), style="dim"))
            button.display = map_button.display = False
            title.display = siblings.display = False
            return
        catalog = self.catalog
        p = catalog.products[self._record]
        booth = catalog.booth_of(self._record)
        lines: list[Text] = [data_text(p.name, "bold")]
        if p.name_en:
            lines.append(data_text(p.name_en, "italic"))
        lines.append(Text.assemble(Text(stars_text(p.stars), style="bold yellow"),
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
        lines.append(labelled(tr("detail.zone"), booth.zone))
        if booth.contact_name or booth.phone:
            contact = " · ".join(part for part in (booth.contact_name, booth.phone) if part)
            lines.append(labelled(tr("detail.contact"), contact))
        info.update(Text("\n").join(lines))
        # A Button parses a str label as markup: the booth number is data, so the label is Content.
        button.label = Content(tr("detail.go_booth", booth=data_text(booth.booth_no).plain))
        button.display = True
        map_button.label = Content(tr("detail.show_on_map"))
        map_button.display = True
        others = [i for i in catalog.products_of_producer(p.producer) if i != self._record]
        title.display = siblings.display = bool(others)
        title.update(Text(tr("detail.same_producer", count=tr.number(len(others))), style="bold"))
        listed = (tuple(others[:MAX_SIBLINGS]), catalog, lang)
        if self._siblings is not None and listed[0] == self._siblings[0] and listed[1] is self._siblings[1] \
                and lang == self._siblings[2]:  # fmt: skip
            return
        self._siblings = listed
        siblings.clear_options()
        siblings.add_options([product_option(catalog, i) for i in others[:MAX_SIBLINGS]])

    @on(Button.Pressed, "#go-booth")
    def request_booth(self, event: Button.Pressed) -> None:
        event.stop()
        if self._record is not None:
            self.post_message(self.BoothRequested(self.catalog.products[self._record].booth_no))

    @on(Button.Pressed, "#show-on-map")
    def request_map(self, event: Button.Pressed) -> None:
        event.stop()
        if self._record is not None:
            self.post_message(self.MapRequested(self.catalog.products[self._record].booth_no))

    @on(OptionList.OptionSelected, "#siblings")
    def request_sibling(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.ProductRequested(int(event.option.id)))
