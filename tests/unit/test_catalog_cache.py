"""The validated-catalogue cache: it returns exactly what checking the store returns, and only for that very file.

Every way an entry can be wrong (another version of the store, other code, torn, damaged, foreign, a
folder that cannot be read or written) must end in the store being read and checked as if there were no
cache, without an error.
"""

from __future__ import annotations

import os
import stat
import threading
import unicodedata
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ocop_tui.cli.main import main
from ocop_tui.demo.generator import generate_fair
from ocop_tui.search import cache as catalog_cache
from ocop_tui.search.cache import (
    CACHE_ENV,
    MAX_ENTRIES,
    StoreIdentity,
    cache_dir,
    entry_path,
    load_checked,
    save_later,
    write_entry,
)
from ocop_tui.search.catalog import Catalog
from ocop_tui.store.errors import StoreInvalid
from ocop_tui.store.reading import load_store
from ocop_tui.store.writing import encode
from tests.unit.test_store import product_doc, valid_tables


def demo_tables(products: int = 120, booths: int = 20) -> dict[str, Any]:
    tables = generate_fair(products=products, booths=booths, seed=7)
    first_booth = next(iter(tables["booths"].values()))
    first_booth["organiser_note"] = {"hall": 2, "power": True}  # an extra field, kept as is
    for name in ("x", "y", "w", "h"):
        first_booth.pop(name, None)  # a booth without a position: a warning, not an error
    first_product = next(iter(tables["products"].values()))
    first_product["barcode"] = "8936012345678"
    return tables


def fresh(path: Path) -> catalog_cache.Loaded:
    return load_checked(path, use_cache=False)


def cached(path: Path, folder: Path) -> catalog_cache.Loaded:
    """Load once (writing the entry, as the app does), then again: the second load must come from the cache."""
    first = load_checked(path, folder=folder)
    assert not first.from_cache
    write_entry(first.identity, first.tables, Catalog.from_tables(first.tables).product_index.default_order, folder)  # type: ignore[arg-type]
    return load_checked(path, folder=folder)


def assert_same(a: catalog_cache.Loaded, b: catalog_cache.Loaded) -> None:
    assert a.tables.fair == b.tables.fair
    assert a.tables.fair.extra == b.tables.fair.extra and a.tables.fair.plan == b.tables.fair.plan  # type: ignore[union-attr]
    assert a.tables.booths == b.tables.booths
    assert [x.extra for x in a.tables.booths] == [x.extra for x in b.tables.booths]
    assert a.tables.products == b.tables.products
    assert [x.extra for x in a.tables.products] == [x.extra for x in b.tables.products]
    assert a.tables.problems == b.tables.problems
    assert a.stamp == b.stamp


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "fair.json"
    path.write_bytes(encode(demo_tables()))
    return path


# Round trips -----------------------------------------------------------------------------------------


def test_a_cached_load_equals_a_checked_load(store: Path, folder: Path) -> None:
    again = cached(store, folder)
    assert again.from_cache
    checked = fresh(store)
    assert_same(again, checked)
    assert checked.tables.warnings, "the fixture has a warning, so warnings are part of the comparison"
    assert any(b.position is None for b in again.tables.booths) and any(b.position for b in again.tables.booths)
    assert all(isinstance(b.position, tuple) for b in again.tables.booths if b.position is not None)
    catalog = Catalog.from_tables(again.tables, known_order=again.name_order)
    assert catalog.product_index.default_order == Catalog.from_tables(checked.tables).product_index.default_order
    assert (
        catalog.search_products("nuoc mam").ids == Catalog.from_tables(checked.tables).search_products("nuoc mam").ids
    )


def test_the_shipped_demo_fair_round_trips(folder: Path) -> None:
    from ocop_tui.paths import demo_store_path

    assert_same(cached(demo_store_path(), folder), fresh(demo_store_path()))


