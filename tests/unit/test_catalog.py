"""The in-memory catalogue: accent-insensitive search, ranking, field prefixes, facets, sorting, lookups.

Catalogues are built in memory (Catalog.from_records, or raw tables through check_tables); no file, no UI.
"""

from __future__ import annotations

import unicodedata
from collections.abc import MutableSequence
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_tui.model import EXHIBITOR_TYPES, GROUPS, Booth, Fair, Product
from ocop_tui.search.catalog import BOOTH_COLUMNS, PRODUCT_COLUMNS, Catalog
from ocop_tui.store.contract import check_tables
from ocop_tui.text import vi_sort_key, words

FAIR = Fair(
    name="Diễn đàn OCOP vùng ĐBSCL",
    theme="Liên kết cùng phát triển",
    venue="Công viên Văn hóa An Hòa",
    city="Rạch Giá",
    start_date="2024-09-29",
    end_date="2024-10-03",
)

BOOTHS = (
    Booth("K-07", "HTX Nước mắm Khải Hoàn", "cooperative", "Kiên Giang", "Khu A", contact_name="Chị Hoà"),
    Booth("K-08", "Công ty Thanh Quốc", "enterprise", "Kiên Giang", "Khu A"),
    Booth("A-9", "Hộ SXKD Nguyễn Thị Lan", "household", "An Giang", "Khu B"),
    Booth("A-10", "HTX Thốt Nốt Bảy Núi", "cooperative", "An Giang", "Khu B"),
    Booth("D-01", "Làng nghề hoa kiểng Sa Đéc", "craft_village", "Đồng Tháp", "Khu C"),
    Booth("C-03", "Cơ sở Kim Nhiên", "household", "Cần Thơ", "Khu C"),
    Booth("H-02", "Công ty Kỳ Như", "enterprise", "Hậu Giang", "Khu C"),
)


def _product(code: str, name: str, group: str, stars: int, booth: str, province: str, price: int | None,
             **extra: Any) -> Product:  # fmt: skip
    producer = extra.pop("producer", f"Chủ thể {code}")
    return Product(code=code, name=name, group=group, stars=stars, booth_no=booth, producer=producer,
                   province=province, price_vnd=price, **extra)  # fmt: skip


PRODUCTS = (
    _product("P01", "Nước mắm Phú Quốc Khải Hoàn 40 độ đạm", "food", 5, "K-07", "Kiên Giang", 150_000,
             producer="HTX Khải Hoàn", name_en="Phu Quoc fish sauce"),
    _product("P02", "Nước mắm Phú Quốc Thanh Quốc", "food", 5, "K-08", "Kiên Giang", 120_000,
             producer="Công ty Thanh Quốc"),
    _product("P03", "Tiêu Phú Quốc", "food", 4, "K-08", "Kiên Giang", 80_000, producer="Công ty Thanh Quốc"),
    _product("P04", "Mắm ruốc", "food", 3, "K-07", "Kiên Giang", None, producer="HTX Khải Hoàn",
             description="Nước mắm và mắm ruốc Phú Quốc"),
    _product("P05", "Đường thốt nốt", "food", 4, "A-10", "An Giang", 45_000),
    _product("P06", "Khô cá lóc", "food", 3, "A-9", "An Giang", None),
    _product("P07", "Hoa kiểng Sa Đéc", "ornamentals", 4, "D-01", "Đồng Tháp", 300_000),
    _product("P08", "Trà mãng cầu Kim Nhiên Đặc biệt", "food", 4, "C-03", "Cần Thơ", 65_000),
    _product("P09", "Rượu gấc", "drinks", 3, "H-02", "Hậu Giang", 90_000),
    _product("P10", "Cá thát lát rút xương", "food", 5, "H-02", "Hậu Giang", None),
    _product("P11", "Cá cơm chấm nước mắm", "food", 3, "A-9", "An Giang", 30_000),
    _product("P12", "Tranh lá thốt nốt", "handicrafts", 3, "A-10", "An Giang", 300_000),
)  # fmt: skip


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.from_records(FAIR, BOOTHS, PRODUCTS)


def fresh() -> Catalog:
    return Catalog.from_records(FAIR, BOOTHS, PRODUCTS)


def codes(catalog: Catalog, query: str = "", **kwargs: Any) -> list[str]:
    return [catalog.products[i].code for i in catalog.search_products(query, **kwargs).ids]


