"""The store's backups: before every write the current version is kept in `.ocop-backups/` beside it, the
last BACKUPS_KEPT of them, under timestamped names that sort in write order."""

from __future__ import annotations

import os
import re
from datetime import datetime, timedelta
from pathlib import Path

from ocop_tui.files import atomic_write, fsync_dir

BACKUPS_KEPT = 5


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


def make_backup(path: Path, now: datetime) -> Path | None:
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
        atomic_write(target, path.read_bytes())  # file systems without hard links
    try:
        fsync_dir(folder)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


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
