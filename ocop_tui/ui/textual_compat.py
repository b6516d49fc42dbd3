"""Every use of Textual's private names, in one place (Textual is pinned to a tested minor version).

Each item says why it is needed and which public API is missing; tests/ui/test_textual_compat.py has a test
per item that fails when Textual renames what it relies on or stops giving it the effect wanted. Before
widening the Textual pin, run those tests first (the README's "For maintainers" lists what else to look at).

What the app takes from here:
- `bindings_of`: the help screen lists the keys of every widget on a screen, not only the focused chain.
- `send_refreshes_now`: a search's widgets are drawn in the next frame, not one frame later.
- `LaidOutOnce`: a Line API view ignores a layout pass that changes nothing for it.
- `InputWithoutRelayout`: typing in a search box of fixed size never lays the screen out.
- `mode_stacks`: the kiosk's idle reset looks at the screens of modes that are not on view.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.widget import Widget
from textual.widgets import Input

# The mixin below is a plain class at run time, listed first (Textual takes a widget's CSS type names and
# defaults from its widget bases); the type checker sees the class it is mixed into, so its calls to super()
# are checked against Textual's.
if TYPE_CHECKING:
    _ScrollViewMixin = ScrollView
else:
    _ScrollViewMixin = object


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
