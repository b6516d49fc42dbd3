"""Data is shown literally: markup, escape sequences and bidi overrides never crash, style or click."""

from __future__ import annotations

import pytest

from ocop_tui.ui.factory import make_app
from ocop_tui.ui.screens.booths import BoothsScreen
from ocop_tui.ui.widgets.record_table import cell_plain

from .fixtures import HOSTILE


@pytest.mark.parametrize("size", [(160, 50), (80, 24)])
async def test_every_screen_survives_hostile_strings(hostile, size):
    app = make_app(hostile)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        table = app.screen.table
        for _ in range(len(HOSTILE)):  # walk every row so every detail pane renders
            await pilot.press("down")
            await pilot.pause()
        await pilot.press("f6")  # English mode shows name_en too
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, BoothsScreen)
        for _ in range(len(HOSTILE)):
            await pilot.press("down")
            await pilot.pause()
        assert app.is_running
        assert table.rows  # the products table kept its rows


async def test_markup_is_shown_exactly_as_written(hostile):
    app = make_app(hostile)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        screen = app.screen
        cells = {cell_plain(screen.render_cell(i, "name")) for i in screen.table.rows}
        for payload in ("[/]", "[bold]x", "[@click=app.quit]Free gift[/]", "[Hall 3]", "unclosed ["):
            assert payload in cells
        svg = app.export_screenshot()
        assert "[@click=app.quit]Free gift[/]" in svg.replace("&#160;", " ")


async def test_escape_and_bidi_characters_never_reach_the_screen(hostile):
    app = make_app(hostile)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        screen = app.screen
        for record in screen.table.rows:
            for column in ("name", "province", "booth", "price"):
                text = cell_plain(screen.render_cell(record, column))
                assert "\x1b" not in text and "\x07" not in text
                assert not any(ch in text for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
        for line in app.screen.detail.lines_text:
            assert "\x1b" not in line and "\x07" not in line


@pytest.mark.parametrize("payload_index", [2, 3])  # [@click=app.quit] and [link=...]
async def test_clicking_hostile_rows_and_panes_runs_no_action(hostile, payload_index):
    app = make_app(hostile)
    quit_called = []
    app.action_quit = lambda: quit_called.append(True)  # type: ignore[method-assign]
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        app.screen.search_input.value = f"code:X-{payload_index}"
        await pilot.pause()
        assert len(app.screen.table.rows) == 1
        for _ in range(2):  # highlight, then "open" (goes to the booth)
            await pilot.click("#table", offset=(2, 1))
            await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        for offset in ((1, 0), (3, 1), (10, 2), (2, 3)):
            await pilot.click("#detail", offset=offset)
            await pilot.pause()
        await pilot.click("#facets", offset=(3, 1))
        await pilot.pause()
        assert app.is_running
        assert quit_called == []
