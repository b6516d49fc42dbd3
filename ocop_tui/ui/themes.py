"""The app's three themes (dark, light, high contrast), their names in both languages, and the colours the
stylesheet asks of a theme beyond Textual's own.

Each theme is readable: every text the app draws, the highlighted row, star ratings and links included,
reaches WCAG AA (4.5:1) against its background (tests/ui/test_contrast.py computes the ratios on every screen).
Textual's derived colours that fall short are set here: the highlighted row's text, the muted texts, the
footer's keys. `ocop-stars` is the colour of star ratings (app.tcss, and `stars_style`), one a theme chooses.
"""

from __future__ import annotations

from functools import lru_cache

from rich.style import Style
from textual.app import App
from textual.theme import Theme

# Textual's derived colours set by hand where they fall short: the highlighted row's text (Textual's automatic
# choice is worked out against the widget, not the cursor) and, per variant, a button's text.
_BLUE_AND_GREEN = {
    "block-cursor-foreground": "#FFFFFF",
    "ocop-on-primary": "#FFFFFF",  # white on the blue primary buttons
    "ocop-on-success": "#000000",  # black on the green ones
    "ocop-on-error": "#FFFFFF",
}
_DARK_VARIABLES = {
    **_BLUE_AND_GREEN,
    "block-cursor-background": "#0069BA",  # the primary blue, a shade darker: white on it reads (5.6:1)
    "ocop-primary-button": "#0069BA",
    "ocop-stars": "#FFC473",
    "ocop-muted": "#A0A0A0",
}

# The colours app.tcss uses that Textual's themes do not define, with what a theme without them gets (the dark
# theme's): star ratings; muted text (counts, hints, placeholders: Textual's $text-muted is an "auto" colour,
# which component classes resolve against the wrong background); the primary button and each button's text.
VARIABLE_DEFAULTS: dict[str, str] = {name: value for name, value in _DARK_VARIABLES.items() if name.startswith("ocop-")}

OCOP_DARK = Theme(
    name="ocop-dark",
    primary="#0178D4",
    secondary="#004578",
    accent="#ffa62b",
    warning="#ffa62b",
    error="#ba3c5b",
    success="#4EBF71",
    foreground="#e0e0e0",
    variables=_DARK_VARIABLES,
)

OCOP_LIGHT = Theme(
    name="ocop-light",
    primary="#004578",
    secondary="#0178D4",
    accent="#ffa62b",
    warning="#ffa62b",
    error="#ba3c5b",
    success="#4EBF71",
    surface="#D8D8D8",
    panel="#D0D0D0",
    background="#E0E0E0",
    dark=False,
    foreground="#1F1F1F",
    variables={
        **_BLUE_AND_GREEN,
        "footer-key-foreground": "#004578",
        "text-success": "#1B5E30",
        "ocop-primary-button": "#004578",
        "ocop-stars": "#6B4400",
        "ocop-muted": "#4A4A4A",
    },
)

HIGH_CONTRAST = Theme(
    name="ocop-high-contrast",
    primary="#ffd700",
    secondary="#00e5ff",
    accent="#ff8c00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    success="#00ff66",
    warning="#ffd700",
    error="#ff4040",
    boost="#333333",
    dark=True,
    variables={
        # Black on gold, green and red: Textual's automatic choice for the highlighted row was white (1.4:1).
        "block-cursor-foreground": "#000000",
        "ocop-on-primary": "#000000",
        "ocop-on-success": "#000000",
        "ocop-on-error": "#000000",
        "ocop-primary-button": "#ffd700",
        "ocop-stars": "#ffd700",
        "ocop-muted": "#BFBFBF",
    },
)

THEMES: tuple[Theme, ...] = (OCOP_DARK, OCOP_LIGHT, HIGH_CONTRAST)  # the order F8 goes through them


def theme_label_key(name: str) -> str | None:
    """The translation key of a theme's name as people read it ("Tối" / "Dark"), None for a theme not ours."""
    return f"theme.{name}" if any(theme.name == name for theme in THEMES) else None


def few_colours(color_system: str | None, no_color: bool) -> bool:
    """A terminal of 16 colours or none (TERM=linux, NO_COLOR): a highlight cannot rely on a colour there, so
    the app marks it in reverse video too (app.tcss, `.-few-colours`)."""
    return no_color or color_system in (None, "standard", "windows")


def stars_style(app: App[object]) -> Style:
    """Star ratings drawn in code (tables, details, cards) in the theme's colour for them."""
    return _colour_style(app.theme_variables.get("ocop-stars", VARIABLE_DEFAULTS["ocop-stars"]))


@lru_cache(maxsize=16)
def _colour_style(colour: str) -> Style:
    """One Style per colour (a table row asks for the stars' on every new row: parsing it each time cost more
    than the rest of the cell)."""
    return Style(color=colour)
