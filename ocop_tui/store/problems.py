"""A problem found in a store or an import file: where it is (table, record, field), what is wrong, how bad."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ocop_tui.text import clean

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a store or an import file, located as precisely as we can."""

    table: str
    record: str  # the document id in the store, or the row number in an import file
    field: str
    message: str
    severity: Severity = "error"
    value: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def show_value(value: Any) -> str:
    """A short, safe rendering of a bad value for a report."""
    text = clean(repr(value) if not isinstance(value, str) else value)
    return text if len(text) <= 60 else text[:57] + "..."
