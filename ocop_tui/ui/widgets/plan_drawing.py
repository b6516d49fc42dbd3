"""Drawing the floor plan into rows of styled characters, at one scale: what FloorMap shows.

The plan's cells are scaled to characters (a fraction draws several cells in one character), then painted
layer by layer onto a canvas of the rows asked for: zone outlines, landmarks, booths (zone colours, the
selection, results, numbers where they fit), zone names, walls, the route, entrances, the walking plan's
numbered stops, "you are here". Each
character also remembers the booth under it, so a click can be mapped back to a booth. Data (zone names,
booth numbers) is cleaned and drawn as literal characters, never markup. No widget here: styles come in
as a MapStyles, worked out by the widget from its component classes (and so from the theme).

Labels never touch: a booth's number keeps the booth's first column blank, and a landmark's or a zone's name
a column either side, so two labels side by side always have a gap (or the shorter form, or none, is drawn).
Below the scale where aisles have room of their own the route is drawn over booths, so it stays whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from rich.cells import cell_len
from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from ocop_tui.plan.routes import Route, Start
from ocop_tui.plan.shapes import Plan, Rect
from ocop_tui.text import clean
from ocop_tui.ui.widgets.map_scale import Scale, centre, map_size, nearest, screen_len, to_screen

LABEL_BOOTHS_FROM = Fraction(1)  # across: from here booths carry numbers, below it zones carry names
OUTLINE_ZONES_FROM = Fraction(1)  # both ways: zone outlines
SOLID_ROUTE_FROM = Fraction(1)  # both ways: aisles have characters of their own, the route goes round booths
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


@dataclass(frozen=True, slots=True)
class MapStyles:
    """The styles the map is drawn in (the widget's component classes, so the theme's colours)."""

    floor: Style
    wall: Style
    landmark: Style
    entrance: Style
    exit: Style
    route: Style
    here: Style
    selected: Style
    result: Style
    zone_label: Style
    zones: tuple[Style, ...]  # one per zone colour


@dataclass(frozen=True, slots=True)
class MapMarks:
    """What is marked on the plan besides the plan itself."""

    selected: str | None = None
    results: frozenset[str] = frozenset()
    route: Route | None = None
    here: Start | None = None
    stops: tuple[str, ...] = ()  # the walking plan's booths, in walking order: numbered 1, 2, ...
    shortlisted: frozenset[str] = frozenset()  # booths on the shortlist: a ✓ in their corner


@dataclass(frozen=True, slots=True)
class DrawnRows:
    """Rows `top`..`top + len(lines) - 1` of the map, and the booth (its index in the plan, -1: none) under
    each of their characters."""

    top: int
    lines: list[Strip]
    owners: list[list[int]]


def draw_rows(
    plan: Plan,
    scale: Scale,
    top: int,
    bottom: int,
    styles: MapStyles,
    marks: MapMarks,
    landmark_label: Callable[[str], str],
    zone_label: Callable[[str], str] = str,
) -> DrawnRows:
    """Draw the map's rows top..bottom-1 at `scale`; `landmark_label(kind)` is a landmark's short name ("" for
    none: its symbol is drawn), `zone_label(name)` a zone's name in the language shown."""
    canvas = _Canvas(plan, scale, top, bottom, styles.floor)
    if min(scale) >= OUTLINE_ZONES_FROM:
        _draw_zone_outlines(canvas, styles)
    _draw_landmarks(canvas, styles, landmark_label)
    _draw_booths(canvas, styles, marks)
    route = _route_points(canvas, marks.route) if marks.route is not None else []
    if canvas.sx < LABEL_BOOTHS_FROM:
        _draw_zone_names(canvas, styles, zone_label, avoid=canvas.marked | set(route))
    _draw_walls(canvas, styles)
    if route:
        _draw_route(canvas, styles, route)
    _draw_entrances(canvas, styles)
    if marks.stops:
        _draw_stops(canvas, styles, marks.stops)
    if marks.here is not None:
        hx, hy = marks.here.cell
        canvas.put(centre(hx, canvas.sx), centre(hy, canvas.sy), "◉", styles.here)
    lines = [
        Strip([Segment(char, style) for char, style in zip(row_chars, row_styles)], canvas.width).simplify()
        for row_chars, row_styles in zip(canvas.chars, canvas.styles)
    ]
    return DrawnRows(top, lines, canvas.owners)


