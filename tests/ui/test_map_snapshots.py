"""Snapshots of the floor map (a route drawn) at 80x24, 120x36 and 160x48, and of the fair facts in both languages.

Update after an intended visual change with `pytest --snapshot-update tests/ui/test_map_snapshots.py`
and look at the report before committing.
"""

from __future__ import annotations

import functools

import pytest
from textual.widgets import Input

from ocop_tui.paths import demo_store_path
from ocop_tui.search.catalog import Catalog, load_catalog
from ocop_tui.ui.factory import make_app

ROUTE_TO = "K-007"  # a booth of the Đồng Tháp pavilion, across the fair from the information kiosk


@functools.cache
def demo_catalog() -> Catalog:
    return load_catalog(demo_store_path())


async def steady(pilot) -> None:
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


async def map_with_route(pilot) -> None:
    await pilot.press("f4")
    await pilot.pause()
    pilot.app.screen.show(ROUTE_TO)
    await pilot.pause()
    await steady(pilot)


async def facts(pilot) -> None:
    await pilot.press("f5")
    await pilot.pause()
    await steady(pilot)


@pytest.mark.parametrize(("size", "lang"), [((80, 24), "vi"), ((120, 36), "vi"), ((160, 48), "vi"), ((160, 48), "en")],
                         ids=["80x24-vi", "120x36-vi", "160x48-vi", "160x48-en"])  # fmt: skip
def test_map_with_a_route(snap_compare, size, lang):
    app = make_app(demo_catalog(), lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=map_with_route)


async def map_with_legend(pilot) -> None:
    await map_with_route(pilot)
    await pilot.press("f7")
    await pilot.pause()


def test_map_with_the_legend_at_80x24(snap_compare):
    app = make_app(demo_catalog())
    assert snap_compare(app, terminal_size=(80, 24), run_before=map_with_legend)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_fair_facts(snap_compare, lang):
    app = make_app(demo_catalog(), lang=lang)
    assert snap_compare(app, terminal_size=(120, 36), run_before=facts)
