"""What every screen behind the tab bar shares: the title and tabs, the catalogue, the layout classes."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Header

from ocop_tui.search.catalog import Catalog
from ocop_tui.ui.widgets.nav_tabs import NavTabs


class FairScreen(Screen[None]):
    """A screen with the fair's title bar and the tabs; `.-narrow` and `.-short` in app.tcss adapt it."""

    MODE: ClassVar[str] = ""
    NARROW_WIDTH: ClassVar[int] = 110  # below this side panes stack or hide
    SHORT_HEIGHT: ClassVar[int] = 32  # below this the title bar goes and inputs lose their borders

    @property
    def catalog(self) -> Catalog:
        return self.app.catalog  # type: ignore[attr-defined, no-any-return]

    def compose_top(self) -> ComposeResult:
        yield Header(icon="")
        yield NavTabs(self.app.nav_modes, self.MODE)  # type: ignore[attr-defined]

    def on_resize(self) -> None:
        self.set_class(self.size.width < self.NARROW_WIDTH, "-narrow")
        self.set_class(self.size.height < self.SHORT_HEIGHT, "-short")