def booth_nos(catalog: Catalog, query: str = "", **kwargs: Any) -> list[str]:
    return [catalog.booths[i].booth_no for i in catalog.search_booths(query, **kwargs).ids]


# Accent- and case-insensitive free text -------------------------------------------------------------


def test_empty_query_returns_everything_in_name_order(catalog: Catalog) -> None:
    result = catalog.search_products("")
    assert result.total == len(PRODUCTS)
    expected = [p.code for p in sorted(PRODUCTS, key=lambda p: vi_sort_key(p.name))]
    assert codes(catalog) == expected


@pytest.mark.parametrize(
    "query",
    [
        "nuoc mam phu quoc",
        "Nước mắm Phú Quốc",
        "NƯỚC MẮM PHÚ QUỐC",
        unicodedata.normalize("NFD", "Nước mắm Phú Quốc"),
        "  nuoc   MAM  phu quoc ",
    ],
)
def test_accent_insensitive(catalog: Catalog, query: str) -> None:
    assert codes(catalog, query) == ["P01", "P02", "P04"]


def test_d_bar_folds_to_d(catalog: Catalog) -> None:
    assert codes(catalog, "dac biet") == ["P08"]
    assert codes(catalog, "ĐẶC BIỆT") == ["P08"]
    assert codes(catalog, "duong thot not") == ["P05"]


def test_words_are_anded(catalog: Catalog) -> None:
    assert codes(catalog, "nuoc mam thanh") == ["P02"]
    assert codes(catalog, "phu quoc tieu") == ["P03"]
    assert codes(catalog, "thot not") == ["P05", "P12"]
    assert codes(catalog, "thot not tranh") == ["P12"]
    assert codes(catalog, "nuoc mam xyz") == []


def test_words_may_be_partial_while_typing(catalog: Catalog) -> None:
    assert codes(catalog, "nuoc m") == ["P01", "P02", "P11", "P04"]
    assert codes(catalog, "mang ca") == ["P08"]


def test_other_fields_are_searched(catalog: Catalog) -> None:
    assert codes(catalog, "khai hoan") == ["P01", "P04"]  # P04 only through its producer
    assert codes(catalog, "fish sauce") == ["P01"]  # English name
    assert codes(catalog, "hau giang") == ["P10", "P09"]  # province
    assert codes(catalog, "ornamentals") == ["P07"]  # group key
    assert codes(catalog, "sinh vat canh") == ["P07"]  # group, Vietnamese label
    assert codes(catalog, "p07") == ["P07"]  # code


def test_ranking_name_prefix_then_name_then_other_fields(catalog: Catalog) -> None:
    # P01, P02 start with "nước mắm"; P11 has it later in its name; P04 only in its description.
    assert codes(catalog, "nuoc mam") == ["P01", "P02", "P11", "P04"]


# Field prefixes -----------------------------------------------------------------------------------


def test_booth_prefix(catalog: Catalog) -> None:
    assert codes(catalog, "booth:K-07") == ["P04", "P01"]
    assert codes(catalog, "gian:k-07") == ["P04", "P01"]
    assert codes(catalog, "booth:k-0") == ["P04", "P01", "P02", "P03"]
    assert codes(catalog, "booth:K-07 nuoc") == ["P01", "P04"]


def test_stars_prefix(catalog: Catalog) -> None:
    assert sorted(codes(catalog, "stars:5")) == ["P01", "P02", "P10"]
    assert sorted(codes(catalog, "sao:5")) == ["P01", "P02", "P10"]
    assert sorted(codes(catalog, "stars:4+")) == ["P01", "P02", "P03", "P05", "P07", "P08", "P10"]
    assert sorted(codes(catalog, "stars:3")) == ["P04", "P06", "P09", "P11", "P12"]
    assert codes(catalog, "stars:many") == []
    assert codes(catalog, "stars:5 nuoc mam") == ["P01", "P02"]


@pytest.mark.parametrize(
    "query",
    ['province:"kien giang"', 'tinh:"Kiên Giang"', 'TỈNH:"KIÊN GIANG"', "province:kien", 'tinh:"kien giang'],
)
def test_province_prefix(catalog: Catalog, query: str) -> None:
    assert sorted(codes(catalog, query)) == ["P01", "P02", "P03", "P04"]


def test_quoted_phrase_is_one_term(catalog: Catalog) -> None:
    # "giang" alone matches four provinces; the phrase only one.
    assert sorted(codes(catalog, 'province:"hau giang"')) == ["P09", "P10"]
    assert codes(catalog, '"mam phu"') == ["P01", "P02"]  # P04 has "mắm ruốc Phú": not the phrase
    assert codes(catalog, '"phu mam"') == []


