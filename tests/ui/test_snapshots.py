"""Snapshots of every browser screen with the demo fair, at 80x24 and 120x36, in Vietnamese and English, and of
a highlighted row in each theme.

Update after an intended visual change with `pytest --snapshot-update tests/ui/test_snapshots.py`
and look at the report before committing.
"""

from __future__ import annotations

import functools

import pytest
from textual.widgets import Input

from ocop_tui.paths import demo_store_path
from ocop_tui.search.catalog import Catalog, load_catalog
from ocop_tui.ui.factory import make_app
from ocop_tui.ui.themes import THEMES

from .fixtures import mini_catalog


@functools.cache
def demo_catalog() -> Catalog:
    return load_catalog(demo_store_path())


async def steady(pilot) -> None:
    """No blinking cursor, nothing pending: the same picture every run."""
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


def steps(*keys: str):
    async def run_before(pilot) -> None:
        await steady(pilot)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await steady(pilot)

    return run_before


SIZES = [(80, 24), (120, 36)]
LANGS = ["vi", "en"]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_products_screen(snap_compare, size, lang):
    app = make_app(demo_catalog(), lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=steps("n", "u", "o", "c", "space", "m", "a", "m"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_booths_screen(snap_compare, size, lang):
    app = make_app(demo_catalog(), lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=steps("f3"))


@pytest.mark.parametrize("lang", LANGS)
def test_empty_result(snap_compare, lang):
    app = make_app(mini_catalog(), lang=lang)
    assert snap_compare(app, terminal_size=(120, 36), run_before=steps("z", "z", "z"))


@pytest.mark.parametrize("lang", LANGS)
def test_help_screen(snap_compare, lang):
    app = make_app(mini_catalog(), lang=lang)
    assert snap_compare(app, terminal_size=(100, 40), run_before=steps("f1"))


def test_facets_on_a_narrow_screen(snap_compare):
    app = make_app(mini_catalog())
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps("f7", "down", "space"))


@pytest.mark.parametrize("theme", [theme.name for theme in THEMES])
def test_selected_row_in_each_theme(snap_compare, theme):
    """The highlighted row, its stars and the facets in each theme (every text at least 4.5:1: test_contrast.py)."""

    async def run_before(pilot) -> None:
        pilot.app.theme = theme
        await steps("n", "u", "o", "c", "enter", "down")(pilot)

    app = make_app(mini_catalog(), lang="en")
    assert snap_compare(app, terminal_size=(120, 30), run_before=run_before)
