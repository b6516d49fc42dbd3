"""The shortlist (shortlist/items.py, groups.py): collecting, grouping by booth, and its text in both languages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ocop_tui.shortlist.groups import booth_heading, group_by_booth, product_line
from ocop_tui.shortlist.items import MAX_ITEMS, Item, Shortlist, ShortlistFull
from tests.ui.fixtures import hostile_catalog, mini_catalog


def test_adding_removing_and_toggling() -> None:
    shortlist = Shortlist()
    assert shortlist.add("product", "91-001-1-5-2022") and not shortlist.add("product", "91-001-1-5-2022 ")
    assert shortlist.add("booth", "B-01")
    assert shortlist.has_product("91-001-1-5-2022") and shortlist.has_booth("b-01")  # matched as the store does
    assert not shortlist.has_booth("91-001-1-5-2022")  # a product code is not a booth
    assert len(shortlist) == 2 and shortlist.keys("booth") == ["B-01"]
    assert shortlist.toggle("booth", "b-01") is False and not shortlist.has_booth("B-01")
    assert shortlist.toggle("booth", "B-02") is True and shortlist.items[-1] == Item("booth", "B-02")
    assert shortlist.remove("product", "91-001-1-5-2022") and not shortlist.remove("product", "91-001-1-5-2022")
    assert Item("booth", "b-02") in shortlist
    with pytest.raises(ValueError):
        shortlist.add("stand", "x")  # type: ignore[arg-type]


def test_revision_grows_with_every_change_only() -> None:
    shortlist = Shortlist()
    seen = [shortlist.revision]
    shortlist.add("booth", "B-01")
    seen.append(shortlist.revision)
    shortlist.add("booth", "B-01")  # nothing changed
    seen.append(shortlist.revision)
    shortlist.remove("booth", "K-99")  # nothing to remove
    seen.append(shortlist.revision)
    shortlist.toggle("booth", "B-01")
    seen.append(shortlist.revision)
    assert seen == [0, 1, 1, 1, 2]
    assert shortlist.clear() == 0 and shortlist.revision == 2


def test_clear_says_how_many_items_there_were() -> None:
    shortlist = Shortlist([Item("booth", "B-01"), Item("product", "x"), Item("product", "y")])
    assert shortlist.clear() == 3 and len(shortlist) == 0


def test_copy_replace_and_equality() -> None:
    shortlist = Shortlist([Item("booth", "B-01"), Item("product", "x")])
    copy = shortlist.copy()
    assert copy == shortlist and copy is not shortlist
    copy.add("booth", "B-02")
    assert copy != shortlist
    shortlist.replace(copy)
    assert shortlist == copy and shortlist.keys("booth") == ["B-01", "B-02"]


def test_a_list_has_a_limit() -> None:
    shortlist = Shortlist(Item("product", str(i)) for i in range(MAX_ITEMS))
    with pytest.raises(ShortlistFull):
        shortlist.add("product", "one more")
    assert not shortlist.add("product", "0")  # already there: no error


@given(st.lists(st.tuples(st.sampled_from(["product", "booth"]), st.sampled_from(["a", "A", "b", "Đ", "đ", "c"]))))
def test_toggling_twice_leaves_the_list_as_it_was(steps: list[tuple[str, str]]) -> None:
    shortlist = Shortlist()
    for kind, key in steps:
        shortlist.toggle(kind, key)  # type: ignore[arg-type]
    before = shortlist.copy()
    for kind, key in steps:
        shortlist.toggle(kind, key)  # type: ignore[arg-type]
        shortlist.toggle(kind, key)  # type: ignore[arg-type]
    assert shortlist == before


def test_grouped_by_booth_in_booth_number_order() -> None:
    catalog = mini_catalog()
    shortlist = Shortlist([
        Item("product", "87-001-1-4-2024"), Item("booth", "K-07"), Item("product", "91-001-2-4-2023"),
        Item("product", "91-001-1-5-2022"), Item("product", "nope"), Item("booth", "Z-99"), Item("booth", "B-01"),
    ])  # fmt: skip
    groups = group_by_booth(shortlist, catalog)
    assert groups.booth_nos == ["B-01", "D-03", "K-07"]
    by_no = {group.booth_no: group for group in groups.groups}
    assert by_no["K-07"].marked and [p.code for p in by_no["K-07"].products] == ["91-001-2-4-2023", "91-001-1-5-2022"]
    assert by_no["B-01"].marked and by_no["B-01"].products == ()
    assert not by_no["D-03"].marked and len(by_no["D-03"].products) == 1
    assert groups.missing == (Item("product", "nope"), Item("booth", "Z-99"))
    assert groups.product_count == 3 and len(groups) == 3


def test_headings_and_product_lines_in_both_languages() -> None:
    catalog = mini_catalog()
    booth = catalog.booth("K-07")
    assert booth is not None
    assert booth_heading(booth) == "K-07 Công ty TNHH Nước mắm Khải Hoàn · 0912 345 678"
    no_phone = catalog.booth("K-08")
    assert no_phone is not None and booth_heading(no_phone) == "K-08 HTX Nước mắm Thanh Quốc"
    product = catalog.product("91-001-1-5-2022")
    assert product is not None
    assert product_line(product, "vi") == "Nước mắm Phú Quốc Khải Hoàn 40 độ đạm · 5★ · 185.000 ₫/chai 500ml"
    assert product_line(product, "en") == "Khai Hoan Phu Quoc fish sauce 40N · 5★ · 185,000 VND/chai 500ml"
    unpriced = catalog.product("84-002-1-3-2022")  # no price, no English name
    assert unpriced is not None
    assert product_line(unpriced, "en") == "Mật hoa dừa Cầu Kè · 3★"


def test_text_from_hostile_records_is_clean() -> None:
    catalog = hostile_catalog()
    shortlist = Shortlist(Item("product", p.code) for p in catalog.products)
    groups = group_by_booth(shortlist, catalog)
    assert len(groups) == len(catalog.booths)
    for group in groups.groups:
        texts = [booth_heading(group.booth)] + [product_line(p, "vi") for p in group.products]
        assert all(text.isprintable() and "\x1b" not in text and "\u202e" not in text for text in texts)
