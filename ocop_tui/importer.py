"""Import booths and products from organisers' spreadsheets (CSV, Excel, JSON) into the store.

Nothing is written unless every row is right, and every mistake is reported at once, located as the
organiser sees it: file, row number as the spreadsheet shows it (the header is row 1), column header as
written in the file, the value and what is wrong. Three stages:

1. `read_sheet()`: the cells of one file, exactly as written. CSV must be UTF-8 (with or without a BOM,
   comma, semicolon or tab separated); bytes that are not UTF-8 are reported with their byte offset, never
   decoded with a guessed encoding (cp1258 would silently turn "Việt" into mojibake).
2. `parse_table()`: headers mapped to the data contract (its field names, or the Vietnamese and English
   headers organisers use, case- and accent-insensitive); values organisers write ("Thực phẩm", "Hợp tác
   xã", "4 sao", "150.000 đ") turned into contract values; each row checked with records.check_booth /
   check_product (the contract's own rules: required fields, stars 3..5, lengths, control characters,
   NFC), plus duplicates within the file.
3. `plan_import()`: checks against the store (duplicates, booth references) and builds the new tables,
   merging by booth number / product code or replacing whole tables.

`run_import()` ties them together and writes through store.write_store (locked, atomic, backed up); the
plan is made again inside the lock, so an import running at the same moment is never overwritten.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from dataclasses import replace as with_changes
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from tinydb import TinyDB
from tinydb.table import Document

from . import store as store_module
from .floorplan import POSITION_FIELDS
from .i18n import t
from .i18n.importer import CHECK_MESSAGES_VI
from .model import (
    BOOTH_OPTIONAL,
    BOOTH_REQUIRED,
    EXHIBITOR_TYPES,
    GROUPS,
    PRODUCT_OPTIONAL,
    PRODUCT_REQUIRED,
    PRODUCT_SETS,
    Booth,
    Lang,
    Product,
    canonical_province,
)
from .records import Problem, Severity, booth_key, check_booth, check_product, check_tables
from .store import Tables, WriteResult, read_tables, write_store
from .text import clean, fold, nfc

TableName = Literal["booths", "products"]
Progress = Callable[[str, int, int], None]  # (stage key, done, total)

# Booths also carry their place on the floor plan (schema 2): x, y, w, h, all four or none.
BOOTH_FIELDS = BOOTH_REQUIRED + BOOTH_OPTIONAL + POSITION_FIELDS
PRODUCT_FIELDS = PRODUCT_REQUIRED + PRODUCT_OPTIONAL
FIELDS: dict[str, tuple[str, ...]] = {"booths": BOOTH_FIELDS, "products": PRODUCT_FIELDS}
REQUIRED: dict[str, tuple[str, ...]] = {"booths": BOOTH_REQUIRED, "products": PRODUCT_REQUIRED}
KEY_FIELD: dict[str, str] = {"booths": "booth_no", "products": "code"}
SUFFIXES = (".csv", ".xlsx", ".json")
HEADER_SCAN_ROWS = 10  # a title or a blank line may sit above the header row

# The headers organisers write, first the one the templates use. The contract's own field names and
# the English labels are accepted too. Matching ignores case, accents and punctuation ("Giá (VNĐ)").
HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "booths": {
        "booth_no": ("Số gian hàng", "Gian hàng", "Số gian", "Gian số", "Mã gian hàng", "Booth", "Booth number",
                     "Booth no"),
        "exhibitor": ("Tên đơn vị", "Đơn vị", "Đơn vị trưng bày", "Tên đơn vị trưng bày", "Exhibitor"),
        "exhibitor_type": ("Loại hình", "Loại hình đơn vị", "Loại hình chủ thể", "Exhibitor type", "Type"),
        "province": ("Tỉnh", "Tỉnh/Thành phố", "Tỉnh thành", "Tỉnh, thành phố", "Province"),
        "zone": ("Khu", "Khu vực", "Khu trưng bày", "Zone"),
        "contact_name": ("Người liên hệ", "Liên hệ", "Người đại diện", "Contact", "Contact name"),
        "phone": ("Điện thoại", "Số điện thoại", "SĐT", "ĐT", "Phone"),
        "description": ("Mô tả", "Giới thiệu", "Description"),
        "x": ("Tọa độ x", "Vị trí x"),
        "y": ("Tọa độ y", "Vị trí y"),
        "w": ("Chiều rộng", "Rộng", "Width"),
        "h": ("Chiều cao", "Cao", "Height"),
    },
    "products": {
        "code": ("Mã sản phẩm", "Mã SP", "Mã", "Code", "Product code"),
        "name": ("Tên sản phẩm", "Tên SP", "Sản phẩm", "Tên", "Name", "Product name"),
        "name_en": ("Tên tiếng Anh", "Tên sản phẩm tiếng Anh", "Tên TA", "English name", "Name (English)"),
        "group": ("Nhóm", "Nhóm sản phẩm", "Ngành", "Group"),
        "subgroup": ("Bộ sản phẩm", "Bộ", "Phân nhóm", "Product set", "Set", "Subgroup"),
        "stars": ("Số sao", "Hạng sao", "Xếp hạng", "Sao", "Hạng", "Stars", "Rating"),
        "booth_no": ("Gian hàng", "Số gian hàng", "Số gian", "Gian số", "Booth", "Booth number", "Booth no"),
        "producer": ("Chủ thể", "Tên chủ thể", "Chủ thể OCOP", "Chủ thể sản xuất", "Đơn vị sản xuất", "Nhà sản xuất",
                     "Producer"),
        "province": ("Tỉnh", "Tỉnh/Thành phố", "Tỉnh thành", "Tỉnh, thành phố", "Province"),
        "price_vnd": ("Giá", "Giá (VNĐ)", "Giá (đồng)", "Giá bán", "Giá bán (VNĐ)", "Giá bán (đồng)", "Đơn giá",
                      "Price", "Price (VND)"),
        "unit": ("Đơn vị tính", "ĐVT", "Unit"),
        "description": ("Mô tả", "Mô tả sản phẩm", "Giới thiệu", "Description"),
        "certified_year": ("Năm công nhận", "Năm chứng nhận", "Năm", "Certified year", "Year certified",
                           "Year"),
    },
}  # fmt: skip

# Values organisers write for the coded fields, besides the contract's keys and the model's labels.
_GROUP_WORDS = {
    "herbal": ("Thảo dược",),  # the 2018 programme's name for the group
    "handicrafts": ("Thủ công", "Vải và may mặc", "Lưu niệm, nội thất, trang trí"),
    "tourism": ("Du lịch", "Dịch vụ du lịch nông thôn"),
}
_TYPE_WORDS = {
    "cooperative": ("HTX", "HTXNN", "Hợp tác xã nông nghiệp", "Co-op"),
    "enterprise": ("DN", "Công ty", "Công ty TNHH", "Công ty cổ phần", "Company"),
    "household": ("Hộ kinh doanh", "Hộ SXKD", "Hộ SX", "Hộ gia đình", "Cơ sở sản xuất", "Cơ sở", "Household"),
    "craft_village": ("Làng nghề truyền thống",),
    "cooperative_group": ("THT",),
}

_PUNCTUATION = re.compile(r"[^a-z0-9]+")


def _words(text: str) -> str:
    """The matching form of a header or a coded value: folded, punctuation as single spaces."""
    return _PUNCTUATION.sub(" ", fold(text)).strip()


def _lookup(extra: Mapping[str, tuple[str, ...]], labels: Mapping[str, Any]) -> dict[str, str]:
    table: dict[str, str] = {}
    for key, label in labels.items():
        for word in (key, label.vi, label.en, *extra.get(key, ())):
            table.setdefault(_words(word), key)
    return table


_HEADER_LOOKUP: dict[str, dict[str, str]] = {
    name: {
        _words(word): field_name
        for field_name, words in reversed(list(headers.items()))
        for word in (field_name, *words)
    }
    for name, headers in HEADERS.items()
}
_GROUP_LOOKUP = _lookup(_GROUP_WORDS, GROUPS)
_TYPE_LOOKUP = _lookup(_TYPE_WORDS, EXHIBITOR_TYPES)
_SET_LOOKUP = {_words(word): number for number, s in PRODUCT_SETS.items() for word in (s.label.vi, s.label.en)}


def header_field(table: TableName, header: str) -> str | None:
    """The contract field a header names in `table`'s files, or None."""
    return _HEADER_LOOKUP[table].get(_words(header))


