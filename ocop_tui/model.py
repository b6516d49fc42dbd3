"""The fair's records (Fair, Booth, Product), declared once with the data contract's rules on each value, and
the one table of domain labels in Vietnamese and English.

The records are msgspec Structs: their annotations are the contract's types, allowed values and limits
(text lengths, number ranges, the group and exhibitor type keys), so decoding a store yields the records
directly, already checked. `ocop_tui.store.contract` reads these same declarations (msgspec.inspect) to list
every problem of a bad store or import, and adds the rules that span fields or records.

Records are frozen and untracked by the garbage collector (gc=False: they hold no cycles), so the UI and the
search index share them without copying and a catalogue of 100,000 products costs the collector nothing.
Fields the contract does not name are kept in `extra`, so a store round-trips untouched.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Annotated, Any, Literal

from msgspec import Meta, Struct

from ocop_tui.text import fold

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")
SCHEMA_VERSION = 2  # 2 added the floor plan (fair.plan, booth x/y/w/h); version 1 still reads
MIN_STARS, MAX_STARS = 3, 5  # only 3-5★ products are certified
MAX_LINE = 200  # characters of a single-line text field, after cleaning
MAX_PARAGRAPH = 5000  # characters of a description
MAX_PRICE_VND = 1_000_000_000_000  # a thousand billion đồng: anything above is a typo (and past 64 bits, unwritable)
FIRST_CERTIFIED_YEAR, LAST_CERTIFIED_YEAR = 2018, 2100  # the OCOP programme began in 2018


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


# The contract's value types. Text is stored NFC, stripped, without control or bidi characters (the store's
# checker cleans what it can and warns); `min_length=1` marks required text. Meta `extra` carries what msgspec
# itself does not check: "multiline" text keeps its line breaks, "key" text may hold no invisible character,
# "required" marks a field the file must give although code may leave it to its default. A pattern's
# `description` names the form in messages.
Line = Annotated[str, Meta(min_length=1, max_length=MAX_LINE)]
# A booth number or product code, matched by key: also no invisible (format) characters, so two keys that look
# the same are the same key (store/fields.py).
Key = Annotated[str, Meta(min_length=1, max_length=MAX_LINE, extra={"key": True})]
OptionalLine = Annotated[str, Meta(max_length=MAX_LINE)]
Paragraph = Annotated[str, Meta(max_length=MAX_PARAGRAPH, extra={"multiline": True})]
IsoDate = Annotated[
    str, Meta(min_length=1, pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description="an ISO date (YYYY-MM-DD)")
]
SchemaVersion = Annotated[int, Meta(ge=1, extra={"required": True})]  # above SCHEMA_VERSION: "made by a newer ocop-tui"
Group = Literal[tuple(GROUPS)]  # type: ignore[valid-type]
ExhibitorType = Literal[tuple(EXHIBITOR_TYPES)]  # type: ignore[valid-type]
Stars = Annotated[int, Meta(ge=MIN_STARS, le=MAX_STARS)]
ProductSetNumber = Annotated[int, Meta(ge=1, le=len(PRODUCT_SETS))]  # and in the product's group (contract.py)
PriceVnd = Annotated[int, Meta(ge=0, le=MAX_PRICE_VND)]  # whole đồng
CertifiedYear = Annotated[int, Meta(ge=FIRST_CERTIFIED_YEAR, le=LAST_CERTIFIED_YEAR)]
Cell = Annotated[int, Meta(ge=0)]  # a booth's top-left cell on the floor plan (inside it: plan/reading.py)
Cells = Annotated[int, Meta(ge=1)]  # a booth's width or height in cells

# Most records have no fields beyond the contract's: they share this one empty, read-only mapping.
NO_EXTRA: Mapping[str, Any] = MappingProxyType({})


class Record(Struct, frozen=True, gc=False, forbid_unknown_fields=True, omit_defaults=True, repr_omit_defaults=True):
    """A record of the store: frozen, never part of a reference cycle, and decoded only from known fields
    (a document with others is read field by field, its other fields kept in `extra`)."""


class Fair(Record):
    name: Line
    theme: Line
    venue: Line
    city: Line
    start_date: IsoDate
    end_date: IsoDate  # not before start_date
    schema_version: SchemaVersion = SCHEMA_VERSION
    demo: bool = False  # made-up demonstration data
    extra: Mapping[str, Any] = NO_EXTRA
    plan: Any = None  # schema 2: the floor plan document, checked with the booths (plan/reading.py)


class Booth(Record):
    booth_no: Key  # unique by match key
    exhibitor: Line
    exhibitor_type: ExhibitorType
    province: Line
    zone: Line
    contact_name: OptionalLine = ""
    phone: OptionalLine = ""
    description: Paragraph = ""
    # Schema 2: the booth's place on the floor plan in cells, all four or none.
    x: Cell | None = None
    y: Cell | None = None
    w: Cells | None = None
    h: Cells | None = None
    extra: Mapping[str, Any] = NO_EXTRA

    @property
    def position(self) -> tuple[int, int, int, int] | None:
        """x, y, w, h on the floor plan, or None for a booth without a place."""
        if self.x is None or self.y is None or self.w is None or self.h is None:
            return None
        return (self.x, self.y, self.w, self.h)


class Product(Record):
    code: Key  # unique by match key
    name: Line
    group: Group
    stars: Stars
    booth_no: Key  # a booth of the same store
    producer: Line
    province: Line
    name_en: OptionalLine = ""
    subgroup: ProductSetNumber | None = None
    price_vnd: PriceVnd | None = None
    unit: OptionalLine = ""
    description: Paragraph = ""
    certified_year: CertifiedYear | None = None
    extra: Mapping[str, Any] = NO_EXTRA
