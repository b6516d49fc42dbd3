"""The fair's store: a TinyDB JSON file, read once for browsing and written only through `write_store`.

Reading never writes: the file's bytes and mtime stay as they were. Writing takes a lock on a sidecar
file for the whole read-modify-write, writes a temporary file in the same folder, fsyncs it, keeps the
old version as a timestamped backup and os.replace()s the new one over the store, so a crash or a full
disk leaves the old store or the new one, never a broken one. TinyDB's JSONStorage (which rewrites in
place) and CachingMiddleware (which loses writes) are never used.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from glob import escape as glob_escape
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

import orjson

from .records import CheckedTables, Problem, check_tables

if TYPE_CHECKING:  # imported where a write needs them: reading a store (starting the app) never does
    from filelock import FileLock
    from tinydb import TinyDB

TABLES = ("fair", "booths", "products")
BACKUPS_KEPT = 5
LOCK_TIMEOUT_SECONDS = 10.0

Tables = dict[str, dict[str, Any]]


class StoreError(Exception):
    """A store that cannot be used; `exit_code` follows the CLI's convention."""

    exit_code = 2

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class StoreUnreadable(StoreError):
    """Missing, empty, not JSON, or not shaped like a TinyDB file (exit 2)."""


class StoreInvalid(StoreError):
    """Readable, but records break the data contract (exit 1)."""

    exit_code = 1

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        errors = [p for p in problems if p.is_error]
        first = errors[0] if errors else None
        where = f" (first: {first.table} record {first.record}, field {first.field}: {first.message})" if first else ""
        super().__init__(path, f"{len(errors)} invalid record(s){where}")
        self.problems = problems


class StoreBusy(StoreError):
    """Another process holds the write lock."""


class StoreWriteFailed(StoreError):
    """The system refused the write (disk full, I/O error, no permission); the OSError is the cause.

    The store holds its old version, or the new one if only the final folder sync failed.
    """


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


