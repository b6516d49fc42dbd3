"""Booths an import brings into a store with a floor plan (schema 2) but without a place of their own:
placed on the plan (ocop_tui.plan.placing) and the tables changed to match, with a report for the summary.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ocop_tui.plan.placing import Placement, place_booths
from ocop_tui.plan.shapes import POSITION_FIELDS, Rect
from ocop_tui.store.reading import Tables


def _position(doc: Mapping[str, Any]) -> Rect | None:
    values = [doc.get(name) for name in POSITION_FIELDS]
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return Rect(*values)  # type: ignore[arg-type]
    return None


def place_new_booths(tables: Tables, booth_ids: Iterable[str]) -> Placement | None:
    """Give the booths `booth_ids` (documents of tables["booths"] this import added or changed) that have no
    position a place on the fair's floor plan, changing `tables` in place. None when there is nothing to do:
    no plan (a schema 1 store is laid out when it is opened), or every such booth has a position."""
    fair_docs = [(doc_id, doc) for doc_id, doc in tables.get("fair", {}).items() if isinstance(doc, dict)]
    if len(fair_docs) != 1 or not isinstance(fair_docs[0][1].get("plan"), dict):
        return None
    fair_id, fair = fair_docs[0]
    booths = tables.get("booths", {})
    wanted = set(booth_ids)
    placed: list[tuple[str, str, Rect]] = []
    new: list[tuple[str, str]] = []
    number_to_id: dict[str, str] = {}
    for doc_id, doc in booths.items():
        if not isinstance(doc, dict) or not isinstance(doc.get("booth_no"), str):
            continue
        rect = _position(doc)
        zone = str(doc.get("zone", ""))
        if rect is not None:
            placed.append((doc["booth_no"], zone, rect))
        elif doc_id in wanted and not any(doc.get(name) is not None for name in POSITION_FIELDS):
            new.append((doc["booth_no"], zone))
            number_to_id[doc["booth_no"]] = doc_id
    if not new:
        return None
    placement = place_booths(fair["plan"], placed, new)
    if placement.positions:
        tables["fair"] = dict(tables["fair"], **{fair_id: dict(fair, plan=placement.plan_doc)})
        tables["booths"] = dict(booths)
        for booth_no, rect in placement.positions.items():
            doc_id = number_to_id[booth_no]
            tables["booths"][doc_id] = dict(booths[doc_id], **rect.to_doc())
    return placement
