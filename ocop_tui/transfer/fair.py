"""The organisers' own fair: the tables of a new store (`ocop-tui init`) and the fair's details they can change
(`ocop-tui fair set`). Both are written by the commands through store.writing (locked, validated, backed up).

A new store is schema 2 with a floor plan from the automatic layout. `empty` holds the forum's details (its
name, theme, venue, city and dates, which are real) and no booths or products: the organisers' lists are
imported into it, and the plan is laid out for them then. `demo` is a copy of the packaged demo fair.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Literal

from ocop_tui.model import SCHEMA_VERSION
from ocop_tui.paths import demo_store_path
from ocop_tui.plan.layout import auto_layout
from ocop_tui.store.reading import Tables, read_tables
from ocop_tui.text import clean

InitMode = Literal["empty", "demo"]

TEXT_KEYS = ("name", "theme", "venue", "city")
DATE_KEYS = ("start_date", "end_date")
FAIR_KEYS = (*TEXT_KEYS, *DATE_KEYS, "demo")  # what `fair set` may change
ALIASES = {"start": "start_date", "end": "end_date"}
MAX_TEXT = 200  # the contract's limit for a line of text

_TRUE = ("true", "yes", "1", "co", "có", "y", "c")
_FALSE = ("false", "no", "0", "khong", "không", "n", "k")


class DetailRejected(Exception):
    """A value `fair set` or `init` cannot take; `key` names the message, `values` fill it in."""

    def __init__(self, message_key: str, /, **values: Any) -> None:
        super().__init__(message_key)
        self.key = message_key
        self.values = values


def fair_key(key: str) -> str:
    """The fair field a `fair set` key names (start/end are short for start_date/end_date)."""
    name = ALIASES.get(key.strip().lower(), key.strip().lower())
    if name not in FAIR_KEYS:
        raise DetailRejected("fair.bad_key", name=key, keys=", ".join((*TEXT_KEYS, "start", "end", "demo")))
    return name


def parse_detail(name: str, text: str) -> str | bool:
    """The value of fair field `name` written as `text` on the command line, checked."""
    if name == "demo":
        word = text.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        raise DetailRejected("fair.bad_bool", field=name)
    value = clean(text).strip()
    if name in DATE_KEYS:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise DetailRejected("fair.bad_date", field=name) from None
        if len(value) != 10:  # fromisoformat also takes 20240929, which the contract does not
            raise DetailRejected("fair.bad_date", field=name)
        return value
    if not value or len(value) > MAX_TEXT:
        raise DetailRejected("fair.bad_text", field=name)
    return value


def check_dates(fair: Mapping[str, Any]) -> None:
    start, end = fair.get("start_date"), fair.get("end_date")
    if isinstance(start, str) and isinstance(end, str) and end < start:
        raise DetailRejected("fair.bad_order", start=start, end=end)


def fair_document(tables: Tables) -> tuple[str, dict[str, Any]]:
    """The id and document of the fair (the contract wants exactly one; write_store says so otherwise)."""
    for doc_id, doc in tables.get("fair", {}).items():
        if isinstance(doc, dict):
            return doc_id, doc
    return "1", {}


def with_details(tables: Tables, details: Mapping[str, str | bool]) -> Tables:
    """The tables with the fair's details set (a new dict; unknown fields of the fair are kept)."""
    doc_id, fair = fair_document(tables)
    changed = dict(fair, **details)
    check_dates(changed)
    return dict(tables, fair={**tables.get("fair", {}), doc_id: changed})


def new_store_tables(mode: InitMode, details: Mapping[str, str | bool]) -> Tables:
    """The tables of a new store: an empty fair with the forum's details, or a copy of the demo fair; the
    `details` given on the command line replace the fair's own."""
    demo, _ = read_tables(demo_store_path())
    _, demo_fair = fair_document(demo)
    if mode == "demo":
        tables = {name: dict(table) for name, table in demo.items()}
    else:
        fair: dict[str, Any] = {key: demo_fair[key] for key in (*TEXT_KEYS, *DATE_KEYS) if key in demo_fair}
        fair["schema_version"] = SCHEMA_VERSION
        fair["plan"] = auto_layout([]).to_doc()  # the stage, entrances and services; zones come with the booths
        tables = {"fair": {"1": fair}, "booths": {}, "products": {}}
    return with_details(tables, details)
