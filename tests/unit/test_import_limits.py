"""Hostile and oversized import files (issue 14): each is refused with one clear line and the right exit code,
never a traceback, a hang or memory without bound, and the store is left as it was."""

from __future__ import annotations

import json
import os
import resource
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from ocop_tui.cli.main import main
from ocop_tui.transfer import importing
from ocop_tui.transfer.importing import run_import
from ocop_tui.transfer.limits import ImportLimits
from ocop_tui.transfer.problems import ImportFileError, ImportRejected
from ocop_tui.transfer.sheets import read_sheet

from .importdata import VI_PRODUCT_HEADER, csv_text, product_row, write_store

OCOP_TUI = [sys.executable, "-m", "ocop_tui", "--lang", "en"]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "fair.json"
    write_store(path)
    return path


def run(*args: str, memory: int | None = None) -> subprocess.CompletedProcess[str]:
    """The real command in its own process: a hang fails the test (timeout) instead of stalling the suite."""

    def limit() -> None:
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    env = {**os.environ, "COLUMNS": "250"}
    return subprocess.run([*OCOP_TUI, *args], capture_output=True, text=True, timeout=120, preexec_fn=limit, env=env)


def invoke(*args: str) -> object:
    return CliRunner().invoke(main, ["--lang", "en", *args], env={"COLUMNS": "250"})


def one_line(text: str) -> str:
    assert "Traceback" not in text
    lines = [line for line in text.strip().splitlines() if line.strip()]
    assert len(lines) == 1, text
    return lines[0]


