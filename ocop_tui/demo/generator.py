"""The demo fair: a deterministic, realistic-looking Mekong Delta OCOP Forum (Kiên Giang 2024) for data/fair.json.

`generate_fair()` builds TinyDB tables that pass the data contract with no warnings. At the default size it
matches the forum's published figures: 320 booths, 2,951 products, 269 of them from Kiên Giang, all 13
provinces, about 73% 3★ / 23% 4★ / the rest 5★, about 70% food, and the automatic floor plan written in
(schema version 2). Other sizes scale the same proportions, for benchmarks (14,000 is the national
catalogue, 100,000 the stress size).

Everything comes from one random.Random(seed) and from lists in a fixed order (never a set of strings, whose
order changes between runs), so the same arguments always give the same tables. Names, brands, people and
phone numbers are invented; the specialities are real (see demo_specialities.py). It is not the official list.
"""

from __future__ import annotations

import heapq
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from ocop_tui.demo.specialities import (
    BIRTH_ORDER,
    BRAND_FIRST,
    BRAND_SECOND,
    CRAFT_VARIANTS,
    FAMILY_NAMES,
    FOOD_VARIANTS,
    GEO,
    GIVEN_FEMALE,
    GIVEN_MALE,
    MIDDLE_FEMALE,
    MIDDLE_MALE,
    SPECIALITIES,
    FixedProducer,
    Pack,
    Spec,
    Speciality,
)
from ocop_tui.model import PRODUCT_SETS, PROVINCES, SCHEMA_VERSION
from ocop_tui.plan.layout import build_plan
from ocop_tui.plan.shapes import MAX_PLAN_SIDE, POSITION_FIELDS
from ocop_tui.text import fold

__all__ = [
    "DEFAULT_BOOTHS",
    "DEFAULT_PRODUCTS",
    "DEFAULT_SEED",
    "ZONES",
    "Zone",
    "default_booths",
    "generate_fair",
    "with_floor_plan",
]

DEFAULT_PRODUCTS = 2951
DEFAULT_BOOTHS = 320
DEFAULT_SEED = 2024
HOST = "Kiên Giang"
HOST_PRODUCTS = 269  # of DEFAULT_PRODUCTS

# Targets from the end-of-2024 national mix (OCOP-DOMAIN.md section 1).
GROUP_SHARES = {"food": 0.70, "drinks": 0.08, "herbal": 0.055, "handicrafts": 0.095, "ornamentals": 0.045,
                "tourism": 0.025}  # fmt: skip
STAR_SHARES = {5: 0.033, 4: 0.235}  # the rest are 3★
TYPE_SHARES = {"household": 0.40, "cooperative": 0.30, "enterprise": 0.23, "cooperative_group": 0.04,
               "craft_village": 0.03}  # fmt: skip
# Certificates last 36 months, so most products on show were certified (or renewed) from 2021 on.
YEAR_WEIGHTS = {2019: 3, 2020: 5, 2021: 15, 2022: 25, 2023: 30, 2024: 22}
# Relative number of OCOP products of the other twelve provinces.
PROVINCE_WEIGHTS = {
    "Long An": 9,
    "Tiền Giang": 10,
    "Bến Tre": 11,
    "Trà Vinh": 9,
    "Vĩnh Long": 8,
    "Đồng Tháp": 12,
    "An Giang": 11,
    "Cần Thơ": 8,
    "Hậu Giang": 5,
    "Sóc Trăng": 7,
    "Bạc Liêu": 3,
    "Cà Mau": 7,
}
HOST_BOOTH_BOOST = 1.6  # the host province has more booths per product
STAR_PRICE = {3: 1.0, 4: 1.1, 5: 1.25}
TYPE_SCORE = {"enterprise": 0.35, "cooperative": 0.25, "craft_village": 0.1, "cooperative_group": 0.05,
              "household": 0.0}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Zone:
    """An area of the fairground; booth numbers start with its letter."""

    letter: str
    vi: str
    en: str


