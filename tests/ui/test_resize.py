"""Every screen, in the browser and the kiosk, through every size people use and back, in both orders.

The layouts change with the size by classes and the stylesheet only (no widget is moved or rebuilt); after every
step the app must still be running, the screen must fill the terminal, and its own text must be on it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Awaitable, Callable

import pytest
from textual.app import App
from textual.pilot import Pilot

from ocop_tui.ui.factory import make_app
from ocop_tui.ui.kiosk.dialogs import PinScreen
from ocop_tui.ui.kiosk.home import HomeScreen
from ocop_tui.ui.screens.help import HelpScreen
from ocop_tui.ui.screens.map_screen import MapScreen

from .fixtures import mini_catalog
from .kiosk_support import kiosk

SIZES = [(40, 12), (60, 20), (80, 24), (120, 36), (200, 60)]
ORDERS = {
    "growing": SIZES + SIZES[-2::-1],  # 40x12 up to 200x60 and back down
    "shrinking": SIZES[::-1] + SIZES[1:],  # 200x60 down to 40x12 and back up
}


async def open_mode(pilot: Pilot, mode: str) -> None:
    await pilot.app.action_show_mode(mode)  # type: ignore[attr-defined]
    await pilot.pause()


async def products(pilot: Pilot) -> None:
    await open_mode(pilot, "products")


async def booths(pilot: Pilot) -> None:
    await open_mode(pilot, "booths")


async def map_with_route(pilot: Pilot) -> None:
    await open_mode(pilot, "map")
    screen = pilot.app.screen
    assert isinstance(screen, MapScreen)
    screen.show("C-10")
    await pilot.pause()
    assert screen.route is not None


async def facts(pilot: Pilot) -> None:
    await open_mode(pilot, "facts")


async def help_screen(pilot: Pilot) -> None:
    await pilot.press("f1")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HelpScreen)


async def kiosk_home(pilot: Pilot) -> None:
    assert isinstance(pilot.app.screen, HomeScreen)


async def pin_dialog(pilot: Pilot) -> None:
    await pilot.press("ctrl+q")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PinScreen)


# (how to open it, the text it shows whatever the size, a kiosk or not)
SCREENS: dict[str, tuple[Callable[[Pilot], Awaitable[None]], str, bool]] = {
    "products": (products, "Tìm sản phẩm", False),
    "booths": (booths, "Tìm gian hàng", False),
    "map": (map_with_route, "gian C-10", False),
    "facts": (facts, "Diễn đàn OCOP", False),
    "help": (help_screen, "Trợ giúp", False),
    "kiosk-home": (kiosk_home, "Tìm sản phẩm", True),
    "kiosk-pin": (pin_dialog, "Dành cho ban tổ chức", True),
}


def shown_text(app: App) -> str:
    """The text on the terminal now (from the screenshot Textual would save), spaces as spaces."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


@pytest.mark.parametrize("order", list(ORDERS))
@pytest.mark.parametrize("name", list(SCREENS))
async def test_every_screen_survives_every_size(name, order, tmp_path):
    open_screen, marker, in_kiosk = SCREENS[name]
    app = kiosk(mini_catalog(), tmp_path) if in_kiosk else make_app(mini_catalog())
    first, *rest = ORDERS[order]
    async with app.run_test(size=first) as pilot:
        await pilot.pause()
        await open_screen(pilot)
        screen = app.screen
        for size in [first, *rest]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert app.is_running and app.return_code is None, size
            assert app.screen is screen, size  # nothing closed or replaced it
            assert tuple(screen.size) == size
            assert marker in shown_text(app), (name, size)
        if isinstance(screen, MapScreen):
            assert screen.route is not None and screen.floor_map.route is screen.route
