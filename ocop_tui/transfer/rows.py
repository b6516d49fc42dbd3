"""Stage 2 of an import: a sheet's rows turned into records. Headers mapped to fields, each value converted,
each row checked with the data contract's own rules, duplicates within the file found.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import islice
from typing import Any

from ocop_tui.model import Booth, Product
from ocop_tui.store.contract import Problem, booth_key, check_booth, check_product
from ocop_tui.text import fold, unescape_formula
from ocop_tui.transfer.cells import ABSENT, NotAnObject, huge_digits, is_empty
from ocop_tui.transfer.headers import (
    HEADERS,
    KEY_FIELD,
    REQUIRED,
    Progress,
    TableName,
    header_field,
    is_bookkeeping,
    is_total_label,
)
from ocop_tui.transfer.problems import ImportProblem, make_problem, show_cell
from ocop_tui.transfer.source import Sheet
from ocop_tui.transfer.values import CONVERTERS, NOT_TEXT, ValueRejected, as_text

_CHECKS: dict[str, Callable[[Any, str, list[Problem]], Any]] = {"booths": check_booth, "products": check_product}


@dataclass(frozen=True, slots=True)
class ImportedRow:
    row: str
    record: Booth | Product
    absent: frozenset[str] = frozenset()  # JSON: keys this object leaves out (kept as stored when merging)


@dataclass
class ParsedTable:
    """The valid rows of one file, the columns it has (field -> header as written) and its problems."""

    table: TableName
    file: str
    columns: dict[str, str]
    rows: list[ImportedRow]
    problems: list[ImportProblem]
    row_count: int = 0  # non-blank data rows, valid or not

    def column(self, field_name: str) -> str:
        return self.columns.get(field_name, field_name)


def product_name_key(record: Product | Mapping[str, Any]) -> tuple[str, ...]:
    """Two products with this key are probably one product typed twice (an NFD copy, other case...)."""
    get = record.get if isinstance(record, Mapping) else lambda name, default="": getattr(record, name)
    values = (get("name", ""), get("producer", ""), get("unit", ""))
    return tuple(fold(v) if isinstance(v, str) else "" for v in values)


def _encoding_problems(sheet: Sheet, table: TableName, bad_bytes: dict[tuple[str, int], int]) -> ParsedTable:
    """A CSV that is not UTF-8: every other check would only report mojibake. Name each bad cell and stop."""
    header_cells = sheet.head[sheet.header_index][1] if sheet.head else []
    problems = []
    for row, cells in sheet.rows():
        for index, cell in enumerate(cells):
            offset = bad_bytes.get((row, index))
            if offset is not None:
                column = header_cells[index] if index < len(header_cells) else f"#{index + 1}"
                problems.append(make_problem(sheet.label, row, show_cell(column), cell, "import.bad.encoding",
                                             offset=offset))  # fmt: skip
    return ParsedTable(table, sheet.label, {}, [], problems)


def _header_columns(
    sheet: Sheet, table: TableName, problems: list[ImportProblem]
) -> tuple[dict[str, str], dict[str, int]]:
    """The columns of the header row: field -> header as written, field -> position."""
    header_label, header_cells = sheet.head[sheet.header_index] if sheet.head else ("1", [])
    columns: dict[str, str] = {}
    positions: dict[str, int] = {}
    for index, cell in enumerate(header_cells):
        header = as_text(cell)
        if not isinstance(header, str) or not header.strip() or is_bookkeeping(header):
            continue  # STT, Ghi chú...: the list's own bookkeeping, not data
        header = header.strip()
        field_name = header_field(table, header)
        if field_name is None:
            problems.append(make_problem(sheet.label, header_label, header, "", "import.warn.unknown_column",
                                         "warning"))  # fmt: skip
        elif field_name in columns:
            problems.append(make_problem(sheet.label, header_label, header, "", "import.bad.duplicate_column",
                                         other=columns[field_name], field=field_name))  # fmt: skip
        else:
            columns[field_name] = header
            positions[field_name] = index
    return columns, positions


def _is_total_row(cells: list[Any], key_value: Any) -> bool:
    """A "Tổng cộng" / "Cộng" / "Tổng" row at the foot of a list: its first filled cell says so, and it
    has no booth number or product code of its own."""
    first = next((c for c in cells if not is_empty(c)), None)
    return is_total_label(first) and (is_empty(key_value) or key_value == first)


def _excel_date(value: datetime | date | time) -> ValueRejected:
    """A number typed into a cell Excel formats as a date comes back as a date: say so, and how to fix it."""
    if isinstance(value, time):
        serial: float = (value.hour * 3600 + value.minute * 60 + value.second) / 86400
    else:
        moment = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
        serial = (moment - _EXCEL_EPOCH).total_seconds() / 86400
    number = str(round(serial)) if abs(serial - round(serial)) < 1e-6 else f"{serial:g}"
    shown = value.strftime("%d/%m/%Y") if isinstance(value, (datetime, date)) else value.isoformat()
    return ValueRejected("import.bad.excel_date", number=number, date=shown)


_EXCEL_EPOCH = datetime(1899, 12, 30)  # Excel's day 0 (after its 1900 leap-year quirk)


def parse_table(sheet: Sheet, table: TableName, *, progress: Progress | None = None) -> ParsedTable:
    """Map headers, convert and check every row; problems are collected, never raised."""
    file = sheet.label
    problems: list[ImportProblem] = []
    if sheet.refused is not None:
        return ParsedTable(table, file, {}, [], [sheet.refused])
    if sheet.bad_bytes is not None:
        return _encoding_problems(sheet, table, sheet.bad_bytes)
    header_label = sheet.head[sheet.header_index][0] if sheet.head else "1"
    columns, positions = _header_columns(sheet, table, problems)
    # JSON objects each carry their own keys: a missing one is reported on its row by the contract check.
    missing = [] if sheet.from_json else [name for name in REQUIRED[table] if name not in columns]
    for name in missing:
        problems.append(make_problem(file, header_label, HEADERS[table][name][0], "", "import.bad.missing_column",
                                     field=name))  # fmt: skip

    column_order = {header: index for index, header in enumerate(columns.values())}
    key_field = KEY_FIELD[table]
    converters = CONVERTERS[table]
    check = _CHECKS[table]
    rows: list[ImportedRow] = []
    seen_keys: dict[str, str] = {}
    seen_names: dict[tuple[str, ...], str] = {}
    warnings: list[str] = []  # filled by a converter for the cell at hand
    spreadsheet = not sheet.from_json
    count = 0
    for done, (row, cells) in enumerate(islice(sheet.rows(), sheet.header_index + 1, None), start=1):
        if progress is not None and done % 500 == 0:
            progress("import.progress.check", *sheet.progress())
        if cells and isinstance(cells[0], NotAnObject):
            problems.append(make_problem(file, row, "", cells[0].value, "import.bad.not_object"))
            count += 1
            continue
        width = len(cells)
        raw = {name: cells[index] if index < width else None for name, index in positions.items()}
        if all(is_empty(value) for value in raw.values()):
            continue  # blank rows (and rows with only a row number) are skipped
        if spreadsheet and _is_total_row(cells, raw.get(key_field)):
            continue
        count += 1
        for key in sheet.duplicate_keys.get(row, ()):
            problems.append(make_problem(file, row, key, "", "import.bad.duplicate_key"))
        doc: dict[str, Any] = {}
        rejected: set[str] = set()
        row_problems: list[ImportProblem] = []
        for name, value in raw.items():
            if value is ABSENT:
                continue
            if name in NOT_TEXT and is_empty(value):
                doc[name] = None  # an empty number cell: the field is not given
                continue
            warnings.clear()
            try:
                if huge_digits(value):
                    raise ValueRejected("import.bad.huge_number", digits=huge_digits(value))
                if isinstance(value, (datetime, date, time)):
                    if name in NOT_TEXT:
                        raise _excel_date(value)
                    warnings.append("import.warn.date_in_text")
                elif spreadsheet and isinstance(value, str) and value[:1] == "'":
                    value = unescape_formula(value)  # the apostrophe an export put before "=..."
                doc[name] = converters[name](value, warnings.append)
            except ValueRejected as rejection:
                rejected.add(name)
                row_problems.append(make_problem(file, row, columns[name], value, rejection.key, **rejection.values))
            for key in warnings:
                row_problems.append(make_problem(file, row, columns[name], value, key, "warning"))
        checked: list[Problem] = []
        record = check(doc, row, checked)
        for p in checked:
            # A value this module already refused, or a whole missing column, is reported once.
            if p.field in rejected or p.field in missing:
                continue
            value = raw.get(p.field, p.value)
            row_problems.append(ImportProblem(file, row, columns.get(p.field, p.field), show_cell(value),
                                              "import.check", (("message", p.message),), p.severity))  # fmt: skip
        if rejected or any(p.is_error for p in row_problems):
            record = None
        if record is not None:
            key = booth_key(getattr(record, key_field))
            if key in seen_keys:
                row_problems.append(
                    make_problem(
                        file, row, columns[key_field], raw[key_field], "import.bad.duplicate_row", other=seen_keys[key]
                    )
                )
                record = None
            else:
                seen_keys[key] = row
        if isinstance(record, Product):
            name_key = product_name_key(record)
            if name_key in seen_names:
                row_problems.append(make_problem(file, row, columns["name"], raw["name"], "import.warn.same_name",
                                             "warning", other=seen_names[name_key]))  # fmt: skip
            else:
                seen_names[name_key] = row
        # In the order of the file's columns, as the organiser reads the row.
        row_problems.sort(key=lambda p: column_order.get(p.column, len(column_order)))
        problems.extend(row_problems)
        if record is not None:
            absent = frozenset(name for name, value in raw.items() if value is ABSENT)
            rows.append(ImportedRow(row, record, absent))
    if progress is not None:
        done, total = sheet.progress()
        progress("import.progress.check", total or done, total or done)
    return ParsedTable(table, file, columns, rows, problems, count)
