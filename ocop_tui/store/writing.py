"""Changing the store: `write_store` is the one way, and restore, migrate and import all go through it.

Writing takes a lock on a sidecar file for the whole read-modify-write, applies the change to the tables
through TinyDB's API (on an in-memory TinyDB), checks the result against the data contract, keeps the
old version as a timestamped backup and atomically replaces the store (files.atomic_write), so a crash or
a full disk leaves the old store or the new one, never a broken one. TinyDB's JSONStorage (which rewrites
in place) and CachingMiddleware (which loses writes) are never used.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from glob import escape as glob_escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from ocop_tui.files import atomic_write, file_kind, real_path
from ocop_tui.store.backups import keep_backup, make_backup, prune_backups, settle_pending, still_current
from ocop_tui.store.contract import CheckedTables, Problem, check_tables
from ocop_tui.store.errors import StoreBusy, StoreInvalid, StoreUnreadable, StoreWriteFailed
from ocop_tui.store.reading import TABLES, Tables, read_tables

if TYPE_CHECKING:  # imported where a write needs them: reading a store (starting the app) never does
    from filelock import FileLock
    from tinydb import TinyDB


LOCK_TIMEOUT_SECONDS = 10.0


def encode(tables: Tables) -> bytes:
    """UTF-8 JSON as TinyDB reads it; Vietnamese kept as is, NaN impossible (validated before)."""
    return orjson.dumps(tables, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def lock_for(path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> FileLock:
    """The inter-process lock, on a sidecar file beside the real store file (a symlinked path is resolved):
    the store itself is replaced, so it cannot hold a lock."""
    from filelock import FileLock

    return FileLock(str(real_path(path)) + ".lock", timeout=timeout)


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


def _refuse_what_is_not_a_file(named: Path, path: Path) -> None:
    """A store is only ever written over a regular file: never over a FIFO or a device (a link to /dev/zero
    would have the write replace /dev/zero itself), even with --force or a restore."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # missing (a new store), or unreadable: reading it says so
    if not stat.S_ISREG(mode):
        kind = file_kind(mode)
        if kind == "folder":
            raise StoreUnreadable(named, "is a folder, not a store file")
        raise StoreUnreadable(named, f"is a {kind}, not a regular file: a store is only written over a regular file")


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
    A symlinked `path` is resolved: the real file is replaced (the link stays), its lock and backups beside it.
    """
    from filelock import Timeout

    named = Path(path)
    path = real_path(named)
    _refuse_what_is_not_a_file(named, path)  # before the lock: no /dev/zero.lock either
    lock = lock_for(path, lock_timeout)
    try:
        lock.acquire()
    except Timeout:
        raise StoreBusy(named, "another program is writing this store; try again when it has finished") from None
    except OSError as exc:  # e.g. a read-only folder: the lock file cannot be created
        raise StoreWriteFailed(named, f"cannot take the write lock: {exc.strerror or exc}") from exc
    try:
        _refuse_what_is_not_a_file(named, path)  # again, under the lock
        _remove_stale_temp_files(path)
        settle_pending(path)
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
            raise StoreInvalid(named, checked.problems)
        try:
            data = encode(new_tables)
        except orjson.JSONEncodeError as exc:  # e.g. an integer beyond 64 bits in an extra field
            raise StoreInvalid(named, [Problem("", "", "", f"cannot be written as JSON: {exc}")]) from None
        try:
            pending = make_backup(path, now())
            try:
                atomic_write(path, data)
            except BaseException:
                # Not replaced: the pending backup only duplicates the store, and would push a real older
                # version out of the kept five. Replaced (only the folder's sync failed): it is the backup.
                if pending is not None:
                    if still_current(pending, path):
                        pending.unlink(missing_ok=True)
                    else:
                        keep_backup(pending)
                raise
            backup = keep_backup(pending) if pending is not None else None
        except OSError as exc:  # a StoreError, so every command reports it in one line, not a traceback
            raise StoreWriteFailed(named, f"could not be written: {exc.strerror or exc}") from exc
        prune_backups(path)
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
