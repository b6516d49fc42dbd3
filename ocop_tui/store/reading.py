"""Reading the fair's store, a TinyDB JSON file: the one place a store is read, never written (its bytes and
mtime stay as they were).

`load_store` reads the bytes once and hands them to the contract's fast path (msgspec decodes and validates
the records in one pass); when that declines, or when every problem must be listed (`complete=True`:
`ocop-tui validate`, imports, writes), the file is parsed into plain tables and checked completely.

Only a regular file is read (symlinks followed), and no more than the size cap (512 MB, or
$OCOP_TUI_MAX_STORE_MB): a FIFO would block the reader and /dev/zero never ends. Backups are read the same way.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from ocop_tui.files import FileRefused, FileStamp, read_regular
from ocop_tui.store.contract import CheckedTables, check_tables, decode_store
from ocop_tui.store.errors import StoreInvalid, StoreUnreadable
from ocop_tui.store.problems import TooLongInteger, json_kind

__all__ = [
    "MAX_STORE_ENV",
    "TABLES",
    "FileStamp",
    "LoadedStore",
    "Tables",
    "load_store",
    "max_store_bytes",
    "read_tables",
    "tables_from_json",
]

TABLES = ("fair", "booths", "products")
Tables = dict[str, dict[str, Any]]

MAX_STORE_ENV = "OCOP_TUI_MAX_STORE_MB"
DEFAULT_MAX_STORE_MB = 512  # the national catalogue is 5 MB, the 100,000-product stress store about 40 MB
_MB = 1024 * 1024


def max_store_bytes(path: Path) -> int:
    """The size cap of a store (and of its backups): $OCOP_TUI_MAX_STORE_MB megabytes, else 512."""
    setting = os.environ.get(MAX_STORE_ENV, "").strip()
    if not setting:
        return DEFAULT_MAX_STORE_MB * _MB
    if not (setting.isascii() and setting.isdigit() and 1 <= len(setting) <= 7 and int(setting) >= 1):
        raise StoreUnreadable(path, f"{MAX_STORE_ENV} must be a whole number of megabytes (1 or more), not {setting!r}")
    return int(setting) * _MB


def _whole_number(digits: str) -> int | TooLongInteger:
    # Python refuses to convert more than 4,300 digits (a guard against slow conversions): such a number
    # becomes a value the check reports on its field, instead of a ValueError out of the parser.
    try:
        return int(digits)
    except ValueError:
        return TooLongInteger(digits)


@dataclass(frozen=True)
class LoadedStore:
    path: Path
    tables: CheckedTables
    stamp: FileStamp


def _parse(path: Path, data: bytes) -> Any:
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        pass
    # orjson refuses NaN, Infinity and integers beyond 64 bits; the standard parser accepts them so the check
    # can name the record and field. Anything it refuses too is not JSON at all.
    try:
        return json.loads(data.decode("utf-8"), parse_int=_whole_number)
    except UnicodeDecodeError as exc:
        raise StoreUnreadable(path, f"not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        # Some of the parser's messages end in "at" ("Unterminated string starting at"): the place follows.
        message = exc.msg.removesuffix(" at")
        raise StoreUnreadable(
            path, f"not valid JSON: {message} at line {exc.lineno}, column {exc.colno} (truncated or damaged?)"
        ) from None
    except RecursionError:
        raise StoreUnreadable(path, _TOO_DEEP) from None


_TOO_DEEP = "not a store: values nested too deeply to read (lists or objects inside each other thousands of times)"


def tables_from_json(path: Path, document: Any) -> Tables:
    """Check the TinyDB shape: an object of tables, each an object of documents keyed by id."""
    if not isinstance(document, dict):
        kind = "null" if document is None else json_kind(document)
        raise StoreUnreadable(path, f"not a TinyDB store: the top level is {kind}, expected an object of tables")
    tables: Tables = {}
    for name in TABLES:
        table = document.get(name, {})
        if not isinstance(table, dict):
            raise StoreUnreadable(path, f"not a TinyDB store: table '{name}' is {json_kind(table)}, not an object")
        tables[name] = table
    for name, table in document.items():
        if name not in tables:
            tables[name] = table  # unknown tables are kept untouched on write
    return tables


def _read_bytes(path: Path) -> tuple[bytes, FileStamp]:
    limit = max_store_bytes(path)
    try:
        data, info = read_regular(path, limit)
    except FileRefused as exc:
        if exc.reason == "too_large":
            raise StoreUnreadable(
                path, f"larger than {limit // _MB:,} MB, more than a store may be (${MAX_STORE_ENV} raises the limit)"
            ) from None
        if exc.kind == "folder":
            raise StoreUnreadable(path, "is a folder, not a store file") from None
        raise StoreUnreadable(path, f"is a {exc.kind}, not a regular file: only a regular file is read") from None
    except FileNotFoundError:
        raise StoreUnreadable(path, "no such file") from None
    except OSError as exc:
        raise StoreUnreadable(path, f"cannot be read: {exc.strerror or exc}") from None
    stamp = FileStamp.from_stat(info)
    if data.startswith(b"\xef\xbb\xbf"):  # a byte-order mark from Notepad or Excel: not part of the JSON
        data = data[3:]
    if not data.strip():
        raise StoreUnreadable(path, "the file is empty" if not data else "the file holds only whitespace")
    return data, stamp


def read_tables(path: Path) -> tuple[Tables, FileStamp]:
    """Read and parse the file once into plain tables (for a write, or the complete check)."""
    path = Path(path)
    data, stamp = _read_bytes(path)
    return tables_from_json(path, _parse(path, data)), stamp


def load_store(path: Path, *, complete: bool = False, reachability: bool = True) -> LoadedStore:
    """Read and validate a store; raise StoreUnreadable or StoreInvalid, never change the file.

    `complete`: skip the fast path, so that the check is the complete one from the start (the fast path
    gives the very same result for a store it accepts; this is for commands whose job is checking).
    `reachability=False`: a clean store is not searched for booths nobody can walk to (warnings only).
    """
    path = Path(path)
    data, stamp = _read_bytes(path)
    try:
        checked = None if complete else decode_store(data, reachability=reachability)
    except RecursionError:  # msgspec's own limit on nesting; the standard parser has one too
        raise StoreUnreadable(path, _TOO_DEEP) from None
    if checked is None:
        checked = check_tables(tables_from_json(path, _parse(path, data)))
    del data  # tens of megabytes at 100,000 products: not kept while the caller builds on the records
    if checked.errors or checked.fair is None:
        raise StoreInvalid(path, checked.problems)
    return LoadedStore(path, checked, stamp)
