"""Export writes what import reads back: the same records, in every format."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocop_tui.cli.main import main
from ocop_tui.model import EXHIBITOR_TYPES, GROUPS, PRODUCT_SETS, PROVINCES
from ocop_tui.store.backups import list_backups
from ocop_tui.store.contract import check_booth, check_product
from ocop_tui.store.reading import load_store
from ocop_tui.store.writing import encode
from ocop_tui.text import fold
from ocop_tui.transfer.export import BOOTH_COLUMNS, FORMATS, HEADER_LANGS, PRODUCT_COLUMNS, export_tables
from ocop_tui.transfer.headers import BOOTH_FIELDS, PRODUCT_FIELDS
from ocop_tui.transfer.importing import run_import
from ocop_tui.transfer.merge import record_doc

from .importdata import FAIR, tables, write_store


def test_headers_are_the_contract_fields(tmp_path: Path) -> None:
    store = tmp_path / "fair.json"
    write_store(store)
    export_tables(load_store(store).tables, tmp_path / "out", "csv")
    data = (tmp_path / "out" / "products.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel opens UTF-8 only with the BOM
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert tuple(rows[0]) == PRODUCT_COLUMNS
    assert rows[1][:4] == ["KG-NM-001", "Nước mắm Phú Quốc Khải Hoàn 40 độ đạm", "food", "5"]
    booths = (tmp_path / "out" / "booths.csv").read_text(encoding="utf-8-sig").splitlines()
    # No floor plan and no English zone names in this store, so no x, y, w, h or zone_en columns.
    assert booths[0].split(",") == ["booth_no", "exhibitor", "exhibitor_type", "province", "zone",
                                    "contact_name", "phone", "description"]  # fmt: skip
    assert BOOTH_COLUMNS[-4:] == ("x", "y", "w", "h")


def test_booth_positions_exported_with_a_floor_plan(tmp_path: Path) -> None:
    from ocop_tui.plan.layout import migrate_tables

    store = tmp_path / "fair.json"
    before = write_store(store, migrate_tables(tables()))
    export_tables(load_store(store).tables, tmp_path, "csv")
    header, first = (tmp_path / "booths.csv").read_text(encoding="utf-8-sig").splitlines()[:2]
    assert tuple(header.split(",")) == tuple(c for c in BOOTH_COLUMNS if c != "zone_en")  # no English zones here
    assert first.split(",")[-4:] != ["", "", "", ""]
    run_import(store, booths=tmp_path / "booths.csv", products=tmp_path / "products.csv", replace=True)
    assert store.read_bytes() == before


def test_excel_text_never_becomes_a_formula(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    content = tables()
    content["products"]["1"]["name"] = '=HYPERLINK("http://x","y")'
    store = tmp_path / "fair.json"
    write_store(store, content)
    export_tables(load_store(store).tables, tmp_path, "xlsx")
    workbook = load_workbook(tmp_path / "products.xlsx")
    cell = workbook.active["B2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x","y")', "s")


@pytest.mark.parametrize("headers", HEADER_LANGS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_export_then_replace_gives_back_the_same_store(tmp_path: Path, fmt: str, headers: str) -> None:
    from ocop_tui.plan.layout import migrate_tables

    content = migrate_tables(tables())  # with a floor plan: the booths' places go out and come back too
    content["booths"]["1"]["website"] = "thonghoa.vn"  # fields the contract does not name are kept
    content["products"]["2"]["score"] = 88
    content["products"]["1"]["name"] = '=HYPERLINK("http://x","y")'  # starts like a formula
    content["products"]["3"]["name_en"] = "'=quoted already"
    content["booths"]["2"]["phone"] = "+84 912 345 678"
    store = tmp_path / "fair.json"
    before = write_store(store, content)
    result = CliRunner().invoke(main, ["export", "--out", str(tmp_path / "out"), "--format", fmt, "--headers",
                                       headers, "--data", str(store)])  # fmt: skip
    assert result.exit_code == 0, result.output

    again = CliRunner().invoke(main, ["import", "--booths", str(tmp_path / "out" / f"booths.{fmt}"),
                                      "--products", str(tmp_path / "out" / f"products.{fmt}"),
                                      "--data", str(store), "--replace"])  # fmt: skip
    assert again.exit_code == 0, again.output
    assert store.read_bytes() == before and list_backups(store) == []  # nothing changed, nothing written


def test_export_of_a_broken_store_fails(tmp_path: Path) -> None:
    content = tables()
    content["products"]["1"]["stars"] = 9
    store = tmp_path / "fair.json"
    write_store(store, content)
    result = CliRunner().invoke(main, ["export", "--out", str(tmp_path / "out"), "--data", str(store)])
    assert result.exit_code == 1 and not (tmp_path / "out").exists()


# ---------------------------------------------------------------------------------------------- property

_VI = "aăâbcdđeêghiklmnoôơpqrstuưvxyĐÂƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
_ALPHABET = _VI + "ABCXYZ0123456789 ,;\"'=+-@.()/&%#*[]\t" + "\u0301\u0323"  # stray combining marks: NFD input
_text = st.text(_ALPHABET, min_size=1, max_size=24)
_optional_text = st.one_of(st.just(""), _text)
_description = st.one_of(st.just(""), st.text(_ALPHABET + "\n", max_size=60))
_provinces = st.sampled_from([*PROVINCES, "Hà Nội", "TP. Hồ Chí Minh"])


@st.composite
def _stores(draw: st.DrawFn) -> dict[str, Any]:
    """A valid store: raw documents as organisers might type them, normalised by the contract's checks."""
    booths: dict[str, Any] = {}
    for _ in range(draw(st.integers(1, 5))):
        doc = {"booth_no": draw(_text), "exhibitor": draw(_text),
               "exhibitor_type": draw(st.sampled_from(list(EXHIBITOR_TYPES))), "province": draw(_provinces),
               "zone": draw(_text), "contact_name": draw(_optional_text),
               "phone": draw(st.one_of(st.just(""), st.from_regex(r"0[0-9]{9}", fullmatch=True))),
               "description": draw(_description)}  # fmt: skip
        booth = check_booth(doc, "", [])
        if booth is not None:
            booths.setdefault(fold(booth.booth_no), booth)  # unique regardless of case and accents
    booth_list = list(booths.values())
    products: dict[str, Any] = {}
    for _ in range(draw(st.integers(0, 8)) if booth_list else 0):
        group = draw(st.sampled_from(list(GROUPS)))
        sets = [n for n, s in PRODUCT_SETS.items() if s.group == group]
        booth = draw(st.sampled_from(booth_list))
        doc = {"code": draw(_text), "name": draw(_text), "name_en": draw(_optional_text), "group": group,
               "subgroup": draw(st.one_of(st.none(), st.sampled_from(sets))), "stars": draw(st.integers(3, 5)),
               "booth_no": booth.booth_no, "producer": draw(_text), "province": draw(_provinces),
               "price_vnd": draw(st.one_of(st.none(), st.integers(0, 10**12))), "unit": draw(_optional_text),
               "description": draw(_description),
               "certified_year": draw(st.one_of(st.none(), st.integers(2018, 2100)))}  # fmt: skip
        product = check_product(doc, "", [])
        if product is not None:
            products.setdefault(fold(product.code), product)
    return {
        "fair": {"1": dict(FAIR)},
        "booths": {str(i): record_doc(b, BOOTH_FIELDS) for i, b in enumerate(booth_list, 1)},
        "products": {str(i): record_doc(p, PRODUCT_FIELDS) for i, p in enumerate(products.values(), 1)},
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=_stores(), fmt=st.sampled_from(FORMATS), headers=st.sampled_from(HEADER_LANGS))
def test_round_trip_of_generated_records(content: dict[str, Any], fmt: str, headers: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        source = root / "source.json"
        source.write_bytes(encode(content))
        expected = load_store(source).tables
        export_tables(expected, root / "out", fmt, headers)  # type: ignore[arg-type]

        target = root / "target.json"
        target.write_bytes(encode({"fair": {"1": dict(FAIR)}, "booths": {}, "products": {}}))
        run_import(target, booths=root / "out" / f"booths.{fmt}", products=root / "out" / f"products.{fmt}",
                   replace=True)  # fmt: skip
        got = load_store(target).tables
        assert got.booths == expected.booths
        assert got.products == expected.products
        assert json.loads(target.read_bytes())["products"] == content["products"]

        # And back into the store it came from: nothing to change.
        result = run_import(source, booths=root / "out" / f"booths.{fmt}",
                            products=root / "out" / f"products.{fmt}", replace=True)  # fmt: skip
        assert not result.changed and result.write is None


# ---------------------------------------------------------------------------------------------- Vietnamese form


def test_the_vietnamese_form_is_the_templates_form(tmp_path: Path) -> None:
    store = tmp_path / "fair.json"
    write_store(store)
    done = CliRunner().invoke(main, ["export", "--out", str(tmp_path / "out"), "--data", str(store)])
    assert done.exit_code == 0, done.output
    samples = Path(__file__).resolve().parents[2] / "data" / "samples"
    for table in ("booths", "products"):
        ours = list(csv.reader((tmp_path / "out" / f"{table}.csv").read_text(encoding="utf-8-sig").splitlines()))
        template = list(csv.reader((samples / f"{table}.csv").read_text(encoding="utf-8-sig").splitlines()))
        assert ours[0] == template[0]  # the same headers in the same order
    booths = list(csv.DictReader((tmp_path / "out" / "booths.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [(b["Số gian hàng"], b["Loại hình"]) for b in booths] == [("A-01", "Hợp tác xã"), ("A-02", "Doanh nghiệp"),
                                                                     ("B-01", "Hộ sản xuất")]  # fmt: skip
    products = list(csv.DictReader((tmp_path / "out" / "products.csv").read_text(encoding="utf-8-sig").splitlines()))
    first = products[0]
    assert (first["Nhóm"], first["Số sao"], first["Giá"], first["Bộ sản phẩm"]) == ("Thực phẩm", "5 sao", "150.000",
                                                                                    "9")  # fmt: skip


def test_the_vietnamese_workbook_keeps_numbers_as_numbers(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    store = tmp_path / "fair.json"
    write_store(store)
    export_tables(load_store(store).tables, tmp_path, "xlsx", "vi")
    sheet = load_workbook(tmp_path / "products.xlsx").active
    header = [cell.value for cell in sheet[1]]
    price = sheet.cell(2, header.index("Giá") + 1)
    assert (price.value, price.number_format) == (150000, "#,##0")  # shown 150.000 by a Vietnamese Excel
    assert sheet.cell(2, header.index("Số sao") + 1).value == "5 sao"


def test_csv_cells_that_start_like_formulas_are_made_text(tmp_path: Path) -> None:
    content = tables()
    names = ["=cmd|' /C calc'!A0", "+1+1", "@SUM(1+1)"]
    for doc, name in zip(content["products"].values(), names):
        doc["name"] = name
    content["products"]["1"]["description"] = "-2+3\n- một dòng"
    store = tmp_path / "fair.json"
    before = write_store(store, content)
    export_tables(load_store(store).tables, tmp_path / "out", "csv", "vi")
    text = (tmp_path / "out" / "products.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [row["Tên sản phẩm"] for row in rows] == ["'" + name for name in names]
    assert rows[0]["Mô tả"] == "'-2+3\n- một dòng"
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row.values())
    run_import(store, booths=tmp_path / "out" / "booths.csv", products=tmp_path / "out" / "products.csv",
               replace=True)  # fmt: skip
    assert store.read_bytes() == before  # the apostrophes came off again


@pytest.mark.parametrize(
    "text", ["=x", "'=x", "''=x", "'x", "'", "", "-", "'-5", "@", "\t=x", "hello", "'hello", "'@'"]
)
def test_formula_escaping_always_gives_the_text_back(text: str) -> None:
    from ocop_tui.text import escape_formula, escape_leading_apostrophes, unescape_formula

    assert unescape_formula(escape_formula(text)) == text
    assert unescape_formula(escape_leading_apostrophes(text)) == text
    assert not escape_formula(text).startswith(("=", "+", "-", "@", "\t", "\r"))


# ---------------------------------------------------------------------------------------------- failures


def test_a_full_disk_leaves_the_old_files_and_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from ocop_tui.transfer import export

    store = tmp_path / "fair.json"
    write_store(store)
    out = tmp_path / "out"
    out.mkdir()
    (out / "booths.csv").write_text("old booths\n")
    (out / "products.csv").write_text("old products\n")
    real = export._write_new

    def disk_full_on_products(path: Path, data: bytes, mode: int) -> None:
        if path.name == "products.csv":
            with open(path, "xb") as handle:
                handle.write(data[:100])  # part of it made it to the disk
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(path, data, mode)

    monkeypatch.setattr(export, "_write_new", disk_full_on_products)
    done = CliRunner().invoke(main, ["--lang", "en", "export", "--out", str(out), "--data", str(store)],
                              env={"COLUMNS": "250"})  # fmt: skip
    assert done.exit_code == 2 and "Traceback" not in done.output
    [line] = [line for line in done.output.splitlines() if line.strip()]
    assert f"cannot write {out / 'products.csv'}: No space left on device" in line
    assert (out / "booths.csv").read_text() == "old booths\n"  # not a new booths file beside an old products one
    assert (out / "products.csv").read_text() == "old products\n"
    assert sorted(p.name for p in out.iterdir()) == ["booths.csv", "products.csv"]  # no temporary folder left


def test_an_export_folder_that_cannot_be_made_is_named(tmp_path: Path) -> None:
    store = tmp_path / "fair.json"
    write_store(store)
    (tmp_path / "file").write_text("")
    done = CliRunner().invoke(main, ["--lang", "en", "export", "--out", str(tmp_path / "file" / "out"), "--data",
                                     str(store)], env={"COLUMNS": "250"})  # fmt: skip
    assert done.exit_code == 2 and f"cannot write {tmp_path / 'file' / 'out'}" in done.output
