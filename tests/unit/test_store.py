"""The store file: bad files are refused clearly and never touched; writes are locked, atomic and backed up.

Every bad-file case goes through the real command (`ocop-tui validate`) and then checks that the file's
bytes and mtime, and the folder's contents, are exactly as before.
"""

from __future__ import annotations

import copy
import errno
import json
import os
import subprocess
import sys
import textwrap
import unicodedata
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from tinydb import TinyDB

from ocop_tui.cli.main import main
from ocop_tui.model import SCHEMA_VERSION
from ocop_tui.search.catalog import load_catalog
from ocop_tui.store.backups import BACKUPS_KEPT, list_backups, make_backup
from ocop_tui.store.errors import StoreBusy, StoreInvalid, StoreUnreadable, StoreWriteFailed
from ocop_tui.store.reading import load_store, read_tables
from ocop_tui.store.writing import encode, lock_for, replace_tables, restore_backup, write_store

PYTHON = sys.executable


# Fixtures and helpers ------------------------------------------------------------------------------


def fair_doc() -> dict[str, Any]:
    return {
        "name": "Diễn đàn OCOP vùng Đồng bằng sông Cửu Long",
        "theme": "Liên kết cùng phát triển – Kiên Giang 2024",
        "venue": "Công viên Văn hóa An Hòa",
        "city": "Rạch Giá",
        "start_date": "2024-09-29",
        "end_date": "2024-10-03",
        "schema_version": 1,
    }


def booth_doc(booth_no: str = "K-07", **changes: Any) -> dict[str, Any]:
    doc = {
        "booth_no": booth_no,
        "exhibitor": "HTX Nước mắm Phú Quốc",
        "exhibitor_type": "cooperative",
        "province": "Kiên Giang",
        "zone": "Khu A",
    }
    doc.update(changes)
    return doc


def product_doc(code: str = "91-001-2024", **changes: Any) -> dict[str, Any]:
    doc = {
        "code": code,
        "name": "Nước mắm Phú Quốc Khải Hoàn 40 độ đạm",
        "group": "food",
        "stars": 5,
        "booth_no": "K-07",
        "producer": "Công ty TNHH Khải Hoàn",
        "province": "Kiên Giang",
        "subgroup": 9,
        "price_vnd": 120000,
    }
    doc.update(changes)
    return doc


def valid_tables() -> dict[str, Any]:
    return {
        "fair": {"1": fair_doc()},
        "booths": {"1": booth_doc("K-07"), "2": booth_doc("A-10", exhibitor="Cơ sở Tiêu Phú Quốc")},
        "products": {
            "1": product_doc("91-001-2024"),
            "2": product_doc("91-002-2024", name="Tiêu Phú Quốc", booth_no="A-10", subgroup=10, stars=4),
        },
    }


