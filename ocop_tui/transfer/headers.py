"""Which column is which: the contract's fields per table (read from the contract itself: which exist, which
are required), the headers organisers write for them (Vietnamese and English, matched without case, accents
or punctuation), the bookkeeping columns and total rows of official lists, and finding the header row in a
sheet (below a letterhead).
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


HEADER_SCAN_ROWS = 30  # an official letterhead (authority, motto, date, title: a dozen rows) may sit above it


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


# Columns official lists carry for their own bookkeeping: a row number (STT, TT) and remarks (Ghi chú).
# They are not data and are passed over without a warning.
BOOKKEEPING_HEADERS = frozenset(
    match_form(word) for word in ("STT", "TT", "Số TT", "Số thứ tự", "Thứ tự", "Ghi chú", "No", "No.", "#", "Notes",
                                  "Note", "Remarks")
)  # fmt: skip


# The first words of a total row at the foot of a list ("Tổng cộng: 25 sản phẩm", "Cộng", "Tổng").
_TOTAL_WORDS = ("tong cong", "cong", "tong", "tong so", "total", "grand total")


def is_bookkeeping(header: str) -> bool:
    return match_form(header) in BOOKKEEPING_HEADERS


def is_total_label(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    form = match_form(value)
    return form in _TOTAL_WORDS or form.startswith(("tong cong ", "tong so ", "total "))


def header_fields(cells: list[Any], table: TableName) -> set[str]:
    """The contract fields a row's cells name, read as headers."""
    lookup = _HEADER_LOOKUP[table]
    return {name for c in cells if isinstance(c, str) and (name := lookup.get(match_form(c))) is not None}


def find_header(rows: list[tuple[str, list[Any]]], table: TableName) -> int:
    """Index in `rows` of the header row: of the first HEADER_SCAN_ROWS rows, the one naming the most contract
    fields (the first of equals), so a letterhead or a title above it is passed over. Without any row
    naming two fields: the first row that is not blank (its missing columns are then reported there)."""
    best, best_count, first_filled = None, 1, None
    for index, (_, cells) in enumerate(rows[:HEADER_SCAN_ROWS]):
        if not any(not is_empty(c) for c in cells):
            continue
        if first_filled is None:
            first_filled = index
        count = len(header_fields(cells, table))
        if count > best_count:
            best, best_count = index, count
    if best is not None:
        return best
    return first_filled if first_filled is not None else 0


def has_headers(rows: list[tuple[str, list[Any]]], table: TableName) -> bool:
    """Whether `rows` (the top of a sheet) hold a header row for `table`: one naming most of its required
    columns. A products sheet names a booth and a province, but not most of what a booth needs."""
    if not rows:
        return False
    named = header_fields(rows[find_header(rows, table)][1], table)
    return 2 * len(named & set(REQUIRED[table])) > len(REQUIRED[table])
