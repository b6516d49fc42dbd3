"""Results tables: the name gets the spare width first, columns come in and drop out in the stated order, and a
wider table never shows fewer columns nor a narrower name (widgets/columns.py, with the screens' columns)."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from ocop_tui.i18n import Translator
from ocop_tui.ui.screens.booths import BoothsScreen
from ocop_tui.ui.screens.help import columns_text
from ocop_tui.ui.screens.products import ProductsScreen
from ocop_tui.ui.widgets.columns import GAP, Column, column_widths, drop_order


def declared(screen: type, lang: str = "vi") -> list[Column]:
    """A screen's columns as it declares them (they only need the app's translator)."""
    return screen.columns(SimpleNamespace(app=SimpleNamespace(tr=Translator(lang))))  # type: ignore[arg-type]


TABLES = [declared(ProductsScreen), declared(BoothsScreen), declared(ProductsScreen, "en")]


def widths(columns: list[Column], total: int) -> dict[str, int]:
    return {column.key: width for column, width in column_widths(columns, total)}


@given(table=st.sampled_from(TABLES), total=st.integers(min_value=0, max_value=300))
def test_a_wider_table_never_shows_fewer_columns_nor_a_narrower_name(table, total):
    name = next(c.key for c in table if c.flexible)
    now, wider = widths(table, total), widths(table, total + 1)
    assert set(now) <= set(wider)
    assert wider[name] >= now[name]
    assert sum(now.values()) + GAP * (len(now) - 1) <= total  # never wider than the table


@given(table=st.sampled_from(TABLES), total=st.integers(min_value=0, max_value=300))
def test_columns_show_in_priority_order_and_only_with_room_for_the_name(table, total):
    shown = widths(table, total)
    name = next(c for c in table if c.flexible)
    others = sorted((c for c in table if not c.flexible), key=lambda c: c.priority)
    keys = [c.key for c in others if c.key in shown]
    assert keys == [c.key for c in others[: len(keys)]]  # a prefix: never a column while a more important one hides
    for column in others:
        if column.key in shown:
            assert shown[name.key] >= column.name_room and column.width <= shown[column.key] <= max(
                column.max_width, column.width
            )
    if len(keys) < len(others):  # until every column shows, the name takes no more than the next one asks for
        following = others[len(keys)]
        assert shown[name.key] <= max(following.name_room, *(c.name_room for c in others[: len(keys)]), 0)


def test_the_products_name_has_room_at_the_sizes_people_use():
    products = declared(ProductsScreen)
    # The products table's width at 80x24, 120x36, 140x44, 160x48 and 200x60 (the panes' shares in app.tcss).
    at = {size: widths(products, total) for size, total in [(80, 78), (120, 58), (140, 71), (160, 82), (200, 110)]}
    assert list(at[80]) == ["name", "stars", "province", "booth", "price"] and at[80]["name"] >= 38
    assert list(at[120]) == ["name", "stars", "booth", "price"] and at[120]["name"] >= 33
    assert "province" in at[140] and at[140]["name"] >= at[120]["name"]
    assert at[160]["name"] >= at[140]["name"]
    assert list(at[200]) == ["name", "stars", "group", "province", "booth", "price"] and at[200]["name"] >= 60


def test_the_drop_order_is_the_one_the_help_states():
    tr = Translator("vi")
    assert [c.key for c in drop_order(declared(ProductsScreen))] == ["group", "province", "price", "stars", "booth"]
    assert [c.key for c in drop_order(declared(BoothsScreen))] == ["exhibitor_type", "province", "zone", "products"]
    text = columns_text(declared(ProductsScreen), tr).plain
    assert "Nhóm → Tỉnh → Giá → Sao → Gian" in text and "Sao" in text
    text = columns_text(declared(BoothsScreen, "en"), Translator("en")).plain
    assert "Type → Province → Zone → Items" in text