def encode(tables: Tables) -> bytes:
    """UTF-8 JSON as TinyDB reads it; Vietnamese kept as is, NaN impossible (validated before)."""
    return orjson.dumps(tables, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def backup_dir(path: Path) -> Path:
    return path.parent / ".ocop-backups"


_STAMP_FORMAT = "%Y%m%dT%H%M%S%f"


def _backup_name(path: Path) -> re.Pattern[str]:
    # Exact names, not a glob: "fair.*.json" would also take fair.old.json's backups (and then prune
    # or restore them as fair.json's), and a "[" in the store's name would be read as a pattern.
    return re.compile(re.escape(path.stem) + r"\.(\d{8}T\d{12})" + re.escape(path.suffix))


def list_backups(path: Path) -> list[Path]:
    """This store's backups, newest first."""
    path = Path(path)
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    pattern = _backup_name(path)
    return sorted((p for p in folder.iterdir() if pattern.fullmatch(p.name)), key=lambda p: p.name, reverse=True)


def lock_for(path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> FileLock:
    """The inter-process lock, on a sidecar file: the store itself is replaced, so it cannot hold a lock."""
    from filelock import FileLock

    return FileLock(str(path) + ".lock", timeout=timeout)


def _fsync_dir(folder: Path) -> None:
    if sys.platform == "win32":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _replace(source: str, target: Path) -> None:
    # On Windows os.replace fails while another process has the target open; retry briefly.
    for attempt in range(10):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if sys.platform != "win32" or attempt == 9:
                raise
            time.sleep(0.05 * (attempt + 1))


def file_mode(path: Path) -> int:
    """The permissions a rewritten `path` keeps: its own, or what a new file gets under the umask.

    mkstemp makes owner-only (0600) files; renamed over the store as they are, a kiosk running under
    another account could no longer read the store after the organiser's first import.
    """
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _atomic_write(path: Path, data: bytes) -> None:
    folder = path.parent
    mode = file_mode(path)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        if sys.platform != "win32":
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(folder)


def _backup(path: Path, now: datetime) -> Path | None:
    """Keep the current version under a timestamped name (a hard link: the replace leaves it intact)."""
    if not path.exists():
        return None
    folder = backup_dir(path)
    folder.mkdir(exist_ok=True)
    # Names must stay unique and in write order even if the clock repeats (coarse Windows clocks, an
    # injected `now`) or steps back: an existing backup is never overwritten, and the newest sorts last.
    existing = list_backups(path)
    if existing:
        latest = _backup_name(path).fullmatch(existing[0].name)
        assert latest is not None
        newest = datetime.strptime(latest.group(1), _STAMP_FORMAT).replace(tzinfo=now.tzinfo)
        if now <= newest:
            now = newest + timedelta(microseconds=1)
    target = folder / f"{path.stem}.{now.strftime(_STAMP_FORMAT)}{path.suffix}"
    try:
        os.link(path, target)
    except OSError:
        _atomic_write(target, path.read_bytes())  # file systems without hard links
    try:
        _fsync_dir(folder)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _prune_backups(path: Path) -> None:
    for old in list_backups(path)[BACKUPS_KEPT:]:
        try:
            old.unlink(missing_ok=True)
        except OSError:  # the write itself is done; an extra old backup is no reason to report failure
            pass


@dataclass(frozen=True)
class WriteResult:
    path: Path
    backup: Path | None
    checked: CheckedTables


def _tinydb_on(tables: Tables) -> TinyDB:
    from tinydb import TinyDB
    from tinydb.storages import MemoryStorage

    db = TinyDB(storage=MemoryStorage)
    db.storage.write(tables)
    return db


def _remove_stale_temp_files(path: Path) -> None:
    """Temp files left by a writer that was killed mid-write. Only called under the lock, so no
    running writer owns one."""
    for stale in path.parent.glob(f".{glob_escape(path.name)}.*.tmp"):
        try:
            stale.unlink()
        except OSError:
            pass  # never fail a write over housekeeping


def write_store(
    path: Path,
    change: Callable[[TinyDB], None],
    *,
    create: bool = False,
    replaces_all: bool = False,
    lock_timeout: float = LOCK_TIMEOUT_SECONDS,
    now: Callable[[], datetime] = datetime.now,
) -> WriteResult:
    """The one way to change a store: lock, read, `change` (TinyDB API), validate, back up, replace.

    `change` works on an in-memory TinyDB holding the current tables. If the result breaks the data
    contract, StoreInvalid is raised and the file is not touched. `replaces_all` is for a `change` that
    ignores the current tables (restore): a missing or damaged store is then replaced, not refused.
    """
    from filelock import Timeout

    path = Path(path)
    lock = lock_for(path, lock_timeout)
    try:
        lock.acquire()
    except Timeout:
        raise StoreBusy(path, "another program is writing this store; try again when it has finished") from None
    except OSError as exc:  # e.g. a read-only folder: the lock file cannot be created
        raise StoreWriteFailed(path, f"cannot take the write lock: {exc.strerror or exc}") from exc
    try:
        _remove_stale_temp_files(path)
        if path.exists() or not create:
            try:
                tables, _ = read_tables(path)
            except StoreUnreadable:
                if not replaces_all:
                    raise
                # A damaged store is exactly what a restore is for; it is still backed up first if it exists.
                tables = {name: {} for name in TABLES}
        else:
            tables = {name: {} for name in TABLES}
        db = _tinydb_on(tables)
        change(db)
        new_tables: Tables = db.storage.read() or {}
        for name in TABLES:
            new_tables.setdefault(name, {})
        checked = check_tables(new_tables)
        if checked.errors:
            raise StoreInvalid(path, checked.problems)
        try:
            data = encode(new_tables)
        except orjson.JSONEncodeError as exc:  # e.g. an integer beyond 64 bits in an extra field
            raise StoreInvalid(path, [Problem("", "", "", f"cannot be written as JSON: {exc}")]) from None
        try:
            backup = _backup(path, now())
            try:
                _atomic_write(path, data)
            except BaseException:
                # The store was not replaced, so this backup only duplicates it and would push a real
                # older version out of the kept five. (If the replace did happen, keep it.)
                if backup is not None and _same_file(path, backup):
                    backup.unlink(missing_ok=True)
                raise
        except OSError as exc:  # a StoreError, so every command reports it in one line, not a traceback
            raise StoreWriteFailed(path, f"could not be written: {exc.strerror or exc}") from exc
        _prune_backups(path)
        return WriteResult(path, backup, checked)
    finally:
        lock.release()


def replace_tables(path: Path, tables: Tables, **kwargs: Any) -> WriteResult:
    """Write whole tables (restore, migrate, import --replace) through the same locked path."""

    def change(db: TinyDB) -> None:
        db.storage.write({name: dict(table) for name, table in tables.items()})

    kwargs.setdefault("replaces_all", True)
    return write_store(path, change, **kwargs)


def restore_backup(path: Path, backup: Path, **kwargs: Any) -> WriteResult:
    """Put a backup back in place; the current store is itself backed up first."""
    tables, _ = read_tables(Path(backup))
    return replace_tables(path, tables, **kwargs)


def iter_docs(tables: Tables, name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    yield from tables.get(name, {}).items()
