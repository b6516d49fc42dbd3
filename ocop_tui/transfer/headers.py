"""Which column is which: the contract's fields per table (read from the contract itself: which exist, which
are required), the headers organisers write for them (Vietnamese and English, matched without case, accents
or punctuation), and finding the header row in a sheet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Literal

from ocop_tui.store import fields as contract
from ocop_tui.text import fold
from ocop_tui.transfer.cells import is_empty

TableName = Literal["booths", "products"]


Progress = Callable[[str, int, int], None]  # (stage key, done, total)


# The contract's fields in its order (booths end with their place on the floor plan: x, y, w, h).
BOOTH_FIELDS = contract.FIELDS["booths"]


PRODUCT_FIELDS = contract.FIELDS["products"]


FIELDS: dict[str, tuple[str, ...]] = {"booths": BOOTH_FIELDS, "products": PRODUCT_FIELDS}


REQUIRED: dict[str, tuple[str, ...]] = {
    "booths": contract.REQUIRED["booths"],
    "products": contract.REQUIRED["products"],
}


KEY_FIELD: dict[str, str] = {"booths": "booth_no", "products": "code"}


SUFFIXES = (".csv", ".xlsx", ".json")


HEADER_SCAN_ROWS = 10  # a title or a blank line may sit above the header row


# The headers organisers write for each contract field, first the one the templates use. The contract's own
# field names and the English labels are accepted too. Matching ignores case, accents and punctuation ("Giá (VNĐ)").
HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "booths": {
        "booth_no": ("Số gian hàng", "Gian hàng", "Số gian", "Gian số", "Mã gian hàng", "Booth", "Booth number",
                     "Booth no"),
        "exhibitor": ("Tên đơn vị", "Đơn vị", "Đơn vị trưng bày", "Tên đơn vị trưng bày", "Exhibitor"),
        "exhibitor_type": ("Loại hình", "Loại hình đơn vị", "Loại hình chủ thể", "Exhibitor type", "Type"),
        "province": ("Tỉnh", "Tỉnh/Thành phố", "Tỉnh thành", "Tỉnh, thành phố", "Province"),
        "zone": ("Khu", "Khu vực", "Khu trưng bày", "Zone"),
        "zone_en": ("Khu tiếng Anh", "Tên khu tiếng Anh", "Zone (English)", "Zone in English"),
        "contact_name": ("Người liên hệ", "Liên hệ", "Người đại diện", "Contact", "Contact name"),
        "phone": ("Điện thoại", "Số điện thoại", "SĐT", "ĐT", "Phone"),
        "description": ("Mô tả", "Giới thiệu", "Description"),
        "x": ("Tọa độ x", "Vị trí x"),
        "y": ("Tọa độ y", "Vị trí y"),
        "w": ("Chiều rộng", "Rộng", "Width"),
        "h": ("Chiều cao", "Cao", "Height"),
    },
    "products": {
        "code": ("Mã sản phẩm", "Mã SP", "Mã", "Code", "Product code"),
        "name": ("Tên sản phẩm", "Tên SP", "Sản phẩm", "Tên", "Name", "Product name"),
        "name_en": ("Tên tiếng Anh", "Tên sản phẩm tiếng Anh", "Tên TA", "English name", "Name (English)"),
        "group": ("Nhóm", "Nhóm sản phẩm", "Ngành", "Group"),
        "subgroup": ("Bộ sản phẩm", "Bộ", "Phân nhóm", "Product set", "Set", "Subgroup"),
        "stars": ("Số sao", "Hạng sao", "Xếp hạng", "Sao", "Hạng", "Stars", "Rating"),
        "booth_no": ("Gian hàng", "Số gian hàng", "Số gian", "Gian số", "Booth", "Booth number", "Booth no"),
        "producer": ("Chủ thể", "Tên chủ thể", "Chủ thể OCOP", "Chủ thể sản xuất", "Đơn vị sản xuất", "Nhà sản xuất",
                     "Producer"),
        "province": ("Tỉnh", "Tỉnh/Thành phố", "Tỉnh thành", "Tỉnh, thành phố", "Province"),
        "price_vnd": ("Giá", "Giá (VNĐ)", "Giá (đồng)", "Giá bán", "Giá bán (VNĐ)", "Giá bán (đồng)", "Đơn giá",
                      "Price", "Price (VND)"),
        "unit": ("Đơn vị tính", "ĐVT", "Unit"),
        "description": ("Mô tả", "Mô tả sản phẩm", "Giới thiệu", "Description"),
        "certified_year": ("Năm công nhận", "Năm chứng nhận", "Năm", "Certified year", "Year certified",
                           "Year"),
    },
}  # fmt: skip


_PUNCTUATION = re.compile(r"[^a-z0-9]+")


def match_form(text: str) -> str:
    """The matching form of a header or a coded value: folded, punctuation as single spaces."""
    return _PUNCTUATION.sub(" ", fold(text)).strip()


_HEADER_LOOKUP: dict[str, dict[str, str]] = {
    name: {
        match_form(word): field_name
        for field_name, words in reversed(list(headers.items()))
        for word in (field_name, *words)
    }
    for name, headers in HEADERS.items()
}


def header_field(table: TableName, header: str) -> str | None:
    """The contract field a header names in `table`'s files, or None."""
    return _HEADER_LOOKUP[table].get(match_form(header))


def find_header(rows: list[tuple[str, list[Any]]], table: TableName) -> int:
    """Index in sheet.rows of the header row: the first of the first rows naming two contract fields."""
    lookup = _HEADER_LOOKUP[table]
    first_filled = None
    for index, (_, cells) in enumerate(rows[:HEADER_SCAN_ROWS]):
        names = [c for c in cells if isinstance(c, str) and c.strip()]
        if not names and not any(not is_empty(c) for c in cells):
            continue
        if first_filled is None:
            first_filled = index
        if len({lookup.get(match_form(c)) for c in names} - {None}) >= 2:
            return index
    return first_filled if first_filled is not None else 0
