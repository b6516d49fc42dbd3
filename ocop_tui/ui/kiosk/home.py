"""The kiosk's home (attract) screen: what the fair is, big buttons to start, featured 5-star products.

Everything here is for a visitor with a finger or a mouse: the buttons are at least three rows tall,
the featured product is a card that opens when touched, and the language button is on the screen
rather than behind a function key. The kiosk app calls `next_featured()` while nobody is using it.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Container, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Static

from ocop_tui.i18n import format_date
from ocop_tui.model import province_label, stars_text
from ocop_tui.search.catalog import Catalog
from ocop_tui.ui.language import follow_language
from ocop_tui.ui.safe import data_text
from ocop_tui.ui.screens.fair_screen import FairScreen
from ocop_tui.ui.themes import stars_style
from ocop_tui.ui.widgets.fair_footer import FairFooter


def featured_products(catalog: Catalog) -> list[int]:
    """5-star products (4-star ones if there are none), taking provinces in turn so one does not fill the loop."""
    for stars in (5, 4):
        chosen = [i for i, p in enumerate(catalog.products) if p.stars == stars]
        if chosen:
            break
    else:
        return []
    by_province: dict[str, list[int]] = {}
    for index in chosen:
        by_province.setdefault(catalog.products[index].province, []).append(index)
    queues = list(by_province.values())
    order: list[int] = []
    while any(queues):
        for queue in queues:
            if queue:
                order.append(queue.pop(0))
    return order


class FeaturedCard(Static):
    """One featured product; touching it opens the product."""

    class Opened(Message):
        def __init__(self, product: int) -> None:
            super().__init__()
            self.product = product

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.product: int | None = None

    def on_click(self, event: events.Click) -> None:
        event.stop()
        if self.product is not None:
            self.post_message(self.Opened(self.product))


class HomeScreen(FairScreen):
    """The stylesheet lays it out from its classes (app.tcss): `-narrow` and `-thin` put the buttons in rows
    of three and two, `-short` makes them three rows tall; text wraps in whatever width is left."""

    MODE = "home"
    NARROW_WIDTH = 78  # below this the buttons go in rows of three (the longest label, 14 cells, fits in 5)
    THIN_WIDTH = 50  # and below this in rows of two
    SHORT_HEIGHT = 22  # below this the big buttons shrink to 3 rows (80x24 keeps 5)

    def __init__(self) -> None:
        super().__init__()
        self.featured: list[int] = []
        self.featured_at = 0

    def compose(self) -> ComposeResult:
        yield from self.compose_top()
        with VerticalScroll(id="home-body"):
            yield Static(id="home-name")
            yield Static(id="home-info")
            with Container(id="home-buttons"):
                yield Button("", id="home-products", classes="home-button", variant="primary")
                yield Button("", id="home-booths", classes="home-button", variant="primary")
                if "map" in self.app.MODES:
                    yield Button("", id="home-map", classes="home-button", variant="success")
                if "facts" in self.app.MODES:
                    yield Button("", id="home-facts", classes="home-button", variant="success")
                yield Button("", id="home-language", classes="home-language")
            with Vertical(id="home-featured-box"):
                yield Static(id="home-featured-title")
                yield FeaturedCard(id="home-featured")
        yield FairFooter()

    def on_mount(self) -> None:
        follow_language(self, self.refresh_content)
        # The stars' colour is the theme's: Textual signals a new theme once the app has its colours (a
        # watcher of `theme` runs before, and waiting for the next frame was a race on a loaded machine).
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.show_featured())
        self.query_one("#home-products", Button).focus()

    def on_resize(self) -> None:
        # FairScreen.on_resize sets -narrow and -short (Textual calls every class's handler).
        self.set_class(self.size.width < self.THIN_WIDTH, "-thin")

    def refresh_content(self) -> None:
        """Fill everything in from the app's catalogue and language (after a switch or a data reload)."""
        tr = self.app.tr
        fair = self.catalog.fair
        lang = tr.lang
        self.query_one("#home-name", Static).update(data_text(fair.text_in("name", lang), "bold"))
        dates = tr("home.dates", start=format_date(fair.start_date, tr.lang), end=format_date(fair.end_date, tr.lang))
        info = [
            data_text(fair.text_in("theme", lang), "italic"),
            Text.assemble(
                Text(dates, style="bold"),
                " · ",
                data_text(tr("home.where", venue=fair.text_in("venue", lang), city=fair.text_in("city", lang))),
            ),
            Text(
                tr(
                    "home.counts",
                    booths=tr.number(len(self.catalog.booths)),
                    products=tr.number(len(self.catalog.products)),
                ),
                style="bold",
            ),
        ]
        self.query_one("#home-info", Static).update(Text("\n").join(info))
        for button_id, key in (("home-products", "home.find_product"), ("home-booths", "home.find_booth"),
                               ("home-map", "home.map"), ("home-facts", "home.facts")):  # fmt: skip
            for button in self.query(f"#{button_id}").results(Button):
                button.label = tr(key)
        self.query_one("#home-language", Button).label = tr("home.language")
        featured = featured_products(self.catalog)
        if featured != self.featured:
            self.featured = featured
            self.featured_at = 0
        self.show_featured()

    def show_featured(self) -> None:
        tr = self.app.tr
        box = self.query_one("#home-featured-box")
        card = self.query_one("#home-featured", FeaturedCard)
        box.display = bool(self.featured)
        if not self.featured:
            card.product = None
            return
        index = self.featured[self.featured_at % len(self.featured)]
        product = self.catalog.products[index]
        stars = product.stars
        self.query_one("#home-featured-title", Static).update(
            Text(tr("home.featured" if stars == 5 else "home.featured.top"), style="bold")
        )
        name = data_text(product.name, "bold")
        if tr.lang == "en" and product.name_en:
            name = Text.assemble(name, Text(" · ", style="dim"), data_text(product.name_en, "italic"))
        where = tr("home.featured.where", booth=data_text(product.booth_no).plain,
                   province=data_text(province_label(product.province, tr.lang)).plain)  # fmt: skip
        lines = [
            Text.assemble(Text(stars_text(stars), style=stars_style(self.app) + Style(bold=True)), "  ", name),
            Text.assemble(data_text(product.producer), " · ", Text(where)),
            Text(f"▶ {tr('home.featured.open')}", style="dim"),
        ]
        card.product = index
        card.update(Text("\n").join(lines))

    def next_featured(self) -> None:
        if self.featured:
            self.featured_at = (self.featured_at + 1) % len(self.featured)
            self.show_featured()

    def reset(self) -> None:
        """Back to the first featured product and the first button (the kiosk's idle reset)."""
        self.featured_at = 0
        self.refresh_content()
        self.query_one("#home-body", VerticalScroll).scroll_home(animate=False)
        self.query_one("#home-products", Button).focus()

    # Buttons ------------------------------------------------------------------------------------

    @on(Button.Pressed, ".home-button")
    def open_mode(self, event: Button.Pressed) -> None:
        mode = (event.button.id or "").removeprefix("home-")
        self.post_message(self.ShowMode(mode, focus_search=True))

    @on(Button.Pressed, "#home-language")
    def switch_language(self) -> None:
        self.app.action_switch_language()

    @on(FeaturedCard.Opened)
    def open_featured(self, event: FeaturedCard.Opened) -> None:
        self.post_message(self.OpenProduct(event.product))
