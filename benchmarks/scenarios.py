"""What the benchmark does to each program, and the exact text that proves each step was drawn.

Expected screen text is computed with the app's own catalogue and translation strings, so a keystroke
counts as repainted only when the status line shows the count for the new query (and the bare app's
label shows the new text), never merely when some output happened.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ocop_tui.search.cache import CACHE_ENV

from . import bare_app
from .stores import BenchStore, empty_store_like
from .terminal import TerminalProgram, TerminalTimeout, python_module

LANG = "vi"  # the app's default language: it is started exactly as a user would start it
# Queries typed one key at a time: thousands of matches, a few hundred, a prefix search, and none.
QUERIES = ("nuoc mam", "banh", "phu quoc", "xoai", "qzx", "sao:5 tra")
QUICK_QUERIES = ("banh", "qzx")
# ctrl+s sorts by name, then stars (most first); ctrl+d turns the stars round: a sort of every record each time,
# whatever columns the terminal's width shows (ctrl+s only walks the columns shown).
SORT_STEPS = (("ctrl+s", "name", "▲"), ("ctrl+s", "stars", "▼"), ("ctrl+d", "stars", "▲"), ("ctrl+d", "stars", "▼"),
              ("ctrl+d", "stars", "▲"), ("ctrl+d", "stars", "▼"))  # fmt: skip
FACET_TOGGLES = 6  # on, off, on, ...
QUIET = 0.06  # seconds of silence that end a repaint
SETTLE = 2.0  # after start-up: background work (the search index) finishes before the first key
FOCUS_SETTLE = 0.3  # after a focus move
START_TIMEOUT = 120.0
STEP_TIMEOUT = 30.0


@dataclass
class Expectations:
    """Screen text the app shows at each step, derived from the catalogue itself."""

    total: int
    first_name: bytes
    ready: bytes
    keystrokes: list[list[tuple[str, bytes]]]
    facet_on: bytes
    facet_off: bytes
    sorts: list[tuple[str, bytes]]  # the key pressed, the status it leads to
    bare_keystrokes: list[list[tuple[str, bytes]]]


def _status(shown: int, total: int, *, sorted_by: str | None = None, filters: str | None = None,
            understood: str = "") -> bytes:  # fmt: skip
    from ocop_tui.i18n import format_number, t

    parts = [t("status.products", LANG, shown=format_number(shown, LANG), total=format_number(total, LANG))]
    if understood:
        parts.append(understood)
    if sorted_by:
        parts.append(t("status.sorted", LANG, column=sorted_by))
    if filters:
        parts.append(t("status.filters", LANG, filters=filters))
    return " · ".join(parts).encode("utf-8")


def expectations(store: BenchStore, queries: tuple[str, ...]) -> Expectations:
    from ocop_tui.i18n import t
    from ocop_tui.model import province_label
    from ocop_tui.search.catalog import load_catalog
    from ocop_tui.text import vi_sort_key

    catalog = load_catalog(store.path)
    total = len(catalog.products)
    first = catalog.products[catalog.search_products("").ids[0]].name
    from ocop_tui.search.describe import describe

    def typed(text: str) -> bytes:
        result = catalog.search_products(text)
        return _status(result.total, total, understood=describe(result, LANG) if text.strip() else "")

    keystrokes = [[(char, typed(query[: i + 1])) for i, char in enumerate(query)] for query in queries]
    bare = [[(char, bare_app.echo_text(query[: i + 1]).encode()) for i, char in enumerate(query)] for query in queries]
    # The facet panel's cursor starts on the first province (in Vietnamese order) that has products.
    province = sorted({p.province for p in catalog.products}, key=lambda v: vi_sort_key(province_label(v, LANG)))[0]
    shown = catalog.search_products("", {"province": frozenset({province})}).total
    facet_on = _status(shown, total, filters=f"{t('facet.province', LANG)}: {province_label(province, LANG)}")
    sorts = [
        (key, _status(total, total, sorted_by=f"{t(f'col.{column}', LANG)} {mark}")) for key, column, mark in SORT_STEPS
    ]
    return Expectations(
        total=total,
        first_name=first[:10].encode("utf-8"),
        ready=_status(total, total),
        keystrokes=keystrokes,
        facet_on=facet_on,
        facet_off=_status(total, total),
        sorts=sorts,
        bare_keystrokes=bare,
    )


@dataclass
class Session:
    """The measurements of one program run."""

    startup_s: float | None = None
    keystrokes_ms: list[float] = field(default_factory=list)
    echoes_ms: list[float] = field(default_factory=list)  # key to its first frame (the search box's echo)
    facet_ms: list[float] = field(default_factory=list)
    sort_ms: list[float] = field(default_factory=list)
    peak_rss_mib: float | None = None
    error: str | None = None


def _step(program: TerminalProgram, key: str, markers: list[bytes], echoes: list[float] | None = None) -> float:
    """Press `key`; milliseconds until the last byte of the repaint that shows `markers`."""
    pressed = program.press(key)
    settled = program.wait_for(markers, since=pressed, timeout=STEP_TIMEOUT, quiet=QUIET)
    if echoes is not None and settled.first_frame is not None:
        echoes.append((settled.first_frame - pressed) * 1000)
    return (settled.last_output - pressed) * 1000


def _type(program: TerminalProgram, keystrokes: list[list[tuple[str, bytes]]], clear_marker: bytes,
          echoes: list[float]) -> list[float]:  # fmt: skip
    times = []
    for query in keystrokes:
        for char, marker in query:
            times.append(_step(program, char, [marker], echoes))
        _step(program, "ctrl+u", [clear_marker])  # delete the query; not counted
    return times


def run_bare(
    cols: int, rows: int, keystrokes: list[list[tuple[str, bytes]]], cwd: Path, settle: float = SETTLE
) -> Session:
    session = Session()
    with TerminalProgram(python_module("benchmarks.bare_app"), cols=cols, rows=rows, cwd=cwd) as program:
        try:
            ready = program.wait_for([bare_app.READY.encode()], since=program.started, timeout=START_TIMEOUT)
            session.startup_s = ready.found - program.started
            program.drain(settle)
            session.keystrokes_ms = _type(program, keystrokes, bare_app.echo_text("").encode(), session.echoes_ms)
        except TerminalTimeout as error:
            session.error = str(error)
        session.peak_rss_mib = program.peak_rss_mib()
    return session


def prime_cache(store: BenchStore, cache: Path) -> None:
    """What the app keeps after its first start on a store (here: before timing): the catalogue cache entry and
    the word indexes beside it."""
    from ocop_tui.search.cache import Key, write_entry
    from ocop_tui.search.catalog import Catalog
    from ocop_tui.search.word_cache import WordStore
    from ocop_tui.store.reading import load_store

    loaded = load_store(store.path, reachability=False)
    key = Key.of(store.path)
    catalog = Catalog.from_tables(loaded.tables, store.path)
    if write_entry(cache, key, loaded.tables, catalog.product_index.default_order) is None:
        raise RuntimeError(f"the catalogue cache in {cache} could not be written")
    for kind, index in (("products", catalog.product_index), ("booths", catalog.booth_index)):
        if WordStore(cache, key).write(kind, index.words) is None:
            raise RuntimeError(f"the word index cache in {cache} could not be written")


def run_cold_start(store: BenchStore, expect: Expectations, cols: int, rows: int, cwd: Path) -> Session:
    """A start with an empty catalogue cache, as after every change to the store: start-up and memory only."""
    session = Session()
    with tempfile.TemporaryDirectory(prefix="ocop-bench-cold-") as cache:
        argv = python_module("ocop_tui", "--data", str(store.path))
        with TerminalProgram(argv, cols=cols, rows=rows, cwd=cwd, env={CACHE_ENV: cache}) as program:
            try:
                ready = program.wait_for(
                    [expect.first_name, expect.ready], since=program.started, timeout=START_TIMEOUT
                )
                session.startup_s = ready.found - program.started
                program.drain(SETTLE)  # the cache entry is written and the search index built meanwhile
            except TerminalTimeout as error:
                session.error = str(error)
            session.peak_rss_mib = program.peak_rss_mib()
    return session


def run_app(store: BenchStore, expect: Expectations, cols: int, rows: int, cwd: Path, cache: Path,
            settle: float = SETTLE) -> Session:  # fmt: skip
    """A start with the catalogue cache primed (every start but the first after a change), then the keys."""
    session = Session()
    argv = python_module("ocop_tui", "--data", str(store.path))
    with TerminalProgram(argv, cols=cols, rows=rows, cwd=cwd, env={CACHE_ENV: str(cache)}) as program:
        try:
            ready = program.wait_for([expect.first_name, expect.ready], since=program.started, timeout=START_TIMEOUT)
            session.startup_s = ready.found - program.started
            program.drain(settle)
            # Facets first, while the panel's cursor is still on the first province (searches move it).
            program.press("f7")  # focus the facets
            program.drain(FOCUS_SETTLE)
            for i in range(FACET_TOGGLES):
                session.facet_ms.append(_step(program, "space", [expect.facet_off if i % 2 else expect.facet_on]))
            if FACET_TOGGLES % 2:
                _step(program, "space", [expect.facet_off])
            program.press("f7")  # back to the search box
            program.drain(FOCUS_SETTLE)
            session.keystrokes_ms = _type(program, expect.keystrokes, expect.ready, session.echoes_ms)
            program.press("enter")  # into the results, where ctrl+s sorts
            program.drain(FOCUS_SETTLE)
            for key, marker in expect.sorts:
                session.sort_ms.append(_step(program, key, [marker]))
        except TerminalTimeout as error:
            session.error = str(error)
        session.peak_rss_mib = program.peak_rss_mib()
    return session


# Import ------------------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    runs_s: list[float] = field(default_factory=list)
    products: int = 0
    note: str | None = None


def _ocop(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(python_module("ocop_tui", *args), cwd=cwd, capture_output=True, timeout=600)


def run_import(store: BenchStore, runs: int, cwd: Path) -> ImportResult:
    """`ocop-tui export --format csv`, then time `ocop-tui import --replace` of both files into an empty store."""
    result = ImportResult(products=store.products)
    if _ocop("import", "--help", cwd=cwd).returncode != 0 or _ocop("export", "--help", cwd=cwd).returncode != 0:
        result.note = "skipped: this ocop-tui has no import/export commands yet"
        return result
    folder = Path(tempfile.mkdtemp(prefix="ocop-bench-import-"))
    try:
        exported = _ocop("export", "--out", str(folder / "csv"), "--format", "csv", "--data", str(store.path), cwd=cwd)
        if exported.returncode != 0:
            result.note = f"skipped: export failed: {exported.stderr.decode(errors='replace')[-300:]}"
            return result
        for run in range(runs):
            target = empty_store_like(store, folder / f"target-{run}.json")
            started = time.perf_counter()
            done = _ocop("import", "--booths", str(folder / "csv" / "booths.csv"), "--products",
                         str(folder / "csv" / "products.csv"), "--replace", "--data", str(target), cwd=cwd)  # fmt: skip
            elapsed = time.perf_counter() - started
            if done.returncode != 0:
                result.note = f"import failed ({done.returncode}): {done.stderr.decode(errors='replace')[-300:]}"
                return result
            result.runs_s.append(elapsed)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return result


def project_root() -> Path:
    return Path(__file__).resolve().parent.parent


def python_description() -> str:
    return f"{sys.implementation.name} {sys.version.split()[0]} ({os.path.realpath(sys.executable)})"