def test_other_prefixes(catalog: Catalog) -> None:
    assert codes(catalog, "group:drinks") == ["P09"]
    assert codes(catalog, "nhom:do uong") == ["P09"]
    assert codes(catalog, "producer:thanh quoc") == ["P02", "P03"]
    assert sorted(codes(catalog, 'zone:"khu b"')) == ["P05", "P06", "P11", "P12"]
    # Unquoted too: the prefix takes the words as long as a zone holds them all ("khu b", not "khu").
    assert sorted(codes(catalog, "zone:khu b")) == ["P05", "P06", "P11", "P12"]
    assert codes(catalog, "type:craft") == ["P07"]
    assert codes(catalog, 'loai:"làng nghề"') == ["P07"]
    assert sorted(codes(catalog, "ma:p1")) == ["P10", "P11", "P12"]


def test_unknown_prefix_is_plain_text(catalog: Catalog) -> None:
    result = catalog.search_products("color:red")
    assert [slot.words[0].text for slot in result.understood.slots] == ["color", "red"]
    assert list(result.ids) == []


def test_booth_search(catalog: Catalog) -> None:
    assert booth_nos(catalog, "htx") == ["A-10", "K-07"]
    assert booth_nos(catalog, 'tinh:"an giang"') == ["A-9", "A-10"]
    assert booth_nos(catalog, "hoa") == ["D-01", "K-07"]  # K-07's contact "Chị Hoà"
    assert booth_nos(catalog, "type:cooperative") == ["A-10", "K-07"]
    assert booth_nos(catalog, "hop tac xa") == ["A-10", "K-07"]


# Facets -------------------------------------------------------------------------------------------


def test_facet_counts_follow_the_search(catalog: Catalog) -> None:
    result = catalog.search_products("nuoc mam")
    assert result.facet_counts["province"] == {"Kiên Giang": 3, "An Giang": 1}
    assert result.facet_counts["stars"] == {"5": 2, "3": 2}
    assert result.facet_counts["group"] == {"food": 4}
    assert result.facet_counts["zone"] == {"Khu A": 3, "Khu B": 1}
    assert result.facet_counts["exhibitor_type"] == {"cooperative": 2, "enterprise": 1, "household": 1}


def test_facet_selection_narrows_others_not_itself(catalog: Catalog) -> None:
    everything = catalog.search_products("")
    result = catalog.search_products("", filters={"province": {"An Giang"}})
    assert codes(catalog, "", filters={"province": {"An Giang"}}) == ["P11", "P05", "P06", "P12"]
    assert result.facet_counts["province"] == everything.facet_counts["province"]  # still all choosable
    assert result.facet_counts["group"] == {"food": 3, "handicrafts": 1}
    assert result.facet_counts["stars"] == {"3": 3, "4": 1}


def test_multi_select_is_or_within_a_facet_and_within_other_facets(catalog: Catalog) -> None:
    filters = {"province": {"An Giang", "Hậu Giang"}, "stars": {"3"}}
    result = catalog.search_products("", filters=filters)
    assert sorted(codes(catalog, "", filters=filters)) == ["P06", "P09", "P11", "P12"]
    # province counts: narrowed by stars=3 only; stars counts: narrowed by the two provinces only.
    assert result.facet_counts["province"] == {"Kiên Giang": 1, "An Giang": 3, "Hậu Giang": 1}
    assert result.facet_counts["stars"] == {"3": 4, "4": 1, "5": 1}
    assert result.facet_counts["group"] == {"food": 2, "drinks": 1, "handicrafts": 1}


def test_facets_combine_with_text(catalog: Catalog) -> None:
    result = catalog.search_products("thot not", filters={"group": {"handicrafts"}})
    assert [catalog.products[i].code for i in result.ids] == ["P12"]
    assert result.facet_counts["group"] == {"food": 1, "handicrafts": 1}
    assert result.facet_counts["province"] == {"An Giang": 1}


def test_empty_or_unknown_filters_are_ignored(catalog: Catalog) -> None:
    assert codes(catalog, "", filters={"province": set()}) == codes(catalog)
    assert codes(catalog, "", filters={"colour": {"red"}}) == codes(catalog)
    assert codes(catalog, "", filters={"province": {"Hà Nội"}}) == []


