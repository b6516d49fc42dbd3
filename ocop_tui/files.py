"""Writing a file so that a reader never sees half of it (the store, its backups, exports, the kiosk config), and
telling one version of a file from the next (FileStamp).

The standard pattern: a temporary file in the same folder, written, flushed and fsynced, then renamed over
the target with os.replace (atomic on POSIX), then the folder fsynced so the rename itself survives a
power cut. A failure at any step leaves the old file as it was and removes the temporary one.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ocop_tui.text import visible


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What identifies one version of a file on disk, to notice it being replaced."""

    size: int
    mtime_ns: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> FileStamp:
        return cls.from_stat(path.stat())

    @classmethod
    def from_stat(cls, st: os.stat_result) -> FileStamp:
        return cls(st.st_size, st.st_mtime_ns, st.st_ino)


def shown_path(path: Path | str) -> str:
    """A path as a message or a log shows it: every control, escape, bidi and undecodable character as a
    visible escape, so a file named `x\\e]0;...` cannot retitle the terminal (data values get `clean`)."""
    return visible(os.fsdecode(path))


def real_path(path: Path | str) -> Path:
    """The file `path` names, symlinks resolved: what a write replaces, and where its lock and backups go, so
    that a symlinked store stays a link to a file that holds the new data."""
    return Path(os.path.realpath(path))


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable (nothing to do on Windows, which cannot open folders)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace(source: str | Path, target: Path) -> None:
    """os.replace, retried briefly on Windows, where it fails while another process has the target open."""
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


def atomic_write(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Replace `path` with `data` atomically and durably; `mode` defaults to the file's own (file_mode)."""
    folder = path.parent
    mode = file_mode(path) if mode is None else mode
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        if sys.platform != "win32":
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    fsync_dir(folder)


class FileRefused(OSError):
    """A path that is not read: not a regular file (a FIFO, a device, a folder) or larger than allowed.

    `reason` is "not_regular" or "too_large"; `limit` is the size cap in bytes; `kind` names what a path that
    is not a regular file is ("folder", "FIFO", "device", "socket" or "special file").
    """

    def __init__(self, path: Path, reason: str, limit: int = 0, kind: str = "") -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.limit = limit
        self.kind = kind


def file_kind(mode: int) -> str:
    """What a file that is not a regular one is, in the words a message uses."""
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of `path`, which must be a regular file (symlinks followed) of at most `limit` bytes.

    A FIFO would block the reader forever and /dev/zero would never end, so the file is opened without
    blocking, checked with fstat before anything is read, and read no further than `limit` (a file that
    grows while it is read is refused too). OSError (missing, no permission) passes through.
    """
    return read_regular(path, limit)[0]


def read_regular(path: Path, limit: int) -> tuple[bytes, os.stat_result]:
    """read_limited, with the stat of the very file that was read (not of whatever the path names later)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(path, "not_regular", limit, file_kind(info.st_mode))
        if info.st_size > limit:
            raise FileRefused(path, "too_large", limit)
        chunks: list[bytes] = []
        left = limit + 1
        # The whole file in one read (one copy of a large store in memory, not chunks and their join), then
        # small reads only if it grew meanwhile.
        want = info.st_size + 1
        while left > 0:
            chunk = os.read(fd, min(left, want))
            want = 1 << 20
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:
            raise FileRefused(path, "too_large", limit)
        return b"".join(chunks), info
    finally:
        os.close(fd)