# --------------------------------------------------------------------------------------------------
# Problems


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """One thing wrong in an import file, where the organiser will look for it."""

    file: str
    row: str  # as the spreadsheet shows it (header = 1); the item number in a JSON list; "" for the file
    column: str  # the header as written in the file
    value: str
    key: str  # message key in ocop_tui/i18n/importer.py
    values: tuple[tuple[str, Any], ...] = ()
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def message(self, lang: Lang) -> str:
        values = dict(self.values)
        if self.key == "import.check" and lang == "vi":
            return check_message_vi(values["message"])
        return t(self.key, lang, **values)


def check_message_vi(message: str) -> str:
    """A contract check's English message in Vietnamese, where the table knows it (else unchanged)."""
    table, prefix = message, ""
    if ": " in message and message.split(": ", 1)[0] in ("booths", "products", "fair"):
        prefix, table = message.split(": ", 1)  # "products: ..." from a check on the whole store
        prefix += ": "
    for pattern, template in _CHECK_MESSAGES_VI:
        match = pattern.fullmatch(table)
        if match:
            # A group's key ("drinks") reads as its Vietnamese name ("Đồ uống").
            words = [GROUPS[g].vi if g in GROUPS else g or "" for g in match.groups()]
            return prefix + template.format(*words)
    return message


