"""The automatic floor plan: zones laid out as blocks of back-to-back booth rows with aisles between, for
stores without a plan of their own (schema 1), the demo generator and `ocop-tui migrate`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ocop_tui.model import SCHEMA_VERSION
from ocop_tui.plan.reading import PlanProblems, read_plan
from ocop_tui.plan.shapes import (
    MAX_PLAN_SIDE,
    POSITION_FIELDS,
    ZONE_COLOURS,
    Aisle,
    Entrance,
    Landmark,
    Plan,
    Point,
    Rect,
    Zone,
    with_booths,
)
from ocop_tui.text import fold, natural_key

BOOTH_W, BOOTH_H = 4, 2  # one booth: about 4 m x 4 m, drawn 4 characters by 2 lines


ROW_AISLE = 2  # between two double rows of booths in a zone


GAP_X, GAP_Y = 4, 2  # between zones side by side / between bands of zones


SIDE = 3  # open floor between the outer wall and the zones


PROMENADE = 5  # the walkway along the street side, where the entrances are


STAGE_W, STAGE_H = 22, 4


MAX_INNER_WIDTH = 104  # cells: the plan then fits 120 columns beside the map's side panel


MAX_ROW = 12  # booths in one row of a zone before it wraps into another double row


FEATURE_SLOTS = (2, 2)  # a zone's landmark (display area, cooking booths) takes 2 x 2 booth slots


@dataclass
class _Block:
    zone: str
    booths: list[str]
    feature: tuple[str, str] | None  # (landmark kind, name)
    columns: int = 0
    rows: int = 0
    x: int = 0
    y: int = 0
    slots: list[tuple[int, int]] = field(default_factory=list)

    def measure(self) -> None:
        reserved = FEATURE_SLOTS[0] * FEATURE_SLOTS[1] if self.feature else 0
        count = len(self.booths) + reserved
        # Wide, shallow blocks: double rows of at most MAX_ROW booths, filled evenly so rows end together.
        per_row = max(MAX_ROW, math.ceil(math.sqrt(count / 2)))  # a very big zone gets longer rows
        self.rows = max(2, 2 * math.ceil(count / (2 * per_row)))
        self.columns = max(FEATURE_SLOTS[0] if self.feature else 1, math.ceil(count / self.rows))

    @property
    def width(self) -> int:
        return self.columns * BOOTH_W

    @property
    def height(self) -> int:
        doubles, single = divmod(self.rows, 2)
        return doubles * 2 * BOOTH_H + single * BOOTH_H + (doubles + single - 1) * ROW_AISLE

    def slot_rect(self, column: int, row: int) -> Rect:
        # Rows come in back-to-back pairs: the first faces the aisle above, the second the one below.
        pair, second = divmod(row, 2)
        y = self.y + pair * (2 * BOOTH_H + ROW_AISLE) + second * BOOTH_H
        return Rect(self.x + column * BOOTH_W, y, BOOTH_W, BOOTH_H)


def _column_height(column: list[_Block]) -> int:
    return sum(b.height for b in column) + GAP_Y * (len(column) - 1)


def _bands(blocks: list[_Block], target: int) -> list[list[list[_Block]]]:
    """Shelf packing in the given order: bands of columns, each band at most `target` wide."""
    bands: list[list[list[_Block]]] = []
    start = 0
    while start < len(blocks):
        end = start + 1
        while end < len(blocks) and _band_width(_columns(blocks[start : end + 1])) <= target:
            end += 1
        bands.append(_columns(blocks[start:end]))
        start = end
    return bands


def _columns(blocks: list[_Block]) -> list[list[_Block]]:
    depth = max(b.height for b in blocks)
    columns: list[list[_Block]] = []
    for block in blocks:
        column = columns[-1] if columns else None
        if (
            column is not None
            and block.width <= max(b.width for b in column)
            and _column_height(column) + GAP_Y + block.height <= depth
        ):
            column.append(block)
        else:
            columns.append([block])
    return columns


def _band_width(band: list[list[_Block]]) -> int:
    return sum(max(b.width for b in column) for column in band) + GAP_X * (len(band) - 1)


def _feature_for(zone: str) -> tuple[str, str] | None:
    """Zones of the fish sauce area get their landmark: the display stands or the cooking booths."""
    key = fold(zone)
    if "nuoc mam" not in key and "fish sauce" not in key:
        return None
    if "am thuc" in key or "nau" in key or "cooking" in key or "food" in key:
        return ("cooking", "Bếp nấu món ăn nước mắm Phú Quốc")
    return ("fish_sauce", "Khu trưng bày nước mắm")


def auto_layout(booths: Sequence[tuple[str, str]], zones: Sequence[str] | None = None) -> Plan:
    """Lay out (booth_no, zone) pairs: zones as blocks of back-to-back booth rows with aisles between,
    packed in bands with the first zones nearest the entrances on the street (south) side, a stage on
    the far side, toilets, an information desk, a kiosk point and side exits.
    """
    order: list[str] = list(dict.fromkeys(list(zones or ()) + [zone for _, zone in booths]))
    by_zone: dict[str, list[str]] = {zone: [] for zone in order}
    for booth_no, zone in booths:
        by_zone[zone].append(booth_no)
    blocks = [_Block(zone, sorted(nos, key=natural_key), _feature_for(zone)) for zone, nos in by_zone.items() if nos]
    for block in blocks:
        block.measure()
    area = sum((b.width + GAP_X) * (b.height + GAP_Y) for b in blocks) or 1
    # About 3.5 times wider than deep, but no wider than a big terminal shows at the normal zoom.
    # (Huge fairs grow wider instead, so the plan stays within MAX_PLAN_SIDE in depth.)
    target = max(
        [STAGE_W + 30]
        + [b.width for b in blocks]
        + [min(MAX_INNER_WIDTH, round(math.sqrt(area * 3.5))), math.ceil(area / (MAX_PLAN_SIDE * 0.8))]
    )
    # Bands of zones as wide as `target`; inside a band a short zone stacks under the one before it
    # when the band's deepest zone leaves room.
    widest = MAX_PLAN_SIDE - 2 * (1 + SIDE)
    top = 1 + STAGE_H + 3  # wall, stage, the floor in front of the stage
    while True:
        bands = _bands(blocks, target)
        depths = [max(_column_height(c) for c in band) for band in bands]
        height = top + sum(depths) + GAP_Y * max(0, len(bands) - 1) + PROMENADE + 1
        if height <= MAX_PLAN_SIDE or target >= widest:
            break
        target = min(widest, math.ceil(target * height / (MAX_PLAN_SIDE * 0.95)))  # too deep: go wider
    inner = max([STAGE_W + 30] + [_band_width(band) for band in bands])
    width = inner + 2 * (1 + SIDE)
    # Band 0 (the first zones) sits next to the promenade; later bands go further from the street.
    y = height - 1 - PROMENADE
    aisles: list[Aisle] = [Aisle("Lối đi chính", Rect(1, height - 1 - PROMENADE, width - 2, PROMENADE))]
    for index, (band, depth) in enumerate(zip(bands, depths)):
        y -= depth
        used = sum(max(b.width for b in column) for column in band)
        gaps = len(band) - 1
        x = 1 + SIDE + (0 if gaps else (inner - used) // 2)
        spare = inner - used - GAP_X * gaps
        for position, column in enumerate(band):
            column_width = max(b.width for b in column)
            top_y = y + (depth - _column_height(column)) // 2
            for block in column:
                block.x, block.y = x + (column_width - block.width) // 2, top_y
                top_y += block.height + GAP_Y
            x += column_width + GAP_X + (spare // gaps + (1 if position < spare % gaps else 0) if gaps else 0)
        if index:
            aisles.append(Aisle(f"Lối đi ngang {index}", Rect(1, y + depth, width - 2, GAP_Y)))
        y -= GAP_Y
    aisles.append(Aisle("Sân trước sân khấu", Rect(1, 1 + STAGE_H, width - 2, 3)))
    zone_list: list[Zone] = []
    landmarks: list[Landmark] = []
    places: list[tuple[str, str, Rect]] = []
    for index, block in enumerate(blocks):
        rect = Rect(block.x, block.y, block.width, block.height)
        zone_list.append(Zone(block.zone, rect.grow(1), index % ZONE_COLOURS))
        slots = [(c, r) for r in range(block.rows) for c in range(block.columns)]
        if block.feature:
            fw, fh = FEATURE_SLOTS
            slots = [(c, r) for c, r in slots if not (c < fw and r < fh)]
            corner, far = block.slot_rect(0, 0), block.slot_rect(fw - 1, fh - 1)
            landmarks.append(
                Landmark(
                    block.feature[0],
                    block.feature[1],
                    Rect(corner.x, corner.y, far.right - corner.x, far.bottom - corner.y),
                )
            )
        for booth_no, (column, row) in zip(block.booths, slots):
            places.append((booth_no, block.zone, block.slot_rect(column, row)))
    middle = width // 2
    landmarks += [
        Landmark("stage", "Sân khấu chính", Rect(middle - STAGE_W // 2, 1, STAGE_W, STAGE_H)),
        Landmark("toilet", "Nhà vệ sinh (Tây)", Rect(1, 1, 6, 3)),
        Landmark("toilet", "Nhà vệ sinh (Đông)", Rect(width - 7, 1, 6, 3)),
        Landmark("first_aid", "Trạm y tế", Rect(9, 1, 5, 2)),
        Landmark("info", "Quầy thông tin", Rect(middle + 4, height - 4, 6, 2)),
    ]
    entrances = (
        Entrance("Cổng chính", middle, height - 1),
        Entrance("Cổng phụ phía Tây", width // 5, height - 1),
        Entrance("Cổng phụ phía Đông", width - 1 - width // 5, height - 1),
        Entrance("Lối thoát hiểm phía Tây", 0, height // 2, "exit"),
        Entrance("Lối thoát hiểm phía Đông", width - 1, height // 2, "exit"),
    )
    points = (Point("Ki-ốt tra cứu", middle + 2, height - 3, "n"),)
    plan = Plan(width, height, tuple(zone_list), tuple(aisles), entrances, tuple(landmarks), points, auto=True)
    return with_booths(plan, places, auto=True)


def build_plan(
    booth_docs: Sequence[Mapping[str, Any]], zones: Sequence[str] | None = None
) -> tuple[dict[str, Any], dict[str, tuple[int, int, int, int]]]:
    """For the demo generator and `migrate`: a plan document and each booth's (x, y, w, h) by booth number.

    `zones` gives the zones' order (the first ones go next to the entrances); zones only named by booths
    follow in order of first appearance.
    """
    plan = auto_layout([(str(doc["booth_no"]), str(doc.get("zone", ""))) for doc in booth_docs], zones)
    return plan.to_doc(), plan.positions()


def plan_from_records(plan_doc: Mapping[str, Any] | None, booths: Iterable[Any]) -> Plan:
    """The plan of a validated store: its own (version 2) or an automatic one when it has none.

    `booths` are Booth records (booth_no, zone, position). Booths without a position are left off a
    stored plan (validation has warned about them).
    """
    booths = list(booths)
    if plan_doc is None:
        return auto_layout([(b.booth_no, b.zone) for b in booths])
    plan = read_plan(plan_doc, PlanProblems())
    if plan is None:  # validation rejects such stores; be safe for records made in code
        return auto_layout([(b.booth_no, b.zone) for b in booths])
    placed = [(b.booth_no, b.zone, Rect(*b.position)) for b in booths if getattr(b, "position", None)]
    return with_booths(plan, placed)


def plan_from_tables(tables: Any) -> Plan:
    """The plan of checked tables (records.CheckedTables)."""
    fair = tables.fair
    return plan_from_records(fair.plan if fair is not None else None, tables.booths)


def migrate_tables(tables: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Raw version 1 tables -> version 2 tables with the automatic layout written in (a new dict)."""
    new = {name: {doc_id: dict(doc) for doc_id, doc in table.items()} for name, table in tables.items()}
    fair_docs = [doc for doc in new.get("fair", {}).values() if isinstance(doc, dict)]
    if any(doc.get("plan") is not None for doc in fair_docs):  # it has its own plan: only the version changes
        for doc in fair_docs:
            doc["schema_version"] = SCHEMA_VERSION
        return new
    booth_docs = [doc for doc in new.get("booths", {}).values() if isinstance(doc, dict) and "booth_no" in doc]
    plan_doc, positions = build_plan(booth_docs)
    by_key = {fold(str(no).strip()): rect for no, rect in positions.items()}
    for doc in booth_docs:
        rect = by_key.get(fold(str(doc["booth_no"]).strip()))
        if rect is not None:
            doc.update(zip(POSITION_FIELDS, rect))
    for doc in new.get("fair", {}).values():
        doc["plan"] = plan_doc
        doc["schema_version"] = SCHEMA_VERSION
    return new
