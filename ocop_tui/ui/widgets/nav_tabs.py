"""Clickable tabs across the top that switch between the app's screens (modes)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import getters, on
from textual.message import Message
from textual.widgets import Tab, Tabs

from ocop_tui.ui.fair_app import FairApp
from ocop_tui.ui.language import follow_language


class NavTabs(Tabs):
    """One tab per mode; the active one is the screen it sits on. A click asks for another with ModeChosen."""

    app = getters.app(FairApp)

    @dataclass
    class ModeChosen(Message):
        mode: str

    def __init__(self, modes: tuple[str, ...], active: str) -> None:
        super().__init__(*[Tab("", id=f"tab-{mode}") for mode in modes], active=f"tab-{active}")
        self._modes = modes
        self._home = active

    def on_mount(self) -> None:
        self.can_focus = False  # keyboard users have F-keys; tabs are for the mouse
        follow_language(self, self._relabel)

    def _relabel(self) -> None:
        for mode in self._modes:
            tab = self.get_tab(f"tab-{mode}")
            if tab is not None:
                tab.label = self.app.tr(f"tab.{mode}")

    @on(Tabs.TabActivated)
    def switch_screen(self, event: Tabs.TabActivated) -> None:
        event.stop()
        mode = (event.tab.id or "").removeprefix("tab-")
        if mode and mode != self._home:
            self.active = f"tab-{self._home}"  # this screen's tab stays lit; the other screen lights its own
            self.post_message(self.ModeChosen(mode))
