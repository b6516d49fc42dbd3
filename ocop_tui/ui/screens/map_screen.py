"""The Map screen: the floor plan, "you are here", the way to the selected booth and its details.

A booth is selected by clicking it, by typing its number or exhibitor in the find box, or from a product
or booth detail pane ("show on map"); the shortest walk from the start point is drawn and described step
by step. The start is the kiosk's location when the app has one, else the first named point of the plan;
staff can pick any entrance, landmark or point, or make the selected booth the start.

`space` puts the selected booth on the shortlist (or takes it off); `p` shows the walking plan through every
shortlisted booth from the start (plan/walk.py): the stops numbered on the map, the path drawn, the total
distance and the turn-by-turn directions of each leg in the side panel. Picking a booth, or escape, ends it.

Every size is laid out by the stylesheet (app.tcss) from the screen's classes, never by moving widgets: the
side panel sits beside the map, or under it on a narrow terminal (`-narrow`, where the find box loses its
border and the start chooser hides); the legend (F7, `-legend`) lies over the map's right edge.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, VerticalScroll
from textual.widgets import Button, Input, Select, Static

from ocop_tui.plan.directions import describe, directions
from ocop_tui.plan.layout import plan_from_records
from ocop_tui.plan.routes import Grid, Route, Start, booth_start, default_start, resolve_start, route_to_booth
from ocop_tui.plan.routes import start_points as plan_start_points
from ocop_tui.plan.shapes import ZONE_COLOURS, Plan
from ocop_tui.plan.walk import Walk, plan_walk
from ocop_tui.search.catalog import Catalog
from ocop_tui.shortlist.groups import group_by_booth
from ocop_tui.ui.language import follow_language
from ocop_tui.ui.safe import data_text
from ocop_tui.ui.screens.fair_screen import FairScreen
from ocop_tui.ui.widgets.booth_detail import BoothDetail
from ocop_tui.ui.widgets.fair_footer import FairFooter
from ocop_tui.ui.widgets.floor_map import FloorMap
from ocop_tui.ui.widgets.plan_drawing import SYMBOLS
from ocop_tui.ui.widgets.search_input import SearchInput
from ocop_tui.ui.widgets.walk_text import walk_text

BOOTH_START = -1  # the Select value meaning "the booth chosen with Start here"


# The plan of the catalogue shown last: a kiosk builds its map screen anew after every reset, and the plan of
# a large fair takes a moment to lay out. Held weakly, so a catalogue a kiosk has replaced can go.
_last_plan: tuple[weakref.ref[Catalog], Plan, Grid] | None = None


def plan_of(catalog: Catalog) -> tuple[Plan, Grid]:
    """The catalogue's floor plan and its grid, built once per catalogue."""
    global _last_plan
    if _last_plan is None or _last_plan[0]() is not catalog:
        plan = plan_from_records(catalog.fair.plan, catalog.booths)
        _last_plan = (weakref.ref(catalog), plan, Grid(plan))
    return _last_plan[1], _last_plan[2]


