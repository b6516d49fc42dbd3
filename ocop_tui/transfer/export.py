"""Write a store's booths and products as CSV, Excel or JSON files with the contract's headers.

The files are what the importer reads back: `export` then `import --replace` gives the same records.
Values are the contract's (group "food", exhibitor type "cooperative", prices in whole đồng without
separators), so nothing depends on the reader's locale. CSV is UTF-8 with a byte-order mark, the form
Excel opens correctly; in Excel files every text is a text cell, so a name starting with "=" stays a
name and never becomes a formula. Each file is written to a temporary file and renamed into place.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

import orjson

from ocop_tui.files import atomic_write
from ocop_tui.model import Booth, Product
from ocop_tui.plan.shapes import POSITION_FIELDS
from ocop_tui.store.contract import CheckedTables
from ocop_tui.transfer.headers import BOOTH_FIELDS, PRODUCT_FIELDS
from ocop_tui.transfer.merge import field_value

Format = Literal["csv", "xlsx", "json"]
FORMATS: tuple[Format, ...] = ("csv", "xlsx", "json")
BOOTH_COLUMNS = BOOTH_FIELDS  # the contract's fields, then the place on the floor plan (x, y, w, h)
PRODUCT_COLUMNS = PRODUCT_FIELDS
_WIDTHS = {"description": 60, "name": 40, "exhibitor": 40, "producer": 36, "name_en": 36}


def record_rows(records: Iterable[Booth | Product], columns: Sequence[str]) -> list[list[Any]]:
    """One list of values per record, in `columns` order; empty optional values are None."""
    rows = []
    for record in records:
        rows.append([None if (value := field_value(record, name)) == "" else value for name in columns])
    return rows


def csv_bytes(columns: Sequence[str], rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)  # comma, CRLF, quotes only where needed: what Excel writes
    writer.writerow(columns)
    writer.writerows([["" if value is None else value for value in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(sheet_title: str, columns: Sequence[str], rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook  # only Excel exports pay for it
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title)
    for index, name in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(name, 16)
    sheet.freeze_panes = "A2"
    header = []
    for name in columns:
        cell = WriteOnlyCell(sheet, name)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        values: list[Any] = []
        for value in row:
            if isinstance(value, str) and value.startswith("="):
                cell = WriteOnlyCell(sheet, value)
                cell.data_type = "s"  # openpyxl would store it as a formula
                values.append(cell)
            else:
                values.append(value)
        sheet.append(values)
    if rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def json_bytes(columns: Sequence[str], rows: list[list[Any]]) -> bytes:
    items = [{name: ("" if value is None and name not in _NUMBERS else value) for name, value in zip(columns, row)}
             for row in rows]  # fmt: skip
    return orjson.dumps(items, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


_NUMBERS = frozenset({"stars", "subgroup", "price_vnd", "certified_year", "x", "y", "w", "h"})


def encode_table(fmt: Format, table: str, columns: Sequence[str], rows: list[list[Any]]) -> bytes:
    if fmt == "csv":
        return csv_bytes(columns, rows)
    if fmt == "xlsx":
        return xlsx_bytes(table, columns, rows)
    return json_bytes(columns, rows)


def export_tables(tables: CheckedTables, out_dir: Path, fmt: Format = "csv") -> list[Path]:
    """Write booths.<fmt> and products.<fmt> into `out_dir` (created if needed); return their paths."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    booth_columns: tuple[str, ...] = BOOTH_COLUMNS
    if not any(booth.position is not None for booth in tables.booths):
        # A store without a floor plan: four always-empty columns would only puzzle the organiser.
        booth_columns = tuple(name for name in BOOTH_COLUMNS if name not in POSITION_FIELDS)
    for table, records, columns in (
        ("booths", tables.booths, booth_columns),
        ("products", tables.products, PRODUCT_COLUMNS),
    ):
        target = out_dir / f"{table}.{fmt}"
        # A reader (or Excel) never sees half a file, and a failed export leaves the old file in place.
        atomic_write(target, encode_table(fmt, table, columns, record_rows(records, columns)))
        written.append(target)
    return written
