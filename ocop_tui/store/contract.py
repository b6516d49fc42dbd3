"""Validation of raw documents against the data contract, shared by the store and the importer.

Each check returns Problems instead of raising, so a report can list every mistake in a file at once.
Valid documents become frozen records with text normalised to NFC; unknown fields are kept in `extra`.
"""

from __future__ import annotations

import math
import unicodedata
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from itertools import repeat
from typing import Any, Literal

from ocop_tui.model import (
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
from ocop_tui.plan.reading import PlanProblems, check_placement, read_plan, read_position
from ocop_tui.plan.shapes import POSITION_FIELDS, Rect, with_booths
from ocop_tui.text import clean, fold

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

    __slots__ = ("problems", "record", "table")

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
        if required and not cleaned:  # only escape codes or controls: nothing is left to show
            self.error(field_name, "required field is missing or empty", value)
            return None
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


# Fast paths -----------------------------------------------------------------------------------------
# A store of 100,000 products is checked at every start, and nearly every document in it is already
# clean. These functions recognise that common case (an exact dict of printable, NFC text within its
# limit and plain ints within range) and build the record directly. They return None for anything else,
# never report a problem, and the full check below then runs and reports exactly as before: same rules,
# same messages. The result for a document they accept is identical to the full check's.

# Most records have no extra fields: they share one empty mapping (records are read-only, and `extra` is
# typed as a Mapping; a plain dict, so records still pickle and deep-copy).
NO_EXTRA: Mapping[str, Any] = {}
_PRODUCT_KNOWN = frozenset(_PRODUCT_FIELDS)
_BOOTH_KNOWN = frozenset(_BOOTH_FIELDS + POSITION_FIELDS)
_PRODUCT_TEXT = tuple((name, _limit(name)) for name in PRODUCT_REQUIRED if name != "stars")
_PRODUCT_OPTIONAL_TEXT = tuple((name, _limit(name)) for name in ("name_en", "unit", "description"))
_PRODUCT_OPTIONAL_INT = (("subgroup", 1, len(PRODUCT_SETS)), ("price_vnd", 0, None), ("certified_year", 2018, 2100))
_BOOTH_TEXT = tuple((name, _limit(name)) for name in BOOTH_REQUIRED)
_BOOTH_OPTIONAL_TEXT = tuple((name, _limit(name)) for name in BOOTH_OPTIONAL)


def _plain_text(value: Any, limit: int) -> str | None:
    """What _Checker.text returns for `value` when that involves no problem and no change but strip()."""
    # isprintable() is False for every character clean() removes (controls, ESC, bidi marks, newlines).
    if (
        type(value) is not str
        or not value.isprintable()
        or not (value.isascii() or unicodedata.is_normalized("NFC", value))
    ):
        return None
    value = value.strip()
    return value if value and len(value) <= limit else None


def _plain_optional_text(value: Any, limit: int) -> str | None:
    if value is None or (type(value) is str and not value.strip()):
        return ""
    return _plain_text(value, limit)


def _plain_texts(
    get: Any, required: tuple[tuple[str, int], ...], optional: tuple[tuple[str, int], ...]
) -> dict[str, Any] | None:
    """The text fields of one document when all are plain and valid; None sends it to the full checker."""
    values: dict[str, Any] = {}
    for name, limit in required:
        text = _plain_text(get(name), limit)
        if text is None:
            return None
        values[name] = text
    for name, limit in optional:
        text = _plain_optional_text(get(name), limit)
        if text is None:
            return None
        values[name] = text
    return values


def _fast_product(doc: Any) -> Product | None:
    if type(doc) is not dict:
        return None
    get = doc.get
    values = _plain_texts(get, _PRODUCT_TEXT, _PRODUCT_OPTIONAL_TEXT)
    if values is None:
        return None
    stars = get("stars")
    if type(stars) is not int or not MIN_STARS <= stars <= MAX_STARS:
        return None
    values["stars"] = stars
    for name, low, high in _PRODUCT_OPTIONAL_INT:
        number = get(name)
        if number is not None and (type(number) is not int or number < low or (high is not None and number > high)):
            return None
        values[name] = number
    group, subgroup = values["group"], values["subgroup"]
    if group not in GROUPS or (subgroup is not None and PRODUCT_SETS[subgroup].group != group):
        return None
    extra = NO_EXTRA if doc.keys() <= _PRODUCT_KNOWN else _extra(doc, _PRODUCT_FIELDS)
    return Product(**values, extra=extra)


def _fast_booth(doc: Any) -> Booth | None:
    if type(doc) is not dict:
        return None
    get = doc.get
    values = _plain_texts(get, _BOOTH_TEXT, _BOOTH_OPTIONAL_TEXT)
    if values is None:
        return None
    if values["exhibitor_type"] not in EXHIBITOR_TYPES:
        return None
    x, y, w, h = (get(name) for name in POSITION_FIELDS)
    if x is None and y is None and w is None and h is None:
        position = None
    elif (
        type(x) is int
        and type(y) is int
        and type(w) is int
        and type(h) is int
        and x >= 0
        and y >= 0
        and w >= 1
        and h >= 1
    ):
        position = (x, y, w, h)  # read_position's Rect(...).as_tuple()
    else:
        return None
    extra = NO_EXTRA if doc.keys() <= _BOOTH_KNOWN else _extra(doc, _BOOTH_FIELDS + POSITION_FIELDS)
    return Booth(**values, extra=extra, position=position)


# Whole tables at once: the same conditions as _fast_product/_fast_booth, checked column by column with
# C-speed operations (one join per column instead of a method call per value). All or nothing: if any
# document, id, uniqueness or reference needs a closer look, None, and check_tables goes document by document.

_NONE = type(None)
_CHUNK = 4096  # values joined at a time: a whole description column would be a large temporary string


def _column_text(column: list[Any], limit: int, *, required: bool) -> list[str] | None:
    kinds = set(map(type, column))
    if kinds != {str}:
        if required or not kinds <= {str, _NONE}:
            return None
        column = ["" if value is None else value for value in column]
    for start in range(0, len(column), _CHUNK):
        # "|" is printable and a starter no mark composes with, so the join is printable / NFC exactly
        # when every value is.
        joined = "|".join(column[start : start + _CHUNK])
        if not joined.isprintable() or not (joined.isascii() or unicodedata.is_normalized("NFC", joined)):
            return None
    stripped = list(map(str.strip, column))  # whitespace-only optional values become "", as in _Checker.text
    if (required and not all(stripped)) or max(map(len, stripped), default=0) > limit:
        return None
    return stripped


def _column_int(column: list[Any], low: int, high: int | None, *, required: bool) -> bool:
    kinds = set(map(type, column))  # bool is its own type, so True never passes as an int here
    if kinds != {int}:
        if required or not kinds <= {int, _NONE}:
            return False
        column = [value for value in column if value is not None]
    return not column or (min(column) >= low and (high is None or max(column) <= high))


# Fields whose values repeat (every product of a province, a booth, a producer): the checked records share
# one string per distinct value instead of keeping every parsed copy (30 MB less at 100,000 products).
_REPEATING = frozenset({"group", "province", "booth_no", "producer", "unit", "exhibitor_type", "zone"})


def _columns(
    docs: list[Any], text: tuple[tuple[str, int], ...], optional: tuple[tuple[str, int], ...]
) -> dict[str, list[Any]] | None:
    values: dict[str, list[Any]] = {}
    for (name, limit), required in [(item, True) for item in text] + [(item, False) for item in optional]:
        column = _column_text([doc.get(name) for doc in docs], limit, required=required)
        if column is None:
            return None
        if name in _REPEATING:
            one_of_each = dict(zip(column, column))
            column = list(map(one_of_each.__getitem__, column))
        values[name] = column
    return values


def _keys(column: list[str]) -> list[str]:
    """booth_key() of every (already stripped) value."""
    return list(map(str.lower, column)) if "".join(column).isascii() else list(map(fold, column))


def _ids_are_plain(docs: Mapping[Any, Any]) -> bool:
    """_check_ids would find nothing: every id a str of ASCII digits without a leading 0."""
    ids = list(docs)
    return (
        set(map(type, ids)) <= {str}
        and all(ids)
        and "".join(ids).isascii()
        and "".join(ids).isdigit()
        and all(len(doc_id) == 1 or doc_id[0] != "0" for doc_id in ids if doc_id[0] == "0")
    )


_PRODUCT_ORDER = tuple(f.name for f in fields(Product))
_BOOTH_ORDER = tuple(f.name for f in fields(Booth))


# Fields whose values repeat across records (a province, a producer, a booth): each distinct value is kept
# as one object, shared by every record that has it. At 100,000 products that is tens of megabytes.
SHARED_FIELDS = frozenset({"group", "booth_no", "producer", "province", "unit", "price_vnd", "certified_year",
                           "exhibitor_type", "zone"})  # fmt: skip


def share_values(column: list[Any]) -> list[Any]:
    """The column with equal values as one object each (counting and filtering can then compare identity)."""
    one_of_each = dict(zip(column, column))
    return list(map(one_of_each.__getitem__, column))


def _share_columns(columns: dict[str, Any]) -> None:
    for name in SHARED_FIELDS & columns.keys():
        columns[name] = share_values(columns[name])


def build_records(cls: type[Any], order: tuple[str, ...], columns: Mapping[str, Any], count: int) -> list[Any]:
    """cls(**row) for every row, filled a field at a time through the slots: what the generated __init__
    does (these records have no __post_init__), without a Python call per record."""
    assert not hasattr(cls, "__post_init__") and hasattr(cls, "__slots__")
    records = list(map(object.__new__, repeat(cls, count)))
    for name in order:
        deque(map(getattr(cls, name).__set__, records, columns[name]), maxlen=0)
    return records


def _fast_products(docs: Mapping[str, Any], booth_keys: Mapping[str, str]) -> list[Product] | None:
    values = list(docs.values())
    if not values:
        return []
    if set(map(type, values)) != {dict}:
        return None
    columns = _columns(values, _PRODUCT_TEXT, _PRODUCT_OPTIONAL_TEXT)
    if columns is None:
        return None
    for name, low, high, required in (("stars", MIN_STARS, MAX_STARS, True),) + tuple(
        (name, low, high, False) for name, low, high in _PRODUCT_OPTIONAL_INT
    ):
        column = [doc.get(name) for doc in values]
        if not _column_int(column, low, high, required=required):
            return None
        columns[name] = column
    if not set(columns["group"]) <= GROUPS.keys():
        return None
    for subgroup, group in set(zip(columns["subgroup"], columns["group"])):
        if subgroup is not None and PRODUCT_SETS[subgroup].group != group:
            return None
    codes = _keys(columns["code"])
    if len(set(codes)) != len(codes) or not set(_keys(columns["booth_no"])) <= booth_keys.keys():
        return None
    unknown = set().union(*values) - _PRODUCT_KNOWN
    columns["extra"] = [_extra(doc, _PRODUCT_FIELDS) for doc in values] if unknown else repeat(NO_EXTRA)  # type: ignore[assignment]
    _share_columns(columns)
    return build_records(Product, _PRODUCT_ORDER, columns, len(values))


def _fast_booths(docs: Mapping[str, Any]) -> tuple[list[Booth], list[str], dict[str, str]] | None:
    values = list(docs.values())
    if not values:
        return [], [], {}
    if set(map(type, values)) != {dict}:
        return None
    columns = _columns(values, _BOOTH_TEXT, _BOOTH_OPTIONAL_TEXT)
    if columns is None or not set(columns["exhibitor_type"]) <= EXHIBITOR_TYPES.keys():
        return None
    positions: list[Any] = []
    for doc in values:
        x, y, w, h = (doc.get(name) for name in POSITION_FIELDS)
        if x is None and y is None and w is None and h is None:
            positions.append(None)
        elif (
            type(x) is int
            and type(y) is int
            and type(w) is int
            and type(h) is int
            and x >= 0
            and y >= 0
            and w >= 1
            and h >= 1
        ):
            positions.append((x, y, w, h))
        else:
            return None
    columns["position"] = positions
    keys = _keys(columns["booth_no"])
    if len(set(keys)) != len(keys):
        return None
    unknown = set().union(*values) - _BOOTH_KNOWN
    columns["extra"] = [_extra(doc, _BOOTH_FIELDS + POSITION_FIELDS) for doc in values] if unknown else repeat(NO_EXTRA)  # type: ignore[assignment]
    ids = list(docs)
    _share_columns(columns)
    return build_records(Booth, _BOOTH_ORDER, columns, len(values)), ids, dict(zip(keys, ids))


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
    demo = doc.get("demo")
    if demo is None:  # absent or null, like the optional text fields
        demo = False
    elif not isinstance(demo, bool):  # bool("false") is True: only JSON true/false are accepted
        check.error("demo", "must be true or false", demo)
        return None
    if version is None or any(value is None for value in values.values()):
        return None
    return Fair(
        **{name: value for name, value in values.items() if value is not None},  # type: ignore[arg-type]
        schema_version=version,
        demo=bool(demo),
        extra=_extra(doc, FAIR_FIELDS + ("demo", "plan")),
        plan=doc.get("plan"),  # checked with the booths' positions in check_tables
    )


def check_booth(doc: Any, record: str, problems: list[Problem]) -> Booth | None:
    fast = _fast_booth(doc)
    if fast is not None:
        return fast
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
    position = _collect(check, read_position, doc)
    if any(p.is_error for p in problems[before:]):
        return None
    return Booth(
        **values,
        **optional,
        extra=_extra(doc, _BOOTH_FIELDS + POSITION_FIELDS),  # type: ignore[arg-type]
        position=position.as_tuple() if position is not None else None,
    )


def _collect(check: _Checker, reader: Any, *args: Any) -> Any:
    """Run a floorplan reader and pass its problems on as this document's."""
    found = PlanProblems()
    result = reader(*args, found)
    for where, message, severity, value in found.items:
        (check.error if severity == "error" else check.warn)(where, message, value)
    return result


def check_product(doc: Any, record: str, problems: list[Problem]) -> Product | None:
    fast = _fast_product(doc)
    if fast is not None:
        return fast
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
    elif group is not None and values["subgroup"] is not None and PRODUCT_SETS[values["subgroup"]].group != group:
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


def _check_ids(table: str, docs: Mapping[str, Any], problems: list[Problem]) -> None:
    # TinyDB turns ids into int on every write to a table: "B1" makes the write fail, and "01" and
    # "1" would silently become one document. Only canonical whole numbers are safe.
    if _ids_are_plain(docs):
        return
    for doc_id in docs:
        text = str(doc_id)
        if not (text.isascii() and text.isdigit() and str(int(text)) == text):
            problems.append(
                Problem(
                    table,
                    text,
                    "",
                    'document id must be a whole number such as "1" (no letters, no leading 0)',
                    value=text,
                )
            )


def check_tables(tables: Mapping[str, Mapping[str, Any]]) -> CheckedTables:
    """Validate whole tables: each document, then uniqueness and booth references across them."""
    problems: list[Problem] = []
    for name in ("fair", "booths", "products"):
        _check_ids(name, tables.get(name, {}), problems)
    fair_docs = tables.get("fair", {})
    fair: Fair | None = None
    if len(fair_docs) != 1:
        problems.append(Problem("fair", "", "", f"must hold exactly one document, found {len(fair_docs)}"))
    for doc_id, doc in fair_docs.items():
        fair = check_fair(doc, doc_id, problems)

    booths: list[Booth] = []
    booth_ids: list[str] = []
    seen_booths: dict[str, str] = {}
    fast_booths = _fast_booths(tables.get("booths", {}))
    if fast_booths is not None:
        booths, booth_ids, seen_booths = fast_booths
    for doc_id, doc in tables.get("booths", {}).items() if fast_booths is None else ():
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
        booth_ids.append(doc_id)
    if fair is not None:
        _check_layout(fair, next(iter(fair_docs), ""), booths, booth_ids, problems)

    fast_products = _fast_products(tables.get("products", {}), seen_booths)
    products: list[Product] = fast_products or []
    seen_codes: dict[str, str] = {}
    for doc_id, doc in tables.get("products", {}).items() if fast_products is None else ():
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


def _check_layout(fair: Fair, fair_id: str, booths: list[Booth], booth_ids: list[str], problems: list[Problem]) -> None:
    """Schema 2: the plan itself, then booth positions against it (inside, no overlaps, reachable)."""
    if fair.plan is None:
        for booth, doc_id in zip(booths, booth_ids):
            if booth.position is not None:
                problems.append(Problem("booths", doc_id, "x", "has a position, but the fair has no floor plan",
                                        value=str(booth.position)))  # fmt: skip
        return
    found = PlanProblems()
    plan = read_plan(fair.plan, found)
    for where, message, severity, value in found.items:
        problems.append(Problem("fair", fair_id, where, message, severity, show_value(value)))  # type: ignore[arg-type]
    if plan is None or found.has_errors:
        return
    per_booth = {booth.booth_no: PlanProblems() for booth in booths}
    for booth, doc_id in zip(booths, booth_ids):
        if booth.position is None:
            problems.append(Problem("booths", doc_id, "x", "has no position on the floor plan: not shown on the map",
                                    "warning", booth.booth_no))  # fmt: skip
    placed = [(b.booth_no, b.zone, Rect(*b.position)) for b in booths if b.position is not None]
    check_placement(with_booths(plan, placed), per_booth)
    for booth, doc_id in zip(booths, booth_ids):
        for where, message, severity, value in per_booth[booth.booth_no].items:
            problems.append(Problem("booths", doc_id, where, message, severity, show_value(value)))  # type: ignore[arg-type]
