"""The app as its screens and widgets see it: the catalogue, the translator and language, the themes, "you are here".

Screens and widgets declare `app = getters.app(FairApp)` (Textual's typed accessor: it checks the running app
is one) and read these without casts. They never call the app to navigate: they post the navigation messages
of FairScreen, which OcopApp (app.py) handles. This module imports no screen, so every screen may import it.
"""

from __future__ import annotations

from textual.app import App
from textual.reactive import var
from textual.theme import Theme

from ocop_tui.i18n import DEFAULT_LANG, Translator
from ocop_tui.model import Lang
from ocop_tui.search.catalog import Catalog

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


class FairApp(App[int]):
    """The services every screen and widget may use; the screens, keys and navigation are OcopApp's."""

    lang: var[Lang] = var[Lang](DEFAULT_LANG)

    def __init__(self, catalog: Catalog, *, lang: Lang = DEFAULT_LANG) -> None:
        super().__init__()
        self.catalog = catalog  # a kiosk swaps in a new one when the store file changes: read it each time
        self.tr = Translator(lang)
        self.set_reactive(FairApp.lang, lang)
        self.theme_cycle: list[str] = ["textual-dark", "textual-light", HIGH_CONTRAST.name]
        self.nav_modes: tuple[str, ...] = tuple(self.MODES)
        self.here: str | None = None  # where the map's routes start ("you are here"): a kiosk's location

    def watch_lang(self, lang: Lang) -> None:
        self.tr.lang = lang  # before any watcher that relabels reads it

    def action_switch_language(self) -> None:
        self.lang = "en" if self.lang == "vi" else "vi"
        self.notify(self.tr("notify.language"), timeout=2)

    def set_theme_by_name(self, name: str) -> None:
        self.theme = name
        self.notify(self.tr("notify.theme", theme=name), timeout=2)

    def action_next_theme(self) -> None:
        current = self.theme if self.theme in self.theme_cycle else self.theme_cycle[-1]
        self.set_theme_by_name(self.theme_cycle[(self.theme_cycle.index(current) + 1) % len(self.theme_cycle)])