class _Canvas:
    """Rows top..bottom-1 of characters, styles and booth owners; every coordinate is a map row or column."""

    def __init__(self, plan: Plan, scale: Scale, top: int, bottom: int, floor: Style) -> None:
        self.plan = plan
        self.sx, self.sy = scale
        size = map_size(plan, scale)
        self.width, self.height = size.width, size.height
        self.top, self.bottom = top, bottom
        rows = bottom - top
        self.chars = [[" "] * self.width for _ in range(rows)]
        self.styles = [[floor] * self.width for _ in range(rows)]
        self.owners = [[-1] * self.width for _ in range(rows)]
        self.solid: set[tuple[int, int]] = set()  # booth and landmark characters: the route never covers them
        self.marked: set[tuple[int, int]] = set()  # the selected booth's and the results' characters
        self.selected: set[tuple[int, int]] = set()  # the selected booth's

    def screen_rect(self, rect: Rect) -> tuple[int, int, int, int]:
        """The characters `rect` covers: both edges rounded the same way (to the nearest), so rectangles side
        by side never share a character (at least one each)."""
        x0, y0 = nearest(rect.x, self.sx), nearest(rect.y, self.sy)
        x1 = max(x0 + 1, nearest(rect.right, self.sx))
        y1 = max(y0 + 1, nearest(rect.bottom, self.sy))
        return x0, y0, min(x1, self.width), min(y1, self.height)

    def put(self, x: int, y: int, char: str, style: Style) -> None:
        if 0 <= x < self.width and self.top <= y < self.bottom:
            self.chars[y - self.top][x] = char
            self.styles[y - self.top][x] = style

    def write(self, x: int, y: int, text: str, style: Style) -> None:
        for offset, char in enumerate(text):
            self.put(x + offset, y, char, style)


def _draw_zone_outlines(canvas: _Canvas, styles: MapStyles) -> None:
    """Zone outlines on the floor around each zone (close up only)."""
    for zone in canvas.plan.zones:
        outline = styles.floor + Style(color=styles.zones[zone.colour].bgcolor)
        x0, y0, x1, y1 = canvas.screen_rect(zone.rect)
        for x in range(x0, x1):
            canvas.put(x, y0, "┄", outline)
            canvas.put(x, y1 - 1, "┄", outline)
        for y in range(y0, y1):
            canvas.put(x0, y, "┆", outline)
            canvas.put(x1 - 1, y, "┆", outline)
        for x, y, corner in ((x0, y0, "┌"), (x1 - 1, y0, "┐"), (x0, y1 - 1, "└"), (x1 - 1, y1 - 1, "┘")):
            canvas.put(x, y, corner, outline)


def _draw_landmarks(canvas: _Canvas, styles: MapStyles, landmark_label: Callable[[str], str]) -> None:
    """Landmarks, with their name when it fits and a symbol when it does not."""
    for landmark in canvas.plan.landmarks:
        x0, y0, x1, y1 = canvas.screen_rect(landmark.rect)
        for y in range(y0, y1):
            canvas.write(x0, y, " " * (x1 - x0), styles.landmark)
            canvas.solid.update((x, y) for x in range(x0, x1))
        # A column either side stays blank (when the landmark has columns to spare): no label runs into it.
        room = x1 - x0 - 2 if x1 - x0 > 2 else x1 - x0
        label = landmark_label(landmark.kind) or SYMBOLS.get(landmark.kind, "")
        if len(label) > room:
            label = SYMBOLS.get(landmark.kind, "")[:room]
        canvas.write(x0 + (x1 - x0 - len(label)) // 2, min(y1 - 1, (y0 + y1) // 2), label,
                     styles.landmark + Style(bold=True))  # fmt: skip


