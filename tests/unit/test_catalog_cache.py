"""The catalogue cache: used only for the very same store file and program, ignored when damaged or foreign,
never needed, never written next to the store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ocop_tui.search import cache
from ocop_tui.search.catalog import open_catalog
from ocop_tui.store.reading import load_store
from ocop_tui.store.writing import encode
from tests.unit.importdata import PRODUCTS, tables

NEW_PRODUCT = {"code": "KG-MAM-009", "name": "Mắm cá sặc", "group": "food", "stars": 5, "booth_no": "A-01",
               "producer": "HTX Thông Hòa", "province": "Kiên Giang"}  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    entries = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(entries))
    return entries


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store" / "fair.json"
    path.parent.mkdir()
    path.write_bytes(encode(tables()))
    return path


def save(path: Path) -> None:
    """What open_catalog schedules after a fresh read, done at once."""
    loaded = load_store(path, reachability=False)
    catalog, _ = open_catalog(path)
    key = cache.Key.of(path)
    folder = cache.cache_dir()
    assert folder is not None
    assert cache.write_entry(folder, key, loaded.tables, catalog.product_index.default_order) is not None


def cached(path: Path) -> cache.Cached | None:
    return cache.load_cached(path)[0]


def test_the_same_file_is_read_from_the_cache(folder: Path, store: Path) -> None:
    assert cached(store) is None
    save(store)
    entry = cached(store)
    assert entry is not None
    fresh = load_store(store)
    assert entry.tables.products == fresh.tables.products and entry.tables.booths == fresh.tables.booths
    assert entry.tables.fair == fresh.tables.fair
    catalog, stamp = open_catalog(store)
    assert catalog.known_order == entry.name_order and len(catalog.products) == 3
    assert stamp == cache.Key.of(store).stamp
    assert sorted(p.name for p in store.parent.iterdir()) == ["fair.json"]  # nothing beside the store
    assert oct(folder.stat().st_mode & 0o777) == "0o700"


def test_another_version_of_the_store_is_a_miss(folder: Path, store: Path) -> None:
    save(store)
    replacement = store.with_name("incoming.tmp")
    replacement.write_bytes(encode(tables(products=[*PRODUCTS, NEW_PRODUCT])))
    os.replace(replacement, store)
    assert cached(store) is None
    catalog, _ = open_catalog(store)
    assert len(catalog.products) == 4


def test_another_program_version_is_a_miss(folder: Path, store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save(store)
    monkeypatch.setattr(cache, "__version__", "99.0")
    assert cached(store) is None


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "garbage"])
def test_a_damaged_entry_is_ignored(folder: Path, store: Path, damage: str) -> None:
    save(store)
    entry = cache.entry_path(folder, cache.Key.of(store))
    data = bytearray(entry.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "flip":
        data[-10] ^= 0xFF
    elif damage == "empty":
        data = bytearray()
    else:
        data = bytearray(b"\xff" * 100)
    entry.write_bytes(bytes(data))
    assert cached(store) is None
    assert len(open_catalog(store)[0].products) == 3


def test_an_entry_others_could_change_is_ignored(folder: Path, store: Path) -> None:
    save(store)
    entry = cache.entry_path(folder, cache.Key.of(store))
    entry.chmod(0o666)
    assert cached(store) is None


def test_the_cache_can_be_turned_off(tmp_path: Path, store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    assert cache.cache_dir() is None
    assert cache.load_cached(store) == (None, None, None)
    assert len(open_catalog(store)[0].products) == 3


def test_an_unwritable_cache_folder_is_no_error(tmp_path: Path, store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocked / "cache"))
    loaded = load_store(store)
    assert cache.write_entry(blocked / "cache", cache.Key.of(store), loaded.tables, [0, 1, 2]) is None
    assert len(open_catalog(store)[0].products) == 3


def test_only_the_newest_entries_are_kept(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 2)
    for number in range(4):
        path = tmp_path / f"store-{number}.json"
        path.write_bytes(encode(tables()))
        save(path)
    assert len(list(folder.glob("*.bin"))) == 2


def test_records_read_from_the_cache_share_repeated_values(folder: Path, store: Path) -> None:
    save(store)
    entry = cached(store)
    assert entry is not None
    first: dict[str, str] = {}
    for product in entry.tables.products:
        assert first.setdefault(product.province, product.province) is product.province


def test_the_second_start_of_the_app_reads_the_cache_the_first_one_wrote(
    folder: Path, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from click.testing import CliRunner

    from ocop_tui.cli.main import main
    from ocop_tui.ui.app import OcopApp

    monkeypatch.setattr(cache, "SAVE_DELAY_SECONDS", 0)
    shown: list[tuple[int, str]] = []

    def run_without_a_terminal(app: OcopApp) -> None:
        shown.append((len(app.catalog.products), app.catalog.products[0].name))
        for thread in threading.enumerate():
            if thread.name == "catalogue-cache":
                thread.join()  # the first start's write, finished before "the user quits"

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the second start must not read and check the store")

    monkeypatch.setattr(OcopApp, "run", run_without_a_terminal)
    monkeypatch.setattr("ocop_tui.cli.main.require_terminal", lambda lang: None)
    first = CliRunner().invoke(main, ["--data", str(store)])
    assert first.exit_code == 0, first.output
    monkeypatch.setattr("ocop_tui.search.catalog.load_store", no_reading)
    second = CliRunner().invoke(main, ["--data", str(store)])
    assert second.exit_code == 0, second.output
    assert shown[0] == shown[1] and shown[0][0] == 3


def test_a_fifo_in_place_of_an_entry_is_a_miss_not_a_hang(folder: Path, store: Path) -> None:
    """Someone (or something) left a named pipe where the entry goes: opening it for reading would wait for a
    writer for ever; the start reads the store instead."""
    key = cache.Key.of(store)
    cache_folder = cache.cache_dir()
    assert cache_folder is not None
    cache_folder.mkdir(parents=True, exist_ok=True)
    os.mkfifo(cache.entry_path(cache_folder, key))
    assert cache.read_entry(cache_folder, key) is None
    catalog, _ = open_catalog(store)
    assert len(catalog.products) == 3
