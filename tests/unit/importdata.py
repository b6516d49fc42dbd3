"""Small stores and import files shared by the importer and exporter tests (not a test module)."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path
from typing import Any

from ocop_tui.model import EXHIBITOR_TYPES, PRODUCT_SETS, PROVINCES
from ocop_tui.store.writing import encode

FAIR = {
    "name": "Diễn đàn OCOP vùng Đồng bằng sông Cửu Long",
    "theme": "Liên kết cùng phát triển – Kiên Giang 2024",
    "venue": "Công viên Văn hóa An Hòa",
    "city": "Rạch Giá",
    "start_date": "2024-09-29",
    "end_date": "2024-10-03",
    "schema_version": 1,
}

BOOTHS = [
    {"booth_no": "A-01", "exhibitor": "HTX Nông nghiệp Thông Hòa", "exhibitor_type": "cooperative",
     "province": "Kiên Giang", "zone": "Khu A", "phone": "0912 345 678"},
    {"booth_no": "A-02", "exhibitor": "Công ty TNHH Nước mắm Khải Hoàn", "exhibitor_type": "enterprise",
     "province": "Kiên Giang", "zone": "Khu A", "contact_name": "Trần Thị Bé"},
    {"booth_no": "B-01", "exhibitor": "Hộ SXKD Nguyễn Văn Tư", "exhibitor_type": "household",
     "province": "Bến Tre", "zone": "Khu B", "description": "Kẹo dừa Mỏ Cày"},
]  # fmt: skip

PRODUCTS = [
    {"code": "KG-NM-001", "name": "Nước mắm Phú Quốc Khải Hoàn 40 độ đạm", "group": "food", "subgroup": 9,
     "stars": 5, "booth_no": "A-02", "producer": "Công ty TNHH Nước mắm Khải Hoàn", "province": "Kiên Giang",
     "price_vnd": 150000, "unit": "chai 500 ml"},
    {"code": "KG-TIEU-002", "name": "Tiêu Phú Quốc", "group": "food", "stars": 4, "booth_no": "A-01",
     "producer": "HTX Nông nghiệp Thông Hòa", "province": "Kiên Giang", "certified_year": 2022},
    {"code": "BT-KẸO-DỪA-01", "name": "Kẹo dừa Mỏ Cày", "name_en": "Mo Cay coconut candy", "group": "food",
     "stars": 3, "booth_no": "B-01", "producer": "Hộ SXKD Nguyễn Văn Tư", "province": "Bến Tre",
     "description": "Kẹo dừa truyền thống.\nKhông chất bảo quản."},
]  # fmt: skip


def tables(booths: list[dict[str, Any]] | None = None, products: list[dict[str, Any]] | None = None) -> dict:
    booths = BOOTHS if booths is None else booths
    products = PRODUCTS if products is None else products
    return {
        "fair": {"1": dict(FAIR)},
        "booths": {str(i): dict(doc) for i, doc in enumerate(booths, start=1)},
        "products": {str(i): dict(doc) for i, doc in enumerate(products, start=1)},
    }


def write_store(path: Path, content: dict | None = None) -> bytes:
    data = encode(content if content is not None else tables())
    path.write_bytes(data)
    return data


def csv_text(rows: list[list[Any]], delimiter: str = ",") -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue()


VI_PRODUCT_HEADER = ["Mã sản phẩm", "Tên sản phẩm", "Nhóm", "Số sao", "Gian hàng", "Chủ thể", "Tỉnh", "Giá"]
VI_BOOTH_HEADER = ["Số gian hàng", "Tên đơn vị", "Loại hình", "Tỉnh", "Khu"]


def product_row(code: str = "KG-NEW-01", **changes: Any) -> list[Any]:
    """A valid row under VI_PRODUCT_HEADER; keyword arguments replace cells by header position name."""
    values = {"code": code, "name": "Mắm ruốc Kiên Giang", "group": "Thực phẩm", "stars": "4 sao",
              "booth_no": "A-01", "producer": "HTX Nông nghiệp Thông Hòa", "province": "Kiên Giang",
              "price": "45.000"}  # fmt: skip
    values.update(changes)
    return list(values.values())


def big_tables(booths: int, products: int, seed: int = 7) -> dict:
    """A valid store of the given size, with Vietnamese text (for the kill, race and speed checks)."""
    rng = random.Random(seed)
    provinces = list(PROVINCES)
    sets = list(PRODUCT_SETS.values())
    booth_docs = {}
    for i in range(1, booths + 1):
        booth_docs[str(i)] = {
            "booth_no": f"{'ABCDEFGH'[i % 8]}-{i:03d}", "exhibitor": f"Hợp tác xã Nông nghiệp Phước Lộc {i}",
            "exhibitor_type": rng.choice(list(EXHIBITOR_TYPES)), "province": rng.choice(provinces),
            "zone": f"Khu {'ABCDEFGH'[i % 8]}", "phone": f"09{i:08d}",
        }  # fmt: skip
    product_docs = {}
    for i in range(1, products + 1):
        product_set = rng.choice(sets)
        booth = booth_docs[str(rng.randint(1, booths))]
        product_docs[str(i)] = {
            "code": f"{rng.randint(80, 96)}-{i:06d}-2023", "name": f"Đặc sản miền Tây số {i}",
            "group": product_set.group, "subgroup": product_set.number, "stars": rng.choice([3, 3, 3, 4, 5]),
            "booth_no": booth["booth_no"], "producer": booth["exhibitor"], "province": booth["province"],
            "price_vnd": rng.randint(1, 900) * 1000, "unit": "hộp 500 g",
            "description": "Sản phẩm OCOP đặc trưng của địa phương, được chứng nhận năm 2023.",
        }  # fmt: skip
    return {"fair": {"1": dict(FAIR)}, "booths": booth_docs, "products": product_docs}
