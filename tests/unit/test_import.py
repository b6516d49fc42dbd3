"""What the importer accepts: the files organisers really send, merge and replace, dry runs, the CLI."""

from __future__ import annotations

import codecs
import json
import math
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from ocop_tui.cli.main import main
from ocop_tui.store.backups import backup_dir, list_backups
from ocop_tui.store.reading import load_store
from ocop_tui.store.writing import lock_for
from ocop_tui.transfer.headers import header_field
from ocop_tui.transfer.importing import run_import
from ocop_tui.transfer.merge import Counts
from ocop_tui.transfer.problems import ImportFileError, ImportRejected
from ocop_tui.transfer.values import ValueRejected, parse_price

from .importdata import VI_BOOTH_HEADER, VI_PRODUCT_HEADER, csv_text, product_row, write_store


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "fair.json"
    write_store(path)
    return path


def products_of(store: Path) -> dict[str, object]:
    return {p.code: p for p in load_store(store).tables.products}


def booths_of(store: Path) -> dict[str, object]:
    return {b.booth_no: b for b in load_store(store).tables.booths}


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# ---------------------------------------------------------------------------------------------- files


def test_bom_and_vietnamese_headers_accepted(store: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "products.csv", codecs.BOM_UTF8 + csv_text([VI_PRODUCT_HEADER, product_row()]).encode())
    result = run_import(store, products=source)
    assert result.counts["products"] == Counts(added=1)
    assert result.problems == []  # the BOM did not hide the first header
    product = products_of(store)["KG-NEW-01"]
    assert (product.group, product.stars, product.price_vnd) == ("food", 4, 45000)


def test_semicolon_file_accepted(store: Path, tmp_path: Path) -> None:
    rows = [VI_PRODUCT_HEADER, product_row(name="Mắm ruốc; loại đặc biệt", price="1.250.000")]
    source = write(tmp_path / "products.csv", csv_text(rows, ";"))
    run_import(store, products=source)
    product = products_of(store)["KG-NEW-01"]
    assert (product.name, product.price_vnd) == ("Mắm ruốc; loại đặc biệt", 1250000)


def test_tab_separated_and_excel_separator_hint_accepted(store: Path, tmp_path: Path) -> None:
    write(tmp_path / "a.csv", csv_text([VI_PRODUCT_HEADER, product_row("KG-T-1")], "\t"))
    write(tmp_path / "b.csv", "sep=;\r\n" + csv_text([VI_PRODUCT_HEADER, product_row("KG-T-2", stars="x")], ";"))
    run_import(store, products=tmp_path / "a.csv")
    with pytest.raises(ImportRejected) as caught:
        run_import(store, products=tmp_path / "b.csv")
    assert [(p.row, p.column) for p in caught.value.errors] == [("2", "Số sao")]  # Excel hides the hint line


def test_nfd_file_accepted_and_stored_as_nfc(store: Path, tmp_path: Path) -> None:
    text = csv_text([VI_PRODUCT_HEADER, product_row("KG-MẮM-01", name="Mắm cá linh Châu Đốc")])
    source = write(tmp_path / "products.csv", unicodedata.normalize("NFD", text))
    result = run_import(store, products=source)
    assert result.counts["products"].added == 1
    assert result.problems == []
    raw = json.loads(store.read_text(encoding="utf-8"))["products"]["4"]
    assert raw["code"] == "KG-MẮM-01" and unicodedata.is_normalized("NFC", raw["name"])
    assert raw["province"] == "Kiên Giang"


def test_exact_nfd_copy_of_a_stored_code_updates_it(store: Path, tmp_path: Path) -> None:
    row = product_row(unicodedata.normalize("NFD", "BT-KẸO-DỪA-01"), name="Kẹo dừa sầu riêng", booth_no="B-01",
                      producer="Hộ SXKD Nguyễn Văn Tư", province="Bến Tre", stars="★★★")  # fmt: skip
    source = write(tmp_path / "products.csv", csv_text([VI_PRODUCT_HEADER, row]))
    result = run_import(store, products=source)
    assert result.counts["products"] == Counts(updated=1)
    assert products_of(store)["BT-KẸO-DỪA-01"].name == "Kẹo dừa sầu riêng"