_CHECK_MESSAGES_VI = [(re.compile(pattern), template) for pattern, template in CHECK_MESSAGES_VI]


def _problem(
    file: str, row: str, column: str, value: Any, key: str, severity: Severity = "error", **values: Any
) -> ImportProblem:
    return ImportProblem(file, row, column, show_cell(value), key, tuple(values.items()), severity)


def show_cell(value: Any) -> str:
    """A cell's value as a short, safe string for a report (bytes that are not UTF-8 as \\xNN)."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
        if _has_surrogates(text):
            text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    text = clean(text)
    return text if len(text) <= 60 else text[:57] + "..."


class ImportFileError(Exception):
    """A file that cannot be read at all (missing, wrong format, damaged): exit code 2."""

    exit_code = 2

    def __init__(self, path: Path | str, key: str, **values: Any) -> None:
        super().__init__(f"{path}: {key} {values}")
        self.path = str(path)
        self.key = key
        self.values = values

    def message(self, lang: Lang) -> str:
        text = t(self.key, lang, **self.values)
        return f"{self.path}: {text}" if self.path else text


class ImportRejected(Exception):
    """The import has errors; nothing was written. `problems` holds errors and warnings, in file order."""

    exit_code = 1

    def __init__(self, problems: list[ImportProblem]) -> None:
        errors = [p for p in problems if p.is_error]
        super().__init__(f"{len(errors)} error(s) in the import")
        self.problems = problems

    @property
    def errors(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.is_error]


# --------------------------------------------------------------------------------------------------
# Stage 1: reading files


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


def _has_surrogates(text: str) -> bool:
    return not text.isascii() and _SURROGATE.search(text) is not None


_SURROGATE = re.compile("[\udc80-\udcff]")
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
        return Sheet(path, path.name, [], refused=_problem(path.name, "1", "", data[:2].hex(" "), "import.bad.utf16"))
    base = 0
    if data.startswith(codecs.BOM_UTF8):  # Excel's "CSV UTF-8" starts with a byte-order mark
        data = data[len(codecs.BOM_UTF8) :]
        base = len(codecs.BOM_UTF8)
    # Bytes that are not UTF-8 become lone surrogates, so the rest of the file can still be parsed and
    # every bad cell located; they are reported, never guessed at.
    text = data.decode("utf-8", "surrogateescape")
    bad_offsets: list[int] = []
    if _has_surrogates(text):
        position, offset = 0, base
        for match in _SURROGATE.finditer(text):
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
                if bad_offsets and _has_surrogates(cell):
                    count = len(_SURROGATE.findall(cell))
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
            matches = [n for n in names if n == sheet] or [n for n in names if _words(n) == _words(sheet)]
            if not matches:
                raise ImportFileError(path, "import.file.sheet", sheet=sheet, sheets=", ".join(names))
            chosen = matches[0]
        else:
            # One workbook may hold both lists: a sheet named for the table wins, else the first sheet.
            wanted = _SHEET_NAMES[table]
            chosen = next((n for n in names if _words(n) in wanted), names[0])
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
            rows.append((label, [_NotAnObject(item)]))
            continue
        if isinstance(item, _Object) and item.duplicates:
            duplicates[label] = item.duplicates
        rows.append((label, [item.get(column, _ABSENT) for column in columns]))
    return Sheet(path, path.name, rows, duplicate_keys=duplicates, from_json=True)


class _Absent:
    def __repr__(self) -> str:
        return ""


_ABSENT: Any = _Absent()


@dataclass(frozen=True)
class _NotAnObject:
    value: Any


# --------------------------------------------------------------------------------------------------
# Stage 2: rows to records


class _Reject(Exception):
    """A value organisers wrote that cannot be turned into the contract's value."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


def _is_empty(value: Any) -> bool:
    return value is None or value is _ABSENT or (isinstance(value, str) and not value.strip())


def _as_text(value: Any) -> Any:
    """Spreadsheets turn "101" or a phone number into numbers, and dates into datetimes: back to text."""
    if isinstance(value, str) or value is None:
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return value  # lists, objects, NaN: the contract check names the problem


def _text_field(value: Any, warn: Callable[[str], None]) -> Any:
    return _as_text(value)


def _phone(value: Any, warn: Callable[[str], None]) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        warn("import.warn.phone_number")  # Excel drops the leading 0 of a number
    return _as_text(value)


@lru_cache(maxsize=4096)
def _canonical_province(name: str) -> str:
    return canonical_province(name)  # a catalogue names few provinces, thousands of times