ZONE_HOST = Zone("A", "Khu tỉnh chủ nhà Kiên Giang", "Host province: Kien Giang")
ZONE_FISH_SAUCE = Zone("B", "Khu trưng bày nước mắm", "Fish sauce display")
ZONE_COOKING = Zone("C", "Khu ẩm thực nước mắm Phú Quốc", "Phu Quoc fish sauce cooking booths")
_PAVILION_LETTERS = "DEFGHKLMNPQR"  # no I or O: they read as 1 and 0 on a booth sign
PROVINCE_ZONES: dict[str, Zone] = {
    name: Zone(
        letter,
        f"Khu thành phố {name}" if name == "Cần Thơ" else f"Khu tỉnh {name}",
        f"{PROVINCES[name].label.en} pavilion",
    )
    for letter, name in zip(_PAVILION_LETTERS, [p for p in PROVINCES if p != HOST])
}
ZONE_CRAFTS = Zone("S", "Khu thủ công mỹ nghệ – làng nghề", "Handicrafts and craft villages")
ZONE_ORNAMENTALS = Zone("T", "Khu sinh vật cảnh – hoa kiểng", "Flowers and ornamental plants")
ZONE_TOURISM = Zone("U", "Khu du lịch cộng đồng", "Community tourism")
ZONES: tuple[Zone, ...] = (ZONE_HOST, ZONE_FISH_SAUCE, ZONE_COOKING, *PROVINCE_ZONES.values(), ZONE_CRAFTS,
                           ZONE_ORNAMENTALS, ZONE_TOURISM)  # fmt: skip
_ZONE_ORDER = {zone.letter: index for index, zone in enumerate(ZONES)}

FAIR: dict[str, Any] = {
    "name": "Diễn đàn OCOP Đồng bằng sông Cửu Long – Kiên Giang 2024",
    "name_en": "Mekong Delta OCOP Forum – Kien Giang 2024",
    "theme": "Liên kết cùng phát triển – Kiên Giang 2024",
    "theme_en": "Linking together for development - Kien Giang 2024",
    "venue": "Công viên Văn hóa An Hòa",
    "city": "Rạch Giá, Kiên Giang",
    "start_date": "2024-09-29",
    "end_date": "2024-10-03",
    "schema_version": 1,  # 2 once the floor plan is written in (with_floor_plan)
    "demo": True,
}

_EXTRA_SENTENCES = {
    "food": (
        "Hương vị đặc biệt của miền Tây sông nước.",
        "Đóng gói tiện lợi, phù hợp làm quà biếu.",
        "Không chất bảo quản, không phẩm màu.",
        "Có mã QR truy xuất nguồn gốc trên bao bì.",
        "Đặc biệt được ưa chuộng vào dịp Tết.",
    ),
    "drinks": (
        "Uống ngon hơn khi để lạnh.",
        "Chai thủy tinh, phù hợp làm quà biếu.",
        "Hương vị đặc biệt, không pha hương liệu.",
    ),
    "herbal": ("Có giấy kiểm nghiệm chất lượng.", "Hướng dẫn sử dụng in trên bao bì."),
    "handicrafts": (
        "Mỗi sản phẩm làm thủ công nên hoa văn có khác biệt nhỏ.",
        "Nhận đặt hàng số lượng lớn và làm theo mẫu.",
        "Quà lưu niệm đặc biệt cho du khách.",
    ),
    "ornamentals": ("Giao cây tận nơi trong tỉnh.", "Được hướng dẫn cách chăm sóc khi mua."),
    "tourism": (
        "Đặt trước một ngày qua điện thoại của gian hàng.",
        "Giá đã gồm hướng dẫn viên địa phương và bữa trưa.",
    ),
}


def default_booths(products: int) -> int:
    """The forum's 320 booths for 2,951 products, scaled to another catalogue size."""
    return max(1, round(products * DEFAULT_BOOTHS / DEFAULT_PRODUCTS))


def generate_fair(
    products: int = DEFAULT_PRODUCTS, booths: int | None = None, seed: int = DEFAULT_SEED, *, floor_plan: bool = True
) -> dict[str, dict[str, dict[str, Any]]]:
    """The demo fair as TinyDB tables {"fair": {"1": ...}, "booths": {...}, "products": {...}}.

    `booths` defaults to 320 at the default size and scales with `products` otherwise. With `floor_plan`
    the automatic floor plan is written in (schema version 2) when the booths fit on one; without it, or
    for thousands of booths, the store is schema version 1.
    """
    if isinstance(products, bool) or not isinstance(products, int) or products < 1:
        raise ValueError("products must be a whole number of at least 1")
    if booths is None:
        booths = default_booths(products)
    if isinstance(booths, bool) or not isinstance(booths, int) or booths < 1:
        raise ValueError("booths must be a whole number of at least 1")
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


# Helpers ---------------------------------------------------------------------------------------------