@pytest.mark.parametrize(
    ("header", "field"),
    [("Số gian hàng", "booth_no"), ("SO GIAN HANG", "booth_no"), ("số gian hàng *", "booth_no"),
     (unicodedata.normalize("NFD", "Tên đơn vị"), "exhibitor"), ("Loại hình", "exhibitor_type"), ("Tỉnh", "province"),
     ("Tỉnh/Thành phố", "province"), ("Khu", "zone"), ("Người liên hệ", "contact_name"), ("Điện thoại", "phone"),
     ("SĐT", "phone"), ("booth_no", "booth_no"), ("Mô tả", "description")],
)  # fmt: skip
def test_booth_headers(header: str, field: str) -> None:
    assert header_field("booths", header) == field


@pytest.mark.parametrize(
    ("header", "field"),
    [("Mã sản phẩm", "code"), ("Tên sản phẩm", "name"), ("Tên tiếng Anh", "name_en"), ("Nhóm", "group"),
     ("Bộ sản phẩm", "subgroup"), ("Số sao", "stars"), ("Gian hàng", "booth_no"), ("Chủ thể", "producer"),
     ("Giá", "price_vnd"), ("Giá (VNĐ)", "price_vnd"), ("Đơn vị tính", "unit"), ("ĐVT", "unit"),
     ("Năm công nhận", "certified_year"), ("price_vnd", "price_vnd"), ("CODE", "code"), ("Ghi chú", None)],
)  # fmt: skip
def test_product_headers(header: str, field: str | None) -> None:
    assert header_field("products", header) == field


def test_vietnamese_values_understood(store: Path, tmp_path: Path) -> None:
    booths = csv_text([VI_BOOTH_HEADER, ["C-01", "HTX Mỹ Hòa", "Hợp tác xã", "tỉnh kiên giang", "Khu C"],
                       ["C-02", "Cơ sở Bánh pía Tân Huê Viên", "Hộ kinh doanh", "TP Cần Thơ", "Khu C"],
                       ["C-03", "Làng nghề dệt thổ cẩm Châu Phong", "làng nghề", "An Giang", "Khu C"]])  # fmt: skip
    header = [*VI_PRODUCT_HEADER, "Bộ sản phẩm"]
    products = csv_text(
        [
            header,
            [
                *product_row("P-1", group="thuc pham", stars="4 sao", booth_no="C-01"),
                "Tương, nước mắm, gia vị dạng lỏng",
            ],
            [*product_row("P-2", group="Đồ uống", stars="5★", booth_no="c-02", price="150,000 đ"), "14. Rượu trắng"],
            [*product_row("P-3", group="Thủ công mỹ nghệ", stars="3", booth_no="C-03", price=""), "22"],
        ]
    )
    run_import(store, booths=write(tmp_path / "b.csv", booths), products=write(tmp_path / "p.csv", products))
    booths_now, products_now = booths_of(store), products_of(store)
    assert [booths_now[n].exhibitor_type for n in ("C-01", "C-02", "C-03")] == ["cooperative", "household",
                                                                                  "craft_village"]  # fmt: skip
    assert [booths_now[n].province for n in ("C-01", "C-02")] == ["Kiên Giang", "Cần Thơ"]
    p1, p2, p3 = (products_now[c] for c in ("P-1", "P-2", "P-3"))
    assert (p1.group, p1.stars, p1.subgroup) == ("food", 4, 9)
    assert (p2.group, p2.stars, p2.subgroup, p2.price_vnd, p2.booth_no) == ("drinks", 5, 14, 150000, "C-02")
    assert (p3.group, p3.subgroup, p3.price_vnd) == ("handicrafts", 22, None)


@pytest.mark.parametrize(
    ("text", "value"),
    [("150000", 150000), ("150.000", 150000), ("150,000 đ", 150000), ("1.500.000 VNĐ", 1500000),
     ("150.000,00", 150000), ("150,000.00", 150000), ("150000.0", 150000), ("₫ 20.000", 20000), ("0", 0),
     ("45 000 đồng", 45000), (150000, 150000), (150000.0, 150000), ("", None), (None, None)],
)  # fmt: skip
def test_prices_understood(text: object, value: int | None) -> None:
    assert parse_price(text) == value


@pytest.mark.parametrize(
    "text", ["1,5", "12.5", "abc", "NaN", "nan", "inf", "1.500,000", "1,500.000", "1e5", "15.00.000", "١٢٣",
             "-5", math.nan, math.inf, 12.5, True, -1],
)  # fmt: skip
def test_prices_refused(text: object) -> None:
    with pytest.raises(ValueRejected):
        parse_price(text)


