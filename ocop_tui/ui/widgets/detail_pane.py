"""What the product and booth detail panes share: the record shown, the current catalogue, no idle redraws."""

from __future__ import annotations

from textual import getters
from textual.containers import VerticalScroll
from textual.widgets import Static

from ocop_tui.search.catalog import Catalog
from ocop_tui.ui.fair_app import FairApp
from ocop_tui.ui.textual_compat import SizedInLayout


class DetailText(SizedInLayout, Static):
    """Text in a detail pane (its height follows the record shown, within the layout under way)."""


class DetailPane(SizedInLayout, VerticalScroll):
    """Shows one record of the app's catalogue; a subclass draws it in `render_record`."""

    app = getters.app(FairApp)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._record: int | None = None
        self._shown: tuple[int | None, object, str] | None = None  # (record, catalogue, language) on screen

    @property
    def catalog(self) -> Catalog:
        # Read from the app each time: a kiosk swaps in a new catalogue when the store file changes.
        return self.app.catalog

    @property
    def record(self) -> int | None:
        return self._record

    def show(self, record: int | None) -> None:
        # The screen shows the first result at once, then the table's Highlighted message repeats it:
        # the same record again must not update widgets (each update costs a relayout and a frame).
        shown = self._shown
        if shown is not None and shown[0] == record and shown[1] is self.catalog and shown[2] == self.app.tr.lang:
            return
        self._record = record
        self.refresh_content()

    def refresh_content(self) -> None:
        """Draw the record again (language, theme or catalogue changed)."""
        self._shown = (self._record, self.catalog, self.app.tr.lang)
        self.render_record(self._record)

    def render_record(self, record: int | None) -> None:
        raise NotImplementedError
