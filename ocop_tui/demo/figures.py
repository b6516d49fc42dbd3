"""The demo fair's figures: the forum's published numbers, the national mix the generator aims at, the
zones of the fairground and the fair document itself (OCOP-DOMAIN.md section 1).

At the default size the generator matches the forum: 320 booths, 2,951 products, 269 of them from Kiên
Giang, all 13 provinces; other sizes scale the same proportions.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ocop_tui.model import PROVINCES

DEFAULT_PRODUCTS = 2951
DEFAULT_BOOTHS = 320
DEFAULT_SEED = 2024
# Upper bounds for demo-data: a 300,000-product store is about 220 MB, within what a store may be.
MAX_PRODUCTS = 300_000
MAX_BOOTHS = 30_000
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


ZONE_HOST = Zone("A", "Khu tỉnh chủ nhà Kiên Giang", "Kien Giang, host province")
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
ZONE_ORDER = {zone.letter: index for index, zone in enumerate(ZONES)}

FAIR: dict[str, Any] = {
    "name": "Diễn đàn OCOP Đồng bằng sông Cửu Long – Kiên Giang 2024",
    "name_en": "Mekong Delta OCOP Forum – Kien Giang 2024",
    "theme": "Liên kết cùng phát triển – Kiên Giang 2024",
    "theme_en": "Linking together for development – Kien Giang 2024",
    "venue": "Công viên Văn hóa An Hòa",
    "venue_en": "An Hoa Cultural Park",
    "city": "Rạch Giá, Kiên Giang",
    "city_en": "Rach Gia, Kien Giang",
    "start_date": "2024-09-29",
    "end_date": "2024-10-03",
    "schema_version": 1,  # 2 once the floor plan is written in (with_floor_plan)
    "demo": True,
}

EXTRA_SENTENCES = {
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
