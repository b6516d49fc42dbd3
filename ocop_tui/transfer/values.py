"""Values as organisers write them, turned into the contract's: "Thực phẩm" -> food, "HTX" -> cooperative,
"4 sao" -> 4, "150.000 đ" -> 150000, a year typed as 2023.0 -> 2023. A value that cannot be turned into
one is refused with a message key (ValueRejected), never guessed.

Which fields there are, what kind each is (text, whole number, one of a set of keys) and their ranges come
from the contract (ocop_tui.store.fields): a field gets the converter of its kind, unless organisers have a
way of their own to write it (stars, prices, product sets, years, phone numbers, provinces).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from functools import lru_cache
from typing import Any

from ocop_tui.model import EXHIBITOR_TYPES, GROUPS, PRODUCT_SETS, canonical_province
from ocop_tui.store.fields import RULE_OF, RULES, FieldRule, TableName
from ocop_tui.text import fold, nfc
from ocop_tui.transfer.cells import huge_digits, is_empty
from ocop_tui.transfer.headers import match_form

# Values organisers write for the coded fields, besides the contract's keys and the model's labels.
_GROUP_WORDS = {
    "herbal": ("Thảo dược",),  # the 2018 programme's name for the group
    "handicrafts": ("Thủ công", "Vải và may mặc", "Lưu niệm, nội thất, trang trí"),
    "tourism": ("Du lịch", "Dịch vụ du lịch nông thôn"),
}


_TYPE_WORDS = {
    "cooperative": ("HTX", "HTXNN", "Hợp tác xã nông nghiệp", "Co-op"),
    "enterprise": ("DN", "Công ty", "Công ty TNHH", "Công ty cổ phần", "Company"),
    "household": ("Hộ kinh doanh", "Hộ SXKD", "Hộ SX", "Hộ gia đình", "Cơ sở sản xuất", "Cơ sở", "Household"),
    "craft_village": ("Làng nghề truyền thống",),
    "cooperative_group": ("THT",),
}


def _lookup(rule: FieldRule, extra: Mapping[str, tuple[str, ...]], labels: Mapping[str, Any]) -> dict[str, str]:
    """Every way to write each of the contract's keys for `rule`'s field: the key, its labels, the words above."""
    table: dict[str, str] = {}
    for key in rule.choices:
        label = labels[key]
        for word in (key, label.vi, label.en, *extra.get(key, ())):
            table.setdefault(match_form(word), key)
    return table


_GROUP_LOOKUP = _lookup(RULE_OF["products"]["group"], _GROUP_WORDS, GROUPS)


_TYPE_LOOKUP = _lookup(RULE_OF["booths"]["exhibitor_type"], _TYPE_WORDS, EXHIBITOR_TYPES)


_SET_LOOKUP = {match_form(word): number for number, s in PRODUCT_SETS.items() for word in (s.label.vi, s.label.en)}


class ValueRejected(Exception):
    """A value organisers wrote that cannot be turned into the contract's value."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


_MAX_DIGITS = 20  # more digits than any whole number of the contract has (a price up to 10^12)


def digits_to_int(digits: str) -> int:
    """A run of ASCII digits as an int; a run longer than any field's value is refused, never converted
    (Python refuses more than 4,300 digits with a ValueError, and converting long runs is slow)."""
    if len(digits) > _MAX_DIGITS:
        raise ValueRejected("import.bad.huge_number", digits=len(digits))
    return int(digits)


def as_text(value: Any) -> Any:
    """Spreadsheets turn "101" or a phone number into numbers, and dates into datetimes: back to text."""
    if isinstance(value, str) or value is None:
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        if huge_digits(value):
            return f"<{huge_digits(value)} digits>"  # str() of it may be refused; parse_table refuses it anyway
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return value  # lists, objects, NaN: the contract check names the problem


def _text_field(value: Any, warn: Callable[[str], None]) -> Any:
    return as_text(value)


def _phone(value: Any, warn: Callable[[str], None]) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        warn("import.warn.phone_number")  # Excel drops the leading 0 of a number
    return as_text(value)


@lru_cache(maxsize=4096)
def _canonical_province(name: str) -> str:
    return canonical_province(name)  # a catalogue names few provinces, thousands of times


def _province(value: Any, warn: Callable[[str], None]) -> Any:
    value = as_text(value)
    return _canonical_province(value) if isinstance(value, str) else value


def _coded(lookup: Mapping[str, str], reject_key: str, choices: str) -> Callable[[Any, Any], Any]:
    @lru_cache(maxsize=1024)
    def key_of(value: str) -> str | None:
        return lookup.get(match_form(value))

    def convert(value: Any, warn: Callable[[str], None]) -> Any:
        if not isinstance(value, str):
            return value
        key = key_of(value)
        if key is None:
            raise ValueRejected(reject_key, choices=choices)
        return key

    return convert


_group = _coded(_GROUP_LOOKUP, "import.bad.group", ", ".join(g.vi for g in GROUPS.values()))


_exhibitor_type = _coded(_TYPE_LOOKUP, "import.bad.exhibitor_type", ", ".join(e.vi for e in EXHIBITOR_TYPES.values()))


def _whole(value: Any, key: str, **values: Any) -> Any:
    """Numbers from Excel and JSON: 4.0 is 4; NaN, 4.5 and True are not whole numbers."""
    if isinstance(value, bool):
        raise ValueRejected(key, **values)
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise ValueRejected(key, **values)
        return int(value)
    return value


