"""A cache of validated catalogues, so a start-up reads the store's records without checking them again.

Reading a store means parsing its JSON and checking every document against the data contract (and the
booths against the floor plan): a third of a second at 14,000 products, well over a second at 100,000.
The result only changes when the file does, so after a successful check the app keeps the records, the
warnings and the name order in a compact column-wise file in the user's cache folder, keyed by:

- the store's identity on disk: real path, device, inode, size, modification and change times (the
  change time cannot be set back by any tool, and the store's own writes replace the file: new inode);
- the code that checked it: a hash of the modules that define the contract, the records and the order.

Anything else (another version of the file, a cache from other code, a damaged or foreign cache file,
an unreadable cache folder) is a miss: the store is read and checked as if there were no cache, and a
new entry is written. The cache is never needed, so every failure to read or write it is silent, and
deleting the folder is always safe. It never stores anything next to the store itself (a kiosk's data
folder may be read-only) and never changes the store.

The cache folder belongs to the user (0700, files 0600), like Python's own byte-code caches: whoever
can write it can already run code as that user; an entry owned by someone else, or that others could
change, is ignored. Entries carry a checksum of their payload, so a torn or damaged file is recognised
and ignored; shown text is cleaned at display time in any case. Entries are plain JSON, never pickle.
"""

from __future__ import annotations

import base64
import gc
import hashlib
import os
import sys
import tempfile
import threading
import time
import zlib
from array import array
from collections.abc import Mapping
from dataclasses import dataclass, fields
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from ocop_tui import __version__
from ocop_tui.model import Booth, Fair, Product
from ocop_tui.store.contract import NO_EXTRA, SHARED_FIELDS, CheckedTables, Problem, build_records
from ocop_tui.store.reading import FileStamp, load_store

if TYPE_CHECKING:
    from ocop_tui.search.catalog import Catalog

CACHE_ENV = "OCOP_TUI_CACHE_DIR"  # where entries live; "off" disables the cache
FORMAT = 2
MAX_ENTRIES = 8  # one per store path; the least recently written go first
SAVE_DELAY_SECONDS = 1.0
STALE_TEMP_SECONDS = 3600
_HEADER_LIMIT = 4096

_PRODUCT_FIELDS = tuple(f.name for f in fields(Product) if f.name != "extra")
_BOOTH_FIELDS = tuple(f.name for f in fields(Booth) if f.name not in ("extra", "position"))
_FAIR_FIELDS = tuple(f.name for f in fields(Fair))
_PROBLEM_FIELDS = tuple(f.name for f in fields(Problem))


def cache_dir() -> Path | None:
    """The folder of cache entries, or None when the cache is turned off."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return None if configured.strip().lower() == "off" else Path(configured)
    from platformdirs import user_cache_dir

    from ocop_tui.paths import APP_NAME

    return Path(user_cache_dir(APP_NAME)) / "catalogues"


@dataclass(frozen=True, slots=True)
class StoreIdentity:
    """One version of one store file, as the file system tells it apart from every other."""

    path: str
    device: int
    inode: int
    size: int
    mtime_ns: int
    ctime_ns: int

    @classmethod
    def of(cls, path: Path) -> StoreIdentity:
        real = os.path.realpath(path)
        st = os.stat(real)
        return cls(real, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)

    @property
    def stamp(self) -> FileStamp:
        return FileStamp(self.size, self.mtime_ns, self.inode)

    def as_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]


_code_hash: str | None = None


def code_hash() -> str:
    """What the checks and the cached derived data depend on: a change to any of it is a miss."""
    global _code_hash
    if _code_hash is None:
        from ocop_tui import model, text
        from ocop_tui.plan import layout, reading, routes, shapes
        from ocop_tui.search import catalog, facets, index, query, word_index
        from ocop_tui.store import contract
        from ocop_tui.store import reading as store_reading

        digest = hashlib.blake2b(f"{FORMAT} {__version__}".encode(), digest_size=12)
        try:
            for module in (
                model,
                text,
                layout,
                reading,
                routes,
                shapes,
                catalog,
                facets,
                index,
                query,
                word_index,
                contract,
                store_reading,
            ):
                digest.update(Path(module.__file__ or "").read_bytes())
            digest.update(Path(__file__).read_bytes())
            _code_hash = digest.hexdigest()
        except OSError:
            # No source to hash (a frozen or zipped install): this process's entries are its own, so a
            # cache never outlives the code that checked it.
            _code_hash = f"unhashable-{os.getpid()}-{os.urandom(6).hex()}"
    return _code_hash


def entry_path(folder: Path, identity: StoreIdentity) -> Path:
    name = hashlib.blake2b(identity.path.encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()
    return folder / f"{name}.json"


@dataclass(frozen=True, slots=True)
class Loaded:
    """A checked store, from the cache or fresh; `name_order` is the catalogue's default order if known."""

    tables: CheckedTables
    stamp: FileStamp
    name_order: list[int] | None
    from_cache: bool
    identity: StoreIdentity | None  # the file it holds (None: it changed while it was read, so never cached)
    folder: Path | None = None  # the cache folder it came from or goes to


