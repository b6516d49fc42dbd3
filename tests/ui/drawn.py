"""What a screen draws, cell by cell, read through Textual's public API: its text and the colours of that text.

`drawn_segments(screen)` renders every widget on view (`Widget.render_lines`, as the compositor does) and gives
each piece of text with the colours it reaches the terminal in (after Textual's filters: ANSI colours as the
theme's true colours, dim text blended into its background). The language and contrast tests read screens
through it; `screen_text(screen)` is the same as plain lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rich.cells import cell_len
from rich.color import Color as RichColor
from rich.style import Style
from textual.color import Color
from textual.geometry import Region
from textual.screen import Screen
from textual.widget import Widget

# Not text: box drawing (borders, tabs' underline, the map's walls) and block elements (bars, scrollbars,
# tall borders) draw lines and shapes, which WCAG's text contrast does not cover; pictographs (the palette's
# 🔎) are drawn in their own colours.
_SHAPES = (range(0x2500, 0x25A0), range(0x1F300, 0x1FB00))


def is_text(char: str) -> bool:
    code = ord(char)
    return not char.isspace() and not any(code in shapes for shapes in _SHAPES)


@dataclass(frozen=True, slots=True)
class Drawn:
    """One segment of text on screen: where, what, in which colours (reverse video already applied)."""

    widget: Widget
    y: int  # the screen line
    x: int  # the screen column it starts at
    text: str
    foreground: Color
    background: Color
    style: Style


def _colour(color: RichColor | None, fallback: Color) -> Color:
    if color is None or color.is_default:
        return fallback
    return Color.from_rich_color(color)


def _owners(screen: Screen) -> dict[tuple[int, int], tuple[Widget, Region]]:
    """The widget on top at each cell of the screen, with the region it covers."""
    owners: dict[tuple[int, int], tuple[Widget, Region]] = {}
    width, height = screen.size
    for y in range(height):
        for x in range(width):
            try:
                owners[x, y] = screen.get_widget_at(x, y)
            except Exception:  # no widget there (Textual raises NoWidget)
                continue
    return owners


def drawn_segments(screen: Screen) -> Iterator[Drawn]:
    """Every piece of text the screen shows, widget by widget, line by line: the runs of a segment's characters
    in cells where its widget is on top (text under a dialog is not shown)."""
    theme = screen.app.current_theme
    screen_foreground = Color.parse(theme.foreground or "#ffffff")
    screen_background = Color.parse(theme.background or "#000000")
    owners = _owners(screen)
    regions = {widget: region for widget, region in owners.values()}
    for widget, region in regions.items():
        lines = widget.render_lines(Region(0, 0, region.width, region.height))
        for offset, strip in enumerate(lines):
            y, x = region.y + offset, region.x
            for segment in strip:
                if segment.control:
                    continue
                style = segment.style or Style.null()
                foreground = _colour(style.color, screen_foreground)
                background = _colour(style.bgcolor, screen_background)
                if style.reverse:
                    foreground, background = background, foreground
                run, run_x = "", x
                for char in segment.text:
                    mine = owners.get((x, y), (None,))[0] is widget
                    if mine:
                        run_x = run_x if run else x
                        run += char
                    elif run:
                        if any(map(is_text, run)):
                            yield Drawn(widget, y, run_x, run, foreground, background, style)
                        run = ""
                    x += cell_len(char)
                if run and any(map(is_text, run)):
                    yield Drawn(widget, y, run_x, run, foreground, background, style)


def screen_lines(screen: Screen) -> list[str]:
    """The text on screen, one string per line, each piece where it is drawn (a wide character takes two
    columns: the second is left out)."""
    width, height = screen.size
    cells = [[" "] * width for _ in range(height)]
    for drawn in drawn_segments(screen):
        x = drawn.x
        for char in drawn.text:
            if 0 <= drawn.y < height and 0 <= x < width and not char.isspace():
                cells[drawn.y][x] = char
            x += cell_len(char)
    return ["".join(char for char in row).rstrip() for row in cells]


def relative_luminance(color: Color) -> float:
    """WCAG 2's relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast_ratio(first: Color, second: Color) -> float:
    """WCAG 2's contrast ratio, 1 to 21 (AA asks 4.5 for text)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
