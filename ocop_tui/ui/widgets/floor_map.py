"""The floor map: the plan drawn with box-drawing characters, zoomable and pannable, on the Line API.

The map at the current scale is drawn (plan_drawing.py) into strips around the view whenever something changes
(zoom, theme, selection, results, route, "you are here", language); scrolling then only crops those strips.
Until someone zooms, the map fills its view (the largest scale at which the whole plan fits, fit_scale); + and
- step through the zoom levels from there, 0 fits again. Every change of scale is posted (Zoomed).
Zones take their colours from the theme through component classes (floor-map--zone-0..7), so every theme,
the high-contrast one too, colours the map.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import events, getters
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from ocop_tui.plan.routes import Grid, Route, Start
from ocop_tui.plan.shapes import ZONE_COLOURS, Plan, Rect
from ocop_tui.ui.fair_app import FairApp
from ocop_tui.ui.language import follow_language
from ocop_tui.ui.textual_compat import update_scrollbars_now
from ocop_tui.ui.widgets.map_scale import ZOOMS, Scale, fit_scale, map_size
from ocop_tui.ui.widgets.plan_drawing import DrawnRows, MapMarks, MapStyles, draw_rows


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

    app = getters.app(FairApp)

    class BoothClicked(Message):
        """A booth was clicked (or Enter pressed on the selected one)."""

        def __init__(self, booth_no: str, activated: bool = False) -> None:
            super().__init__()
            self.booth_no = booth_no
            self.activated = activated

    class Zoomed(Message):
        """The scale changed: `level` is the zoom level's index, None when the map fills its view."""

        def __init__(self, level: int | None) -> None:
            super().__init__()
            self.level = level

    zoom: var[int] = var(2, init=False)  # the zoom level (an index of ZOOMS) once someone has zoomed

    def __init__(self, plan: Plan, grid: Grid | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plan = plan
        self.grid = grid or Grid(plan)
        self.selected: str | None = None
        self.results: frozenset[str] = frozenset()
        self.route: Route | None = None
        self.here: Start | None = None
        self.stops: tuple[str, ...] = ()  # the walking plan's booths, numbered on the map in this order
        self.shortlisted: frozenset[str] = frozenset()  # booths on the shortlist, marked ✓
        self.auto_fit = True  # until someone zooms, the map fills the widget, whatever its size
        self._fit_scale: Scale = ZOOMS[2]  # the scale that fills the view (shown while auto_fit)
        self._drawn = DrawnRows(0, [], [])  # the rows around the view at the current zoom
        self._built_for: tuple[object, ...] | None = None
        self._pad = (0, 0)
        self._drag: tuple[int, int, float, float] | None = None

    # Public state -------------------------------------------------------------------------------

    @property
    def zoom_levels(self) -> int:
        return len(ZOOMS)

    @property
    def level(self) -> int | None:
        """The zoom level shown (an index of ZOOMS), or None while the map fills its view."""
        return None if self.auto_fit else self.zoom

    @property
    def scale(self) -> Scale:
        return self._fit_scale if self.auto_fit else ZOOMS[self.zoom]

    @property
    def map_size(self) -> Size:
        return map_size(self.plan, self.scale)

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

    def set_shortlisted(self, booth_nos: Iterable[str]) -> None:
        shortlisted = frozenset(booth_nos)
        if shortlisted != self.shortlisted:
            self.shortlisted = shortlisted
            self._changed()

    def set_stops(self, stops: tuple[str, ...]) -> None:
        self.stops = stops
        self._changed()

    def set_here(self, here: Start | None) -> None:
        self.here = here
        self._changed()

    def centre_on(self, rect: Rect) -> None:
        sx, sy = self.scale
        cx = (rect.x + rect.w / 2) * sx
        cy = (rect.y + rect.h / 2) * sy
        self.scroll_to(cx - self.scrollable_content_region.width / 2, cy - self.scrollable_content_region.height / 2,
                       animate=False, force=True)  # fmt: skip

    def booth_at(self, x: int, y: int) -> str | None:
        """The booth under a point of the widget's content area, if any."""
        owners = self._drawn.owners
        mx = x + round(self.scroll_x) - self._pad[0]
        my = y + round(self.scroll_y) - self._pad[1] - self._drawn.top
        if 0 <= my < len(owners) and 0 <= mx < len(owners[my]):
            index = owners[my][mx]
            if index >= 0:
                return self.plan.booths[index].booth_no
        return None

    # Lifecycle ----------------------------------------------------------------------------------

    def on_mount(self) -> None:
        follow_language(self, self._changed)
        self.watch(self.app, "theme", lambda _theme: self._changed(), init=False)

    def on_resize(self, event: events.Resize) -> None:
        self._refit()
        self._changed()
        place = self.plan.booth(self.selected) if self.selected else None
        if place is not None:
            self.call_after_refresh(self.centre_on, place.rect)

    def set_plan(self, plan: Plan, grid: Grid | None = None) -> None:
        """Show another plan (the app loaded a new catalogue); selection and route are dropped."""
        self.plan, self.grid = plan, grid or Grid(plan)
        self.selected, self.results, self.route, self.here, self.stops = None, frozenset(), None, None, ()
        self.shortlisted = frozenset()
        self._refit()
        self._changed()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._built_for = None  # colours may have changed

    def _refit(self) -> None:
        """Work out the scale that fills the view now; shown at once while the map follows its size."""
        width, height = self.scrollable_content_region.size
        if not width or not height:
            return
        fit = fit_scale(self.plan, width, height)
        if fit != self._fit_scale:
            old = self.scale
            self._fit_scale = fit
            if self.auto_fit:
                self._rescale(old)

    def watch_zoom(self, old: int, new: int) -> None:
        # A level set from outside (action_zoom sets it without this): it is the scale from now on.
        previous = self._fit_scale if self.auto_fit else ZOOMS[old]
        self.auto_fit = False
        self._rescale(previous)

    def _rescale(self, old: Scale) -> None:
        """The scale is now self.scale (it was `old`): keep the point in the middle of the view in the middle."""
        region = self.scrollable_content_region
        old_sx, old_sy = old
        new_sx, new_sy = self.scale
        centre_x = (self.scroll_x + region.width / 2 - self._pad[0]) / old_sx
        centre_y = (self.scroll_y + region.height / 2 - self._pad[1]) / old_sy
        self._changed()
        self.scroll_to(centre_x * new_sx - region.width / 2, centre_y * new_sy - region.height / 2,
                       animate=False, force=True)  # fmt: skip
        self.post_message(self.Zoomed(self.level))

    def _changed(self) -> None:
        self._built_for = None
        # The scrollbars are told now: a new size set after a layout (a fit on resize) would leave them as
        # they were, such as a horizontal one under a map that now fits.
        if self.map_size != self.virtual_size:
            self.set_reactive(Widget.virtual_size, self.map_size)
            update_scrollbars_now(self)
        self.refresh()

    # Actions and mouse --------------------------------------------------------------------------

    def action_zoom(self, step: int) -> None:
        """One zoom level closer (step 1) or further (-1); from a filled view, the next level past its scale."""
        if self.auto_fit:
            area = self._fit_scale[0] * self._fit_scale[1]
            areas = [sx * sy for sx, sy in ZOOMS]
            if step > 0:
                level = next((i for i, a in enumerate(areas) if a > area), len(ZOOMS) - 1)
            else:
                level = next((i for i in reversed(range(len(ZOOMS))) if areas[i] < area), 0)
        else:
            level = max(0, min(len(ZOOMS) - 1, self.zoom + step))
        old = self.scale
        self.auto_fit = False
        self.set_reactive(FloorMap.zoom, level)
        self._rescale(old)  # even when the scale stays: the label says a level now, or the same one again

    def action_fit(self) -> None:
        old = self.scale
        self.auto_fit = True
        self._refit()
        self._rescale(old)

    def action_activate(self) -> None:
        if self.selected:
            self.post_message(self.BoothClicked(self.selected, activated=True))

    # prevent_default() keeps the base classes' handlers (Widget scrolls sideways on ctrl+wheel) from running.
    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        if event.ctrl:  # ctrl+wheel zooms (plain wheel pans, shift+wheel pans sideways)
            event.prevent_default()
            event.stop()
            self.action_zoom(-1)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
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
        line = self._drawn.lines[row - self._drawn.top]
        if left < 0:
            line = Strip.join([Strip.blank(-left, floor), line])
            left = 0
        return line.crop_extend(left, left + width, floor)

    def _ensure_built(self, row: int) -> None:
        """Draw the rows around the view (a screen above and below) when `row` or the state is not drawn.

        Only a window is drawn so a plan for 10,000 booths, zoomed in, costs no more than the demo's.
        """
        key = (self.scale, self.app.theme, self.app.tr.lang, self.selected, self.results, self.route,
               self.here, self.stops, self.shortlisted, self.scrollable_content_region.size)  # fmt: skip
        drawn = self._drawn
        if key != self._built_for or not drawn.top <= row < drawn.top + len(drawn.lines):
            view = self.scrollable_content_region.height
            first = round(self.scroll_y) - self._pad[1]
            top = max(0, min(row, first) - view)
            bottom = min(self.map_size.height, max(row + 1, first + 2 * view))
            marks = MapMarks(self.selected, self.results, self.route, self.here, self.stops, self.shortlisted)
            self._drawn = draw_rows(self.plan, self.scale, top, bottom, self._styles(), marks, self._landmark_label,
                                    self._zone_label)  # fmt: skip
            self._built_for = key

    def _landmark_label(self, kind: str) -> str:
        return self.app.tr(f"map.short.{kind}")

    def _zone_label(self, name: str) -> str:
        return self.app.catalog.zone_label(name, self.app.tr.lang)

    def _styles(self) -> MapStyles:
        style = self.get_component_rich_style
        return MapStyles(
            floor=style("floor-map--floor"),
            wall=style("floor-map--wall"),
            landmark=style("floor-map--landmark"),
            entrance=style("floor-map--entrance"),
            exit=style("floor-map--exit"),
            route=style("floor-map--route"),
            here=style("floor-map--here"),
            selected=style("floor-map--selected"),
            result=style("floor-map--result"),
            zone_label=style("floor-map--zone-label"),
            zones=tuple(style(f"floor-map--zone-{i}") for i in range(ZONE_COLOURS)),
        )
