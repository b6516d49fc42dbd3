"""The demo fair: a deterministic, realistic-looking Mekong Delta OCOP Forum (Kiên Giang 2024) for data/fair.json.

`generate_fair()` builds TinyDB tables that pass the data contract with no warnings. At the default size it
matches the forum's published figures: 320 booths, 2,951 products, 269 of them from Kiên Giang, all 13
provinces, about 73% 3★ / 23% 4★ / the rest 5★, about 70% food, and the automatic floor plan written in
(schema version 2). Other sizes scale the same proportions, for benchmarks (14,000 is the national
catalogue, 100,000 the stress size).

Everything comes from one random.Random(seed) and from lists in a fixed order (never a set of strings, whose
order changes between runs), so the same arguments always give the same tables. Names, brands, people and
phone numbers are invented; the specialities are real (see specialities.py). It is not the official list.
"""

from __future__ import annotations

import random
from typing import Any

from ocop_tui.demo.booths import BoothPlanner, PlannedBooth
from ocop_tui.demo.figures import (
    DEFAULT_PRODUCTS,
    DEFAULT_SEED,
    FAIR,
    MAX_BOOTHS,
    MAX_PRODUCTS,
    ZONE_COOKING,
    ZONE_FISH_SAUCE,
    ZONE_ORDER,
    ZONES,
    default_booths,
)
from ocop_tui.demo.people import People
from ocop_tui.demo.products import Line, ProductMaker
from ocop_tui.model import SCHEMA_VERSION
from ocop_tui.plan.layout import build_plan
from ocop_tui.plan.shapes import MAX_PLAN_SIDE, POSITION_FIELDS

__all__ = ["generate_fair", "with_floor_plan"]


def generate_fair(
    products: int = DEFAULT_PRODUCTS, booths: int | None = None, seed: int = DEFAULT_SEED, *, floor_plan: bool = True
) -> dict[str, dict[str, dict[str, Any]]]:
    """The demo fair as TinyDB tables {"fair": {"1": ...}, "booths": {...}, "products": {...}}.

    `booths` defaults to 320 at the default size and scales with `products` otherwise. With `floor_plan`
    the automatic floor plan is written in (schema version 2) when the booths fit on one; without it, or
    for thousands of booths, the store is schema version 1.
    """
    if isinstance(products, bool) or not isinstance(products, int) or not 1 <= products <= MAX_PRODUCTS:
        raise ValueError(f"products must be a whole number from 1 to {MAX_PRODUCTS}")
    if booths is None:
        booths = default_booths(products)
    if isinstance(booths, bool) or not isinstance(booths, int) or not 1 <= booths <= MAX_BOOTHS:
        raise ValueError(f"booths must be a whole number from 1 to {MAX_BOOTHS}")
    tables = _Generator(products, booths, seed).run()
    return with_floor_plan(tables) if floor_plan else tables


def with_floor_plan(tables: dict[str, dict[str, dict[str, Any]]]) -> dict[str, dict[str, dict[str, Any]]]:
    """Write the automatic floor plan into version 1 demo tables (in place), zones in ZONES order.

    The same layout `ocop-tui migrate` writes. A fair too big for a plan (a side over MAX_PLAN_SIDE
    cells, thousands of booths) is left as it is.
    """

    booth_docs = list(tables["booths"].values())
    plan_doc, positions = build_plan(booth_docs, [zone.vi for zone in ZONES])
    if max(plan_doc["width"], plan_doc["height"]) > MAX_PLAN_SIDE:
        return tables
    for doc in booth_docs:
        doc.update(zip(POSITION_FIELDS, positions[doc["booth_no"]]))
    fair = tables["fair"]["1"]
    fair["schema_version"] = SCHEMA_VERSION
    fair["plan"] = plan_doc
    return tables


