"""Cell values as read from an import file, before any conversion: what counts as empty, a key a JSON
object leaves out (ABSENT), a JSON row that is not an object, text that holds undecodable bytes, numbers
too long for any field, and the apostrophe an export puts before a text that starts like a formula."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


def has_surrogates(text: str) -> bool:
    return not text.isascii() and SURROGATE.search(text) is not None


SURROGATE = re.compile("[\udc80-\udcff]")


class Absent:
    def __repr__(self) -> str:
        return ""


ABSENT: Any = Absent()


@dataclass(frozen=True)
class NotAnObject:
    value: Any


def is_empty(value: Any) -> bool:
    return value is None or value is ABSENT or (isinstance(value, str) and not value.strip())


@dataclass(frozen=True)
class HugeNumber:
    """A JSON number of more digits than Python turns into an int (4,300): refused on its own field."""

    digits: int

    def __str__(self) -> str:
        return f"<{self.digits} digits>"


def huge_digits(value: Any) -> int:
    """The number of digits of an integer too long to be a value of any field (0 for anything else)."""
    if isinstance(value, HugeNumber):
        return value.digits
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_NUMBER_BITS:
        return int(value.bit_length() * 0.30103) + 1  # about: str() of it may itself be refused
    return 0


MAX_NUMBER_BITS = 64  # the contract's biggest number (a price up to 10^12) needs 40


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(text: str) -> str:
    """A text cell for a CSV file that a spreadsheet opens: one that starts like a formula gets an apostrophe
    in front, so Excel or LibreOffice shows it as text and never runs it. A text that starts with
    apostrophes before such a character gets one more, so `unescape_formula` can always give it back."""
    if text.startswith(FORMULA_STARTS) or (text.startswith("'") and text.lstrip("'").startswith(FORMULA_STARTS)):
        return "'" + text
    return text


def escape_leading_apostrophes(text: str) -> str:
    """A text cell for an Excel file (where a formula cannot start by accident, text cells staying text): only
    a text that unescape_formula would change gets one more apostrophe, so the round trip holds."""
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + text
    return text


def unescape_formula(text: str) -> str:
    """The text `escape_formula` was given (a cell read from a CSV or Excel file an export wrote)."""
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_STARTS):
        return text[1:]
    return text
