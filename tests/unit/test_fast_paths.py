"""The fast paths behind start-up and search give exactly what the plain rules give.

The phrase rules narrow many candidates with the word index before reading their texts (by the names' first
words for "the name starts with the query", by each word's records for a phrase); the order of every search
is the order without it.

fold() folds whole texts with C-level steps, vi_sort_order() sorts many texts at once, and check_tables()
decode_store() decodes and checks a clean store in one msgspec pass; each is compared here with the
straightforward version it replaces (the per-character fold, sorting by vi_sort_key, the complete checker
walking every field of every document).
"""

from __future__ import annotations

import copy
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_tui.demo.generator import generate_fair
from ocop_tui.store import fields
from ocop_tui.store.contract import CheckedTables, check_tables, decode_store
from ocop_tui.store.writing import encode
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


# decode_store against check_tables ------------------------------------------------------------------


def _complete(monkeypatch: pytest.MonkeyPatch, tables: dict[str, Any]) -> CheckedTables:
    """check_tables walking every document field by field (no msgspec shortcut for a clean one)."""
    with monkeypatch.context() as patch:
        patch.setattr(fields, "as_given", lambda *args, **kwargs: None)
        return check_tables(copy.deepcopy(tables))


def _same(fast: CheckedTables, plain: CheckedTables) -> None:
    assert fast.fair == plain.fair
    assert fast.booths == plain.booths and [b.extra for b in fast.booths] == [b.extra for b in plain.booths]
    assert fast.products == plain.products
    assert [p.extra for p in fast.products] == [p.extra for p in plain.products]
    assert fast.problems == plain.problems


@pytest.fixture(scope="module")
def demo_tables() -> dict[str, Any]:
    return generate_fair(products=400)


def test_clean_tables_take_the_fast_path_and_match(monkeypatch: pytest.MonkeyPatch, demo_tables: dict) -> None:
    fast = decode_store(encode(demo_tables))
    assert fast is not None
    # The generator's booths give their zone's English name (zone_en), a contract field: decoded in one pass.
    assert all(booth.zone_en and not booth.extra for booth in fast.booths)
    _same(fast, _complete(monkeypatch, demo_tables))
    _same(check_tables(copy.deepcopy(demo_tables)), _complete(monkeypatch, demo_tables))


# One change to one document; each must give the complete checker's records and problems exactly.
MUTATIONS: list[tuple[str, str, Any]] = [
    ("products", "name", "  Nước mắm  "),  # stripped
    ("products", "name", "Nu\u031bo\u031b\u0301c ma\u0302\u0301m"),  # NFD: normalised
    ("products", "name", "Mắm\x1b[31m ruốc"),  # control sequence: warning, cleaned
    ("products", "name", "Mắm\u00a0ruốc"),  # not printable, but nothing to clean: kept
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
    ("products", "price_vnd", 10**30),  # beyond 64 bits
    ("products", "subgroup", 26),  # a set of another group
    ("products", "group", "food "),
    ("products", "group", "candy"),
    ("products", "code", "P-DUPLICATE"),
    ("products", "booth_no", "Z-999"),  # names no booth
    ("products", "ghi_chu", "extra field"),  # kept in extra
    ("products", "extra", {"a": 1}),  # a field named like the record's own `extra`: an unknown field too
    ("booths", "exhibitor_type", "club"),
    ("booths", "zone", " Khu A "),
    ("booths", "x", 3),  # a position without y, w, h
    ("booths", "phone", 123),
    ("booths", "ghi_chu", "extra field"),
    ("fair", "demo", None),
    ("fair", "end_date", "2024-02-30"),
    ("fair", "schema_version", 3),
]


@pytest.mark.parametrize(("table", "field", "value"), MUTATIONS, ids=lambda v: repr(v)[:20])
def test_one_odd_document_gives_what_the_complete_checker_gives(
    monkeypatch: pytest.MonkeyPatch, demo_tables: dict, table: str, field: str, value: Any
) -> None:
    tables = copy.deepcopy(demo_tables)
    docs = list(tables[table].values())
    target = docs[0] if table == "fair" else docs[7]
    if value is None:
        target.pop(field, None)
    else:
        target[field] = value
    if field == "code":
        docs[8]["code"] = value  # a duplicate needs two
    complete = _complete(monkeypatch, tables)
    fast = decode_store(json.dumps(tables, ensure_ascii=False).encode())  # orjson cannot write 10**30
    if fast is not None:
        _same(fast, complete)
    assert fast is None or not complete.errors  # an invalid store never passes the fast path
    _same(check_tables(copy.deepcopy(tables)), complete)


def test_odd_document_ids_give_what_the_complete_checker_gives(
    monkeypatch: pytest.MonkeyPatch, demo_tables: dict
) -> None:
    tables = copy.deepcopy(demo_tables)
    first = next(iter(tables["products"]))
    tables["products"]["007"] = tables["products"].pop(first)
    assert decode_store(encode(tables)) is None
    _same(check_tables(copy.deepcopy(tables)), _complete(monkeypatch, tables))


# Narrowing the phrase rules (search/matching.py) ---------------------------------------------------------


def test_narrowing_the_phrase_rules_changes_no_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every prefix of the relevance set's queries and the benchmark's, typed into the shipped demo fair,
    gives the same order with the narrowing always on and always off."""
    from benchmarks.relevance_set import QUERIES
    from benchmarks.scenarios import QUERIES as TYPED
    from ocop_tui.search import matching
    from ocop_tui.search.catalog import load_catalog

    catalog = load_catalog(Path(__file__).resolve().parents[2] / "data" / "fair.json")
    catalog.warm()
    queries = [query for query, _ in QUERIES] + list(TYPED) + ["nuoc mam phu quoc 5 sao", "tom kho ca mau"]
    prefixes = sorted({query[:end] for query in queries for end in range(1, len(query) + 1)})
    narrowed = 0
    for prefix in prefixes:
        monkeypatch.setattr(matching, "NARROW_PHRASES_FROM", 0)
        fast = list(catalog.search_products(prefix).ids)
        monkeypatch.setattr(matching, "NARROW_PHRASES_FROM", 10**9)
        plain = list(catalog.search_products(prefix).ids)
        assert fast == plain, prefix
        narrowed += len(fast) > 1
    assert narrowed > 500  # the rule had something to order in most of them


def test_the_kept_first_letters_are_the_sets_a_search_would_make() -> None:
    """warm() keeps the words under each first letter (Matcher.keep_first_letters): the same sets as made anew,
    and the same results for every one-letter search and a word after it."""
    from ocop_tui.search.catalog import load_catalog
    from ocop_tui.search.matching import Matcher

    catalog = load_catalog(Path(__file__).resolve().parents[2] / "data" / "fair.json")
    catalog.warm()
    index = catalog.product_index
    kept = index.matcher._letters
    assert kept is not None and set(kept) == {word[0] for word in index.words.vocabulary}
    fresh = Matcher(index.words, {})
    for letter, sets in kept.items():
        assert sets == fresh.by_rank(letter, True), letter
    cold = load_catalog(Path(__file__).resolve().parents[2] / "data" / "fair.json")  # nothing kept
    for query in ("n", "b", "nuoc m", "phu q", "sao:5 t", "k"):
        assert list(catalog.search_products(query).ids) == list(cold.search_products(query).ids), query
