"""Every use of Textual's private names, in one place (Textual is pinned to a tested minor version).

Each item says why it is needed and which public API is missing; tests/ui/test_textual_compat.py has a test
per item that fails when Textual renames what it relies on or stops giving it the effect wanted. Before
widening the Textual pin, run those tests first (the README's "For maintainers" lists what else to look at).

What the app takes from here:
- `bindings_of`: the help screen lists the keys of every widget on a screen, not only the focused chain.
- `send_refreshes_now`: a search's widgets are drawn in the next frame, not one frame later.
- `LaidOutOnce`: a Line API view ignores a layout pass that changes nothing for it.
- `update_scrollbars_now`: the map's scrollbars take its new size (after a fit) in the same frame.
- `InputWithoutRelayout`: typing in a search box of fixed size never lays the screen out.
- `mode_stacks`: the kiosk's idle reset looks at the screens of modes that are not on view.
- `ErrorHook`: the kiosk is asked first what an unexpected error does (it recovers instead of ending).
- `FatalErrorHook`: the kiosk shows one line for an unexpected error instead of Textual's traceback.
- `WordedCommandPalette`: the command palette's "No matches found" line in the app's language.
- `redescribe_footer_keys`: the shortlist's count on its footer keys without rebuilding the footer.
- `LightStrip`: a Strip that makes its caches when one is first used.
- `divide_strips_without_cycles`: no line the compositor draws is left as cyclic garbage.
- `draw_only_the_changed_rows`: a partial update draws only the widgets, and their lines, where it changed.
- `side_box`, `kept_lines`, `forget_lines`: the Line API views draw the box around a line themselves, and only the lines
  that changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from rich.align import Align
from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.text import Text
from textual._border import get_box  # private: the cells of a border edge, as Textual draws them
from textual._compositor import Compositor  # private: what draws the widgets into a frame
from textual.app import App
from textual.binding import Binding
from textual.cache import FIFOCache
from textual.color import Color
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode
from textual.filter import LineFilter
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget
from textual.widgets import Input
from textual.widgets._footer import FooterKey  # private: the widget a Footer shows for each key
from textual.widgets.option_list import Option

# The mixin below is a plain class at run time, listed first (Textual takes a widget's CSS type names and
# defaults from its widget bases); the type checker sees the class it is mixed into, so its calls to super()
# are checked against Textual's.
if TYPE_CHECKING:
    _ScrollViewMixin = ScrollView
    _AppMixin = App[Any]
else:
    _ScrollViewMixin = _AppMixin = object


def bindings_of(node: DOMNode) -> list[Binding]:
    """Every binding `node` has (its class's and inherited ones, after any keymap), shown or not.

    Missing public API: `Screen.active_bindings` covers only the focused widget and its ancestors; the help
    screen explains the keys of every widget on the screen. Relies on DOMNode._bindings (a BindingsMap that
    iterates as (key, binding) pairs).
    """
    return [binding for _key, binding in node._bindings]


def send_refreshes_now(widgets: Iterable[Widget]) -> None:
    """Tell the screen now about every refresh `widgets` (and their scrollbars) have asked for.

    A widget reports its refresh to its screen from its own message queue, one hop later; by then the screen
    has often drawn its next frame (the typed letter's echo) without it, and a search's results wait a whole
    frame more. Missing public API: a way to flush a widget's pending refresh; Widget._check_refresh is the
    report itself (it posts Update or Layout to the screen and clears _repaint_required/_layout_required).
    The scrollbars (_vertical_scrollbar, _horizontal_scrollbar: None until one was needed) are widgets too.
    """
    for widget in widgets:
        if widget._repaint_required or widget._layout_required:
            widget._check_refresh()
        for bar in (widget._vertical_scrollbar, widget._horizontal_scrollbar):
            if bar is not None and (bar._repaint_required or bar._layout_required):
                bar._check_refresh()


class LaidOutOnce(_ScrollViewMixin):
    """A layout pass that changes nothing for this view does nothing (mixed into a ScrollView, listed first).

    Textual's ScrollView compares the container size the layout gives it with its own (which leaves out the
    scrollbar), so every layout looks like a change: the scrollbars are refreshed and drawn one frame later,
    and a Resize event follows. After a search that is a second frame for nothing. Missing public API: none
    to skip it; overrides ScrollView._size_updated, which the compositor calls with each widget's new size.
    """

    _laid_out_as: tuple[Size, Size, Size] | None = None

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        now = (size, virtual_size, container_size)
        if self._laid_out_as == now:
            return False
        self._laid_out_as = now
        return super()._size_updated(size, virtual_size, container_size, layout)


def update_scrollbars_now(view: ScrollView) -> None:
    """Give the scrollbars the view's virtual size now, in the same frame as the new content.

    Textual updates them during the next layout; a new size set after a layout (the map fitted to its view on
    resize) would leave them as they were, such as a horizontal one under a map that now fits. Missing public
    API: Widget._scroll_update is Textual's own step for this (it sizes the scrollbars from the virtual size
    and keeps the scroll offset in range).
    """
    if view.is_mounted and view.container_size:
        view._scroll_update(view.virtual_size)


class InputWithoutRelayout(Input):
    """An Input whose size the stylesheet fixes: its text changes repaint it, never lay out the screen.

    Textual's Input sets its virtual size to the length of its text at every keystroke (in _watch_value), and
    a virtual size is a layout-changing value: each key typed lays out and then redraws every widget on the
    screen (15 ms and more on the browser's screen). The text scrolls inside the box without any layout
    (Input keeps its scroll position from the virtual size itself), so here that value only asks for a
    repaint. Missing public API: a per-widget choice of what a virtual size change costs. Relies on a
    reactive of the same name sharing Widget.virtual_size's storage (`_reactive_virtual_size`).
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)


