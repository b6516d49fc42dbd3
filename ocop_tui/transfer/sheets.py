"""Stage 1 of an import: the cells of one .csv, .xlsx or .json file, exactly as written, before any value is
converted. Bytes that are not UTF-8 are located, never guessed at.

Only a regular file within the size cap is read (a FIFO, a device or /dev/zero is refused at once); an
.xlsx is also refused when its parts would unpack to more than the cap (a "zip bomb"), before openpyxl
parses anything. A CSV file is read as a stream, a row at a time, so memory does not grow with the file;
a file of more rows than allowed is refused before any row is checked. The header row is found among the
first rows (a letterhead may sit above it: headers.find_header), and in a workbook the first visible
sheet that has the headers is read (excel.py).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections import deque
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Any, BinaryIO

from ocop_tui.files import FileRefused, open_limited, read_limited
from ocop_tui.transfer.cells import ABSENT, SURROGATE, HugeNumber, NotAnObject, has_surrogates
from ocop_tui.transfer.headers import HEADER_SCAN_ROWS, SUFFIXES, TableName, find_header
from ocop_tui.transfer.limits import ImportLimits
from ocop_tui.transfer.problems import ImportFileError, make_problem
from ocop_tui.transfer.source import Row, Sheet, file_label


def _opened(path: Path, limits: ImportLimits, read: Callable[[Path, int], Any]) -> Any:
    """`read(path, cap)`, with every reason a file cannot be read turned into one ImportFileError."""
    try:
        return read(path, limits.max_bytes)
    except FileNotFoundError:
        raise ImportFileError(path, "import.file.missing") from None
    except IsADirectoryError:
        raise ImportFileError(path, "import.file.folder") from None
    except PermissionError:
        raise ImportFileError(path, "import.file.denied") from None
    except FileRefused as refused:
        if refused.reason == "too_large":
            raise ImportFileError(path, "import.file.too_large", limit=limits.max_megabytes) from None
        raise ImportFileError(path, "import.file.not_regular") from None
    except OSError as exc:
        raise ImportFileError(path, "import.file.oserror", error=exc.strerror or str(exc)) from None


def read_sheet(path: Path, table: TableName, *, sheet: str | None = None, limits: ImportLimits | None = None) -> Sheet:
    """Open a .csv, .xlsx or .json file; raise ImportFileError if it cannot be read at all. The caller
    reads `rows()` and then calls `close()`."""
    path = Path(path)
    limits = limits or ImportLimits()
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ImportFileError(path, "import.file.xls")
    if suffix not in SUFFIXES:
        raise ImportFileError(path, "import.file.suffix", suffix=suffix or "?")
    if suffix == ".xlsx":
        from ocop_tui.transfer.excel import read_workbook  # only Excel imports pay for openpyxl

        return read_workbook(path, _opened(path, limits, read_limited), table, sheet, limits)
    if suffix == ".csv":
        handle = _opened(path, limits, open_limited)
        try:
            return _read_csv(path, handle, table, limits)
        except BaseException as error:
            handle.close()
            if isinstance(error, FileRefused):  # the file grew past the cap while it was read
                raise ImportFileError(path, "import.file.grew") from None
            raise
    return _read_json(path, _opened(path, limits, read_limited), table, limits)


# ---------------------------------------------------------------------------------------------- CSV


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


def _survey(handle: BinaryIO) -> tuple[bool, int]:
    """One fast pass over the bytes: whether they are all UTF-8, and how many line breaks there are."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    valid, lines = True, 0
    while chunk := handle.read(1 << 20):
        lines += chunk.count(b"\n")
        if valid:
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                valid = False
    if valid:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            valid = False
    return valid, lines


class _Lines:
    """The text lines of a CSV stream. For a file that is not UTF-8, the byte offset of every undecodable
    byte is kept in `pending`, in order, so that each bad cell can be located."""

    def __init__(self, text: IO[str], offset: int, locate: bool) -> None:
        self.text = text
        self.offset = offset
        self.locate = locate
        self.pending: deque[int] = deque()

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self.text.readline()
        if not line:
            raise StopIteration
        if self.locate:
            position, offset = 0, self.offset
            for match in SURROGATE.finditer(line):
                offset += len(line[position : match.start()].encode("utf-8", "surrogateescape"))
                self.pending.append(offset)
                offset += 1
                position = match.end()
            self.offset += len(line.encode("utf-8", "surrogateescape"))
        return line


def _count_rows(handle: BinaryIO, start: int, delimiter: str, limit: int) -> int:
    """The rows of the CSV (quoted line breaks do not count), stopping once there are more than `limit`."""
    handle.seek(start)
    text = io.TextIOWrapper(handle, encoding="utf-8", errors="surrogateescape", newline="")
    try:
        count = 0
        for count, _ in enumerate(csv.reader(text, delimiter=delimiter), start=1):
            if count > limit:
                break
        return count
    finally:
        text.detach()


