"""Memory hygiene for a long-running process that loads a big catalogue once.

Loading parses the whole store (a 74 MB JSON document at 100,000 products) and builds the search index;
both leave many short-lived objects behind. Two things keep that from costing the kiosk for the rest of
the day: the catalogue is moved out of the cyclic garbage collector's reach, and freed heap memory is
handed back to the operating system.
"""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager

_libc: ctypes.CDLL | bool | None = None  # None: not looked up yet; False: not available


@contextmanager
def long_lived() -> Iterator[None]:
    """What is made inside lives as long as the app (the records and the catalogue): no collection walks
    it while it is made, and none afterwards (it is frozen on the way out).

    Without this, the collector's first passes after loading walk every new object, a million at 100,000
    products, tens of milliseconds each, before the first frame.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        freeze_long_lived()
        if enabled:
            gc.enable()


def freeze_long_lived() -> None:
    """Everything alive now lives as long as the app (the catalogue: a million objects at 100,000
    products); without this every full collection walks it again, a pause of tens of milliseconds in
    the middle of someone's typing."""
    gc.freeze()


# Net new container objects between two young collections (Python's default is 700), and young collections
# between two middle ones, middle ones between two full ones (Python's: 10 and 10). See collect_less_often.
COLLECTION_THRESHOLDS = (10_000, 3, 3)


def collect_less_often() -> None:
    """Run the cyclic garbage collector's young collections about fourteen times less often, and the older
    ones after fewer young ones, so that garbage still reaches a full collection about as soon as before.

    Each keystroke makes a few thousand objects that live until the next one (the rows, lines and detail
    text on view). With Python's default of 700 they were walked by two or three young collections per key,
    and promoted and walked again by a middle one every few keys: about 0.9 ms a keystroke at 14,000
    products, in a real terminal. At 10,000 most of them are gone before a collection comes: about 0.3 ms
    a keystroke. The older thresholds (3 and 3 instead of 10 and 10) keep what a screen switch leaves in
    cycles from waiting fourteen times longer for a full collection: 400 switches (in process, the demo
    fair) raised the resident size by 6 MiB with Python's thresholds, 21 MiB with 10 and 10, 11 MiB with
    3 and 3, flat by the end in each case. Only the running app does this (the CLI's run_app), not the
    tests, which share one process.
    """
    gc.set_threshold(*COLLECTION_THRESHOLDS)


def release_free_memory() -> None:
    """Return freed heap pages to the system (glibc's malloc_trim; nothing elsewhere).

    After the store is parsed, tens of megabytes the parser and the checks used are free but still held
    by the C allocator, and would count in the process's resident size for as long as it runs.
    """
    global _libc
    if _libc is None:
        _libc = False
        if sys.platform.startswith("linux"):
            try:
                libc = ctypes.CDLL(None)
                if hasattr(libc, "malloc_trim"):
                    _libc = libc
            except OSError:
                pass
    if _libc:
        _libc.malloc_trim(0)  # type: ignore[union-attr]
