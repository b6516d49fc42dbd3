"""The import templates in data/samples/ import cleanly into the demo fair, and their CSV and Excel
versions hold the same rows. Regenerate the .xlsx files after editing a .csv with:

    python -m tests.unit.test_samples
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from typing import Any

import pytest

from ocop_tui.paths import demo_store_path
from ocop_tui.transfer.importing import run_import
from ocop_tui.transfer.merge import Counts

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
_NUMBER_COLUMNS = {"Bộ sản phẩm", "Năm công nhận", "Giá"}  # typed as numbers in Excel, as organisers do


def _csv_rows(name: str) -> list[list[str]]:
    with (SAMPLES / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def _excel_value(header: str, text: str) -> Any:
    if header in _NUMBER_COLUMNS and text:
        return int(text.replace(".", ""))
    return text or None


def write_sample_workbook(csv_name: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    header, *rows = _csv_rows(csv_name)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Gian hàng" if csv_name.startswith("booths") else "Sản phẩm"
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_excel_value(h, v) for h, v in zip(header, row)])
    for index, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(45, len(name) + 4))
        if name == "Giá":
            for cell in sheet[get_column_letter(index)][1:]:
                cell.number_format = "#,##0"
    sheet.freeze_panes = "A2"
    workbook.save(SAMPLES / csv_name.replace(".csv", ".xlsx"))


@pytest.mark.parametrize("name", ["booths", "products"])
def test_excel_templates_match_the_csv(name: str) -> None:
    from openpyxl import load_workbook

    header, *rows = _csv_rows(f"{name}.csv")
    workbook = load_workbook(SAMPLES / f"{name}.xlsx", read_only=True)
    got = [list(r) for r in workbook.active.iter_rows(values_only=True)]
    workbook.close()
    expected = [header, *[[_excel_value(h, v) for h, v in zip(header, row)] for row in rows]]
    assert got == expected, "regenerate: python -m tests.unit.test_samples"


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_templates_import_cleanly_into_the_demo_fair(tmp_path: Path, suffix: str) -> None:
    store = tmp_path / "fair.json"
    shutil.copyfile(demo_store_path(), store)
    booths = len(_csv_rows("booths.csv")) - 1
    products = len(_csv_rows("products.csv")) - 1
    result = run_import(store, booths=SAMPLES / f"booths.{suffix}", products=SAMPLES / f"products.{suffix}")
    # New records only: nothing of the demo fair is overwritten.
    assert result.counts == {"booths": Counts(added=booths), "products": Counts(added=products)}
    # Only the floor plan may warn: the host province's zone is full, so A-101 is placed on the east side.
    assert [p.message("en") for p in result.problems if "floor plan" not in p.message("en")] == []


if __name__ == "__main__":
    for csv_name in ("booths.csv", "products.csv"):
        write_sample_workbook(csv_name)
    print(f"wrote {SAMPLES}/booths.xlsx and products.xlsx")
