"""The data contract, checked for a whole store: quickly when it is clean, completely when it is not.

The contract is declared once, by the records' own types in ocop_tui.model (msgspec Structs whose annotations
carry the allowed values and limits); store/fields.py derives the complete check of one document from them.
This module adds the rules across records, written once: document ids are canonical whole numbers, booth
numbers and product codes are unique by match key, a product names a valid booth, and the booths lie on the
floor plan (ocop_tui.plan.reading). Two ways in:

- `decode_store(data)`, the fast path: msgspec decodes the file's bytes and validates every booth and product
  into the records themselves in one pass; what msgspec cannot see is then checked a column at a time, at C
  speed (text already clean: printable, NFC, stripped; the record rules; ids, uniqueness, references). It
  accepts only what the complete check would accept unchanged, and returns None for anything else.
- `check_tables(tables)`, the complete check of parsed tables: every problem, located. `ocop-tui validate`,
  imports and writes always use it, and reading falls back to it whenever the fast path says None.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter, is_
from typing import Any

import msgspec

from ocop_tui.model import NO_EXTRA, Booth, Fair, Product
from ocop_tui.plan.reading import PlanProblems, check_placement, read_plan
from ocop_tui.plan.shapes import Rect, with_booths
from ocop_tui.store.fields import (
    RECORD_RULES,
    RECORD_TYPES,
    TEXT_FIELDS,
    TableName,
    all_plain,
    check_document,
    given_fields,
)
from ocop_tui.store.problems import Problem, Severity, show_value
from ocop_tui.text import fold

__all__ = ["CheckedTables", "Problem", "Severity", "booth_key", "check_tables", "decode_store", "show_value"]


def check_fair(doc: Any, record: str, problems: list[Problem]) -> Fair | None:
    return check_document("fair", doc, record, problems)  # type: ignore[no-any-return]


def check_booth(doc: Any, record: str, problems: list[Problem]) -> Booth | None:
    return check_document("booths", doc, record, problems)  # type: ignore[no-any-return]


def check_product(doc: Any, record: str, problems: list[Problem]) -> Product | None:
    return check_document("products", doc, record, problems)  # type: ignore[no-any-return]


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


MAX_ID_DIGITS = 18  # TinyDB makes ids ints: beyond this a store is damaged (and past 4,300 digits, unreadable)


def _check_ids(table: str, docs: Mapping[str, Any], problems: list[Problem]) -> None:
    # TinyDB turns ids into int on every write to a table: "B1" makes the write fail, and "01" and
    # "1" would silently become one document. Only canonical whole numbers are safe.
    if _ids_are_plain(list(docs)):
        return
    for doc_id in docs:
        text = str(doc_id)
        if not (text.isascii() and text.isdigit() and (text == "0" or text[0] != "0") and len(text) <= MAX_ID_DIGITS):
            problems.append(
                Problem(
                    table,
                    text,
                    "",
                    f'document id must be a whole number such as "1" (no letters, no leading 0, at most'
                    f" {MAX_ID_DIGITS} digits)",
                    value=show_value(text),
                )
            )


def check_tables(tables: Mapping[str, Mapping[str, Any]]) -> CheckedTables:
    """The complete check of parsed tables: each document, then uniqueness, booth references and the floor
    plan across them. Every problem is listed, in the order of the file."""
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
        booth_ids.append(doc_id)
    if fair is not None:
        _check_layout(fair, next(iter(fair_docs), ""), booths, booth_ids, problems)

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


def _check_layout(fair: Fair, fair_id: str, booths: list[Booth], booth_ids: list[str], problems: list[Problem],
                  *, reachability: bool = True) -> None:  # fmt: skip
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
    check_placement(with_booths(plan, placed), per_booth, reachability=reachability)
    for booth, doc_id in zip(booths, booth_ids):
        for where, message, severity, value in per_booth[booth.booth_no].items:
            problems.append(Problem("booths", doc_id, where, message, severity, show_value(value)))  # type: ignore[arg-type]


# The fast path ---------------------------------------------------------------------------------------

_EMPTY_TABLE = msgspec.Raw(b"{}")


class _StoreFile(msgspec.Struct, gc=False):
    """The top level of a store as the fast path reads it: other tables are left for writes to keep."""

    fair: dict[str, Any] = {}  # one document: checked by the complete check (it is one)
    booths: msgspec.Raw = _EMPTY_TABLE  # decoded into records by the decoders below
    products: msgspec.Raw = _EMPTY_TABLE


_FILE = msgspec.json.Decoder(_StoreFile)
_TABLE_TYPES: dict[str, Any] = {"booths": dict[str, Booth], "products": dict[str, Product]}
_RECORDS = {table: msgspec.json.Decoder(table_type) for table, table_type in _TABLE_TYPES.items()}
_DOCUMENTS = msgspec.json.Decoder(dict[str, dict[str, Any]])
_CHUNK = 4096  # values joined at a time: a whole description column would be a large temporary string


def _decode_records(table: TableName, raw: msgspec.Raw) -> tuple[list[str], list[Any]] | None:
    """Every document of a table as a record, in one pass when the documents hold only contract fields."""
    try:
        documents = _RECORDS[table].decode(raw)
        records = list(documents.values())
        # A document that gives "extra" itself would have set the record's field: read it the long way.
        if not all(map(is_, map(attrgetter("extra"), records), repeat(NO_EXTRA))):
            return None
    except msgspec.ValidationError:
        # Fields the contract does not name (kept in `extra`), or a bad value: as plain objects first.
        try:
            documents = _DOCUMENTS.decode(raw)
        except msgspec.DecodeError:
            return None
        sources = {}
        for doc_id, document in documents.items():
            source = given_fields(table, document)
            if source is None:
                return None
            sources[doc_id] = source
        try:
            records = list(msgspec.convert(sources, _TABLE_TYPES[table]).values())
        except msgspec.ValidationError:
            return None
    except msgspec.DecodeError:
        return None
    return list(documents), records


def _plain_column(column: list[str]) -> bool:
    """fields.all_plain over a whole column, a chunk at a time (a joined description column would be a large
    temporary string)."""
    return all(all_plain(column[start : start + _CHUNK]) for start in range(0, len(column), _CHUNK))


def _follow_record_rules(table: TableName, records: list[Any]) -> bool:
    """The record rules of fields.py, applied once to each distinct combination of the values they read."""
    for rule in RECORD_RULES[table]:
        columns = [list(map(attrgetter(name), records)) for name in rule.reads]
        if rule.presence_only:
            columns = [[value is not None for value in column] for column in columns]
        for values in set(zip(*columns)):
            if rule.presence_only:
                values = tuple(0 if present else None for present in values)
            if any(rule.check(*values)):
                return False
    return True


def _keys(column: list[str]) -> list[str]:
    """booth_key() of every (already stripped) value."""
    return list(map(str.lower, column)) if "".join(column).isascii() else list(map(fold, column))


def _ids_are_plain(ids: list[Any]) -> bool:
    """_check_ids would find nothing: every id a str of ASCII digits without a leading 0."""
    return (
        set(map(type, ids)) <= {str}
        and all(ids)
        and "".join(ids).isascii()
        and "".join(ids).isdigit()
        and all(len(doc_id) == 1 for doc_id in ids if doc_id[0] == "0")
        and max(map(len, ids), default=0) <= MAX_ID_DIGITS
    )


def share_values(column: list[Any]) -> list[Any]:
    """The column with equal values as one object each (counting and filtering can then compare identity)."""
    one_of_each = dict(zip(column, column))
    return list(map(one_of_each.__getitem__, column))


# Fields whose values repeat (every product of a province, a booth, a producer; in the demo fair even the
# descriptions): records can share one object per distinct value instead of each keeping its own copy.
SHARED_FIELDS: dict[TableName, tuple[str, ...]] = {
    "booths": ("exhibitor_type", "province", "zone"),
    "products": ("booth_no", "producer", "province", "unit", "price_vnd", "certified_year", "description"),
}


def share_repeated(table: TableName, records: list[Any], seen: dict[str, dict[Any, Any]]) -> None:
    """Make equal values of SHARED_FIELDS one object, across every call with the same `seen`."""
    cls = RECORD_TYPES[table]
    for name in SHARED_FIELDS[table]:
        first = seen.setdefault(name, {})
        values = list(map(attrgetter(name), records))
        # The records are frozen to their users; this finishes their construction through the slots.
        deque(map(getattr(cls, name).__set__, records, map(first.setdefault, values, values)), maxlen=0)


def decode_store(data: bytes, *, reachability: bool = True) -> CheckedTables | None:
    """The store's checked tables straight from its bytes, or None: then `check_tables` says what is wrong
    (or that nothing is: the fast path leaves text that needs cleaning, and a few rarer cases, to it).

    `reachability=False` skips looking for booths nobody can walk to on the floor plan: that finds warnings
    only (never an error), and takes half a second at 100,000 products; the catalogue does not show them.
    """
    try:
        file = _FILE.decode(data)
    except msgspec.DecodeError:  # not JSON, not an object of tables, NaN, ...: for the complete path to say
        return None
    if len(file.fair) != 1 or not _ids_are_plain(list(file.fair)):
        return None
    problems: list[Problem] = []
    ((fair_id, fair_doc),) = file.fair.items()
    fair = check_document("fair", fair_doc, fair_id, problems)
    booths = _decode_records("booths", file.booths)
    products = _decode_records("products", file.products)
    if fair is None or booths is None or products is None:
        return None
    (booth_ids, booth_records), (product_ids, product_records) = booths, products
    for table, ids, records in (("booths", booth_ids, booth_records), ("products", product_ids, product_records)):
        if ids and not _ids_are_plain(ids):
            return None
        if not all(_plain_column(list(map(attrgetter(name), records))) for name in TEXT_FIELDS[table]):
            return None
        if not _follow_record_rules(table, records):
            return None
    booth_keys = _keys([booth.booth_no for booth in booth_records])
    codes = _keys([product.code for product in product_records])
    if len(set(booth_keys)) != len(booth_keys) or len(set(codes)) != len(codes):
        return None
    if not set(_keys([product.booth_no for product in product_records])) <= set(booth_keys):
        return None
    _check_layout(fair, fair_id, booth_records, booth_ids, problems, reachability=reachability)
    if any(problem.is_error for problem in problems):
        return None
    return CheckedTables(fair, booth_records, product_records, problems)