def _read_csv(path: Path, handle: BinaryIO, table: TableName, limits: ImportLimits) -> Sheet:
    start = handle.read(3)
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode Text"
        handle.close()
        refused = make_problem(file_label(path), "1", "", start[:2].hex(" "), "import.bad.utf16")
        return Sheet(path, file_label(path), [], refused=refused)
    base = len(codecs.BOM_UTF8) if start == codecs.BOM_UTF8 else 0  # Excel's "CSV UTF-8" starts with a BOM
    handle.seek(base)
    valid, line_breaks = _survey(handle)
    size = handle.tell()
    handle.seek(base)
    first_line = handle.readline()
    delimiter = _sniff_delimiter(first_line.decode("utf-8", "surrogateescape").rstrip("\r\n"))
    hint = first_line.strip()
    data_start = base
    if hint[:4].lower() == b"sep=" and len(hint) == 5 and hint[4:] in (b",", b";", b"\t", b"|"):
        # Excel's separator hint: Excel hides this line, so the header below it is row 1.
        delimiter, data_start = hint[4:].decode(), base + len(first_line)
    # Only with more line breaks than allowed rows can there be too many rows: then they are counted exactly.
    if (
        line_breaks + 1 > limits.max_rows
        and _count_rows(handle, data_start, delimiter, limits.max_rows) > limits.max_rows
    ):
        handle.close()
        raise ImportFileError(path, "import.file.too_many_rows", limit=limits.max_rows)
    handle.seek(data_start)
    # Bytes that are not UTF-8 become lone surrogates, so the rest of the file can still be parsed and
    # every bad cell located; they are reported, never guessed at.
    text = io.TextIOWrapper(handle, encoding="utf-8", errors="surrogateescape", newline="")
    lines = _Lines(text, data_start, locate=not valid)
    bad_bytes: dict[tuple[str, int], int] | None = None if valid else {}
    rows = _csv_rows(path, lines, delimiter, bad_bytes, handle)
    head = list(islice(rows, HEADER_SCAN_ROWS))
    return Sheet(path, file_label(path), head, rows, find_header(head, table), bad_bytes=bad_bytes,
                 progress=lambda: (size if handle.closed else handle.tell(), size), close=handle.close)  # fmt: skip


def _csv_rows(path: Path, lines: _Lines, delimiter: str, bad_bytes: dict[tuple[str, int], int] | None,
              handle: BinaryIO) -> Iterator[Row]:  # fmt: skip
    reader = csv.reader(lines, delimiter=delimiter)
    old_limit = csv.field_size_limit()
    csv.field_size_limit(1 << 28)  # a huge cell is reported as too long, not as an unreadable file
    try:
        # Excel shows one row per record, even when a quoted cell holds line breaks.
        for number, cells in enumerate(reader, start=1):
            label = str(number)
            if bad_bytes is not None:
                for index, cell in enumerate(cells):
                    if has_surrogates(cell):
                        count = len(SURROGATE.findall(cell))
                        bad_bytes[(label, index)] = lines.pending.popleft() if lines.pending else -1
                        for _ in range(min(count - 1, len(lines.pending))):
                            lines.pending.popleft()
            yield label, cells
    except csv.Error as exc:
        raise ImportFileError(path, "import.file.csv", line=reader.line_num, error=str(exc)) from None
    except FileRefused:  # the file grew past the cap while it was read
        raise ImportFileError(path, "import.file.grew") from None
    finally:
        csv.field_size_limit(old_limit)
        handle.close()


# ---------------------------------------------------------------------------------------------- JSON


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


def _json_int(digits: str) -> int | HugeNumber:
    # Python refuses to turn more than 4,300 digits into an int (a ValueError for the whole file):
    # such a number is kept aside and refused on its own field.
    return int(digits) if len(digits) <= 4000 else HugeNumber(len(digits.lstrip("-")))


def _read_json(path: Path, data: bytes, table: TableName, limits: ImportLimits) -> Sheet:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(path, "import.file.json_utf8", offset=exc.start) from None
    del data
    try:
        document = json.loads(text, object_pairs_hook=_json_object, parse_int=_json_int)
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
    if len(items) > limits.max_rows:
        raise ImportFileError(path, "import.file.too_many_rows", limit=limits.max_rows)
    headers: dict[str, None] = {}
    for _, item in items:
        if isinstance(item, dict):
            headers.update(dict.fromkeys(item))
    columns = list(headers)
    rows: list[Row] = [("", list(columns))]
    duplicates: dict[str, list[str]] = {}
    for label, item in items:
        if not isinstance(item, dict):
            rows.append((label, [NotAnObject(item)]))
            continue
        if isinstance(item, _Object) and item.duplicates:
            duplicates[label] = item.duplicates
        rows.append((label, [item.get(column, ABSENT) for column in columns]))
    total = len(rows)
    return Sheet(path, file_label(path), rows, duplicate_keys=duplicates, from_json=True,
                 progress=lambda: (total, total))  # fmt: skip
