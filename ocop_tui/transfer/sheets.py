"""Stage 1 of an import: the cells of one .csv, .xlsx or .json file, exactly as written, before any header
is recognised. Bytes that are not UTF-8 are located, never guessed at.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ocop_tui.transfer.cells import ABSENT, SURROGATE, NotAnObject, has_surrogates
from ocop_tui.transfer.headers import SUFFIXES, TableName, match_form
from ocop_tui.transfer.problems import ImportFileError, ImportProblem, make_problem


@dataclass
class Sheet:
    """The cells of one file as written: rows of (row label, cells), before any header is recognised."""

    path: Path
    label: str  # the file as named in reports
    rows: list[tuple[str, list[Any]]]
    # CSV only: bytes that were not UTF-8, as (row label, column index) -> byte offset of the first one.
    bad_bytes: dict[tuple[str, int], int] = field(default_factory=dict)
    # JSON only: keys written twice in one object (json keeps the last one silently).
    duplicate_keys: dict[str, list[str]] = field(default_factory=dict)
    from_json: bool = False
    # The whole file refused (UTF-16 text): reported as the file's only problem.
    refused: ImportProblem | None = None


def read_sheet(path: Path, table: TableName, *, sheet: str | None = None) -> Sheet:
    """Read a .csv, .xlsx or .json file; raise ImportFileError if it cannot be read at all."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ImportFileError(path, "import.file.xls")
    if suffix not in SUFFIXES:
        raise ImportFileError(path, "import.file.suffix", suffix=suffix or "?")
    try:
        if suffix == ".xlsx":
            return _read_xlsx(path, table, sheet)
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(path, "import.file.missing") from None
    except IsADirectoryError:
        raise ImportFileError(path, "import.file.folder") from None
    except PermissionError:
        raise ImportFileError(path, "import.file.denied") from None
    except OSError as exc:
        raise ImportFileError(path, "import.file.oserror", error=exc.strerror or str(exc)) from None
    if suffix == ".csv":
        return _read_csv(path, data)
    return _read_json(path, data, table)


_DELIMITERS = (",", ";", "\t")


