"""The kiosk's store watching, without Textual: when to reload, what a reload gives, what is logged, and that a
file which is not a regular one, or a check that hangs, never holds the kiosk up."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

import pytest

from ocop_tui.files import FileStamp
from ocop_tui.kiosk.watch import MAX_STUCK_CHECKS, Outcome, StoreWatch
from ocop_tui.search.catalog import Catalog
from ocop_tui.store.writing import encode
from tests.unit.importdata import PRODUCTS, tables

NEW_PRODUCT = {"code": "KG-MAM-009", "name": "Mắm cá sặc", "group": "food", "stars": 5, "booth_no": "A-01",
               "producer": "HTX Thông Hòa", "province": "Kiên Giang"}  # fmt: skip
CHECK_THREAD = "kiosk-store-check"


def replace_file(path: Path, data: bytes) -> None:
    temp = path.with_name("incoming.tmp")
    temp.write_bytes(data)
    os.replace(temp, path)


def check(watch: StoreWatch) -> Catalog | None:
    """One check as the app runs it: started, waited for (in a test, with a generous bound), finished."""
    future = watch.start_check()
    assert future is not None and watch.checking
    return watch.finished(future.result(timeout=60))


@pytest.fixture
def watch(tmp_path: Path) -> StoreWatch:
    path = tmp_path / "fair.json"
    path.write_bytes(encode(tables()))
    return StoreWatch(path, logging.getLogger("test.kiosk.watch"), FileStamp.of(path))


def test_nothing_to_do_while_the_file_is_the_one_shown(watch: StoreWatch) -> None:
    shown = watch.shown
    assert check(watch) is None and not watch.checking and watch.shown == shown


def test_a_replaced_file_is_loaded_once(watch: StoreWatch, caplog: pytest.LogCaptureFixture) -> None:
    replace_file(watch.path, encode(tables(products=[*PRODUCTS, NEW_PRODUCT])))
    future = watch.start_check()
    assert future is not None
    assert watch.start_check() is None  # a check is under way
    with caplog.at_level(logging.INFO):
        catalog = watch.finished(future.result(timeout=60))
    assert catalog is not None and len(catalog.products) == 4 and not watch.checking
    assert watch.shown == FileStamp.of(watch.path)
    assert "new store loaded: 3 booths, 4 products" in caplog.text
    assert check(watch) is None


def test_a_broken_file_is_logged_once_and_the_data_kept(watch: StoreWatch, caplog: pytest.LogCaptureFixture) -> None:
    replace_file(watch.path, encode(tables(products=[{**NEW_PRODUCT, "stars": 9}])))
    with caplog.at_level(logging.ERROR):
        assert check(watch) is None
    assert "new store ignored" in caplog.text and "products 1 stars: must be 3..5" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.ERROR):
        assert check(watch) is None  # not tried again until the file changes once more
    assert caplog.text == ""
    replace_file(watch.path, b"{")
    with caplog.at_level(logging.ERROR):
        assert check(watch) is None
    assert "not valid JSON" in caplog.text


def test_a_missing_file_is_logged_once(watch: StoreWatch, caplog: pytest.LogCaptureFixture) -> None:
    watch.path.unlink()
    with caplog.at_level(logging.WARNING):
        assert check(watch) is None
        assert check(watch) is None
    assert caplog.text.count("cannot be read") == 1 and watch.missing


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_fifo_in_place_of_the_store_is_refused_not_waited_on(
    watch: StoreWatch, caplog: pytest.LogCaptureFixture
) -> None:
    fifo = watch.path.with_name(".f")
    os.mkfifo(fifo)
    os.replace(fifo, watch.path)  # `mkfifo .f && mv .f store.json`
    with caplog.at_level(logging.ERROR):
        assert check(watch) is None  # answered at once: nobody ever writes into this FIFO
    assert "new store ignored" in caplog.text and "is a FIFO, not a regular file" in caplog.text
    replace_file(watch.path, encode(tables(products=[*PRODUCTS, NEW_PRODUCT])))
    catalog = check(watch)
    assert catalog is not None and len(catalog.products) == 4


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_symlink_to_dev_zero_is_refused(watch: StoreWatch, caplog: pytest.LogCaptureFixture) -> None:
    link = watch.path.with_name(".z")
    link.symlink_to("/dev/zero")
    os.replace(link, watch.path)
    with caplog.at_level(logging.ERROR):
        assert check(watch) is None
    assert "is a device, not a regular file" in caplog.text


def _check_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == CHECK_THREAD]


def test_a_check_that_hangs_is_given_up_and_never_holds_the_exit(
    watch: StoreWatch, caplog: pytest.LogCaptureFixture
) -> None:
    release = threading.Event()

    def hanging(path: Path, shown: FileStamp | None) -> Outcome:
        release.wait(60)  # a read from a network share that went away
        return Outcome(shown)

    watch.check = hanging
    futures = []
    for _ in range(MAX_STUCK_CHECKS):
        future = watch.start_check()
        assert future is not None
        futures.append(future)
        assert all(thread.daemon for thread in _check_threads())  # the interpreter's exit does not wait for them
        with caplog.at_level(logging.ERROR):
            watch.give_up()  # what the app does once the timeout has passed
        future.cancel()
    assert "no answer after 120 s" in caplog.text and not watch.checking
    assert watch.stuck() == MAX_STUCK_CHECKS
    assert watch.start_check() is None  # no more threads while these still hang
    release.set()
    for thread in _check_threads():
        thread.join(timeout=60)
    assert watch.stuck() == 0
    assert all(future.cancelled() for future in futures)  # a late answer is dropped, not delivered
    watch.check = lambda path, shown: Outcome(shown)
    assert check(watch) is None and not watch.checking
