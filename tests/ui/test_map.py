"""Pilot tests of the Map and Fair facts screens: zoom, pan, booth clicks, routes, "show on map", charts."""

from __future__ import annotations

from textual.events import MouseScrollDown, MouseScrollUp
from textual.widgets import Input, Select

from ocop_tui.ui.screens.booths import BoothsScreen
from ocop_tui.ui.screens.facts_screen import FactsScreen
from ocop_tui.ui.screens.map_screen import MapScreen
from ocop_tui.ui.screens.products import ProductsScreen
from ocop_tui.ui.widgets.bar_chart import BarChart
from ocop_tui.ui.widgets.booth_detail import BoothDetail
from ocop_tui.ui.widgets.floor_map import FloorMap
from ocop_tui.ui.widgets.map_scale import ZOOMS

from .conftest import type_text
from .fixtures import hostile_catalog


async def open_map(pilot) -> MapScreen:
    await pilot.press("f4")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MapScreen)
    return screen


def point_on(floor_map: FloorMap, booth_no: str) -> tuple[int, int]:
    """A point of the map widget that shows `booth_no`."""
    region = floor_map.scrollable_content_region
    for y in range(region.height):
        for x in range(region.width):
            if floor_map.booth_at(x, y) == booth_no:
                return x, y
    raise AssertionError(f"{booth_no} is not on screen")


def directions_text(screen: MapScreen) -> str:
    return str(screen.query_one("#map-directions").render())


async def test_map_opens_from_the_footer_key_and_routes_to_a_booth(app):
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_map(pilot)
        assert screen.floor_map.has_focus
        assert "Bấm vào một gian hàng" in directions_text(screen)
        screen.show("C-10")
        await pilot.pause()
        assert screen.floor_map.selected == "C-10"
        assert screen.route is not None and screen.route.start == screen.start
        text = directions_text(screen)
        assert "Đường đi tới gian C-10" in text and "Gian hàng ở bên" in text
        await pilot.press("f6")  # English
        await pilot.pause()
        assert "Way to booth C-10" in directions_text(screen)


async def test_zoom_with_keys_and_ctrl_wheel(app):
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_map(pilot)
        floor_map = screen.floor_map
        assert floor_map.auto_fit and floor_map.level is None  # it fills its view until someone zooms
        fitted = floor_map.scale
        await pilot.press("minus")
        assert not floor_map.auto_fit and floor_map.level is not None
        assert ZOOMS[floor_map.level][0] * ZOOMS[floor_map.level][1] < fitted[0] * fitted[1]
        for _ in range(len(ZOOMS) + 1):
            await pilot.press("plus")
        assert floor_map.zoom == len(ZOOMS) - 1  # stops at the closest zoom
        size_close = floor_map.virtual_size
        await pilot._post_mouse_events([MouseScrollDown], floor_map, offset=(5, 5), control=True)
        assert floor_map.zoom == len(ZOOMS) - 2
        assert floor_map.virtual_size.width < size_close.width
        await pilot._post_mouse_events([MouseScrollUp], floor_map, offset=(5, 5), control=True)
        assert floor_map.zoom == len(ZOOMS) - 1
        await pilot.press("0")
        assert floor_map.scale == fitted and floor_map.auto_fit
        assert "Thu phóng" in str(screen.query_one("#map-status").render())


async def test_pan_with_keys_wheel_and_drag(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_map(pilot)
        floor_map = screen.floor_map
        for _ in range(len(ZOOMS)):
            await pilot.press("plus")
        await pilot.pause()
        assert floor_map.virtual_size.width > floor_map.scrollable_content_region.width
        floor_map.scroll_to(0, 0, animate=False)
        await pilot.pause()
        await pilot.press("right", "right", "down")
        await pilot.pause()
        assert floor_map.scroll_x > 0 and floor_map.scroll_y > 0
        x, y = floor_map.scroll_x, floor_map.scroll_y
        await pilot._post_mouse_events([MouseScrollDown], floor_map, offset=(3, 3))
        assert floor_map.scroll_y > y
        await pilot._post_mouse_events([MouseScrollDown], floor_map, offset=(3, 3), shift=True)
        assert floor_map.scroll_x > x
        # Dragging moves the map with the pointer and is not taken for a click on a booth.
        before = (floor_map.scroll_x, floor_map.scroll_y)
        await pilot.mouse_down(floor_map, offset=(20, 6))
        await pilot.hover(floor_map, offset=(14, 4))
        await pilot.mouse_up(floor_map, offset=(14, 4))
        assert (floor_map.scroll_x, floor_map.scroll_y) == (before[0] + 6, before[1] + 2)


async def test_clicking_a_booth_shows_its_details_and_the_way(app):
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_map(pilot)
        floor_map = screen.floor_map
        x, y = point_on(floor_map, "B-01")
        await pilot.click(floor_map, offset=(x, y))
        await pilot.pause()
        assert floor_map.selected == "B-01"
        detail = screen.query_one("#map-booth", BoothDetail)
        assert app.catalog.booths[detail.booth].booth_no == "B-01"
        assert screen.route is not None and floor_map.route is screen.route
        assert screen.route.cells[-1] == screen.grid.booth_door("B-01").cell
        # Enter on the selected booth (or the button) opens it on the Booths screen.
        floor_map.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BoothsScreen)
        assert app.catalog.booths[app.screen.table.highlighted].booth_no == "B-01"


