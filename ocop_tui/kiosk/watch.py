"""The kiosk's live data, without Textual: noticing that the store file was replaced, deciding to reload it,
loading the new catalogue, and what to log when the new file is broken.

The app only times the checks (`StoreWatch.due`), runs `load` in a worker thread and swaps in the catalogue
it returns. The kiosk only ever reads the store: no lock, no backup, nothing written next to it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from ocop_tui.files import FileStamp
from ocop_tui.search.catalog import Catalog, open_catalog
from ocop_tui.store.errors import StoreInvalid

LOGGED_PROBLEMS = 20  # of a broken store's errors, the first ones go to the kiosk log


@dataclass
class StoreWatch:
    """One store file and the version of it the kiosk shows."""

    path: Path
    log: logging.Logger
    shown: FileStamp | None = None  # the version on screen (None: not known, e.g. the file was gone)
    loading: bool = False
    missing: bool = False  # the file could not be looked at, last time (logged once, not at every check)

    def due(self) -> FileStamp | None:
        """The version to load now, if the file on disk is not the one shown and no load is under way."""
        if self.loading:
            return None
        try:
            stamp = FileStamp.of(self.path)
        except OSError as exc:
            if not self.missing:
                self.log.warning("store %s cannot be read (%s); keeping the data shown", self.path, exc.strerror)
            self.missing = True
            return None
        self.missing = False
        if stamp == self.shown:
            return None
        self.loading = True
        return stamp

    def load(self) -> tuple[Catalog, FileStamp]:
        """The new catalogue, ready to search (call it in a worker thread: it takes a while on a big store).
        Raises the store's errors; `failed` reports them."""
        catalog, stamp = open_catalog(self.path)
        catalog.warm()  # here, not on the first visitor's keystroke after the swap
        return catalog, stamp

    def loaded(self, stamp: FileStamp, catalog: Catalog) -> None:
        self.loading = False
        self.shown = stamp
        self.log.info("new store loaded: %d booths, %d products", len(catalog.booths), len(catalog.products))

    def failed(self, stamp: FileStamp, error: Exception) -> None:
        """A broken (or unreadable) new version: logged once, and the data shown is kept."""
        self.loading = False
        self.shown = stamp  # not tried again until the file changes once more
        self.log.error("new store ignored, keeping the data shown: %s", error)
        if isinstance(error, StoreInvalid):
            for problem in [p for p in error.problems if p.is_error][:LOGGED_PROBLEMS]:
                self.log.error("  %s %s %s: %s", problem.table, problem.record, problem.field, problem.message)
