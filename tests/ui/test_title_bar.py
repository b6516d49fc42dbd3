"""The title bar: the fair's name, "demo data" right after it (never cut before the theme), and a theme
that does not repeat the end of the name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ocop_tui.model import Fair
from ocop_tui.search.catalog import Catalog
from ocop_tui.ui.app import theme_without_repeat
from ocop_tui.ui.factory import make_app

from .fixtures import BOOTHS, FAIR, PRODUCTS

NAME = "Diễn đàn OCOP Đồng bằng sông Cửu Long – Kiên Giang 2024"


@pytest.mark.parametrize(
    ("theme", "shown"),
    [
        ("Liên kết cùng phát triển – Kiên Giang 2024", "Liên kết cùng phát triển"),
        ("Liên kết cùng phát triển - kien giang 2024", "Liên kết cùng phát triển"),  # any dash, any accents
        ("Liên kết cùng phát triển – Cần Thơ 2025", "Liên kết cùng phát triển – Cần Thơ 2025"),
        ("Kiên Giang 2024", "Kiên Giang 2024"),  # nothing before the dash: kept whole
        ("– Kiên Giang 2024", "– Kiên Giang 2024"),
        ("", ""),
    ],
)
def test_the_theme_drops_only_a_repeated_end(theme: str, shown: str) -> None:
    assert theme_without_repeat(NAME, theme) == shown


@given(st.text(max_size=30), st.text(max_size=30))
def test_the_theme_is_never_emptied_nor_lengthened(name: str, theme: str) -> None:
    shown = theme_without_repeat(name, theme)
    assert theme.startswith(shown)
    assert bool(shown.strip()) == bool(theme.strip()) or theme.lstrip().startswith(("–", "-", "—"))


@pytest.mark.parametrize(("lang", "demo"), [("vi", "(dữ liệu mẫu)"), ("en", "(demo data)")])
async def test_demo_data_follows_the_name_in_the_title_bar(lang: str, demo: str) -> None:
    fair = Fair(**{**{f: getattr(FAIR, f) for f in FAIR.__struct_fields__}, "demo": True,
                   "name": NAME, "theme": "Liên kết cùng phát triển – Kiên Giang 2024"})  # fmt: skip
    app = make_app(Catalog.from_records(fair, BOOTHS, PRODUCTS), lang=lang)  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.title.endswith(demo)
        assert app.title.startswith(NAME if lang == "vi" else fair.text_in("name", "en"))
        assert "Kiên Giang 2024" not in app.sub_title
