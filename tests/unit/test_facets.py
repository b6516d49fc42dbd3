"""Facets without a UI: what each screen offers, labels in both languages, the order values are listed and
charted in, the panel's choices for a result, and the chosen filters read back as text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ocop_tui.model import EXHIBITOR_TYPES, GROUPS
from ocop_tui.search.facets import (
    BOOTH_FACETS,
    PRODUCT_FACETS,
    describe_filters,
    facet_choices,
    facet_label,
    facet_order,
    facet_ranking,
    facet_title,
)


def test_each_screen_offers_its_facets():
    assert PRODUCT_FACETS == ("province", "group", "stars", "zone", "exhibitor_type")
    assert BOOTH_FACETS == ("province", "zone", "exhibitor_type")


def test_titles_and_labels_in_both_languages():
    assert (facet_title("province", "vi"), facet_title("province", "en")) == ("Tỉnh", "Province")
    assert facet_title("exhibitor_type", "en") == "Exhibitor type"
    assert (facet_label("group", "drinks", "vi"), facet_label("group", "drinks", "en")) == ("Đồ uống", "Drinks")
    assert facet_label("exhibitor_type", "cooperative", "en") == "Cooperative"
    assert facet_label("stars", "4", "en") == "★★★★"
    assert facet_label("province", "Kiên Giang", "vi") == "Kiên Giang"
    assert facet_label("zone", "Khu A", "en") == "Khu A"  # the store's own name, in every language


def test_names_from_the_store_are_cleaned():
    assert facet_label("zone", "Khu \x1b]0;pwned\x07A\u202e", "vi") == "Khu A"
    assert facet_label("province", "Tỉnh\tlạ", "en") == "Tỉnh lạ"


def test_listed_order():
    assert facet_order("group", {"tourism", "food", "drinks"}, "vi") == ["food", "drinks", "tourism"]
    assert facet_order("group", {"zzz", "food", "aaa"}, "vi") == ["food", "aaa", "zzz"]  # unknown ones last
    assert facet_order("exhibitor_type", set(EXHIBITOR_TYPES), "en") == list(EXHIBITOR_TYPES)
    assert facet_order("stars", {"3", "5", "4"}, "vi") == ["5", "4", "3"]
    # Vietnamese alphabetical order (Đ after D, not after Z) of the label in the language shown.
    assert facet_order("zone", {"Khu Đ", "Khu D", "Khu E"}, "vi") == ["Khu D", "Khu Đ", "Khu E"]
    assert facet_order("province", {"Kiên Giang", "Đồng Tháp", "An Giang"}, "vi") == [
        "An Giang",
        "Đồng Tháp",
        "Kiên Giang",
    ]


def test_charts_put_the_most_first_except_on_a_scale():
    counts = {"Khu B": 2, "Khu A": 2, "Khu C": 9}
    assert facet_ranking("zone", counts, "vi") == ["Khu C", "Khu A", "Khu B"]  # ties in the listed order
    assert facet_ranking("stars", {"3": 50, "5": 1, "4": 9}, "vi") == ["5", "4", "3"]
    assert facet_ranking("group", {"drinks": 5, "food": 1}, "vi") == ["food", "drinks"]
    assert facet_ranking("exhibitor_type", {"household": 1, "enterprise": 1, "cooperative": 3}, "en") == [
        "cooperative",
        "enterprise",
        "household",
    ]


def test_choices_show_found_values_and_the_chosen_ones():
    counts = {"province": {"Kiên Giang": 3, "An Giang": 0}, "stars": {"5": 1}}
    choices = facet_choices(("province", "stars", "zone"), counts, {"province": {"Trà Vinh"}}, "en")
    assert [c.key for c in choices] == ["province", "stars", "zone"]
    province = choices[0]
    assert province.title == "Province"
    # An Giang has no result: not shown; Trà Vinh has none either but is chosen: shown, to be unchosen.
    assert [(v.value, v.count, v.selected) for v in province.values] == [
        ("Kiên Giang", 3, False),
        ("Trà Vinh", 0, True),
    ]
    assert choices[1].values[0].label == "★★★★★"
    assert choices[2].values == ()


def test_chosen_filters_read_back():
    selected = {"stars": {"5"}, "province": {"Trà Vinh", "Bến Tre"}, "zone": set()}
    assert describe_filters(PRODUCT_FACETS, selected, "vi") == "Tỉnh: Bến Tre, Trà Vinh; Số sao: ★★★★★"
    assert describe_filters(PRODUCT_FACETS, {"group": {"food"}}, "en") == "OCOP group: Food"
    assert describe_filters(BOOTH_FACETS, {"stars": {"5"}}, "en") == ""  # not a booth facet


@given(st.sets(st.sampled_from([*GROUPS, "other", "zzz"])), st.sampled_from(["vi", "en"]))
def test_every_value_is_listed_once(values, lang):
    for facet in PRODUCT_FACETS:
        if facet == "stars":
            continue
        assert sorted(facet_order(facet, values, lang)) == sorted(values)
