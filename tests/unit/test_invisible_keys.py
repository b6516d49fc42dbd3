"""Booth numbers and product codes cannot hold invisible characters: the six spellings of `ZW-1` the attack used
(a zero-width space, a zero-width joiner, a byte-order mark, a word joiner, a soft hyphen) are refused by the
contract, so by `validate`, the app and imports alike, with a message naming the record or row; and folding for
search drops those characters, so what the screen shows finds the record."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from ocop_tui.search.catalog import Catalog
from ocop_tui.store.contract import booth_key, check_tables
from ocop_tui.store.errors import StoreInvalid
from ocop_tui.store.fields import invisible_character
from ocop_tui.store.reading import load_store
from ocop_tui.text import fold
from ocop_tui.transfer.importing import run_import
from ocop_tui.transfer.problems import ImportRejected

from .importdata import BOOTHS, PRODUCTS, VI_BOOTH_HEADER, VI_PRODUCT_HEADER, csv_text, product_row, tables
from .importdata import write_store as write_file
from .processes import run_ocop

LOOK_ALIKES = ["ZW\u200b-1", "ZW-1\u200d", "\ufeffZW-1", "ZW\u2060-1", "ZW\u00ad-1"]
SPELLINGS = ["ZW-1", *LOOK_ALIKES]  # the six booths the attack imported


def booth(number: str, n: int) -> dict[str, str]:
    return {**BOOTHS[0], "booth_no": number, "exhibitor": f"HTX số {n}"}


def test_the_six_spellings_fold_to_one_key() -> None:
    assert {fold(s) for s in SPELLINGS} == {"zw-1"}
    assert {booth_key(s) for s in SPELLINGS} == {"zw-1"}
    assert all(unicodedata.category(ch) == "Cf" for s in LOOK_ALIKES for ch in s if not ch.isascii())


@pytest.mark.parametrize("spelling", LOOK_ALIKES)
def test_a_booth_number_with_an_invisible_character_is_an_error_naming_the_record(spelling: str) -> None:
    checked = check_tables(tables(booths=[*BOOTHS, booth(spelling, 9)]))
    (error,) = checked.errors
    assert (error.table, error.record, error.field) == ("booths", "4", "booth_no")
    assert "invisible character (U+" in error.message
    assert "\\u" in error.value or "\\x" in error.value  # the value shows where it is
    assert invisible_character(spelling) is not None and invisible_character("ZW-1") is None


def test_codes_and_the_booth_a_product_names_are_checked_too() -> None:
    bad_code = {**PRODUCTS[0], "code": "ZP\u200b-1"}
    bad_booth = {**PRODUCTS[1], "booth_no": "A-01\u200d"}
    checked = check_tables(tables(products=[bad_code, bad_booth, PRODUCTS[2]]))
    assert [(e.record, e.field) for e in checked.errors] == [("1", "code"), ("2", "booth_no")]


def test_validate_and_the_app_refuse_such_a_store(tmp_path: Path) -> None:
    path = tmp_path / "fair.json"
    write_file(path, tables(booths=[booth(s, n) for n, s in enumerate(SPELLINGS)], products=[]))
    with pytest.raises(StoreInvalid) as caught:
        load_store(path)  # what the app and the kiosk open a store with
    assert [(e.record, e.field) for e in caught.value.problems if e.is_error] == [
        (str(n), "booth_no") for n in range(2, 7)
    ]
    done = run_ocop("validate", "--data", path)
    assert done.returncode == 1 and done.stdout.decode().count("invisible character") == 5
    assert run_ocop("--data", path).returncode == 1  # the app: refused before it needs a terminal


def test_an_import_of_the_six_booths_names_the_five_rows(tmp_path: Path) -> None:
    store = tmp_path / "fair.json"
    before = write_file(store)
    rows = [[s, f"HTX số {n}", "Hợp tác xã", "Kiên Giang", "Khu A"] for n, s in enumerate(SPELLINGS)]
    booths_csv = tmp_path / "booths.csv"
    booths_csv.write_text(csv_text([VI_BOOTH_HEADER, *rows]), encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        run_import(store, booths=booths_csv)
    errors = [p for p in caught.value.problems if p.is_error]
    assert [(p.row, p.column) for p in errors] == [(str(n), "Số gian hàng") for n in range(3, 8)]
    assert all("invisible character" in p.message("en") for p in errors)
    assert store.read_bytes() == before


def test_an_import_of_look_alike_codes_is_refused(tmp_path: Path) -> None:
    store = tmp_path / "fair.json"
    write_file(store)
    rows = [product_row(code) for code in ["ZP-1", "ZP\u200b-1", "\ufeffZP-1"]]
    products_csv = tmp_path / "products.csv"
    products_csv.write_text(csv_text([VI_PRODUCT_HEADER, *rows]), encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        run_import(store, products=products_csv)
    assert [p.row for p in caught.value.problems if p.is_error] == ["3", "4"]


def test_search_finds_a_code_by_what_the_screen_shows() -> None:
    """Even in a catalogue built without the contract's check (tests build them in memory), folding drops the
    invisible characters, so typing what is shown finds the record."""
    checked = check_tables(tables())
    product = checked.products[0].__class__(**{
        **{f: getattr(checked.products[0], f) for f in checked.products[0].__struct_fields__},
        "code": "ZP\u200b-1",
    })  # fmt: skip
    catalog = Catalog.from_records(checked.fair, checked.booths, [product, *checked.products[1:]])
    result = catalog.search_products("code:zp-1")
    assert [catalog.products[i].code for i in result.ids] == ["ZP\u200b-1"]
