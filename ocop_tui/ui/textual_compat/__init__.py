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
The drawing items (the last five) are in drawing.py; every item is imported from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from rich.align import Align
from rich.text import Text
from textual.app import App
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.widget import Widget
from textual.widgets import Input
from textual.widgets._footer import FooterKey  # private: the widget a Footer shows for each key
from textual.widgets.option_list import Option

from ocop_tui.ui.textual_compat.drawing import (
    LightStrip,
    SideBox,
    divide_strips_without_cycles,
    draw_only_the_changed_rows,
    forget_lines,
    kept_lines,
    side_box,
)

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


__all__ = [
    "ErrorHook",
    "FatalErrorHook",
    "InputWithoutRelayout",
    "LaidOutOnce",
    "LightStrip",
    "SideBox",
    "WordedCommandPalette",
    "bindings_of",
    "divide_strips_without_cycles",
    "draw_only_the_changed_rows",
    "forget_lines",
    "kept_lines",
    "mode_stacks",
    "redescribe_footer_keys",
    "send_refreshes_now",
    "side_box",
    "update_scrollbars_now",
]
