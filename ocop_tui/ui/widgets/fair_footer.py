"""The key hints at the bottom of every screen: Textual's Footer, without the memory it keeps on each change.

Three things in Textual's Footer keep memory or work on every screen switch, and all are undone here:

- It builds its keys again whenever the screen's bindings change and binds each new key to its own
  `compact` setting. The binding is a watcher kept on the footer, and the footer forgets the watchers of
  removed keys only when `compact` changes, which it never does. Asking the footer to pass its `compact` on
  again (`mutate_reactive`, public API) after each rebuild makes Textual drop the watchers of keys that are
  gone.
- It rebuilds even while its screen is hidden (another mode's screen is shown), and a hidden screen keeps
  every new key it is asked to draw in its list of widgets to repaint, cleared only by a frame the hidden
  screen never gets: in a real terminal, several hundred dead keys per screen after a few dozen switches,
  and a rebuild per switch for every screen made. A hidden screen's footer now waits, and rebuilds once when
  its screen is shown again.
- It rebuilds whenever it is told the bindings may have changed (every move of the focus, every switch),
  even when the keys it would show are the ones it shows. It now rebuilds only when they differ.

tests/ui/test_textual_compat.py shows Textual's own Footer still does the first (when that test fails, that
part can go); tests/ui/test_flat_memory.py counts what a day of switching leaves.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer


class FairFooter(Footer):
    """A Footer whose rebuilds leave nothing behind, and that does not rebuild while its screen is hidden."""

    _shown: Hashable = None  # what the keys on show were built from

    async def recompose(self) -> None:
        # Every way to a rebuild comes here (Footer.bindings_changed asks for one after the next frame), so a
        # hidden screen's footer is skipped here; it is asked again when its screen is shown (_screen_changed).
        if not self.is_attached or not self.screen.is_current:
            return
        shown = self._what_to_show()
        # Keys with no children on show were built before Footer knew its bindings (it then shows nothing).
        if shown == self._shown and self.children:
            return
        await super().recompose()
        self._shown = shown
        self.mutate_reactive(Footer.compact)

    def _what_to_show(self) -> Hashable:
        """Everything Footer.compose builds its keys from (Bindings are frozen dataclasses: hashable)."""
        keys = tuple(
            (key, binding, enabled, tooltip, self.app.get_key_display(binding))
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show
        )
        return keys, self.compact, self.show_command_palette, self.combine_groups

    def on_mount(self) -> None:  # Footer's own on_mount runs too (Textual calls each class's handler)
        self.app.screen_change_signal.subscribe(self, self._screen_changed)
        # A footer mounted after its screen's first frame (the browser screens do that) would otherwise wait
        # for the next change of the bindings to show any key.
        self.call_after_refresh(self.bindings_changed, self.screen)

    def on_unmount(self) -> None:
        self.app.screen_change_signal.unsubscribe(self)

    def _screen_changed(self, screen: Screen) -> None:
        """Its screen is shown again: the bindings may have changed while it was hidden (a rebuild happens only
        if the keys differ)."""
        if self.is_attached and screen is self.screen:
            self.bindings_changed(screen)
