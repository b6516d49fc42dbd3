"""The App actions a kiosk turns off: nothing a visitor can reach may leave the app, write a file or open a URL.

The command palette, screenshots, suspending, URLs, copying out, popping screens and the "press ctrl+q to quit"
hint all do nothing. Quitting itself is KioskApp's: it asks for the staff PIN.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from textual.screen import Screen

from ocop_tui.ui.app import OcopApp


class LockedDownApp(OcopApp):
    """OcopApp with every way out but quitting (KioskApp's, behind the PIN) turned off."""

    ENABLE_COMMAND_PALETTE = False
    COMMANDS: ClassVar[set[Any]] = set()  # no palette providers either

    def action_help_quit(self) -> None:
        pass  # ctrl+c: no "press ctrl+q to quit" hint for visitors

    def action_command_palette(self) -> None:
        pass

    def action_change_theme(self) -> None:
        pass

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        pass

    def save_screenshot(self, filename: str | None = None, path: str | None = None,
                        time_format: str | None = None) -> str:  # fmt: skip
        return ""  # never a file from the kiosk

    def deliver_screenshot(self, *args: Any, **kwargs: Any) -> str | None:
        return None

    def deliver_text(self, *args: Any, **kwargs: Any) -> str | None:
        return None

    def deliver_binary(self, *args: Any, **kwargs: Any) -> str | None:
        return None

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        pass

    def action_suspend_process(self) -> None:
        pass

    async def action_pop_screen(self) -> None:
        pass  # dialogs close themselves; nothing may pop the PIN lockout

    async def action_back(self) -> None:
        pass

    def get_system_commands(self, screen: Screen) -> Iterable[Any]:
        return iter(())