def _province(value: Any, warn: Callable[[str], None]) -> Any:
    value = _as_text(value)
    return _canonical_province(value) if isinstance(value, str) else value


def _coded(lookup: Mapping[str, str], reject_key: str, choices: str) -> Callable[[Any, Any], Any]:
    @lru_cache(maxsize=1024)
    def key_of(value: str) -> str | None:
        return lookup.get(_words(value))

    def convert(value: Any, warn: Callable[[str], None]) -> Any:
        if not isinstance(value, str):
            return value
        key = key_of(value)
        if key is None:
            raise _Reject(reject_key, choices=choices)
        return key

    return convert


_group = _coded(_GROUP_LOOKUP, "import.bad.group", ", ".join(g.vi for g in GROUPS.values()))
_exhibitor_type = _coded(_TYPE_LOOKUP, "import.bad.exhibitor_type", ", ".join(e.vi for e in EXHIBITOR_TYPES.values()))


def _whole(value: Any, key: str) -> Any:
    """Numbers from Excel and JSON: 4.0 is 4; NaN, 4.5 and True are not whole numbers."""
    if isinstance(value, bool):
        raise _Reject(key)
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise _Reject(key)
        return int(value)
    return value


_STARS = re.compile(r"([0-9]+)(?:[.,]0+)?\s*(?:sao|stars?|\*|★)?")


def _stars(value: Any, warn: Callable[[str], None]) -> Any:
    if not isinstance(value, str):
        return _whole(value, "import.bad.stars")
    text = value.strip()
    if text and set(text) <= {"★"}:
        return len(text)
    match = _STARS.fullmatch(fold(text))
    if match is None:
        raise _Reject("import.bad.stars")
    return int(match.group(1))  # the range (3..5) is the contract's rule, checked by check_product


_SET_NUMBER = re.compile(r"([0-9]+)(?:\s*[.:)\-–—]\s*.*|\s+.*)?", re.DOTALL)


def _subgroup(value: Any, warn: Callable[[str], None]) -> Any:
    if not isinstance(value, str):
        return _whole(value, "import.bad.subgroup")
    match = _SET_NUMBER.fullmatch(value.strip())  # "9", "9. Tương, nước mắm..." or "9 - ..."
    if match:
        return int(match.group(1))
    number = _SET_LOOKUP.get(_words(value))
    if number is None:
        raise _Reject("import.bad.subgroup")
    return number


_YEAR = re.compile(r"[0-9]{4}")


def _cell_count(value: Any, warn: Callable[[str], None]) -> Any:
    """x, y, w, h on the floor plan: whole numbers of cells (their ranges are floorplan.py's rules)."""
    if not isinstance(value, str):
        return _whole(value, "import.bad.whole")
    text = value.strip()
    if not text.isascii() or not text.isdigit():
        raise _Reject("import.bad.whole")
    return int(text)


def _year(value: Any, warn: Callable[[str], None]) -> Any:
    if not isinstance(value, str):
        return _whole(value, "import.bad.year")
    text = value.strip()
    if not _YEAR.fullmatch(text):
        raise _Reject("import.bad.year")
    return int(text)


_CURRENCY = re.compile(r"(?:vnd|vnđ|dong|đồng|đ|₫|d)\.?$|^(?:vnd|vnđ|₫)")
_GROUPED = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*", re.ASCII)
_GROUPED_WITH_ZERO_DECIMALS = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*(?!\1)[.,]0{1,2}", re.ASCII)
_ZERO_DECIMALS = re.compile(r"(\d+)[.,]0{1,2}", re.ASCII)


def parse_price(value: Any) -> int | None:
    """A price in đồng as organisers write it; raise _Reject when it is not one unambiguous whole amount.

    "150000", "150.000", "150,000 đ", "1.500.000 VNĐ" and "150.000,00" are 150000; "1,5", "12.5",
    "abc", NaN and negative amounts are refused: the store keeps whole đồng (PITFALLS 15).
    """
    if _is_empty(value):
        return None
    if isinstance(value, bool):
        raise _Reject("import.bad.price")
    if isinstance(value, (int, float)):
        if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
            raise _Reject("import.bad.price")
        if value < 0:
            raise _Reject("import.bad.price_negative")
        return int(value)
    if not isinstance(value, str):
        raise _Reject("import.bad.price")
    text = re.sub(r"[\s\u00a0\u202f]+", "", nfc(value).lower())
    text = _CURRENCY.sub("", text)
    if text.startswith("-") and text[1:2].isdigit():
        raise _Reject("import.bad.price_negative")
    if text.isdigit() and text.isascii():
        return int(text)
    if _GROUPED.fullmatch(text):
        return int(re.sub(r"[.,]", "", text))
    if _GROUPED_WITH_ZERO_DECIMALS.fullmatch(text):
        return int(re.sub(r"[.,]", "", text[:-3] if text[-3] in ".," else text[:-2]))
    match = _ZERO_DECIMALS.fullmatch(text)
    if match:
        return int(match.group(1))
    raise _Reject("import.bad.price")


