"""The app as its screens and widgets see it: the catalogue, the translator and language, the themes, "you are here",
and the shortlist every screen marks rows from (one list shared by all screens, and where named lists are kept).

Screens and widgets declare `app = getters.app(FairApp)` (Textual's typed accessor: it checks the running app
is one) and read these without casts. They never call the app to navigate: they post the navigation messages
of FairScreen, which OcopApp (app.py) handles. This module imports no screen, so every screen may import it.
"""

from __future__ import annotations

from textual.app import App
from textual.reactive import var

from ocop_tui.i18n import DEFAULT_LANG, Translator
from ocop_tui.model import Lang
from ocop_tui.search.catalog import Catalog
from ocop_tui.shortlist.items import Kind, Shortlist, ShortlistFull
from ocop_tui.shortlist.storage import ShortlistBook
from ocop_tui.ui.textual_compat import divide_strips_without_cycles, draw_only_the_changed_rows
from ocop_tui.ui.themes import THEMES, VARIABLE_DEFAULTS, theme_label_key


class FairApp(App[int]):
    """The services every screen and widget may use; the screens, keys and navigation are OcopApp's."""

    lang: var[Lang] = var[Lang](DEFAULT_LANG)
    # The shortlist's revision: screens watch it to say the new count (a table repaints only the row it marked).
    shortlist_revision: var[int] = var(0)

    def __init__(self, catalog: Catalog, *, lang: Lang = DEFAULT_LANG) -> None:
        super().__init__()
        divide_strips_without_cycles()  # every line drawn would otherwise be garbage for a full collection
        draw_only_the_changed_rows()  # not the title bar, tabs and footer after every keystroke
        self.catalog = catalog  # a kiosk swaps in a new one when the store file changes: read it each time
        self.tr = Translator(lang)
        self.set_reactive(FairApp.lang, lang)
        for theme in THEMES:
            self.register_theme(theme)
        self.theme_cycle: list[str] = [theme.name for theme in THEMES]
        self.set_reactive(App.theme, self.theme_cycle[0])
        self.nav_modes: tuple[str, ...] = tuple(self.MODES)
        self.here: str | None = None  # where the map's routes start ("you are here"): a kiosk's location
        self.shortlist = Shortlist()
        # Where named lists are kept (the user's state folder); None on a kiosk, which keeps no list.
        self.shortlist_book: ShortlistBook | None = None

    def toggle_shortlisted(self, kind: Kind, key: str) -> bool | None:
        """Put the product (by code) or booth (by number) on the shortlist, or take it off; True when it is on
        it now, None when the list is full (the visitor is told)."""
        try:
            added = self.shortlist.toggle(kind, key)
        except ShortlistFull as full:
            self.notify(self.tr("shortlist.full", most=self.tr.number(full.args[0])), severity="warning")
            return None
        self.shortlist_changed()
        return added

    def shortlist_changed(self) -> None:
        """Tell the screens the shortlist changed (its count in the status line and the footer)."""
        self.shortlist_revision = self.shortlist.revision

    def watch_lang(self, lang: Lang) -> None:
        self.tr.lang = lang  # before any watcher that relabels reads it

    def action_switch_language(self) -> None:
        self.lang = "en" if self.lang == "vi" else "vi"
        self.notify(self.tr("notify.language"), timeout=2)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(VARIABLE_DEFAULTS)  # app.tcss's own colours, for a theme that does not set them

    def theme_label(self, name: str) -> str:
        """A theme's name as people read it, in the current language ("Tương phản cao")."""
        key = theme_label_key(name)
        return self.tr(key) if key is not None else name

    def set_theme_by_name(self, name: str) -> None:
        self.theme = name
        self.notify(self.tr("notify.theme", theme=self.theme_label(name)), timeout=2)

    def action_next_theme(self) -> None:
        current = self.theme if self.theme in self.theme_cycle else self.theme_cycle[-1]
        self.set_theme_by_name(self.theme_cycle[(self.theme_cycle.index(current) + 1) % len(self.theme_cycle)])