def test_booth_facets(catalog: Catalog) -> None:
    result = catalog.search_booths("", filters={"zone": {"Khu C"}})
    assert result.facet_counts["zone"] == {"Khu A": 2, "Khu B": 2, "Khu C": 3}
    assert result.facet_counts["exhibitor_type"] == {"craft_village": 1, "household": 1, "enterprise": 1}


# Sorting ------------------------------------------------------------------------------------------

PROVINCE_ORDER = ["An Giang", "Cần Thơ", "Đồng Tháp", "Hậu Giang", "Kiên Giang"]
BOOTH_ORDER = ["A-9", "A-10", "C-03", "D-01", "H-02", "K-07", "K-08"]


def _name_key(p: Product) -> Any:
    return vi_sort_key(p.name)


PRODUCT_EXPECTED = {
    "name": sorted(PRODUCTS, key=_name_key),
    "stars": sorted(PRODUCTS, key=lambda p: (p.stars, _name_key(p))),
    "group": sorted(PRODUCTS, key=lambda p: (list(GROUPS).index(p.group), _name_key(p))),
    "province": sorted(PRODUCTS, key=lambda p: (PROVINCE_ORDER.index(p.province), _name_key(p))),
    "booth": sorted(PRODUCTS, key=lambda p: (BOOTH_ORDER.index(p.booth_no), _name_key(p))),
}


@pytest.mark.parametrize("column", sorted(PRODUCT_EXPECTED))
def test_product_sort_both_ways(catalog: Catalog, column: str) -> None:
    expected = [p.code for p in PRODUCT_EXPECTED[column]]
    assert codes(catalog, "", sort=(column, False)) == expected
    assert codes(catalog, "", sort=(column, True)) == expected[::-1]


def test_sort_columns_are_all_covered() -> None:
    assert set(PRODUCT_EXPECTED) | {"price"} == set(PRODUCT_COLUMNS)


def test_name_sort_is_vietnamese(catalog: Catalog) -> None:
    names = [catalog.products[i].name for i in catalog.search_products("", sort=("name", False)).ids]
    # Đ after D, not after all the Latin letters; Tr... after Ti...
    assert names.index("Đường thốt nốt") < names.index("Hoa kiểng Sa Đéc")
    assert names.index("Tiêu Phú Quốc") < names.index("Tranh lá thốt nốt")


def test_province_sort_is_vietnamese(catalog: Catalog) -> None:
    provinces = [catalog.products[i].province for i in catalog.search_products("", sort=("province", False)).ids]
    assert list(dict.fromkeys(provinces)) == PROVINCE_ORDER


def test_price_sort_is_numeric_and_blank_prices_come_last_both_ways(catalog: Catalog) -> None:
    priced = sorted((p for p in PRODUCTS if p.price_vnd is not None), key=lambda p: (p.price_vnd, _name_key(p)))
    blank = {p.code for p in PRODUCTS if p.price_vnd is None}
    ascending = codes(catalog, "", sort=("price", False))
    descending = codes(catalog, "", sort=("price", True))
    assert ascending[: len(priced)] == [p.code for p in priced]
    assert descending[: len(priced)] == [p.code for p in priced][::-1]
    assert set(ascending[len(priced) :]) == blank
    assert set(descending[len(priced) :]) == blank
    prices = [catalog.product(c).price_vnd for c in ascending[: len(priced)]]  # type: ignore[union-attr]
    assert prices == sorted(prices)  # 300000 after 45000: numbers, not text


def test_sort_applies_to_search_results_only(catalog: Catalog) -> None:
    assert codes(catalog, "nuoc mam", sort=("price", True)) == ["P01", "P02", "P11", "P04"]
    assert codes(catalog, "nuoc mam", sort=("price", False)) == ["P11", "P02", "P01", "P04"]
    assert codes(catalog, "nuoc mam", sort=("nonsense", False)) == ["P01", "P02", "P11", "P04"]  # relevance


def _booths_by(key: Any) -> list[str]:
    """Booth numbers ordered by `key`, ties broken by booth number as people read it."""
    return [b.booth_no for b in sorted(BOOTHS, key=lambda b: (key(b), BOOTH_ORDER.index(b.booth_no)))]


BOOTH_EXPECTED = {
    "booth": BOOTH_ORDER,
    "exhibitor": [b.booth_no for b in sorted(BOOTHS, key=lambda b: vi_sort_key(b.exhibitor))],
    "exhibitor_type": _booths_by(lambda b: list(EXHIBITOR_TYPES).index(b.exhibitor_type)),
    "province": _booths_by(lambda b: PROVINCE_ORDER.index(b.province)),
    "zone": _booths_by(lambda b: b.zone),
    "products": ["C-03", "D-01", "A-9", "A-10", "H-02", "K-07", "K-08"],  # 1, 1, 2, 2, 2, 2, 2 products
}


