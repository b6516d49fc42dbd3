"""Small in-memory fairs for UI tests: a realistic mini fair and one full of hostile strings."""

from __future__ import annotations

import unicodedata

from ocop_tui.model import Booth, Fair, Product
from ocop_tui.search.catalog import Catalog

FAIR = Fair(
    name="Diễn đàn OCOP Đồng bằng sông Cửu Long – Kiên Giang 2024",
    theme="Liên kết cùng phát triển",
    venue="Công viên Văn hóa An Hòa",
    city="Rạch Giá",
    start_date="2024-09-29",
    end_date="2024-10-03",
    demo=True,
)

BOOTHS = [
    Booth("K-07", "Công ty TNHH Nước mắm Khải Hoàn", "enterprise", "Kiên Giang", "Khu trưng bày nước mắm",
          contact_name="Nguyễn Văn Hoàn", phone="0912 345 678", description="Nước mắm truyền thống Phú Quốc"),
    Booth("K-08", "HTX Nước mắm Thanh Quốc", "cooperative", "Kiên Giang", "Khu ẩm thực nước mắm Phú Quốc"),
    Booth("B-01", "HTX Dừa sáp Cầu Kè", "cooperative", "Trà Vinh", "Khu các tỉnh"),
    Booth("B-02", "Hộ kinh doanh Trần Thị Lan", "household", "Bến Tre", "Khu các tỉnh"),
    Booth("C-10", "Làng nghề đan lát Thới Long", "craft_village", "Cần Thơ", "Khu thủ công mỹ nghệ"),
    Booth("D-03", "Tổ hợp tác hoa kiểng Sa Đéc", "cooperative_group", "Đồng Tháp", "Khu sinh vật cảnh"),
]  # fmt: skip

PRODUCTS = [
    Product("91-001-1-5-2022", "Nước mắm Phú Quốc Khải Hoàn 40 độ đạm", "food", 5, "K-07",
            "Công ty TNHH Nước mắm Khải Hoàn", "Kiên Giang", name_en="Khai Hoan Phu Quoc fish sauce 40N",
            subgroup=9, price_vnd=185000, unit="chai 500ml", description="Loại đặc biệt, ủ chượp 12 tháng",
            certified_year=2022),
    Product("91-001-2-4-2023", "Nước mắm Phú Quốc Khải Hoàn 35 độ đạm", "food", 4, "K-07",
            "Công ty TNHH Nước mắm Khải Hoàn", "Kiên Giang", name_en="Khai Hoan Phu Quoc fish sauce 35N",
            subgroup=9, price_vnd=120000, unit="chai 500ml", certified_year=2023),
    Product("91-002-1-5-2021", "Nước mắm Thanh Quốc 43 độ đạm", "food", 5, "K-08", "HTX Nước mắm Thanh Quốc",
            "Kiên Giang", name_en="Thanh Quoc fish sauce 43N", subgroup=9, price_vnd=210000, unit="chai 500ml"),
    Product("91-003-1-3-2022", "Tiêu Phú Quốc chín đỏ", "food", 3, "K-08", "HTX Nước mắm Thanh Quốc",
            "Kiên Giang", name_en="Phu Quoc red pepper", subgroup=10, price_vnd=90000, unit="hộp 200g"),
    Product("84-001-1-5-2023", "Dừa sáp sợi VICOSAP", "food", 5, "B-01", "HTX Dừa sáp Cầu Kè", "Trà Vinh",
            name_en="VICOSAP shredded wax coconut", subgroup=7, price_vnd=65000, unit="hộp 250g"),
    Product("84-002-1-3-2022", "Mật hoa dừa Cầu Kè", "food", 3, "B-01", "HTX Dừa sáp Cầu Kè", "Trà Vinh",
            subgroup=4, unit="chai 250ml"),
    Product("83-001-1-4-2022", "Kẹo dừa Mỏ Cày Thanh Long", "food", 4, "B-02", "Hộ kinh doanh Trần Thị Lan",
            "Bến Tre", name_en="Mo Cay coconut candy", subgroup=7, price_vnd=45000, unit="gói 400g"),
    Product("92-001-1-3-2021", "Giỏ lục bình Thới Long", "handicrafts", 3, "C-10", "Làng nghề đan lát Thới Long",
            "Cần Thơ", name_en="Water hyacinth basket", subgroup=21, price_vnd=150000, unit="cái"),
    Product("87-001-1-4-2024", "Hoa kiểng Sa Đéc", "ornamentals", 4, "D-03", "Tổ hợp tác hoa kiểng Sa Đéc",
            "Đồng Tháp", name_en="Sa Dec ornamental flowers", subgroup=23, price_vnd=250000, unit="chậu"),
    Product("87-002-1-3-2024", "Rượu sen Tháp Mười", "drinks", 3, "D-03", "Tổ hợp tác hoa kiểng Sa Đéc",
            "Đồng Tháp", name_en="Thap Muoi lotus wine", subgroup=15, price_vnd=180000, unit="chai 500ml"),
]  # fmt: skip

HOSTILE = [
    "[/]",
    "[bold]x",
    "[@click=app.quit]Free gift[/]",
    "[link=http://evil.example]click[/link]",
    "[Hall 3]",
    "unclosed [",
    "\x1b]0;pwned\x07title",
    "\x1b]52;c;ZXZpbA==\x07clip",
    "\x1b[31mred\x1b[0m",
    "bidi \u202eevil\u202c",
]


def mini_catalog() -> Catalog:
    return Catalog.from_records(FAIR, BOOTHS, PRODUCTS)


def hostile_catalog() -> Catalog:
    """Every text field of every record carries markup, escape sequences or bidi overrides."""
    booths = [
        Booth(f"H-{i:02d}{payload}", payload + " exhibitor", "cooperative", payload, "Zone " + payload,
              contact_name=payload, phone=payload, description=payload)
        for i, payload in enumerate(HOSTILE)
    ]  # fmt: skip
    products = [
        Product(f"X-{i}{payload}", payload, "food", 3 + i % 3, booth.booth_no, payload + " producer", payload,
                name_en=payload, unit=payload, description=payload, price_vnd=1000 * i)
        for i, (payload, booth) in enumerate(zip(HOSTILE, booths))
    ]  # fmt: skip
    return Catalog.from_records(FAIR, booths, products)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)
