"""Planning the demo fair's booths: how many products each province and group gets, which specialities go
to which booth and zone, which producer leads each booth and what kind of exhibitor it is.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from ocop_tui.demo.figures import (
    DEFAULT_PRODUCTS,
    GROUP_SHARES,
    HOST,
    HOST_BOOTH_BOOST,
    HOST_PRODUCTS,
    PROVINCE_WEIGHTS,
    PROVINCE_ZONES,
    TYPE_SHARES,
    ZONE_COOKING,
    ZONE_CRAFTS,
    ZONE_FISH_SAUCE,
    ZONE_HOST,
    ZONE_ORNAMENTALS,
    ZONE_TOURISM,
    Zone,
    apportion,
)
from ocop_tui.demo.people import Producer
from ocop_tui.demo.specialities import SPECIALITIES, FixedProducer, Speciality
from ocop_tui.model import PRODUCT_SETS, PROVINCES

CATEGORY_ZONE = {"handicrafts": ZONE_CRAFTS, "ornamentals": ZONE_ORNAMENTALS, "tourism": ZONE_TOURISM}


def booth_category(kind: Speciality) -> str:
    if kind.key == "kg_fish_sauce":
        return "fish"
    group = PRODUCT_SETS[kind.subgroup].group
    return group if group in ("handicrafts", "ornamentals", "tourism") else "general"


@dataclass(eq=False, slots=True)
class PlannedBooth:
    province: str
    category: str
    zone: Zone
    contents: list[tuple[Speciality, int]]
    lead: Speciality | None = None
    fixed: FixedProducer | None = None
    kind: str = ""
    exhibitor: Producer | None = None
    booth_no: str = ""


class BoothPlanner:
    """Splits `products` over `booths` booths province by province, then fills and labels each booth."""

    def __init__(self, products: int, booths: int, rng: random.Random) -> None:
        self.products = products
        self.booths = booths
        self.rng = rng

    def plan(self) -> list[PlannedBooth]:
        """Every booth with its contents, lead speciality and exhibitor type (not yet numbered)."""
        booths = self.plan_booths()
        self.choose_leads(booths)
        self.choose_types(booths)
        return booths

    def province_counts(self) -> dict[str, int]:
        others = [p for p in PROVINCES if p != HOST]
        other_weights = apportion(DEFAULT_PRODUCTS - HOST_PRODUCTS, [PROVINCE_WEIGHTS[p] for p in others])
        weights = {HOST: HOST_PRODUCTS, **dict(zip(others, other_weights))}
        # With fewer products or booths than provinces, the biggest provinces come first (the host always).
        order = [HOST] + sorted(others, key=lambda p: -weights[p])
        active = order[: min(len(order), self.products, self.booths)]
        counts = apportion(self.products, [weights[p] for p in active], floor=1)
        return {p: counts[active.index(p)] for p in PROVINCES if p in active}

    def group_counts(self, counts: dict[str, int]) -> dict[str, dict[str, int]]:
        """Products per province and group: rows fixed, columns near GROUP_SHARES (iterative fitting)."""
        provinces = list(counts)
        groups = list(GROUP_SHARES)
        matrix = [[sum(k.weight for k in SPECIALITIES if k.province == p and PRODUCT_SETS[k.subgroup].group == g)
                   for g in groups] for p in provinces]  # fmt: skip
        available = [g for j, g in enumerate(groups) if any(row[j] for row in matrix)]
        share_sum = sum(GROUP_SHARES[g] for g in available)
        col_targets = [self.products * GROUP_SHARES[g] / share_sum if g in available else 0.0 for g in groups]
        for _ in range(60):
            for j, target in enumerate(col_targets):
                total = sum(row[j] for row in matrix)
                if total > 0:
                    for row in matrix:
                        row[j] *= target / total
            for i, p in enumerate(provinces):
                total = sum(matrix[i])
                if total > 0:
                    matrix[i] = [x * counts[p] / total for x in matrix[i]]
        return {p: dict(zip(groups, apportion(counts[p], matrix[i]))) for i, p in enumerate(provinces)}

    def speciality_counts(self, province: str, groups: dict[str, int]) -> list[tuple[Speciality, int]]:
        result: list[tuple[Speciality, int]] = []
        for group, count in groups.items():
            kinds = [k for k in SPECIALITIES if k.province == province and PRODUCT_SETS[k.subgroup].group == group]
            if not kinds or not count:
                continue
            result.extend(zip(kinds, apportion(count, [k.weight for k in kinds])))
        return [(k, n) for k, n in result if n]

    def plan_booths(self) -> list[PlannedBooth]:
        counts = self.province_counts()
        per_group = self.group_counts(counts)
        provinces = list(counts)
        booth_counts = apportion(
            self.booths, [counts[p] * (HOST_BOOTH_BOOST if p == HOST else 1.0) for p in provinces], floor=1
        )
        booths: list[PlannedBooth] = []
        for province, booth_count in zip(provinces, booth_counts):
            cells: dict[str, list[tuple[Speciality, int]]] = {}
            for kind, count in self.speciality_counts(province, per_group[province]):
                cells.setdefault(booth_category(kind), []).append((kind, count))
            booths.extend(self.plan_province(province, booth_count, cells))
        return booths

    def plan_province(
        self, province: str, booth_count: int, cells: dict[str, list[tuple[Speciality, int]]]
    ) -> list[PlannedBooth]:
        names = sorted(cells, key=lambda c: -sum(n for _, n in cells[c]))
        if len(names) > booth_count:
            # Too few booths for every kind of stand: the smallest kinds join the biggest one.
            keep, merge = names[:booth_count], names[booth_count:]
            for name in merge:
                cells[keep[0]].extend(cells.pop(name))
            names = keep
        sizes = [sum(n for _, n in cells[c]) for c in names]
        caps = sizes if sum(sizes) >= booth_count else None
        split = apportion(booth_count, sizes, floor=1, caps=caps)
        booths: list[PlannedBooth] = []
        for name, count in zip(names, split):
            booths.extend(self.plan_cell(province, name, count, cells[name]))
        return booths

    def plan_cell(
        self, province: str, category: str, count: int, kinds: list[tuple[Speciality, int]]
    ) -> list[PlannedBooth]:
        kinds = list(kinds)
        self.rng.shuffle(kinds)
        total = sum(n for _, n in kinds)
        zones: list[Zone]
        if category == "fish":
            cooking = count // 3 if count >= 2 else 0
            zones = [ZONE_FISH_SAUCE] * (count - cooking) + [ZONE_COOKING] * cooking
        elif category == "general":
            zones = [ZONE_HOST if province == HOST else PROVINCE_ZONES[province]] * count
        else:
            zones = [CATEGORY_ZONE[category]] * count
        # Cooking booths are small stands; the others vary around the average.
        weights = [self.rng.uniform(0.5, 1.5) * (0.6 if zone is ZONE_COOKING else 1.0) for zone in zones]
        sizes = apportion(total, weights, floor=1 if total >= count else 0)
        booths: list[PlannedBooth] = []
        queue = [[kind, n] for kind, n in kinds]
        position = 0
        for zone, size in zip(zones, sizes):
            contents: list[tuple[Speciality, int]] = []
            while size > 0:
                kind, left = queue[position]
                take = min(left, size)
                contents.append((kind, take))
                size -= take
                queue[position][1] = left - take
                if left == take:
                    position += 1
            booths.append(PlannedBooth(province, category, zone, contents))
        return booths

    def choose_leads(self, booths: list[PlannedBooth]) -> None:
        # Producers the notes name lead the booths holding most of their speciality (display before cooking).
        for kind in SPECIALITIES:
            if not kind.fixed:
                continue
            holders = [b for b in booths if any(k is kind for k, _ in b.contents)]
            holders.sort(key=lambda b: (b.zone is ZONE_COOKING, -sum(n for k, n in b.contents if k is kind)))
            for booth, fixed in zip([b for b in holders if b.fixed is None], kind.fixed):
                booth.fixed = fixed
                booth.lead = kind
        for booth in booths:
            if not booth.contents:
                booth.lead = next(k for k in SPECIALITIES if k.province == booth.province)
                continue
            if booth.lead is None:
                booth.lead = max(booth.contents, key=lambda item: item[1])[0]
            # The lead speciality comes first: the exhibitor's own SKUs are listed before its partners'.
            booth.contents.sort(key=lambda item: item[0] is not booth.lead)

    def choose_types(self, booths: list[PlannedBooth]) -> None:
        quotas = dict(zip(TYPE_SHARES, apportion(len(booths), list(TYPE_SHARES.values()))))
        initial = dict(quotas)
        free: list[PlannedBooth] = []
        for booth in booths:
            if booth.fixed is not None:
                booth.kind = booth.fixed.exhibitor_type
                quotas[booth.kind] -= 1
            else:
                free.append(booth)
        order = list(range(len(free)))
        self.rng.shuffle(order)
        shuffled = [free[i] for i in order]
        # Craft villages first where a village makes the speciality (handicraft and flower stands first).
        villages = [b for b in shuffled if b.lead is not None and b.lead.village]
        villages.sort(key=lambda b: b.category not in ("handicrafts", "ornamentals"))
        for booth in villages[: max(0, quotas["craft_village"])]:
            booth.kind = "craft_village"
        quotas["craft_village"] = max(0, quotas["craft_village"] - len(villages))
        # Fish sauce is made by companies and family workshops.
        for booth in shuffled:
            if booth.kind or booth.category != "fish":
                continue
            booth.kind = max(("enterprise", "household"), key=lambda t: quotas[t] / max(1, initial[t]))
            quotas[booth.kind] -= 1
        quotas["cooperative"] += quotas.pop("craft_village")
        tokens = [kind for kind, n in quotas.items() for _ in range(max(0, n))]
        self.rng.shuffle(tokens)
        rest = [b for b in shuffled if not b.kind]
        tokens += ["household"] * (len(rest) - len(tokens))
        for booth, kind in zip(rest, tokens):
            booth.kind = kind
