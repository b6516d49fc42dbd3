"""Freed memory goes back to the system once the app is quiet after input, so a kiosk's resident size stays
flat all day.

Every keystroke of a search and every screen switch makes and drops thousands of short-lived strings (the
rows, the detail pane, the frame written to the terminal). Python frees them, but glibc's allocator keeps
the freed pages: measured in a real terminal (`python -m benchmarks soak`), the resident size grew by about
0.1 MB per search and per screen switch, to hundreds of megabytes over a day, while the Python heap
(tracemalloc) stayed flat. Handing the free pages back (malloc_trim, ocop_tui.memory) a moment after the
last input keeps it flat; it costs a few milliseconds, never while someone types.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App

from ocop_tui.memory import release_free_memory

if TYPE_CHECKING:
    _AppMixin = App[Any]
else:
    _AppMixin = object

QUIET_SECONDS = 0.5  # after the last input: the screen has been drawn
CHECK_EVERY_SECONDS = 1.0

# Input that makes work (and garbage); a timer's own events do not count.
ACTIVITY = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp, events.Resize)


class GivesMemoryBack(_AppMixin):
    """Mixed into the app before Textual's App."""

    tidy_clock: Callable[[], float] = time.monotonic
    _input_at: float | None = None

    def watch_memory(self) -> None:
        """Start looking, once a second, whether the app has been quiet since its last input."""
        self.set_interval(CHECK_EVERY_SECONDS, self.give_memory_back, name="give memory back")

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, ACTIVITY):
            self._input_at = self.tidy_clock()
        await super().on_event(event)

    def give_memory_back(self) -> bool:
        """Hand freed pages back if there was input, and none for QUIET_SECONDS; True when it did."""
        last = self._input_at
        if last is None or self.tidy_clock() - last < QUIET_SECONDS:
            return False
        self._input_at = None
        release_free_memory()
        return True