async def test_clicking_open_floor_selects_nothing(app):
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_map(pilot)
        floor_map = screen.floor_map
        assert floor_map.booth_at(1, 1) is None  # open floor
        await pilot.click(floor_map, offset=(1, 1))
        await pilot.pause()
        assert floor_map.selected is None and screen.route is None
        # The same click on a booth does select it (so the check above is not just the starting state)...
        x, y = point_on(floor_map, "B-01")
        await pilot.click(floor_map, offset=(x, y))
        await pilot.pause()
        assert floor_map.selected == "B-01" and screen.route is not None
        # ...and a click on open floor afterwards leaves that booth and its route as they were.
        route = screen.route
        await pilot.click(floor_map, offset=(1, 1))
        await pilot.pause()
        assert floor_map.selected == "B-01" and screen.route is route


async def test_start_point_can_be_picked_and_a_booth_made_the_start(app):
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_map(pilot)
        screen.show("D-03")
        await pilot.pause()
        first = screen.route
        select = screen.query_one("#map-start", Select)
        entrance = next(i for i, s in enumerate(screen.starts) if s.kind == "entrance")
        select.value = entrance
        await pilot.pause()
        assert screen.start is screen.starts[entrance]
        assert screen.route is not None and screen.route.cells[0] == screen.start.cell != first.cells[0]
        # "s" makes the selected booth the start; the way to another booth then begins at its door.
        screen.floor_map.focus()
        await pilot.press("s")
        await pilot.pause()
        assert screen.start.kind == "booth" and screen.start.name == "D-03"
        assert select.value == -1
        screen.show("K-07")
        await pilot.pause()
        assert screen.route.cells[0] == screen.grid.booth_door("D-03").cell
        await pilot.press("escape")
        assert screen.floor_map.selected is None and screen.route is None


async def test_find_box_selects_by_number_or_name(app):
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_map(pilot)
        await pilot.press("ctrl+f")
        assert isinstance(app.focused, Input)
        await type_text(pilot, "c-10")
        assert screen.floor_map.selected == "C-10"
        app.focused.value = ""
        await type_text(pilot, "thanh quoc")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.floor_map.selected == "K-08"


async def test_show_on_map_from_the_product_detail_pane(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await type_text(pilot, "nuoc mam")
        products = app.screen
        assert isinstance(products, ProductsScreen)
        booth = app.catalog.products[products.table.highlighted].booth_no
        await pilot.press("ctrl+l")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MapScreen)
        assert screen.floor_map.selected == booth
        assert screen.floor_map.results == {"K-07", "K-08"}  # every booth holding a result
        # The button does the same.
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()  # the pane shows the next product (its button may move) before it is clicked
        await pilot.click(products.detail, offset=products.detail.reveal_action("show-on-map"))
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)
        assert app.screen.floor_map.selected == app.catalog.products[products.table.highlighted].booth_no


async def test_show_on_map_from_the_booth_detail_pane(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        booths = app.screen
        await type_text(pilot, "d-03")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)
        assert app.screen.floor_map.selected == "D-03"
        await pilot.press("f3")
        await pilot.pause()
        await pilot.click(booths.detail, offset=booths.detail.reveal_action("show-on-map"))
        await pilot.pause()
        assert isinstance(app.screen, MapScreen) and app.screen.floor_map.selected == "D-03"


