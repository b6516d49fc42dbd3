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


class TooLongInteger:
    """A JSON whole number with more digits than Python converts (4,300 by default): kept as its first digits
    and its length, so the check reports it on its field (never a ValueError, and never shown whole)."""

    __slots__ = ("digits", "head")

    def __init__(self, text: str) -> None:
        self.head = text[:12]
        self.digits = len(text.lstrip("-"))

    def __repr__(self) -> str:
        return f"{self.head}... ({self.digits:,} digits)"


def json_kind(value: Any) -> str:
    """The name of a parsed JSON value's type, as messages give it ("int" for a TooLongInteger too)."""
    return "int" if isinstance(value, TooLongInteger) else type(value).__name__


def holds_too_long_integer(value: Any) -> bool:
    """Whether a parsed JSON value is, or holds at any depth, a TooLongInteger (walked without recursion: the
    parser allows nesting about as deep as Python's own stack)."""
    waiting = [value]
    while waiting:
        item = waiting.pop()
        if isinstance(item, TooLongInteger):
            return True
        if isinstance(item, dict):
            waiting.extend(item.values())
        elif isinstance(item, list):
            waiting.extend(item)
    return False


def show_value(value: Any) -> str:
    """A short, safe rendering of a bad value for a report."""
    text = clean(repr(value) if not isinstance(value, str) else value)
    return text if len(text) <= 60 else text[:57] + "..."
