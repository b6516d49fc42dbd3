"""Pilot tests of the Products screen: search, facets, sort, empty state, details."""

from __future__ import annotations

import unicodedata

import pytest

from ocop_tui.ui.factory import make_app
from ocop_tui.ui.screens.products import ProductsScreen
from ocop_tui.ui.widgets.facet_panel import FacetPanel

from .conftest import shown_names, type_text

FISH_SAUCES = {
    "Nước mắm Phú Quốc Khải Hoàn 40 độ đạm",
    "Nước mắm Phú Quốc Khải Hoàn 35 độ đạm",
}
# Pepper from Phú Quốc whose producer is a fish sauce cooperative matches every word too, ranked last.
PHU_QUOC_MATCHES = FISH_SAUCES | {"Tiêu Phú Quốc chín đỏ"}


async def test_search_box_has_focus_at_start(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProductsScreen)
        assert app.focused is app.screen.search_input
        assert len(shown_names(app)) == 10


@pytest.mark.parametrize("query", ["nuoc mam phu quoc", "NƯỚC MẮM PHÚ QUỐC", "Nước mắm Phú Quốc", "nuoc MAM phu QUOC"])
async def test_typing_with_or_without_accents_finds_the_same(app, query):
    async with app.run_test(size=(120, 36)) as pilot:
        await type_text(pilot, query)
        names = shown_names(app)
        assert set(names) == PHU_QUOC_MATCHES
        assert set(names[:2]) == FISH_SAUCES


async def test_nfd_input_finds_the_same(app):
    async with app.run_test(size=(120, 36)) as pilot:
        app.screen.search_input.value = unicodedata.normalize("NFD", "Nước mắm Phú Quốc")
        await pilot.pause()
        assert set(shown_names(app)) == PHU_QUOC_MATCHES