_STARS = re.compile(r"([0-9]+)(?:[.,]0+)?\s*(?:sao|stars?|\*|★)?")


_STARS_RULE = RULE_OF["products"]["stars"]


def _stars(value: Any, warn: Callable[[str], None]) -> Any:
    if not isinstance(value, str):
        return _whole(value, "import.bad.stars", low=_STARS_RULE.low, high=_STARS_RULE.high)
    text = value.strip()
    if text and set(text) <= {"★"}:
        return len(text)
    match = _STARS.fullmatch(fold(text))
    if match is None:
        raise ValueRejected("import.bad.stars", low=_STARS_RULE.low, high=_STARS_RULE.high)
    return digits_to_int(match.group(1))  # the range is the contract's rule, checked with the record


_SET_NUMBER = re.compile(r"([0-9]+)(?:\s*[.:)\-–—]\s*.*|\s+.*)?", re.DOTALL)


_SET_RULE = RULE_OF["products"]["subgroup"]


def _subgroup(value: Any, warn: Callable[[str], None]) -> Any:
    if not isinstance(value, str):
        return _whole(value, "import.bad.subgroup", low=_SET_RULE.low, high=_SET_RULE.high)
    match = _SET_NUMBER.fullmatch(value.strip())  # "9", "9. Tương, nước mắm..." or "9 - ..."
    if match:
        return digits_to_int(match.group(1))
    number = _SET_LOOKUP.get(match_form(value))
    if number is None:
        raise ValueRejected("import.bad.subgroup", low=_SET_RULE.low, high=_SET_RULE.high)
    return number


_YEAR = re.compile(r"[0-9]{4}")


def _whole_number(value: Any, warn: Callable[[str], None]) -> Any:
    """Any other whole number (x, y, w, h on the floor plan): "12" or 12.0 is 12; its range is the contract's."""
    if not isinstance(value, str):
        return _whole(value, "import.bad.whole")
    text = value.strip()
    if not text.isascii() or not text.isdigit():
        raise ValueRejected("import.bad.whole")
    return digits_to_int(text)


def _year(value: Any, warn: Callable[[str], None]) -> Any:
    if not isinstance(value, str):
        return _whole(value, "import.bad.year")
    text = value.strip()
    if not _YEAR.fullmatch(text):
        raise ValueRejected("import.bad.year")
    return int(text)


_CURRENCY = re.compile(r"(?:vnd|vnđ|dong|đồng|đ|₫|d)\.?$|^(?:vnd|vnđ|₫)")


_GROUPED = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*", re.ASCII)


_GROUPED_WITH_ZERO_DECIMALS = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*(?!\1)[.,]0{1,2}", re.ASCII)


_ZERO_DECIMALS = re.compile(r"(\d+)[.,]0{1,2}", re.ASCII)


def parse_price(value: Any) -> int | None:
    """A price in đồng as organisers write it; raise ValueRejected when it is not one unambiguous whole amount.

    "150000", "150.000", "150,000 đ", "1.500.000 VNĐ" and "150.000,00" are 150000; "1,5", "12.5",
    "abc", NaN and negative amounts are refused: the store keeps whole đồng (PITFALLS 15).
    """
    if is_empty(value):
        return None
    if isinstance(value, bool):
        raise ValueRejected("import.bad.price")
    if isinstance(value, (int, float)):
        if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
            raise ValueRejected("import.bad.price")
        if value < 0:
            raise ValueRejected("import.bad.price_negative")
        return int(value)
    if not isinstance(value, str):
        raise ValueRejected("import.bad.price")
    text = re.sub(r"[\s\u00a0\u202f]+", "", nfc(value).lower())
    text = _CURRENCY.sub("", text)
    if text.startswith("-") and text[1:2].isdigit():
        raise ValueRejected("import.bad.price_negative")
    if text.isdigit() and text.isascii():
        return digits_to_int(text)
    if _GROUPED.fullmatch(text):
        return digits_to_int(re.sub(r"[.,]", "", text))
    if _GROUPED_WITH_ZERO_DECIMALS.fullmatch(text):
        return digits_to_int(re.sub(r"[.,]", "", text[:-3] if text[-3] in ".," else text[:-2]))
    match = _ZERO_DECIMALS.fullmatch(text)
    if match:
        return digits_to_int(match.group(1))
    raise ValueRejected("import.bad.price")


def _price(value: Any, warn: Callable[[str], None]) -> Any:
    return parse_price(value)


Converter = Callable[[Any, Callable[[str], None]], Any]


# Fields organisers write in a way of their own; every other field gets the converter of its kind.
_OWN_WAYS: dict[str, dict[str, Converter]] = {
    "booths": {"exhibitor_type": _exhibitor_type, "province": _province, "phone": _phone},
    "products": {"group": _group, "stars": _stars, "subgroup": _subgroup, "province": _province,
                 "price_vnd": _price, "certified_year": _year},
}  # fmt: skip


_BY_KIND: dict[str, Converter] = {"text": _text_field, "whole": _whole_number}


_TABLES: tuple[TableName, ...] = ("booths", "products")


CONVERTERS: dict[str, dict[str, Converter]] = {
    table: {rule.name: _OWN_WAYS[table].get(rule.name) or _BY_KIND[rule.kind] for rule in RULES[table]}
    for table in _TABLES
}


NOT_TEXT = frozenset(rule.name for table in _TABLES for rule in RULES[table] if rule.kind == "whole")