async def test_hostile_names_on_the_map_are_shown_literally():
    from ocop_tui.ui.factory import make_app

    app = make_app(hostile_catalog())
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_map(pilot)
        booth = screen.plan.booths[2].booth_no
        screen.show(booth)
        await pilot.pause()
        for zoom in range(len(ZOOMS)):
            screen.floor_map.zoom = zoom
            await pilot.pause()
        text = "".join(
            segment.text for y in range(screen.floor_map.size.height) for segment in screen.floor_map.render_line(y)
        )
        assert "\x1b" not in text and "\u202e" not in text
        legend = str(screen.query_one("#map-legend").render())
        assert "[@click=app.quit]" in legend and "\x1b" not in legend
        await pilot.click(screen.floor_map, offset=point_on(screen.floor_map, screen.floor_map.selected))
        assert app.is_running


# Fair facts ---------------------------------------------------------------------------------------


async def test_facts_screen_shows_the_fair_and_its_charts(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FactsScreen)
        info = str(screen.query_one("#facts-info").render())
        assert "Diễn đàn OCOP" in info and "29/09/2024" in info and "6 gian hàng" in info
        stars = screen.chart("stars")
        assert [(b.value, b.count) for b in stars.bars] == [("5", 3), ("4", 3), ("3", 4)]
        assert stars.title == "Sản phẩm theo hạng sao"


async def test_clicking_a_bar_opens_the_products_it_counts(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        chart = app.screen.chart("stars")
        await pilot.click(chart, offset=(2, 1))  # the first bar: five stars
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProductsScreen)
        assert screen.filters == {"stars": {"5"}}
        assert {app.catalog.products[i].stars for i in screen.table.rows} == {5}
        assert len(screen.table.rows) == 3


async def test_bars_are_chosen_with_the_keyboard_too(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        chart = app.screen.chart("province")
        chart.focus()
        first = chart.bars[0].value
        second = chart.bars[1].value
        await pilot.press("down", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProductsScreen)
        assert screen.filters == {"province": {second}} and second != first
        assert {app.catalog.products[i].province for i in screen.table.rows} == {second}


async def test_zone_and_type_bars_filter_products_by_their_booth(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        chart = app.screen.query_one("#chart-zone", BarChart)
        index = next(i for i, bar in enumerate(chart.bars) if bar.value == "Khu các tỉnh")
        await pilot.click(chart, offset=(2, 1 + index))
        await pilot.pause()
        screen = app.screen
        assert screen.filters == {"zone": {"Khu các tỉnh"}}
        assert {app.catalog.booth_of(i).booth_no for i in screen.table.rows} == {"B-01", "B-02"}


async def test_theme_switch_recolours_the_map_and_legend(app):
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_map(pilot)
        screen.show("K-07")
        await pilot.pause()
        floor_map = screen.floor_map
        before = floor_map.get_component_rich_style("floor-map--zone-0")
        await pilot.press("f8")
        await pilot.pause()
        after = floor_map.get_component_rich_style("floor-map--zone-0")
        assert after != before
        line = floor_map.render_line(floor_map.size.height // 2)  # drawn again, without error
        assert line.cell_length == floor_map.scrollable_content_region.width


async def test_a_click_does_not_move_the_map(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_map(pilot)
        floor_map = screen.floor_map
        for _ in range(len(ZOOMS)):
            await pilot.press("plus")
        await pilot.pause()
        place = screen.plan.booth("K-07")
        x, y = floor_map.scroll_x, floor_map.scroll_y
        floor_map.scroll_to(x + 2, y + 1, animate=False)  # off centre: a recentring would show
        await pilot.pause()
        before = (floor_map.scroll_x, floor_map.scroll_y)
        booth = next(
            (no for row in range(floor_map.size.height) for column in range(floor_map.size.width)
             if (no := floor_map.booth_at(column, row)) is not None),
            None,
        )  # fmt: skip
        assert booth is not None and place is not None
        await pilot.click(floor_map, offset=point_on(floor_map, booth))
        await pilot.pause()
        assert floor_map.selected == booth
        assert (floor_map.scroll_x, floor_map.scroll_y) == before


async def test_rows_far_from_the_first_view_are_drawn_when_scrolled_to(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_map(pilot)
        floor_map = screen.floor_map
        for _ in range(len(ZOOMS)):
            await pilot.press("plus")
        floor_map.scroll_to(0, 0, animate=False)
        await pilot.pause()
        top_line = floor_map.render_line(0).text
        assert top_line.lstrip().startswith("┌")  # the fence's top-left corner
        floor_map.scroll_end(animate=False)
        await pilot.pause()
        last = floor_map.render_line(floor_map.scrollable_content_region.height - 1).text
        assert "▲" in last or "─" in last  # the street side: fence and entrances
