"""Reading the fair's store, a TinyDB JSON file: parsed once, checked against the data contract, never
written (its bytes and mtime stay as they were); FileStamp tells one version of the file from the next."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from ocop_tui.store.contract import CheckedTables, check_tables
from ocop_tui.store.errors import StoreInvalid, StoreUnreadable

TABLES = ("fair", "booths", "products")
Tables = dict[str, dict[str, Any]]


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What identifies one version of the file on disk, to notice it being replaced."""

    size: int
    mtime_ns: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> FileStamp:
        st = path.stat()
        return cls(st.st_size, st.st_mtime_ns, st.st_ino)


@dataclass(frozen=True)
class LoadedStore:
    path: Path
    tables: CheckedTables
    stamp: FileStamp
    raw: Tables = field(repr=False)


def _parse(path: Path, data: bytes) -> Any:
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        pass
    # orjson refuses NaN and Infinity; the standard parser accepts them so validation can name the
    # record and field. Anything it refuses too is not JSON at all.
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


def read_tables(path: Path) -> tuple[Tables, FileStamp]:
    """Read and parse the file once, without ever writing it."""
    path = Path(path)
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
    return tables_from_json(path, _parse(path, data)), stamp


def load_store(path: Path) -> LoadedStore:
    """Read and validate a store; raise StoreUnreadable or StoreInvalid, never change the file."""
    path = Path(path)
    tables, stamp = read_tables(path)
    checked = check_tables(tables)
    if checked.errors or checked.fair is None:
        raise StoreInvalid(path, checked.problems)
    return LoadedStore(path, checked, stamp, tables)


def iter_docs(tables: Tables, name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    yield from tables.get(name, {}).items()
