"""The detail panes drawn line by line: what they show, their buttons and lists by keyboard and mouse, scrolling,
the map's booth pane, and that a new record never lays the screen out."""

from __future__ import annotations

from textual.events import MouseScrollDown
from textual.geometry import Offset

from ocop_tui.ui.screens.booths import BoothsScreen
from ocop_tui.ui.screens.map_screen import MapScreen
from ocop_tui.ui.screens.products import ProductsScreen
from ocop_tui.ui.widgets.booth_detail import BoothDetail
from ocop_tui.ui.widgets.detail_pane import DetailPane

from .conftest import type_text


def actions(pane: DetailPane) -> list[str]:
    return [entry.action for entry in pane.entries if entry.actionable]


async def test_the_product_pane_shows_every_field_its_booth_and_the_producers_other_products(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await type_text(pilot, "khai hoan 40")
        pane = app.screen.detail
        text = pane.plain_text
        for shown in ("Nước mắm Phú Quốc Khải Hoàn 40 độ đạm", "Khai Hoan", "91-001-1-5-2022", "185.000 ₫",
                      "chai 500ml", "Công ty TNHH Nước mắm Khải Hoàn", "Kiên Giang", "2022", "ủ chượp",
                      "K-07", "Nguyễn Văn Hoàn", "0912 345 678", "Tới gian hàng K-07", "Xem trên bản đồ"):  # fmt: skip
            assert shown in text, shown
        sibling = app.catalog.products.index(next(p for p in app.catalog.products if "35 độ" in p.name))
        assert actions(pane) == ["go-booth", "show-on-map", str(sibling)]
        # Every line fits the pane, and the pane scrolls exactly as far as its lines go.
        assert all(len(line) <= pane.line_width for line in pane.lines_text)
        assert pane.virtual_size.height == len(pane.lines_text)


async def test_keys_move_between_the_buttons_and_the_list_and_enter_acts(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await type_text(pilot, "khai hoan 40")
        pane = app.screen.detail
        pane.focus()
        await pilot.pause()
        assert pane.cursor_entry is not None and pane.cursor_entry.action == "go-booth"
        await pilot.press("down")
        assert pane.cursor_entry.action == "show-on-map"
        await pilot.press("down")
        assert pane.cursor_entry.kind == "item"
        await pilot.press("up", "up")
        assert pane.cursor_entry.action == "go-booth"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BoothsScreen)
        assert app.catalog.booths[app.screen.table.highlighted].booth_no == "K-07"


async def test_space_on_a_listed_product_opens_it(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await type_text(pilot, "khai hoan 40")
        pane = app.screen.detail
        assert pane.focus_items()
        await pilot.press("space")
        await pilot.pause()
        assert app.catalog.products[app.screen.table.highlighted].name == "Nước mắm Phú Quốc Khải Hoàn 35 độ đạm"


async def test_a_click_on_a_listed_product_opens_it_and_on_text_does_nothing(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await type_text(pilot, "khai hoan 40")
        pane = app.screen.detail
        await pilot.click(pane, offset=Offset(4, 1))  # the English name: text
        await pilot.pause()
        assert app.catalog.products[pane.product].name == "Nước mắm Phú Quốc Khải Hoàn 40 độ đạm"
        sibling = next(entry.action for entry in pane.entries if entry.kind == "item")
        await pilot.click(pane, offset=pane.reveal_action(sibling))
        await pilot.pause()
        assert app.catalog.products[app.screen.table.highlighted].name == "Nước mắm Phú Quốc Khải Hoàn 35 độ đạm"


async def test_a_long_pane_scrolls_by_keys_wheel_and_its_scrollbar(app):
    async with app.run_test(size=(120, 24)) as pilot:  # narrow: the pane goes under the table, 9 lines high
        await type_text(pilot, "khai hoan 40")
        pane = app.screen.detail
        assert pane.max_scroll_y > 0
        pane.focus()
        await pilot.pause()
        assert pane.scroll_y == 0
        await pilot.press("down")  # the buttons are below the view: read on, a line at a time
        assert pane.scroll_y == 1
        await pilot.press("pagedown")
        assert pane.scroll_y > 1
        await pilot.press("home")
        assert pane.scroll_y == 0
        await pilot._post_mouse_events([MouseScrollDown], pane, offset=(3, 3))  # the wheel (as test_map does)
        await pilot.pause()
        assert pane.scroll_y > 0
        await pilot.press("home")
        content = pane.scrollable_content_region
        bar = Offset(content.right - pane.region.x - 1, content.bottom - pane.region.y - 1)
        await pilot.click(pane, offset=bar)  # the scrollbar's bottom: scrolled to the end
        assert pane.scroll_y == pane.max_scroll_y
        assert app.catalog.products[pane.product].name == "Nước mắm Phú Quốc Khải Hoàn 40 độ đạm"  # no click on text


async def test_the_booth_pane_lists_the_booths_products_in_both_languages(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await type_text(pilot, "k-08")
        pane = app.screen.detail
        assert isinstance(pane, BoothDetail)
        assert "Sản phẩm tại gian (2)" in pane.plain_text and "Xem trên bản đồ" in pane.plain_text
        assert "Tiêu Phú Quốc chín đỏ ★★★" in pane.plain_text
        await pilot.press("f6")
        await pilot.pause()
        assert "Products at this booth (2)" in pane.plain_text and "Show on map" in pane.plain_text


async def test_the_maps_booth_pane_is_as_tall_as_its_lines_and_opens_a_product(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MapScreen)
        screen.select_booth("K-08")
        await pilot.pause()
        pane = screen.query_one("#map-booth", BoothDetail)
        assert pane.size.height == len(pane.lines_text) and pane.max_scroll_y == 0 and pane.bar_width == 0
        assert "show-on-map" not in actions(pane)  # the map itself
        item = next(entry.action for entry in pane.entries if entry.kind == "item")
        await pilot.click(pane, offset=pane.reveal_action(item))
        await pilot.pause()
        assert isinstance(app.screen, ProductsScreen)
        assert app.screen.table.highlighted == int(item)


async def test_typing_draws_each_new_first_product_without_laying_the_screen_out(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        layouts: list[object] = []
        screen.screen_layout_refresh_signal.subscribe(screen.detail, layouts.append)
        shown: set[int | None] = set()
        for query in ("nuoc mam", "dua", "hoa kieng", "tieu phu quoc"):
            for char in query:
                await pilot.press("space" if char == " " else char)
                await pilot.pause()
                shown.add(screen.detail.product)
            await pilot.press("ctrl+u")
            await pilot.pause()
        assert len(shown) >= 4  # the pane followed the first row to several products
        assert layouts == []