def test_control_characters_removed_with_a_warning(store: Path, tmp_path: Path) -> None:
    row = product_row(name="Mắm \x1b]52;c;ZXZpbA==\x07ruốc\u202e Kiên Giang\x00")
    source = write(tmp_path / "products.csv", csv_text([VI_PRODUCT_HEADER, row]))
    result = run_import(store, products=source)
    warnings = [(p.row, p.column, p.severity) for p in result.problems]
    assert warnings == [("2", "Tên sản phẩm", "warning")]
    assert products_of(store)["KG-NEW-01"].name == "Mắm ruốc Kiên Giang"


def test_unknown_columns_warned_once_and_bookkeeping_columns_passed_over(store: Path, tmp_path: Path) -> None:
    header = ["STT", *VI_PRODUCT_HEADER, "Điểm đánh giá", "Ghi chú"]
    source = write(tmp_path / "p.csv", csv_text([header, ["1", *product_row(), "92", "mới"], ["2"]]))
    result = run_import(store, products=source)
    assert [(p.row, p.column, p.key) for p in result.problems] == [
        ("1", "Điểm đánh giá", "import.warn.unknown_column")
    ]  # STT and Ghi chú are the list's bookkeeping: no warning
    assert result.counts["products"].added == 1  # the row with only a row number is blank


