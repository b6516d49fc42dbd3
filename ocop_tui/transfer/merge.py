"""Stage 3 of an import: the parsed rows against the store. Checks duplicates and booth references, then
builds the new tables, merging by booth number or product code, or replacing whole tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from msgspec.structs import replace as with_changes

from ocop_tui.model import Booth, Product
from ocop_tui.plan.placing import UNPLACED_ZONE, Placement
from ocop_tui.plan.shapes import POSITION_FIELDS
from ocop_tui.store.contract import booth_key
from ocop_tui.store.reading import Tables
from ocop_tui.text import nfc
from ocop_tui.transfer.changes import Change, changed_fields, record_name
from ocop_tui.transfer.headers import FIELDS, KEY_FIELD
from ocop_tui.transfer.placement import place_new_booths
from ocop_tui.transfer.problems import ImportProblem, make_problem
from ocop_tui.transfer.rows import ImportedRow, ParsedTable, product_name_key


@dataclass(frozen=True, slots=True)
class Counts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


@dataclass
class ImportPlan:
    tables: Tables  # the whole store after the import
    counts: dict[str, Counts]  # per table given in the import
    problems: list[ImportProblem]
    changed_tables: tuple[str, ...]
    # (table, document id) -> the file and row each added or updated document comes from
    origin: dict[tuple[str, str], tuple[ParsedTable, str]] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)  # every record added, changed or removed
    placement: Placement | None = None  # new booths given a place on the floor plan
    totals: dict[str, int] = field(default_factory=dict)  # records per table before the import

    @property
    def errors(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.is_error]


def _contract_values(doc: Mapping[str, Any], fields: Sequence[str]) -> dict[str, Any]:
    # Empty optional fields may be written as "", null or left out: all mean the same record.
    return {name: doc[name] for name in fields if doc.get(name) not in (None, "")}


def field_value(record: Booth | Product, name: str) -> Any:
    """A contract field of a record, including a booth's x, y, w, h (None when it has no position)."""
    if name in POSITION_FIELDS:
        position = getattr(record, "position", None)
        return None if position is None else position[POSITION_FIELDS.index(name)]
    return getattr(record, name)


