"""Pilot tests across screens: booths, product <-> booth navigation, language, help, palette, themes."""

from __future__ import annotations

from dataclasses import fields

from textual.dom import DOMNode

from ocop_tui.ui.screens.booths import BoothsScreen
from ocop_tui.ui.screens.fair_screen import FairScreen
from ocop_tui.ui.screens.help import HelpScreen
from ocop_tui.ui.screens.map_screen import MapScreen
from ocop_tui.ui.screens.products import ProductsScreen
from ocop_tui.ui.widgets.record_table import cell_plain

from .conftest import shown_names, type_text


async def test_booths_screen_search_and_facets(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, BoothsScreen)
        assert shown_names(app) == ["B-01", "B-02", "C-10", "D-03", "K-07", "K-08"]
        await type_text(pilot, "hop tac xa")
        assert set(shown_names(app)) == {"K-08", "B-01"}
        assert app.screen.result.facet_counts["province"] == {"Kiên Giang": 1, "Trà Vinh": 1}


async def test_product_to_booth_to_product(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await type_text(pilot, "tieu phu quoc")
        await pilot.press("ctrl+g")  # go to the highlighted product's booth
        await pilot.pause()
        assert isinstance(app.screen, BoothsScreen)
        booth = app.catalog.booths[app.screen.table.highlighted]
        assert booth.booth_no == "K-08"
        assert app.catalog.booths[app.screen.detail.booth].booth_no == "K-08"
        # Enter on the booth moves into its product list; Enter there opens the product.
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen.detail
        assert app.focused is detail and detail.cursor_entry is not None and detail.cursor_entry.kind == "item"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ProductsScreen)
        assert app.catalog.products[app.screen.table.highlighted].name == "Tiêu Phú Quốc chín đỏ"
        assert app.catalog.products[app.screen.detail.product].name == "Tiêu Phú Quốc chín đỏ"


async def test_screens_ask_the_app_to_navigate_with_messages_of_ids(app):
    """Screens never call each other: they post FairScreen's requests, which carry ids, never widgets."""
    seen: list[object] = []
    async with app.run_test(size=(140, 40), message_hook=seen.append) as pilot:
        await type_text(pilot, "tieu phu quoc")
        await pilot.press("ctrl+g")  # products -> the booth
        await pilot.pause()
        await pilot.press("ctrl+l")  # booths -> the map
        await pilot.pause()
        assert isinstance(app.screen, MapScreen) and app.screen.floor_map.selected == "K-08"
    requests = [m for m in seen if isinstance(m, (FairScreen.OpenBooth, FairScreen.ShowOnMap))]
    assert FairScreen.OpenBooth("K-08") in requests
    assert FairScreen.ShowOnMap("K-08", frozenset()) in requests
    for request in requests:
        assert not any(isinstance(getattr(request, f.name), DOMNode) for f in fields(request))


async def test_go_to_booth_button_and_back_by_tab_click(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await type_text(pilot, "hoa kieng")
        detail = app.screen.detail
        await pilot.click(detail, offset=detail.reveal_action("go-booth"))
        await pilot.pause()
        assert isinstance(app.screen, BoothsScreen)
        assert app.catalog.booths[app.screen.table.highlighted].booth_no == "D-03"
        await pilot.click("#tab-products")
        await pilot.pause()
        assert isinstance(app.screen, ProductsScreen)
        assert app.screen.search_input.value == "hoa kieng"  # the screen kept its state


async def test_enter_on_product_row_opens_booth_and_same_producer_list(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await type_text(pilot, "khai hoan 40")
        detail = app.screen.detail
        assert [entry.kind for entry in detail.entries].count("item") == 1  # one sibling
        assert detail.focus_items()
        await pilot.press("enter")
        await pilot.pause()
        assert app.catalog.products[app.screen.table.highlighted].name == "Nước mắm Phú Quốc Khải Hoàn 35 độ đạm"
        await pilot.press("enter")  # table focused after reveal: Enter opens the booth
        await pilot.pause()
        assert isinstance(app.screen, BoothsScreen)
        assert app.catalog.booths[app.screen.table.highlighted].booth_no == "K-07"


async def test_click_on_highlighted_row_opens_booth(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await type_text(pilot, "giỏ")
        await pilot.click("#table", offset=(3, 1))
        await pilot.pause()
        assert isinstance(app.screen, BoothsScreen)
        assert app.catalog.booths[app.screen.table.highlighted].booth_no == "C-10"


async def test_language_switch_relabels_everything(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await type_text(pilot, "dua sap")
        assert app.screen.search_input.placeholder.startswith("Tìm sản phẩm")
        await pilot.press("f6")
        await pilot.pause()
        assert app.lang == "en"
        screen = app.screen
        assert screen.search_input.placeholder.startswith("Search products")
        assert "2 of 10 products" in str(screen.query_one("#status").render())
        assert [c.label for c in screen.table._columns][1:3] == ["Product", "Stars"]  # after the ✓ column
        assert cell_plain(screen.render_cell(screen.table.highlighted, "name")) == (
            "Dừa sáp sợi VICOSAP · VICOSAP shredded wax coconut"
        )
        assert "Go to booth B-01" in screen.detail.plain_text
        footer_descriptions = {active.binding.description for active in screen.active_bindings.values()}
        assert "Clear" in footer_descriptions
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen.search_input.placeholder.startswith("Search booths")
        await pilot.press("f6")
        await pilot.pause()
        assert app.screen.search_input.placeholder.startswith("Tìm gian hàng")


async def test_lang_en_from_start(mini):
    from ocop_tui.ui.factory import make_app

    app = make_app(mini, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert "10 of 10 products" in str(app.screen.query_one("#status").render())


async def test_help_lists_keys_and_syntax(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        for expected in ("Xoá lọc", "Tới gian hàng", "gian:K-07", "sao:4+", "★★★"):
            assert expected in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ProductsScreen)


async def test_question_mark_opens_help_outside_the_search_box(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await type_text(pilot, "?")  # in the search box it is a character
        assert app.screen.search_input.value == "?"
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_theme_key_cycles_including_high_contrast(app):
    async with app.run_test(size=(120, 36)) as pilot:
        seen = set()
        for _ in range(3):
            await pilot.press("f8")
            await pilot.pause()
            seen.add(app.theme)
        assert "ocop-high-contrast" in seen


async def test_palette_goes_to_booth_and_product_code(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "d-03")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BoothsScreen)
        assert app.catalog.booths[app.screen.table.highlighted].booth_no == "D-03"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "84-002")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProductsScreen)
        assert app.catalog.products[app.screen.table.highlighted].code == "84-002-1-3-2022"


async def test_narrow_screen_hides_facets_behind_f7(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        facets = app.screen.facet_panel
        assert app.screen.has_class("-narrow")
        assert facets.region.width == 0
        await pilot.press("f7")
        await pilot.pause()
        assert facets.region.width > 0 and app.focused is facets
        await pilot.press("space")
        await pilot.pause()
        assert sum(len(v) for v in app.screen.filters.values()) == 1
