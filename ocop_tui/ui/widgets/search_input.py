"""The search box: a Textual Input whose typing never costs a relayout of the whole screen.

Textual's Input sets its virtual size to the length of its text at every keystroke, and a virtual size
is a layout-changing value: each key typed lays out and then redraws every widget on the screen (15 ms
and more on the browser's screen, twice per key when the results follow in a later frame). The search
box's own size is fixed by the stylesheet; its text scrolls inside it without any layout (Input keeps its
scroll position from the virtual size itself), so here that value only asks for a repaint.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class SearchInput(Input):
    """An Input of a fixed size (see app.tcss): its text changes repaint it, never relayout the screen."""

    # The same reactive value as Widget.virtual_size (same name, same storage), without layout=True.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
