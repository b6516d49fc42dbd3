"""The spreadsheets provinces really send: an official letterhead above the headers, merged title cells, STT
and Ghi chú columns, blank and total rows, a hidden first sheet, chart sheets, and a year typed into a cell
Excel formats as a date."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ocop_tui.cli.main import main
from ocop_tui.transfer.importing import run_import
from ocop_tui.transfer.merge import Counts
from ocop_tui.transfer.problems import ImportFileError, ImportRejected

from .importdata import csv_text, write_store

LETTERHEAD = [
    ["UBND TỈNH BẠC LIÊU", None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", None, None, None, "Độc lập - Tự do - Hạnh phúc"],
    [None],
    ["Số: 1234/SNN-PTNT", None, None, None, "Bạc Liêu, ngày 15 tháng 8 năm 2024"],
    [None],
    ["DANH SÁCH SẢN PHẨM OCOP THAM GIA DIỄN ĐÀN OCOP ĐỒNG BẰNG SÔNG CỬU LONG"],
    ["(Kèm theo Công văn số 1234/SNN-PTNT ngày 15/8/2024 của Sở Nông nghiệp và PTNT)"],
    [None],
    ["Tổng số sản phẩm: 4; đơn vị tính giá: đồng"],
    [None],
    [None],
]  # 11 rows: the headers are on row 12

HEADER = ["STT", "Mã sản phẩm", "Tên sản phẩm", "Nhóm", "Số sao", "Gian hàng", "Chủ thể", "Tỉnh", "Giá",
          "Năm công nhận", "Ghi chú"]  # fmt: skip

ROWS = [
    [1, "BL-MUOI-01", "Muối ớt Bạc Liêu", "Thực phẩm", "4 sao", "A-01", "HTX Diêm nghiệp Đông Hải", "Bạc Liêu",
     35000, 2023, "mới"],
    [2, "BL-MUOI-02", "Muối tôm Bạc Liêu", "Thực phẩm", 3, "A-01", "HTX Diêm nghiệp Đông Hải", "Bạc Liêu", 40000,
     2022, None],
    [3, "BL-TOM-01", "Tôm khô Gành Hào", "Thực phẩm", "5 sao", "A-02", "Cơ sở Tôm khô Út Hiền", "Bạc Liêu", 650000,
     2024, "loại 1"],
    [None],  # a blank row inside the list
    [4, "BL-RUOU-01", "Rượu Hiệp Thành", "Đồ uống", 3, "B-01", "Cơ sở Rượu Hiệp Thành", "Bạc Liêu", 120000, 2023,
     None],
]  # fmt: skip

TOTAL = ["Tổng cộng", None, None, None, None, None, None, None, 845000, None, None]


def letterhead_workbook(path: Path, *, date_year: bool = False, hidden_first: bool = True) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    old = workbook.active
    old.title = "Sheet1"
    if hidden_first:
        # An older list the province hid rather than deleted: it has the headers, but must not be read.
        old.append(HEADER)
        old.append([1, "BL-CU-01", "Sản phẩm năm trước", "Thực phẩm", 3, "A-01", "HTX Cũ", "Bạc Liêu", 1, 2020, None])
        old.sheet_state = "hidden"
    else:
        workbook.remove(old)
    sheet = workbook.create_sheet("Danh sách")
    for row in LETTERHEAD:
        sheet.append(row)
    sheet.merge_cells("A1:C1")
    sheet.merge_cells("E1:I1")
    sheet.merge_cells("A6:K6")
    sheet.merge_cells("A7:K7")
    sheet["A6"].font = Font(bold=True)
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    sheet.append(TOTAL)
    sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=8)
    if date_year:
        cell = sheet["J14"]  # BL-MUOI-02's year, on row 14
        cell.number_format = "dd/mm/yyyy"  # the column was formatted as dates before 2022 was typed in
    workbook.save(path)
    return path


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "fair.json"
    write_store(path)
    return path


def test_a_letterhead_workbook_imports_as_if_it_had_none(store: Path, tmp_path: Path) -> None:
    path = letterhead_workbook(tmp_path / "bac-lieu.xlsx")
    result = run_import(store, products=path)
    assert result.counts["products"] == Counts(added=4)
    assert result.problems == []  # no letterhead "column", no STT or Ghi chú warning, nothing from the total row
    assert {c.file for c in result.changes} == {"bac-lieu.xlsx (Danh sách)"}
    added = {c.key: c.row for c in result.changes}
    # Rows as Excel numbers them: the headers on 12, the blank row 16 skipped, the total row 18 ignored.
    assert added == {"BL-MUOI-01": "13", "BL-MUOI-02": "14", "BL-TOM-01": "15", "BL-RUOU-01": "17"}
    assert "BL-CU-01" not in added  # the hidden sheet was passed over


def test_a_year_in_a_date_formatted_cell_gets_the_excel_hint(store: Path, tmp_path: Path) -> None:
    before = store.read_bytes()
    path = letterhead_workbook(tmp_path / "bac-lieu.xlsx", date_year=True)
    with pytest.raises(ImportRejected) as caught:
        run_import(store, products=path)
    [error] = caught.value.errors
    assert (error.row, error.column, error.key) == ("14", "Năm công nhận", "import.bad.excel_date")
    assert error.value == "1905-07-14 00:00:00"  # what openpyxl hands back: the date Excel shows
    message = error.message("en")
    assert "formatted as a date" in message and "the number 2022 reads as the date 14/07/1905" in message
    assert "Format Cells → Number" in message
    assert "Định dạng ô → Số" in error.message("vi")
    assert store.read_bytes() == before


def test_the_cli_says_it_in_one_table_and_one_line(store: Path, tmp_path: Path) -> None:
    path = letterhead_workbook(tmp_path / "bac-lieu.xlsx", date_year=True)
    done = CliRunner().invoke(main, ["--lang", "en", "import", "--products", str(path), "--data", str(store)],
                              env={"COLUMNS": "250"})  # fmt: skip
    assert done.exit_code == 1 and "formatted as a date" in done.output and "Traceback" not in done.output
    assert "required column missing" not in done.output and "UBND" not in done.output


def test_a_letterhead_csv_too(store: Path, tmp_path: Path) -> None:
    rows: list[list[Any]] = [*LETTERHEAD, HEADER, *ROWS, TOTAL]
    text = csv_text([["" if v is None else v for v in row] for row in rows])
    path = tmp_path / "bac-lieu.csv"
    path.write_text(text, encoding="utf-8-sig")
    result = run_import(store, products=path)
    assert result.counts["products"] == Counts(added=4) and result.problems == []


@pytest.mark.parametrize("word", ["Tổng cộng", "Cộng", "TỔNG", "Tổng cộng: 4 sản phẩm", "Total"])
def test_total_rows_are_passed_over(store: Path, tmp_path: Path, word: str) -> None:
    total = [word, None, None, None, None, None, None, None, 845000, None, None]
    text = csv_text([["" if v is None else v for v in row] for row in [HEADER, *ROWS, total]])
    path = tmp_path / "p.csv"
    path.write_text(text, encoding="utf-8")
    assert run_import(store, products=path).problems == []


def test_a_row_that_only_looks_like_a_total_is_still_checked(store: Path, tmp_path: Path) -> None:
    # "Tổng" is the first cell, but the row has a product code: it is data, and its problems are reported.
    row = ["Tổng", "BL-X-01", "", "Thực phẩm", 4, "A-01", "HTX X", "Bạc Liêu", 1000, 2023, None]
    path = tmp_path / "p.csv"
    path.write_text(csv_text([HEADER, row]), encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        run_import(store, products=path)
    assert [(e.row, e.column) for e in caught.value.errors] == [("2", "Tên sản phẩm")]


def test_the_header_row_is_the_one_naming_the_most_columns(store: Path, tmp_path: Path) -> None:
    # A title naming one header ("Sản phẩm") sits above the real header row, which names eleven.
    rows = [["Sản phẩm"], ["Tỉnh", "Bạc Liêu"], HEADER, ROWS[0]]
    path = tmp_path / "p.csv"
    path.write_text(csv_text([["" if v is None else v for v in row] for row in rows]), encoding="utf-8")
    result = run_import(store, products=path)
    assert result.counts["products"] == Counts(added=1) and result.problems == []


def test_headers_below_row_30_are_not_looked_for(store: Path, tmp_path: Path) -> None:
    rows = [[f"Ghi chú dòng {n}"] for n in range(30)] + [HEADER, ROWS[0]]
    path = tmp_path / "p.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        run_import(store, products=path)
    assert {e.key for e in caught.value.errors} == {"import.bad.missing_column"}


def test_the_first_visible_sheet_with_the_headers_is_read(store: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    notes = workbook.active
    notes.title = "Hướng dẫn"
    notes.append(["Điền mỗi sản phẩm một dòng ở trang sau"])
    booths = workbook.create_sheet("Trang 2")  # a booths list: it names a booth and a province, not products
    booths.append(["Số gian hàng", "Tên đơn vị", "Loại hình", "Tỉnh", "Khu"])
    booths.append(["A-09", "HTX Mới", "HTX", "Bạc Liêu", "Khu A"])
    products = workbook.create_sheet("Trang 3")
    products.append(HEADER)
    products.append(ROWS[0])
    path = tmp_path / "hoi-cho.xlsx"
    workbook.save(path)
    result = run_import(store, products=path, booths=path)
    assert result.counts == {"booths": Counts(added=1), "products": Counts(added=1)}
    assert {c.file for c in result.changes} == {"hoi-cho.xlsx (Trang 2)", "hoi-cho.xlsx (Trang 3)"}


def test_no_sheet_with_the_headers_lists_the_sheets(store: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    first = workbook.active
    first.title = "Bìa"
    first.append(["UBND TỈNH BẠC LIÊU"])
    hidden = workbook.create_sheet("Cũ")
    hidden.append(HEADER)
    hidden.sheet_state = "hidden"
    workbook.create_sheet("Ghi chú").append(["Không có gì"])
    workbook.create_chartsheet("Biểu đồ")
    path = tmp_path / "x.xlsx"
    workbook.save(path)
    with pytest.raises(ImportFileError) as caught:
        run_import(store, products=path)
    message = caught.value.message("en")
    assert 'sheets: "Bìa", "Cũ" (hidden), "Ghi chú", "Biểu đồ" (chart)' in message and "--sheet" in message
    assert '"Cũ" (ẩn)' in caught.value.message("vi") and '"Biểu đồ" (biểu đồ)' in caught.value.message("vi")
    # Named, the hidden sheet is read.
    assert run_import(store, products=path, sheet="Cũ", dry_run=True).counts["products"].added == 0


def test_an_empty_chart_sheet_first_is_passed_over(store: Path, tmp_path: Path) -> None:
    """openpyxl cannot load a workbook whose chart sheet has no chart (AttributeError): the chart is skipped."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.create_chartsheet("Biểu đồ", 0)
    data = workbook["Sheet"]
    data.append(HEADER)
    data.append(ROWS[0])
    path = tmp_path / "chart-first.xlsx"
    workbook.save(path)
    result = run_import(store, products=path)
    assert result.counts["products"] == Counts(added=1)
    with pytest.raises(ImportFileError) as caught:
        run_import(store, products=path, sheet="Biểu đồ")
    assert caught.value.key == "import.file.sheet_kind"


def test_a_date_in_a_text_column_is_warned(store: Path, tmp_path: Path) -> None:
    from datetime import datetime

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Số gian hàng", "Tên đơn vị", "Loại hình", "Tỉnh", "Khu"])
    sheet.append([datetime(2024, 1, 5), "HTX Mới", "HTX", "Bạc Liêu", "Khu A"])  # Excel read "1-5" as a date
    path = tmp_path / "b.xlsx"
    workbook.save(path)
    result = run_import(store, booths=path)
    assert [(p.row, p.column, p.key) for p in result.problems] == [("2", "Số gian hàng", "import.warn.date_in_text")]
