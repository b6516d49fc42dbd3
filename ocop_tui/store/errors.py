"""What can go wrong with a store, as exceptions that carry the CLI's exit code and one clear message."""

from __future__ import annotations

from pathlib import Path

from ocop_tui.files import shown_path
from ocop_tui.store.contract import Problem, show_value


class StoreError(Exception):
    """A store that cannot be used; `exit_code` follows the CLI's convention."""

    exit_code = 2

    def __init__(self, path: Path, message: str) -> None:
        # The path as a message may show it: a name holding escape codes cannot reach the terminal or a log.
        super().__init__(f"{shown_path(path)}: {message}")
        self.path = path
        self.message = message


class StoreUnreadable(StoreError):
    """Missing, empty, not JSON, or not shaped like a TinyDB file (exit 2)."""


class StoreInvalid(StoreError):
    """Readable, but records break the data contract (exit 1)."""

    exit_code = 1

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        errors = [p for p in problems if p.is_error]
        first = errors[0] if errors else None
        where = (
            f" (first: {first.table} record {show_value(first.record)}, field {show_value(first.field)}:"
            f" {show_value(first.message)})"
            if first
            else ""
        )
        super().__init__(path, f"{len(errors)} invalid record(s){where}")
        self.problems = problems


class StoreBusy(StoreError):
    """Another process holds the write lock."""


class StoreWriteFailed(StoreError):
    """The system refused the write (disk full, I/O error, no permission); the OSError is the cause.

    The store holds its old version, or the new one if only the final folder sync failed.
    """
