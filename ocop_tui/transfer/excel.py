"""Reading an .xlsx workbook for an import (sheets.py hands the file's bytes here): refuse a "zip bomb"
before openpyxl parses anything, pick the sheet to read, and stream its rows.

The sheet: the one `--sheet` names; else the first visible worksheet that has the table's headers, those
named for the table ("Sản phẩm", "products"...) first. Hidden sheets and chart sheets are passed over (a
chart sheet openpyxl cannot even load is skipped); when no sheet has the headers, the message lists them
all. Whatever openpyxl raises on a damaged workbook becomes one ImportFileError, never a traceback.
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

from ocop_tui.i18n import t
from ocop_tui.model import Lang
from ocop_tui.text import clean
from ocop_tui.transfer.headers import HEADER_SCAN_ROWS, TableName, find_header, has_headers, match_form
from ocop_tui.transfer.limits import ImportLimits
from ocop_tui.transfer.problems import ImportFileError
from ocop_tui.transfer.source import Row, Sheet, file_label

_SHEET_NAMES = {"booths": ("booths", "gian hang", "danh sach gian hang"),
                "products": ("products", "san pham", "danh sach san pham")}  # fmt: skip


# openpyxl turns a cell's digits into an int; Python refuses more than 4,300 digits (a ValueError that would
# end the whole file). Up to this many, a number is read and then refused on its own field (cells.huge_digits).
_CELL_DIGITS = 10_000


@contextmanager
def _long_numbers() -> Iterator[None]:
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(max(old, _CELL_DIGITS) if old else 0)
    try:
        yield
    finally:
        sys.set_int_max_str_digits(old)


def _unpacked_size(path: Path, data: bytes, limits: ImportLimits) -> None:
    """Refuse a workbook whose parts unpack to more than the cap (1 MB of zeros can unpack to 1 GB). The
    sizes a zip declares bound what reading it gives (zipfile stops there), so summing them is enough."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise ImportFileError(path, "import.file.xlsx", error=str(exc) or type(exc).__name__) from None
    if unpacked > limits.max_bytes:
        raise ImportFileError(path, "import.file.unpacked", size=unpacked // (1024 * 1024), limit=limits.max_megabytes)


def _load(path: Path, data: bytes) -> tuple[Any, list[str]]:
    """The workbook (read-only, values only) and the names of its chart sheets."""
    from openpyxl.reader.excel import ExcelReader

    charts: list[str] = []

    class _Reader(ExcelReader):  # type: ignore[misc]
        def read_chartsheet(self, sheet: Any, rel: Any) -> None:
            # Charts are never imported, and an empty chart sheet makes openpyxl fail (AttributeError).
            charts.append(sheet.name)

    try:
        with _long_numbers():
            reader = _Reader(io.BytesIO(data), read_only=True, data_only=True)
            reader.read()
    except MemoryError:
        raise
    except Exception as exc:  # openpyxl raises whatever a damaged part leads to: KeyError, TypeError...
        raise ImportFileError(path, "import.file.xlsx", error=_reason(exc)) from None
    return reader.wb, charts


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _rows(path: Path, worksheet: Any, limits: ImportLimits, count: list[int]) -> Iterator[Row]:
    """The sheet's rows as (row number, cells), counted in `count[0]`; openpyxl's errors become one line."""
    number = 0
    try:
        worksheet.reset_dimensions()  # some writers store a wrong sheet size, which would cut the rows short
        cells = worksheet.iter_rows(values_only=True)
        while True:
            with _long_numbers():
                row = next(cells, None)
            if row is None:
                return
            number += 1
            if number > limits.max_rows:
                raise ImportFileError(path, "import.file.too_many_rows", limit=limits.max_rows)
            count[0] = number
            yield str(number), list(row)
    except (ImportFileError, MemoryError, GeneratorExit):
        raise
    except Exception as exc:
        raise ImportFileError(path, "import.file.xlsx_row", row=number + 1, error=_reason(exc)) from None


def _describe(names: list[str], workbook: Any, charts: list[str]) -> Callable[[Lang], str]:
    """The sheets as the message lists them, hidden ones and charts marked, in the message's language."""
    kinds = [(name, "" if getattr(workbook[name], "sheet_state", "visible") == "visible" else "hidden")
             for name in names] + [(name, "chart") for name in charts]  # fmt: skip

    def text(lang: Lang) -> str:
        return ", ".join(f"\"{name}\" ({t(f'import.sheet.{kind}', lang)})" if kind else f"\"{name}\""
                         for name, kind in kinds)  # fmt: skip

    return text


def read_workbook(path: Path, data: bytes, table: TableName, sheet: str | None, limits: ImportLimits) -> Sheet:
    _unpacked_size(path, data, limits)
    workbook, charts = _load(path, data)
    del data
    try:
        names = list(workbook.sheetnames)
        if sheet is not None:
            matches = [n for n in names if n == sheet] or [n for n in names if match_form(n) == match_form(sheet)]
            if not matches:
                if any(match_form(c) == match_form(sheet) for c in charts):
                    raise ImportFileError(path, "import.file.sheet_kind", sheet=sheet)
                raise ImportFileError(path, "import.file.sheet", sheet=sheet,
                                      sheets=_describe(names, workbook, charts))  # fmt: skip
            candidates = matches[:1]
        else:
            visible = [n for n in names if getattr(workbook[n], "sheet_state", "visible") == "visible"]
            wanted = _SHEET_NAMES[table]
            candidates = [n for n in visible if match_form(n) in wanted] + [
                n for n in visible if match_form(n) not in wanted
            ]
        for name in candidates:
            count = [0]
            rows = _rows(path, workbook[name], limits, count)
            head = list(islice(rows, HEADER_SCAN_ROWS))
            # A workbook of one sheet is read even without headers: its missing columns are reported on it.
            if sheet is None and not has_headers(head, table) and len(candidates) > 1:
                rows.close()
                continue
            label = file_label(path)
            if len(names) > 1 or charts or sheet is not None:
                label += f" ({clean(name)})"
            return Sheet(path, label, head, rows, find_header(head, table),
                         progress=lambda count=count: (count[0], 0), close=workbook.close)  # fmt: skip
        raise ImportFileError(path, f"import.file.no_sheet.{table}", sheets=_describe(names, workbook, charts))
    except BaseException:
        workbook.close()
        raise
