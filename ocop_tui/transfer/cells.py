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
