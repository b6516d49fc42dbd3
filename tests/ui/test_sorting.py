"""Sorting from where staff are, the search box: ctrl+s / ctrl+d work there and its footer shows them; the sort
cycles only over the columns shown at this width; ▲ and ▼ mean what the help says."""

from __future__ import annotations

from textual.widgets import Footer

from ocop_tui.ui.screens.help import help_text
from ocop_tui.ui.widgets.search_input import SearchInput

from .conftest import type_text


def header(app) -> str:
    return app.screen.table.render_line(0).text


async def test_sort_keys_work_from_the_search_box_and_show_in_its_footer(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(app.focused, SearchInput)
        footer_keys = [key.key for key in screen.query_one(Footer).query("FooterKey")]  # type: ignore[attr-defined]
        assert "ctrl+s" in footer_keys and footer_keys.index("ctrl+d") == footer_keys.index("ctrl+s") + 1
        await type_text(pilot, "nuoc mam")
        await pilot.press("home")  # the cursor at the start: ctrl+d would delete the "n" in a plain Input
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.sort == ("name", False)
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert screen.sort == ("name", True)
        assert screen.search_input.value == "nuoc mam"  # the text is left alone
        assert isinstance(app.focused, SearchInput)  # and the typist stays in the box


async def test_the_sort_cycles_over_the_columns_shown_then_back_to_the_search_order(app):
    async with app.run_test(size=(80, 24)) as pilot:  # the group column is not shown at 80 columns
        await pilot.pause()
        screen = app.screen
        shown = [c.key for c in screen.table.shown_columns if c.sortable]  # not the shortlist's ✓
        assert "group" not in shown
        seen = []
        for _ in range(len(shown)):
            await pilot.press("ctrl+s")
            await pilot.pause()
            seen.append(screen.sort[0])
        assert seen == shown
        await pilot.press("ctrl+s")  # after the last column: the search's own order again
        await pilot.pause()
        assert screen.sort is None


async def test_the_marks_mean_what_the_help_says(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("ctrl+s", "ctrl+s")  # name, then stars: the most stars first
        await pilot.pause()
        assert screen.sort == ("stars", True)
        assert "Sao ▼" in header(app)
        stars = [app.catalog.products[i].stars for i in screen.table.rows]
        assert stars == sorted(stars, reverse=True)
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert "Sao ▲" in header(app)
        stars = [app.catalog.products[i].stars for i in screen.table.rows]
        assert stars == sorted(stars)  # ▲: fewest first, as the help says
        text = help_text(screen, app.tr).plain
        assert "▲ tăng dần" in text and "▼ giảm dần" in text and "ít sao trước" in text
