"""The kiosk's store watching, without Textual: when to reload, what a reload gives, what is logged."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from ocop_tui.files import FileStamp
from ocop_tui.kiosk.watch import StoreWatch
from ocop_tui.store.errors import StoreInvalid, StoreUnreadable
from ocop_tui.store.writing import encode
from tests.unit.importdata import PRODUCTS, tables

NEW_PRODUCT = {"code": "KG-MAM-009", "name": "Mắm cá sặc", "group": "food", "stars": 5, "booth_no": "A-01",
               "producer": "HTX Thông Hòa", "province": "Kiên Giang"}  # fmt: skip


def replace_file(path: Path, data: bytes) -> None:
    temp = path.with_name("incoming.tmp")
    temp.write_bytes(data)
    os.replace(temp, path)


@pytest.fixture
def watch(tmp_path: Path) -> StoreWatch:
    path = tmp_path / "fair.json"
    path.write_bytes(encode(tables()))
    return StoreWatch(path, logging.getLogger("test.kiosk.watch"), FileStamp.of(path))


def test_nothing_to_do_while_the_file_is_the_one_shown(watch: StoreWatch) -> None:
    assert watch.due() is None and not watch.loading


def test_a_replaced_file_is_loaded_once(watch: StoreWatch, caplog: pytest.LogCaptureFixture) -> None:
    replace_file(watch.path, encode(tables(products=[*PRODUCTS, NEW_PRODUCT])))
    stamp = watch.due()
    assert stamp is not None and watch.loading
    assert watch.due() is None  # a load is under way
    catalog, loaded = watch.load()
    with caplog.at_level(logging.INFO):
        watch.loaded(loaded, catalog)
    assert len(catalog.products) == 4 and not watch.loading and watch.shown == loaded
    assert "new store loaded: 3 booths, 4 products" in caplog.text
    assert watch.due() is None


def test_a_broken_file_is_logged_once_and_the_data_kept(watch: StoreWatch, caplog: pytest.LogCaptureFixture) -> None:
    broken = tables(products=[{**NEW_PRODUCT, "stars": 9}])
    replace_file(watch.path, encode(broken))
    stamp = watch.due()
    assert stamp is not None
    with pytest.raises(StoreInvalid) as caught:
        watch.load()
    with caplog.at_level(logging.ERROR):
        watch.failed(stamp, caught.value)
    assert "new store ignored" in caplog.text and "products 1 stars: must be 3..5" in caplog.text
    assert watch.due() is None  # not tried again until the file changes once more
    replace_file(watch.path, b"{")
    stamp = watch.due()
    assert stamp is not None
    with pytest.raises(StoreUnreadable):
        watch.load()


def test_a_missing_file_is_logged_once(watch: StoreWatch, caplog: pytest.LogCaptureFixture) -> None:
    watch.path.unlink()
    with caplog.at_level(logging.WARNING):
        assert watch.due() is None
        assert watch.due() is None
    assert caplog.text.count("cannot be read") == 1 and watch.missing
