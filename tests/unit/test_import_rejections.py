"""Table-driven rejections: one fixture file per mistake organisers make, each reported at its row and
column, with nothing written to the store (same bytes, no backup)."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ocop_tui.cli.main import main
from ocop_tui.store.backups import backup_dir
from ocop_tui.transfer.importing import run_import
from ocop_tui.transfer.problems import ImportRejected

from .importdata import VI_BOOTH_HEADER, VI_PRODUCT_HEADER, csv_text, product_row, write_store

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Text as Windows-1258 stores it: letters precomposed, tone marks as separate combining bytes."""
    out = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in decomposed if c in _TONES)
        letter = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        out.append(letter + tones)
    return "".join(out).encode("cp1258")


def _first_bad_byte(data: bytes) -> int:
    return next(i for i, b in enumerate(data) if b >= 0x80)


def _xlsx_with_title(path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["DANH SÁCH SẢN PHẨM OCOP THAM GIA DIỄN ĐÀN"])  # a title, then a blank row
    sheet.append([])
    sheet.append(VI_PRODUCT_HEADER)
    sheet.append(product_row("KG-X-01", stars=7))
    workbook.save(path)


@dataclass
class Case:
    id: str
    file: str  # booths.* or products.*
    content: bytes | Callable[[Path], None]
    row: str
    column: str
    key: str
    message: str = ""  # part of the English message
    options: dict[str, Any] = field(default_factory=dict)
    where: str = ""  # the file named in the report, if not `file`


def _products(*rows: list[Any], header: list[str] = VI_PRODUCT_HEADER, delimiter: str = ",") -> bytes:
    return csv_text([header, *rows], delimiter).encode("utf-8")


_CP1258_PRODUCTS = (
    "code,name,group,stars,booth_no,producer,province\r\nKG-NEW-01,Nước mắm Rạch Giá,food,4,A-01,HTX,Kiên Giang\r\n"
)
_LATIN1_BOOTHS = "booth_no,exhibitor,exhibitor_type,province,zone\r\nC-09,Café Sông Hau,enterprise,Can Tho,Khu C\r\n"
_NFC = "CT-PHỞ-02"
_NFD = unicodedata.normalize("NFD", _NFC)

