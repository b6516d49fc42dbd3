"""A cache of checked catalogues: the next start on the same store file reads its checked records (and their
name order) instead of decoding, checking and sorting the store again (a second at 100,000 products).

An entry is used only for the very same file and the very same program: it is keyed on the installed
ocop-tui's version and the store's identity on disk (real path, device, inode, size, modification and change
times; any write of the store, by this tool or an editor, makes a new file or a new change time). Entries are
msgspec's MessagePack of the records, decoded straight into them (with their types and ranges checked again),
after a header line naming the key and a checksum of the rest. Anything else (another key, a damaged or
foreign entry, an unreadable folder) is a miss: the store is read as if there were no cache. The cache is
never needed, so every failure to read or write it is silent, and deleting the folder is always safe. It never
writes next to the store and never changes it.

The folder belongs to the user (0700, files 0600); an entry another user owns, or others could change, is
ignored. `OCOP_TUI_CACHE_DIR` moves it; `OCOP_TUI_CACHE_DIR=off` turns it off.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import threading
import time
import zlib
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import msgspec

from ocop_tui import __version__
from ocop_tui.files import FileStamp, open_limited
from ocop_tui.model import Booth, Fair, Product
from ocop_tui.store.contract import CheckedTables, Problem, share_repeated

CACHE_ENV = "OCOP_TUI_CACHE_DIR"
FORMAT = 5  # 5: the records gained their optional English fields (fair name_en..., booth zone_en)
MAX_ENTRIES = 8  # one per store; the least recently written go first
SAVE_DELAY_SECONDS = 1.0  # after the first frame: encoding holds the interpreter for a moment
STALE_TEMP_SECONDS = 3600  # a temporary file a write cut short at exit left behind
_PACKING = f"{sys.byteorder}-{array('I').itemsize}"  # the name order's packing is this machine's


def cache_dir() -> Path | None:
    """The folder of cache entries, or None when the cache is turned off."""
    configured = os.environ.get(CACHE_ENV, "").strip()
    if configured:
        return None if configured.lower() == "off" else Path(configured)
    from platformdirs import user_cache_dir

    from ocop_tui.paths import APP_NAME

    return Path(user_cache_dir(APP_NAME)) / "catalogues"


class Key(msgspec.Struct, frozen=True, array_like=True):
    """What an entry holds the records of: this program, and one version of one store file."""

    program: str
    path: str
    device: int
    inode: int
    size: int
    mtime_ns: int
    ctime_ns: int

    @classmethod
    def of(cls, path: Path) -> Key:
        real = os.path.realpath(path)
        st = os.stat(real)
        return cls(f"{FORMAT} {__version__} {_PACKING}", real, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns,
                   st.st_ctime_ns)  # fmt: skip

    @property
    def stamp(self) -> FileStamp:
        return FileStamp(self.size, self.mtime_ns, self.inode)


class _Header(msgspec.Struct, array_like=True):
    key: Key
    crc32: int  # of everything after the header


class _Head(msgspec.Struct, array_like=True, gc=False):
    fair: Fair
    warnings: list[tuple[str, str, str, str, str, str]]  # Problem's fields
    name_order: bytes  # array("I"): the products' default order, so the catalogue need not sort them again
    booth_parts: int
    product_parts: int


@dataclass(frozen=True, slots=True)
class Cached:
    """A checked store as the cache holds it."""

    tables: CheckedTables
    name_order: list[int]


def entry_path(folder: Path, key: Key) -> Path:
    return folder / f"{hashlib.blake2b(key.path.encode('utf-8', 'surrogateescape'), digest_size=12).hexdigest()}.bin"


def private(st: os.stat_result) -> bool:
    """Only an entry this user wrote, that nobody else can change, is trusted to hold checked records."""
    getuid = getattr(os, "getuid", None)
    return (getuid is None or st.st_uid == getuid()) and not st.st_mode & 0o022


# An entry is a sequence of parts, each its length (4 bytes) and its MessagePack: the header, the head (the fair,
# the warnings, the name order), then the booths and the products PART_RECORDS at a time. Read a part at a
# time, the records' repeated values are shared as they come (SHARED_FIELDS), so a part's copies are freed
# before the next is read: at 100,000 products the peak is tens of megabytes lower than decoding all at once.
PART_RECORDS = 4096
_DECODERS = {
    "head": msgspec.msgpack.Decoder(_Head),
    "booths": msgspec.msgpack.Decoder(list[Booth]),
    "products": msgspec.msgpack.Decoder(list[Product]),
}


MAX_ENTRY_BYTES = 1 << 33  # far above any entry (a 512 MB store's is smaller): only a runaway file is refused


def read_part(handle: BinaryIO) -> bytes:
    size = int.from_bytes(handle.read(4), "little")
    part = handle.read(size)
    if len(part) != size:
        raise ValueError("a truncated entry")
    return part


def read_entry(folder: Path, key: Key) -> Cached | None:
    """The cached store for exactly this key, or None."""
    try:
        # Opened only if it is a regular file: a FIFO left in the cache folder would block the start for good.
        with open_limited(entry_path(folder, key), MAX_ENTRY_BYTES) as handle:
            if not private(os.fstat(handle.fileno())):
                return None
            header = msgspec.msgpack.decode(read_part(handle), type=_Header)
            if header.key != key:
                return None
            part = read_part(handle)
            crc = zlib.crc32(part)
            head = _DECODERS["head"].decode(part)
            records: dict[str, list[Any]] = {"booths": [], "products": []}
            for table, count in (("booths", head.booth_parts), ("products", head.product_parts)):
                seen: dict[str, dict[Any, Any]] = {}
                for _ in range(count):
                    part = read_part(handle)
                    crc = zlib.crc32(part, crc)
                    chunk = _DECODERS[table].decode(part)
                    share_repeated(table, chunk, seen)  # type: ignore[arg-type]
                    records[table] += chunk
            if crc != header.crc32 or handle.read(1):
                return None
    except (OSError, ValueError, msgspec.DecodeError):
        return None
    order = array("I")
    order.frombytes(head.name_order)
    if len(order) != len(records["products"]):
        return None
    warnings = [Problem(*fields) for fields in head.warnings]  # type: ignore[arg-type]
    return Cached(CheckedTables(head.fair, records["booths"], records["products"], warnings), order.tolist())


def _parts(tables: CheckedTables, name_order: list[int]) -> list[bytes]:
    assert tables.fair is not None
    booths, products = tables.booths, tables.products
    warnings = [(p.table, p.record, p.field, p.message, p.severity, p.value) for p in tables.warnings]
    chunks = [booths[i : i + PART_RECORDS] for i in range(0, len(booths), PART_RECORDS)]
    booth_parts = len(chunks)
    chunks += [products[i : i + PART_RECORDS] for i in range(0, len(products), PART_RECORDS)]
    head = _Head(tables.fair, warnings, array("I", name_order).tobytes(), booth_parts, len(chunks) - booth_parts)
    return [msgspec.msgpack.encode(head), *map(msgspec.msgpack.encode, chunks)]


def write_entry(folder: Path, key: Key, tables: CheckedTables, name_order: list[int]) -> Path | None:
    """Write (atomically) the entry for this key; None if it cannot be written."""
    try:
        parts = _parts(tables, name_order)
    except msgspec.EncodeError:
        return None
    crc = 0
    for part in parts:
        crc = zlib.crc32(part, crc)
    target = write_parts(folder, entry_path(folder, key), [msgspec.msgpack.encode(_Header(key, crc)), *parts])
    if target is not None:
        _prune(folder, keep=target)
    return target


def write_parts(folder: Path, target: Path, parts: list[bytes], temp_prefix: str = ".entry-") -> Path | None:
    """`parts`, each after its length, written atomically to `target` in `folder` (private to the user: the
    entry is trusted when read back); None if it cannot be written. A temporary file a write cut short left
    behind is named `temp_prefix`*.tmp, for _prune."""
    temp: str | None = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=temp_prefix, suffix=".tmp", dir=folder)  # created 0600
        with os.fdopen(handle, "wb") as out:
            for part in parts:
                out.write(len(part).to_bytes(4, "little"))
                out.write(part)
        os.replace(temp, target)
        temp = None
        return target
    except OSError:
        return None
    finally:
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass


def _prune(folder: Path, keep: Path) -> None:
    """Keep the newest MAX_ENTRIES entries; drop temporary files a write cut short left (an hour old)."""
    for path in folder.glob(".entry-*.tmp"):
        try:
            if time.time() - path.stat().st_mtime > STALE_TEMP_SECONDS:
                path.unlink()
        except OSError:
            continue
    entries = []
    for path in folder.glob("*.bin"):
        try:
            entries.append((path.stat().st_mtime_ns, path))
        except OSError:
            continue
    for _, path in sorted(entries, reverse=True)[MAX_ENTRIES:]:
        if path != keep:
            try:
                path.unlink()
            except OSError:
                pass
    # The word indexes kept beside an entry (word_cache.py) go with it.
    for path in [*folder.glob("*.words"), *folder.glob(".words-*.tmp")]:
        try:
            entry_gone = not path.name.startswith(".") and not (folder / (path.name.split(".")[0] + ".bin")).exists()
            if entry_gone or (path.name.startswith(".") and time.time() - path.stat().st_mtime > STALE_TEMP_SECONDS):
                path.unlink()
        except OSError:
            continue


def save_later(folder: Path, key: Key, tables: CheckedTables, name_order: list[int],
               delay: float | None = None) -> threading.Timer:  # fmt: skip
    """Write the entry in a background thread `delay` seconds from now, once the first screen is up. The
    thread does not keep the program alive: a write cut short at exit leaves only a temporary file (an
    entry is replaced atomically), and the next start writes the entry again."""
    timer = threading.Timer(SAVE_DELAY_SECONDS if delay is None else delay, write_entry,
                            args=(folder, key, tables, name_order))  # fmt: skip
    timer.name = "catalogue-cache"
    timer.daemon = True
    timer.start()
    return timer


def load_cached(path: Path) -> tuple[Cached | None, Key | None, Path | None]:
    """The cached store for this very file if there is one; and the key and folder to save it under."""
    folder = cache_dir()
    if folder is None:
        return None, None, None
    try:
        key = Key.of(path)
    except (OSError, ValueError):
        return None, None, None
    return read_entry(folder, key), key, folder
