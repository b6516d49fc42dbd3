"""The fair's records (Fair, Booth, Product) and the one table of domain labels in Vietnamese and English.

Records are frozen: the UI and the search index share them without copying. Fields the contract does not
name are kept in `extra`, so a store round-trips untouched.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ocop_tui.text import fold

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")
SCHEMA_VERSION = 2  # 2 added the floor plan (fair.plan, booth x/y/w/h); version 1 still reads
MIN_STARS, MAX_STARS = 3, 5


@dataclass(frozen=True, slots=True)
class Label:
    """A name shown to people, in both languages."""

    vi: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.vi if lang == "vi" else self.en


# The six OCOP product groups (QĐ 148/2023), in the programme's own order.
GROUPS: dict[str, Label] = {
    "food": Label("Thực phẩm", "Food"),
    "drinks": Label("Đồ uống", "Drinks"),
    "herbal": Label("Dược liệu", "Herbal products"),
    "handicrafts": Label("Thủ công mỹ nghệ", "Handicrafts"),
    "ornamentals": Label("Sinh vật cảnh", "Ornamentals"),
    "tourism": Label("Du lịch cộng đồng", "Community tourism"),
}


@dataclass(frozen=True, slots=True)
class ProductSet:
    """One of the 26 OCOP product sets (bộ sản phẩm), inside one group."""

    number: int
    group: str
    label: Label


_SETS: list[tuple[str, str, str]] = [
    ("food", "Rau, củ, quả, hạt tươi", "Fresh produce"),
    ("food", "Thịt, thủy sản tươi", "Fresh meat and fish"),
    ("food", "Gạo, ngũ cốc", "Rice and grains"),
    ("food", "Mật ong, mật khác", "Honey and syrups"),
    ("food", "Đồ ăn nhanh", "Ready meals"),
    ("food", "Chế biến từ gạo, ngũ cốc", "Rice-based foods"),
    ("food", "Chế biến từ rau, củ, quả", "Fruit and vegetable products"),
    ("food", "Chế biến từ thịt, thủy sản", "Meat and fish products"),
    ("food", "Tương, nước mắm, gia vị dạng lỏng", "Sauces and fish sauce"),
    ("food", "Gia vị khác: muối, hành, tiêu", "Salt, shallot, pepper and spices"),
    ("food", "Chè", "Tea"),
    ("food", "Trà thực vật khác", "Herbal teas"),
    ("food", "Cà phê, ca cao", "Coffee and cocoa"),
    ("drinks", "Rượu trắng", "Rice spirit"),
    ("drinks", "Đồ uống có cồn khác", "Other alcoholic drinks"),
    ("drinks", "Nước khoáng, nước uống", "Mineral water"),
    ("drinks", "Đồ uống không cồn", "Soft drinks"),
    ("herbal", "Thực phẩm chức năng, thuốc", "Supplements and medicines"),
    ("herbal", "Mỹ phẩm", "Cosmetics"),
    ("herbal", "Tinh dầu, dược liệu khác", "Essential oils"),
    ("handicrafts", "Gia dụng, trang trí", "Household and decorative"),
    ("handicrafts", "Vải, may mặc", "Textiles"),
    ("ornamentals", "Hoa", "Flowers"),
    ("ornamentals", "Cây cảnh", "Ornamental plants"),
    ("ornamentals", "Động vật cảnh", "Ornamental animals"),
    ("tourism", "Du lịch cộng đồng, sinh thái, điểm du lịch", "Community and eco-tourism"),
]
PRODUCT_SETS: dict[int, ProductSet] = {
    number: ProductSet(number, group, Label(vi, en)) for number, (group, vi, en) in enumerate(_SETS, start=1)
}

EXHIBITOR_TYPES: dict[str, Label] = {
    "cooperative": Label("Hợp tác xã", "Cooperative"),
    "enterprise": Label("Doanh nghiệp", "Enterprise"),
    "household": Label("Hộ sản xuất", "Household producer"),
    "craft_village": Label("Làng nghề", "Craft village"),
    "cooperative_group": Label("Tổ hợp tác", "Cooperative group"),
}


@dataclass(frozen=True, slots=True)
class Province:
    """A province as named in 2024, with its GSO code and the province it joined on 1 July 2025."""

    code: int
    label: Label
    merged_into: str


# The 13 Mekong Delta provinces as named at the forum (2024); Resolution 202/2025/QH15 merged them.
PROVINCES: dict[str, Province] = {
    p.label.vi: p
    for p in (
        Province(80, Label("Long An", "Long An"), "Tây Ninh"),
        Province(82, Label("Tiền Giang", "Tien Giang"), "Đồng Tháp"),
        Province(83, Label("Bến Tre", "Ben Tre"), "Vĩnh Long"),
        Province(84, Label("Trà Vinh", "Tra Vinh"), "Vĩnh Long"),
        Province(86, Label("Vĩnh Long", "Vinh Long"), "Vĩnh Long"),
        Province(87, Label("Đồng Tháp", "Dong Thap"), "Đồng Tháp"),
        Province(89, Label("An Giang", "An Giang"), "An Giang"),
        Province(91, Label("Kiên Giang", "Kien Giang"), "An Giang"),
        Province(92, Label("Cần Thơ", "Can Tho"), "Cần Thơ"),
        Province(93, Label("Hậu Giang", "Hau Giang"), "Cần Thơ"),
        Province(94, Label("Sóc Trăng", "Soc Trang"), "Cần Thơ"),
        Province(95, Label("Bạc Liêu", "Bac Lieu"), "Cà Mau"),
        Province(96, Label("Cà Mau", "Ca Mau"), "Cà Mau"),
    )
}
MEKONG_PROVINCES: tuple[str, ...] = tuple(PROVINCES)

_PROVINCE_PREFIXES = ("tinh ", "thanh pho ", "tp. ", "tp ")


def canonical_province(name: str) -> str:
    """Map "Tỉnh Kiên Giang", "kien giang" or "TP Cần Thơ" to the table's name; unknown names pass through."""
    key = fold(name).strip()
    for prefix in _PROVINCE_PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix) :].strip()
            break
    for vi_name in PROVINCES:
        if fold(vi_name) == key:
            return vi_name
    return name.strip()


