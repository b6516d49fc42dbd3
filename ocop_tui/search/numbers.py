"""Booth numbers and product codes however people write them.

A booth number is letters and a number: `K-007`, `K-07`, `k7`, `K 007` and the map's short label `K-7` are
all the key "k7". A product code is compared without its dashes and spaces (`91-911-31030-3-2024` is
"919113103032024"), so any spelling of it, or its start, finds it.
"""

from __future__ import annotations

import re

from ocop_tui.text import fold

_BOOTH = re.compile(r"([a-z]{1,3})[\s._/-]*0*(\d{1,5})")
_CODE_SEPARATORS = re.compile(r"[\s._/-]+")


def booth_key(text: str) -> str | None:
    """ "k7" for any spelling of booth K-007; None for text that is not letters and a number."""
    match = _BOOTH.fullmatch(fold(text).strip())
    if match is None:
        return None
    letters, digits = match.groups()
    return f"{letters}{int(digits)}"


def compact_code(text: str) -> str:
    """A product code without case, accents, dashes or spaces."""
    return _CODE_SEPARATORS.sub("", fold(text).strip())