printable = st.text(alphabet=st.characters(categories=("L", "M", "N", "P", "S", "Zs")), min_size=1, max_size=40).map(
    lambda text: unicodedata.normalize("NFC", text).strip()
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    names=st.lists(printable, min_size=1, max_size=8),
    extra=st.dictionaries(
        st.sampled_from(["ghi_chu", "barcode", "note"]),
        st.one_of(printable, st.integers(-(2**63), 2**63 - 1), st.none(), st.booleans()),
    ),
)
def test_any_valid_store_round_trips(
    tmp_path_factory: pytest.TempPathFactory, names: list[str], extra: dict[str, Any]
) -> None:
    base = tmp_path_factory.mktemp("round-trip")
    tables = valid_tables()
    tables["products"] = {
        str(i + 1): product_doc(f"91-{i:03d}-2024", name=name, description=name, **extra)
        for i, name in enumerate(names)
    }
    path = base / "fair.json"
    path.write_bytes(encode(tables))
    try:
        checked = fresh(path)
    except StoreInvalid:
        assume(False)  # text the contract refuses is not what this property is about
        raise
    assert_same(cached(path, base / "cache"), checked)


# Only this very file, only this code -------------------------------------------------------------------


def test_a_changed_store_is_read_again(store: Path, folder: Path) -> None:
    cached(store, folder)
    tables = demo_tables()
    first = next(iter(tables["products"].values()))
    first["name"] = first["name"][:-1] + ("X" if first["name"][-1] != "X" else "Y")  # same size
    before = store.stat()
    store.write_bytes(encode(tables))
    os.utime(store, ns=(before.st_atime_ns, before.st_mtime_ns))  # even with the old time put back
    loaded = load_checked(store, folder=folder)
    assert not loaded.from_cache
    assert first["name"] in {p.name for p in loaded.tables.products}


def test_a_replaced_store_is_read_again(store: Path, folder: Path, tmp_path: Path) -> None:
    cached(store, folder)
    other = tmp_path / "other.json"
    other.write_bytes(store.read_bytes())
    os.replace(other, store)  # same bytes, another file: as every write of the store does
    assert not load_checked(store, folder=folder).from_cache


def test_another_path_to_the_same_file_shares_the_entry(store: Path, folder: Path, tmp_path: Path) -> None:
    cached(store, folder)
    link = tmp_path / "link.json"
    link.symlink_to(store)
    assert load_checked(link, folder=folder).from_cache