# Encoding --------------------------------------------------------------------------------------------


def _default(value: Any) -> Any:
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, tuple):
        return list(value)
    raise TypeError(type(value).__name__)


def _column(records: list[Any], name: str) -> Any:
    """A field of every record. A field whose values repeat (a province, a producer; in the demo fair even
    the descriptions) is written as its distinct values and an index into them: smaller, quicker to read,
    and each value is one shared object again when read."""
    values = [getattr(record, name) for record in records]
    numbers: dict[Any, int] = {}
    index = [numbers.setdefault(value, len(numbers)) for value in values]
    if name not in SHARED_FIELDS and len(numbers) * 2 > len(values):
        return values
    return {"values": list(numbers), "index": _pack(index)}


# Whole-number lists (the indexes above, the name order) are written packed: one base64 string of 32-bit
# numbers instead of a JSON number each. Reading 100,000 numbers then makes no 100,000 objects (nor frees
# them again), which is a tenth of a second at 100,000 products. The packing is this machine's: the
# header names it, and another one is a miss.
PACKING = f"{sys.byteorder}-{array('I').itemsize}"


def _pack(numbers: list[int]) -> str:
    return base64.b64encode(array("I", numbers).tobytes()).decode("ascii")


def _unpack(text: str) -> array[int]:
    numbers = array("I")
    numbers.frombytes(base64.b64decode(text, validate=True))
    return numbers


def _expand(column: Any) -> list[Any]:
    if isinstance(column, dict):
        values = column["values"]
        return list(map(values.__getitem__, _unpack(column["index"])))
    return column  # type: ignore[no-any-return]


def _digest(payload: Any) -> str:
    """A check against damage (a torn or corrupted file), not against tampering: see the module docstring."""
    return f"crc32:{zlib.crc32(payload):08x}"


def encode_entry(identity: StoreIdentity, tables: CheckedTables, name_order: list[int]) -> bytes:
    """The header line (what the entry is for, and the payload's digest), then the payload."""
    assert tables.fair is not None
    products, booths = tables.products, tables.booths
    payload = orjson.dumps(
        {
            "fair": {name: getattr(tables.fair, name) for name in _FAIR_FIELDS},
            "booths": {name: _column(booths, name) for name in _BOOTH_FIELDS},
            "booth_position": [b.position for b in booths],
            "booth_extra": {str(i): b.extra for i, b in enumerate(booths) if b.extra},
            "products": {name: _column(products, name) for name in _PRODUCT_FIELDS},
            "product_extra": {str(i): p.extra for i, p in enumerate(products) if p.extra},
            "warnings": [[getattr(p, name) for name in _PROBLEM_FIELDS] for p in tables.warnings],
            "name_order": _pack(name_order),
        },
        default=_default,
    )
    header = {
        "format": FORMAT,
        "packing": PACKING,
        "code": code_hash(),
        "store": identity.as_json(),
        "digest": _digest(payload),
    }
    return orjson.dumps(header) + b"\n" + payload