def province_label(name: str, lang: Lang) -> str:
    """The province's name in `lang`; provinces outside the table keep their Vietnamese name."""
    province = PROVINCES.get(name)
    return province.label.get(lang) if province else name


def group_label(group: str, lang: Lang) -> str:
    label = GROUPS.get(group)
    return label.get(lang) if label else group


def exhibitor_type_label(kind: str, lang: Lang) -> str:
    label = EXHIBITOR_TYPES.get(kind)
    return label.get(lang) if label else kind


def stars_text(stars: int) -> str:
    """Stars as shown in tables: ★★★ for a 3-star product."""
    return "★" * stars


@dataclass(frozen=True, slots=True)
class Fair:
    name: str
    theme: str
    venue: str
    city: str
    start_date: str
    end_date: str
    schema_version: int = SCHEMA_VERSION
    demo: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)
    plan: Mapping[str, Any] | None = field(default=None, compare=False)  # schema 2: see floorplan.py


@dataclass(frozen=True, slots=True)
class Booth:
    booth_no: str
    exhibitor: str
    exhibitor_type: str
    province: str
    zone: str
    contact_name: str = ""
    phone: str = ""
    description: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)
    position: tuple[int, int, int, int] | None = None  # schema 2: x, y, w, h in floor plan cells


@dataclass(frozen=True, slots=True)
class Product:
    code: str
    name: str
    group: str
    stars: int
    booth_no: str
    producer: str
    province: str
    name_en: str = ""
    subgroup: int | None = None
    price_vnd: int | None = None
    unit: str = ""
    description: str = ""
    certified_year: int | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)


FAIR_FIELDS = ("name", "theme", "venue", "city", "start_date", "end_date", "schema_version")
BOOTH_REQUIRED = ("booth_no", "exhibitor", "exhibitor_type", "province", "zone")
BOOTH_OPTIONAL = ("contact_name", "phone", "description")
PRODUCT_REQUIRED = ("code", "name", "group", "stars", "booth_no", "producer", "province")
PRODUCT_OPTIONAL = ("name_en", "subgroup", "price_vnd", "unit", "description", "certified_year")