def test_entries_from_other_code_are_ignored(store: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cached(store, folder)
    monkeypatch.setattr(catalog_cache, "_code_hash", "0" * 24)
    assert not load_checked(store, folder=folder).from_cache


def test_code_without_readable_sources_never_shares_entries(store: Path, folder: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """A frozen or zipped install has no .py files to hash: no crash, and no entry another process could use."""
    import ocop_tui.store.contract

    cached(store, folder)
    monkeypatch.setattr(ocop_tui.store.contract, "__file__", str(folder / "gone" / "records.py"))
    monkeypatch.setattr(catalog_cache, "_code_hash", None)
    assert not load_checked(store, folder=folder).from_cache  # the earlier entry is from "other code"
    assert cached(store, folder).from_cache  # within this process the cache still works
    assert catalog_cache.code_hash().startswith("unhashable-")


def _entry(store: Path, folder: Path) -> Path:
    cached(store, folder)
    return entry_path(folder, StoreIdentity.of(store))


def _flip_last_payload_byte(data: bytes) -> bytes:
    return data[:-2] + bytes([data[-2] ^ 0x01]) + data[-1:]


def _header(data: bytes, **changes: Any) -> bytes:
    head, _, body = data.partition(b"\n")
    header = orjson.loads(head) | changes
    return orjson.dumps(header) + b"\n" + body


DAMAGE = {
    "empty": lambda data: b"",
    "torn": lambda data: data[: len(data) // 2],
    "one bit flipped": _flip_last_payload_byte,
    "a code changed, still JSON": lambda data: data.replace(b'"code":["', b'"code":["X', 1),
    "no header line": lambda data: data.replace(b"\n", b" ", 1),
    "header not JSON": lambda data: b"{nope\n" + data.partition(b"\n")[2],
    "header not an object": lambda data: b"[1, 2]\n" + data.partition(b"\n")[2],
    "another format": lambda data: _header(data, format=99),
    "another store": lambda data: _header(data, store={"path": "/elsewhere"}),
    "payload swapped, digest fixed": lambda data: _header(
        data.partition(b"\n")[0] + b"\n[1]", digest=catalog_cache._digest(b"[1]")
    ),
    "binary junk": lambda data: os.urandom(4096),
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_entry_is_a_miss(store: Path, folder: Path, damage: str) -> None:
    entry = _entry(store, folder)
    entry.write_bytes(DAMAGE[damage](entry.read_bytes()))
    loaded = load_checked(store, folder=folder)
    assert not loaded.from_cache
    assert_same(loaded, fresh(store))


def test_an_entry_with_inconsistent_columns_is_a_miss(store: Path, folder: Path) -> None:
    entry = _entry(store, folder)
    head, _, body = entry.read_bytes().partition(b"\n")
    payload = orjson.loads(body)
    names = payload["products"]["name"]
    (names["index"] if isinstance(names, dict) else names).pop()  # one short: the digest is right, the content not
    body = orjson.dumps(payload)
    digest = catalog_cache._digest(body)
    entry.write_bytes(orjson.dumps(orjson.loads(head) | {"digest": digest}) + b"\n" + body)
    assert not load_checked(store, folder=folder).from_cache


def test_an_entry_that_is_a_folder_is_a_miss_and_writing_fails_quietly(store: Path, folder: Path) -> None:
    entry = entry_path(folder, StoreIdentity.of(store))
    entry.mkdir(parents=True)
    loaded = load_checked(store, folder=folder)
    assert not loaded.from_cache
    assert write_entry(loaded.identity, loaded.tables, [], folder) is None  # type: ignore[arg-type]
    assert [p.name for p in folder.iterdir()] == [entry.name], "no temp file left behind"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only folders")
def test_a_read_only_cache_folder_is_ignored(store: Path, folder: Path) -> None:
    folder.mkdir()
    folder.chmod(0o500)
    try:
        loaded = load_checked(store, folder=folder)
        assert write_entry(loaded.identity, loaded.tables, [], folder) is None  # type: ignore[arg-type]
    finally:
        folder.chmod(0o700)


def test_a_cache_folder_under_a_file_is_ignored(store: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    folder = blocker / "cache"
    loaded = load_checked(store, folder=folder)
    assert not loaded.from_cache
    assert write_entry(loaded.identity, loaded.tables, [], folder) is None  # type: ignore[arg-type]
    assert not load_checked(store, folder=folder).from_cache


# What is written, and when -------------------------------------------------------------------------------


def test_entries_are_private_to_the_user(store: Path, folder: Path) -> None:
    entry = _entry(store, folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600


def test_an_entry_others_can_write_is_not_trusted(store: Path, folder: Path) -> None:
    entry = _entry(store, folder)
    entry.chmod(0o666)
    assert not load_checked(store, folder=folder).from_cache
    entry.chmod(0o600)
    assert load_checked(store, folder=folder).from_cache


def test_temporary_files_of_a_killed_writer_are_removed_later(store: Path, folder: Path) -> None:
    entry = _entry(store, folder)
    stale, fresh_temp = folder / ".entry-stale.tmp", folder / ".entry-busy.tmp"
    stale.write_bytes(b"half")
    fresh_temp.write_bytes(b"being written")
    os.utime(stale, (1, 1))
    loaded = load_checked(store, folder=folder, use_cache=False)
    write_entry(StoreIdentity.of(store), loaded.tables, [], folder)
    assert not stale.exists() and fresh_temp.exists() and entry.exists()


def test_an_invalid_store_raises_as_before_and_writes_nothing(tmp_path: Path, folder: Path) -> None:
    tables = valid_tables()
    tables["products"]["1"]["stars"] = 9
    path = tmp_path / "bad.json"
    path.write_bytes(encode(tables))
    with pytest.raises(StoreInvalid):
        load_checked(path, folder=folder)
    assert not folder.exists()


def test_save_later_writes_the_entry_once(store: Path, folder: Path) -> None:
    loaded = load_checked(store, folder=folder)
    order = Catalog.from_tables(loaded.tables).product_index.default_order
    thread = save_later(loaded, order, delay=0)
    assert thread is not None
    thread.join()
    again = load_checked(store, folder=folder)
    assert again.from_cache and again.name_order == order
    assert save_later(again, order) is None, "an entry just read is not written again"


def test_a_cancelled_save_writes_nothing(store: Path, folder: Path) -> None:
    loaded = load_checked(store, folder=folder)
    timer = save_later(loaded, Catalog.from_tables(loaded.tables).product_index.default_order, delay=60)
    assert timer is not None
    timer.cancel()  # the app ended before the write began
    timer.join()
    assert not load_checked(store, folder=folder).from_cache


def test_a_store_changed_while_it_was_read_is_not_cached(store: Path, folder: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    real_load = catalog_cache.load_store

    def load_then_touch(path: Path) -> Any:
        loaded = real_load(path)
        os.utime(path, ns=(1, 1))  # another version of the file by the time the check is done
        return loaded

    monkeypatch.setattr(catalog_cache, "load_store", load_then_touch)
    loaded = load_checked(store, folder=folder)
    assert loaded.identity is None
    assert save_later(loaded, []) is None


def test_old_entries_are_pruned(tmp_path: Path, folder: Path) -> None:
    loaded = None
    for i in range(MAX_ENTRIES + 3):
        path = tmp_path / f"fair-{i}.json"
        path.write_bytes(encode(valid_tables()))
        loaded = load_checked(path, folder=folder)
        assert write_entry(loaded.identity, loaded.tables, [0, 1], folder) is not None  # type: ignore[arg-type]
        os.utime(entry_path(folder, loaded.identity), ns=(i * 10**9, i * 10**9))  # type: ignore[arg-type]
    entries = sorted(folder.glob("*.json"))
    assert len(entries) == MAX_ENTRIES
    assert load_checked(tmp_path / f"fair-{MAX_ENTRIES + 2}.json", folder=folder).from_cache
    assert not load_checked(tmp_path / "fair-0.json", folder=folder).from_cache


def test_the_cache_can_be_turned_off(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, "off")
    assert cache_dir() is None
    loaded = load_checked(store)
    assert not loaded.from_cache and loaded.folder is None
    assert save_later(loaded, []) is None


def test_the_default_folder_is_the_users_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "ocop-tui" / "catalogues"


def test_the_store_is_never_touched(store: Path, folder: Path) -> None:
    before = (store.read_bytes(), store.stat().st_mtime_ns, sorted(p.name for p in store.parent.iterdir()))
    cached(store, folder)
    load_store(store)
    after = (store.read_bytes(), store.stat().st_mtime_ns, sorted(p.name for p in store.parent.iterdir()))
    assert before[:2] == after[:2]
    assert set(after[2]) - set(before[2]) == {"cache"}, "nothing but the (test's) cache folder appears"


# The app's start ---------------------------------------------------------------------------------------


def test_the_second_start_of_the_app_reads_the_cache_the_first_one_wrote(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ocop_tui.ui.app import OcopApp

    monkeypatch.setattr(catalog_cache, "SAVE_DELAY_SECONDS", 0)
    shown: list[tuple[int, str]] = []

    def run_without_a_terminal(app: OcopApp) -> None:
        shown.append((len(app.catalog.products), app.catalog.products[0].name))
        for thread in threading.enumerate():
            if thread.name == "catalogue-cache":
                thread.join()  # the first start's write, finished before "the user quits"

    def no_checking(tables: Any) -> Any:
        raise AssertionError("the second start must not read and check the store")

    monkeypatch.setattr(OcopApp, "run", run_without_a_terminal)
    monkeypatch.setattr("ocop_tui.cli.main.require_terminal", lambda lang: None)
    first = CliRunner().invoke(main, ["--data", str(store)])
    assert first.exit_code == 0, first.output
    monkeypatch.setattr("ocop_tui.store.reading.check_tables", no_checking)
    second = CliRunner().invoke(main, ["--data", str(store)])
    assert second.exit_code == 0, second.output
    assert shown[0] == shown[1] and shown[0][0] == 120
