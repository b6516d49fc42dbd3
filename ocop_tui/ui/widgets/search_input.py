"""The search box: a Textual Input whose typing never costs a relayout of the whole screen.

Textual's Input sets its virtual size to the length of its text at every keystroke, and a virtual size
is a layout-changing value: each key typed would lay out and then redraw every widget on the screen (15 ms
and more on the browser's screen, twice per key when the results follow in a later frame). The search
box's own size is fixed by the stylesheet (app.tcss), so its text changes only need a repaint; how that is
done with Textual's internals is InputWithoutRelayout's business (textual_compat).
"""

from __future__ import annotations

from ocop_tui.ui.textual_compat import InputWithoutRelayout


class SearchInput(InputWithoutRelayout):
    """An Input of a fixed size (see app.tcss): its text changes repaint it, never relayout the screen."""
