"""Pilot tests of search that answers the question: the first row is the answer after every new query
(even after scrolling), the detail pane follows, the status line says how the query was understood, and
close matches come under a line that says so. Runs on the shipped demo fair."""

from __future__ import annotations

from textual.widgets import Static

from ocop_tui.paths import demo_store_path
from ocop_tui.search.catalog import load_catalog
from ocop_tui.ui.factory import make_app

from .conftest import type_text


def demo_app():  # type: ignore[no-untyped-def]
    return make_app(load_catalog(demo_store_path()))


async def test_a_new_query_puts_the_highlight_and_the_details_on_row_one() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await type_text(pilot, "nuoc mam")
        screen = app.screen
        screen.table.focus()
        for _ in range(45):  # browse down the results, well out of the first screenful
            await pilot.press("down")
        await pilot.pause()
        assert screen.table.cursor_row == 45 and screen.table.scroll_y > 0
        browsed = screen.table.highlighted
        await type_text(pilot, " phu quoc")  # typing goes back to the search box
        await pilot.pause()
        first = screen.result.ids[0]
        assert browsed in screen.result.ids and browsed != first  # still a result, but not the answer
        assert screen.table.cursor_row == 0
        assert screen.table.scroll_y == 0
        assert screen.table.highlighted == first
        assert screen.detail.product == first
        assert "Phú Quốc" in app.catalog.products[first].name


async def test_the_status_line_says_how_the_query_was_understood() -> None:
    app = demo_app()
    async with app.run_test(size=(140, 36)) as pilot:
        await type_text(pilot, "tom kho ca mau 4 sao")
        status = str(app.screen.query_one("#status").render())
        assert "4 sao · Cà Mau · tom kho" in status
        first = app.catalog.products[app.screen.result.ids[0]]
        assert first.province == "Cà Mau" and first.stars == 4 and first.name.startswith("Tôm khô")


async def test_close_matches_come_under_a_line_that_says_so() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 36)) as pilot:
        note = app.screen.query_one("#close-note", Static)
        await type_text(pilot, "tinh dau trram")
        assert note.display
        assert "Không có kết quả khớp đúng; gần đúng:" in str(note.render())
        assert "trram→tram" in str(app.screen.query_one("#status").render())
        assert app.catalog.products[app.screen.table.highlighted].name.startswith("Tinh dầu tràm")
        await pilot.press(*["backspace"] * 5)
        await type_text(pilot, "tram")
        assert not note.display  # an exact match again: no line


async def test_booth_numbers_however_written_in_the_map_finder_and_the_palette(app) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import Input

    from ocop_tui.ui.screens.booths import BoothsScreen

    from .test_map import open_map

    async with app.run_test(size=(140, 40)) as pilot:
        await type_text(pilot, "K7")  # the products screen: what booth K-07 sells
        assert {app.catalog.products[i].booth_no for i in app.screen.result.ids} == {"K-07"}
        screen = await open_map(pilot)
        await pilot.press("ctrl+f")
        for spelling in ("k7", "K 07", "k-7"):
            app.focused.value = ""
            await type_text(pilot, spelling)
            assert screen.floor_map.selected == "K-07", spelling
            screen.action_clear_map()
            await pilot.press("ctrl+f")
        assert isinstance(app.focused, Input)
        app.focused.value = ""
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "k7")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BoothsScreen)
        assert app.catalog.booths[app.screen.table.highlighted].booth_no == "K-07"
