"""The map at the sizes people use: it fills its view, labels never touch, the zoom label follows every zoom, the
legend (F7) toggles visibly, the finder keeps its line of text, the route is drawn whole, the hint is the map's."""

from __future__ import annotations

import re

import pytest
from textual.widgets import Input

from ocop_tui.ui.factory import make_app
from ocop_tui.ui.screens.map_screen import MapScreen
from ocop_tui.ui.widgets.map_scale import FIT_STEPS, ZOOMS, map_size
from ocop_tui.ui.widgets.plan_drawing import ROUTE

from .test_snapshots import demo_catalog

SIZES = [(40, 12), (60, 20), (80, 24), (120, 36), (160, 48), (200, 60)]


async def open_map(pilot, booth: str | None = None) -> MapScreen:
    await pilot.press("f4")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MapScreen)
    if booth:
        screen.show(booth)
        await pilot.pause()
    return screen


def map_lines(screen: MapScreen) -> list[str]:
    floor_map = screen.floor_map
    return [floor_map.render_line(y).text for y in range(floor_map.scrollable_content_region.height)]


def status(screen: MapScreen) -> str:
    return str(screen.query_one("#map-status").render())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_map_fills_its_view_at_its_default_zoom(size):
    app = make_app(demo_catalog())
    async with app.run_test(size=size) as pilot:
        screen = await open_map(pilot)
        floor_map = screen.floor_map
        view = floor_map.scrollable_content_region.size
        drawn = floor_map.map_size
        assert (floor_map.auto_fit and drawn.width <= view.width and drawn.height <= view.height) or size == (40, 12)
        # No larger step on either axis would still fit (within the shape kept by the fit).
        sx, sy = floor_map.scale
        bigger_x = next((s for s in FIT_STEPS if s > sx), None)
        if bigger_x is not None and bigger_x <= sy * 3:
            assert map_size(screen.plan, (bigger_x, sy)).width > view.width
        bigger_y = next((s for s in FIT_STEPS if s > sy), None)
        if bigger_y is not None and sx >= bigger_y:
            assert map_size(screen.plan, (sx, bigger_y)).height > view.height


@pytest.mark.parametrize("size", [(120, 36), (160, 48), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_booth_labels_never_touch(size):
    app = make_app(demo_catalog())
    async with app.run_test(size=size) as pilot:
        screen = await open_map(pilot)
        for _ in range(len(ZOOMS)):  # every zoom level from the closest out
            await pilot.press("plus")
        for level in reversed(range(len(ZOOMS))):
            screen.floor_map.zoom = level
            await pilot.pause()
            for line in map_lines(screen):
                # Two booth numbers side by side ("S-10S-11") never run together.
                assert not re.search(r"[A-Z]-?\d+[A-Z]-?\d", line), (level, line)


async def test_the_zoom_label_shows_the_zoom_after_every_key():
    app = make_app(demo_catalog())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_map(pilot)
        floor_map = screen.floor_map
        assert "vừa khung" in status(screen)
        await pilot.press("plus")
        await pilot.pause()
        assert f"Thu phóng {floor_map.level + 1}/{len(ZOOMS)}" in status(screen)
        await pilot.press("plus")
        await pilot.pause()
        assert f"Thu phóng {floor_map.level + 1}/{len(ZOOMS)}" in status(screen)
        await pilot.press("minus")
        await pilot.pause()
        assert f"Thu phóng {floor_map.level + 1}/{len(ZOOMS)}" in status(screen)
        await pilot.press("0")
        await pilot.pause()
        assert "vừa khung" in status(screen) and floor_map.level is None


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_legend_toggles_visibly_at_every_size(size):
    app = make_app(demo_catalog())
    async with app.run_test(size=size) as pilot:
        screen = await open_map(pilot, "K-007")
        legend = screen.query_one("#map-legend")
        area = screen.query_one("#map-area").region
        assert not legend.display
        await pilot.press("f7")
        await pilot.pause()
        assert legend.display and legend.region.area > 0
        assert area.contains_region(legend.region)  # over the map, in view
        assert screen.floor_map.size == screen.query_one("#map-area").size  # the map keeps its room under it
        await pilot.press("f7")
        await pilot.pause()
        assert not legend.display


async def test_the_finder_and_the_route_work_at_80x24():
    app = make_app(demo_catalog())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_map(pilot)
        finder = screen.query_one("#map-find", Input)
        assert finder.content_region.height >= 1  # its line of text, not only its border
        await pilot.press("ctrl+f")
        for key in "K-007":
            await pilot.press(key)
        await pilot.pause()
        assert screen.floor_map.selected == "K-007" and screen.route is not None
        # The route is one unbroken line of route characters, from "you are here" to the booth.
        cells = {
            (x, y)
            for y, line in enumerate(map_lines(screen))
            for x, char in enumerate(line)
            if char in set(ROUTE.values())
        }
        assert len(cells) > 5
        seen, todo = set(), [next(iter(cells))]
        while todo:
            x, y = todo.pop()
            if (x, y) in seen:
                continue
            seen.add((x, y))
            todo += [p for p in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)) if p in cells]
        assert seen == cells


async def test_the_side_panel_hint_is_the_maps():
    app = make_app(demo_catalog())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_map(pilot)
        booth = screen.query_one("#map-booth")
        directions = str(screen.query_one("#map-directions").render())
        assert "Bấm vào một gian hàng" in directions
        assert not booth.display  # not the tables' "select a row"
        screen.show("K-007")
        await pilot.pause()
        assert booth.display
