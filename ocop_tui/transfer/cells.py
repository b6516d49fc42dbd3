"""Cell values as read from an import file, before any conversion: what counts as empty, a key a JSON
object leaves out (ABSENT), a JSON row that is not an object, and text that holds undecodable bytes."""

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