async def test_dac_biet_finds_description(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await type_text(pilot, "dac biet")
        assert shown_names(app) == ["Nước mắm Phú Quốc Khải Hoàn 40 độ đạm"]


async def test_several_words_narrow(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await type_text(pilot, "nuoc mam")
        assert len(shown_names(app)) == 4  # three fish sauces, and pepper from a fish sauce cooperative
        await type_text(pilot, " 43")
        assert shown_names(app) == ["Nước mắm Thanh Quốc 43 độ đạm"]


async def test_ranking_puts_name_prefix_first(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await type_text(pilot, "dua")
        names = shown_names(app)
        assert names[0] == "Dừa sáp sợi VICOSAP"  # name starts with the word
        assert set(names[1:]) == {"Kẹo dừa Mỏ Cày Thanh Long", "Mật hoa dừa Cầu Kè"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("booth:K-08", {"Nước mắm Thanh Quốc 43 độ đạm", "Tiêu Phú Quốc chín đỏ"}),
        ("gian:k-08 sao:5", {"Nước mắm Thanh Quốc 43 độ đạm"}),
        ("stars:5", {"Nước mắm Phú Quốc Khải Hoàn 40 độ đạm", "Nước mắm Thanh Quốc 43 độ đạm",
                     "Dừa sáp sợi VICOSAP"}),
        ('province:"tra vinh"', {"Dừa sáp sợi VICOSAP", "Mật hoa dừa Cầu Kè"}),
        ("group:drinks", {"Rượu sen Tháp Mười"}),
    ],
)  # fmt: skip
async def test_field_prefixes(app, query, expected):
    async with app.run_test(size=(120, 36)) as pilot:
        app.screen.search_input.value = query
        await pilot.pause()
        assert set(shown_names(app)) == expected


def facet_line(panel: FacetPanel, facet: str, value: str) -> int:
    return next(i for i, line in enumerate(panel._lines) if line.facet == facet and line.value == value)


async def click_facet(pilot, app, facet: str, value: str) -> None:
    panel = app.screen.facet_panel
    line = facet_line(panel, facet, value)
    panel.scroll_to(y=line, animate=False, immediate=True)
    await pilot.pause()
    await pilot.click("#facets", offset=(3, line - int(panel.scroll_y)))
    await pilot.pause()


@pytest.mark.parametrize(
    ("facet", "value", "count"),
    [("province", "Kiên Giang", 4), ("group", "food", 7), ("stars", "5", 3),
     ("zone", "Khu các tỉnh", 3), ("exhibitor_type", "cooperative", 4)],
)  # fmt: skip
async def test_each_facet_filters_and_counts(app, facet, value, count):
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await click_facet(pilot, app, facet, value)
        assert len(shown_names(app)) == count
        assert app.screen.filters[facet] == {value}
        # the facet's own counts still offer the other values
        panel = app.screen.facet_panel
        others = [line for line in panel._lines if line.facet == facet and line.value != value]
        assert others and all(line.count > 0 for line in others)


async def test_facets_combine_and_counts_follow_search(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await type_text(pilot, "nuoc mam")
        counts = app.screen.result.facet_counts
        assert counts["stars"] == {"5": 2, "4": 1, "3": 1}
        await click_facet(pilot, app, "stars", "5")
        await click_facet(pilot, app, "stars", "4")  # several values of one facet: either
        assert len(shown_names(app)) == 3
        await click_facet(pilot, app, "stars", "4")  # toggled off again
        assert len(shown_names(app)) == 2


async def test_clear_all_filters_key(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await type_text(pilot, "nuoc")
        await click_facet(pilot, app, "stars", "5")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.screen.filters == {}
        assert app.screen.search_input.value == ""
        assert len(shown_names(app)) == 10


@pytest.mark.parametrize(
    ("column", "first", "last"),
    [
        ("name", "Dừa sáp sợi VICOSAP", "Tiêu Phú Quốc chín đỏ"),
        ("stars", "Giỏ lục bình Thới Long", "Nước mắm Thanh Quốc 43 độ đạm"),
        ("province", "Kẹo dừa Mỏ Cày Thanh Long", "Mật hoa dừa Cầu Kè"),
        ("price", "Kẹo dừa Mỏ Cày Thanh Long", "Mật hoa dừa Cầu Kè"),
        ("booth", "Dừa sáp sợi VICOSAP", "Tiêu Phú Quốc chín đỏ"),
        ("group", "Dừa sáp sợi VICOSAP", "Hoa kiểng Sa Đéc"),
    ],
)
async def test_sorting_each_column_by_clicking_its_header(app, column, first, last):
    # Wide enough for every column; stars start high to low (their first direction), the others A to Z.
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()
        table = app.screen.table
        x = 0
        for col, width in table._layout(table.scrollable_content_region.width):
            if col.key == column:
                break
            x += width + 1
        await pilot.click("#table", offset=(x + 1, 0))
        await pilot.pause()
        descending_first = column == "stars"
        if descending_first:
            await pilot.click("#table", offset=(x + 1, 0))  # the second click turns the stars round: ascending
            await pilot.pause()
        names = shown_names(app)
        assert app.screen.sort == (column, False)
        assert (names[0], names[-1]) == (first, last)
        await pilot.click("#table", offset=(x + 1, 0))  # again: the other way
        await pilot.pause()
        assert app.screen.sort == (column, True)
        if column != "price":  # a product without a price stays last both ways
            assert shown_names(app)[0] == last


async def test_typing_in_the_table_continues_the_search(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await type_text(pilot, "nuoc 4")
        await pilot.press("enter")
        assert app.focused is app.screen.table
        await type_text(pilot, "3")
        assert app.screen.search_input.value == "nuoc 43"
        assert shown_names(app) == ["Nước mắm Thanh Quốc 43 độ đạm"]
        # Space is the one key the table keeps: it marks the row for the shortlist.
        app.screen.table.focus()
        await pilot.press("space")
        await pilot.pause()
        assert app.screen.search_input.value == "nuoc 43"
        assert app.shortlist.has_product("91-002-1-5-2021")


async def test_sort_keys_cycle_and_reverse(app):
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        app.screen.table.focus()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.sort == ("name", False)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.sort == ("stars", True)  # stars start with the most (▼)
        assert app.catalog.products[app.screen.table.rows[0]].stars == 5
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert app.screen.sort == ("stars", False)
        assert app.catalog.products[app.screen.table.rows[0]].stars == 3


async def test_empty_result_says_so_and_offers_to_clear(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await click_facet(pilot, app, "province", "Trà Vinh")
        assert app.focused is app.screen.facet_panel
        await type_text(pilot, "zzzz")  # typing on the facets goes on with the search
        assert app.screen.table.display is False
        empty = app.screen.query_one("#empty-text")
        text = str(empty.render())
        assert "Không tìm thấy sản phẩm nào" in text
        assert "zzzz" in text and "Trà Vinh" in text
        await pilot.click("#empty-clear")
        await pilot.pause()
        assert len(shown_names(app)) == 10
        assert app.screen.filters == {}


async def test_detail_pane_follows_cursor(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await type_text(pilot, "thanh quoc")
        detail = app.screen.detail
        assert app.catalog.products[detail.product].name == "Nước mắm Thanh Quốc 43 độ đạm"
        info = detail.plain_text
        for expected in ("91-002-1-5-2021", "K-08", "HTX Nước mắm Thanh Quốc", "Khu ẩm thực nước mắm Phú Quốc"):
            assert expected in info
        await pilot.press("down")
        await pilot.pause()
        assert app.catalog.products[detail.product].name == "Tiêu Phú Quốc chín đỏ"


async def test_status_line_uses_vietnamese_number_format():
    from ocop_tui.search.catalog import Catalog

    from .fixtures import BOOTHS, FAIR, PRODUCTS

    many = [p.__class__(**{**{f: getattr(p, f) for f in p.__slots__}, "code": f"{p.code}-{n}"})
            for n in range(120) for p in PRODUCTS]  # fmt: skip
    app = make_app(Catalog.from_records(FAIR, BOOTHS, many))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert "1.200 trên 1.200 sản phẩm" in str(app.screen.query_one("#status").render())
        await pilot.press("f6")
        await pilot.pause()
        assert "1,200 of 1,200 products" in str(app.screen.query_one("#status").render())


async def test_a_theme_change_recolours_the_rows_already_drawn(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        table = app.screen.table
        before = [segment.style.bgcolor for segment in table.render_line(1)]
        await pilot.press("f8")  # the next theme
        await pilot.pause()
        after = [segment.style.bgcolor for segment in table.render_line(1)]
        assert before != after


async def test_rows_shared_by_two_searches_are_drawn_right_in_both(app):
    """Drawn rows are kept by record: a record that moves to another position keeps its own text."""
    async with app.run_test(size=(120, 36)) as pilot:
        await type_text(pilot, "nuoc mam")
        await pilot.pause()
        await type_text(pilot, " phu quoc")
        await pilot.pause()
        table = app.screen.table
        for position, record in enumerate(table.rows[:10]):
            drawn = "".join(segment.text for segment in table.render_line(position + 1))
            assert app.catalog.products[record].name[:12] in drawn


async def test_the_detail_pane_fits_each_product_it_shows(app):
    """Each product is drawn without laying the screen out, and what the pane holds (its lines, scroll range)
    is already what a full layout of the screen makes of it."""
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("enter")  # into the results
        screen = app.screen
        detail = screen.detail
        layouts: list[object] = []
        screen.screen_layout_refresh_signal.subscribe(detail, layouts.append)

        def geometry() -> tuple[object, ...]:
            return (detail.lines_text, detail.virtual_size, detail.max_scroll_y)

        scrollable_seen = fitting_seen = False
        for _ in range(len(app.catalog.products) - 1):
            await pilot.pause()
            assert not layouts, "a new product in the pane laid the screen out"
            shown = geometry()
            assert detail.virtual_size.height == len(detail.lines_text)
            assert all(len(line) <= detail.line_width for line in detail.lines_text)
            screen.refresh(layout=True)  # what a fresh layout makes of the same content
            await pilot.pause()
            assert geometry() == shown
            layouts.clear()
            scrollable_seen |= detail.max_scroll_y > 0
            fitting_seen |= detail.max_scroll_y == 0
            await pilot.press("down")
        assert scrollable_seen and fitting_seen, "the mini fair has both long and short details at this size"
