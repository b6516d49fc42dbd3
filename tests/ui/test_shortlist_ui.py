"""The shortlist in the app: marking from every screen, the Shortlist screen (remove, clear with confirmation,
named lists), the walking plan drawn on the map, and the kiosk's reset clearing the list."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from ocop_tui.shortlist.storage import SavedShortlists
from ocop_tui.ui.factory import make_app
from ocop_tui.ui.kiosk.crash import LOG_FILE
from ocop_tui.ui.screens.confirm import ConfirmDialog
from ocop_tui.ui.screens.help import help_text
from ocop_tui.ui.screens.named_lists import NamedListsScreen
from ocop_tui.ui.widgets.record_table import RecordTable

from .conftest import type_text
from .kiosk_support import FakeClock, kiosk, settle


def status_of(screen, selector: str = "#status") -> str:
    return str(screen.query_one(selector).render())


def footer_descriptions(screen) -> list[str]:
    return [active.binding.description for active in screen.active_bindings.values()]


async def test_space_marks_the_highlighted_product_and_repaints_only_its_row(app, monkeypatch):
    async with app.run_test(size=(120, 36)) as pilot:
        await type_text(pilot, "nuoc mam")
        await pilot.press("enter")  # into the results
        screen = app.screen
        table = screen.table
        assert table.has_focus
        record = table.highlighted
        code = app.catalog.products[record].code
        layouts: list[bool] = []
        lines: list[int] = []
        original_refresh = RecordTable.refresh

        def spy_refresh(self, *regions, layout=False, **kwargs):
            layouts.append(layout)
            return original_refresh(self, *regions, layout=layout, **kwargs)

        monkeypatch.setattr(RecordTable, "refresh", spy_refresh)
        original_lines = RecordTable.refresh_lines_on_view

        def spy_lines(self, on_view):
            on_view = list(on_view)
            lines.extend(on_view)
            return original_lines(self, on_view)

        monkeypatch.setattr(RecordTable, "refresh_lines_on_view", spy_lines)
        await pilot.press("space")
        await pilot.pause()
        assert app.shortlist.has_product(code)
        assert lines == [table.cursor_row - int(table.scroll_y) + 1]  # that row only (line 0 is the header)
        assert not any(layouts)  # and no relayout
        monkeypatch.undo()
        assert "đã chọn 1" in status_of(screen)
        assert any(d.startswith("Chọn/bỏ (1)") for d in footer_descriptions(screen))
        assert "Chọn/bỏ (1)" in {key.description for key in screen.query("FooterKey")}  # on screen, in place
        assert "✓" in table.render_row(table.cursor_row + 1 - int(table.scroll_y)).text
        await pilot.press("space")
        await pilot.pause()
        assert not app.shortlist.has_product(code)
        assert "đã chọn" not in status_of(screen)
        assert "✓" not in table.render_row(table.cursor_row + 1 - int(table.scroll_y)).text


async def test_a_click_on_the_mark_column_marks_that_row(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        table = app.screen.table
        second = table.rows[1]
        await pilot.click("#table", offset=(0, 2))  # line 2: the second row; column 0: the ✓ column
        await pilot.pause()
        assert app.shortlist.has_product(app.catalog.products[second].code)
        assert table.highlighted == second
        await pilot.click("#table", offset=(0, 0))  # the ✓ header does not sort
        await pilot.pause()
        assert app.screen.sort is None


async def test_marking_booths_and_a_booth_on_the_map(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await type_text(pilot, "K-08")
        await pilot.press("enter", "space")
        await pilot.pause()
        assert app.shortlist.has_booth("K-08")
        assert "1 shortlisted" in status_of(app.screen).replace("đã chọn 1", "1 shortlisted")
        await pilot.press("f4")
        await pilot.pause()
        app.screen.show("B-01")
        app.screen.floor_map.focus()
        await pilot.press("space")
        await pilot.pause()
        assert app.shortlist.has_booth("B-01")
        assert "đã chọn 2" in status_of(app.screen, "#map-status")
        floor_map = app.screen.floor_map
        assert floor_map.shortlisted == {"B-01", "K-08"}  # marked on the map too (a ✓ in the corner)
        assert "✓" in "".join(floor_map.render_line(y).text for y in range(floor_map.size.height))
        await pilot.press("space")
        await pilot.pause()
        assert not app.shortlist.has_booth("B-01")
        # Marks are shared: back on the booths screen, K-08's row still shows its mark.
        await pilot.press("f3")
        await pilot.pause()
        table = app.screen.table
        assert "✓" in table.render_row(1).text


async def test_the_walking_plan_is_drawn_on_the_map(app):
    for booth in ("D-03", "K-07", "B-01"):
        app.shortlist.add("booth", booth)
    app.shortlist.add("product", "83-001-1-4-2022")  # at B-02
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("ctrl+w")
        await pilot.pause()
        screen = app.screen
        assert screen.MODE == "map" and screen.walking
        walk = screen.walk
        assert walk is not None and sorted(walk.order) == ["B-01", "B-02", "D-03", "K-07"]
        floor_map = screen.floor_map
        assert floor_map.stops == walk.order
        assert floor_map.route is not None and floor_map.route.cells == walk.cells()
        text = str(screen.query_one("#map-directions").render())
        assert "Đường đi qua danh sách" in text and f"khoảng {walk.total_metres} m" in text
        for number, booth in enumerate(walk.order, start=1):
            assert f"{number}. Gian {booth}" in text
        # The stops are numbered on the map itself.
        drawn = "\n".join(floor_map.render_line(y).text for y in range(floor_map.size.height))
        assert all(str(n) in drawn for n in range(1, len(walk.order) + 1))
        # Escape goes back to the map without the plan.
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.walking and floor_map.stops == () and floor_map.route is None


async def test_the_shortlist_screen_removes_and_clears_with_confirmation(app):
    for kind, key in (("product", "91-001-1-5-2022"), ("product", "91-002-1-5-2021"), ("booth", "K-08"),
                      ("product", "84-001-1-5-2023")):  # fmt: skip
        app.shortlist.add(kind, key)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        screen = app.screen
        assert screen.MODE == "shortlist"
        items = screen.query_one("#shortlist-items", OptionList)
        lines = [str(items.get_option_at_index(i).prompt) for i in range(items.option_count)]
        # By booth number: B-01, K-07, K-08 (marked itself), each with its products, stars and price.
        assert lines[0].startswith("  B-01 HTX Dừa sáp Cầu Kè")
        assert "Dừa sáp sợi VICOSAP · 5★ · 65.000 ₫/hộp 250g" in lines[1]
        assert lines[2].startswith("  K-07 Công ty TNHH Nước mắm Khải Hoàn · 0912 345 678")
        assert lines[4].startswith("✓ K-08")
        assert "3 gian hàng · 3 sản phẩm" in str(screen.query_one("#shortlist-summary").render())
        items.highlighted = 1  # the coconut product
        await pilot.press("delete")
        await pilot.pause()
        assert not app.shortlist.has_product("84-001-1-5-2023")
        assert items.option_count == 4  # B-01 went with its only product
        items.highlighted = 2  # K-08's heading: the booth and what was collected there
        await pilot.press("delete")
        await pilot.pause()
        assert not app.shortlist.has_booth("K-08") and not app.shortlist.has_product("91-002-1-5-2021")
        assert len(app.shortlist) == 1
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # the focused answer is "no"
        await pilot.pause()
        assert len(app.shortlist) == 1
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert len(app.shortlist) == 0
        assert screen.query_one("#shortlist-empty").display


async def test_named_lists_are_saved_opened_renamed_and_deleted(app, tmp_path):
    app.shortlist_book = book = SavedShortlists(tmp_path / "lists")
    app.shortlist.add("product", "91-001-1-5-2022")
    app.shortlist.add("booth", "D-03")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NamedListsScreen)
        await type_text(pilot, "Nuoc mam")
        await pilot.press("enter")
        await pilot.pause()
        assert [info.name for info in book.listing()] == ["Nuoc mam"]
        assert "Nuoc mam" in str(dialog.query_one("#lists-saved", OptionList).get_option_at_index(0).prompt)
        # Rename the picked list to what the box says.
        name_box = dialog.query_one("#lists-name", Input)
        name_box.value = "Nước mắm Phú Quốc"
        await pilot.click("#lists-rename")
        await pilot.pause()
        assert [info.name for info in book.listing()] == ["Nước mắm Phú Quốc"]
        # Open it after the list on screen changed.
        app.shortlist.clear()
        await pilot.click("#lists-open")
        await pilot.pause()
        assert app.screen.MODE == "shortlist"
        assert app.shortlist.has_product("91-001-1-5-2022") and app.shortlist.has_booth("D-03")
        assert "Nước mắm Phú Quốc" in str(app.screen.query_one("#shortlist-summary").render())
        # Delete it.
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#lists-delete")
        await pilot.pause()
        assert book.listing() == []
        # A bad name is said in the dialog, not a crash.
        app.screen.query_one("#lists-name", Input).value = "   "
        await pilot.click("#lists-save")
        await pilot.pause()
        assert "1 đến 80 ký tự" in str(app.screen.query_one("#lists-message").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.MODE == "shortlist"


async def test_the_kiosk_keeps_no_lists_and_its_reset_clears_the_shortlist(mini, tmp_path):
    clock = FakeClock()
    app = kiosk(mini, tmp_path, clock, idle_seconds=5)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f10")
        await pilot.pause()
        assert app.screen.MODE == "shortlist"
        assert app.shortlist_book is None
        assert "ctrl+s" not in app.screen.active_bindings  # no named lists on a public laptop
        app.shortlist.add("product", "91-001-1-5-2022")
        app.shortlist.add("booth", "K-08")
        app.shortlist_changed()
        clock.advance(5)
        app.tick()
        await pilot.pause()
        text = str(app.screen.query_one("#idle-shortlist").render())
        assert "(2 mục) sẽ bị xoá" in text
        clock.advance(10)
        app.tick()
        await settle(pilot)
        assert len(app.shortlist) == 0
        assert "đã chọn" not in str(app.screen.query_one("#home-products").render())
    log = (tmp_path / "logs" / LOG_FILE).read_text(encoding="utf-8")
    about_it = [line for line in log.splitlines() if "shortlist" in line]
    assert len(about_it) == 1 and about_it[0].endswith("shortlist cleared: 2 items")  # a count, nothing else
    assert "91-001" not in log and "K-08" not in log


async def test_a_fresh_app_has_an_empty_shortlist_and_one_list_for_every_screen(mini):
    app = make_app(mini)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter", "space")
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        assert len(app.shortlist) == 1
        assert app.screen.query_one("#shortlist-items", OptionList).option_count == 2


async def test_hostile_data_on_the_shortlist_and_its_qr_code_is_shown_literally(hostile):
    app = make_app(hostile)
    for product in hostile.products:
        app.shortlist.add("product", product.code)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        items = app.screen.query_one("#shortlist-items", OptionList)
        shown = "\n".join(str(items.get_option_at_index(i).prompt) for i in range(items.option_count))
        assert "[@click=app.quit]Free gift[/] exhibitor" in shown and "[/]" in shown
        assert "\x1b" not in shown and "\u202e" not in shown
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.is_running and app.screen.pages
        assert all("\x1b" not in page for page in app.screen.pages)
        await pilot.click("#qr-code")
        await pilot.press("escape", "f9", "ctrl+w")
        await pilot.pause()
        assert app.is_running and app.screen.MODE == "map"


async def test_the_help_explains_collecting_planning_and_taking_away(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        text = help_text(app.screen, app.tr).plain
        assert "Mang theo: danh sách, đường đi, mã QR" in text
        for key, description in (("ctrl+r", "Xoá hết"), ("ctrl+w", "Đường đi"), ("ctrl+t", "Mã QR"),
                                 ("ctrl+s", "Lưu/mở"), ("f9", "Danh sách")):  # fmt: skip
            assert any(line.startswith(f"{key} ") or line.startswith(f"^{key[-1]} ") for line in text.splitlines())
            assert description in text
        await pilot.press("f6")
        await pilot.pause()
        assert "Take it with you: shortlist, walk, QR code" in help_text(app.screen, app.tr).plain
