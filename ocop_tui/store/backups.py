"""The store's backups: before every write the current version is kept in `.ocop-backups/` beside it, the
last BACKUPS_KEPT of them, under timestamped names that sort in write order.

A backup counts only once the write it was made for has replaced the store: it is made under a pending name
(`.<name>.pending`, which the list does not show) and takes its real name after the replace (`keep_backup`).
A writer killed in between leaves the pending file; the next write settles it (`settle_pending`): kept if the
store was replaced after it was made, removed if not, so a stray copy of the current store never pushes a real
older version out of the kept five. Backups live beside the real file a symlinked store path names.
"""

from __future__ import annotations

import os
import re
from datetime import datetime, timedelta
from pathlib import Path

from ocop_tui.files import atomic_write, fsync_dir, real_path, replace

BACKUPS_KEPT = 5
_PENDING = ".pending"


def backup_dir(path: Path) -> Path:
    return real_path(path).parent / ".ocop-backups"


_STAMP_FORMAT = "%Y%m%dT%H%M%S%f"


def _backup_name(path: Path) -> re.Pattern[str]:
    # Exact names, not a glob: "fair.*.json" would also take fair.old.json's backups (and then prune
    # or restore them as fair.json's), and a "[" in the store's name would be read as a pattern.
    return re.compile(re.escape(path.stem) + r"\.(\d{8}T\d{12})" + re.escape(path.suffix))


def list_backups(path: Path) -> list[Path]:
    """This store's backups, newest first."""
    path = real_path(path)
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    pattern = _backup_name(path)
    return sorted((p for p in folder.iterdir() if pattern.fullmatch(p.name)), key=lambda p: p.name, reverse=True)


def make_backup(path: Path, now: datetime) -> Path | None:
    """Keep the current version as a pending backup (a hard link: the replace leaves it intact); `keep_backup`
    gives it its real name once the store has been replaced. None when there is no store yet."""
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
    target = folder / f".{path.stem}.{now.strftime(_STAMP_FORMAT)}{path.suffix}{_PENDING}"
    try:
        os.link(path, target)
    except OSError:
        atomic_write(target, path.read_bytes())  # file systems without hard links
    try:
        fsync_dir(folder)  # the backup is on disk before the store can be replaced
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def keep_backup(pending: Path) -> Path:
    """Give a pending backup its real name, now that the store it holds the previous version of was replaced.

    The rename is not fsynced: if a power cut loses it, the pending file is still there and the next write
    keeps it (settle_pending)."""
    kept = pending.with_name(pending.name[1 : -len(_PENDING)])
    replace(pending, kept)
    return kept


def settle_pending(path: Path) -> None:
    """Pending backups a killed writer left (call under the write lock): kept when the store has been replaced
    since (it then holds the version before that write), removed when it is still the current version."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return
    pattern = re.compile(r"\." + _backup_name(path).pattern + re.escape(_PENDING))
    for pending in folder.iterdir():
        if not pattern.fullmatch(pending.name):
            continue
        try:
            if still_current(pending, path):
                pending.unlink()  # the write it was made for never happened
            else:
                keep_backup(pending)
        except OSError:
            pass  # never fail a write over housekeeping


def still_current(pending: Path, path: Path) -> bool:
    """Whether a pending backup is the store's current version: the same file (a hard link), or, where it had
    to be a copy, the same bytes."""
    return same_file(pending, path) or (os.stat(pending).st_nlink == 1 and pending.read_bytes() == path.read_bytes())


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def prune_backups(path: Path) -> None:
    for old in list_backups(path)[BACKUPS_KEPT:]:
        try:
            old.unlink(missing_ok=True)
        except OSError:  # the write itself is done; an extra old backup is no reason to report failure
            pass
