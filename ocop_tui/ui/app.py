"""The Textual app: modes for the browsing screens, global keys, language and theme, cross-navigation.

`make_app(catalog, ...)` builds it for the CLI, the tests and the benchmarks alike; the app never sees
the store, only a Catalog.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import ClassVar

from textual.app import App
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen
from textual.theme import Theme

from ocop_tui.i18n import DEFAULT_LANG, Translator
from ocop_tui.model import Lang
from ocop_tui.search.catalog import Catalog
from ocop_tui.text import clean
from ocop_tui.ui.commands import FairCommands
from ocop_tui.ui.language import follow_language
from ocop_tui.ui.screens.products import ProductsScreen

HIGH_CONTRAST = Theme(
    name="ocop-high-contrast",
    primary="#ffd700",
    secondary="#00e5ff",
    accent="#ff8c00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    success="#00ff66",
    warning="#ffd700",
    error="#ff4040",
    boost="#333333",
    dark=True,
)


def lazy_screen(module: str, name: str) -> Callable[[], Screen[None]]:
    """A mode's screen class, imported when the mode is first opened: start-up needs only the products."""

    def make() -> Screen[None]:
        return getattr(import_module(module, __package__), name)()  # type: ignore[no-any-return]

    make.__qualname__ = make.__name__ = name
    return make


class OcopApp(App[int]):
    """The fair browser."""

    CSS_PATH = "app.tcss"
    TITLE = "ocop-tui"
    COMMANDS = App.COMMANDS | {FairCommands}
    MODES: ClassVar[dict[str, Callable[[], Screen[None]]]] = {  # type: ignore[assignment]
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

    lang: var[Lang] = var[Lang](DEFAULT_LANG)

    def __init__(self, catalog: Catalog, *, lang: Lang = DEFAULT_LANG) -> None:
        super().__init__()
        self.catalog = catalog
        self.tr = Translator(lang)
        self.set_reactive(OcopApp.lang, lang)
        self.theme_cycle: list[str] = ["textual-dark", "textual-light", HIGH_CONTRAST.name]
        self.nav_modes: tuple[str, ...] = tuple(self.MODES)
        self.title = clean(catalog.fair.name)

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        follow_language(self, self._relabel)

    def _relabel(self) -> None:
        self.tr.lang = self.lang
        demo = f" ({self.tr('app.subtitle.demo')})" if self.catalog.fair.demo else ""
        self.sub_title = clean(self.catalog.fair.theme) + demo

    def watch_lang(self, lang: Lang) -> None:
        self.tr.lang = lang  # before any watcher that relabels reads it

    # Actions ------------------------------------------------------------------------------------

    async def action_show_mode(self, mode: str) -> None:
        if mode in self.MODES and mode != self.current_mode:
            await self.switch_mode(mode)

    def action_help(self) -> None:
        from ocop_tui.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_switch_language(self) -> None:
        self.lang = "en" if self.lang == "vi" else "vi"
        self.notify(self.tr("notify.language"), timeout=2)

    def set_theme_by_name(self, name: str) -> None:
        self.theme = name
        self.notify(self.tr("notify.theme", theme=name), timeout=2)

    def action_next_theme(self) -> None:
        current = self.theme if self.theme in self.theme_cycle else self.theme_cycle[-1]
        self.set_theme_by_name(self.theme_cycle[(self.theme_cycle.index(current) + 1) % len(self.theme_cycle)])

    # Cross-navigation ---------------------------------------------------------------------------

    async def open_booth(self, booth_no: str) -> None:
        index = self.catalog.booth_index_of(booth_no)
        if index is not None:
            await self.open_booth_index(index)

    async def open_booth_index(self, index: int) -> None:
        await self.action_show_mode("booths")
        screen = self.screen
        from ocop_tui.ui.screens.booths import BoothsScreen

        if isinstance(screen, BoothsScreen):
            screen.reveal(index)

    async def open_product(self, index: int) -> None:
        await self.action_show_mode("products")
        screen = self.screen
        if isinstance(screen, ProductsScreen):
            screen.reveal(index)