def _join_vi(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " và " + words[-1]


class _Generator:
    """One demo fair: the booths planned, their products made, then booths numbered and documents written."""

    def __init__(self, products: int, booths: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.planner = BoothPlanner(products, booths, self.rng)
        self.people = People(self.rng)
        self.maker = ProductMaker(products, self.rng, self.people)

    def booth_doc(self, booth: PlannedBooth) -> dict[str, Any]:
        assert booth.exhibitor is not None
        rng = self.rng
        shorts: list[str] = []
        for kind, _ in booth.contents:
            if kind.short not in shorts:
                shorts.append(kind.short)
        goods = _join_vi(shorts or [booth.lead.short if booth.lead else "sản phẩm OCOP"])
        province = booth.province
        exhibitor = booth.exhibitor
        if booth.zone is ZONE_COOKING:
            text = (f"Nấu và mời khách nếm các món chấm nước mắm Phú Quốc {exhibitor.brand}; "
                    "bán nước mắm đóng chai tại chỗ.")  # fmt: skip
        elif booth.zone is ZONE_FISH_SAUCE:
            text = (f"Trưng bày {goods} của {exhibitor.name}; giới thiệu cách ủ chượp cá cơm "
                    "trong thùng gỗ.")  # fmt: skip
        elif booth.category == "handicrafts":
            text = f"Làm mẫu và bán {goods} của {province}; khách có thể thử làm tại gian hàng."
        elif booth.category == "ornamentals":
            text = f"Trưng bày và bán {goods} của {province}; nhận giao cây tận nơi."
        elif booth.category == "tourism":
            text = f"Giới thiệu và nhận đặt {goods} ở {province}."
        else:
            text = f"Trưng bày và bán {goods} – đặc sản {province}."
            if rng.random() < 0.3:
                text += " Mời khách dùng thử tại gian hàng."
        contact = exhibitor.owner
        return {
            "booth_no": booth.booth_no,
            "exhibitor": exhibitor.name,
            "exhibitor_type": booth.kind,
            "province": province,
            "zone": booth.zone.vi,
            "zone_en": booth.zone.en,
            "contact_name": contact,
            "phone": self.people.phone(),
            "description": text,
        }

    def run(self) -> dict[str, dict[str, dict[str, Any]]]:
        booths = self.planner.plan()
        lines: list[Line] = []
        for booth in booths:
            lines.extend(self.maker.booth_lines(booth))
        self.maker.assign_stars(lines)
        # Number the booths zone by zone, in the order they were planned (province by province), the
        # producers the notes name first (B-001 is Khải Hoàn's).
        booths.sort(key=lambda b: (ZONE_ORDER[b.zone.letter], b.fixed is None))
        position = {id(booth): index for index, booth in enumerate(booths)}
        per_zone: dict[str, int] = {}
        for booth in booths:
            per_zone[booth.zone.letter] = per_zone.get(booth.zone.letter, 0) + 1
        width = {letter: max(3, len(str(n))) for letter, n in per_zone.items()}
        seen: dict[str, int] = {}
        for booth in booths:
            letter = booth.zone.letter
            seen[letter] = seen.get(letter, 0) + 1
            booth.booth_no = f"{letter}-{seen[letter]:0{width[letter]}d}"
        lines.sort(key=lambda line: position[id(line.booth)])  # stable: a booth's lines keep their order
        booth_docs = {str(i): self.booth_doc(booth) for i, booth in enumerate(booths, start=1)}
        product_docs: dict[str, dict[str, Any]] = {}
        for line in lines:
            for doc in self.maker.line_products(line):
                product_docs[str(len(product_docs) + 1)] = doc
        fair = dict(FAIR)
        fair["note"] = (
            f"Dữ liệu mẫu do ocop-tui tạo (seed {self.seed}) để trình diễn và thử nghiệm; tên cơ sở, nhãn hiệu, "
            "người liên hệ và số điện thoại là hư cấu. Đây không phải danh sách chính thức của diễn đàn."
        )
        fair["note_en"] = (
            f"Demo data generated by ocop-tui (seed {self.seed}) for demonstrations and tests; producers, brands, "
            "contacts and phone numbers are invented. This is not the forum's official list."
        )
        return {"fair": {"1": fair}, "booths": booth_docs, "products": product_docs}
