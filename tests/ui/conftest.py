"""UI test helpers: apps on small in-memory fairs, typing, and reading what the screen shows."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from ocop_tui.search.catalog import Catalog
from ocop_tui.ui.app import OcopApp
from ocop_tui.ui.factory import make_app

from .fixtures import hostile_catalog, mini_catalog


@pytest.fixture
def mini() -> Catalog:
    return mini_catalog()


@pytest.fixture
def hostile() -> Catalog:
    return hostile_catalog()


@pytest.fixture
def app(mini: Catalog) -> OcopApp:
    return make_app(mini)


async def type_text(pilot: Pilot, text: str) -> None:
    """Type like a person: one key per character."""
    for char in text:
        await pilot.press("space" if char == " " else char)
    await pilot.pause()


def shown_names(app: OcopApp) -> list[str]:
    """Product names (or booth numbers) in the results table, in display order."""
    screen = app.screen
    table = screen.table  # type: ignore[attr-defined]
    if screen.MODE == "products":  # type: ignore[attr-defined]
        return [app.catalog.products[i].name for i in table.rows]
    return [app.catalog.booths[i].booth_no for i in table.rows]
