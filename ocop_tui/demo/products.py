"""The demo fair's products: each booth's lines (the exhibitor's own SKUs, then partner producers'), their
stars, and one product document per SKU with a unique name, a code in the GSO-based form and a price.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from ocop_tui.demo.booths import PlannedBooth
from ocop_tui.demo.figures import EXTRA_SENTENCES, STAR_PRICE, STAR_SHARES, TYPE_SCORE, YEAR_WEIGHTS
from ocop_tui.demo.people import People, Producer, ascii_name
from ocop_tui.demo.specialities import CRAFT_VARIANTS, FOOD_VARIANTS, SPECIALITIES, Pack, Spec, Speciality
from ocop_tui.model import PRODUCT_SETS, PROVINCES
from ocop_tui.text import fold

YEARS = list(YEAR_WEIGHTS)
YEAR_WEIGHTS_CUMULATIVE = list(accumulate(YEAR_WEIGHTS.values()))


def sku_variety(kind: Speciality) -> int:
    """How many different SKUs (spec and pack) one producer can make of `kind`."""
    return sum(len(spec.packs or kind.packs) for spec in kind.specs)


@dataclass(eq=False, slots=True)
class Line:
    """Several SKUs of one speciality from one producer, certified together."""

    booth: PlannedBooth
    producer: Producer
    speciality: Speciality
    skus: int
    stars: int | None = None
    score: float = 0.0


class ProductMaker:
    """Lines and product documents for the booths; names, codes and spec/pack combinations stay unique."""

    def __init__(self, products: int, rng: random.Random, people: People) -> None:
        self.products = products
        self.rng = rng
        self.people = people
        self.product_names: dict[str, None] = {}
        self.taken: dict[tuple[int, int, int], dict[int, int]] = {}
        self.combo_queues: dict[tuple[str, str], list[Any]] = {}
        self.top_left: dict[str, bool] = {k.key: k.top_stars for k in SPECIALITIES}

    def booth_lines(self, booth: PlannedBooth) -> list[Line]:
        """The exhibitor's own SKUs (one line per speciality), then partner producers' for the rest."""
        rng = self.rng
        assert booth.lead is not None
        if booth.fixed is not None:
            exhibitor = self.people.fixed_producer(booth.fixed, booth.lead, booth.province)
        else:
            exhibitor = self.people.new_producer(booth.kind, booth.lead, booth.province)
        booth.exhibitor = exhibitor
        size = sum(n for _, n in booth.contents)
        own = size if size <= 3 else max(1, round(size * rng.uniform(0.55, 0.85)))
        lines: list[Line] = []
        partner: Producer | None = None
        partner_left = 0
        used: dict[tuple[str, str], int] = {}
        for kind, count in booth.contents:
            left = count
            variety = sku_variety(kind)
            # A named producer shows only its own speciality; the others may show several.
            if own > 0 and (booth.fixed is None or kind is booth.lead):
                wanted = booth.fixed.skus if booth.fixed is not None else own
                skus = min(left, own, wanted, variety)
                line = Line(booth, exhibitor, kind, skus, stars=exhibitor.fixed_stars)
                if (line.stars is None and self.top_left[kind.key]
                        and exhibitor.kind in ("enterprise", "cooperative")):  # fmt: skip
                    self.top_left[kind.key] = False
                    line.stars = 5
                lines.append(line)
                own -= skus
                left -= skus
            while left > 0:
                key = (partner.name, kind.key) if partner is not None else ("", "")
                if partner is None or partner_left <= 0 or used.get(key, 0) >= variety:
                    partner_kind = rng.choices(("household", "cooperative", "enterprise", "cooperative_group"),
                                               (50, 30, 15, 5))[0]  # fmt: skip
                    partner = self.people.new_producer(partner_kind, kind, booth.province)
                    partner_left = rng.randint(1, 5)
                    key = (partner.name, kind.key)
                skus = min(partner_left, left, rng.randint(1, 4), variety - used.get(key, 0))
                used[key] = used.get(key, 0) + skus
                partner_left -= skus
                lines.append(Line(booth, partner, kind, skus))
                left -= skus
        return lines

    def assign_stars(self, lines: list[Line]) -> None:
        rng = self.rng
        fixed = {5: 0, 4: 0}
        for line in lines:
            if line.stars in fixed:
                fixed[line.stars] += line.skus
            line.score = rng.random() + TYPE_SCORE.get(line.producer.kind, 0.0)
        free = sorted((line for line in lines if line.stars is None), key=lambda line: -line.score)

        def fill(candidates: list[Line], stars: int) -> None:
            target = round(self.products * STAR_SHARES[stars]) - fixed[stars]
            total = 0
            for line in candidates:
                if total >= target:
                    break
                if total + line.skus - target <= target - total:  # taking it brings us closer
                    line.stars = stars
                    total += line.skus

        fill([line for line in free if line.producer.kind in ("enterprise", "cooperative")
              and PRODUCT_SETS[line.speciality.subgroup].group in ("food", "drinks", "herbal")], 5)  # fmt: skip
        fill([line for line in free if line.stars is None], 4)
        for line in free:
            if line.stars is None:
                line.stars = 3

    def unique_name(self, vi: str, en: str, size: str, variants: Sequence[tuple[str, str]]) -> tuple[str, str]:
        """The name itself if free, else with the pack size, else with a variant, else numbered."""
        if vi not in self.product_names:
            return vi, en
        if size:
            candidate = f"{vi} {size}"
            if candidate not in self.product_names:
                return candidate, f"{en} {size.replace('lít', 'l')}"
        words = vi.split()
        for variant_vi, variant_en in variants:
            if variant_vi.split()[0] in words:  # no "loại 1 loại đặc biệt" or "hộp quà" for a boxed SKU
                continue
            candidate = f"{vi} {variant_vi}"
            if candidate not in self.product_names:
                return candidate, f"{en}, {variant_en}"
        number = 2
        while f"{vi} (mẫu {number})" in self.product_names:
            number += 1
        return f"{vi} (mẫu {number})", f"{en} (model {number})"

    def combos(self, producer: Producer, kind: Speciality, count: int) -> list[tuple[Spec, Pack]]:
        """`count` spec and pack pairs, continuing where this producer's last line of `kind` stopped,
        so one producer's SKUs differ before any repeats."""
        key = (producer.name, kind.key)
        queue = self.combo_queues.get(key)
        if queue is None:
            pairs = [(spec, pack) for spec in kind.specs for pack in (spec.packs or kind.packs)]
            self.rng.shuffle(pairs)
            queue = self.combo_queues[key] = [pairs, 0]
        pairs, start = queue
        queue[1] = start + count
        return [pairs[(start + i) % len(pairs)] for i in range(count)]

    def free_commune(self, key: tuple[int, int, int], wanted: int) -> int:
        """The first commune number from `wanted` on not yet used with this district, stars and year.

        Real codes can repeat (two products of one commune, same stars and year); ours must be unique, so
        a taken number moves on to the next one. `taken` maps a used number to where to look next
        (union-find with path compression), so 100,000 products stay fast.
        """
        taken = self.taken.setdefault(key, {})
        free = wanted
        while free in taken:
            free = taken[free]
        while wanted in taken and taken[wanted] != free:
            taken[wanted], wanted = free, taken[wanted]
        taken[free] = (free + 1) % 100000
        return free

    def line_products(self, line: Line) -> list[dict[str, Any]]:
        rng = self.rng
        kind = line.speciality
        producer = line.producer
        stars = line.stars or 3
        group = PRODUCT_SETS[kind.subgroup].group
        year = rng.choices(YEARS, cum_weights=YEAR_WEIGHTS_CUMULATIVE)[0]
        chosen = self.combos(producer, kind, line.skus)
        brand_vi = producer.brand
        template_key = fold(kind.name.replace("{brand}", "").replace("{spec}", ""))
        before = fold(kind.name.split("{brand}")[0]).split()
        if fold(brand_vi) in template_key or (before and fold(brand_vi).split()[0] == before[-1]):
            brand_vi = ""  # no "Khóm Tắc Cậu Tắc Cậu" nor "Vú sữa Lò Rèn Vĩnh Kim Kim Sơn"
        brand_en = ascii_name(brand_vi)
        variants = kind.variants or (CRAFT_VARIANTS if group == "handicrafts" else FOOD_VARIANTS)
        price_factor = rng.uniform(0.85, 1.2) * STAR_PRICE[stars]
        extra_pool = EXTRA_SENTENCES[group]
        description = kind.description
        if rng.random() < 0.45:
            description += " " + rng.choice(extra_pool)
        description += f" Sản phẩm OCOP {stars} sao năm {year} của {producer.name}."
        gso = PROVINCES[line.booth.province].code
        docs: list[dict[str, Any]] = []
        for spec, pack in chosen:
            vi = " ".join(kind.name.format(brand=brand_vi, spec=spec.vi).split())
            en = " ".join(kind.name_en.format(brand=brand_en, spec=spec.en).split()).rstrip(",")
            vi, en = self.unique_name(vi, en, pack.size, variants)
            self.product_names[vi] = None
            price = pack.price * spec.factor * price_factor
            step = 10000 if price >= 1_000_000 else 1000
            commune = self.free_commune((producer.district, stars, year), producer.commune)
            code = f"{gso}-{producer.district}-{commune:05d}-{stars}-{year}"
            docs.append({
                "code": code,
                "name": vi,
                "name_en": en,
                "group": group,
                "subgroup": kind.subgroup,
                "stars": stars,
                "booth_no": line.booth.booth_no,
                "producer": producer.name,
                "province": line.booth.province,
                "price_vnd": max(step, round(price / step) * step),
                "unit": pack.unit,
                "description": description,
                "certified_year": year,
            })  # fmt: skip
        return docs
