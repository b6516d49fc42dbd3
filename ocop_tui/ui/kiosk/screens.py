"""The browsing screens as the kiosk uses them: the same screens, noting searches that found nothing.

A miss is recorded once the visitor has settled on it, not at every keystroke: the latest text search
with no results, or only close matches (and no filters), is kept as pending; editing it into one that
finds something drops it (a typo fixed), while clearing the box, leaving the screen or the idle reset
records it.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from ocop_tui.kiosk.misses import normalise_query
from ocop_tui.search.index import ResultSet
from ocop_tui.ui.screens.booths import BoothsScreen
from ocop_tui.ui.screens.browser import BrowserScreen
from ocop_tui.ui.screens.products import ProductsScreen


class MissTracking(BrowserScreen):
    """Mixed into a browsing screen (first in the bases) to watch its results."""

    pending_miss: str | None = None

    @dataclass
    class Missed(Message):
        """A search that found nothing, settled: the kiosk app logs it for the organisers."""

        query: str
        where: str  # the screen's mode: "products" or "booths"

    def show_result(self, result: ResultSet, *, select: int | None = None, top: bool = False) -> None:
        super().show_result(result, select=select, top=top)
        text = normalise_query(self.query_text)
        if not text:
            self.settle_miss()  # the box was cleared: the visitor gave up on that search
        elif not result.found_exactly and not self._filters_snapshot():  # only close matches: still a miss
            self.pending_miss = text
        else:
            self.pending_miss = None

    def settle_miss(self) -> None:
        if self.pending_miss:
            self.post_message(self.Missed(self.pending_miss, self.MODE))
        self.pending_miss = None

    def on_screen_suspend(self) -> None:
        self.settle_miss()

    def reset(self) -> None:
        self.settle_miss()
        super().reset()
        self._show_facets = False
        self.set_class(False, "-show-facets")
        self.query_one("#detail").scroll_home(animate=False)


class KioskProductsScreen(MissTracking, ProductsScreen):
    pass


class KioskBoothsScreen(MissTracking, BoothsScreen):
    pass


KIOSK_SCREENS: dict[str, type[BrowserScreen]] = {
    "products": KioskProductsScreen,
    "booths": KioskBoothsScreen,
}