def test_excel_workbook_with_two_sheets_and_numbers(store: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    notes = workbook.active
    notes.title = "Hướng dẫn"
    notes.append(["Điền mỗi gian hàng một dòng"])
    booths = workbook.create_sheet("Gian hàng")
    booths.append([*VI_BOOTH_HEADER, "Điện thoại"])
    booths.append([101, "HTX Tân Lập", "HTX", "Long An", "Khu D", 912345678])  # Excel turned both into numbers
    products = workbook.create_sheet("Sản phẩm")
    products.append(VI_PRODUCT_HEADER)
    products.append(product_row("LA-1", stars=4.0, booth_no=101, price=35000))
    path = tmp_path / "hoi-cho.xlsx"
    workbook.save(path)

    result = run_import(store, booths=path, products=path)
    assert result.counts == {"booths": Counts(added=1), "products": Counts(added=1)}
    assert [(p.file, p.row, p.column, p.key) for p in result.problems] == [
        ("hoi-cho.xlsx (Gian hàng)", "2", "Điện thoại", "import.warn.phone_number")
    ]
    assert booths_of(store)["101"].phone == "912345678"
    assert (products_of(store)["LA-1"].stars, products_of(store)["LA-1"].booth_no) == (4, "101")

    with pytest.raises(ImportFileError) as caught:
        run_import(store, products=path, sheet="Trang 9")
    assert "Gian hàng" in caught.value.message("en")
    with pytest.raises(ImportRejected):  # --sheet wins over the sheet names
        run_import(store, products=path, sheet="Hướng dẫn")


def test_json_list_table_and_whole_store(store: Path, tmp_path: Path) -> None:
    doc = {"code": "J-1", "name": "Mắm", "group": "food", "stars": 4, "booth_no": "A-01", "producer": "HTX",
           "province": "Kiên Giang", "price_vnd": "150.000"}  # fmt: skip
    write(tmp_path / "list.json", json.dumps([doc], ensure_ascii=False))
    write(tmp_path / "table.json", json.dumps({"5": {**doc, "code": "J-2"}}))
    write(tmp_path / "store.json", json.dumps({"products": {"1": {**doc, "code": "J-3"}}, "booths": {}}))
    for name in ("list.json", "table.json", "store.json"):
        run_import(store, products=tmp_path / name)
    assert {"J-1", "J-2", "J-3"} <= products_of(store).keys()
    assert products_of(store)["J-1"].price_vnd == 150000


@pytest.mark.parametrize(
    ("name", "data", "key"),
    [("p.xls", b"\xd0\xcf\x11\xe0", "import.file.xls"), ("p.txt", b"x", "import.file.suffix"),
     ("p.xlsx", b"code,name\n", "import.file.xlsx"), ("p.json", b"[{", "import.file.json"),
     ("p.json", b'"text"', "import.file.json_shape"), ("p.json", b"\xff[]", "import.file.json_utf8")],
)  # fmt: skip
def test_unreadable_files(store: Path, tmp_path: Path, name: str, data: bytes, key: str) -> None:
    before = store.read_bytes()
    with pytest.raises(ImportFileError) as caught:
        run_import(store, products=write(tmp_path / name, data))
    assert caught.value.key == key and caught.value.exit_code == 2
    with pytest.raises(ImportFileError) as caught:
        run_import(store, products=tmp_path / "missing.csv")
    assert caught.value.key == "import.file.missing"
    assert store.read_bytes() == before


# ---------------------------------------------------------------------------------------------- merge


def test_merge_updates_known_and_adds_new(store: Path, tmp_path: Path) -> None:
    header = [*VI_PRODUCT_HEADER, "Đơn vị tính"]
    rows = [[*product_row("KG-NM-001", name="Nước mắm Phú Quốc Khải Hoàn 40 độ đạm", group="food", stars="5",
                          booth_no="A-02", producer="Công ty TNHH Nước mắm Khải Hoàn", price="160.000"), ""],
            [*product_row("KG-NEW-01"), "hũ 500 g"]]  # fmt: skip
    result = run_import(store, products=write(tmp_path / "p.csv", csv_text([header, *rows])))
    assert result.counts["products"] == Counts(added=1, updated=1)
    products = products_of(store)
    assert len(products) == 4
    updated = products["KG-NM-001"]
    assert (updated.price_vnd, updated.unit, updated.subgroup) == (160000, "", 9)  # no "Bộ" column: kept
    raw = json.loads(store.read_text(encoding="utf-8"))["products"]
    assert list(raw) == ["1", "2", "3", "4"] and raw["4"]["code"] == "KG-NEW-01"  # ids kept, new one appended


def test_merge_keeps_fields_the_contract_does_not_name(tmp_path: Path) -> None:
    from .importdata import tables

    content = tables()
    content["products"]["1"]["score"] = 93
    store = tmp_path / "fair.json"
    write_store(store, content)
    row = product_row("KG-NM-001", booth_no="A-02", price="1")
    run_import(store, products=write(tmp_path / "p.csv", csv_text([VI_PRODUCT_HEADER, row])))
    assert json.loads(store.read_text(encoding="utf-8"))["products"]["1"]["score"] == 93


def test_booths_applied_before_products(store: Path, tmp_path: Path) -> None:
    new_booth = ["D-07", "HTX Phú Quốc", "HTX", "Kiên Giang", "Khu D"]
    booths = write(tmp_path / "b.csv", csv_text([VI_BOOTH_HEADER, new_booth]))
    products = write(tmp_path / "p.csv", csv_text([VI_PRODUCT_HEADER, product_row(booth_no="D-07")]))
    result = run_import(store, booths=booths, products=products)
    assert result.counts == {"booths": Counts(added=1), "products": Counts(added=1)}
    assert products_of(store)["KG-NEW-01"].booth_no == "D-07"


def test_replace_removes_what_the_file_does_not_hold(store: Path, tmp_path: Path) -> None:
    rows = [product_row("KG-TIEU-002", name="Tiêu Phú Quốc", stars="4", producer="HTX Nông nghiệp Thông Hòa",
                        price="90.000"),
            product_row("KG-NEW-01")]  # fmt: skip
    result = run_import(store, products=write(tmp_path / "p.csv", csv_text([VI_PRODUCT_HEADER, *rows])), replace=True)
    assert result.counts["products"] == Counts(added=1, updated=1, removed=2)
    assert sorted(products_of(store)) == ["KG-NEW-01", "KG-TIEU-002"]
    raw = json.loads(store.read_text(encoding="utf-8"))["products"]
    assert raw["2"]["code"] == "KG-TIEU-002" and raw["4"]["code"] == "KG-NEW-01"  # removed ids not reused


def test_dry_run_counts_and_writes_nothing(store: Path, tmp_path: Path) -> None:
    before = store.read_bytes()
    source = write(tmp_path / "p.csv", csv_text([VI_PRODUCT_HEADER, product_row()]))
    result = run_import(store, products=source, replace=True, dry_run=True)
    assert result.dry_run and result.write is None
    assert result.counts["products"] == Counts(added=1, removed=3)
    assert store.read_bytes() == before and not backup_dir(store).exists()


def test_import_that_changes_nothing_writes_nothing(store: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "p.csv", csv_text([VI_PRODUCT_HEADER, product_row()]))
    run_import(store, products=source)
    after_first = store.read_bytes()
    result = run_import(store, products=source)
    assert result.counts["products"] == Counts(unchanged=1) and result.write is None
    assert store.read_bytes() == after_first and len(list_backups(store)) == 1


def test_a_new_product_like_a_stored_one_is_warned(store: Path, tmp_path: Path) -> None:
    row = product_row("KG-TIEU-003", name="TIÊU PHÚ QUỐC", producer="HTX Nông nghiệp Thông Hòa", price="")
    result = run_import(store, products=write(tmp_path / "p.csv", csv_text([VI_PRODUCT_HEADER, row])))
    assert [(p.row, p.key) for p in result.problems] == [("2", "import.warn.same_name_store")]


# ---------------------------------------------------------------------------------------------- CLI


def invoke(*args: str) -> object:
    return CliRunner().invoke(main, ["--lang", "en", *args], env={"COLUMNS": "200"})


def test_cli_import_backups_and_restore(store: Path, tmp_path: Path) -> None:
    original = store.read_bytes()
    source = write(tmp_path / "p.csv", csv_text([VI_PRODUCT_HEADER, product_row()]))
    dry = invoke("import", "--products", str(source), "--data", str(store), "--dry-run")
    assert dry.exit_code == 0 and "Dry run" in dry.output and store.read_bytes() == original

    done = invoke("import", "--products", str(source), "--data", str(store))
    assert done.exit_code == 0, done.output
    assert "Imported" in done.output and "ocop-tui restore" in done.output
    imported = store.read_bytes()

    listed = invoke("backups", "--data", str(store))
    assert listed.exit_code == 0
    backup = list_backups(store)[0]
    assert backup.name in listed.output
    assert backup.read_bytes() == original

    restored = invoke("restore", "1", "--data", str(store))
    assert restored.exit_code == 0, restored.output
    assert store.read_bytes() == original
    assert list_backups(store)[0].read_bytes() == imported  # the restore itself can be undone

    by_name = invoke("restore", list_backups(store)[0].name, "--data", str(store))
    assert by_name.exit_code == 0 and store.read_bytes() == imported
    by_path = invoke("restore", str(backup), "--data", str(store))
    assert by_path.exit_code == 0 and store.read_bytes() == original

    missing = invoke("restore", "nope", "--data", str(store))
    assert missing.exit_code == 2 and "no backup" in missing.output


def test_cli_usage_and_unreadable_exit_2(store: Path, tmp_path: Path) -> None:
    assert invoke("import", "--data", str(store)).exit_code == 2
    missing = invoke("import", "--products", str(tmp_path / "none.csv"), "--data", str(store))
    assert missing.exit_code == 2 and "no such file" in missing.output
    no_store = invoke("import", "--products", str(tmp_path / "none.csv"), "--data", str(tmp_path / "x.json"))
    assert no_store.exit_code == 2
    assert "Traceback" not in missing.output + no_store.output


def test_cli_busy_store_exit_2(store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ocop_tui.store.writing

    monkeypatch.setattr(ocop_tui.store.writing, "LOCK_TIMEOUT_SECONDS", 0.05)
    source = write(tmp_path / "p.csv", csv_text([VI_PRODUCT_HEADER, product_row()]))
    before = store.read_bytes()
    with lock_for(store):
        result = invoke("import", "--products", str(source), "--data", str(store))
    assert result.exit_code == 2
    assert "being written by another program" in result.output
    assert store.read_bytes() == before


def test_backups_of_a_store_without_any(store: Path) -> None:
    result = invoke("backups", "--data", str(store))
    assert result.exit_code == 0 and "no backups" in result.output


def test_floor_plan_problems_land_on_the_file_row(tmp_path: Path) -> None:
    from ocop_tui.plan.layout import migrate_tables

    from .importdata import tables

    content = migrate_tables(tables())  # schema 2: a plan, and x, y, w, h on every booth
    store = tmp_path / "fair.json"
    before = write_store(store, content)
    taken = content["booths"]["1"]
    header = [*VI_BOOTH_HEADER, "x", "y", "w", "h"]
    row = ["C-09", "HTX Mỹ Xuyên", "HTX", "Sóc Trăng", "Khu A", taken["x"], taken["y"], taken["w"], taken["h"]]
    with pytest.raises(ImportRejected) as caught:
        run_import(store, booths=write(tmp_path / "b.csv", csv_text([header, row])))
    assert {p.row for p in caught.value.errors} == {"2"}
    assert store.read_bytes() == before


def test_contract_messages_read_in_vietnamese() -> None:
    from ocop_tui.i18n.messages import check_message

    def check_message_vi(message: str) -> str:
        return check_message(message, "vi")

    assert check_message_vi("must be 3..5") == "phải từ 3 đến 5"
    assert check_message_vi("product set 9 is not in group drinks") == "bộ sản phẩm 9 không thuộc nhóm Đồ uống"
    assert check_message_vi("something new") == "something new"
