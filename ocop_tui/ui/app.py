"""The Textual app: modes for the browsing screens, global keys, and the navigation screens ask for.

Screens never call each other: they post FairScreen's navigation messages (open a booth, a product, the map,
filtered products, another tab) and the handlers here switch the mode and show what was asked for. The
services screens read (catalogue, translator, language, themes) are FairApp's. `make_app(catalog, ...)`
builds the app for the CLI, the tests and the benchmarks alike; the app never sees the store, only a Catalog.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module
from typing import Any, ClassVar, TypeVar

from textual import on
from textual.app import App, CSSPathType, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.content import Content
from textual.screen import Screen

from ocop_tui.i18n import DEFAULT_LANG
from ocop_tui.model import Lang
from ocop_tui.search.catalog import Catalog
from ocop_tui.shortlist.storage import SavedShortlists
from ocop_tui.text import clean, fold
from ocop_tui.ui.commands import FairCommands
from ocop_tui.ui.crash_report import CrashReport
from ocop_tui.ui.fair_app import FairApp
from ocop_tui.ui.language import follow_language
from ocop_tui.ui.memory_tidy import GivesMemoryBack
from ocop_tui.ui.screens.browser import BrowserScreen
from ocop_tui.ui.screens.fair_screen import FairScreen
from ocop_tui.ui.screens.products import ProductsScreen
from ocop_tui.ui.textual_compat import WordedCommandPalette
from ocop_tui.ui.themes import few_colours

ScreenT = TypeVar("ScreenT", bound=FairScreen)


def lazy_screen(module: str, name: str) -> Callable[[], Screen[None]]:
    """A mode's screen class, imported when the mode is first opened: start-up needs only the products."""

    def make() -> Screen[None]:
        screen: Screen[None] = getattr(import_module(module, __package__), name)()
        return screen

    make.__qualname__ = make.__name__ = name
    return make


class OcopApp(CrashReport, GivesMemoryBack, FairApp):
    """The fair browser."""

    CSS_PATH: ClassVar[CSSPathType | None] = "app.tcss"
    TITLE = "ocop-tui"
    COMMANDS = App.COMMANDS | {FairCommands}
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {
        "products": ProductsScreen,
        "booths": lazy_screen(".screens.booths", "BoothsScreen"),
        "map": lazy_screen(".screens.map_screen", "MapScreen"),
        "facts": lazy_screen(".screens.facts_screen", "FactsScreen"),
        "shortlist": lazy_screen(".screens.shortlist_screen", "ShortlistScreen"),
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
        Binding("f9", "show_mode('shortlist')", "key.shortlist"),
        # Textual adds this key itself unless the app has it; here its description is translated like ours.
        Binding("ctrl+p", "command_palette", "key.palette", show=False, priority=True, tooltip="key.palette.tooltip"),
    ]

    def __init__(self, catalog: Catalog, *, lang: Lang = DEFAULT_LANG) -> None:
        super().__init__(catalog, lang=lang)
        self.title = clean(catalog.fair.text_in("name", lang))
        self.shortlist_book = SavedShortlists()  # staff and buyers keep named lists in their state folder

    def on_mount(self) -> None:
        follow_language(self, self._relabel)
        self.watch_memory()
        # A real terminal of 16 colours or none: highlights in reverse video too (the tests' is headless).
        self.set_class(not self.is_headless and few_colours(self.console.color_system, self.no_color),
                       "-few-colours")  # fmt: skip

    def format_title(self, title: str, sub_title: str) -> Content:
        """The title bar: the fair's name, then its theme in italics (Textual's dim would not reach AA)."""
        if not sub_title:
            return Content(title)
        return Content.assemble(Content(title), " — ", Content(sub_title).stylize("italic"))

    def _relabel(self) -> None:
        """The title bar in the current language: the fair's name and theme (in English where the data has it).
        "Demo data" goes right after the name: a narrow title bar cuts the end, and the theme can go first."""
        fair, lang = self.catalog.fair, self.tr.lang
        name = clean(fair.text_in("name", lang))
        demo = f" ({self.tr('app.subtitle.demo')})" if fair.demo else ""
        self.title = name + demo
        self.sub_title = theme_without_repeat(name, clean(fair.text_in("theme", lang)))

    # Actions ------------------------------------------------------------------------------------

    async def action_show_mode(self, mode: str) -> None:
        if mode in self.MODES and mode != self.current_mode:
            await self.switch_mode(mode)

    def action_command_palette(self) -> None:
        """The command palette, worded in the current language."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            tr = self.tr
            palette = WordedCommandPalette(placeholder=tr("palette.placeholder"), no_matches=tr("palette.no_matches"),
                                           id="--command-palette")  # fmt: skip
            self.push_screen(palette)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The App's own commands in the palette, in the current language: help (ours, for Textual's key panel),
        maximize or minimize, screenshot, quit. Themes are FairCommands' (the app's three, by name)."""
        tr = self.tr
        yield SystemCommand(tr("cmd.help"), tr("cmd.help.help"), self.action_help)
        if screen.maximized is not None:
            yield SystemCommand(tr("cmd.minimize"), tr("cmd.minimize.help"), screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(tr("cmd.maximize"), tr("cmd.maximize.help"), screen.action_maximize)
        yield SystemCommand(tr("cmd.screenshot"), tr("cmd.screenshot.help"),
                            lambda: self.set_timer(0.1, self.deliver_screenshot))  # fmt: skip
        yield SystemCommand(tr("cmd.quit"), tr("cmd.quit.help"), self.action_quit)

    def action_help_quit(self) -> None:
        """ctrl+c (it copies, it does not quit): how to quit, in the current language."""
        self.notify(self.tr("notify.quit"), title=self.tr("notify.quit.title"), markup=False)

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

    @on(FairScreen.ShowWalk)
    async def show_walk(self) -> None:
        from ocop_tui.ui.screens.map_screen import MapScreen

        if (screen := await self._go_to("map", MapScreen)) is not None:
            screen.show_walk()

    @on(FairScreen.ShowQr)
    def show_qr(self, request: FairScreen.ShowQr) -> None:
        # Imported on first use (start-up imports only the products screen).
        from ocop_tui.ui.screens.qr_screen import QrScreen

        if not isinstance(self.screen, QrScreen):
            self.push_screen(QrScreen(request.booth_no))

    @on(FairScreen.ShowProducts)
    async def show_products(self, request: FairScreen.ShowProducts) -> None:
        if (screen := await self._go_to("products", BrowserScreen)) is not None:
            screen.show_only(request.facet, request.value)


def theme_without_repeat(name: str, theme: str) -> str:
    """The theme without a last part the name ends with too: "Diễn đàn OCOP … – Kiên Giang 2024 — Liên kết cùng
    phát triển" rather than "… – Kiên Giang 2024" twice in one short bar."""
    for dash in (" – ", " - ", " — "):
        head, found, tail = theme.rpartition(dash)
        if found and head.strip() and fold(tail) and fold(name).endswith(fold(tail)):
            return head.rstrip()
    return theme