def _price(value: Any, warn: Callable[[str], None]) -> Any:
    return parse_price(value)


Converter = Callable[[Any, Callable[[str], None]], Any]
_CONVERTERS: dict[str, dict[str, Converter]] = {
    "booths": {
        "booth_no": _text_field, "exhibitor": _text_field, "exhibitor_type": _exhibitor_type,
        "province": _province, "zone": _text_field, "contact_name": _text_field, "phone": _phone,
        "description": _text_field, "x": _cell_count, "y": _cell_count, "w": _cell_count, "h": _cell_count,
    },
    "products": {
        "code": _text_field, "name": _text_field, "name_en": _text_field, "group": _group,
        "subgroup": _subgroup, "stars": _stars, "booth_no": _text_field, "producer": _text_field,
        "province": _province, "price_vnd": _price, "unit": _text_field, "description": _text_field,
        "certified_year": _year,
    },
}  # fmt: skip
_NOT_TEXT = frozenset({"stars", "subgroup", "price_vnd", "certified_year", *POSITION_FIELDS})
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


def _product_name_key(record: Product | Mapping[str, Any]) -> tuple[str, ...]:
    """Two products with this key are probably one product typed twice (an NFD copy, other case...)."""
    get = record.get if isinstance(record, Mapping) else lambda name, default="": getattr(record, name)
    values = (get("name", ""), get("producer", ""), get("unit", ""))
    return tuple(fold(v) if isinstance(v, str) else "" for v in values)


def _find_header(sheet: Sheet, table: TableName) -> int:
    """Index in sheet.rows of the header row: the first of the first rows naming two contract fields."""
    if sheet.from_json:
        return 0
    lookup = _HEADER_LOOKUP[table]
    first_filled = None
    for index, (_, cells) in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        names = [c for c in cells if isinstance(c, str) and c.strip()]
        if not names and not any(not _is_empty(c) for c in cells):
            continue
        if first_filled is None:
            first_filled = index
        if len({lookup.get(_words(c)) for c in names} - {None}) >= 2:
            return index
    return first_filled if first_filled is not None else 0


def parse_table(sheet: Sheet, table: TableName, *, progress: Progress | None = None) -> ParsedTable:
    """Map headers, convert and check every row; problems are collected, never raised."""
    file = sheet.label
    problems: list[ImportProblem] = []
    if sheet.refused is not None:
        return ParsedTable(table, file, {}, [], [sheet.refused])
    if sheet.bad_bytes:
        # Not UTF-8: every other check would only report mojibake. Name each bad cell and stop.
        header_cells = sheet.rows[_find_header(sheet, table)][1] if sheet.rows else []
        by_label = dict(sheet.rows)
        for (row, index), offset in sheet.bad_bytes.items():
            cells = by_label[row]
            column = header_cells[index] if index < len(header_cells) else f"#{index + 1}"
            problems.append(_problem(file, row, show_cell(column), cells[index], "import.bad.encoding", offset=offset))
        return ParsedTable(table, file, {}, [], problems)

    header_index = _find_header(sheet, table)
    header_label, header_cells = sheet.rows[header_index] if sheet.rows else ("1", [])
    columns: dict[str, str] = {}
    positions: dict[str, int] = {}
    for index, cell in enumerate(header_cells):
        header = _as_text(cell)
        if not isinstance(header, str) or not header.strip():
            continue
        header = header.strip()
        field_name = header_field(table, header)
        if field_name is None:
            problems.append(_problem(file, header_label, header, "", "import.warn.unknown_column", "warning"))
        elif field_name in columns:
            problems.append(_problem(file, header_label, header, "", "import.bad.duplicate_column",
                                     other=columns[field_name], field=field_name))  # fmt: skip
        else:
            columns[field_name] = header
            positions[field_name] = index
    # JSON objects each carry their own keys: a missing one is reported on its row by the contract check.
    missing = [] if sheet.from_json else [name for name in REQUIRED[table] if name not in columns]
    for name in missing:
        problems.append(_problem(file, header_label, HEADERS[table][name][0], "", "import.bad.missing_column",
                                 field=name))  # fmt: skip

    column_order = {header: index for index, header in enumerate(columns.values())}
    key_field = KEY_FIELD[table]
    converters = _CONVERTERS[table]
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
        if cells and isinstance(cells[0], _NotAnObject):
            problems.append(_problem(file, row, "", cells[0].value, "import.bad.not_object"))
            count += 1
            continue
        width = len(cells)
        raw = {name: cells[index] if index < width else None for name, index in positions.items()}
        if all(_is_empty(value) for value in raw.values()):
            continue  # blank rows (and rows with only a row number) are skipped
        count += 1
        for key in sheet.duplicate_keys.get(row, ()):
            problems.append(_problem(file, row, key, "", "import.bad.duplicate_key"))
        doc: dict[str, Any] = {}
        rejected: set[str] = set()
        row_problems: list[ImportProblem] = []
        for name, value in raw.items():
            if value is _ABSENT:
                continue
            if name in _NOT_TEXT and _is_empty(value):
                doc[name] = None  # an empty number cell: the field is not given
                continue
            warnings.clear()
            try:
                doc[name] = converters[name](value, warnings.append)
            except _Reject as rejection:
                rejected.add(name)
                row_problems.append(_problem(file, row, columns[name], value, rejection.key, **rejection.values))
            for key in warnings:
                row_problems.append(_problem(file, row, columns[name], value, key, "warning"))
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
                row_problems.append(_problem(file, row, columns[key_field], raw[key_field], "import.bad.duplicate_row",
                                             other=seen_keys[key]))  # fmt: skip
                record = None
            else:
                seen_keys[key] = row
        if isinstance(record, Product):
            name_key = _product_name_key(record)
            if name_key in seen_names:
                row_problems.append(_problem(file, row, columns["name"], raw["name"], "import.warn.same_name",
                                             "warning", other=seen_names[name_key]))  # fmt: skip
            else:
                seen_names[name_key] = row
        # In the order of the file's columns, as the organiser reads the row.
        row_problems.sort(key=lambda p: column_order.get(p.column, len(column_order)))
        problems.extend(row_problems)
        if record is not None:
            absent = frozenset(name for name, value in raw.items() if value is _ABSENT)
            rows.append(ImportedRow(row, record, absent))
    if progress is not None:
        progress("import.progress.check", total, total)
    return ParsedTable(table, file, columns, rows, problems, count)