def write_json(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "fair.json"
    path.write_bytes(encode(valid_tables()))
    return path


def folder_state(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder` with its bytes and mtime: what 'nothing changed' means."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.tmp"))


def add_product(code: str, **changes: Any) -> Callable[[TinyDB], None]:
    def change(db: TinyDB) -> None:
        db.table("products").insert(product_doc(code, **changes))

    return change


def clock(start: datetime = datetime(2024, 9, 29, 8, 0, 0)) -> Callable[[], datetime]:
    """A fake clock one second per call, so backup names are predictable without sleeping."""
    ticks = iter(range(10_000))
    return lambda: start + timedelta(seconds=next(ticks))


def codes_in(path: Path) -> set[str]:
    return {doc["code"] for doc in json.loads(path.read_bytes())["products"].values()}


def invoke(*args: str) -> Any:
    # A wide console, so Rich does not wrap long tmp paths in the middle.
    return CliRunner().invoke(main, list(args), env={"COLUMNS": "400"})


def table_rows(output: str) -> list[list[str]]:
    """The cells of each row of a Rich problems table."""
    rows = [line for line in output.splitlines() if line.count("│") >= 6]
    return [[cell.strip() for cell in line.split("│")[1:-1]] for line in rows]


def squash(text: str) -> str:
    return "".join(text.split())


def assert_no_traceback(result: Any) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


# Bad files: one case each ---------------------------------------------------------------------------

Case = tuple[str, Callable[[Path], None], int, str | tuple[str, str, str]]


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _tables(edit: Callable[[dict[str, Any]], None]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        tables = valid_tables()
        edit(tables)
        write_json(path, tables)

    return make


def _truncated(path: Path) -> None:
    data = encode(valid_tables())
    path.write_bytes(data[: len(data) // 2])


def _nan_price(path: Path) -> None:
    tables = valid_tables()
    tables["products"]["2"]["price_vnd"] = "@NAN@"
    path.write_text(json.dumps(tables, ensure_ascii=False).replace('"@NAN@"', "NaN"), encoding="utf-8")


def _set(table: str, doc_id: str, **values: Any) -> Callable[[dict[str, Any]], None]:
    def edit(tables: dict[str, Any]) -> None:
        tables[table][doc_id].update(values)

    return edit


def _add(table: str, doc_id: str, doc: Any) -> Callable[[dict[str, Any]], None]:
    def edit(tables: dict[str, Any]) -> None:
        tables[table][doc_id] = doc

    return edit


NFD_BOOTH = unicodedata.normalize("NFD", "Gian Cần Thơ 1")

# (id, make the file, exit code, what the message names: a phrase, or (table, record, field))
BAD_FILES: list[Case] = [
    ("empty", _bytes(b""), 2, "empty"),
    ("whitespace", _bytes(b"\n"), 2, "whitespace"),
    ("spaces-and-newlines", _bytes(b"  \r\n\t\n"), 2, "whitespace"),
    ("truncated", _truncated, 2, "not valid JSON"),
    ("null", _bytes(b"null"), 2, "null"),
    ("list", _bytes(b"[]"), 2, "list"),
    ("number", _bytes(b"42"), 2, "int"),
    ("not-utf8", _bytes('{"fair": {"1": {"name": "Cà Mau"}}}'.encode("cp1258")), 2, "not UTF-8"),
    ("utf16", _bytes('{"fair": {}}'.encode("utf-16")), 2, "not UTF-8"),
    ("booths-is-a-list", _tables(lambda t: t.update(booths=[booth_doc()])), 2, "booths"),
    ("products-is-a-string", _tables(lambda t: t.update(products="none")), 2, "products"),
    ("stars-five", _tables(_set("products", "2", stars="five")), 1, ("products", "2", "stars")),
    ("stars-seven", _tables(_set("products", "2", stars=7)), 1, ("products", "2", "stars")),
    ("stars-true", _tables(_set("products", "2", stars=True)), 1, ("products", "2", "stars")),
    ("stars-4.0", _tables(_set("products", "2", stars=4.0)), 1, ("products", "2", "stars")),
    ("nan-price", _nan_price, 1, ("products", "2", "price_vnd")),
    ("negative-price", _tables(_set("products", "2", price_vnd=-1)), 1, ("products", "2", "price_vnd")),
    ("price-as-text", _tables(_set("products", "2", price_vnd="120.000")), 1, ("products", "2", "price_vnd")),
    ("unknown-group", _tables(_set("products", "2", group="seafood")), 1, ("products", "2", "group")),
    ("subgroup-of-other-group", _tables(_set("products", "2", subgroup=14)), 1, ("products", "2", "subgroup")),
    ("subgroup-27", _tables(_set("products", "2", subgroup=27)), 1, ("products", "2", "subgroup")),
    ("name-missing", _tables(_set("products", "2", name="  ")), 1, ("products", "2", "name")),
    ("name-only-escape-codes", _tables(_set("products", "2", name="\x1b[31m\u202e\x07")), 1, ("products", "2", "name")),
    ("name-is-a-number", _tables(_set("products", "2", name=12)), 1, ("products", "2", "name")),
    ("name-too-long", _tables(_set("products", "2", name="x" * 201)), 1, ("products", "2", "name")),
    ("duplicate-code", _tables(_add("products", "9", product_doc("91-001-2024"))), 1, ("products", "9", "code")),
    (
        "duplicate-code-case-and-accents",
        _tables(lambda t: (t["products"]["1"].update(code="Mã-Đ1"), t["products"]["2"].update(code="mã-d1"))),
        1,
        ("products", "2", "code"),
    ),
    ("duplicate-booth", _tables(_add("booths", "9", booth_doc("K-07"))), 1, ("booths", "9", "booth_no")),
    ("duplicate-booth-case", _tables(_add("booths", "9", booth_doc("k-07 "))), 1, ("booths", "9", "booth_no")),
    (
        "duplicate-booth-nfd",
        _tables(lambda t: t["booths"].update({"8": booth_doc("Gian Cần Thơ 1"), "9": booth_doc(NFD_BOOTH)})),
        1,
        ("booths", "9", "booth_no"),
    ),
    ("product-names-no-booth", _tables(_set("products", "2", booth_no="Z-99")), 1, ("products", "2", "booth_no")),
    ("unknown-type", _tables(_set("booths", "2", exhibitor_type="ngo")), 1, ("booths", "2", "exhibitor_type")),
    ("booth-not-an-object", _tables(_add("booths", "9", "K-08")), 1, ("booths", "9", "")),
    ("fair-missing", _tables(lambda t: t.update(fair={})), 1, ("fair", "", "")),
    ("two-fairs", _tables(lambda t: t["fair"].update({"2": fair_doc()})), 1, ("fair", "", "")),
    ("bad-date", _tables(_set("fair", "1", start_date="29/09/2024")), 1, ("fair", "1", "start_date")),
    ("dates-reversed", _tables(_set("fair", "1", end_date="2024-09-01")), 1, ("fair", "1", "end_date")),
    ("newer-schema", _tables(_set("fair", "1", schema_version=SCHEMA_VERSION + 1)), 1, ("fair", "1", "schema_version")),
    ("demo-as-text", _tables(_set("fair", "1", demo="false")), 1, ("fair", "1", "demo")),
    ("id-not-a-number", _tables(lambda t: t["booths"].update({"B9": booth_doc("K-09")})), 1, ("booths", "B9", "")),
    ("id-leading-zero", _tables(lambda t: t["products"].update({"01": product_doc("X-1")})), 1, ("products", "01", "")),
]


@pytest.mark.parametrize(("make", "code", "names"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES])
def test_bad_file_is_refused_and_untouched(tmp_path: Path, make: Callable[[Path], None], code: int, names: Any) -> None:
    path = tmp_path / "fair.json"
    make(path)
    before = folder_state(tmp_path)

    result = invoke("validate", "--data", str(path))

    assert result.exit_code == code, result.output
    assert_no_traceback(result)
    # The path may be wrapped inside the table's title, so compare without whitespace.
    assert squash(str(path)) in squash(result.output)
    if isinstance(names, tuple):
        assert names in [tuple(row[1:4]) for row in table_rows(result.output)], result.output
    else:
        assert names in result.output.split(str(path), 1)[1]
    assert folder_state(tmp_path) == before  # same bytes, same mtime, no lock or backup files

    error = StoreUnreadable if code == 2 else StoreInvalid
    with pytest.raises(error) as caught:
        load_store(path)
    assert caught.value.exit_code == code
    assert folder_state(tmp_path) == before


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.json"
    result = invoke("validate", "--data", str(path))
    assert result.exit_code == 2
    assert_no_traceback(result)
    assert str(path) in result.stderr and "no such file" in result.stderr
    assert list(tmp_path.iterdir()) == []  # not created


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(StoreUnreadable, match="folder"):
        load_store(tmp_path)


def test_invalid_report_lists_every_error(tmp_path: Path) -> None:
    tables = valid_tables()
    tables["products"]["1"]["stars"] = 7
    tables["products"]["2"]["group"] = "seafood"
    path = write_json(tmp_path / "fair.json", tables)
    with pytest.raises(StoreInvalid) as caught:
        load_store(path)
    located = {(p.table, p.record, p.field) for p in caught.value.problems if p.is_error}
    assert located == {("products", "1", "stars"), ("products", "2", "group")}
    assert "2 invalid record(s)" in str(caught.value)


def test_missing_group_is_one_error_not_two(tmp_path: Path) -> None:
    tables = valid_tables()
    del tables["products"]["1"]["group"]  # has subgroup 9: no "not in group None" on top
    path = write_json(tmp_path / "fair.json", tables)
    with pytest.raises(StoreInvalid) as caught:
        load_store(path)
    assert [(p.record, p.field) for p in caught.value.problems if p.is_error] == [("1", "group")]


def test_real_process_prints_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "fair.json"
    _truncated(path)
    before = folder_state(tmp_path)
    done = subprocess.run(
        [PYTHON, "-m", "ocop_tui", "validate", "--data", str(path)],
        capture_output=True, text=True, encoding="utf-8", env={**os.environ, "COLUMNS": "400"}, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr + done.stdout
    assert str(path) in done.stderr and "not valid JSON" in done.stderr
    assert folder_state(tmp_path) == before


# Reading never writes ------------------------------------------------------------------------------


def test_loading_never_writes(store_path: Path) -> None:
    folder = store_path.parent
    before = folder_state(folder)
    loaded = load_store(store_path)
    catalog = load_catalog(store_path)
    read_tables(store_path)
    assert invoke("validate", "--data", str(store_path)).exit_code == 0
    assert invoke("stats", "--data", str(store_path)).exit_code == 0
    assert len(loaded.tables.products) == 2 and len(catalog.products) == 2
    assert folder_state(folder) == before
    assert sorted(p.name for p in folder.iterdir()) == ["fair.json"]


def test_loading_a_read_only_file(store_path: Path) -> None:
    store_path.chmod(0o444)
    try:
        assert load_store(store_path).tables.fair is not None
    finally:
        store_path.chmod(0o644)


def test_loading_normalises_but_does_not_rewrite(tmp_path: Path) -> None:
    tables = valid_tables()
    tables["products"]["1"]["name"] = unicodedata.normalize("NFD", "Nước mắm\x1b[31m đỏ")
    path = write_json(tmp_path / "fair.json", tables)
    before = folder_state(tmp_path)
    loaded = load_store(path)
    product = next(p for p in loaded.tables.products if p.code == "91-001-2024")
    assert product.name == "Nước mắm đỏ"
    assert [(w.table, w.record, w.field) for w in loaded.tables.warnings] == [("products", "1", "name")]
    assert folder_state(tmp_path) == before


# Writing: the happy path ----------------------------------------------------------------------------


def test_write_adds_a_product_and_keeps_the_rest(store_path: Path) -> None:
    result = write_store(store_path, add_product("91-003-2024", name="Mắm ruốc"), now=clock())
    assert codes_in(store_path) == {"91-001-2024", "91-002-2024", "91-003-2024"}
    assert len(result.checked.products) == 3
    assert result.backup is not None and result.backup.read_bytes() == encode(valid_tables())
    assert temp_files(store_path.parent) == []


def test_write_needs_an_existing_file_unless_create(tmp_path: Path) -> None:
    path = tmp_path / "new.json"
    with pytest.raises(StoreUnreadable):
        write_store(path, lambda db: None)
    assert not path.exists()

    def seed(db: TinyDB) -> None:
        db.table("fair").insert(fair_doc())
        db.table("booths").insert(booth_doc())

    result = write_store(path, seed, create=True)
    assert result.backup is None
    assert load_store(path).tables.fair is not None


@pytest.mark.parametrize("content", [b"", b"\n", b"null", b'{"fair": {"1": '])
def test_write_refuses_to_reinitialise_a_broken_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "fair.json"
    path.write_bytes(content)
    before = folder_state(tmp_path)
    with pytest.raises(StoreUnreadable):
        write_store(path, add_product("X-1"), create=True)
    assert {k: v for k, v in folder_state(tmp_path).items() if not k.endswith(".lock")} == before


def test_json_is_utf8_with_vietnamese_unescaped(store_path: Path) -> None:
    write_store(store_path, add_product("91-003-2024", name="Khô cá sặc rằn U Minh Thượng"))
    data = store_path.read_bytes()
    assert "Khô cá sặc rằn U Minh Thượng".encode() in data
    assert "Nước mắm Phú Quốc".encode() in data
    assert b"\\u" not in data
    assert data.endswith(b"\n")
    assert json.loads(data.decode("utf-8"))["products"]["3"]["name"] == "Khô cá sặc rằn U Minh Thượng"


def test_unknown_fields_and_tables_survive_a_write(tmp_path: Path) -> None:
    tables = valid_tables()
    tables["products"]["1"].update(score=92, ghi_chu="Hàng mới", nested={"a": [1, 2.5, None, True, "ư"]})
    tables["booths"]["2"]["map_xy"] = [3, 4]
    tables["fair"]["1"]["organiser"] = "Sở NN&PTNT Kiên Giang"
    tables["notes"] = {"1": {"text": "Ghi chú của ban tổ chức"}}
    tables["_comment"] = "generated by hand"
    path = write_json(tmp_path / "fair.json", tables)

    write_store(path, add_product("91-003-2024"))

    after = json.loads(path.read_bytes())
    assert after["notes"] == tables["notes"]
    assert after["_comment"] == "generated by hand"
    assert after["products"]["1"] == tables["products"]["1"]
    assert after["booths"]["2"]["map_xy"] == [3, 4]
    assert after["fair"]["1"]["organiser"] == "Sở NN&PTNT Kiên Giang"
    loaded = load_store(path)
    product = next(p for p in loaded.tables.products if p.code == "91-001-2024")
    assert product.extra == {"score": 92, "ghi_chu": "Hàng mới", "nested": {"a": [1, 2.5, None, True, "ư"]}}
    assert loaded.tables.fair is not None and loaded.tables.fair.extra == {"organiser": "Sở NN&PTNT Kiên Giang"}


def test_vietnamese_round_trip_under_lang_c(tmp_path: Path) -> None:
    path = tmp_path / "fair.json"
    path.write_bytes(encode(valid_tables()))
    name = "Mật ong U Minh Hạ – Đặc biệt"
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from ocop_tui.store.reading import load_store
        from ocop_tui.store.writing import write_store
        path = Path({str(path)!r})
        doc = dict(code="96-001", name={name!r}, group="food", stars=4, booth_no="K-07",
                   producer="HTX Cà Mau", province="Cà Mau")
        write_store(path, lambda db: db.table("products").insert(doc))
        names = sorted(p.name for p in load_store(path).tables.products)
        print(ascii(names), ascii(sys.getfilesystemencoding()), ascii(sys.stdout.encoding))
        """
    )
    # The command line itself must be ASCII under this locale (non-ASCII only sits in string literals).
    script = script.encode("ascii", "backslashreplace").decode("ascii")
    # PYTHONUTF8=0 stops Python from switching itself to UTF-8 under the C locale: the harshest case.
    env = {"PATH": os.environ.get("PATH", ""), "LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0"}
    done = subprocess.run([PYTHON, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "'ascii'" in done.stdout  # the locale really was ASCII-only
    assert ascii(name) in done.stdout
    assert name.encode("utf-8") in path.read_bytes()

    cli = subprocess.run(
        [PYTHON, "-m", "ocop_tui", "validate", "--data", str(path)],
        capture_output=True, env={"PATH": env["PATH"], "LANG": "C", "LC_ALL": "C", "COLUMNS": "400"}, timeout=60,
    )  # fmt: skip
    assert cli.returncode == 0, cli.stderr
    assert "3 sản phẩm" in cli.stdout.decode("utf-8")


# Writing: failures leave the old store ----------------------------------------------------------------


@pytest.fixture
def untouched(store_path: Path) -> Iterator[Path]:
    """After the test: the store is byte-identical, loadable, and no temp file or new backup exists."""
    before = folder_state(store_path.parent)
    yield store_path
    after = {k: v for k, v in folder_state(store_path.parent).items() if not k.endswith(".lock")}
    assert after == before
    assert load_store(store_path).tables.products
    assert temp_files(store_path.parent) == []
    assert list_backups(store_path) == []


def _io_error(*args: Any) -> None:
    raise OSError(errno.EIO, "Input/output error")


def assert_write_failed(caught: pytest.ExceptionInfo[StoreWriteFailed], path: Path, code: int = errno.EIO) -> None:
    assert caught.value.exit_code == 2
    assert isinstance(caught.value.__cause__, OSError) and caught.value.__cause__.errno == code
    assert str(path) in str(caught.value)


def test_replace_failing(untouched: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "replace", _io_error)
    with pytest.raises(StoreWriteFailed) as caught:
        write_store(untouched, add_product("91-003-2024"))
    assert_write_failed(caught, untouched)


def test_fsync_failing(untouched: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "fsync", _io_error)
    with pytest.raises(StoreWriteFailed) as caught:
        write_store(untouched, add_product("91-003-2024"))
    assert_write_failed(caught, untouched)


def test_a_failed_write_is_one_line_in_the_cli(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    now = clock()
    write_store(store_path, add_product("91-003-2024"), now=now)
    before = {k: v for k, v in folder_state(store_path.parent).items() if not k.endswith(".lock")}
    monkeypatch.setattr(os, "replace", _io_error)
    result = invoke("restore", "1", "--data", str(store_path))
    assert result.exit_code == 2, result.output
    assert_no_traceback(result)
    assert "Input/output error" in result.stderr
    assert {k: v for k, v in folder_state(store_path.parent).items() if not k.endswith(".lock")} == before


@pytest.mark.parametrize("failing_call", [1, 2, 3])
def test_nth_fsync_failing_gives_old_or_new_never_neither(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, failing_call: int
) -> None:
    # A write fsyncs the backup folder, the temp file, then the store's folder after the replace.
    old = store_path.read_bytes()
    real_fsync = os.fsync
    calls = []

    def flaky(fd: int) -> None:
        calls.append(fd)
        if len(calls) == failing_call:
            raise OSError(errno.EIO, "I/O error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", flaky)
    with pytest.raises(StoreWriteFailed) as caught:
        write_store(store_path, add_product("91-003-2024"))
    monkeypatch.undo()
    assert_write_failed(caught, store_path)

    assert temp_files(store_path.parent) == []
    if failing_call < 3:  # before the replace: the old store, and no stray backup
        assert store_path.read_bytes() == old
        assert list_backups(store_path) == []
    else:  # after the replace: the new store, and the old one kept as its backup
        assert codes_in(store_path) == {"91-001-2024", "91-002-2024", "91-003-2024"}
        assert [b.read_bytes() for b in list_backups(store_path)] == [old]
    load_store(store_path)


def test_fsync_call_count_is_what_the_test_above_assumes(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_fsync = os.fsync
    calls = []
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append(fd), real_fsync(fd)))
    write_store(store_path, add_product("91-003-2024"))
    assert len(calls) == 3


def test_change_callback_raising(untouched: Path) -> None:
    def change(db: TinyDB) -> None:
        db.table("products").insert(product_doc("91-003-2024"))
        raise RuntimeError("importer bug")

    with pytest.raises(RuntimeError, match="importer bug"):
        write_store(untouched, change)


def test_result_failing_validation(untouched: Path) -> None:
    with pytest.raises(StoreInvalid) as caught:
        write_store(untouched, add_product("91-003-2024", stars=7))
    assert [(p.table, p.record, p.field) for p in caught.value.problems if p.is_error] == [("products", "3", "stars")]
    assert caught.value.exit_code == 1


def test_result_duplicating_a_code_fails(store_path: Path) -> None:
    write_store(store_path, add_product("Mã-Đặc-1"))
    before = folder_state(store_path.parent)
    with pytest.raises(StoreInvalid) as caught:
        write_store(store_path, add_product(unicodedata.normalize("NFD", "MÃ-ĐẶC-1")))
    assert [(p.record, p.field) for p in caught.value.problems if p.is_error] == [("4", "code")]
    assert folder_state(store_path.parent) == before


def test_value_json_cannot_hold(untouched: Path) -> None:
    # orjson refuses integers beyond 64 bits: a clear StoreInvalid, not a TypeError from deep inside.
    with pytest.raises(StoreInvalid, match="JSON"):
        write_store(untouched, add_product("91-003-2024", score=2**70))


def test_disk_full(store_path: Path) -> None:
    """RLIMIT_FSIZE makes the temp file's write fail with EFBIG, like a full disk."""
    before = folder_state(store_path.parent)
    script = textwrap.dedent(
        f"""
        import errno, resource, signal, sys
        from pathlib import Path
        from ocop_tui.store.errors import StoreWriteFailed
        from ocop_tui.store.writing import write_store
        path = Path({str(store_path)!r})
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # so the write raises EFBIG instead of killing us
        limit = path.stat().st_size
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        doc = dict(code="91-009", name="Nước mắm", description="rất dài " * 500, group="food", stars=3,
                   booth_no="K-07", producer="HTX", province="Kiên Giang")
        try:
            write_store(path, lambda db: db.table("products").insert(doc))
        except StoreWriteFailed as exc:
            print("errno", exc.__cause__.errno == errno.EFBIG, exc.exit_code)
            sys.exit(0)
        print("written")
        sys.exit(1)
        """
    )
    done = subprocess.run([PYTHON, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "errno True 2" in done.stdout
    after = {k: v for k, v in folder_state(store_path.parent).items() if not k.endswith(".lock")}
    assert after == before
    assert temp_files(store_path.parent) == []
    assert list_backups(store_path) == []
    assert codes_in(store_path) == {"91-001-2024", "91-002-2024"}


# Backups ---------------------------------------------------------------------------------------------


def test_one_backup_per_write_holding_the_previous_version(store_path: Path) -> None:
    now = clock()
    versions = []
    for n in range(3):
        versions.append(store_path.read_bytes())
        result = write_store(store_path, add_product(f"X-{n}"), now=now)
        assert result.backup is not None and result.backup.read_bytes() == versions[-1]
    backups = list_backups(store_path)
    assert [b.read_bytes() for b in backups] == versions[::-1]  # newest first
    assert all(b.parent.name == ".ocop-backups" and b.parent.parent == store_path.parent for b in backups)


def test_last_five_backups_kept(store_path: Path) -> None:
    now = clock()
    versions = []
    for n in range(BACKUPS_KEPT + 3):
        versions.append(store_path.read_bytes())
        write_store(store_path, add_product(f"X-{n}"), now=now)
    backups = list_backups(store_path)
    assert BACKUPS_KEPT == 5
    assert len(backups) == 5
    assert [b.read_bytes() for b in backups] == versions[::-1][:5]
    assert len(list((store_path.parent / ".ocop-backups").iterdir())) == 5


def test_backups_stay_distinct_when_the_clock_repeats_or_goes_back(store_path: Path) -> None:
    stuck = datetime(2024, 9, 29, 8, 0, 0)
    times = iter([stuck, stuck, stuck - timedelta(hours=1)])
    versions = []
    for n in range(3):
        versions.append(store_path.read_bytes())
        write_store(store_path, add_product(f"X-{n}"), now=lambda: next(times))
    assert [b.read_bytes() for b in list_backups(store_path)] == versions[::-1]


def _five_real_backups(store_path: Path, now: Callable[[], datetime]) -> list[bytes]:
    """Five writes, so that five real backups are kept; the versions they hold, newest first."""
    versions = []
    for n in range(BACKUPS_KEPT):
        versions.append(store_path.read_bytes())
        write_store(store_path, add_product(f"R-{n}"), now=now)
    return versions[::-1]


def _pending(store_path: Path) -> list[str]:
    return sorted(p.name for p in (store_path.parent / ".ocop-backups").iterdir() if p.name.endswith(".pending"))


def test_a_writer_killed_before_the_replace_leaves_no_backup_that_counts(store_path: Path) -> None:
    """A kill between the backup and the rename: the backup it made only duplicates the store. It is never
    listed, and the next write removes it, so it pushes no real older version out of the kept five."""
    now = clock()
    older = _five_real_backups(store_path, now)
    current = store_path.read_bytes()
    make_backup(store_path, now())  # ...and the writer dies here, before its atomic_write
    assert [b.read_bytes() for b in list_backups(store_path)] == older  # not listed, not restorable
    assert len(_pending(store_path)) == 1
    write_store(store_path, add_product("NEXT"), now=now)
    assert _pending(store_path) == []
    assert [b.read_bytes() for b in list_backups(store_path)] == [current, *older[:4]]  # no duplicate of current


def test_a_writer_killed_after_the_replace_still_leaves_its_backup(store_path: Path) -> None:
    """A kill between the rename and the backup taking its name: the store is the new version, and the next
    write keeps the pending backup, which holds the version before it."""
    now = clock()
    older = _five_real_backups(store_path, now)
    before = store_path.read_bytes()
    make_backup(store_path, now())
    store_path.unlink()  # the killed writer's replace: a new file in the store's place
    store_path.write_bytes(encode({**valid_tables(), "notes": {"1": {"x": 1}}}))
    replaced = store_path.read_bytes()
    write_store(store_path, add_product("NEXT"), now=now)
    assert _pending(store_path) == []
    assert [b.read_bytes() for b in list_backups(store_path)] == [replaced, before, *older[:3]]


def test_backups_of_another_store_in_the_same_folder_are_not_mixed_in(tmp_path: Path) -> None:
    main_store = tmp_path / "fair.json"
    other = tmp_path / "fair.old.json"
    bracket = tmp_path / "fair[1].json"
    for path in (main_store, other, bracket):
        path.write_bytes(encode(valid_tables()))
    write_store(other, add_product("O-1"), now=lambda: datetime(2030, 1, 1))  # sorts as "newest"
    write_store(bracket, add_product("B-1"), now=lambda: datetime(2030, 1, 2))
    now = clock()
    for n in range(BACKUPS_KEPT + 1):
        write_store(main_store, add_product(f"X-{n}"), now=now)
    assert len(list_backups(main_store)) == 5
    assert all(b.name.startswith("fair.2024") for b in list_backups(main_store))
    assert [b.name for b in list_backups(other)] == ["fair.old.20300101T000000000000.json"]
    assert [b.name for b in list_backups(bracket)] == ["fair[1].20300102T000000000000.json"]


def test_restore_backup_puts_it_back_and_backs_up_first(store_path: Path) -> None:
    now = clock()
    original = store_path.read_bytes()
    write_store(store_path, add_product("X-1"), now=now)
    write_store(store_path, add_product("X-2"), now=now)
    latest = store_path.read_bytes()
    oldest = list_backups(store_path)[-1]
    assert oldest.read_bytes() == original

    result = restore_backup(store_path, oldest, now=now)

    assert json.loads(store_path.read_bytes()) == json.loads(original)
    assert result.backup is not None and result.backup.read_bytes() == latest
    assert list_backups(store_path)[0] == result.backup
    assert oldest.read_bytes() == original  # the backup itself is left as it was


def test_restore_refuses_an_invalid_backup(store_path: Path) -> None:
    bad = store_path.parent / ".ocop-backups"
    bad.mkdir()
    broken = bad / "fair.20240101T000000000000.json"
    tables = valid_tables()
    tables["products"]["1"]["stars"] = 9
    write_json(broken, tables)
    before = store_path.read_bytes()
    with pytest.raises(StoreInvalid):
        restore_backup(store_path, broken)
    assert store_path.read_bytes() == before


# Locking and concurrency --------------------------------------------------------------------------


def test_store_busy_when_the_lock_is_held(untouched: Path) -> None:
    called = []
    with lock_for(untouched), pytest.raises(StoreBusy) as caught:
        write_store(untouched, lambda db: called.append(db), lock_timeout=0.05)
    assert called == []
    assert caught.value.exit_code == 2
    assert str(untouched) in str(caught.value)


WRITER = """
import sys
from pathlib import Path
from ocop_tui.store.writing import write_store
path, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()  # start together
for n in range(count):
    doc = dict(code=f"{name}-{n}", name=f"Sản phẩm {name} {n}", group="food", stars=3, booth_no="K-07",
               producer="HTX", province="Kiên Giang")
    write_store(path, lambda db: db.table("products").insert(doc), lock_timeout=60)
print("done", flush=True)
"""


def test_two_processes_writing_at_once_lose_nothing(store_path: Path) -> None:
    count = 30
    writers = [
        subprocess.Popen(
            [PYTHON, "-c", WRITER, str(store_path), name, str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("A", "B")
    ]
    try:
        for writer in writers:  # both imported and waiting: release them together
            assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        for writer in writers:
            assert writer.stdin is not None
            writer.stdin.write("go\n")
            writer.stdin.flush()
        outcomes = [writer.communicate(timeout=120) for writer in writers]
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
    for writer, (out, err) in zip(writers, outcomes):
        assert writer.returncode == 0, err
        assert "done" in out

    loaded = load_store(store_path)
    codes = {p.code for p in loaded.tables.products}
    expected = {f"{name}-{n}" for name in "AB" for n in range(count)}
    assert expected <= codes
    assert len(loaded.tables.products) == 2 + 2 * count
    assert temp_files(store_path.parent) == []
    assert len(list_backups(store_path)) == BACKUPS_KEPT


def test_replace_tables_leaves_the_callers_dict_alone(store_path: Path) -> None:
    # replace_tables must not keep a reference into the caller's dict (later edits would leak in).
    tables = valid_tables()
    snapshot = copy.deepcopy(tables)
    replace_tables(store_path, tables)
    assert tables == snapshot
    assert json.loads(store_path.read_bytes()) == snapshot


def test_a_write_removes_temp_files_left_by_a_killed_writer(tmp_path):
    """A writer killed between mkstemp and os.replace leaves .NAME.*.tmp; the next write (under the
    lock, so no live writer owns one) removes it, and leaves other files alone."""
    from ocop_tui.store.writing import write_store

    store = tmp_path / "fair.json"
    import json as _json

    from ocop_tui.demo.generator import generate_fair

    store.write_text(_json.dumps(generate_fair(products=30, booths=5, floor_plan=False)), encoding="utf-8")
    stale = tmp_path / ".fair.json.abc123.tmp"
    stale.write_bytes(b"{partial")
    other = tmp_path / ".other.json.abc123.tmp"
    other.write_bytes(b"x")
    write_store(store, lambda db: None)
    assert not stale.exists()
    assert other.exists()
