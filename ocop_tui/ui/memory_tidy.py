"""Freed memory goes back to the system once the app is quiet after input, so a kiosk's resident size stays
flat all day.

Every keystroke of a search and every screen switch makes and drops thousands of short-lived strings (the
rows, the detail pane, the frame written to the terminal). Python frees them, but glibc's allocator keeps
the freed pages: measured in a real terminal (`python -m benchmarks soak`), the resident size grew by about
0.1 MB per search and per screen switch, to hundreds of megabytes over a day, while the Python heap
(tracemalloc) stayed flat. Handing the free pages back (malloc_trim, ocop_tui.memory) once a second while
there is input keeps it flat; it takes about a millisecond (measured at 100,000 products), and an idle kiosk
does not do it at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App

from ocop_tui.memory import release_free_memory

if TYPE_CHECKING:
    _AppMixin = App[Any]
else:
    _AppMixin = object

CHECK_EVERY_SECONDS = 1.0

# Input that makes work (and garbage); a timer's own events do not count.
ACTIVITY = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp, events.Resize)


class GivesMemoryBack(_AppMixin):
    """Mixed into the app before Textual's App."""

    _had_input = False

    def watch_memory(self) -> None:
        """Start looking, once a second, whether there was input since the last look."""
        self.set_interval(CHECK_EVERY_SECONDS, self.give_memory_back, name="give memory back")

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, ACTIVITY):
            self._had_input = True
        await super().on_event(event)

    def give_memory_back(self) -> bool:
        """Hand freed pages back if there was input since the last time; True when it did."""
        if not self._had_input:
            return False
        self._had_input = False
        release_free_memory()
        return True