class MapScreen(FairScreen):
    MODE = "map"
    NARROW_WIDTH = 70  # below this the side panel goes under the map (80x24 keeps it beside)
    BINDINGS = [
        Binding("ctrl+f", "find", "key.find_booth"),
        Binding("s", "start_here", "key.start_here"),
        Binding("escape", "clear_map", "key.clear_map"),
        Binding("ctrl+o", "open_booth", "key.open"),
        Binding("f7", "toggle_legend", "key.legend"),
        Binding("space", "mark_booth", "key.mark"),
        Binding("p", "walk", "key.walk_plan"),
        Binding("ctrl+k", "contact_qr", "key.contact_qr"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._use_catalog(self.app.catalog)

    def _use_catalog(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self.plan, self.grid = plan_of(catalog)
        self.starts: list[Start] = plan_start_points(self.grid)
        self.booth_as_start: Start | None = None
        self.start: Start | None = None
        self.route: Route | None = None
        self.walk: Walk | None = None
        self.walking = False  # the walking plan is shown (and follows the start and the shortlist)
        self._requested_booth: str | None = None  # what was asked for, even when it is not on the plan

    def _choose_start(self) -> None:
        here = self.app.here  # a kiosk's location; the browser has none
        self.start = (resolve_start(self.grid, here) if here is not None else None) or default_start(self.grid)
        if self.start is not None and self.start.kind == "booth":
            self.booth_as_start = self.start

    def on_screen_resume(self) -> None:
        if self.app.catalog is not self._catalog:
            # A kiosk reloaded the store: start again on the new fair's plan.
            self._use_catalog(self.app.catalog)
            self._choose_start()
            self.floor_map.set_plan(self.plan, self.grid)
            self.relabel()

    @property
    def catalog(self) -> Catalog:
        return self._catalog

    @property
    def floor_map(self) -> FloorMap:
        return self.query_one("#floor-map", FloorMap)

    def compose(self) -> ComposeResult:
        yield from self.compose_top()
        with Horizontal(id="map-body"):
            with Container(id="map-area"):
                yield FloorMap(self.plan, self.grid, id="floor-map")
                yield Static(id="map-legend")
            with VerticalScroll(id="map-side"):
                yield SearchInput(id="map-find", classes="map-find", select_on_focus=False)
                yield Static(id="map-start-label", classes="map-label")
                options = [(self._start_label(s), i) for i, s in enumerate(self.starts)]
                yield Select(options, id="map-start", allow_blank=not options)
                yield Static(id="map-directions")
                yield BoothDetail(id="map-booth", map_button=False)
                yield Button("", id="map-open-booth", classes="detail-action")
        yield Static(id="map-status")
        yield FairFooter()

    def on_mount(self) -> None:
        self._choose_start()
        follow_language(self, self.relabel)
        # The legend's swatches are the theme's colours: redraw them when the theme changes.
        self.watch(self.app, "theme", self._theme_changed, init=False)
        self.floor_map.focus()

    def _theme_changed(self, _theme: str) -> None:
        self.call_after_refresh(self._refresh_legend)

    def _refresh_legend(self) -> None:
        self.query_one("#map-legend", Static).update(self._legend())

    # Showing things -----------------------------------------------------------------------------

    def show(self, booth_no: str | None, results: Iterable[str] = ()) -> None:
        """Select a booth (None: none) and mark the booths holding search results."""
        self.floor_map.set_results(results)
        self._requested_booth = booth_no
        self.select_booth(booth_no)

    def select_booth(self, booth_no: str | None, *, centre: bool = True) -> None:
        self.walking = False
        self.floor_map.set_selected(booth_no, centre=centre)
        self._update_route()
        index = self.catalog.booth_index_of(booth_no) if booth_no else None
        booth = self.query_one("#map-booth", BoothDetail)
        booth.show(index)
        # With no booth the directions say what to do; the pane's own hint ("select a row") is the tables'.
        booth.display = index is not None
        self.query_one("#map-open-booth", Button).display = index is not None

    def _update_route(self) -> None:
        selected = self.floor_map.selected
        self.route = None
        self.walk = None
        booths = group_by_booth(self.app.shortlist, self.catalog).booth_nos
        self.floor_map.set_shortlisted(booths)
        if self.walking and self.start is not None:
            self.walk = plan_walk(self.grid, self.start, booths) if booths else None
            if self.walk is not None and self.walk.legs:
                legs = self.walk.legs
                self.route = Route(self.walk.cells(), self.start, legs[-1].route.target)
        elif selected and self.start is not None:
            self.route = route_to_booth(self.grid, self.start, selected)
        self.floor_map.set_here(self.start)
        self.floor_map.set_stops(self.walk.order if self.walk is not None else ())
        self.floor_map.set_route(self.route)
        self._describe_route()
        self._update_status()

    def show_walk(self) -> None:
        """The walking plan through the shortlisted booths, from the start."""
        self._requested_booth = None
        self.select_booth(None)
        self.walking = True
        self._update_route()
        self.floor_map.focus()

    def _describe_route(self) -> None:
        tr = self.app.tr
        if self.walking:
            text = walk_text(self.walk, self.catalog, tr, has_start=self.start is not None)
            self.query_one("#map-directions", Static).update(text)
            return
        out = self.query_one("#map-directions", Static)
        selected = self.floor_map.selected
        requested = self._requested_booth
        if requested and self.plan.booth(requested) is None:
            out.update(Text(tr("map.no_plan_booth", booth=data_text(requested).plain), style="bold"))
            return
        if not selected:
            out.update(Text(tr("map.pick_booth"), style="dim"))
            return
        title = Text(tr("map.route.title", booth=data_text(selected).plain), style="bold")
        if self.route is None:
            out.update(Text("\n").join([title, Text(tr("map.dir.unreachable"))]))
            return
        result = directions(self.grid, self.route)
        lines = [title]
        lines += [Text(f"{number}. ") + Text(line) for number, line in enumerate(describe(result, tr.lang), start=1)]
        metres = sum(leg.metres for leg in result.legs)
        if metres:
            lines.append(Text(tr("map.route.length", metres=tr.number(metres)), style="dim"))
        out.update(Text("\n").join(lines))

    def _update_status(self) -> None:
        tr = self.app.tr
        floor_map = self.floor_map
        level = floor_map.level
        parts = [tr("map.zoom.fit") if level is None else tr("map.zoom", level=level + 1, levels=floor_map.zoom_levels)]
        if floor_map.results:
            parts.append(tr("map.results", count=tr.number(len(floor_map.results))))
        if self.app.shortlist:
            parts.append(tr("status.shortlist", count=tr.number(len(self.app.shortlist))))
        if self.plan.auto:
            parts.append(tr("map.auto_note"))
        self.query_one("#map-status", Static).update(Text(" · ").join(Text(p) for p in parts))

    def relabel(self) -> None:
        tr = self.app.tr
        self.query_one("#map-find", Input).placeholder = tr("map.find.placeholder")
        self.query_one("#map-start-label", Static).update(Text(tr("map.start"), style="bold"))
        self.query_one("#map-open-booth", Button).label = tr("map.open_booth")
        self._fill_starts()
        self._refresh_legend()
        self.query_one("#map-booth", BoothDetail).refresh_content()
        self.query_one("#map-booth", BoothDetail).display = self.floor_map.selected is not None
        self.query_one("#map-open-booth", Button).display = self.floor_map.selected is not None
        self._update_route()

    def _start_label(self, start: Start) -> Text:
        tr = self.app.tr
        if start.kind == "booth":
            return Text(tr("map.start.booth", booth=data_text(start.name).plain))
        return data_text(start.name)

    def _fill_starts(self) -> None:
        select: Select[int] = self.query_one("#map-start", Select)
        options = [(self._start_label(s), i) for i, s in enumerate(self.starts)]
        if self.booth_as_start is not None:
            options.insert(0, (self._start_label(self.booth_as_start), BOOTH_START))
        with select.prevent(Select.Changed):
            select.set_options(options)
            if self.start is not None and self.start is self.booth_as_start:
                select.value = BOOTH_START
            elif self.start in self.starts:
                select.value = self.starts.index(self.start)

    def _legend(self) -> Text:
        tr = self.app.tr
        floor_map = self.floor_map
        lines = [Text(tr("map.legend"), style="bold")]
        for zone in self.plan.zones:
            swatch = floor_map.get_component_rich_style(f"floor-map--zone-{zone.colour % ZONE_COLOURS}")
            lines.append(
                Text.assemble(Text("  ", style=swatch), " ", data_text(self.catalog.zone_label(zone.name, tr.lang)))
            )
        for mark, component, label in (
            ("  ", "selected", "map.legend.selected"),
            ("  ", "result", "map.legend.result"),
            ("━━", "route", "map.legend.route"),
            ("◉ ", "here", "map.here"),
            ("▲ ", "entrance", "map.entrance.entrance"),
            ("▼ ", "exit", "map.entrance.exit"),
        ):
            style = floor_map.get_component_rich_style(f"floor-map--{component}")
            lines.append(Text.assemble(Text(mark, style=style), " ", tr(label)))
        kinds = dict.fromkeys(landmark.kind for landmark in self.plan.landmarks)
        landmark = floor_map.get_component_rich_style("floor-map--landmark")
        for kind in kinds:  # the symbol the map draws where the landmark's short name does not fit
            symbol = SYMBOLS.get(kind, SYMBOLS["other"])
            lines.append(Text.assemble(Text(f"{symbol:2}", style=landmark), " ", tr(f"map.landmark.{kind}")))
        return Text("\n").join(lines)

    # Events and actions -------------------------------------------------------------------------

    @on(FloorMap.Zoomed)
    def show_zoom(self) -> None:
        self._update_status()

    @on(FloorMap.BoothClicked)
    def pick_booth(self, event: FloorMap.BoothClicked) -> None:
        if event.activated:
            self.action_open_booth()
            return
        self._requested_booth = event.booth_no
        self.select_booth(event.booth_no, centre=False)  # it is on screen already: the map stays put

    @on(Input.Changed, "#map-find")
    def find_exact(self, event: Input.Changed) -> None:
        booth = self.catalog.booth(event.value.strip()) if event.value.strip() else None
        if booth is not None:
            self._requested_booth = booth.booth_no
            self.select_booth(booth.booth_no)

    @on(Input.Submitted, "#map-find")
    def find_first(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return
        result = self.catalog.search_booths(text)
        if result.ids:
            booth_no = self.catalog.booths[result.ids[0]].booth_no
            self._requested_booth = booth_no
            self.select_booth(booth_no)
            self.floor_map.focus()

    @on(Select.Changed, "#map-start")
    def change_start(self, event: Select.Changed) -> None:
        value = event.value
        if value == BOOTH_START:
            self.start = self.booth_as_start
        elif isinstance(value, int) and 0 <= value < len(self.starts):
            self.start = self.starts[value]
        self._update_route()

    @on(BoothDetail.ContactRequested)
    def show_contact(self, event: BoothDetail.ContactRequested) -> None:
        self.post_message(self.ShowQr(event.booth_no))

    @on(BoothDetail.ProductRequested)
    def open_product(self, event: BoothDetail.ProductRequested) -> None:
        self.post_message(self.OpenProduct(event.product))

    @on(Button.Pressed, "#map-open-booth")
    def open_booth_pressed(self) -> None:
        self.action_open_booth()

    def action_find(self) -> None:
        self.query_one("#map-find", Input).focus()

    def action_start_here(self) -> None:
        selected = self.floor_map.selected
        start = booth_start(self.grid, selected) if selected else None
        if start is None:
            return
        self.booth_as_start = self.start = start
        self._fill_starts()
        self._update_route()

    def action_clear_map(self) -> None:
        self._requested_booth = None
        self.walking = False
        self.floor_map.set_results(())
        self.select_booth(None)
        self.floor_map.focus()

    def action_open_booth(self) -> None:
        selected = self.floor_map.selected
        if selected:
            self.post_message(self.OpenBooth(selected))

    def action_mark_booth(self) -> None:
        """The selected booth on the shortlist, or off it."""
        selected = self.floor_map.selected
        if not selected:
            return
        added = self.app.toggle_shortlisted("booth", selected)
        if added is not None:
            tr = self.app.tr
            self.notify(tr("shortlist.marked" if added else "shortlist.unmarked", booth=selected), timeout=2,
                        markup=False)  # fmt: skip

    def shortlist_count_changed(self) -> None:
        if not self.is_mounted:
            return
        self._update_route()  # the ✓ marks; in the walking plan, the walk planned again

    def action_walk(self) -> None:
        """Show the walking plan through the shortlist, or back to the selected booth's route."""
        if self.walking:
            self.walking = False
            self._update_route()
        else:
            self.show_walk()

    def action_contact_qr(self) -> None:
        if self.floor_map.selected:
            self.post_message(self.ShowQr(self.floor_map.selected))

    def action_toggle_legend(self) -> None:
        """Show or hide the legend over the map's right edge (app.tcss: `-legend`)."""
        self.toggle_class("-legend")
