"""The kiosk's live reload against a store path that points at something else than a store: a FIFO, a symlink
to /dev/zero, a read that hangs. The kiosk keeps running and answering keys, logs what it refused, picks up a
valid file afterwards and exits on the PIN.

The FIFO and /dev/zero cases run the kiosk's own timer with a short reload interval (0.5 s), in real time."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from ocop_tui.files import FileStamp
from ocop_tui.kiosk.watch import Outcome, check_store
from ocop_tui.store.writing import encode
from ocop_tui.ui.kiosk.home import HomeScreen
from tests.unit.importdata import PRODUCTS, tables

from .conftest import type_text
from .kiosk_support import PIN, kiosk_on_file, settle
from .test_kiosk_data import NEW_PRODUCT, log_text, make_store, replace_file


async def wait_until(pilot: Pilot, condition: Callable[[], bool], what: str, tries: int = 1200) -> None:
    """Let the kiosk's timers and workers run, a short step at a time, until `condition` holds (at most about
    a minute: a bound for a loaded machine, not a measurement)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"never happened: {what}")


async def leave_with_the_pin(pilot: Pilot) -> None:
    await pilot.press("ctrl+q")
    await type_text(pilot, PIN)
    await pilot.press("enter")
    await pilot.pause()


def fifo_in_place(path: Path) -> str:
    fifo = path.with_name(".f")
    os.mkfifo(fifo)
    os.replace(fifo, path)  # `mkfifo .f && mv .f store.json`
    return "is a FIFO, not a regular file"


def dev_zero_in_place(path: Path) -> str:
    link = path.with_name(".z")
    link.symlink_to("/dev/zero")
    os.replace(link, path)
    return "is a device, not a regular file"


@pytest.mark.parametrize(
    "put_in_place",
    [
        pytest.param(fifo_in_place, marks=pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")),
        pytest.param(
            dev_zero_in_place, marks=pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
        ),
    ],
)
async def test_a_store_replaced_by_something_unreadable_is_refused_and_logged(tmp_path, put_in_place):
    path = make_store(tmp_path)
    app = kiosk_on_file(path, tmp_path, reload_seconds=0.5)
    async with app.run_test(size=(120, 36)) as pilot:
        old = app.catalog
        said = put_in_place(path)
        await wait_until(pilot, lambda: said in log_text(tmp_path), "the refusal logged")
        assert "new store ignored, keeping the data shown" in log_text(tmp_path)
        assert app.is_running and app.catalog is old and app.pending_catalog is None
        await pilot.press("f2")  # the screen still answers
        await type_text(pilot, "tieu")
        assert [app.catalog.products[i].name for i in app.screen.table.rows] == ["Tiêu Phú Quốc"]
        await pilot.press("f9")
        await settle(pilot)
        app.in_use = False  # the visitor has gone: a new store shows at once

        replace_file(path, encode(tables(products=[*PRODUCTS, NEW_PRODUCT])))  # fixed: picked up
        await wait_until(pilot, lambda: len(app.catalog.products) == 4, "the valid file loaded")
        assert isinstance(app.screen, HomeScreen) and "new store loaded" in log_text(tmp_path)
        await leave_with_the_pin(pilot)
    assert app.return_code == 0


async def test_a_check_that_hangs_is_given_up_and_the_kiosk_goes_on(tmp_path):
    path = make_store(tmp_path)
    app = kiosk_on_file(path, tmp_path)
    release = threading.Event()

    looks: list[Path] = []

    def hanging_once(store: Path, shown: FileStamp | None) -> Outcome:
        looks.append(store)
        if len(looks) == 1:
            release.wait(60)  # a stat or read on a network share that went away
            return Outcome(shown)
        return check_store(store, shown)  # the share is back (the kiosk's own timer may look meanwhile)

    try:
        async with app.run_test(size=(120, 36)) as pilot:
            watch = app.store_watch
            assert watch is not None
            watch.check, watch.timeout = hanging_once, 0.2
            app.check_store()
            await settle(pilot)  # the wait ends at the timeout, not when the check does
            assert "no answer after 0.2 s" in log_text(tmp_path) and not watch.checking
            watch.timeout = 60.0  # real loads from here on, on a machine that may be busy
            await pilot.press("f3")  # the screen answers meanwhile
            await pilot.pause()
            assert app.screen.MODE == "booths"
            await pilot.press("f9")
            await settle(pilot)
            app.in_use = False

            replace_file(path, encode(tables(products=[*PRODUCTS, NEW_PRODUCT])))
            app.check_store()  # a new check starts although the hung one still runs
            await settle(pilot)
            await wait_until(pilot, lambda: len(app.catalog.products) == 4, "the new file loaded")
            assert not release.is_set()  # the first look is still stuck in its thread
            await leave_with_the_pin(pilot)
        assert app.return_code == 0
    finally:
        release.set()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
async def test_fifos_in_place_of_the_kiosk_s_own_logs_never_hold_the_screen(tmp_path):
    """Opening a FIFO to write waits for a reader: the kiosk log and the missed-search log are only written
    when they are regular files."""
    path = make_store(tmp_path)
    logs = tmp_path / "logs"
    logs.mkdir()
    os.mkfifo(logs / "kiosk.log")
    os.mkfifo(logs / "missed-searches.jsonl")
    app = kiosk_on_file(path, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f2")
        await type_text(pilot, "khong co gi")
        assert app.miss_log.record("khong co gi", "products") is False  # not written, and no wait
        await leave_with_the_pin(pilot)
    assert app.return_code == 0
