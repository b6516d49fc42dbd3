"""The floor map: the plan drawn with box-drawing characters, zoomable and pannable, on the Line API.

The whole map at the current zoom is drawn once into strips (a few thousand cells) whenever something
changes (zoom, theme, selection, results, route, "you are here", language); scrolling then only crops
those strips. Zones take their colours from the theme through component classes (floor-map--zone-0..7),
so every theme, the high-contrast one too, colours the map. Data (zone names, booth numbers) is cleaned
and drawn as literal characters, never markup.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from fractions import Fraction

from rich.cells import cell_len
from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ocop_tui.plan.routes import Grid, Route, Start
from ocop_tui.plan.shapes import ZONE_COLOURS, Plan, Rect
from ocop_tui.text import clean
from ocop_tui.ui.language import follow_language

# Zoom levels as (characters per cell across, down); a fraction draws several cells in one character.
ZOOMS: tuple[tuple[Fraction, Fraction], ...] = (
    (Fraction(1, 3), Fraction(1, 3)),
    (Fraction(1, 2), Fraction(1, 2)),
    (Fraction(1), Fraction(1, 2)),
    (Fraction(1), Fraction(1)),
    (Fraction(2), Fraction(2)),
)
LABEL_BOOTHS_FROM = 2  # below this zoom level zones are labelled instead of booths
OUTLINE_ZONES_FROM = 3
SYMBOLS = {"stage": "♪", "fish_sauce": "◆", "cooking": "♨", "toilet": "WC", "info": "i", "first_aid": "+",
           "other": "■"}  # fmt: skip
WALLS = {  # (north, east, south, west) neighbours that are wall -> the character
    (0, 0, 0, 0): "■", (1, 0, 1, 0): "│", (0, 1, 0, 1): "─", (1, 0, 0, 0): "│", (0, 0, 1, 0): "│",
    (0, 1, 0, 0): "─", (0, 0, 0, 1): "─", (0, 1, 1, 0): "┌", (0, 0, 1, 1): "┐", (1, 1, 0, 0): "└",
    (1, 0, 0, 1): "┘", (1, 1, 1, 0): "├", (1, 0, 1, 1): "┤", (0, 1, 1, 1): "┬", (1, 1, 0, 1): "┴",
    (1, 1, 1, 1): "┼",
}  # fmt: skip
ROUTE = {  # directions the route leaves a character by -> the character
    frozenset("ns"): "┃", frozenset("ew"): "━", frozenset("es"): "┏", frozenset("sw"): "┓",
    frozenset("ne"): "┗", frozenset("nw"): "┛", frozenset("n"): "┃", frozenset("s"): "┃",
    frozenset("e"): "━", frozenset("w"): "━", frozenset(): "•",
}  # fmt: skip


def _screen_len(cells: int, scale: Fraction) -> int:
    return math.ceil(cells * scale)


def _to_screen(cell: int, scale: Fraction) -> int:
    return math.floor(cell * scale)


def _centre(cell: int, scale: Fraction) -> int:
    return math.floor(cell * scale + (scale - 1) / 2) if scale >= 1 else math.floor(cell * scale)


def _cells_of(char: int, scale: Fraction) -> range:
    """The plan cells one character covers along an axis."""
    return range(math.floor(char / scale), max(math.floor(char / scale) + 1, math.ceil((char + 1) / scale)))


def _printable(text: str) -> str:
    """Data text safe for a character grid: cleaned, one cell per character."""
    return "".join(ch if cell_len(ch) == 1 else "?" for ch in clean(text))


class FloorMap(ScrollView, can_focus=True):
    """The fair's floor plan. Tell it what to show with the set_* methods; it reports booth clicks."""

    COMPONENT_CLASSES = {
        "floor-map--floor",
        "floor-map--wall",
        "floor-map--landmark",
        "floor-map--entrance",
        "floor-map--exit",
        "floor-map--route",
        "floor-map--here",
        "floor-map--selected",
        "floor-map--result",
        "floor-map--zone-label",
        *(f"floor-map--zone-{i}" for i in range(ZONE_COLOURS)),
    }
    BINDINGS = [
        Binding("plus,equals_sign", "zoom(1)", "key.zoom_in"),
        Binding("minus", "zoom(-1)", "key.zoom_out"),
        Binding("0", "fit", "key.fit", show=False),
        Binding("enter", "activate", show=False),
    ]

    class BoothClicked(Message):
        """A booth was clicked (or Enter pressed on the selected one)."""

        def __init__(self, booth_no: str, activated: bool = False) -> None:
            super().__init__()
            self.booth_no = booth_no
            self.activated = activated

    zoom: var[int] = var(2, init=False)

    def __init__(self, plan: Plan, grid: Grid | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.plan = plan
        self.grid = grid or Grid(plan)
        self.selected: str | None = None
        self.results: frozenset[str] = frozenset()
        self.route: Route | None = None
        self.here: Start | None = None
        self.auto_fit = True  # until someone zooms, the map follows the widget's size
        self._lines: list[Strip] = []  # the map's rows _top.._top+len-1 at the current zoom
        self._owners: list[list[int]] = []  # booth index under each character of those rows (-1: none)
        self._top = 0
        self._built_for: tuple[object, ...] | None = None
        self._pad = (0, 0)
        self._drag: tuple[int, int, float, float] | None = None

    # Public state -------------------------------------------------------------------------------

    @property
    def zoom_levels(self) -> int:
        return len(ZOOMS)

    @property
    def map_size(self) -> Size:
        sx, sy = ZOOMS[self.zoom]
        return Size(_screen_len(self.plan.width, sx), _screen_len(self.plan.height, sy))

    def set_selected(self, booth_no: str | None, *, centre: bool = True) -> None:
        place = self.plan.booth(booth_no) if booth_no else None
        self.selected = place.booth_no if place else None
        self._changed()
        if place is not None and centre:
            self.centre_on(place.rect)

    def set_results(self, booth_nos: Iterable[str]) -> None:
        self.results = frozenset(p.booth_no for no in booth_nos if (p := self.plan.booth(no)) is not None)
        self._changed()

    def set_route(self, route: Route | None) -> None:
        self.route = route
        self._changed()

    def set_here(self, here: Start | None) -> None:
        self.here = here
        self._changed()

    def centre_on(self, rect: Rect) -> None:
        sx, sy = ZOOMS[self.zoom]
        cx = (rect.x + rect.w / 2) * sx
        cy = (rect.y + rect.h / 2) * sy
        self.scroll_to(cx - self.scrollable_content_region.width / 2, cy - self.scrollable_content_region.height / 2,
                       animate=False, force=True)  # fmt: skip

    def booth_at(self, x: int, y: int) -> str | None:
        """The booth under a point of the widget's content area, if any."""
        mx = x + round(self.scroll_x) - self._pad[0]
        my = y + round(self.scroll_y) - self._pad[1] - self._top
        if 0 <= my < len(self._owners) and 0 <= mx < len(self._owners[my]):
            index = self._owners[my][mx]
            if index >= 0:
                return self.plan.booths[index].booth_no
        return None

    # Lifecycle ----------------------------------------------------------------------------------

    def on_mount(self) -> None:
        follow_language(self, self._changed)
        self.watch(self.app, "theme", lambda _theme: self._changed(), init=False)

    def on_resize(self, event: events.Resize) -> None:
        if self.auto_fit:
            self._fit()
        self._changed()
        place = self.plan.booth(self.selected) if self.selected else None
        if place is not None:
            self.call_after_refresh(self.centre_on, place.rect)

    def set_plan(self, plan: Plan, grid: Grid | None = None) -> None:
        """Show another plan (the app loaded a new catalogue); selection and route are dropped."""
        self.plan, self.grid = plan, grid or Grid(plan)
        self.selected, self.results, self.route, self.here = None, frozenset(), None, None
        if self.auto_fit:
            self._fit()
        self._changed()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._built_for = None  # colours may have changed

    def _fit(self) -> None:
        width, height = self.scrollable_content_region.size
        if not width or not height:
            return
        fitting = [
            level for level, (sx, sy) in enumerate(ZOOMS)
            if _screen_len(self.plan.width, sx) <= width and _screen_len(self.plan.height, sy) <= height
        ]  # fmt: skip
        level = max(fitting) if fitting else 0
        if level != self.zoom:
            self.set_reactive(FloorMap.zoom, level)
            self._built_for = None

    def watch_zoom(self, old: int, new: int) -> None:
        # Keep the point in the middle of the view in the middle.
        region = self.scrollable_content_region
        old_sx, old_sy = ZOOMS[old]
        new_sx, new_sy = ZOOMS[new]
        centre_x = (self.scroll_x + region.width / 2 - self._pad[0]) / old_sx
        centre_y = (self.scroll_y + region.height / 2 - self._pad[1]) / old_sy
        self._changed()
        self.scroll_to(centre_x * new_sx - region.width / 2, centre_y * new_sy - region.height / 2,
                       animate=False, force=True)  # fmt: skip

    def _changed(self) -> None:
        self._built_for = None
        size = self.map_size
        self.virtual_size = size
        self.refresh()

    # Actions and mouse --------------------------------------------------------------------------

    def action_zoom(self, step: int) -> None:
        self.auto_fit = False
        self.zoom = max(0, min(len(ZOOMS) - 1, self.zoom + step))

    def action_fit(self) -> None:
        self.auto_fit = True
        self._fit()
        self._changed()

    def action_activate(self) -> None:
        if self.selected:
            self.post_message(self.BoothClicked(self.selected, activated=True))

    def _on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        if event.ctrl:  # ctrl+wheel zooms (plain wheel pans, shift+wheel pans sideways)
            event.prevent_default()
            event.stop()
            self.action_zoom(-1)

    def _on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        if event.ctrl:
            event.prevent_default()
            event.stop()
            self.action_zoom(1)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if event.button == 1:
            self._drag = (event.screen_x, event.screen_y, self.scroll_x, self.scroll_y)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._drag is None or not event.button:
            return
        start_x, start_y, scroll_x, scroll_y = self._drag
        dx, dy = event.screen_x - start_x, event.screen_y - start_y
        if dx or dy:
            if not self.app.mouse_captured:
                self.capture_mouse()
            self.scroll_to(scroll_x - dx, scroll_y - dy, animate=False, force=True)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self.app.mouse_captured is self:
            self.release_mouse()

    def on_click(self, event: events.Click) -> None:
        drag, self._drag = self._drag, None
        if drag is not None and (drag[0], drag[1]) != (event.screen_x, event.screen_y):
            return  # the end of a drag, not a click
        offset = event.get_content_offset(self)
        if offset is None:
            return
        booth_no = self.booth_at(offset.x, offset.y)
        if booth_no is not None:
            self.post_message(self.BoothClicked(booth_no))

    # Rendering ----------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        region = self.scrollable_content_region
        size = self.map_size
        self._pad = (max(0, (region.width - size.width) // 2), max(0, (region.height - size.height) // 2))
        width = region.width
        floor = self.get_component_rich_style("floor-map--floor")
        row = y + round(self.scroll_y) - self._pad[1]
        if not 0 <= row < size.height:
            return Strip.blank(width, floor)
        self._ensure_built(row)
        left = round(self.scroll_x) - self._pad[0]
        line = self._lines[row - self._top]
        if left < 0:
            line = Strip.join([Strip.blank(-left, floor), line])
            left = 0
        return line.crop_extend(left, left + width, floor)

    def _ensure_built(self, row: int) -> None:
        """Draw the rows around the view (a screen above and below) when `row` or the state is not drawn.

        Only a window is drawn so a plan for 10,000 booths, zoomed in, costs no more than the demo's.
        """
        key = (self.zoom, self.app.theme, self.app.tr.lang, self.selected, self.results, self.route,  # type: ignore[attr-defined]
               self.here, self.scrollable_content_region.size)  # fmt: skip
        if key != self._built_for or not self._top <= row < self._top + len(self._lines):
            view = self.scrollable_content_region.height
            first = round(self.scroll_y) - self._pad[1]
            top = max(0, min(row, first) - view)
            self._build(top, min(self.map_size.height, max(row + 1, first + 2 * view)))
            self._built_for = key

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name)

    def _build(self, top: int, bottom: int) -> None:
        """Draw the map's rows top..bottom-1 (every coordinate below is a map row; arrays are offset)."""
        plan = self.plan
        sx, sy = ZOOMS[self.zoom]
        size = self.map_size
        width, height = size.width, size.height
        floor = self._style("floor-map--floor")
        rows = bottom - top
        chars = [[" "] * width for _ in range(rows)]
        styles = [[floor] * width for _ in range(rows)]
        owners = [[-1] * width for _ in range(rows)]
        zone_styles = [self._style(f"floor-map--zone-{i}") for i in range(ZONE_COLOURS)]

        def screen_rect(rect: Rect) -> tuple[int, int, int, int]:
            x0, y0 = _to_screen(rect.x, sx), _to_screen(rect.y, sy)
            x1 = max(x0 + 1, _screen_len(rect.right, sx))
            y1 = max(y0 + 1, _screen_len(rect.bottom, sy))
            return x0, y0, min(x1, width), min(y1, height)

        def put(x: int, y: int, char: str, style: Style) -> None:
            if 0 <= x < width and top <= y < bottom:
                chars[y - top][x] = char
                styles[y - top][x] = style

        def write(x: int, y: int, text: str, style: Style) -> None:
            for offset, char in enumerate(text):
                put(x + offset, y, char, style)

        # Zone outlines on the floor around each zone (close up only).
        if self.zoom >= OUTLINE_ZONES_FROM:
            for zone in plan.zones:
                colour = zone_styles[zone.colour].bgcolor
                outline = floor + Style(color=colour)
                x0, y0, x1, y1 = screen_rect(zone.rect)
                for x in range(x0, x1):
                    put(x, y0, "┄", outline)
                    put(x, y1 - 1, "┄", outline)
                for y in range(y0, y1):
                    put(x0, y, "┆", outline)
                    put(x1 - 1, y, "┆", outline)
                for x, y, corner in ((x0, y0, "┌"), (x1 - 1, y0, "┐"), (x0, y1 - 1, "└"), (x1 - 1, y1 - 1, "┘")):
                    put(x, y, corner, outline)

        # Landmarks, with their name when it fits and a symbol when it does not.
        landmark_style = self._style("floor-map--landmark")
        tr = self.app.tr  # type: ignore[attr-defined]
        solid: set[tuple[int, int]] = set()  # booth and landmark characters: the route never covers them
        for landmark in plan.landmarks:
            x0, y0, x1, y1 = screen_rect(landmark.rect)
            for y in range(y0, y1):
                write(x0, y, " " * (x1 - x0), landmark_style)
                solid.update((x, y) for x in range(x0, x1))
            label = tr(f"map.short.{landmark.kind}") or SYMBOLS.get(landmark.kind, "")
            if len(label) > x1 - x0:
                label = SYMBOLS.get(landmark.kind, "")[: x1 - x0]
            write(
                x0 + (x1 - x0 - len(label)) // 2, min(y1 - 1, (y0 + y1) // 2), label, landmark_style + Style(bold=True)
            )

        # Booths: zone colour (two shades, so neighbours stand apart), highlights, numbers where they fit.
        selected_style = self._style("floor-map--selected")
        result_style = self._style("floor-map--result")
        boxed = sx >= 2 and sy >= 2
        for index, place in enumerate(plan.booths):
            zone = plan.zone(place.zone)
            base = zone_styles[zone.colour if zone else index % ZONE_COLOURS]
            rect = place.rect
            if (rect.x // max(1, rect.w) + rect.y // max(1, rect.h)) % 2:
                base = _shade(base, floor)
            if place.booth_no == self.selected:
                base = base + selected_style
            elif place.booth_no in self.results:
                base = base + result_style
            x0, y0, x1, y1 = screen_rect(rect)
            if y1 <= top or y0 >= bottom:
                continue
            for y in range(max(y0, top), min(y1, bottom)):
                for x in range(x0, x1):
                    put(x, y, " ", base)
                    owners[y - top][x] = index
                    solid.add((x, y))
            if boxed and x1 - x0 >= 3 and y1 - y0 >= 3:
                write(x0, y0, "┌" + "─" * (x1 - x0 - 2) + "┐", base)
                write(x0, y1 - 1, "└" + "─" * (x1 - x0 - 2) + "┘", base)
                for y in range(y0 + 1, y1 - 1):
                    put(x0, y, "│", base)
                    put(x1 - 1, y, "│", base)
                inner_left, inner_width, label_y = x0 + 1, x1 - x0 - 2, y0 + 1 + (y1 - y0 - 3) // 2
            else:
                inner_left, inner_width, label_y = x0, x1 - x0, y0 + (y1 - y0 - 1) // 2
            number = _fit_number(_printable(place.booth_no), inner_width)
            if place.booth_no in self.results and place.booth_no != self.selected:
                put(x0, y0, "●", base)  # a mark as well as a colour: themes may reuse the colour for a zone
            if self.zoom >= LABEL_BOOTHS_FROM and number:
                write(inner_left + (inner_width - len(number)) // 2, label_y, number, base + Style(bold=True))

        # Zone names over the zones when booths are too small to carry numbers.
        if self.zoom < LABEL_BOOTHS_FROM:
            label_style = self._style("floor-map--zone-label")
            for zone in plan.zones:
                x0, y0, x1, y1 = screen_rect(zone.rect)
                room = x1 - x0
                if room < 3:
                    continue
                name = _short_zone(_printable(zone.name), room)
                write(x0 + (room - len(name)) // 2, (y0 + y1 - 1) // 2, name,
                      zone_styles[zone.colour] + label_style)  # fmt: skip

        # Walls: the outer wall plus wall rectangles, drawn as connected lines, over what a zoomed-out
        # character shares with them.
        wall_style = self._style("floor-map--wall")
        walls: set[tuple[int, int]] = set()
        near = range(max(0, top - 1), min(height, bottom + 1))  # a row either side, for the joins
        for x in range(width):
            walls.update((x, y) for y in (0, height - 1) if y in near)
        for y in near:
            walls.update({(0, y), (width - 1, y)})
        for rect in plan.walls:
            x0, y0, x1, y1 = screen_rect(rect)
            walls.update((x, y) for y in range(max(y0, near.start), min(y1, near.stop)) for x in range(x0, x1))
        for x, y in walls:
            key = tuple(int(n in walls) for n in ((x, y - 1), (x + 1, y), (x, y + 1), (x - 1, y)))
            put(x, y, WALLS[key], wall_style)  # type: ignore[index]

        # The route, as one line through the middle of the cells it crosses.
        if self.route is not None:
            route_style = self._style("floor-map--route")
            points: list[tuple[int, int]] = []
            for cx, cy in self.route.cells:  # door cells too: the line reaches the booth's edge
                point = (_centre(cx, sx), _centre(cy, sy))
                if not points:
                    points.append(point)
                    continue
                px, py = points[-1]
                while px != point[0]:  # fill the gap one character at a time, across then down
                    px += 1 if point[0] > px else -1
                    points.append((px, py))
                while py != point[1]:
                    py += 1 if point[1] > py else -1
                    points.append((px, py))
            for i, (x, y) in enumerate(points):
                links = set()
                for other in (points[i - 1] if i else None, points[i + 1] if i + 1 < len(points) else None):
                    if other is not None:
                        dx, dy = other[0] - x, other[1] - y
                        links.add("e" if dx > 0 else "w" if dx < 0 else "s" if dy > 0 else "n")
                if 0 <= x < width and top <= y < bottom and (x, y) not in solid:
                    put(x, y, ROUTE.get(frozenset(links), "•"), styles[y - top][x] + route_style)

        # Entrances and exits: a gap in the wall line with an arrow pointing in (or out, for exits).
        for entrance in plan.entrances:
            x, y = _centre(entrance.x, sx), _centre(entrance.y, sy)
            if entrance.y == plan.height - 1 or entrance.y == 0:
                y, arrow = (height - 1, "▲") if entrance.y else (0, "▼")
                gap = [(gx, y) for gx in range(_to_screen(entrance.x, sx), _screen_len(entrance.x + 1, sx))]
            else:
                x, arrow = (0, "▶") if entrance.x == 0 else (width - 1, "◀")
                gap = [(x, gy) for gy in range(_to_screen(entrance.y, sy), _screen_len(entrance.y + 1, sy))]
            if entrance.kind == "exit":
                arrow = {"▲": "▼", "▼": "▲", "▶": "◀", "◀": "▶"}[arrow]
            for gx, gy in gap:
                put(gx, gy, " ", floor)
            put(x, y, arrow, self._style(f"floor-map--{entrance.kind}"))

        # "You are here".
        if self.here is not None:
            hx, hy = self.here.cell
            put(_centre(hx, sx), _centre(hy, sy), "◉", self._style("floor-map--here"))

        self._owners = owners
        self._top = top
        self._lines = [
            Strip([Segment(char, style) for char, style in zip(row_chars, row_styles)], width).simplify()
            for row_chars, row_styles in zip(chars, styles)
        ]


_ZONE_WORDS = re.compile(r"^(khu|zone|area)\s+((tỉnh|thành phố|tp\.?|province)\s+)?", re.IGNORECASE)


def _short_zone(name: str, room: int) -> str:
    """A zone's name for a label on the map: "Khu tỉnh Đồng Tháp" is "Đồng Tháp" (the legend has it whole)."""
    short = _ZONE_WORDS.sub("", name)
    name = short[:1].upper() + short[1:] if short else name
    return name if len(name) <= room else name[: room - 1] + "…"


def _fit_number(number: str, room: int) -> str:
    """The booth number, shortened only as far as needed to fit: A-007, A-7, A7, 7; "" if even that won't."""
    candidates = [number]
    match = re.fullmatch(r"(.*?)([-. ]?)0*(\d+)", number)
    if match:
        prefix, separator, digits = match.groups()
        candidates += [f"{prefix}{separator}{digits}", f"{prefix}{digits}", digits]
    return next((c for c in candidates if len(c) <= room), "")


def _shade(style: Style, floor: Style) -> Style:
    """The same colour, a quarter of the way towards the floor: the second shade of a zone."""
    if style.bgcolor is None or floor.bgcolor is None:
        return style
    a = style.bgcolor.get_truecolor()
    b = floor.bgcolor.get_truecolor()
    mixed = Color.from_rgb(*(round(x + (y - x) * 0.25) for x, y in zip(a, b)))
    return style + Style(bgcolor=mixed)