def mode_stacks(app: App[Any]) -> dict[str, list[Screen[Any]]]:
    """The screen stack of every mode opened so far (a copy), on view or not.

    Missing public API: App.screen_stack is the current mode's only; the kiosk's idle reset resets the
    screens of every mode. Relies on App._screen_stacks (mode name -> its stack, base screen first).
    """
    return {mode: list(stack) for mode, stack in app._screen_stacks.items()}


class ErrorHook(_AppMixin):
    """An app that is asked first what to do with an unexpected error: `recover_from(error)` returns True when it
    has dealt with it (the app runs on), False to let Textual end the app as usual.

    Textual ends the app on any unhandled exception: App._handle_exception, which every screen's and widget's
    message loop, timer and worker calls with the error, prints a traceback (with the frames' local variables)
    and exits; an error in one of the app's own handlers (where every key binding's action runs) has by then
    ended the app's message loop as well. Missing public API: a hook for unhandled errors. Overrides
    App._handle_exception, and MessagePump._dispatch_message for the app only, so an error in the app's own
    handlers leaves its message loop running. (A screen or widget whose handler failed has stopped taking
    messages: whoever recovers replaces it.) Mixed into an App, listed first.
    """

    def recover_from(self, error: Exception) -> bool:
        return False

    async def _dispatch_message(self, message: Message) -> None:
        try:
            await super()._dispatch_message(message)
        except Exception as error:
            if not self.recover_from(error):
                raise

    def _handle_exception(self, error: Exception) -> None:
        if not self.recover_from(error):
            super()._handle_exception(error)

    def end_with(self, error: Exception) -> None:
        """End the app on `error` as on an unhandled one, without asking `recover_from` (through the hooks
        listed after this one, such as FatalErrorHook)."""
        super()._handle_exception(error)


class FatalErrorHook(_AppMixin):
    """Mixed into an App before Textual's: an unhandled exception ends the app through `on_fatal_error(error)`
    instead of Textual's own report (a traceback with every frame's local variables).

    Missing public API: Textual has no hook for an unhandled exception. Relies on App._handle_exception(error)
    being called with it, then App._fatal_error() (without it) to print the traceback and exit.
    """

    _fatal: Exception | None = None

    def _handle_exception(self, error: Exception) -> None:
        self._fatal = error  # for _fatal_error, which Textual calls from there without it
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        self.on_fatal_error(self._fatal)

    def on_fatal_error(self, error: Exception | None) -> None:
        """Report `error` and end the app (App.panic); the subclass decides how."""
        raise NotImplementedError