@pytest.mark.parametrize("column", sorted(BOOTH_EXPECTED))
def test_booth_sort_both_ways(catalog: Catalog, column: str) -> None:
    assert set(BOOTH_EXPECTED) == set(BOOTH_COLUMNS)
    assert booth_nos(catalog, "", sort=(column, False)) == BOOTH_EXPECTED[column]
    assert booth_nos(catalog, "", sort=(column, True)) == BOOTH_EXPECTED[column][::-1]


def test_exhibitor_sort_is_vietnamese(catalog: Catalog) -> None:
    exhibitors = [catalog.booths[i].exhibitor for i in catalog.search_booths("", sort=("exhibitor", False)).ids]
    # o < ô < ơ, so "Công" < "Cơ"; "Hộ" < "HTX" because o < t.
    assert exhibitors == [
        "Công ty Kỳ Như", "Công ty Thanh Quốc", "Cơ sở Kim Nhiên", "Hộ SXKD Nguyễn Thị Lan",
        "HTX Nước mắm Khải Hoàn", "HTX Thốt Nốt Bảy Núi", "Làng nghề hoa kiểng Sa Đéc",
    ]  # fmt: skip


# Results are safe to keep and the refining cache is invisible ----------------------------------------


@pytest.mark.parametrize(("query", "sort"), [("", None), ("nuoc", None), ("", ("price", True)), ("sao:3", None)])
def test_a_result_cannot_be_changed_in_place(catalog: Catalog, query: str, sort: Any) -> None:
    """A mutable list of ids would let a caller corrupt the candidates the next search refines."""
    result = catalog.search_products(query, sort=sort)
    ids: Any = result.ids
    assert not isinstance(ids, MutableSequence)
    for change in (lambda: ids.reverse(), lambda: ids.__setitem__(0, -1), lambda: ids.append(-1)):
        with pytest.raises((AttributeError, TypeError)):
            change()
    expected = list(ids)
    assert list(catalog.search_products(query, sort=sort).ids) == expected


VOCABULARY = [
    "n", "nu", "nuoc", "nuoc m", "nuoc mam", "nuoc mam phu", "nuoc mam phu quoc", "mam", "phu quoc", "quoc",
    "tieu", "thot not", "thot", "ca", "dac biet", "khai hoan", "hoa", "giang", "xyz",
    "stars:3", "stars:4+", "stars:5", "sao:4", "booth:k", "booth:k-0", "booth:k-07", "gian:a-1",
    'tinh:"kien giang"', "tinh:kien", "province:an", "zone:khu", "zone:khu a", "type:co", "nhom:thuc",
    '"mam phu"', "code:p0", "code:p01",
]  # fmt: skip
queries = st.lists(st.lists(st.sampled_from(VOCABULARY), max_size=3).map(" ".join), min_size=1, max_size=8)
filters = st.one_of(
    st.none(),
    st.fixed_dictionaries({"province": st.sets(st.sampled_from(PROVINCE_ORDER), max_size=2)}),
    st.fixed_dictionaries({"stars": st.sets(st.sampled_from(["3", "4", "5"]), max_size=2)}),
)
sorts = st.one_of(st.none(), st.tuples(st.sampled_from(PRODUCT_COLUMNS), st.booleans()))


@settings(max_examples=150, deadline=None)
@given(queries, filters, sorts)
def test_refining_cache_gives_what_a_fresh_catalog_gives(sequence: list[str], chosen: Any, sort: Any) -> None:
    typed = fresh()  # one catalogue that sees the whole sequence, as the search box does
    for query in sequence:
        got = typed.search_products(query, filters=chosen, sort=sort)
        want = fresh().search_products(query, filters=chosen, sort=sort)
        assert list(got.ids) == list(want.ids), query
        assert got.facet_counts == want.facet_counts
        booths_got = typed.search_booths(query)
        assert list(booths_got.ids) == list(fresh().search_booths(query).ids)


