"""Search that answers the question: words not fragments, each ranking rule, understood words, booth and
code spellings, typo bounds. Small catalogues built in memory; each ranking test is a pair of records
where one rule decides."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_tui.model import Booth, Fair, Product
from ocop_tui.search.catalog import Catalog
from ocop_tui.search.numbers import booth_key, compact_code
from ocop_tui.search.typos import allowed_typos
from ocop_tui.text import fold, spelled_words, words, words_of_each

FAIR = Fair("Hội chợ", "OCOP", "An Hòa", "Rạch Giá", "2024-09-29", "2024-10-03")
BOOTHS = (
    Booth("K-007", "HTX Nước mắm Khải Hoàn", "cooperative", "Kiên Giang", "Khu trưng bày nước mắm"),
    Booth("A-012", "Hộ kinh doanh Lan", "household", "Cà Mau", "Khu tỉnh Cà Mau"),
    Booth("B-003", "Công ty Thanh Quốc", "enterprise", "Cần Thơ", "Khu tỉnh Cần Thơ"),
)


def product(code: str, name: str, *, stars: int = 3, booth: str = "A-012", province: str = "Cà Mau",
            **extra: Any) -> Product:  # fmt: skip
    extra.setdefault("producer", f"Cơ sở {code}")
    return Product(code=code, name=name, group=extra.pop("group", "food"), stars=stars, booth_no=booth,
                   province=province, **extra)  # fmt: skip


def catalog_of(*products: Product) -> Catalog:
    return Catalog.from_records(FAIR, BOOTHS, products)


def codes(catalog: Catalog, query: str) -> list[str]:
    return [catalog.products[i].code for i in catalog.search_products(query).ids]


# The tokenizer ------------------------------------------------------------------------------------------


def test_words_are_folded_runs_of_letters_and_digits() -> None:
    assert words("Nước mắm Phú Quốc 43 độ đạm, chai 500ml K-007 ST25") == [
        "nuoc", "mam", "phu", "quoc", "43", "do", "dam", "chai", "500ml", "k", "007", "st25",
    ]  # fmt: skip
    assert words(unicodedata.normalize("NFD", "Đặc biệt")) == ["dac", "biet"]
    assert spelled_words("Mắm ĐẶC-biệt") == ["mắm", "đặc", "biệt"]


vi_text = st.text(alphabet=st.sampled_from("aàảãáạăằắâầấbcdđeèéêềếghiklmnoòóôồốơờớpqrstuùúưừứvxyỳý 0123456789-,.–★"),
                  max_size=40)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(vi_text)
def test_folding_and_splitting_are_stable(text: str) -> None:
    found = words(text)
    assert words(" ".join(found)) == found  # splitting the words again changes nothing
    assert words(unicodedata.normalize("NFD", text)) == found
    assert words(text.upper()) == found
    assert all(fold(word) == word for word in found)
    assert words_of_each([text, text.upper()]) == [found, found]  # the index's bulk path agrees


# Whole words, and the word being typed as a prefix -----------------------------------------------------


def test_a_fragment_inside_a_word_is_not_a_match() -> None:
    catalog = catalog_of(product("P1", "Trà mãng cầu túi lọc", province="Cần Thơ", booth="B-003"),
                         product("P2", "Khô cá lóc", province="Cần Thơ", booth="B-003"))  # fmt: skip
    assert codes(catalog, "ca ") == ["P2"]  # "ca" is not "cầu"
    assert codes(catalog, "kho ca loc") == ["P2"]
    assert codes(catalog, "loc") == ["P1", "P2"] or codes(catalog, "loc") == ["P2", "P1"]


def test_only_the_word_being_typed_matches_the_start_of_a_word() -> None:
    catalog = catalog_of(product("P1", "Không đường"), product("P2", "Khô cá lóc"))
    assert codes(catalog, "kho") == ["P2", "P1"]  # being typed: "kho" may become "không" (whole word first)
    assert codes(catalog, "kho ca") == ["P2"]  # "kho" with more words after it must be whole
    assert codes(catalog, "kho ") == ["P2"]  # a space ends the word


def test_numbers_and_units_stay_words() -> None:
    catalog = catalog_of(product("P1", "Nước mắm 43 độ chai 500 ml"), product("P2", "Gạo ST25 túi 5kg"),
                         product("P3", "Nước mắm 40 độ chai 500ml"))  # fmt: skip
    assert codes(catalog, "43 do") == ["P1"]
    assert codes(catalog, "st25") == ["P2"]
    assert set(codes(catalog, "500 ml")) == {"P1", "P3"}  # "500ml" joined in P3
    assert set(codes(catalog, "500ml")) == {"P1", "P3"}  # split in P1


# Ranking rules: one pair of records per rule ------------------------------------------------------------


def test_exact_words_before_split_or_joined_words() -> None:
    catalog = catalog_of(product("P1", "Gạo st 25 thơm"), product("P2", "Gạo st25"))
    assert codes(catalog, "gao st25") == ["P2", "P1"]


def test_a_phrase_before_scattered_words() -> None:
    catalog = catalog_of(product("P1", "Tôm sú khô loại 1"), product("P2", "Tôm khô Rạch Gốc"))
    assert codes(catalog, "tom kho") == ["P2", "P1"]


def test_words_in_the_name_before_details_before_english_before_description() -> None:
    catalog = catalog_of(
        product("P1", "Bánh pía", description="Ngon như mứt sen"),
        product("P2", "Bánh pía", name_en="lotus jam cake"),
        product("P3", "Mứt sen"),
        product("P4", "Bánh pía", producer="Cơ sở Sen Vàng"),
    )
    assert codes(catalog, "sen") == ["P3", "P4", "P2", "P1"] or codes(catalog, "sen")[:2] == ["P3", "P4"]
    assert codes(catalog, "banh pia sen") == ["P4", "P1"]


def test_accents_as_typed() -> None:
    catalog = catalog_of(product("P1", "Mầm đậu nành"), product("P2", "Mắm đậu nành"))
    assert codes(catalog, "mam dau") == ["P2", "P1"] or codes(catalog, "mam dau") == ["P1", "P2"]
    assert codes(catalog, "mắm đậu") == ["P2", "P1"]
    assert codes(catalog, "mầm đậu") == ["P1", "P2"]


def test_a_whole_word_before_the_start_of_a_longer_one() -> None:
    catalog = catalog_of(product("P1", "Cam sành"), product("P2", "Ca cao"))
    assert codes(catalog, "ca") == ["P2", "P1"]


def test_a_name_that_starts_with_the_query_wins_its_tie() -> None:
    catalog = catalog_of(product("P1", "Bột ngó sen"), product("P2", "Sen ngó bột"), product("P3", "Ngó sen"))
    assert codes(catalog, "ngo sen")[0] == "P3"


def test_stars_then_name_order_break_the_last_ties() -> None:
    catalog = catalog_of(product("P1", "Kẹo dừa A", stars=3), product("P2", "Kẹo dừa B", stars=5),
                         product("P3", "Kẹo dừa C", stars=4))  # fmt: skip
    assert codes(catalog, "keo dua") == ["P2", "P3", "P1"]
    assert codes(catalog, "") == ["P1", "P2", "P3"]  # no search: the names in order


def test_typos_rank_after_exact_matches_and_only_when_nothing_matches_exactly() -> None:
    catalog = catalog_of(product("P1", "Tinh dầu tràm"), product("P2", "Tinh dầu trầm hương"))
    assert codes(catalog, "tinh dau tram") == ["P1", "P2"]  # tràm and trầm both fold to "tram"
    result = catalog.search_products("tinh dau trram")
    assert result.close and set(codes(catalog, "tinh dau trram")) == {"P1", "P2"}
    assert result.corrections == (("trram", "tram"),)
    assert not catalog.search_products("tinh dau tram").close


# Stars and provinces said in words -----------------------------------------------------------------------


@pytest.mark.parametrize("said", ["5 sao", "5*", "5 ★", "5★", "sao:5", "stars:5", "5sao"])
def test_star_words_filter(said: str) -> None:
    catalog = catalog_of(product("P1", "Nước mắm", stars=5), product("P2", "Nước mắm ngon", stars=3,
                                                                       description="OCOP 3 sao, 5 năm"))  # fmt: skip
    assert codes(catalog, f"nuoc mam {said}") == ["P1"]


@pytest.mark.parametrize("said", ["4 sao+", "4+ sao", "sao:4+", "4+★"])
def test_star_words_or_more(said: str) -> None:
    catalog = catalog_of(product("P1", "Mật ong", stars=5), product("P2", "Mật ong rừng", stars=4),
                         product("P3", "Mật ong nuôi"))  # fmt: skip
    assert sorted(codes(catalog, f"mat ong {said}")) == ["P1", "P2"]


def test_a_province_named_in_the_query_ranks_its_products_first() -> None:
    catalog = catalog_of(
        product("P1", "Tôm khô Gành Hào", province="Bạc Liêu", booth="B-003", description="Như tôm Cà Mau"),
        product("P2", "Tôm khô Rạch Gốc", province="Cà Mau"),
    )
    assert codes(catalog, "tom kho ca mau") == ["P2", "P1"]
    assert catalog.search_products("tom kho ca mau").understood.provinces == ("Cà Mau",)
    assert catalog.search_products("phu quoc").understood.provinces == ()  # a place, not a province


def test_exhibitor_type_words() -> None:
    catalog = catalog_of(product("P1", "Kẹo dừa", booth="K-007", province="Kiên Giang", producer="Ông Ba"),
                         product("P2", "Kẹo dừa", producer="HTX Mỏ Cày"), product("P3", "Kẹo dừa sữa"))  # fmt: skip
    assert sorted(codes(catalog, "htx keo dua")) == ["P1", "P2"]  # the booth's type, or the producer's name
    assert sorted(codes(catalog, "hop tac xa keo dua")) == ["P1"]


# Prefixes with values of several words -------------------------------------------------------------------


def test_prefixes_take_the_longest_known_value() -> None:
    catalog = catalog_of(
        product("P1", "Cá khô", province="Cà Mau", producer="HTX Cửu Long"),
        product("P2", "Cá khô", province="Kiên Giang", booth="K-007"),
        product("P3", "Khô mực", province="Cà Mau", booth="B-003"),
    )
    assert sorted(codes(catalog, "tinh:ca mau")) == ["P1", "P3"]
    assert codes(catalog, "tinh:ca mau kho muc") == ["P3"]  # "kho muc" is not part of any province
    assert codes(catalog, "chuthe:cuu long") == ["P1"]
    assert codes(catalog, "loai:hop tac xa") == ["P2"]
    assert codes(catalog, "khu:nuoc mam") == ["P2"]
    assert sorted(codes(catalog, 'tinh:"ca mau"')) == ["P1", "P3"]  # quotes still work


# Booth numbers and codes however written -----------------------------------------------------------------


@pytest.mark.parametrize("spelling", ["K7", "k-7", "K-07", "K-007", "K 007", "k7", "K.7"])
def test_booth_key(spelling: str) -> None:
    assert booth_key(spelling) == "k7"


@pytest.mark.parametrize("query", ["K7", "k-7", "K-07", "K 007", "gian:k7", "booth:K-07", "gian:K 7"])
def test_booth_numbers_however_written(query: str) -> None:
    catalog = catalog_of(product("P1", "Nước mắm", booth="K-007", province="Kiên Giang"), product("P2", "Cá k7"))
    assert codes(catalog, query)[0] == "P1"
    assert catalog.booth_index_of(query.split(":")[-1]) == 0


def test_booths_screen_finds_booth_numbers_however_written() -> None:
    catalog = catalog_of(product("P1", "Nước mắm", booth="K-007", province="Kiên Giang"))
    for query in ("K7", "k-7", "K-07", "K 007", "booth:K-07"):
        assert [catalog.booths[i].booth_no for i in catalog.search_booths(query).ids] == ["K-007"], query


@pytest.mark.parametrize("query", ["91-911-31030-3-2024", "919113103032024", "91 911 31030 3 2024", "31030",
                                   "ma:91-911", "ma:91911", "code:91 911 31030"])  # fmt: skip
def test_codes_with_or_without_dashes_and_by_their_tail(query: str) -> None:
    catalog = catalog_of(product("91-911-31030-3-2024", "Rượu sim"), product("91-912-40000-3-2024", "Rượu sim"))
    assert codes(catalog, query)[0] == "91-911-31030-3-2024"
    assert compact_code(" 91-911 31030 ") == "9191131030"


# Typo bounds ----------------------------------------------------------------------------------------------


def test_typo_bounds() -> None:
    assert [allowed_typos(w) for w in ("ca", "kho", "quoc", "phuquocx", "st25")] == [0, 0, 1, 2, 0]
    catalog = catalog_of(product("P1", "Nước mắm Phú Quốc"), product("P2", "Trà mãng cầu"),
                         product("P3", "Sầu riêng sấy Cai Lậy"))  # fmt: skip
    assert codes(catalog, "nuoc mam phu quok") == ["P1"]  # being typed: near the start of "quoc"
    assert codes(catalog, "nuoc mam phu qouc ") == ["P1"]  # two letters swapped
    assert codes(catalog, "sau reing say") == ["P3"]
    assert codes(catalog, "cu ") == []  # three letters or fewer: no typo
    assert codes(catalog, "xyzw ") == []  # nothing within one typo
    assert codes(catalog, "nuoc mam phu quxyz") == []  # two typos in a five-letter word: too far


def test_joined_and_split_words() -> None:
    catalog = catalog_of(product("P1", "Nước mắm Phú Quốc"), product("P2", "Gạo ST25"))
    assert codes(catalog, "nuoc mam phuquoc") == ["P1"]
    assert codes(catalog, "nuocmam") == ["P1"]
    assert codes(catalog, "gao st 25") == ["P2"]
    assert not catalog.search_products("nuoc mam phuquoc").close  # not a typo: no "closest" line


# A record finds itself ----------------------------------------------------------------------------------

NAME_WORDS = ["nước", "mắm", "khô", "cá", "lóc", "tôm", "kẹo", "dừa", "sen", "Phú", "Quốc", "Đặc", "biệt", "ST25"]
name_words = st.lists(st.sampled_from([*NAME_WORDS, "43", "độ"]), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(name_words, st.integers(min_value=1, max_value=999), st.integers(min_value=10000, max_value=99999))
def test_a_record_finds_itself_by_name_code_and_booth(name: list[str], booth: int, serial: int) -> None:
    number = f"K-{booth:03d}"
    code = f"91-911-{serial}-3-2024"
    booths = (Booth(number, "HTX A", "cooperative", "Kiên Giang", "Khu A"),
              Booth("Z-999", "HTX B", "cooperative", "Cà Mau", "Khu B"))  # fmt: skip
    products = (Product(code, " ".join(name), "food", 3, number, "HTX A", "Kiên Giang"),
                Product("96-970-11111-3-2024", "Mật ong rừng", "food", 4, "Z-999", "HTX B", "Cà Mau"))  # fmt: skip
    catalog = Catalog.from_records(FAIR, booths, products)
    text = " ".join(name)
    for query in (text, fold(text), text.upper(), unicodedata.normalize("NFD", text), text + " "):
        assert 0 in list(catalog.search_products(query).ids), query
    for query in (code, code.replace("-", ""), code.replace("-", " "), str(serial), "ma:" + code[:6]):
        assert catalog.search_products(query).ids[0] == 0, query
    for query in (number, f"K{booth}", f"k-{booth}", f"K {booth:03d}", f"gian:K{booth}"):
        assert list(catalog.search_products(query).ids) == [0], query