class WordedCommandPalette(CommandPalette):
    """The command palette with its texts in the app's language: the search box's placeholder (public) and the
    line that says nothing matched.

    Missing public API: a way to word that line ("No matches found" is written into the palette). Overrides
    CommandPalette._start_no_matches_countdown, which adds it to the CommandList as a disabled option a moment
    after a search that found nothing, the same way: it relies on _stop_no_matches_countdown, _NO_MATCHES (the
    option's id, which the palette's own code looks for), _list_visible and _no_matches_timer.
    """

    NO_MATCHES_DELAY: ClassVar[float] = 0.5  # Textual's _NO_MATCHES_COUNTDOWN: results may still be arriving

    def __init__(self, *, placeholder: str, no_matches: str, id: str | None = None) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:  # an empty search lists what can be discovered: nothing to say
                line = Align.center(Text(self.no_matches, style="not bold"))
                self.query_one(CommandList).add_option(Option(line, disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self.NO_MATCHES_DELAY, show_no_matches)


def redescribe_footer_keys(screen: Screen[Any], descriptions: dict[str, str]) -> None:
    """Give the footer keys of `screen` whose key is in `descriptions` that description, in place.

    Footer has no public way to change one key's text: refresh_bindings() builds every key again, which took
    80 ms for a count that changed by one. FooterKey (textual.widgets._footer) keeps its text in
    `description`; a key whose width stays the same only repaints, one that grows or shrinks lays out the
    footer's row.
    """
    for footer_key in screen.query(FooterKey):
        described = descriptions.get(footer_key.key)
        if described is not None and described != footer_key.description:
            resized = len(described) != len(footer_key.description)
            footer_key.description = described
            footer_key.refresh(layout=resized)


@dataclass(frozen=True, slots=True)
class SideBox:
    """What Textual puts around each content line of a widget whose box has only sides (a left or right
    border, left or right padding): the cells before and after the content, and what every line then goes
    through. Equal boxes draw equal lines, so a view may keep its drawn lines while its box is unchanged."""

    before: tuple[Segment, ...]  # the left border's cell, then the left padding
    after: tuple[Segment, ...]  # the right padding, then the right border's cell
    width: int  # of the whole widget
    content_width: int
    content_height: int
    blank: RichStyle  # of the content area's cells with nothing drawn on them
    background: Color  # what the filters blend over
    filters: tuple[LineFilter, ...]


def side_box(widget: Widget) -> SideBox | None:
    """The box around `widget`'s content lines, or None when Textual's own drawing is needed (a top or
    bottom border or padding, an outline, a tint, opacity, a hatch, or links that highlight on hover).

    Why: Textual draws every line of a widget through its StylesCache, which asks the styles again, makes
    four Strips and a new line for each line (with 28 small caches between them), and applies the filters
    anew, even to a line drawn before. For the results table, the facets and the detail pane that was about
    half the time a keystroke spends drawing. Missing public API: a way to draw the box around a content
    line; this builds it as StylesCache.render_line does (textual._border.get_box gives the border's cells),
    and tests/ui/test_textual_compat.py checks, cell by cell, that the lines are the ones Textual draws.
    """
    styles = widget.styles
    (top, _), (right_edge, right_colour), (bottom, _), (left_edge, left_colour) = styles.border
    pad_top, pad_right, pad_bottom, pad_left = styles.padding
    if top or bottom or pad_top or pad_bottom or any(edge for edge, _ in styles.outline):
        return None
    if styles.tint.a or styles.text_opacity != 1.0 or widget.opacity != 1.0:
        return None
    if styles.has_rule("hatch") and styles.hatch != "none":
        return None
    if widget.auto_links:
        hover = widget.hover_style
        if hover.link_id and hover.meta and "@click" in hover.meta:
            return None
    base_background, background = widget.background_colors
    inner = Style(background=base_background + background)
    outer = Style(background=base_background)
    blank = inner.rich_style
    before: list[Segment] = []
    after: list[Segment] = []
    if left_edge:
        before.append(get_box(left_edge, inner, outer, Style(foreground=base_background + left_colour))[1][0])
    if pad_left:
        before.append(Segment(" " * pad_left, blank))
    if pad_right:
        after.append(Segment(" " * pad_right, blank))
    if right_edge:
        after.append(get_box(right_edge, inner, outer, Style(foreground=base_background + right_colour))[1][2])
    content = widget.content_region.size
    return SideBox(
        before=tuple(before),
        after=tuple(after),
        width=widget.region.width,
        content_width=content.width,
        content_height=content.height,
        blank=blank,
        background=background,
        filters=tuple(widget.get_line_filters()),
    )


def kept_lines(widget: Widget, crop: Region, width: int, draw: Callable[[int], Strip], *, fresh: bool) -> list[Strip]:
    """The lines of `widget` in `crop`: the ones drawn before and not refreshed since as they were, the others
    from `draw(y)` (and kept); `fresh`: forget every line kept (the box they were drawn in changed).

    Why: the compositor asks a widget for every line in the bounding box of what changed on the screen (all
    the lines beside a table whose rows all changed), and Textual keeps each widget's drawn lines, and which
    of them a refresh made stale, in the widget's StylesCache. Missing public API: a way to draw lines
    without StylesCache.render_line (see side_box) that still uses that record; this reads and fills
    Widget._styles_cache (_cache: lines by y, _dirty_lines, _width) as StylesCache.render does.
    """
    cache = widget._styles_cache
    if fresh or width != cache._width:
        forget_lines(widget)
        cache._width = width
    lines = cache._cache
    stale = cache._dirty_lines
    strips: list[Strip] = []
    for y in crop.line_range:
        strip = lines.get(y) if y not in stale else None
        if strip is None:
            strip = lines[y] = draw(y)
        strips.append(strip)
    stale.difference_update(crop.line_range)
    start, end = crop.column_span
    if (start, end) != (0, width):
        strips = [strip.crop(start, end) for strip in strips]
    return strips


def forget_lines(widget: Widget) -> None:
    """Forget the lines kept for `widget` (kept_lines keeps them with the filters applied; Textual's own
    drawing keeps them without, and applies the filters as it takes one). StylesCache.clear is the call."""
    widget._styles_cache.clear()


def divide_strips_without_cycles() -> None:
    """Make Strip.divide stop keeping a strip in its own cache (idempotent; the factory calls it).

    Why: the compositor divides every line it draws at the edges of the regions on the screen. A line that
    lies in one region is divided at its own end, and Textual returns [the strip itself], after keeping that
    list in the strip's _divide_cache: a reference cycle. Each line drawn once (with the seven caches every
    Strip has) became garbage only a full collection frees: about 300 objects per keystroke, then pauses of
    20 to 70 ms in the middle of typing while 30,000 of them were found and freed (measured at 14,000
    products). Missing public API: none to change it; this wraps Strip.divide so that this one case returns
    a new list of the strip and keeps nothing (every other division goes to Textual's, cache and all).
    """
    divide = Strip.divide
    if getattr(divide, "_keeps_no_cycle", False):
        return

    def divide_without_cycle(self: Strip, cuts: Iterable[int]) -> Any:
        cuts = list(cuts)
        length = self.cell_length
        if [cut for cut in cuts if cut <= length] == [length]:
            return [self]
        return divide(self, cuts)

    divide_without_cycle._keeps_no_cycle = True  # type: ignore[attr-defined]
    divide_without_cycle.__doc__ = divide.__doc__
    Strip.divide = divide_without_cycle  # type: ignore[method-assign]


def draw_only_the_changed_rows() -> None:
    """Make a partial update draw only the widgets in the rows that changed, and only those rows of them
    (idempotent; the factory calls it).

    Why: for a partial update, Textual's compositor draws every widget whose parent's area touches the area
    that changed, all of its lines: after a keystroke, the title bar, the tabs and the footer too, though none
    of their lines is written to the terminal (about a quarter of a millisecond). Missing public API: none;
    this replaces Compositor._get_renders (the widgets on view with their region, clip and lines, front first)
    for a given crop, giving each widget its visible columns in the crop's rows, as the region and clip the
    compositor then cuts. A full update (no crop) is Textual's own; a test compares the screens both draw.
    """
    get_renders = Compositor._get_renders
    if getattr(get_renders, "_draws_changed_rows", False):
        return

    def get_changed_renders(self: Compositor, crop: Region | None = None) -> Any:
        if crop is None:
            yield from get_renders(self, crop)
            return
        for widget, (region, clip) in self.visible_widgets.items():
            visible = region.intersection(clip)
            _, top, _, height = visible.intersection(crop)
            if height:
                rows = Region(visible.x, top, visible.width, height)
                lines = widget.render_lines(Region(visible.x - region.x, top - region.y, visible.width, height))
                yield rows, rows, lines

    get_changed_renders._draws_changed_rows = True  # type: ignore[attr-defined]
    get_changed_renders.textuals = get_renders  # type: ignore[attr-defined]  # the tests compare the two
    Compositor._get_renders = get_changed_renders  # type: ignore[method-assign]


# The caches of a Strip, with the sizes Textual gives them (Strip.__init__).
_STRIP_CACHES = {
    "_divide_cache": 4,
    "_crop_cache": 16,
    "_style_cache": 16,
    "_filter_cache": 4,
    "_line_length_cache": 4,
    "_crop_extend_cache": 4,
    "_offsets_cache": 4,
}


class LightStrip(Strip):
    """A Strip that makes each of its seven caches when it is first used, not when it is made.

    Why: Textual makes seven caches for every Strip, and most lines a view draws use none of them before
    they are thrown away (the compositor divides a line that lies in one region without a cache, and
    renders it once). After a keystroke that was about 1,400 small objects made and then walked by the
    garbage collector for nothing. Missing public API: none; relies on Strip's private slots, which a
    method of Strip reads directly (self._crop_cache.get(...)): a slot never set calls __getattr__,
    which makes the cache then.
    """

    __slots__ = ()

    def __init__(self, segments: Iterable[Segment], cell_length: int | None = None) -> None:
        self._segments = list(segments)
        self._cell_length = cell_length
        self._render_cache = None
        self._link_ids = None
        self._cell_count = None

    def __getattr__(self, name: str) -> Any:
        size = _STRIP_CACHES.get(name)
        if size is None:
            raise AttributeError(name)
        cache: FIFOCache[Any, Any] = FIFOCache(size)
        setattr(self, name, cache)
        return cache