CASES = [
    Case("cp1258 bytes", "products.csv", cp1258(_CP1258_PRODUCTS), "2", "name", "import.bad.encoding",
         f"byte {_first_bad_byte(cp1258(_CP1258_PRODUCTS))}"),
    Case("latin-1 bytes", "booths.csv", _LATIN1_BOOTHS.encode("latin-1"), "2", "exhibitor", "import.bad.encoding",
         f"byte {_first_bad_byte(_LATIN1_BOOTHS.encode('latin-1'))}"),
    Case("UTF-16 text", "products.csv", "\ufeffcode,name\r\nKG-1,Mắm\r\n".encode("utf-16-le"), "1", "",
         "import.bad.utf16", "UTF-16"),
    Case("duplicate rows", "products.csv", _products(product_row("KG-NEW-01"), product_row("KG-NEW-01")),
         "3", "Mã sản phẩm", "import.bad.duplicate_row", "same as row 2"),
    Case("NFD copy of a code in the file", "products.csv", _products(product_row(_NFC), product_row(_NFD)),
         "3", "Mã sản phẩm", "import.bad.duplicate_row", "same as row 2"),
    Case("case copy of a stored code", "products.csv", _products(product_row("kg-nm-001")),
         "2", "Mã sản phẩm", "import.bad.duplicate_store", "KG-NM-001"),
    Case("NFD lower-case copy of a stored code", "products.csv",
         _products(product_row(unicodedata.normalize("NFD", "bt-kẹo-dừa-01"))),
         "2", "Mã sản phẩm", "import.bad.duplicate_store", "BT-KẸO-DỪA-01"),
    Case("unknown booth", "products.csv", _products(product_row(booth_no="Z-99")),
         "2", "Gian hàng", "import.bad.unknown_booth"),
    Case("stars 7", "products.csv", _products(product_row(stars="7")), "2", "Số sao", "import.check", "3..5"),
    Case("stars in words", "products.csv", _products(product_row(stars="nhiều sao")), "2", "Số sao",
         "import.bad.stars"),
    Case("price NaN", "products.csv", _products(product_row(price="NaN")), "2", "Giá", "import.bad.price"),
    Case("price 1,5", "products.csv", _products(product_row(price="1,5")), "2", "Giá", "import.bad.price"),
    Case("price abc", "products.csv", _products(product_row(price="abc")), "2", "Giá", "import.bad.price"),
    Case("price negative", "products.csv", _products(product_row(price="-5000")), "2", "Giá",
         "import.bad.price_negative"),
    Case("price 12,50 in a semicolon file", "products.csv",
         _products(product_row(), product_row("KG-NEW-02", price="12,50"), delimiter=";"), "3", "Giá",
         "import.bad.price"),
    Case("JSON price NaN", "products.json",
         b'[{"code": "KG-J-1", "name": "Mam", "group": "food", "stars": 4, "booth_no": "A-01", '
         b'"producer": "HTX", "province": "Kien Giang", "price_vnd": NaN}]', "1", "price_vnd", "import.bad.price"),
    Case("name too long", "products.csv", _products(product_row(name="Nước mắm " + "x" * 192)), "2",
         "Tên sản phẩm", "import.check", "longer than 200"),
    Case("description too long", "products.csv",
         _products([*product_row(), "ồ" * 5001], header=[*VI_PRODUCT_HEADER, "Mô tả"]), "2", "Mô tả",
         "import.check", "longer than 5000"),
    Case("missing required column", "products.csv",
         _products([c for i, c in enumerate(product_row()) if i != 5],
                   header=[h for h in VI_PRODUCT_HEADER if h != "Chủ thể"]),
         "1", "Chủ thể", "import.bad.missing_column", "producer"),
    Case("empty required cell", "products.csv", _products(product_row(name="  ")), "2", "Tên sản phẩm",
         "import.check", "required"),
    Case("unknown group", "products.csv", _products(product_row(group="Bánh kẹo")), "2", "Nhóm", "import.bad.group"),
    Case("set outside its group", "products.csv",
         _products([*product_row(group="Đồ uống"), "9"], header=[*VI_PRODUCT_HEADER, "Bộ sản phẩm"]), "2",
         "Bộ sản phẩm", "import.check", "not in group"),
    Case("year in words", "products.csv",
         _products([*product_row(), "năm 2022"], header=[*VI_PRODUCT_HEADER, "Năm công nhận"]), "2",
         "Năm công nhận", "import.bad.year"),
    Case("two columns for the price", "products.csv",
         _products([*product_row(), "50.000"], header=[*VI_PRODUCT_HEADER, "Giá bán"]), "1", "Giá bán",
         "import.bad.duplicate_column"),
    Case("unknown exhibitor type", "booths.csv",
         csv_text([VI_BOOTH_HEADER, ["C-01", "Trạm khuyến nông", "Nhà nước", "Cần Thơ", "Khu C"]]).encode(),
         "2", "Loại hình", "import.bad.exhibitor_type"),
    Case("JSON key written twice", "products.json",
         b'[{"code": "KG-J-1", "name": "Mam", "name": "Mam 2", "group": "food", "stars": 4, "booth_no": "A-01",'
         b' "producer": "HTX", "province": "Kien Giang"}]', "1", "name", "import.bad.duplicate_key"),
    Case("Excel stars 7 under a title", "products.xlsx", _xlsx_with_title, "4", "Số sao", "import.check", "3..5"),
    Case("replacing booths orphans stored products", "booths.csv",
         csv_text([VI_BOOTH_HEADER, ["A-02", "Công ty TNHH Nước mắm Khải Hoàn", "Doanh nghiệp", "Kiên Giang",
                                     "Khu A"]]).encode(),
         "#2", "booth_no", "import.bad.orphan", "KG-TIEU-002", options={"replace": True}, where="fair.json"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_rejected_with_row_and_column(tmp_path: Path, case: Case) -> None:
    store = tmp_path / "fair.json"
    before = write_store(store)
    source = tmp_path / case.file
    if callable(case.content):
        case.content(source)
    else:
        source.write_bytes(case.content)
    table = "booths" if case.file.startswith("booths") else "products"

    with pytest.raises(ImportRejected) as caught:
        run_import(store, **{table: source}, **case.options)

    errors = caught.value.errors
    where = case.where or case.file
    found = [p for p in errors if (p.file, p.row, p.column, p.key) == (where, case.row, case.column, case.key)]
    assert found, [(p.file, p.row, p.column, p.key, p.message("en")) for p in errors]
    assert case.message in found[0].message("en")
    assert store.read_bytes() == before
    assert not backup_dir(store).exists()


def test_dry_run_reports_the_same_errors(tmp_path: Path) -> None:
    store = tmp_path / "fair.json"
    before = write_store(store)
    source = tmp_path / "products.csv"
    source.write_bytes(_products(product_row(stars="7"), product_row("KG-NEW-02", booth_no="Z-1")))
    with pytest.raises(ImportRejected) as caught:
        run_import(store, products=source, dry_run=True)
    assert [(p.row, p.column) for p in caught.value.errors] == [("2", "Số sao"), ("3", "Gian hàng")]
    assert store.read_bytes() == before


def test_every_error_is_reported_together(tmp_path: Path) -> None:
    store = tmp_path / "fair.json"
    write_store(store)
    source = tmp_path / "products.csv"
    source.write_bytes(_products(product_row(stars="7", price="abc"), product_row("KG-NEW-02"),
                                 product_row("KG-NEW-03", booth_no="Z-1"), product_row("KG-NEW-02")))  # fmt: skip
    with pytest.raises(ImportRejected) as caught:
        run_import(store, products=source)
    assert {(p.row, p.column) for p in caught.value.errors} == {
        ("2", "Số sao"), ("2", "Giá"), ("4", "Gian hàng"), ("5", "Mã sản phẩm"),
    }  # fmt: skip


def test_cli_exit_1_with_a_table_and_a_report(tmp_path: Path) -> None:
    store = tmp_path / "fair.json"
    before = write_store(store)
    source = tmp_path / "products.csv"
    source.write_bytes(_products(product_row(price="1,5")))
    report = tmp_path / "problems.csv"
    result = CliRunner().invoke(main, ["--lang", "en", "import", "--products", str(source), "--data", str(store),
                                       "--report", str(report)], env={"COLUMNS": "200"})  # fmt: skip
    assert result.exit_code == 1, result.output
    assert "Problems to fix" in result.output and "1,5" in result.output
    assert "nothing was written" in result.output
    assert "Traceback" not in result.output
    assert store.read_bytes() == before
    lines = report.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("File,Row,Column,Value,Problem")
    assert lines[1].startswith('products.csv,2,Giá,"1,5",')


def test_cli_encoding_hint(tmp_path: Path) -> None:
    store = tmp_path / "fair.json"
    write_store(store)
    source = tmp_path / "products.csv"
    source.write_bytes(cp1258(_CP1258_PRODUCTS))
    result = CliRunner().invoke(
        main, ["--lang", "en", "import", "--products", str(source), "--data", str(store)], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 1
    assert "CSV UTF-8" in result.output
    assert "\\x" in result.output  # the bad bytes are shown, not guessed at


def test_json_rows_keep_their_numbers(tmp_path: Path) -> None:
    store = tmp_path / "fair.json"
    write_store(store)
    source = tmp_path / "products.json"
    good = {"code": "KG-J-1", "name": "Mắm", "group": "food", "stars": 4, "booth_no": "A-01", "producer": "HTX",
            "province": "Kiên Giang"}  # fmt: skip
    source.write_text(json.dumps({"7": good, "9": {**good, "code": "KG-J-2", "stars": True}}), encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        run_import(store, products=source)
    assert [(p.row, p.column, p.key) for p in caught.value.errors] == [("9", "stars", "import.bad.stars")]