def _draw_booths(canvas: _Canvas, styles: MapStyles, marks: MapMarks) -> None:
    """Booths: zone colour (two shades, so neighbours stand apart), highlights, numbers where they fit.

    The results, then the selected booth, are drawn last: zoomed out, booths share characters, and a marked
    booth must not be covered by its neighbours."""
    plan, top, bottom = canvas.plan, canvas.top, canvas.bottom
    boxed = canvas.sx >= 2 and canvas.sy >= 2

    def marked_last(index: int) -> int:
        booth_no = plan.booths[index].booth_no
        return 2 if booth_no == marks.selected else 1 if booth_no in marks.results else 0

    order = sorted(range(len(plan.booths)), key=marked_last) if marks.selected or marks.results else None
    for index in order if order is not None else range(len(plan.booths)):
        place = plan.booths[index]
        zone = plan.zone(place.zone)
        base = styles.zones[zone.colour if zone else index % len(styles.zones)]
        rect = place.rect
        if (rect.x // max(1, rect.w) + rect.y // max(1, rect.h)) % 2:
            base = _shade(base, styles.floor)
        if place.booth_no == marks.selected:
            base = base + styles.selected
        elif place.booth_no in marks.results:
            base = base + styles.result
        x0, y0, x1, y1 = canvas.screen_rect(rect)
        if y1 <= top or y0 >= bottom:
            continue
        marked = place.booth_no == marks.selected or place.booth_no in marks.results
        for y in range(max(y0, top), min(y1, bottom)):
            for x in range(x0, x1):
                canvas.put(x, y, " ", base)
                canvas.owners[y - top][x] = index
                canvas.solid.add((x, y))
                if marked:
                    canvas.marked.add((x, y))
                if place.booth_no == marks.selected:
                    canvas.selected.add((x, y))
        if boxed and x1 - x0 >= 3 and y1 - y0 >= 3:
            canvas.write(x0, y0, "┌" + "─" * (x1 - x0 - 2) + "┐", base)
            canvas.write(x0, y1 - 1, "└" + "─" * (x1 - x0 - 2) + "┘", base)
            for y in range(y0 + 1, y1 - 1):
                canvas.put(x0, y, "│", base)
                canvas.put(x1 - 1, y, "│", base)
            inner_left, inner_width, label_y = x0 + 1, x1 - x0 - 2, y0 + 1 + (y1 - y0 - 3) // 2
        else:
            # The booth's first column stays blank, so its number never runs into its neighbour's.
            inner_left, inner_width, label_y = x0 + 1, x1 - x0 - 1, y0 + (y1 - y0 - 1) // 2
        number = _fit_number(_printable(place.booth_no), inner_width)
        if place.booth_no in marks.results and place.booth_no != marks.selected:
            canvas.put(x0, y0, "●", base)  # a mark as well as a colour: themes may reuse the colour for a zone
        elif place.booth_no in marks.shortlisted:
            canvas.put(x0, y0, "✓", base + Style(bold=True))
        if canvas.sx >= LABEL_BOOTHS_FROM and number:
            canvas.write(inner_left + (inner_width - len(number)) // 2, label_y, number, base + Style(bold=True))


def _draw_zone_names(
    canvas: _Canvas, styles: MapStyles, zone_label: Callable[[str], str], avoid: set[tuple[int, int]]
) -> None:
    """Zone names over the zones when booths are too small to carry numbers: on the zone's middle row, or the
    row nearest it that leaves the selected booth, the results and the route (`avoid`) in view; none if no
    row does (the legend has every zone)."""
    for zone in canvas.plan.zones:
        x0, y0, x1, y1 = canvas.screen_rect(zone.rect)
        room = x1 - x0 - 2  # a column either side: names of zones side by side never touch
        if room < 3:
            continue
        name = _short_zone(_printable(zone_label(zone.name)), room)
        left = x0 + (x1 - x0 - len(name)) // 2
        middle = (y0 + y1 - 1) // 2
        rows = sorted(range(y0, y1), key=lambda y: abs(y - middle))
        row = next((y for y in rows if not any((x, y) in avoid for x in range(left, left + len(name)))), None)
        if row is not None:
            canvas.write(left, row, name, styles.zones[zone.colour] + styles.zone_label)


def _draw_walls(canvas: _Canvas, styles: MapStyles) -> None:
    """The outer wall plus wall rectangles, drawn as connected lines, over what a zoomed-out character shares
    with them."""
    width, height = canvas.width, canvas.height
    walls: set[tuple[int, int]] = set()
    near = range(max(0, canvas.top - 1), min(height, canvas.bottom + 1))  # a row either side, for the joins
    for x in range(width):
        walls.update((x, y) for y in (0, height - 1) if y in near)
    for y in near:
        walls.update({(0, y), (width - 1, y)})
    for rect in canvas.plan.walls:
        x0, y0, x1, y1 = canvas.screen_rect(rect)
        walls.update((x, y) for y in range(max(y0, near.start), min(y1, near.stop)) for x in range(x0, x1))
    for x, y in walls:
        north, east, south, west = (int(n in walls) for n in ((x, y - 1), (x + 1, y), (x, y + 1), (x - 1, y)))
        canvas.put(x, y, WALLS[(north, east, south, west)], styles.wall)


def _route_points(canvas: _Canvas, route: Route) -> list[tuple[int, int]]:
    """The characters the route's line goes through, in order, one step at a time."""
    points: list[tuple[int, int]] = []
    for cx, cy in route.cells:  # door cells too: the line reaches the booth's edge
        point = (centre(cx, canvas.sx), centre(cy, canvas.sy))
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
    return points


def _draw_route(canvas: _Canvas, styles: MapStyles, points: list[tuple[int, int]]) -> None:
    """The route, as one line through the middle of the cells it crosses: round the booths when aisles have
    characters of their own, over them when zoomed out (an aisle then shares characters with booths); never
    over the booth it leads to, which is marked already."""
    around = min(canvas.sx, canvas.sy) >= SOLID_ROUTE_FROM
    hidden = canvas.solid if around else canvas.selected
    for i, (x, y) in enumerate(points):
        links = set()
        for other in (points[i - 1] if i else None, points[i + 1] if i + 1 < len(points) else None):
            if other is not None:
                dx, dy = other[0] - x, other[1] - y
                links.add("e" if dx > 0 else "w" if dx < 0 else "s" if dy > 0 else "n")
        if 0 <= x < canvas.width and canvas.top <= y < canvas.bottom and (x, y) not in hidden:
            style = canvas.styles[y - canvas.top][x] + styles.route
            canvas.put(x, y, ROUTE.get(frozenset(links), "•"), style)


def _draw_stops(canvas: _Canvas, styles: MapStyles, stops: tuple[str, ...]) -> None:
    """The walking plan's stops: each booth's number in the walk over its top left corner, in the route's
    colours, so the order reads at every zoom (a later stop over an earlier one where booths share a character)."""
    bold = Style(bold=True)
    for number, booth_no in enumerate(stops, start=1):
        place = canvas.plan.booth(booth_no)
        if place is None:
            continue
        x0, y0, _x1, _y1 = canvas.screen_rect(place.rect)
        if not canvas.top <= y0 < canvas.bottom:
            continue
        for offset, char in enumerate(str(number)):
            x = x0 + offset
            if 0 <= x < canvas.width:
                canvas.put(x, y0, char, canvas.styles[y0 - canvas.top][x] + styles.route + bold)


def _draw_entrances(canvas: _Canvas, styles: MapStyles) -> None:
    """Entrances and exits: a gap in the wall line with an arrow pointing in (or out, for exits)."""
    plan, sx, sy = canvas.plan, canvas.sx, canvas.sy
    for entrance in plan.entrances:
        x, y = centre(entrance.x, sx), centre(entrance.y, sy)
        if entrance.y == plan.height - 1 or entrance.y == 0:
            y, arrow = (canvas.height - 1, "▲") if entrance.y else (0, "▼")
            gap = [(gx, y) for gx in range(to_screen(entrance.x, sx), screen_len(entrance.x + 1, sx))]
        else:
            x, arrow = (0, "▶") if entrance.x == 0 else (canvas.width - 1, "◀")
            gap = [(x, gy) for gy in range(to_screen(entrance.y, sy), screen_len(entrance.y + 1, sy))]
        if entrance.kind == "exit":
            arrow = {"▲": "▼", "▼": "▲", "▶": "◀", "◀": "▶"}[arrow]
        for gx, gy in gap:
            canvas.put(gx, gy, " ", styles.floor)
        canvas.put(x, y, arrow, styles.exit if entrance.kind == "exit" else styles.entrance)


def _printable(text: str) -> str:
    """Data text safe for a character grid: cleaned, one cell per character."""
    return "".join(ch if cell_len(ch) == 1 else "?" for ch in clean(text))


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
