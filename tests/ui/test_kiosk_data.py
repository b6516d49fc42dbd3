"""Kiosk and the store file: read only, never written; a new version is picked up, a broken one ignored."""

from __future__ import annotations

import os
from pathlib import Path

from ocop_tui.store.writing import encode
from ocop_tui.ui.kiosk.home import HomeScreen
from tests.unit.importdata import PRODUCTS, tables

from .conftest import type_text
from .kiosk_support import PIN, FakeClock, kiosk_on_file, settle

NEW_PRODUCT = {"code": "KG-MAM-009", "name": "Mắm cá sặc Kiên Giang", "group": "food", "stars": 5,
               "booth_no": "A-01", "producer": "HTX Nông nghiệp Thông Hòa", "province": "Kiên Giang"}  # fmt: skip


def make_store(tmp_path: Path) -> Path:
    folder = tmp_path / "store"
    folder.mkdir()
    path = folder / "fair.json"
    path.write_bytes(encode(tables()))
    return path


def replace_file(path: Path, data: bytes) -> None:
    """What an organiser's copy does: a new file put in place of the old one."""
    temp = path.with_name("incoming.tmp")
    temp.write_bytes(data)
    os.replace(temp, path)


def snapshot(path: Path) -> tuple[bytes, int, list[str]]:
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(p.name for p in path.parent.iterdir())


def log_text(tmp_path: Path) -> str:
    return (tmp_path / "logs" / "kiosk.log").read_text(encoding="utf-8")


def shown_counts(app) -> str:
    home = app.screen
    assert isinstance(home, HomeScreen)
    return str(home.query_one("#home-info").render())


async def test_a_kiosk_session_never_writes_the_store(tmp_path):
    path = make_store(tmp_path)
    before = snapshot(path)
    clock = FakeClock()
    app = kiosk_on_file(path, tmp_path, clock, idle_seconds=5)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f2")
        await type_text(pilot, "nuoc mam")
        await pilot.press("enter", "enter")  # open the product's booth
        await pilot.press("f4", "f5", "f3")
        await type_text(pilot, "zzz")
        await pilot.press("ctrl+q")
        await type_text(pilot, "0000")
        await pilot.press("enter", "escape")
        app.check_store()
        clock.advance(20)
        app.tick()
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+q")
        await type_text(pilot, PIN)
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 0
    assert snapshot(path) == before  # same bytes, same mtime, no lock, backup or temp file beside it
    assert (tmp_path / "logs" / "kiosk.log").is_file()


async def test_a_new_store_shows_at_once_when_nobody_is_using_the_kiosk(tmp_path):
    path = make_store(tmp_path)
    app = kiosk_on_file(path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "3 sản phẩm" in shown_counts(app)
        replace_file(path, encode(tables(products=[*PRODUCTS, NEW_PRODUCT])))
        app.check_store()
        await settle(pilot)
        assert len(app.catalog.products) == 4
        assert "4 sản phẩm" in shown_counts(app)
        assert "new store loaded" in log_text(tmp_path)
    assert sorted(p.name for p in path.parent.iterdir()) == ["fair.json"]  # nothing written next to the store


async def test_a_new_store_waits_for_the_visitor_to_leave(tmp_path):
    path = make_store(tmp_path)
    clock = FakeClock()
    app = kiosk_on_file(path, tmp_path, clock, idle_seconds=5)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f2")
        await type_text(pilot, "mam ca sac")
        products = app.screen
        assert products.result.total == 0
        replace_file(path, encode(tables(products=[*PRODUCTS, NEW_PRODUCT])))
        app.check_store()
        await settle(pilot)
        assert app.screen is products and products.search_input.value == "mam ca sac"  # not pulled away
        assert len(app.catalog.products) == 3 and app.pending_catalog is not None
        clock.advance(15)
        app.tick()
        await settle(pilot)
        assert len(app.catalog.products) == 4 and app.pending_catalog is None
        assert "4 sản phẩm" in shown_counts(app)
        await pilot.press("f2")
        await type_text(pilot, "mam ca sac")
        assert [app.catalog.products[i].name for i in app.screen.table.rows] == [NEW_PRODUCT["name"]]
        # The detail pane and the other screens read the new catalogue too.
        assert app.screen.detail.product == app.screen.table.rows[0]
        await pilot.press("f5")
        await pilot.pause()
        assert app.screen.MODE == "facts" and app.screen.counts["stars"]["5"] == 2


def first_row_text(app) -> str:
    return "".join(segment.text for segment in app.screen.table.render_line(1))


async def test_rows_drawn_before_a_new_store_are_drawn_anew(tmp_path):
    """The table keeps drawn rows by record number; after the swap those numbers mean the new records."""
    path = make_store(tmp_path)
    clock = FakeClock()
    app = kiosk_on_file(path, tmp_path, clock, idle_seconds=5)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        before = first_row_text(app)
        assert not before.lstrip().startswith("Mới: ")
        renamed = [{**product, "name": "Mới: " + product["name"]} for product in PRODUCTS]
        replace_file(path, encode(tables(products=renamed)))
        app.check_store()
        await settle(pilot)
        clock.advance(15)
        app.tick()
        await settle(pilot)
        assert app.pending_catalog is None and app.catalog.products[0].name.startswith("Mới: ")
        await pilot.press("f2")
        await settle(pilot)
        assert first_row_text(app).lstrip().startswith("Mới: ")


async def test_a_broken_store_is_ignored_and_logged(tmp_path):
    path = make_store(tmp_path)
    app = kiosk_on_file(path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        old = app.catalog
        replace_file(path, b'{"fair": {"1": {"name": "half a fi')
        app.check_store()
        await settle(pilot)
        assert app.catalog is old and app.pending_catalog is None and app.is_running
        assert "3 sản phẩm" in shown_counts(app)
        assert "new store ignored" in log_text(tmp_path) and "not valid JSON" in log_text(tmp_path)
        size = len(log_text(tmp_path))
        app.check_store()  # the same broken file is not loaded or logged again
        await settle(pilot)
        assert len(log_text(tmp_path)) == size

        bad = tables(products=[*PRODUCTS, {**NEW_PRODUCT, "booth_no": "Z-99"}])  # a booth that does not exist
        replace_file(path, encode(bad))
        app.check_store()
        await settle(pilot)
        assert app.catalog is old
        assert "products 4 booth_no" in log_text(tmp_path)  # the record and field, for the organiser

        path.unlink()  # mid-copy, for a moment there is no file at all
        app.check_store()
        await settle(pilot)
        assert app.catalog is old and app.is_running

        replace_file(path, encode(tables(products=[*PRODUCTS, NEW_PRODUCT])))  # fixed: picked up
        app.check_store()
        await settle(pilot)
        assert len(app.catalog.products) == 4
