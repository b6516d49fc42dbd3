"""Write a store's booths and products as CSV, Excel or JSON files that the importer reads back unchanged.

Two forms for CSV and Excel. Vietnamese (`vi`, the command's default) is the form of the templates in
data/samples/ and of the lists organisers keep: the headers "Số gian hàng", "Tên đơn vị"..., the columns in
the templates' order, and values as people write them ("Hợp tác xã", "Thực phẩm", "4 sao", "150.000"), so an
organiser can export, edit in Excel and import back in the same form. `en` writes the data contract's field
names and values ("booth_no", "cooperative", "food", 4, 150000). JSON always holds the contract's.

CSV is UTF-8 with a byte-order mark, the form Excel opens correctly, and a text starting like a formula
("=", "+", "-", "@", a tab or CR) gets an apostrophe in front (text.escape_formula), which the importer
takes off again. In Excel files every text is a text cell, so a name starting with "=" stays a name.

Every file is written in full into a temporary folder inside the target folder (where a full disk or a quota
strikes) before any is renamed into place (which needs no space), so a failed export leaves the files that
were there before, not a mix of old and new; the error names the file that could not be written
(ExportFailed).
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

import orjson

from ocop_tui.files import file_mode, fsync_dir, replace
from ocop_tui.i18n import format_number
from ocop_tui.model import EXHIBITOR_TYPES, GROUPS, Booth, Product
from ocop_tui.plan.shapes import POSITION_FIELDS
from ocop_tui.store.contract import CheckedTables
from ocop_tui.text import escape_formula, escape_leading_apostrophes
from ocop_tui.transfer.headers import BOOTH_FIELDS, HEADERS, PRODUCT_FIELDS
from ocop_tui.transfer.merge import field_value

Format = Literal["csv", "xlsx", "json"]
FORMATS: tuple[Format, ...] = ("csv", "xlsx", "json")
HeaderLang = Literal["vi", "en"]
HEADER_LANGS: tuple[HeaderLang, ...] = ("vi", "en")
BOOTH_COLUMNS = BOOTH_FIELDS  # the contract's fields, then the place on the floor plan (x, y, w, h)
PRODUCT_COLUMNS = PRODUCT_FIELDS
# The templates' order (data/samples/products.csv): the English name next to the name, the set next to its group.
PRODUCT_COLUMNS_VI = ("code", "name", "name_en", "group", "subgroup", "stars", "booth_no", "producer", "province",
                      "price_vnd", "unit", "description", "certified_year")  # fmt: skip
_WIDTHS = {"description": 60, "name": 40, "exhibitor": 40, "producer": 36, "name_en": 36}


class ExportFailed(Exception):
    """A file of the export could not be written; the folder holds what it held before."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def _stars_vi(value: int) -> str:
    return f"{value} sao"


# How each coded or counted field is written in the Vietnamese form (the importer reads every one back).
_VI_VALUES: dict[str, Callable[[Any], Any]] = {
    "group": lambda key: GROUPS[key].vi,
    "exhibitor_type": lambda key: EXHIBITOR_TYPES[key].vi,
    "stars": _stars_vi,
}


def record_rows(records: Iterable[Booth | Product], columns: Sequence[str], headers: HeaderLang = "en") -> list[
    list[Any]
]:  # fmt: skip
    """One list of values per record, in `columns` order; empty optional values are None."""
    convert = _VI_VALUES if headers == "vi" else {}
    rows = []
    for record in records:
        row = []
        for name in columns:
            value = field_value(record, name)
            if value == "" or value is None:
                row.append(None)
            else:
                row.append(convert[name](value) if name in convert else value)
        rows.append(row)
    return rows


def header_names(columns: Sequence[str], table: str, headers: HeaderLang) -> list[str]:
    return [HEADERS[table][name][0] for name in columns] if headers == "vi" else list(columns)


def _csv_cell(name: str, value: Any, headers: HeaderLang) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return escape_formula(value)
    if name == "price_vnd" and headers == "vi":
        return format_number(value, "vi")  # 150.000, as organisers write a price
    return str(value)


def csv_bytes(columns: Sequence[str], names: Sequence[str], rows: list[list[Any]], headers: HeaderLang = "en") -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)  # comma, CRLF, quotes only where needed: what Excel writes
    writer.writerow(names)
    writer.writerows([[_csv_cell(name, value, headers) for name, value in zip(columns, row)] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(sheet_title: str, columns: Sequence[str], names: Sequence[str], rows: list[list[Any]]) -> bytes:
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
    for name in names:
        cell = WriteOnlyCell(sheet, name)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    price = columns.index("price_vnd") if "price_vnd" in columns else -1
    for row in rows:
        values: list[Any] = []
        for index, value in enumerate(row):
            if isinstance(value, str):
                cell = WriteOnlyCell(sheet, escape_leading_apostrophes(value))
                cell.data_type = "s"  # openpyxl would store "=..." as a formula
                values.append(cell)
            elif index == price and value is not None:
                cell = WriteOnlyCell(sheet, value)
                cell.number_format = "#,##0"  # 150.000 in a Vietnamese Excel, 150,000 in an English one
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


def encode_table(fmt: Format, table: str, columns: Sequence[str], records: Iterable[Booth | Product],
                 headers: HeaderLang = "en") -> bytes:  # fmt: skip
    if fmt == "json":
        return json_bytes(columns, record_rows(records, columns))
    rows = record_rows(records, columns, headers)
    names = header_names(columns, table, headers)
    if fmt == "csv":
        return csv_bytes(columns, names, rows, headers)
    return xlsx_bytes(table, columns, names, rows)


def _columns(table: str, tables: CheckedTables, fmt: Format, headers: HeaderLang) -> tuple[str, ...]:
    if table == "products":
        return PRODUCT_COLUMNS_VI if headers == "vi" and fmt != "json" else PRODUCT_COLUMNS
    # Columns no record fills would only puzzle the organiser: the place on a plan in a store without one,
    # the zone's English name in a store that gives none. (A column left out reads back as nothing.)
    unused = set()
    if not any(booth.position is not None for booth in tables.booths):
        unused.update(POSITION_FIELDS)
    if not any(booth.zone_en for booth in tables.booths):
        unused.add("zone_en")
    return tuple(name for name in BOOTH_COLUMNS if name not in unused)


def _write_new(path: Path, data: bytes, mode: int) -> None:
    with open(path, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(path, mode)


def export_tables(tables: CheckedTables, out_dir: Path, fmt: Format = "csv", headers: HeaderLang = "en") -> list[Path]:
    """Write booths.<fmt> and products.<fmt> into `out_dir` (created if needed); return their paths.

    Both are written in a temporary folder beside them first and renamed into place only when both are
    complete; ExportFailed names the file that could not be written, and the folder is then as it was."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".ocop-export-", dir=out_dir))
    except OSError as exc:
        raise ExportFailed(out_dir, exc.strerror or str(exc)) from None
    targets = [out_dir / f"{table}.{fmt}" for table in ("booths", "products")]
    try:
        for target, table, records in zip(targets, ("booths", "products"), (tables.booths, tables.products)):
            data = encode_table(fmt, table, _columns(table, tables, fmt, headers), records, headers)
            try:
                _write_new(staging / target.name, data, file_mode(target))
            except OSError as exc:
                raise ExportFailed(target, exc.strerror or str(exc)) from None
        for target in targets:
            try:
                replace(staging / target.name, target)
            except OSError as exc:
                raise ExportFailed(target, exc.strerror or str(exc)) from None
        with contextlib.suppress(OSError):
            fsync_dir(out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return targets