# --------------------------------------------------------------------------------------------------
# Stage 3: against the store


@dataclass(frozen=True, slots=True)
class Counts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


@dataclass
class ImportPlan:
    tables: Tables  # the whole store after the import
    counts: dict[str, Counts]  # per table given in the import
    problems: list[ImportProblem]
    changed_tables: tuple[str, ...]
    # (table, document id) -> the file and row each added or updated document comes from
    origin: dict[tuple[str, str], tuple[ParsedTable, str]] = field(default_factory=dict)

    @property
    def errors(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.is_error]


def _contract_values(doc: Mapping[str, Any], fields: Sequence[str]) -> dict[str, Any]:
    # Empty optional fields may be written as "", null or left out: all mean the same record.
    return {name: doc[name] for name in fields if doc.get(name) not in (None, "")}


def field_value(record: Booth | Product, name: str) -> Any:
    """A contract field of a record, including a booth's x, y, w, h (None when it has no position)."""
    if name in POSITION_FIELDS:
        position = getattr(record, "position", None)
        return None if position is None else position[POSITION_FIELDS.index(name)]
    return getattr(record, name)


def record_doc(record: Booth | Product, fields: Iterable[str], base: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The store document for `record`: `base` (the stored document, with fields the contract does not
    name) updated with `fields`; empty optional fields are left out."""
    doc = dict(base) if base is not None else {}
    for name in fields:
        value = field_value(record, name)
        if value is None or value == "":
            doc.pop(name, None)
        else:
            doc[name] = value
    return doc


def _next_id(table: Mapping[str, Any]) -> int:
    ids = [int(k) for k in table if isinstance(k, str) and k.isdigit()]
    return max(ids, default=0) + 1


def _merge_table(
    parsed: ParsedTable,
    old: Mapping[str, Any],
    replace_table: bool,
    problems: list[ImportProblem],
    origin: dict[tuple[str, str], tuple[ParsedTable, str]],
    fix: Callable[[ImportedRow], Booth | Product | None] | None = None,
) -> tuple[dict[str, Any], Counts]:
    key_field = KEY_FIELD[parsed.table]
    fields = FIELDS[parsed.table]
    present = [name for name in fields if name in parsed.columns]
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for stored_id, stored in old.items():
        value = stored.get(key_field) if isinstance(stored, dict) else None
        if isinstance(value, str):
            value = nfc(value.strip())
            exact.setdefault(value, stored_id)
            folded.setdefault(booth_key(value), stored_id)
    # A new product with the name, producer and unit of a stored one is probably that product again.
    similar: dict[tuple[str, ...], str] = {}
    if parsed.table == "products" and not replace_table:
        for doc in old.values():
            if isinstance(doc, dict):
                similar.setdefault(_product_name_key(doc), str(doc.get(key_field, "")))
    new: dict[str, Any] = {} if replace_table else dict(old)
    next_id = _next_id(old)
    added = updated = unchanged = 0
    matched: set[str] = set()
    for item in parsed.rows:
        record = fix(item) if fix is not None else item.record
        if record is None:
            continue
        key_value = getattr(record, key_field)
        doc_id = exact.get(key_value)
        if doc_id is None:
            doc_id = folded.get(booth_key(key_value))
            if doc_id is not None and not replace_table:
                # "kg-01" or an NFD "Phở" next to a stored "KG-01" / "Phở": the same key to every search
                # and to the contract, so it cannot be a new record; updating needs the exact spelling.
                problems.append(_problem(parsed.file, item.row, parsed.column(key_field), key_value,
                                         "import.bad.duplicate_store", existing=old[doc_id].get(key_field)))  # fmt: skip
                continue
        if doc_id is None or doc_id in matched:
            if similar and isinstance(record, Product) and (code := similar.get(_product_name_key(record))):
                problems.append(_problem(parsed.file, item.row, parsed.column("name"), record.name,
                                         "import.warn.same_name_store", "warning", code=code))  # fmt: skip
            new[str(next_id)] = record_doc(record, fields)
            origin[(parsed.table, str(next_id))] = (parsed, item.row)
            next_id += 1
            added += 1
            continue
        matched.add(doc_id)
        existing = old[doc_id]
        doc = record_doc(record, [name for name in present if name not in item.absent] if item.absent else present,
                         existing)  # fmt: skip
        if _contract_values(doc, fields) == _contract_values(existing, fields):
            new[doc_id] = existing  # untouched, byte for byte
            unchanged += 1
        else:
            new[doc_id] = doc
            origin[(parsed.table, doc_id)] = (parsed, item.row)
            updated += 1
    removed = len(old) - len(matched) if replace_table else 0
    return new, Counts(added, updated, unchanged, removed)


def plan_import(
    current: Tables,
    booths: ParsedTable | None,
    products: ParsedTable | None,
    *,
    replace: bool = False,
    store_label: str = "",
) -> ImportPlan:
    """The store's tables after the import, what changed, and the problems found against the store.

    Booths go first, so products may name a booth added by the same import. Rows already refused in
    stage 2 are not in `booths.rows` / `products.rows` and are left out here.
    """
    problems: list[ImportProblem] = []
    tables: Tables = dict(current)
    counts: dict[str, Counts] = {}
    changed: list[str] = []
    origin: dict[tuple[str, str], tuple[ParsedTable, str]] = {}
    old_booths = current.get("booths", {})
    if booths is not None:
        tables["booths"], counts["booths"] = _merge_table(booths, old_booths, replace, problems, origin)
        changed.append("booths")
    # Every booth after the import, by its matching key, so references resolve as the contract does.
    booth_numbers: dict[str, str] = {}
    for doc in tables.get("booths", {}).values():
        number = doc.get("booth_no") if isinstance(doc, dict) else None
        if isinstance(number, str):
            booth_numbers.setdefault(booth_key(number), number)

    if products is not None:
        booth_column = products.column("booth_no")

        def resolve(item: ImportedRow) -> Product | None:
            record = item.record
            assert isinstance(record, Product)
            number = booth_numbers.get(booth_key(record.booth_no))
            if number is None:
                problems.append(_problem(products.file, item.row, booth_column, record.booth_no,
                                         "import.bad.unknown_booth"))  # fmt: skip
                return None
            # "a01" for the stored "A01" is the same booth; keep the booth's own spelling.
            return record if number == record.booth_no else with_changes(record, booth_no=number)

        tables["products"], counts["products"] = _merge_table(
            products, current.get("products", {}), replace, problems, origin, resolve
        )
        changed.append("products")
    if booths is not None and replace and products is None:
        # Replacing the booths alone may leave products in the store without their booth.
        for doc_id, doc in tables.get("products", {}).items():
            number = doc.get("booth_no") if isinstance(doc, dict) else None
            if isinstance(number, str) and booth_key(number) not in booth_numbers:
                problems.append(_problem(store_label, f"#{doc_id}", "booth_no", number, "import.bad.orphan",
                                         code=doc.get("code", "")))  # fmt: skip
    for name in ("fair", "booths", "products"):
        tables.setdefault(name, {})
    return ImportPlan(tables, counts, problems, tuple(changed), origin)


# --------------------------------------------------------------------------------------------------
# The whole import


@dataclass
class ImportResult:
    counts: dict[str, Counts]
    problems: list[ImportProblem]  # warnings only: with an error nothing is written (ImportRejected)
    dry_run: bool
    write: WriteResult | None = None

    @property
    def changed(self) -> bool:
        return any(c.changed for c in self.counts.values())


def _sort_problems(problems: list[ImportProblem], files: Sequence[str]) -> list[ImportProblem]:
    order = {name: index for index, name in enumerate(files)}

    def key(p: ImportProblem) -> tuple[int, int, str]:
        row = p.row.lstrip("#")
        return (order.get(p.file, len(order)), int(row) if row.isdigit() else 0, p.row)

    return sorted(problems, key=key)


def _result_problems(store_label: str, problems: list[Problem], plan: ImportPlan) -> list[ImportProblem]:
    """The store's own checks on the tables after the import (floor plan overlaps, a store already
    broken...): placed on the file row a document comes from, else on the store's document id.
    Warnings are kept only for imported rows: the rest of the store is not this import's business."""
    found = []
    already = {(q.file, q.row) for q in plan.problems}  # e.g. an orphaned product, said once
    for p in problems:
        source = plan.origin.get((p.table, p.record))
        if source is not None:
            parsed, row = source
            column = parsed.columns.get(p.field.split(".")[0], p.field)
            found.append(ImportProblem(parsed.file, row, column, p.value, "import.check", (("message", p.message),),
                                       p.severity))  # fmt: skip
        elif p.is_error and (store_label, f"#{p.record}") not in already:
            message = (("message", f"{p.table}: {p.message}"),)
            found.append(ImportProblem(store_label, f"#{p.record}" if p.record else "", p.field, p.value,
                                       "import.check", message, p.severity))  # fmt: skip
    return found


