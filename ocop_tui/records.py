"""Validation of raw documents against the data contract, shared by the store and the importer.

Each check returns Problems instead of raising, so a report can list every mistake in a file at once.
Valid documents become frozen records with text normalised to NFC; unknown fields are kept in `extra`.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, Mapping

from .model import (
    BOOTH_OPTIONAL,
    BOOTH_REQUIRED,
    EXHIBITOR_TYPES,
    FAIR_FIELDS,
    GROUPS,
    MAX_STARS,
    MIN_STARS,
    PRODUCT_OPTIONAL,
    PRODUCT_REQUIRED,
    PRODUCT_SETS,
    SCHEMA_VERSION,
    Booth,
    Fair,
    Product,
)
from .text import clean, fold

Severity = Literal["error", "warning"]

MAX_NAME_LENGTH = 200
MAX_TEXT_LENGTH = 200  # other single-line fields
MAX_DESCRIPTION_LENGTH = 5000
MULTILINE_FIELDS = frozenset({"description"})
NAME_FIELDS = frozenset({"name", "name_en", "exhibitor", "producer"})


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


def _limit(field_name: str) -> int:
    if field_name in MULTILINE_FIELDS:
        return MAX_DESCRIPTION_LENGTH
    return MAX_NAME_LENGTH if field_name in NAME_FIELDS else MAX_TEXT_LENGTH


def show_value(value: Any) -> str:
    """A short, safe rendering of a bad value for a report."""
    text = clean(repr(value) if not isinstance(value, str) else value)
    return text if len(text) <= 60 else text[:57] + "..."


class _Checker:
    """Collects problems for one document; `text`, `integer` and friends return the clean value or None."""

    __slots__ = ("table", "record", "problems")

    def __init__(self, table: str, record: str, problems: list[Problem]) -> None:
        self.table = table
        self.record = record
        self.problems = problems

    def error(self, field_name: str, message: str, value: Any = "") -> None:
        self.problems.append(Problem(self.table, self.record, field_name, message, "error", show_value(value)))

    def warn(self, field_name: str, message: str, value: Any = "") -> None:
        self.problems.append(Problem(self.table, self.record, field_name, message, "warning", show_value(value)))

    def text(self, doc: Mapping[str, Any], field_name: str, *, required: bool) -> str | None:
        value = doc.get(field_name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(field_name, "required field is missing or empty", value if value is not None else "")
            return None if required else ""
        if not isinstance(value, str):
            self.error(field_name, f"must be text, not {type(value).__name__}", value)
            return None
        multiline = field_name in MULTILINE_FIELDS
        cleaned = clean(value, multiline=multiline)
        if cleaned != value:
            self.warn(field_name, "control or bidi characters removed", value)
        if not cleaned.isascii():
            normalised = unicodedata.normalize("NFC", cleaned)
            if normalised != cleaned:
                cleaned = normalised
        cleaned = cleaned.strip()
        limit = _limit(field_name)
        if len(cleaned) > limit:
            self.error(field_name, f"longer than {limit} characters ({len(cleaned)})", value)
            return None
        return cleaned

    def integer(
        self, doc: Mapping[str, Any], field_name: str, *, required: bool, low: int, high: int | None
    ) -> int | None:
        value = doc.get(field_name)
        if value is None:
            if required:
                self.error(field_name, "required field is missing", "")
            return None
        # bool is an int in Python, and NaN compares False with everything: reject both explicitly.
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and not math.isfinite(value):
                self.error(field_name, "must be a finite whole number", value)
            elif isinstance(value, float) and value.is_integer():
                self.error(field_name, "must be a whole number without a decimal point", value)
            else:
                self.error(field_name, "must be a whole number", value)
            return None
        if value < low or (high is not None and value > high):
            bound = f"{low}..{high}" if high is not None else f">= {low}"
            self.error(field_name, f"must be {bound}", value)
            return None
        return value


def _extra(doc: Mapping[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    return {key: value for key, value in doc.items() if key not in known}


_BOOTH_FIELDS = BOOTH_REQUIRED + BOOTH_OPTIONAL
_PRODUCT_FIELDS = PRODUCT_REQUIRED + PRODUCT_OPTIONAL


def check_fair(doc: Any, record: str, problems: list[Problem]) -> Fair | None:
    check = _Checker("fair", record, problems)
    if not isinstance(doc, Mapping):
        check.error("", "must be an object", doc)
        return None
    values = {name: check.text(doc, name, required=True) for name in FAIR_FIELDS if name != "schema_version"}
    version = check.integer(doc, "schema_version", required=True, low=1, high=None)
    if version is not None and version > SCHEMA_VERSION:
        check.error("schema_version", f"made by a newer ocop-tui (this one reads up to {SCHEMA_VERSION})", version)
        version = None
    dates: dict[str, date] = {}
    for name in ("start_date", "end_date"):
        raw = values.get(name)
        if raw:
            try:
                dates[name] = date.fromisoformat(raw)
            except ValueError:
                check.error(name, "must be an ISO date (YYYY-MM-DD)", raw)
                values[name] = None
    if len(dates) == 2 and dates["start_date"] > dates["end_date"]:
        check.error("end_date", "is before start_date", values["end_date"])
        return None
    if version is None or any(value is None for value in values.values()):
        return None
    demo = doc.get("demo", False)
    return Fair(
        **{name: value for name, value in values.items() if value is not None},  # type: ignore[arg-type]
        schema_version=version,
        demo=bool(demo),
        extra=_extra(doc, FAIR_FIELDS + ("demo",)),
    )


def check_booth(doc: Any, record: str, problems: list[Problem]) -> Booth | None:
    check = _Checker("booths", record, problems)
    if not isinstance(doc, Mapping):
        check.error("", "must be an object", doc)
        return None
    before = len(problems)
    values = {name: check.text(doc, name, required=True) for name in BOOTH_REQUIRED}
    optional = {name: check.text(doc, name, required=False) for name in BOOTH_OPTIONAL}
    kind = values["exhibitor_type"]
    if kind is not None and kind not in EXHIBITOR_TYPES:
        check.error("exhibitor_type", f"must be one of {', '.join(EXHIBITOR_TYPES)}", kind)
    if any(p.is_error for p in problems[before:]):
        return None
    return Booth(**values, **optional, extra=_extra(doc, _BOOTH_FIELDS))  # type: ignore[arg-type]


def check_product(doc: Any, record: str, problems: list[Problem]) -> Product | None:
    check = _Checker("products", record, problems)
    if not isinstance(doc, Mapping):
        check.error("", "must be an object", doc)
        return None
    before = len(problems)
    values: dict[str, Any] = {
        name: check.text(doc, name, required=True) for name in PRODUCT_REQUIRED if name != "stars"
    }
    values["stars"] = check.integer(doc, "stars", required=True, low=MIN_STARS, high=MAX_STARS)
    for name in ("name_en", "unit", "description"):
        values[name] = check.text(doc, name, required=False)
    values["subgroup"] = check.integer(doc, "subgroup", required=False, low=1, high=len(PRODUCT_SETS))
    values["price_vnd"] = check.integer(doc, "price_vnd", required=False, low=0, high=None)
    values["certified_year"] = check.integer(doc, "certified_year", required=False, low=2018, high=2100)
    group = values["group"]
    if group is not None and group not in GROUPS:
        check.error("group", f"must be one of {', '.join(GROUPS)}", group)
    elif values["subgroup"] is not None and PRODUCT_SETS[values["subgroup"]].group != group:
        check.error("subgroup", f"product set {values['subgroup']} is not in group {group}", values["subgroup"])
    if any(p.is_error for p in problems[before:]):
        return None
    return Product(**values, extra=_extra(doc, _PRODUCT_FIELDS))


def booth_key(booth_no: str) -> str:
    """Booth numbers and product codes are unique regardless of case, accents and normal form."""
    return fold(booth_no.strip())


@dataclass(frozen=True, slots=True)
class CheckedTables:
    fair: Fair | None
    booths: list[Booth]
    products: list[Product]
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


def check_tables(tables: Mapping[str, Mapping[str, Any]]) -> CheckedTables:
    """Validate whole tables: each document, then uniqueness and booth references across them."""
    problems: list[Problem] = []
    fair_docs = tables.get("fair", {})
    fair: Fair | None = None
    if len(fair_docs) != 1:
        problems.append(Problem("fair", "", "", f"must hold exactly one document, found {len(fair_docs)}"))
    for doc_id, doc in fair_docs.items():
        fair = check_fair(doc, doc_id, problems)

    booths: list[Booth] = []
    seen_booths: dict[str, str] = {}
    for doc_id, doc in tables.get("booths", {}).items():
        booth = check_booth(doc, doc_id, problems)
        if booth is None:
            continue
        key = booth_key(booth.booth_no)
        if key in seen_booths:
            problems.append(
                Problem("booths", doc_id, "booth_no", f"duplicate of document {seen_booths[key]}", value=booth.booth_no)
            )
            continue
        seen_booths[key] = doc_id
        booths.append(booth)

    products: list[Product] = []
    seen_codes: dict[str, str] = {}
    for doc_id, doc in tables.get("products", {}).items():
        product = check_product(doc, doc_id, problems)
        if product is None:
            continue
        key = booth_key(product.code)
        if key in seen_codes:
            problems.append(
                Problem("products", doc_id, "code", f"duplicate of document {seen_codes[key]}", value=product.code)
            )
            continue
        if booth_key(product.booth_no) not in seen_booths:
            problems.append(Problem("products", doc_id, "booth_no", "names no booth", value=product.booth_no))
            continue
        seen_codes[key] = doc_id
        products.append(product)
    return CheckedTables(fair, booths, products, problems)