def _expand_columns(columns: Any, names: tuple[str, ...], count: int) -> dict[str, list[Any]] | None:
    if not isinstance(columns, dict) or columns.keys() != set(names):
        return None
    expanded = {name: _expand(column) for name, column in columns.items()}
    if not all(isinstance(column, list) and len(column) == count for column in expanded.values()):
        return None
    return expanded


def _records(cls: type[Any], names: tuple[str, ...], columns: dict[str, list[Any]], count: int,
             extra: dict[str, Any], more: dict[str, Any] | None = None) -> list[Any]:  # fmt: skip
    every = dict(columns)
    extras: list[Any] = list(repeat(NO_EXTRA, count))
    for key, value in extra.items():
        extras[int(key)] = value
    every["extra"] = extras
    every.update(more or {})
    return build_records(cls, (*names, "extra", *(more or {})), every, count)


def decode_entry(data: bytearray, identity: StoreIdentity) -> Loaded | None:
    """The cached store if `data` is an intact entry for exactly this file and this code; else None.
    `data` is emptied once parsed (so its memory is free while the records are built)."""
    end = data.find(b"\n", 0, _HEADER_LIMIT)
    if end < 0:
        return None
    try:
        header = orjson.loads(data[:end])
    except orjson.JSONDecodeError:
        return None
    if not isinstance(header, dict) or header.get("format") != FORMAT or header.get("packing") != PACKING \
            or header.get("code") != code_hash():  # fmt: skip
        return None
    if header.get("store") != identity.as_json():
        return None
    with memoryview(data) as view:
        payload = view[end + 1 :]
        if _digest(payload) != header.get("digest"):
            return None
        try:
            body = orjson.loads(payload)
        except orjson.JSONDecodeError:
            return None
        finally:
            payload.release()
    data.clear()  # tens of megabytes at 100,000 products: gone before the records are built
    return _decode_payload(body, identity)  # intact and written by this code: only a bug can fail here


def _decode_payload(body: dict[str, Any], identity: StoreIdentity) -> Loaded | None:
    booth_count = len(body["booth_position"])
    product_count = len(body["products"]["code"])
    booth_columns = _expand_columns(body.pop("booths"), _BOOTH_FIELDS, booth_count)
    product_columns = _expand_columns(body.pop("products"), _PRODUCT_FIELDS, product_count)
    if booth_columns is None or product_columns is None:
        return None
    fair = Fair(**body["fair"])
    positions = [None if p is None else tuple(p) for p in body["booth_position"]]
    booths = _records(Booth, _BOOTH_FIELDS, booth_columns, booth_count, body["booth_extra"], {"position": positions})
    products = _records(Product, _PRODUCT_FIELDS, product_columns, product_count, body["product_extra"])
    warnings = [Problem(*row) for row in body["warnings"]]
    order = _unpack(body["name_order"]).tolist()
    if sorted(order) != list(range(product_count)):
        return None
    return Loaded(CheckedTables(fair, booths, products, warnings), identity.stamp, order, True, identity)


# Reading and writing ---------------------------------------------------------------------------------


def _private(st: os.stat_result) -> bool:
    """Only an entry this user wrote, that nobody else can change, is trusted to hold checked records."""
    getuid = getattr(os, "getuid", None)
    return (getuid is None or st.st_uid == getuid()) and not st.st_mode & 0o022


def read_entry(identity: StoreIdentity, folder: Path) -> Loaded | None:
    try:
        with entry_path(folder, identity).open("rb") as handle:
            st = os.fstat(handle.fileno())
            if not _private(st):
                return None
            size = st.st_size
            data = bytearray(size)  # read in place: no second copy of a file of tens of megabytes
            if handle.readinto(data) != size:
                return None
    except OSError:
        return None
    enabled = gc.isenabled()
    gc.disable()  # a million new objects, none of them garbage: no collection passes over them meanwhile
    try:
        return decode_entry(data, identity)
    except Exception:
        return None
    finally:
        if enabled:
            gc.enable()


