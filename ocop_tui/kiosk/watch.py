"""The kiosk's live data, without Textual: noticing that the store file was replaced, loading the new catalogue,
and what to log when the new file is refused or broken.

Every look at the file happens in a thread of its own (`start_check`), never on the kiosk's screen: a stat or a
read that hangs (a network share gone away) cannot freeze the screen, and the thread is a daemon, so it cannot
hold up the kiosk's exit either. The app waits for a check at most `timeout` seconds, then gives it up
(`give_up`, logged) and ignores whatever it finds later. The store is read like any store (a regular file
within the size cap: a FIFO or /dev/zero put in its place is refused, not waited on), and the kiosk only ever
reads it: no lock, no backup, nothing written next to it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, InvalidStateError
from dataclasses import dataclass, field
from pathlib import Path

from ocop_tui.files import FileStamp, shown_path
from ocop_tui.search.catalog import Catalog, open_catalog
from ocop_tui.store.contract import show_value
from ocop_tui.store.errors import StoreInvalid

LOGGED_PROBLEMS = 20  # of a broken store's errors, the first ones go to the kiosk log
CHECK_TIMEOUT_SECONDS = 120.0  # a 100,000-product store loads in a few seconds: two minutes is a hang
MAX_STUCK_CHECKS = 2  # checks given up whose threads still run: no new one starts until one of them ends


@dataclass(frozen=True)
class Outcome:
    """What one check found: the version shown, a new catalogue, or an error (with the version it came from;
    no stamp when the file could not even be looked at)."""

    stamp: FileStamp | None
    catalog: Catalog | None = None
    error: Exception | None = None


def check_store(path: Path, shown: FileStamp | None) -> Outcome:
    """Look at the file, and load it if it is not the version shown (in a check's thread)."""
    try:
        stamp = FileStamp.of(path)
    except OSError as exc:
        return Outcome(None, error=exc)
    if stamp == shown:
        return Outcome(stamp)
    try:
        catalog, stamp = open_catalog(path)
        catalog.warm()  # here, not on the first visitor's keystroke after the swap
    except Exception as exc:  # a broken store, memory running out, even a bug: must not end the kiosk
        return Outcome(stamp, error=exc)
    return Outcome(stamp, catalog)


@dataclass
class StoreWatch:
    """One store file and the version of it the kiosk shows."""

    path: Path
    log: logging.Logger
    shown: FileStamp | None = None  # the version on screen (None: not known, e.g. the file was gone)
    timeout: float = CHECK_TIMEOUT_SECONDS
    check: Callable[[Path, FileStamp | None], Outcome] = check_store  # tests put a slow one here
    missing: bool = False  # the file could not be looked at, last time (logged once, not at every check)
    checking: bool = False
    _given_up: list[threading.Thread] = field(default_factory=list)
    _thread: threading.Thread | None = None

    @property
    def name(self) -> str:
        """The path as the log shows it (escapes visible)."""
        return shown_path(self.path)

    def stuck(self) -> int:
        """Checks given up whose threads are still running."""
        self._given_up = [thread for thread in self._given_up if thread.is_alive()]
        return len(self._given_up)

    def start_check(self) -> Future[Outcome] | None:
        """Look at the file in a thread of its own, unless a check is under way or MAX_STUCK_CHECKS given-up
        ones still run (a share that hangs every read must not collect threads); the future gives its Outcome."""
        if self.checking or self.stuck() >= MAX_STUCK_CHECKS:
            return None
        future: Future[Outcome] = Future()
        shown, check = self.shown, self.check

        def run() -> None:
            try:
                outcome = check(self.path, shown)
            except Exception as exc:  # check_store catches its own; a replaced `check` may not
                outcome = Outcome(None, error=exc)
            try:
                future.set_result(outcome)
            except (InvalidStateError, RuntimeError):
                pass  # given up (the future was cancelled), or the kiosk has closed meanwhile

        self._thread = threading.Thread(target=run, name="kiosk-store-check", daemon=True)
        self.checking = True
        self._thread.start()
        return future

    def give_up(self) -> None:
        """The check under way took longer than `timeout`: logged, the data shown kept, its thread left to end."""
        self.checking = False
        if self._thread is not None:
            self._given_up.append(self._thread)
            self._thread = None
        self.log.error("store %s: no answer after %g s (a hung disk or network share?); keeping the data shown",
                       self.name, self.timeout)  # fmt: skip

    def finished(self, outcome: Outcome) -> Catalog | None:
        """A check's outcome (on the app's thread): the new catalogue to show, or None (logged as needed)."""
        self.checking = False
        self._thread = None
        if outcome.stamp is None:
            if not self.missing:
                reason = getattr(outcome.error, "strerror", None) or outcome.error
                self.log.warning("store %s cannot be read (%s); keeping the data shown", self.name, reason)
            self.missing = True
            return None
        self.missing = False
        if outcome.catalog is not None:
            self.shown = outcome.stamp
            catalog = outcome.catalog
            self.log.info("new store loaded: %d booths, %d products", len(catalog.booths), len(catalog.products))
            return catalog
        if outcome.error is not None:
            self.failed(outcome.stamp, outcome.error)
        return None

    def failed(self, stamp: FileStamp, error: Exception) -> None:
        """A refused, broken or unreadable new version: logged once, and the data shown is kept."""
        self.shown = stamp  # not tried again until the file changes once more
        self.log.error("new store ignored, keeping the data shown: %s", error if str(error) else type(error).__name__)
        if isinstance(error, StoreInvalid):
            for problem in [p for p in error.problems if p.is_error][:LOGGED_PROBLEMS]:
                self.log.error("  %s %s %s: %s", problem.table, show_value(problem.record),
                               show_value(problem.field), show_value(problem.message))  # fmt: skip
