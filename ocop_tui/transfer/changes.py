"""What an import does to each record, said exactly: which records it adds, which it changes (and the fields
that change, from what to what) and which `--replace` removes. The dry run lists them, a real run says
what it did, and `--report FILE` holds every one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ocop_tui.i18n import format_number
from ocop_tui.model import EXHIBITOR_TYPES, GROUPS, Lang

ChangeKind = Literal["added", "updated", "removed"]


CHANGE_KINDS: tuple[ChangeKind, ...] = ("removed", "updated", "added")  # the order they are listed in


_NAME_FIELD = {"booths": "exhibitor", "products": "name"}


@dataclass(frozen=True, slots=True)
class Change:
    """One record an import adds, changes or removes."""

    kind: ChangeKind
    table: str
    key: str  # booth number or product code
    name: str  # the exhibitor or the product's name
    file: str  # the import file (a removed record: the store)
    row: str  # the file's row; a removed record: "#" and its document id
    column: str  # the column of booth numbers or product codes, as the file names it
    fields: tuple[tuple[str, str, Any, Any], ...] = ()  # an update: (field, column as written, before, after)


def _empty(value: Any) -> bool:
    return value is None or value == ""


def changed_fields(before: Mapping[str, Any], after: Mapping[str, Any], fields: Sequence[str],
                   column: Callable[[str], str]) -> tuple[tuple[str, str, Any, Any], ...]:  # fmt: skip
    """The contract fields whose value differs ("", None and a missing field are all "no value"), each with
    its column as the file names it."""
    found = []
    for name in fields:
        old, new = before.get(name), after.get(name)
        if _empty(old) and _empty(new):
            continue
        if old != new:
            found.append((name, column(name), None if _empty(old) else old, None if _empty(new) else new))
    return tuple(found)


def record_name(table: str, doc: Mapping[str, Any]) -> str:
    value = doc.get(_NAME_FIELD.get(table, ""), "")
    return value if isinstance(value, str) else ""


def show_value(field: str, value: Any, lang: Lang) -> str:
    """A field's value as the organiser reads it: labels for coded values, numbers written the local way."""
    if value is None:
        return "—"
    if field == "group" and value in GROUPS:
        return getattr(GROUPS[value], lang)
    if field == "exhibitor_type" and value in EXHIBITOR_TYPES:
        return getattr(EXHIBITOR_TYPES[value], lang)
    if field == "price_vnd" and isinstance(value, int) and not isinstance(value, bool):
        return format_number(value, lang)
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."
