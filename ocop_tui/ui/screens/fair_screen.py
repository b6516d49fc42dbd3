"""What every screen behind the tab bar shares: the title and tabs, the catalogue, the layout classes, the
shortlist's count on its key in the footer, and the messages a screen posts to ask the app for another screen
(the app handles them; screens never call each other).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header

from ocop_tui.search.catalog import Catalog
from ocop_tui.ui.fair_app import FairApp
from ocop_tui.ui.language import translate_active_bindings
from ocop_tui.ui.textual_compat import redescribe_footer_keys
from ocop_tui.ui.widgets.nav_tabs import NavTabs

# The shortlist's key (app.py) and the marking keys (tables, the map): the footer shows how many it holds.
COUNTED_ACTIONS = {"show_mode('shortlist')", "mark", "mark_booth"}


class FairScreen(Screen[None]):
    """A screen with the fair's title bar and the tabs; `.-narrow` and `.-short` in app.tcss adapt it."""

    MODE: ClassVar[str] = ""
    NARROW_WIDTH: ClassVar[int] = 110  # below this side panes stack or hide
    SHORT_HEIGHT: ClassVar[int] = 32  # below this the title bar goes and inputs lose their borders

    app = getters.app(FairApp)

    # Navigation: what a screen may ask the app for. Each carries ids, never widgets.

    @dataclass
    class ShowMode(Message):
        """Go to another tab's screen (and into its search box, when asked)."""

        mode: str
        focus_search: bool = False

    @dataclass
    class OpenBooth(Message):
        """Show a booth on the Booths screen."""

        booth_no: str

    @dataclass
    class OpenProduct(Message):
        """Show a product on the Products screen."""

        product: int  # its number in the app's catalogue

    @dataclass
    class ShowOnMap(Message):
        """Select a booth on the floor map (None: none) and mark the booths holding search results."""

        booth_no: str | None
        results: frozenset[str] = frozenset()

    @dataclass
    class ShowWalk(Message):
        """The walking plan through the shortlisted booths, drawn on the floor map."""

    @dataclass
    class ShowQr(Message):
        """A QR code on its own screen: the shortlist's take-away text, or a booth's contact card."""

        booth_no: str | None = None  # None: the shortlist's take-away text

    @dataclass
    class ShowProducts(Message):
        """The Products screen showing every product with `facet` = `value`, nothing else."""

        facet: str
        value: str

    @property
    def catalog(self) -> Catalog:
        return self.app.catalog

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys the Footer shows, described in the current language; the shortlist's key with its count."""
        bindings = translate_active_bindings(super().active_bindings, self.app.tr)
        count = len(self.app.shortlist)
        if not count:
            return bindings
        for key, active in bindings.items():
            if active.binding.action in COUNTED_ACTIONS:
                described = f"{active.binding.description} ({self.app.tr.number(count)})"
                bindings[key] = active._replace(binding=replace(active.binding, description=described))
        return bindings

    def on_mount(self) -> None:
        self.watch(self.app, "shortlist_revision", self._count_shortlist, init=False)

    def _count_shortlist(self, _revision: int) -> None:
        """The shortlist changed: its count on the footer's keys, in place (a screen adds its status line).
        Another screen's footer is built anew when that screen is shown."""
        if self.is_current:
            bindings = self.active_bindings
            redescribe_footer_keys(self, {key: active.binding.description for key, active in bindings.items()
                                          if active.binding.action in COUNTED_ACTIONS})  # fmt: skip
        self.shortlist_count_changed()

    def shortlist_count_changed(self) -> None:
        """A screen showing the shortlist's count elsewhere updates it here."""

    def compose_top(self) -> ComposeResult:
        yield Header(icon="")
        yield NavTabs(self.app.nav_modes, self.MODE)

    def on_resize(self) -> None:
        self.set_class(self.size.width < self.NARROW_WIDTH, "-narrow")
        self.set_class(self.size.height < self.SHORT_HEIGHT, "-short")

    @on(NavTabs.ModeChosen)
    def switch_tab(self, event: NavTabs.ModeChosen) -> None:
        self.post_message(self.ShowMode(event.mode))
