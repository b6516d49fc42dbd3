"""The key hints at the bottom of every screen: Textual's Footer, without the memory it keeps on each change.

Textual's Footer builds its keys again whenever the screen's bindings change (every screen switch, every move
of the focus) and binds each new key to its own `compact` setting. The binding is a watcher kept on the
footer, and the footer forgets the watchers of removed keys only when `compact` changes, which it never
does: every switch kept about two dozen dead keys (and their styles and drawn lines), half a megabyte per
round trip between two screens, and each new key's binding took longer as the list grew. Asking the footer
to pass its `compact` on again (`mutate_reactive`, public API) after each rebuild makes Textual drop the
watchers of keys that are gone. tests/ui/test_textual_compat.py shows Textual's own Footer still does this
(when that test fails, this class can go).
"""

from __future__ import annotations

from textual.widgets import Footer


class FairFooter(Footer):
    """A Footer whose rebuilds leave nothing behind."""

    async def recompose(self) -> None:
        await super().recompose()
        self.mutate_reactive(Footer.compact)