@settings(max_examples=100, deadline=None)
@given(queries)
def test_every_exact_result_holds_every_word(sequence: list[str]) -> None:
    catalog = fresh()
    for query in sequence:
        result = catalog.search_products(query)
        if result.close:
            continue
        free = [s.words[0] for s in result.understood.slots if s.kind == "word"]
        for i in result.ids:
            p = catalog.products[i]
            b = catalog.booth_of(i)
            haystack = " ".join([p.name, p.name_en, p.producer, p.province, p.booth_no, p.code, p.group,
                                 GROUPS[p.group].vi, GROUPS[p.group].en, p.description, b.zone])  # fmt: skip
            found = words(haystack)
            split = [a + b for a, b in pairwise(found)]
            for n, word in enumerate(free):
                before = free[n - 1].text if n else ""
                assert (
                    word.text in found  # a whole word
                    or word.text in split  # a word split in the record ("phuquoc")
                    or (word.open and any(w.startswith(word.text) for w in found))  # being typed
                    or any(w.startswith(word.text) for w in found if n + 1 < len(free))  # joined with the next
                    or (before and any(w.startswith(before + word.text) for w in found))  # joined with the last
                ), (query, p.code, word)


# Lookups ----------------------------------------------------------------------------------------


def test_booth_lookup_by_fold_key(catalog: Catalog) -> None:
    booth = catalog.booth("K-07")
    assert booth is not None and booth.exhibitor == "HTX Nước mắm Khải Hoàn"
    assert catalog.booth("k-07") is booth
    assert catalog.booth(" K-07 ") is booth
    assert catalog.booth("K-70") is None
    assert catalog.booth_index_of("a-10") == 3


def test_product_lookup_by_fold_key(catalog: Catalog) -> None:
    product = catalog.product("P01")
    assert product is not None and product.stars == 5
    assert catalog.product("p01") is product
    assert catalog.product("P99") is None
    assert catalog.product_index_of("p12") == 11


def test_lookups_ignore_accents_and_normal_form() -> None:
    booths = (Booth("Đ-01", "HTX Đồng Tháp", "cooperative", "Đồng Tháp", "Khu Đ"),)
    products = (_product("Mã-Sen-1", "Hạt sen Tháp Mười", "food", 4, "Đ-01", "Đồng Tháp", None),)
    catalog = Catalog.from_records(FAIR, booths, products)
    assert catalog.booth(unicodedata.normalize("NFD", "đ-01")) is booths[0]
    assert catalog.booth("D-01") is booths[0]  # Đ folds to D
    assert catalog.product("ma-sen-1") is products[0]
    assert catalog.booth_of(0) is booths[0]


def test_booth_relations(catalog: Catalog) -> None:
    k07 = catalog.booth_index_of("K-07")
    assert k07 is not None
    assert sorted(catalog.products[i].code for i in catalog.products_in_booth(k07)) == ["P01", "P04"]
    assert catalog.product_count(k07) == 2
    assert catalog.booth_of(2).booth_no == "K-08"
    same_producer = catalog.products_of_producer("Công ty Thanh Quốc")
    assert sorted(catalog.products[i].code for i in same_producer) == ["P02", "P03"]
    assert catalog.provinces == PROVINCE_ORDER
    assert catalog.zones == ["Khu A", "Khu B", "Khu C"]


# From raw tables through check_tables -------------------------------------------------------------


def test_catalog_from_checked_tables_normalises_text() -> None:
    nfd = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731
    tables = {
        "fair": {"1": {"name": "Hội chợ", "theme": "OCOP", "venue": "An Hòa", "city": "Rạch Giá",
                       "start_date": "2024-09-29", "end_date": "2024-10-03", "schema_version": 1}},
        "booths": {"1": {"booth_no": "K-07", "exhibitor": nfd("HTX Phú Quốc"), "exhibitor_type": "cooperative",
                         "province": nfd("Kiên Giang"), "zone": "Khu A"}},
        "products": {"1": {"code": "P01", "name": nfd("Nước mắm Phú Quốc"), "group": "food", "stars": 5,
                           "booth_no": "k-07", "producer": "HTX", "province": nfd("Kiên Giang"), "score": 92}},
    }  # fmt: skip
    checked = check_tables(tables)
    assert checked.errors == []
    catalog = Catalog.from_tables(checked)
    assert catalog.products[0].name == "Nước mắm Phú Quốc"  # NFC
    assert catalog.products[0].extra == {"score": 92}
    assert codes(catalog, "nuoc mam") == ["P01"]
    assert catalog.search_products("", filters={"province": {"Kiên Giang"}}).total == 1  # NFC facet value
    assert catalog.booth_of(0).booth_no == "K-07"  # "k-07" found its booth