def record_doc(record: Booth | Product, fields: Iterable[str], base: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The store document for `record`: `base` (the stored document, with fields the contract does not
    name) updated with `fields`; empty optional fields are left out."""
    doc = dict(base) if base is not None else {}
    for name in fields:
        value = field_value(record, name)
        if value is None or value == "":
            doc.pop(name, None)
        else:
            doc[name] = value
    return doc


def _next_id(table: Mapping[str, Any]) -> int:
    ids = [int(k) for k in table if isinstance(k, str) and k.isdigit()]
    return max(ids, default=0) + 1


def _merge_table(
    parsed: ParsedTable,
    old: Mapping[str, Any],
    replace_table: bool,
    store_label: str,
    problems: list[ImportProblem],
    origin: dict[tuple[str, str], tuple[ParsedTable, str]],
    changes: list[Change],
    fix: Callable[[ImportedRow], Booth | Product | None] | None = None,
) -> tuple[dict[str, Any], Counts]:
    key_field = KEY_FIELD[parsed.table]
    key_column = parsed.column(key_field)
    fields = FIELDS[parsed.table]
    present = [name for name in fields if name in parsed.columns]
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for stored_id, stored in old.items():
        value = stored.get(key_field) if isinstance(stored, dict) else None
        if isinstance(value, str):
            value = nfc(value.strip())
            exact.setdefault(value, stored_id)
            folded.setdefault(booth_key(value), stored_id)
    # A new product with the name, producer and unit of a stored one is probably that product again.
    similar: dict[tuple[str, ...], str] = {}
    if parsed.table == "products" and not replace_table:
        for doc in old.values():
            if isinstance(doc, dict):
                similar.setdefault(product_name_key(doc), str(doc.get(key_field, "")))
    new: dict[str, Any] = {} if replace_table else dict(old)
    next_id = _next_id(old)
    added = updated = unchanged = 0
    matched: set[str] = set()
    for item in parsed.rows:
        record = fix(item) if fix is not None else item.record
        if record is None:
            continue
        key_value = getattr(record, key_field)
        doc_id = exact.get(key_value)
        if doc_id is None:
            doc_id = folded.get(booth_key(key_value))
            if doc_id is not None and not replace_table:
                # "kg-01" or an NFD "Phở" next to a stored "KG-01" / "Phở": the same key to every search
                # and to the contract, so it cannot be a new record; updating needs the exact spelling.
                problems.append(
                    make_problem(
                        parsed.file,
                        item.row,
                        parsed.column(key_field),
                        key_value,
                        "import.bad.duplicate_store",
                        existing=old[doc_id].get(key_field),
                    )
                )
                continue
        if doc_id is None or doc_id in matched:
            if similar and isinstance(record, Product) and (code := similar.get(product_name_key(record))):
                problems.append(make_problem(parsed.file, item.row, parsed.column("name"), record.name,
                                         "import.warn.same_name_store", "warning", code=code))  # fmt: skip
            new[str(next_id)] = doc = record_doc(record, fields)
            origin[(parsed.table, str(next_id))] = (parsed, item.row)
            changes.append(Change("added", parsed.table, key_value, record_name(parsed.table, doc), parsed.file,
                                  item.row, key_column))  # fmt: skip
            next_id += 1
            added += 1
            continue
        matched.add(doc_id)
        existing = old[doc_id]
        doc = record_doc(record, [name for name in present if name not in item.absent] if item.absent else present,
                         existing)  # fmt: skip
        if _contract_values(doc, fields) == _contract_values(existing, fields):
            new[doc_id] = existing  # untouched, byte for byte
            unchanged += 1
        else:
            new[doc_id] = doc
            origin[(parsed.table, doc_id)] = (parsed, item.row)
            what = changed_fields(existing, doc, fields, parsed.column)
            changes.append(Change("updated", parsed.table, key_value, record_name(parsed.table, doc), parsed.file,
                                  item.row, key_column, what))  # fmt: skip
            updated += 1
    removed = 0
    if replace_table:
        for doc_id, doc in old.items():
            if doc_id not in matched:
                removed += 1
                doc = doc if isinstance(doc, dict) else {}
                key, name = str(doc.get(key_field, "")), record_name(parsed.table, doc)
                changes.append(Change("removed", parsed.table, key, name, store_label, f"#{doc_id}", key_column))
    return new, Counts(added, updated, unchanged, removed)


def _placement_warnings(placement: Placement, booths: Mapping[str, Any],
                        origin: Mapping[tuple[str, str], tuple[ParsedTable, str]]) -> list[ImportProblem]:  # fmt: skip
    """What the organiser should know about where new booths went: a zone not on the plan, a full zone (once
    per zone, on its first row) and a booth left without a place (on its row)."""
    rows: dict[str, tuple[ParsedTable, str]] = {}
    for (table, doc_id), source in origin.items():
        doc = booths.get(doc_id) if table == "booths" else None
        if isinstance(doc, dict) and isinstance(doc.get("booth_no"), str):
            rows[doc["booth_no"]] = source
    found = []
    for key, groups in (("import.warn.new_zone", placement.new_zones), ("import.warn.zone_full", placement.overflow)):
        for zone, numbers in groups.items():
            parsed, row = min((rows[n] for n in numbers), key=lambda source: _row_order(source[1]))
            found.append(make_problem(parsed.file, row, parsed.column("zone"), zone, key, "warning", zone=zone,
                                      count=len(numbers), unplaced=UNPLACED_ZONE))  # fmt: skip
    for number in placement.unplaced:
        parsed, row = rows[number]
        found.append(
            make_problem(parsed.file, row, parsed.column("booth_no"), number, "import.warn.no_place", "warning")
        )
    return found


def _row_order(row: str) -> tuple[int, str]:
    return (int(row), row) if row.isdigit() else (0, row)


def plan_import(
    current: Tables,
    booths: ParsedTable | None,
    products: ParsedTable | None,
    *,
    replace: bool = False,
    store_label: str = "",
) -> ImportPlan:
    """The store's tables after the import, what changed, and the problems found against the store.

    Booths go first, so products may name a booth added by the same import. Rows already refused in
    stage 2 are not in `booths.rows` / `products.rows` and are left out here.
    """
    problems: list[ImportProblem] = []
    tables: Tables = dict(current)
    counts: dict[str, Counts] = {}
    changed: list[str] = []
    origin: dict[tuple[str, str], tuple[ParsedTable, str]] = {}
    changes: list[Change] = []
    old_booths = current.get("booths", {})
    placement = None
    if booths is not None:
        tables["booths"], counts["booths"] = _merge_table(booths, old_booths, replace, store_label, problems, origin,
                                                          changes)  # fmt: skip
        changed.append("booths")
        placement = place_new_booths(tables, [doc_id for table, doc_id in origin if table == "booths"])
        if placement is not None:
            if placement.positions:
                changed.insert(0, "fair")
            problems += _placement_warnings(placement, tables["booths"], origin)
    # Every booth after the import, by its matching key, so references resolve as the contract does.
    booth_numbers: dict[str, str] = {}
    for doc in tables.get("booths", {}).values():
        number = doc.get("booth_no") if isinstance(doc, dict) else None
        if isinstance(number, str):
            booth_numbers.setdefault(booth_key(number), number)

    if products is not None:
        booth_column = products.column("booth_no")

        def resolve(item: ImportedRow) -> Product | None:
            record = item.record
            assert isinstance(record, Product)
            number = booth_numbers.get(booth_key(record.booth_no))
            if number is None:
                problems.append(make_problem(products.file, item.row, booth_column, record.booth_no,
                                         "import.bad.unknown_booth"))  # fmt: skip
                return None
            # "a01" for the stored "A01" is the same booth; keep the booth's own spelling.
            return record if number == record.booth_no else with_changes(record, booth_no=number)

        tables["products"], counts["products"] = _merge_table(
            products, current.get("products", {}), replace, store_label, problems, origin, changes, resolve
        )
        changed.append("products")
    if booths is not None and replace and products is None:
        # Replacing the booths alone may leave products in the store without their booth.
        for doc_id, doc in tables.get("products", {}).items():
            number = doc.get("booth_no") if isinstance(doc, dict) else None
            if isinstance(number, str) and booth_key(number) not in booth_numbers:
                problems.append(make_problem(store_label, f"#{doc_id}", "booth_no", number, "import.bad.orphan",
                                         code=doc.get("code", "")))  # fmt: skip
    for name in ("fair", "booths", "products"):
        tables.setdefault(name, {})
    totals = {name: len(current.get(name, {})) for name in counts}
    return ImportPlan(tables, counts, problems, tuple(changed), origin, changes, placement, totals)
