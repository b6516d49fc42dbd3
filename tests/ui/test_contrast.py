"""Every theme is readable: all text the app draws, on every screen, reaches WCAG AA (4.5:1) against its
background. The ratios are computed from the colours each piece of text is drawn in, read off the screen:
the theme's own colours and those app.tcss and Textual derive from them (muted text, the highlighted row, star
ratings, links, the map's marks, the palette). In 16 colours and without colour (NO_COLOR) the highlighted
row stays apart from the striped rows: it is drawn in reverse video as well.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rich.color import ColorSystem
from rich.style import Style
from textual.color import Color
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen

from ocop_tui.ui.factory import make_app
from ocop_tui.ui.textual_compat import WordedCommandPalette
from ocop_tui.ui.themes import THEMES, few_colours

from .drawn import contrast_ratio, drawn_segments
from .fixtures import mini_catalog
from .kiosk_support import FakeClock, kiosk
from .walk import IDLE, steady, walk_browser, walk_kiosk

AA = 4.5


def below_aa(where: str, screen: Screen[object], found: dict[tuple[str, str, str], str]) -> None:
    """Note each pair of colours text is drawn in below AA on `screen` (with a sample of the text)."""
    for drawn in drawn_segments(screen):
        if drawn.widget is screen:
            continue  # a dialog's see-through backdrop over the screen behind it, dimmed on purpose
        ratio = contrast_ratio(drawn.foreground, drawn.background)
        if ratio < AA:
            key = (where, drawn.foreground.hex, drawn.background.hex)
            found.setdefault(key, f"{ratio:.2f}:1 {type(drawn.widget).__name__} {drawn.text.strip()[:30]!r}")


@pytest.fixture(autouse=True)
def quick_no_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(WordedCommandPalette, "NO_MATCHES_DELAY", 0.001)


@pytest.mark.parametrize("theme", [theme.name for theme in THEMES])
async def test_every_text_of_the_browser_reaches_aa_in_every_theme(theme: str) -> None:
    app = make_app(mini_catalog(), lang="en")
    found: dict[tuple[str, str, str], str] = {}
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        app.theme = theme
        async for where in walk_browser(pilot, "K-07"):
            below_aa(where, app.screen, found)
    assert found == {}


@pytest.mark.parametrize("theme", [theme.name for theme in THEMES])
async def test_every_text_of_the_kiosk_reaches_aa_in_every_theme(theme: str, tmp_path: Path) -> None:
    clock = FakeClock()
    app = kiosk(mini_catalog(), tmp_path, clock, lang="en", idle_seconds=IDLE)
    found: dict[tuple[str, str, str], str] = {}
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = theme
        async for where in walk_kiosk(pilot, clock):
            below_aa(where, app.screen, found)
    assert found == {}


def test_the_checker_sees_a_low_contrast_pair() -> None:
    """The ratio is WCAG's: the high-contrast theme's old highlighted row, white on gold, is 1.4:1."""
    assert round(contrast_ratio(Color.parse("#ffffff"), Color.parse("#ffd700")), 1) == 1.4
    assert round(contrast_ratio(Color.parse("#000000"), Color.parse("#ffffff")), 1) == 21.0


def test_few_colours_means_16_colours_or_none() -> None:
    assert few_colours("standard", False) and few_colours("windows", False) and few_colours(None, False)
    assert few_colours("truecolor", True)  # NO_COLOR
    assert not few_colours("truecolor", False) and not few_colours("256", False)


def row_styles(pilot: Pilot) -> list[Style]:
    """The style of the first cell of each of the results table's first rows (the first row highlighted)."""
    table = pilot.app.screen.query_one("#table")
    lines = table.render_lines(Region(0, 1, table.size.width, 4))
    return [next(segment.style for segment in line if segment.text.strip()) for line in lines]


def looks(style: Style, system: ColorSystem) -> tuple[int | None, int | None]:
    """How a row looks on a terminal of `system` colours: its colours' numbers there, reverse video applied."""
    fg, bg = (colour.downgrade(system).number if colour else None for colour in (style.color, style.bgcolor))
    return (bg, fg) if style.reverse else (fg, bg)


async def test_in_16_colours_the_highlighted_row_stands_apart_while_typing() -> None:
    app = make_app(mini_catalog(), lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n", "u", "o", "c")  # the search box has the focus: the row is highlighted, unfocused
        await steady(pilot)
        plain = [looks(style, ColorSystem.STANDARD) for style in row_styles(pilot)]
        assert plain[0] in plain[1:]  # why: its colour and a striped row's are one of 16 colours
        app.set_class(True, "-few-colours")  # what the app does on such a terminal (themes.few_colours)
        await steady(pilot)
        styles = row_styles(pilot)
        assert styles[0].reverse and not any(style.reverse for style in styles[1:])
        seen = [looks(style, ColorSystem.STANDARD) for style in styles]
        assert Counter(seen)[seen[0]] == 1  # no other row looks like the highlighted one


async def test_without_colour_the_highlighted_row_is_in_reverse_video(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(mini_catalog(), lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.no_color
        await pilot.press("n", "u", "o", "c")
        await steady(pilot)
        styles = row_styles(pilot)
        assert styles[0].reverse and not any(style.reverse for style in styles[1:])