def apportion(total: int, weights: Sequence[float], *, floor: int = 0, caps: Sequence[int] | None = None) -> list[int]:
    """Split `total` in proportion to `weights` (largest remainder), each part within [floor, cap].

    Ties go to the earlier index, so the split is deterministic.
    """
    count = len(weights)
    if count == 0:
        return []
    highs = list(caps) if caps is not None else [total] * count
    lows = [min(floor, high) for high in highs]
    weight_sum = float(sum(weights))
    ideal = [total * w / weight_sum for w in weights] if weight_sum > 0 else [total / count] * count
    result = [min(max(int(x), lows[i]), highs[i]) for i, x in enumerate(ideal)]
    diff = total - sum(result)
    if diff > 0:
        heap = [(result[i] - ideal[i], i) for i in range(count) if result[i] < highs[i]]
        heapq.heapify(heap)
        while diff > 0 and heap:
            _, i = heapq.heappop(heap)
            result[i] += 1
            diff -= 1
            if result[i] < highs[i]:
                heapq.heappush(heap, (result[i] - ideal[i], i))
    elif diff < 0:
        heap = [(ideal[i] - result[i], i) for i in range(count) if result[i] > lows[i]]
        heapq.heapify(heap)
        while diff < 0 and heap:
            _, i = heapq.heappop(heap)
            result[i] -= 1
            diff += 1
            if result[i] > lows[i]:
                heapq.heappush(heap, (ideal[i] - result[i], i))
    return result


