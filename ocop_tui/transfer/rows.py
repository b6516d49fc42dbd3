"""Stage 2 of an import: a sheet's rows turned into records. Headers mapped to fields, each value converted,
each row checked with the data contract's own rules, duplicates within the file found.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ocop_tui.model import Booth, Product
from ocop_tui.store.contract import Problem, booth_key, check_booth, check_product
from ocop_tui.text import fold
from ocop_tui.transfer.cells import ABSENT, NotAnObject, is_empty
from ocop_tui.transfer.headers import HEADERS, KEY_FIELD, REQUIRED, Progress, TableName, find_header, header_field
from ocop_tui.transfer.problems import ImportProblem, make_problem, show_cell
from ocop_tui.transfer.sheets import Sheet
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


def _header_index(sheet: Sheet, table: TableName) -> int:
    return 0 if sheet.from_json else find_header(sheet.rows, table)


def parse_table(sheet: Sheet, table: TableName, *, progress: Progress | None = None) -> ParsedTable:
    """Map headers, convert and check every row; problems are collected, never raised."""
    file = sheet.label
    problems: list[ImportProblem] = []
    if sheet.refused is not None:
        return ParsedTable(table, file, {}, [], [sheet.refused])
    if sheet.bad_bytes:
        # Not UTF-8: every other check would only report mojibake. Name each bad cell and stop.
        header_cells = sheet.rows[_header_index(sheet, table)][1] if sheet.rows else []
        by_label = dict(sheet.rows)
        for (row, index), offset in sheet.bad_bytes.items():
            cells = by_label[row]
            column = header_cells[index] if index < len(header_cells) else f"#{index + 1}"
            problems.append(
                make_problem(file, row, show_cell(column), cells[index], "import.bad.encoding", offset=offset)
            )
        return ParsedTable(table, file, {}, [], problems)

    header_index = _header_index(sheet, table)
    header_label, header_cells = sheet.rows[header_index] if sheet.rows else ("1", [])
    columns: dict[str, str] = {}
    positions: dict[str, int] = {}
    for index, cell in enumerate(header_cells):
        header = as_text(cell)
        if not isinstance(header, str) or not header.strip():
            continue
        header = header.strip()
        field_name = header_field(table, header)
        if field_name is None:
            problems.append(make_problem(file, header_label, header, "", "import.warn.unknown_column", "warning"))
        elif field_name in columns:
            problems.append(make_problem(file, header_label, header, "", "import.bad.duplicate_column",
                                     other=columns[field_name], field=field_name))  # fmt: skip
        else:
            columns[field_name] = header
            positions[field_name] = index
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
    data_rows = sheet.rows[header_index + 1 :]
    total = len(data_rows)
    count = 0
    for done, (row, cells) in enumerate(data_rows, start=1):
        if progress is not None and done % 500 == 0:
            progress("import.progress.check", done, total)
        if cells and isinstance(cells[0], NotAnObject):
            problems.append(make_problem(file, row, "", cells[0].value, "import.bad.not_object"))
            count += 1
            continue
        width = len(cells)
        raw = {name: cells[index] if index < width else None for name, index in positions.items()}
        if all(is_empty(value) for value in raw.values()):
            continue  # blank rows (and rows with only a row number) are skipped
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
        progress("import.progress.check", total, total)
    return ParsedTable(table, file, columns, rows, problems, count)