def write_entry(identity: StoreIdentity, tables: CheckedTables, name_order: list[int], folder: Path) -> Path | None:
    """Write (atomically) the entry for this version of the store; None if it cannot be written."""
    target = entry_path(folder, identity)
    temp: str | None = None
    try:
        data = encode_entry(identity, tables, name_order)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".entry-", suffix=".tmp", dir=folder)  # created 0600
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, target)
        temp = None
        _prune(folder, keep=target)
        return target
    except Exception:
        return None
    finally:
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass


def _prune(folder: Path, keep: Path) -> None:
    """Keep the newest MAX_ENTRIES entries; drop temporary files a killed writer left (an hour old)."""
    entries = []
    for path in folder.glob("*.json"):
        try:
            entries.append((path.stat().st_mtime_ns, path))
        except OSError:
            continue
    for path in folder.glob(".entry-*.tmp"):
        try:
            if time.time() - path.stat().st_mtime > STALE_TEMP_SECONDS:
                path.unlink()
        except OSError:
            continue
    entries.sort(reverse=True)
    for _, path in entries[MAX_ENTRIES:]:
        if path != keep:
            try:
                path.unlink()
            except OSError:
                pass


def load_checked(path: Path, *, folder: Path | None = None, use_cache: bool = True) -> Loaded:
    """The store's checked records: from the cache when it holds this very file, else read and checked.

    Raises what `store.load_store` raises. A fresh load returns `identity` only if the file did not
    change while it was read, so that an entry is never written for the wrong version.
    """
    path = Path(path)
    folder = (folder if folder is not None else cache_dir()) if use_cache else None
    before: StoreIdentity | None = None
    if folder is not None:
        try:
            before = StoreIdentity.of(path)
        except (OSError, ValueError):
            before = None
        if before is not None:
            cached = read_entry(before, folder)
            if cached is not None:
                return Loaded(cached.tables, cached.stamp, cached.name_order, True, before, folder)
    loaded = load_store(path)
    identity = before
    if identity is not None:
        try:
            identity = StoreIdentity.of(path)
        except (OSError, ValueError):
            identity = None
        if identity != before or identity is None or identity.stamp != loaded.stamp:
            identity = None
    return Loaded(loaded.tables, loaded.stamp, None, False, identity, folder)


def save_later(loaded: Loaded, name_order: list[int], delay: float | None = None) -> threading.Timer | None:
    """Write the entry for a fresh load in a background thread, `delay` seconds from now.

    Encoding holds the interpreter for a while (a third of a second at 100,000 products), so it waits
    until the first screen is up. `cancel()` the timer when the app ends: a write not yet begun is left for
    the next start; one under way is finished first (the thread is not a daemon), never torn.
    """
    if loaded.from_cache or loaded.identity is None or loaded.folder is None:
        return None
    timer = threading.Timer(
        SAVE_DELAY_SECONDS if delay is None else delay,
        write_entry,
        args=(loaded.identity, loaded.tables, name_order, loaded.folder),
    )
    timer.name = "catalogue-cache"
    timer.start()
    return timer


def open_catalog(path: Path, *, folder: Path | None = None,
                 save_delay: float | None = None) -> tuple[Catalog, FileStamp, threading.Timer | None]:  # fmt: skip
    """The catalogue of a store, from the cache or read and checked, with the cache entry's write scheduled
    if it was not cached (the timer: cancel it if the app ends first). Raises what `load_store` raises."""
    from ocop_tui.search.catalog import Catalog

    loaded = load_checked(path, folder=folder)
    catalog = Catalog.from_tables(loaded.tables, Path(path), known_order=loaded.name_order)
    return catalog, loaded.stamp, save_later(loaded, catalog.product_index.default_order, save_delay)