def _sniff_delimiter(line: str) -> str:
    """The separator of a header line: the candidate seen most often outside quotes (comma on a tie)."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    return max(_DELIMITERS, key=lambda d: counts[d])  # max keeps the first of equal counts


def _read_csv(path: Path, data: bytes) -> Sheet:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode Text"
        return Sheet(
            path, path.name, [], refused=make_problem(path.name, "1", "", data[:2].hex(" "), "import.bad.utf16")
        )
    base = 0
    if data.startswith(codecs.BOM_UTF8):  # Excel's "CSV UTF-8" starts with a byte-order mark
        data = data[len(codecs.BOM_UTF8) :]
        base = len(codecs.BOM_UTF8)
    # Bytes that are not UTF-8 become lone surrogates, so the rest of the file can still be parsed and
    # every bad cell located; they are reported, never guessed at.
    text = data.decode("utf-8", "surrogateescape")
    bad_offsets: list[int] = []
    if has_surrogates(text):
        position, offset = 0, base
        for match in SURROGATE.finditer(text):
            offset += len(text[position : match.start()].encode("utf-8", "surrogateescape"))
            bad_offsets.append(offset)
            offset += 1
            position = match.end()
    first_line, _, rest = text.partition("\n")
    delimiter = _sniff_delimiter(first_line)
    hint = first_line.strip()
    if hint.lower().startswith("sep=") and len(hint) == 5 and hint[4] in ",;\t|":
        # Excel's separator hint: Excel hides this line, so the header below it is row 1.
        delimiter, text = hint[4], rest
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[str, list[Any]]] = []
    bad_bytes: dict[tuple[str, int], int] = {}
    pending = iter(bad_offsets)
    old_limit = csv.field_size_limit()
    csv.field_size_limit(1 << 28)  # a huge cell is reported as too long, not as an unreadable file
    try:
        # Excel shows one row per record, even when a quoted cell holds line breaks.
        for number, cells in enumerate(reader, start=1):
            label = str(number)
            for index, cell in enumerate(cells):
                if bad_offsets and has_surrogates(cell):
                    count = len(SURROGATE.findall(cell))
                    first = next(pending, -1)
                    for _ in range(count - 1):
                        next(pending, -1)
                    bad_bytes[(label, index)] = first
            rows.append((label, list(cells)))
    except csv.Error as exc:
        raise ImportFileError(path, "import.file.csv", line=reader.line_num, error=str(exc)) from None
    finally:
        csv.field_size_limit(old_limit)
    return Sheet(path, path.name, rows, bad_bytes=bad_bytes)


_SHEET_NAMES = {"booths": ("booths", "gian hang", "danh sach gian hang"),
                "products": ("products", "san pham", "danh sach san pham")}  # fmt: skip


def _read_xlsx(path: Path, table: TableName, sheet: str | None) -> Sheet:
    import zipfile

    from openpyxl import load_workbook  # imported here: only Excel imports pay for it
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.exists():
        raise FileNotFoundError(path)
    if path.is_dir():
        raise IsADirectoryError(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        if isinstance(exc, (FileNotFoundError, IsADirectoryError, PermissionError)):
            raise
        raise ImportFileError(path, "import.file.xlsx", error=str(exc) or type(exc).__name__) from None
    try:
        names = workbook.sheetnames
        if sheet is not None:
            matches = [n for n in names if n == sheet] or [n for n in names if match_form(n) == match_form(sheet)]
            if not matches:
                raise ImportFileError(path, "import.file.sheet", sheet=sheet, sheets=", ".join(names))
            chosen = matches[0]
        else:
            # One workbook may hold both lists: a sheet named for the table wins, else the first sheet.
            wanted = _SHEET_NAMES[table]
            chosen = next((n for n in names if match_form(n) in wanted), names[0])
        worksheet = workbook[chosen]
        if not hasattr(worksheet, "iter_rows"):
            raise ImportFileError(path, "import.file.sheet_kind", sheet=chosen)
        # Some writers store a wrong sheet size, which would cut the rows short.
        worksheet.reset_dimensions()
        rows = [
            (str(number), list(cells)) for number, cells in enumerate(worksheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()
    label = path.name if len(names) == 1 and sheet is None else f"{path.name} ({chosen})"
    return Sheet(path, label, rows)


class _Object(dict):  # type: ignore[type-arg]
    """A JSON object that remembers keys written twice."""

    duplicates: list[str]


def _json_object(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object()
    obj.duplicates = []
    for key, value in pairs:
        if key in obj:
            obj.duplicates.append(key)
        obj[key] = value
    return obj


def _read_json(path: Path, data: bytes, table: TableName) -> Sheet:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(path, "import.file.json_utf8", offset=exc.start) from None
    try:
        document = json.loads(text, object_pairs_hook=_json_object)
    except json.JSONDecodeError as exc:
        raise ImportFileError(path, "import.file.json", line=exc.lineno, column=exc.colno, error=exc.msg) from None
    except RecursionError:
        raise ImportFileError(path, "import.file.json", line="?", column="?", error="nested too deeply") from None
    # A whole store (or {"products": [...]}) holds the table under its name.
    if isinstance(document, dict) and isinstance(document.get(table), (list, dict)):
        document = document[table]
    if isinstance(document, list):
        items = [(str(number), item) for number, item in enumerate(document, start=1)]
    elif isinstance(document, dict) and all(isinstance(v, dict) for v in document.values()):
        items = [(str(doc_id), item) for doc_id, item in document.items()]  # a TinyDB table: ids as rows
    else:
        raise ImportFileError(path, "import.file.json_shape")
    headers: dict[str, None] = {}
    for _, item in items:
        if isinstance(item, dict):
            headers.update(dict.fromkeys(item))
    columns = list(headers)
    rows: list[tuple[str, list[Any]]] = [("", list(columns))]
    duplicates: dict[str, list[str]] = {}
    for label, item in items:
        if not isinstance(item, dict):
            rows.append((label, [NotAnObject(item)]))
            continue
        if isinstance(item, _Object) and item.duplicates:
            duplicates[label] = item.duplicates
        rows.append((label, [item.get(column, ABSENT) for column in columns]))
    return Sheet(path, path.name, rows, duplicate_keys=duplicates, from_json=True)
