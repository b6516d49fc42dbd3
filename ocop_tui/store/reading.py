"""Reading the fair's store, a TinyDB JSON file: the one place a store is read, never written (its bytes and
mtime stay as they were).

`load_store` reads the bytes once and hands them to the contract's fast path (msgspec decodes and validates
the records in one pass); when that declines, or when every problem must be listed (`complete=True`:
`ocop-tui validate`, imports, writes), the file is parsed into plain tables and checked completely.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from ocop_tui.files import FileStamp
from ocop_tui.store.contract import CheckedTables, check_tables, decode_store
from ocop_tui.store.errors import StoreInvalid, StoreUnreadable

__all__ = ["TABLES", "FileStamp", "LoadedStore", "Tables", "load_store", "read_tables", "tables_from_json"]

TABLES = ("fair", "booths", "products")
Tables = dict[str, dict[str, Any]]


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
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise StoreUnreadable(path, f"not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise StoreUnreadable(
            path, f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno} (truncated or damaged?)"
        ) from None


def tables_from_json(path: Path, document: Any) -> Tables:
    """Check the TinyDB shape: an object of tables, each an object of documents keyed by id."""
    if not isinstance(document, dict):
        kind = "null" if document is None else type(document).__name__
        raise StoreUnreadable(path, f"not a TinyDB store: the top level is {kind}, expected an object of tables")
    tables: Tables = {}
    for name in TABLES:
        table = document.get(name, {})
        if not isinstance(table, dict):
            raise StoreUnreadable(path, f"not a TinyDB store: table '{name}' is {type(table).__name__}, not an object")
        tables[name] = table
    for name, table in document.items():
        if name not in tables:
            tables[name] = table  # unknown tables are kept untouched on write
    return tables


def _read_bytes(path: Path) -> tuple[bytes, FileStamp]:
    try:
        with path.open("rb") as handle:
            stamp = FileStamp.of(path)
            data = handle.read()
    except FileNotFoundError:
        raise StoreUnreadable(path, "no such file") from None
    except IsADirectoryError:
        raise StoreUnreadable(path, "is a folder, not a store file") from None
    except OSError as exc:
        raise StoreUnreadable(path, f"cannot be read: {exc.strerror}") from None
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
    checked = None if complete else decode_store(data, reachability=reachability)
    if checked is None:
        checked = check_tables(tables_from_json(path, _parse(path, data)))
    del data  # tens of megabytes at 100,000 products: not kept while the caller builds on the records
    if checked.errors or checked.fair is None:
        raise StoreInvalid(path, checked.problems)
    return LoadedStore(path, checked, stamp)