def write_tables(db: TinyDB, tables: Tables, names: Iterable[str]) -> None:
    """Put whole tables into `db` with TinyDB's own API, keeping document ids, in one pass per table
    (inserting documents one by one would rewrite the table each time: O(n²))."""
    for name in names:
        if not all(isinstance(doc_id, str) and doc_id.isdigit() for doc_id in tables[name]):
            # Ids TinyDB itself could not read back as numbers: write the table as it is.
            whole = db.storage.read() or {}
            whole[name] = tables[name]
            db.storage.write(whole)
            continue
        table = db.table(name)
        table.truncate()
        table.insert_multiple(Document(doc, doc_id=int(doc_id)) for doc_id, doc in tables[name].items())


def run_import(
    store: Path,
    *,
    booths: Path | None = None,
    products: Path | None = None,
    replace: bool = False,
    dry_run: bool = False,
    sheet: str | None = None,
    progress: Progress | None = None,
    lock_timeout: float | None = None,
) -> ImportResult:
    """Read, check and (unless `dry_run`) write. Raises ImportFileError (exit 2), ImportRejected (exit 1)
    and the store's StoreError; with any error the store is not touched."""
    if booths is None and products is None:
        raise ImportFileError("", "import.usage.nothing")
    store = Path(store)
    parsed: dict[str, ParsedTable] = {}
    for table, path in (("booths", booths), ("products", products)):
        if path is not None:
            if progress is not None:
                progress("import.progress.read", 0, 0)
            sheet_cells = read_sheet(path, table, sheet=sheet)  # type: ignore[arg-type]
            parsed[table] = parse_table(sheet_cells, table, progress=progress)  # type: ignore[arg-type]
    problems = [p for table in parsed.values() for p in table.problems]
    files = [table.file for table in parsed.values()] + [store.name]

    current, _ = read_tables(store)
    plan = plan_import(current, parsed.get("booths"), parsed.get("products"), replace=replace, store_label=store.name)
    problems += plan.problems
    # The store's own rules on the result (the floor plan's placement of booths...), reported on the
    # file's rows; rows refused above are not in plan.tables, so nothing is said twice. A dry run checks
    # the whole result, as write_store will. A real import skips the products here: each imported one
    # was checked row by row above, and write_store checks them all again under the lock anyway.
    result = plan.tables if dry_run else dict(plan.tables, products={})
    problems += _result_problems(store.name, check_tables(result).problems, plan)
    problems = _sort_problems(problems, files)
    if any(p.is_error for p in problems):
        raise ImportRejected(problems)
    if dry_run or not any(c.changed for c in plan.counts.values()):
        return ImportResult(plan.counts, problems, dry_run)

    final: dict[str, ImportPlan] = {}

    def change(db: TinyDB) -> None:
        # Planned again on the tables as they are under the lock: another import may have written
        # since the check above, and its changes must not be lost.
        locked = plan_import(
            db.storage.read() or {}, parsed.get("booths"), parsed.get("products"), replace=replace,
            store_label=store.name,
        )  # fmt: skip
        if locked.errors:
            raise ImportRejected(_sort_problems(locked.problems, files))
        if progress is not None:
            progress("import.progress.write", 0, 0)
        write_tables(db, locked.tables, locked.changed_tables)
        final["plan"] = locked

    if lock_timeout is None:
        lock_timeout = store_module.LOCK_TIMEOUT_SECONDS  # read now, so a test or caller may lower it
    written = write_store(store, change, lock_timeout=lock_timeout)
    return ImportResult(final["plan"].counts, problems, False, written)
