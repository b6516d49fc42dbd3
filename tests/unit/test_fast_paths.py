"""The fast paths behind start-up and search give exactly what the plain rules give.

fold() folds whole texts with C-level steps, vi_sort_order() sorts many texts at once, and check_tables()
checks clean tables column by column; each is compared here with the straightforward version it replaces
(the per-character fold, sorting by vi_sort_key, the document-by-document checker).
"""

from __future__ import annotations

import copy
import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_tui.demo.generator import generate_fair
from ocop_tui.store import contract as records
from ocop_tui.store.contract import check_tables
from ocop_tui.text import _fold_slow, fold, vi_sort_key, vi_sort_order

VI = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
any_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(VI + VI.upper() + "fjwz FJWZ0123456789-.,()/–°★₫"),
        st.characters(min_codepoint=0x0300, max_codepoint=0x036E),  # lone marks (NFD input)
        st.characters(min_codepoint=0x00C0, max_codepoint=0x024F),
        st.characters(min_codepoint=0x1E00, max_codepoint=0x1EFF),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    max_size=30,
)


# fold ------------------------------------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_fold_is_the_per_character_rule(text: str) -> None:
    # U+034F (combining grapheme joiner) is the one mark fold() always drops and the plain rule keeps.
    assert fold(text) == _fold_slow(text).replace("\u034f", "")


@settings(max_examples=200, deadline=None)
@given(st.lists(any_text.filter(lambda t: "\n" not in t), max_size=6))
def test_folding_joined_fields_equals_joining_folded_fields(parts: list[str]) -> None:
    # The search index folds a record's fields in one call and cuts field columns out of the result.
    assert fold("\n".join(parts)) == "\n".join(map(fold, parts))


def test_fold_every_single_character_like_the_plain_rule() -> None:
    different = [
        hex(code) for code in range(0x110000)
        if not 0xD800 <= code <= 0xDFFF and fold(chr(code)) != _fold_slow(chr(code))
    ]  # fmt: skip
    assert different == ["0x34f"]


# vi_sort_order ---------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.lists(any_text, max_size=30))
def test_vi_sort_order_is_sorting_by_vi_sort_key(texts: list[str]) -> None:
    texts = texts + [t.upper() for t in texts[:3]] + texts[:3]  # equal primaries: ties on tones and case
    assert vi_sort_order(texts) == sorted(range(len(texts)), key=lambda i: vi_sort_key(texts[i]))


def test_vi_sort_order_on_generated_names() -> None:
    names = [p["name"] for p in generate_fair(products=600)["products"].values()]
    names += [unicodedata.normalize("NFD", n) for n in names[:20]] + [n.lower() for n in names[:20]]
    assert vi_sort_order(names) == sorted(range(len(names)), key=lambda i: vi_sort_key(names[i]))


# check_tables ----------------------------------------------------------------------------------------


def _without_fast_paths(monkeypatch: pytest.MonkeyPatch, tables: dict[str, Any]) -> records.CheckedTables:
    with monkeypatch.context() as patch:
        for name in ("_fast_products", "_fast_booths", "_fast_product", "_fast_booth", "_ids_are_plain"):
            patch.setattr(records, name, lambda *args, **kwargs: None)
        return check_tables(copy.deepcopy(tables))


def _same(fast: records.CheckedTables, plain: records.CheckedTables) -> None:
    assert fast.fair == plain.fair
    assert fast.booths == plain.booths and [b.extra for b in fast.booths] == [b.extra for b in plain.booths]
    assert fast.products == plain.products
    assert [p.extra for p in fast.products] == [p.extra for p in plain.products]
    assert fast.problems == plain.problems


@pytest.fixture(scope="module")
def demo_tables() -> dict[str, Any]:
    return generate_fair(products=400)


def test_clean_tables_take_the_fast_path_and_match(monkeypatch: pytest.MonkeyPatch, demo_tables: dict) -> None:
    assert records._fast_products(demo_tables["products"], {records.booth_key(b["booth_no"]): "" for b in
                                                              demo_tables["booths"].values()}) is not None  # fmt: skip
    _same(check_tables(copy.deepcopy(demo_tables)), _without_fast_paths(monkeypatch, demo_tables))


# One change to one document; each must give the plain checker's records and problems exactly.
MUTATIONS: list[tuple[str, str, Any]] = [
    ("products", "name", "  Nước mắm  "),  # stripped
    ("products", "name", "Nu\u031bo\u031b\u0301c ma\u0302\u0301m"),  # NFD: normalised
    ("products", "name", "Mắm\x1b[31m ruốc"),  # control sequence: warning, cleaned
    ("products", "name", ""),
    ("products", "name", None),
    ("products", "name", 12),
    ("products", "name", "x" * 201),
    ("products", "description", "Dòng một\nDòng hai"),  # newlines in a multi-line field
    ("products", "description", "   "),
    ("products", "unit", None),
    ("products", "stars", 6),
    ("products", "stars", True),
    ("products", "stars", 4.0),
    ("products", "price_vnd", -1),
    ("products", "price_vnd", float("nan")),
    ("products", "subgroup", 26),  # a set of another group
    ("products", "group", "food "),
    ("products", "group", "candy"),
    ("products", "code", "P-DUPLICATE"),
    ("products", "booth_no", "Z-999"),  # names no booth
    ("products", "ghi_chu", "extra field"),  # kept in extra
    ("booths", "exhibitor_type", "club"),
    ("booths", "zone", " Khu A "),
    ("booths", "x", 3),  # a position without y, w, h
    ("booths", "phone", 123),
    ("booths", "ghi_chu", "extra field"),
]


@pytest.mark.parametrize(("table", "field", "value"), MUTATIONS, ids=lambda v: repr(v)[:20])
def test_one_odd_document_gives_what_the_plain_checker_gives(
    monkeypatch: pytest.MonkeyPatch, demo_tables: dict, table: str, field: str, value: Any
) -> None:
    tables = copy.deepcopy(demo_tables)
    docs = list(tables[table].values())
    target = docs[7]
    if value is None:
        target.pop(field, None)
    else:
        target[field] = value
    if field == "code":
        docs[8]["code"] = value  # a duplicate needs two
    _same(check_tables(copy.deepcopy(tables)), _without_fast_paths(monkeypatch, tables))


def test_odd_document_ids_give_what_the_plain_checker_gives(monkeypatch: pytest.MonkeyPatch, demo_tables: dict) -> None:
    tables = copy.deepcopy(demo_tables)
    first = next(iter(tables["products"]))
    tables["products"]["007"] = tables["products"].pop(first)
    _same(check_tables(copy.deepcopy(tables)), _without_fast_paths(monkeypatch, tables))


def test_records_share_repeated_values() -> None:
    checked = check_tables(generate_fair(products=300))
    assert checked.problems == []
    by_province: dict[str, str] = {}
    for product in checked.products:
        assert by_province.setdefault(product.province, product.province) is product.province
