"""What the product and booth detail panes share: the record shown, the current catalogue, no idle redraws."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.widgets import Static

from ocop_tui.search.catalog import Catalog


class SizedInLayout:
    """Takes a new size from the layout pass under way without asking for another one.

    Textual stores a new content size as a layout-changing value, so a record with a longer text lays the
    whole screen out (and redraws it) a second and third time. The pass under way has already placed
    every widget; scrollbars follow the new height by themselves (and ask for a layout if one appears or
    goes). This overrides Textual's private Widget._size_updated (Textual is pinned to 8.2). A plain mixin,
    listed first: Textual takes a widget's CSS type names and defaults from its first widget base.
    """

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)  # type: ignore[misc, no-any-return]


class DetailText(SizedInLayout, Static):
    """Text in a detail pane (its height follows the record shown)."""


class DetailPane(SizedInLayout, VerticalScroll):
    """Shows one record of the app's catalogue; a subclass draws it in `render_record`."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._record: int | None = None
        self._shown: tuple[int | None, object, str] | None = None  # (record, catalogue, language) on screen

    @property
    def catalog(self) -> Catalog:
        # Read from the app each time: a kiosk swaps in a new catalogue when the store file changes.
        return self.app.catalog  # type: ignore[attr-defined, no-any-return]

    @property
    def record(self) -> int | None:
        return self._record

    def show(self, record: int | None) -> None:
        # The screen shows the first result at once, then the table's Highlighted message repeats it:
        # the same record again must not update widgets (each update costs a relayout and a frame).
        shown = self._shown
        if shown is not None and shown[0] == record and shown[1] is self.catalog \
                and shown[2] == self.app.tr.lang:  # type: ignore[attr-defined]  # fmt: skip
            return
        self._record = record
        self.refresh_content()

    def refresh_content(self) -> None:
        """Draw the record again (language, theme or catalogue changed)."""
        self._shown = (self._record, self.catalog, self.app.tr.lang)  # type: ignore[attr-defined]
        self.render_record(self._record)

    def render_record(self, record: int | None) -> None:
        raise NotImplementedError