def ascii_name(text: str) -> str:
    """Vietnamese without diacritics, case kept ("Khải Hoàn" -> "Khai Hoan"), for English names."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _join_vi(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " và " + words[-1]


def _category(kind: Speciality) -> str:
    if kind.key == "kg_fish_sauce":
        return "fish"
    group = PRODUCT_SETS[kind.subgroup].group
    return group if group in ("handicrafts", "ornamentals", "tourism") else "general"


_FAMILIES = [name for name, _ in FAMILY_NAMES]
_FAMILY_WEIGHTS = list(accumulate(weight for _, weight in FAMILY_NAMES))
_YEARS = list(YEAR_WEIGHTS)
_YEAR_WEIGHTS = list(accumulate(YEAR_WEIGHTS.values()))


def _variety(kind: Speciality) -> int:
    """How many different SKUs (spec and pack) one producer can make of `kind`."""
    return sum(len(spec.packs or kind.packs) for spec in kind.specs)


_COOP_WORDS = ("Dịch vụ Nông nghiệp", "Sản xuất Thương mại Dịch vụ", "Nông nghiệp Thương mại", "Nông nghiệp Sạch")
_CATEGORY_ZONE = {"handicrafts": ZONE_CRAFTS, "ornamentals": ZONE_ORNAMENTALS, "tourism": ZONE_TOURISM}


@dataclass(eq=False, slots=True)
class _Producer:
    name: str
    brand: str
    kind: str  # exhibitor type
    owner: str
    district: int
    commune: int
    fixed_stars: int | None = None


@dataclass(eq=False, slots=True)
class _Booth:
    province: str
    category: str
    zone: Zone
    contents: list[tuple[Speciality, int]]
    lead: Speciality | None = None
    fixed: FixedProducer | None = None
    kind: str = ""
    exhibitor: _Producer | None = None
    booth_no: str = ""


@dataclass(eq=False, slots=True)
class _Line:
    """Several SKUs of one speciality from one producer, certified together."""

    booth: _Booth
    producer: _Producer
    speciality: Speciality
    skus: int
    stars: int | None = None
    score: float = 0.0


class _Generator:
    def __init__(self, products: int, booths: int, seed: int) -> None:
        self.products = products
        self.booths = booths
        self.rng = random.Random(seed)
        self.seed = seed
        self.producer_names: dict[str, None] = {}
        self.product_names: dict[str, None] = {}
        self.taken: dict[tuple[int, int, int], dict[int, int]] = {}
        self.combo_queues: dict[tuple[str, str], list[Any]] = {}
        self.fixed_left: dict[str, list[FixedProducer]] = {k.key: list(k.fixed) for k in SPECIALITIES}
        self.top_left: dict[str, bool] = {k.key: k.top_stars for k in SPECIALITIES}

    # Counts ------------------------------------------------------------------------------------------

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

    # Booths ------------------------------------------------------------------------------------------

    def plan_booths(self) -> list[_Booth]:
        counts = self.province_counts()
        per_group = self.group_counts(counts)
        provinces = list(counts)
        booth_counts = apportion(
            self.booths, [counts[p] * (HOST_BOOTH_BOOST if p == HOST else 1.0) for p in provinces], floor=1
        )
        booths: list[_Booth] = []
        for province, booth_count in zip(provinces, booth_counts):
            cells: dict[str, list[tuple[Speciality, int]]] = {}
            for kind, count in self.speciality_counts(province, per_group[province]):
                cells.setdefault(_category(kind), []).append((kind, count))
            booths.extend(self.plan_province(province, booth_count, cells))
        return booths

    def plan_province(
        self, province: str, booth_count: int, cells: dict[str, list[tuple[Speciality, int]]]
    ) -> list[_Booth]:
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
        booths: list[_Booth] = []
        for name, count in zip(names, split):
            booths.extend(self.plan_cell(province, name, count, cells[name]))
        return booths

    def plan_cell(self, province: str, category: str, count: int, kinds: list[tuple[Speciality, int]]) -> list[_Booth]:
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
            zones = [_CATEGORY_ZONE[category]] * count
        # Cooking booths are small stands; the others vary around the average.
        weights = [self.rng.uniform(0.5, 1.5) * (0.6 if zone is ZONE_COOKING else 1.0) for zone in zones]
        sizes = apportion(total, weights, floor=1 if total >= count else 0)
        booths: list[_Booth] = []
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
            booths.append(_Booth(province, category, zone, contents))
        return booths

    def choose_leads(self, booths: list[_Booth]) -> None:
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

    def choose_types(self, booths: list[_Booth]) -> None:
        quotas = dict(zip(TYPE_SHARES, apportion(len(booths), list(TYPE_SHARES.values()))))
        initial = dict(quotas)
        free: list[_Booth] = []
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

    # People and producers ----------------------------------------------------------------------------

    def person(self) -> tuple[str, str, bool]:
        """(full name, given name, female)."""
        rng = self.rng
        family = rng.choices(_FAMILIES, cum_weights=_FAMILY_WEIGHTS)[0]
        female = rng.random() < 0.55
        middle = rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE)
        given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
        while given == middle:  # no "Huỳnh Minh Minh"
            given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
        return f"{family} {middle} {given}", given, female

    def phone(self) -> str:
        digits = f"{self.rng.randrange(10**8):08d}"
        return f"09{digits[:2]} {digits[2:5]} {digits[5:]}"

    def location(self, kind: Speciality, province: str) -> tuple[int, int]:
        geo = GEO[province]
        rng = self.rng
        district = kind.district if rng.random() < 0.75 else rng.choice(geo.districts)
        index = geo.districts.index(district) if district in geo.districts else 0
        low, high = geo.communes
        step = max(1, (high - low) // len(geo.districts))
        start = low + index * step
        return district, rng.randrange(start, start + step)

    def new_producer(self, kind_of: str, speciality: Speciality, province: str) -> _Producer:
        rng = self.rng
        places = speciality.places or GEO[province].places
        owner, given, female = self.person()
        name = brand = ""
        for attempt in range(12):
            place = rng.choice(places if attempt < 6 else GEO[province].places)
            if kind_of == "enterprise":
                first, second = rng.choice(BRAND_FIRST), rng.choice(BRAND_SECOND)
                if first == second:
                    continue
                brand = f"{first} {second}"
                form = rng.choices(
                    ("Công ty TNHH {s} {b}", "Công ty TNHH MTV {s} {b}", "Công ty Cổ phần {s} {b}",
                     "Doanh nghiệp tư nhân {b}", "Công ty TNHH {b}"),
                    (45, 15, 15, 15, 10),
                )[0]  # fmt: skip
                name = form.format(s=speciality.sector, b=brand)
            elif kind_of == "cooperative":
                brand = place
                coop = speciality.coop if attempt < 2 else rng.choice(_COOP_WORDS + (speciality.coop,))
                name = f"HTX {coop} {place}"
            elif kind_of == "cooperative_group":
                brand = place
                name = f"Tổ hợp tác {speciality.short} {place}"
            elif kind_of == "craft_village":
                brand = place
                name = f"{speciality.village or 'Làng nghề ' + speciality.short} {place}"
            else:
                order = rng.choice(BIRTH_ORDER)
                title = rng.choice(("Cô", "Bà", "Dì") if female else ("Chú", "Ông", "Anh"))
                brand = rng.choices((f"{order} {given}", f"{title} {given}", f"{title} {order}"), (5, 3, 2))[0]
                form = rng.choices(
                    (f"Hộ kinh doanh {owner}", f"Cơ sở sản xuất {brand}", f"Cơ sở {speciality.short} {brand}",
                     f"Hộ SXKD {owner}"),
                    (45, 20, 20, 15),
                )[0]  # fmt: skip
                name = form
            if name not in self.producer_names:
                break
            if kind_of == "household":
                owner, given, female = self.person()
        else:
            number = 2
            while f"{name} {number}" in self.producer_names:
                number += 1
            name = f"{name} {number}"
        self.producer_names[name] = None
        district, commune = self.location(speciality, province)
        return _Producer(name, brand, kind_of, owner, district, commune)

    def fixed_producer(self, fixed: FixedProducer, speciality: Speciality, province: str) -> _Producer:
        owner, _, _ = self.person()
        self.producer_names[fixed.producer] = None
        district, commune = self.location(speciality, province)
        return _Producer(fixed.producer, fixed.brand, fixed.exhibitor_type, owner, district, commune, fixed.stars)

    # Lines -------------------------------------------------------------------------------------------

    def booth_lines(self, booth: _Booth) -> list[_Line]:
        """The exhibitor's own SKUs (one line per speciality), then partner producers' for the rest."""
        rng = self.rng
        assert booth.lead is not None
        if booth.fixed is not None:
            exhibitor = self.fixed_producer(booth.fixed, booth.lead, booth.province)
        else:
            exhibitor = self.new_producer(booth.kind, booth.lead, booth.province)
        booth.exhibitor = exhibitor
        size = sum(n for _, n in booth.contents)
        own = size if size <= 3 else max(1, round(size * rng.uniform(0.55, 0.85)))
        lines: list[_Line] = []
        partner: _Producer | None = None
        partner_left = 0
        used: dict[tuple[str, str], int] = {}
        for kind, count in booth.contents:
            left = count
            variety = _variety(kind)
            # A named producer shows only its own speciality; the others may show several.
            if own > 0 and (booth.fixed is None or kind is booth.lead):
                wanted = booth.fixed.skus if booth.fixed is not None else own
                skus = min(left, own, wanted, variety)
                line = _Line(booth, exhibitor, kind, skus, stars=exhibitor.fixed_stars)
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
                    partner = self.new_producer(partner_kind, kind, booth.province)
                    partner_left = rng.randint(1, 5)
                    key = (partner.name, kind.key)
                skus = min(partner_left, left, rng.randint(1, 4), variety - used.get(key, 0))
                used[key] = used.get(key, 0) + skus
                partner_left -= skus
                lines.append(_Line(booth, partner, kind, skus))
                left -= skus
        return lines

    def assign_stars(self, lines: list[_Line]) -> None:
        rng = self.rng
        fixed = {5: 0, 4: 0}
        for line in lines:
            if line.stars in fixed:
                fixed[line.stars] += line.skus
            line.score = rng.random() + TYPE_SCORE.get(line.producer.kind, 0.0)
        free = sorted((line for line in lines if line.stars is None), key=lambda line: -line.score)

        def fill(candidates: list[_Line], stars: int) -> None:
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

    # Products ----------------------------------------------------------------------------------------

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

    def combos(self, producer: _Producer, kind: Speciality, count: int) -> list[tuple[Spec, Pack]]:
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

    def line_products(self, line: _Line) -> list[dict[str, Any]]:
        rng = self.rng
        kind = line.speciality
        producer = line.producer
        stars = line.stars or 3
        group = PRODUCT_SETS[kind.subgroup].group
        year = rng.choices(_YEARS, cum_weights=_YEAR_WEIGHTS)[0]
        chosen = self.combos(producer, kind, line.skus)
        brand_vi = producer.brand
        template_key = fold(kind.name.replace("{brand}", "").replace("{spec}", ""))
        before = fold(kind.name.split("{brand}")[0]).split()
        if fold(brand_vi) in template_key or (before and fold(brand_vi).split()[0] == before[-1]):
            brand_vi = ""  # no "Khóm Tắc Cậu Tắc Cậu" nor "Vú sữa Lò Rèn Vĩnh Kim Kim Sơn"
        brand_en = ascii_name(brand_vi)
        variants = kind.variants or (CRAFT_VARIANTS if group == "handicrafts" else FOOD_VARIANTS)
        price_factor = rng.uniform(0.85, 1.2) * STAR_PRICE[stars]
        extra_pool = _EXTRA_SENTENCES[group]
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

    def booth_doc(self, booth: _Booth) -> dict[str, Any]:
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
            "phone": self.phone(),
            "description": text,
        }

    # Everything --------------------------------------------------------------------------------------

    def run(self) -> dict[str, dict[str, dict[str, Any]]]:
        booths = self.plan_booths()
        self.choose_leads(booths)
        self.choose_types(booths)
        lines: list[_Line] = []
        for booth in booths:
            lines.extend(self.booth_lines(booth))
        self.assign_stars(lines)
        # Number the booths zone by zone, in the order they were planned (province by province), the
        # producers the notes name first (B-001 is Khải Hoàn's).
        booths.sort(key=lambda b: (_ZONE_ORDER[b.zone.letter], b.fixed is None))
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
            for doc in self.line_products(line):
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