def products_csv(path: Path, rows: list[list[object]]) -> Path:
    path.write_text(csv_text([VI_PRODUCT_HEADER, *rows]), encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------- not regular files


def test_a_fifo_as_an_import_file_is_refused_at_once(store: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "products.csv"
    os.mkfifo(fifo)
    before = store.read_bytes()
    done = run("import", "--products", str(fifo), "--data", str(store))  # no writer: opening it would block
    assert done.returncode == 2
    assert "not a regular file" in one_line(done.stderr)
    assert store.read_bytes() == before


@pytest.mark.parametrize("name", ["zero.csv", "zero.xlsx", "zero.json"])
def test_dev_zero_behind_a_symlink_is_refused_at_once(store: Path, tmp_path: Path, name: str) -> None:
    link = tmp_path / name
    link.symlink_to("/dev/zero")
    done = run("import", "--products", str(link), "--data", str(store), memory=1 << 30)
    assert done.returncode == 2 and "not a regular file" in one_line(done.stderr)


def test_dev_zero_itself_is_refused(store: Path) -> None:
    done = run("import", "--products", "/dev/zero", "--data", str(store))
    assert done.returncode == 2 and "not supported" in one_line(done.stderr)


def test_a_folder_named_like_a_sheet(store: Path, tmp_path: Path) -> None:
    (tmp_path / "products.xlsx").mkdir()
    with pytest.raises(ImportFileError) as caught:
        run_import(store, products=tmp_path / "products.xlsx")
    assert caught.value.key == "import.file.not_regular"


# ---------------------------------------------------------------------------------------------- size and rows


def test_a_file_over_the_size_cap(store: Path, tmp_path: Path) -> None:
    rows = [product_row(f"P-{n}", description="x" * 900) for n in range(1500)]
    path = tmp_path / "big.csv"
    path.write_text(csv_text([[*VI_PRODUCT_HEADER, "Mô tả"], *rows]), encoding="utf-8")
    assert path.stat().st_size > 1024 * 1024
    done = invoke("import", "--products", str(path), "--data", str(store), "--max-size", "1")
    assert done.exit_code == 2 and "larger than the limit of 1 MB" in one_line(done.output)


def test_too_many_rows_are_refused_before_any_row_is_checked(store: Path, tmp_path: Path) -> None:
    rows = [product_row(f"P-{n}") for n in range(150)]
    rows[3] = product_row("P-3", stars="nine")  # would be an error, if it were ever checked
    path = products_csv(tmp_path / "p.csv", rows)
    done = invoke("import", "--products", str(path), "--data", str(store), "--max-rows", "100")
    assert done.exit_code == 2 and "more than 100 rows" in one_line(done.output)
    # Exactly at the limit (the header and 99 rows): read.
    path = products_csv(tmp_path / "p.csv", rows[4:103])
    assert invoke("import", "--products", str(path), "--data", str(store), "--max-rows", "100").exit_code == 0


def test_row_limit_counts_rows_not_lines(store: Path, tmp_path: Path) -> None:
    # Quoted line breaks make 3 lines of each row: 40 rows in 120 lines are within a limit of 50.
    rows = [product_row(f"P-{n}", name=f"Mắm\nloại {n}\nđặc biệt") for n in range(40)]
    path = products_csv(tmp_path / "p.csv", rows)
    result = run_import(store, products=path, limits=ImportLimits(max_rows=50))
    assert result.counts["products"].added == 40


@pytest.mark.parametrize("kind", ["json", "xlsx"])
def test_row_limit_in_json_and_excel(store: Path, tmp_path: Path, kind: str) -> None:
    rows = [dict(zip(("code", "name"), (f"P-{n}", "x"))) for n in range(30)]
    if kind == "json":
        path = tmp_path / "p.json"
        path.write_text(json.dumps(rows), encoding="utf-8")
    else:
        from openpyxl import Workbook

        workbook = Workbook()
        for row in [VI_PRODUCT_HEADER] + [product_row(f"P-{n}") for n in range(30)]:
            workbook.active.append(row)
        path = tmp_path / "p.xlsx"
        workbook.save(path)
    with pytest.raises(ImportFileError) as caught:
        run_import(store, products=path, limits=ImportLimits(max_rows=20))
    assert caught.value.key == "import.file.too_many_rows"


def test_a_csv_is_read_as_a_stream(tmp_path: Path) -> None:
    rows = [product_row(f"P-{n}", description="mô tả " * 40) for n in range(12_000)]
    path = tmp_path / "p.csv"
    path.write_text(csv_text([[*VI_PRODUCT_HEADER, "Mô tả"], *rows]), encoding="utf-8")
    size = path.stat().st_size
    sheet = read_sheet(path, "products")
    try:
        read, total = sheet.progress()
        assert total == size and read < size // 4  # the header rows are read, not the file
        count = sum(1 for _ in sheet.rest)
        assert count == 12_001 - len(sheet.head)
        assert sheet.progress() == (size, size)
    finally:
        sheet.close()


# ---------------------------------------------------------------------------------------------- Excel bombs and damage


def _zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of raw deflate streams: (name, compressed data, CRC-32, uncompressed size)."""
    out, central = bytearray(), bytearray()
    for name, data, crc, size in entries:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size, len(encoded), 0)
        out += encoded + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(data), size,
                               len(encoded), 0, 0, 0, 0, 0, offset) + encoded  # fmt: skip
    start = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), start, 0)
    return bytes(out)


def _deflate(data: bytes) -> tuple[bytes, int, int]:
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    return squeeze.compress(data) + squeeze.flush(), zlib.crc32(data), len(data)


def zip_bomb(path: Path, cell_bytes: int) -> Path:
    """A valid workbook whose one sheet holds a cell of `cell_bytes` letters: about 1 MB on disk for 1 GB."""
    import io
    import zipfile

    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    entries = []
    with zipfile.ZipFile(buffer) as small:
        for info in small.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                entries.append((info.filename, *_deflate(small.read(info.filename))))
    head = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>')  # fmt: skip
    tail = b"</t></is></c></row></sheetData></worksheet>"
    chunk = b"A" * (1 << 20)
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    # After a full flush the stream starts afresh, so one compressed chunk can be repeated as it is.
    first = squeeze.compress(head) + squeeze.flush(zlib.Z_FULL_FLUSH)
    block = squeeze.compress(chunk) + squeeze.flush(zlib.Z_FULL_FLUSH)
    last = squeeze.compress(tail) + squeeze.flush()
    count = cell_bytes // len(chunk)
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    data = first + block * count + last
    entries.append(("xl/worksheets/sheet1.xml", data, crc, len(head) + count * len(chunk) + len(tail)))
    path.write_bytes(_zip(entries))
    return path


def test_an_excel_zip_bomb_is_refused_before_it_is_parsed(store: Path, tmp_path: Path) -> None:
    bomb = zip_bomb(tmp_path / "bomb.xlsx", 1 << 30)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    before = store.read_bytes()
    # Under 1 GB of address space: parsing the cell could not even start without a MemoryError.
    done = run("import", "--products", str(bomb), "--data", str(store), memory=1 << 30)
    assert done.returncode == 2
    assert "unpacks to 1,024 MB, over the limit of 512 MB" in one_line(done.stderr)
    assert store.read_bytes() == before


def test_a_small_bomb_is_still_a_workbook(store: Path, tmp_path: Path) -> None:
    bomb = zip_bomb(tmp_path / "small.xlsx", 2 << 20)  # the builder makes workbooks openpyxl reads
    with pytest.raises(ImportRejected) as caught:
        run_import(store, products=bomb)
    assert {e.key for e in caught.value.errors} == {"import.bad.missing_column"}


def test_a_damaged_workbook_is_one_line(store: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(_zip([("[Content_Types].xml", *_deflate(b"<Types><not xml")),
                             ("xl/workbook.xml", *_deflate(b"\x00\x01"))]))  # fmt: skip
    done = invoke("import", "--products", str(broken), "--data", str(store))
    assert done.exit_code == 2 and "not a readable Excel .xlsx workbook" in one_line(done.output)
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(zip_bomb(tmp_path / "x.xlsx", 1 << 20).read_bytes()[:3000])
    done = invoke("import", "--products", str(truncated), "--data", str(store))
    assert done.exit_code == 2 and "not a readable Excel .xlsx workbook" in one_line(done.output)


# ---------------------------------------------------------------------------------------------- big integers


HUGE = "9" * 5000


def test_a_5000_digit_number_in_a_csv_is_an_error_on_its_field(store: Path, tmp_path: Path) -> None:
    path = products_csv(tmp_path / "p.csv", [product_row(stars=HUGE), product_row("P-2", price=HUGE)])
    done = invoke("import", "--products", str(path), "--data", str(store))
    assert done.exit_code == 1 and "Traceback" not in done.output
    with pytest.raises(ImportRejected) as caught:
        run_import(store, products=path)
    assert [(e.row, e.column, e.key) for e in caught.value.errors] == [
        ("2", "Số sao", "import.bad.huge_number"), ("3", "Giá", "import.bad.huge_number")
    ]  # fmt: skip
    assert "5,000 digits" in caught.value.errors[0].message("en")


def test_a_5000_digit_number_in_json_is_an_error_on_its_field(store: Path, tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text('[{"code": "P-1", "name": "Mắm", "group": "food", "stars": ' + HUGE + ', "booth_no": "A-01",'
                    ' "producer": "HTX", "province": "Kiên Giang", "certified_year": -' + HUGE + "}]")  # fmt: skip
    with pytest.raises(ImportRejected) as caught:
        run_import(store, products=path)
    assert [(e.row, e.column, e.key) for e in caught.value.errors] == [
        ("1", "stars", "import.bad.huge_number"), ("1", "certified_year", "import.bad.huge_number")
    ]  # fmt: skip


def _workbook_with_number(path: Path, digits: int) -> Path:
    """A workbook whose price cell holds a number of `digits` digits (openpyxl cannot write one: the XML is
    edited afterwards, as a hand-made or damaged file would hold it)."""
    import io
    import zipfile

    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(VI_PRODUCT_HEADER)
    workbook.active.append(product_row(price=123456789))
    buffer = io.BytesIO()
    workbook.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                assert b"<v>123456789</v>" in data
                data = data.replace(b"<v>123456789</v>", b"<v>" + b"9" * digits + b"</v>")
            target.writestr(info.filename, data)
    return path


def test_a_5000_digit_number_in_excel_is_an_error_on_its_field(store: Path, tmp_path: Path) -> None:
    path = _workbook_with_number(tmp_path / "p.xlsx", 5000)
    with pytest.raises(ImportRejected) as caught:
        run_import(store, products=path)
    assert [(e.row, e.column, e.key) for e in caught.value.errors] == [("2", "Giá", "import.bad.huge_number")]
    assert sys.get_int_max_str_digits() == 4300  # the wider limit is only lifted while openpyxl reads


def test_a_number_no_spreadsheet_writes_is_one_line(store: Path, tmp_path: Path) -> None:
    path = _workbook_with_number(tmp_path / "p.xlsx", 50_000)
    done = invoke("import", "--products", str(path), "--data", str(store))
    assert done.exit_code == 2 and "cannot read row 2 of the workbook" in one_line(done.output)


# ---------------------------------------------------------------------------------------------- memory


def test_running_out_of_memory_is_one_line(store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = products_csv(tmp_path / "p.csv", [product_row()])

    def exhausted(*args: object, **kwargs: object) -> object:
        raise MemoryError

    monkeypatch.setattr(importing, "parse_table", exhausted)
    before = store.read_bytes()
    done = invoke("import", "--products", str(path), "--data", str(store))
    assert done.exit_code == 2 and "not enough memory to import" in one_line(done.output)
    assert store.read_bytes() == before


# ---------------------------------------------------------------------------------------------- printed paths


def test_file_names_with_escapes_are_shown_harmless(tmp_path: Path) -> None:
    store = tmp_path / "x\x1b]0;pwned\x07y.json"
    write_store(store)
    source = products_csv(tmp_path / "p\x1b[31m.csv", [product_row()])
    for args in (["import", "--products", str(source), "--data", str(store)], ["backups", "--data", str(store)],
                 ["import", "--products", str(tmp_path / "no\x1b]0;x\x07.csv"), "--data", str(store)],
                 ["restore", "1", "--data", str(store)], ["export", "--out", str(tmp_path / "o\x1b[2J"),
                                                          "--data", str(store)]):  # fmt: skip
        done = invoke(*args)
        assert "\x1b" not in done.output and "\x07" not in done.output, args
        assert "Traceback" not in done.output
    assert "x\\x1b]0;pwned\\x07y.json" in invoke("backups", "--data", str(store)).output
    bad = products_csv(tmp_path / "bad\x1b[31m.csv", [product_row(stars="nine")])
    rejected = invoke("import", "--products", str(bad), "--data", str(store))
    assert rejected.exit_code == 1 and "\x1b" not in rejected.output
    assert "bad\\x1b[31m.csv" in rejected.output  # in the problem table, the file shown as it is named
