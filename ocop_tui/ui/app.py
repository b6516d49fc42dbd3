"""The Textual app: modes for the browsing screens, global keys, and the navigation screens ask for.

Screens never call each other: they post FairScreen's navigation messages (open a booth, a product, the map,
filtered products, another tab) and the handlers here switch the mode and show what was asked for. The
services screens read (catalogue, translator, language, themes) are FairApp's. `make_app(catalog, ...)`
builds the app for the CLI, the tests and the benchmarks alike; the app never sees the store, only a Catalog.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any, ClassVar, TypeVar

from textual import on
from textual.app import App, CSSPathType
from textual.binding import Binding
from textual.screen import Screen

from ocop_tui.i18n import DEFAULT_LANG
from ocop_tui.model import Lang
from ocop_tui.search.catalog import Catalog
from ocop_tui.text import clean
from ocop_tui.ui.commands import FairCommands
from ocop_tui.ui.fair_app import HIGH_CONTRAST, FairApp
from ocop_tui.ui.language import follow_language
from ocop_tui.ui.screens.browser import BrowserScreen
from ocop_tui.ui.screens.fair_screen import FairScreen
from ocop_tui.ui.screens.products import ProductsScreen

ScreenT = TypeVar("ScreenT", bound=FairScreen)


def lazy_screen(module: str, name: str) -> Callable[[], Screen[None]]:
    """A mode's screen class, imported when the mode is first opened: start-up needs only the products."""

    def make() -> Screen[None]:
        screen: Screen[None] = getattr(import_module(module, __package__), name)()
        return screen

    make.__qualname__ = make.__name__ = name
    return make


class OcopApp(FairApp):
    """The fair browser."""

    CSS_PATH: ClassVar[CSSPathType | None] = "app.tcss"
    TITLE = "ocop-tui"
    COMMANDS = App.COMMANDS | {FairCommands}
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {
        "products": ProductsScreen,
        "booths": lazy_screen(".screens.booths", "BoothsScreen"),
        "map": lazy_screen(".screens.map_screen", "MapScreen"),
        "facts": lazy_screen(".screens.facts_screen", "FactsScreen"),
    }
    DEFAULT_MODE = "products"
    BINDINGS = [
        Binding("f1", "help", "key.help"),
        Binding("question_mark", "help", "key.help", show=False),
        Binding("f2", "show_mode('products')", "key.products"),
        Binding("f3", "show_mode('booths')", "key.booths"),
        Binding("f4", "show_mode('map')", "key.map"),
        Binding("f5", "show_mode('facts')", "key.facts"),
        Binding("f6", "switch_language", "key.language"),
        Binding("f8", "next_theme", "key.theme"),
    ]

    def __init__(self, catalog: Catalog, *, lang: Lang = DEFAULT_LANG) -> None:
        super().__init__(catalog, lang=lang)
        self.title = clean(catalog.fair.name)

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        follow_language(self, self._relabel)

    def _relabel(self) -> None:
        demo = f" ({self.tr('app.subtitle.demo')})" if self.catalog.fair.demo else ""
        self.sub_title = clean(self.catalog.fair.theme) + demo

    # Actions ------------------------------------------------------------------------------------

    async def action_show_mode(self, mode: str) -> None:
        if mode in self.MODES and mode != self.current_mode:
            await self.switch_mode(mode)

    def action_help(self) -> None:
        # Imported on first use (start-up imports only the products screen).
        from ocop_tui.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    # Navigation: what the screens ask for -------------------------------------------------------

    async def _go_to(self, mode: str, kind: type[ScreenT]) -> ScreenT | None:
        """Switch to `mode` and return its screen, if it is a `kind` (a kiosk dialog may keep the switch off)."""
        await self.action_show_mode(mode)
        screen = self.screen
        return screen if isinstance(screen, kind) and mode == screen.MODE else None

    @on(FairScreen.ShowMode)
    async def show_mode(self, request: FairScreen.ShowMode) -> None:
        screen = await self._go_to(request.mode, BrowserScreen)
        if screen is not None and request.focus_search:
            screen.action_focus_search()

    @on(FairScreen.OpenBooth)
    async def open_booth(self, request: FairScreen.OpenBooth) -> None:
        index = self.catalog.booth_index_of(request.booth_no)
        if index is not None and (screen := await self._go_to("booths", BrowserScreen)) is not None:
            screen.reveal(index)

    @on(FairScreen.OpenProduct)
    async def open_product(self, request: FairScreen.OpenProduct) -> None:
        if (screen := await self._go_to("products", BrowserScreen)) is not None:
            screen.reveal(request.product)

    @on(FairScreen.ShowOnMap)
    async def show_on_map(self, request: FairScreen.ShowOnMap) -> None:
        # Imported on first use, like the map's mode (start-up imports only the products screen).
        from ocop_tui.ui.screens.map_screen import MapScreen

        if (screen := await self._go_to("map", MapScreen)) is not None:
            screen.show(request.booth_no, request.results)

    @on(FairScreen.ShowProducts)
    async def show_products(self, request: FairScreen.ShowProducts) -> None:
        if (screen := await self._go_to("products", BrowserScreen)) is not None:
            screen.show_only(request.facet, request.value)
