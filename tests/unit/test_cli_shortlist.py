"""`ocop-tui shortlist list` and `export`: the follow-up sheet round-trips, errors are one line with the usual
exit codes, and a spreadsheet never takes a cell for a formula (shortlist/followup.py)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from openpyxl import load_workbook

from ocop_tui.cli.main import main
from ocop_tui.model import Booth, Lang, Product
from ocop_tui.paths import demo_store_path
from ocop_tui.search.catalog import load_catalog
from ocop_tui.shortlist.followup import (
    COLUMNS,
    csv_bytes,
    follow_up_rows,
    headers,
    xlsx_bytes,
)
from ocop_tui.shortlist.groups import BoothGroup, ShortlistGroups, group_by_booth
from ocop_tui.shortlist.items import Item, Shortlist
from ocop_tui.shortlist.storage import SavedShortlists
from ocop_tui.text import escape_formula, unescape_formula

ITEMS = [Item("product", "91-908-30939-3-2022"), Item("booth", "K-007"), Item("product", "91-913-31060-5-2024")]


@pytest.fixture(autouse=True)
def state_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path / "state" / "ocop-tui" / "shortlists"


def run(*args: str, lang: Lang = "vi") -> Result:
    # A wide console, so that Rich does not wrap the one-line messages the tests compare.
    return CliRunner(env={"COLUMNS": "400"}).invoke(main, ["--lang", lang, "shortlist", *args])


def saved_list(name: str = "Khách sỉ Cần Thơ", items: list[Item] = ITEMS) -> None:
    SavedShortlists().save(name, Shortlist(items), fair="Diễn đàn OCOP")


def expected_rows(lang: Lang, items: list[Item] = ITEMS) -> list[list[object]]:
    return follow_up_rows(group_by_booth(Shortlist(items), load_catalog(demo_store_path())), lang)


def read_csv(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return [[unescape_formula(cell) for cell in row] for row in csv.reader(io.StringIO(text, newline=""))]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_csv_export_round_trips(tmp_path: Path, lang: Lang) -> None:
    saved_list()
    out = tmp_path / "follow-up.csv"
    result = run("export", "khach si can tho", "--out", str(out), lang=lang)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == (
        f"Đã ghi {out}: 2 gian hàng, 2 sản phẩm" if lang == "vi" else f"Wrote {out}: 2 booths, 2 products"
    )
    rows = read_csv(out)
    assert rows[0] == headers(lang)
    assert rows[1:] == [["" if v is None else str(v) for v in row] for row in expected_rows(lang)]
    booths = [row[0] for row in rows[1:]]
    assert booths == ["A-001", "A-001", "K-007"]  # booth-number order; K-007 collected without products
    assert rows[3][COLUMNS.index("phone")] and rows[3][COLUMNS.index("code")] == ""


def test_xlsx_export_round_trips_with_numbers_as_numbers(tmp_path: Path) -> None:
    saved_list()
    out = tmp_path / "follow-up.XLSX"
    result = run("export", "Khách sỉ Cần Thơ", "--out", str(out), lang="en")
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out).active
    assert sheet is not None and sheet.title == "Shortlist"
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == headers("en") and rows[1:] == expected_rows("en")
    assert isinstance(rows[1][COLUMNS.index("stars")], int) and isinstance(rows[1][COLUMNS.index("price_vnd")], int)


def test_missing_items_are_left_out_with_a_warning(tmp_path: Path) -> None:
    saved_list("old", [*ITEMS, Item("product", "gone-1"), Item("booth", "Z-999")])
    out = tmp_path / "x.csv"
    result = run("export", "old", "--out", str(out), lang="en")
    assert result.exit_code == 0
    assert "2 item(s) of the list are not in this store (left out): gone-1, Z-999" in result.stderr
    assert len(read_csv(out)) == 4


def test_unknown_list_exits_two_with_one_line(tmp_path: Path) -> None:
    result = run("export", "nope", "--out", str(tmp_path / "x.csv"))
    assert result.exit_code == 2
    assert result.stderr == "Lỗi: Không có danh sách nào tên “nope” (xem `ocop-tui shortlist list`)\n"
    assert not (tmp_path / "x.csv").exists()


def test_unwritable_file_exits_two_with_one_line(tmp_path: Path) -> None:
    saved_list()
    out = tmp_path / "no such folder" / "x.csv"
    result = run("export", "khach si can tho", "--out", str(out), lang="en")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: Cannot write {out}: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_wrong_file_type_a_damaged_list_and_an_unreadable_store(tmp_path: Path, state_folder: Path) -> None:
    saved_list()
    result = run("export", "khach si can tho", "--out", str(tmp_path / "x.ods"), lang="en")
    assert result.exit_code == 2 and "the export can only be a .csv or .xlsx file" in result.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    result = run("export", "khach si can tho", "--out", str(tmp_path / "x.csv"), "--data", str(broken))
    assert result.exit_code == 2 and "broken.json" in result.stderr
    (path,) = state_folder.iterdir()
    path.write_text("{", encoding="utf-8")
    result = run("export", "khach si can tho", "--out", str(tmp_path / "x.csv"), lang="en")
    assert result.exit_code == 2 and "is damaged and cannot be opened" in result.stderr
    assert "Traceback" not in result.output


def test_a_file_name_is_shown_harmless(tmp_path: Path) -> None:
    result = run("export", "nope", "--out", str(tmp_path / "x\x1b]0;t\x07.txt"))
    assert result.exit_code == 2 and "\x1b" not in result.stderr and "x\\x1b]0;t\\x07.txt" in result.stderr


def test_list_shows_names_counts_and_damaged_files(state_folder: Path) -> None:
    result = run("list", lang="en")
    assert result.exit_code == 0 and result.stdout.startswith("No shortlist saved yet in ")
    saved_list()
    saved_list("Bánh pía", ITEMS[:1])
    (state_folder / "broken.json").write_text("[", encoding="utf-8")
    result = run("list", lang="en")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "Saved shortlists" in lines[0]
    body = "\n".join(lines)
    assert body.index("Bánh pía") < body.index("Khách sỉ Cần Thơ") < body.index("broken.json")
    assert "damaged:" in body and "Diễn đàn OCOP" in body


def test_cells_that_start_like_formulas_are_escaped_in_csv_and_text_in_excel() -> None:
    hostile = ['=HYPERLINK("http://x","y")', "+84 967 095 651", "-1", "@SUM(A1)", "\tx", "\rx", "'=x", "''+x"]
    for text in hostile:
        assert escape_formula(text).startswith("'") and unescape_formula(escape_formula(text)) == text
    for text in ("K-007", "Nước mắm", "'quoted'", "", "5★"):
        assert escape_formula(text) == text == unescape_formula(text)
    booth = Booth("=1+1", hostile[0], "cooperative", "Kiên Giang", "@zone", contact_name="-x", phone=hostile[1])
    product = Product("+1", "=cmd|' /C calc'!A0", "food", 4, "=1+1", "p", "Kiên Giang", unit="\tkg")
    groups = ShortlistGroups((BoothGroup(booth, (product,), True),))
    text = csv_bytes(groups, "vi").decode("utf-8-sig")
    cells = list(csv.reader(io.StringIO(text, newline="")))[1]
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    workbook = load_workbook(io.BytesIO(xlsx_bytes(groups, "vi")))
    sheet = workbook.active
    assert sheet is not None
    row = [cell for cell in next(sheet.iter_rows(min_row=2))]
    assert all(cell.data_type in ("s", "n") for cell in row)  # text cells, never formulas ("f")
    assert row[0].value == "=1+1" and row[COLUMNS.index("name")].value == "=cmd|' /C calc'!A0"
