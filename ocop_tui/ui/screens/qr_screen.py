"""The QR screen: the shortlist's take-away text, or a booth's contact card, as a code a phone reads offline.

The code takes the whole screen but two lines (what it is and which page, how to page): the largest version
that fits the terminal, at most qr.MAX_VERSION, decides how much text one code holds, so a long shortlist is
split into codes "1/3", "2/3"... (payload.py) shown one at a time; `]`/`→` and `[`/`←` page. A contact card
is one code: without its note where only that fits (the screen says so), and on a terminal too small even for
that the screen says how large it must be. Resizing works it out again.
"""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ocop_tui.shortlist.groups import group_by_booth
from ocop_tui.shortlist.payload import TooManyPages, take_away_pages
from ocop_tui.shortlist.qr import BYTE_CAPACITY_M, MAX_VERSION, TooSmall, drawn_size, max_version, render
from ocop_tui.shortlist.vcard import booth_vcard
from ocop_tui.ui.fair_app import FairApp
from ocop_tui.ui.language import follow_language, translate_active_bindings
from ocop_tui.ui.widgets.qr_view import QrView

CHROME_ROWS = 2  # the title line and the hint line
CHROME_COLUMNS = 2  # a column either side


def smallest_version(payload: str) -> int:
    """The smallest QR version (at error correction M) that holds `payload` (40 when none does)."""
    size = len(payload.encode("utf-8"))
    return next((version for version, room in enumerate(BYTE_CAPACITY_M, start=1) if room >= size), 40)


class QrScreen(ModalScreen[None]):
    """One QR code at a time, black on white, with its page and the keys to page."""

    BINDINGS = [
        Binding("escape", "close", "key.close"),
        Binding("right_square_bracket,right,pagedown", "page(1)", "key.next_code"),
        Binding("left_square_bracket,left,pageup", "page(-1)", "key.previous_code"),
    ]

    app = getters.app(FairApp)

    def __init__(self, booth_no: str | None = None) -> None:
        super().__init__()
        self.booth_no = booth_no  # None: the shortlist's take-away text; else this booth's contact card
        self.pages: list[str] = []
        self.page = 0
        self._problem = ""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translate_active_bindings(super().active_bindings, self.app.tr)

    def compose(self) -> ComposeResult:
        with Vertical(id="qr-box"):
            yield Static(id="qr-title")
            yield QrView(id="qr-code")
            yield Static(id="qr-hint")

    def on_mount(self) -> None:
        follow_language(self, self.rebuild)

    def on_resize(self) -> None:
        self.rebuild()

    @property
    def qr_view(self) -> QrView:
        return self.query_one("#qr-code", QrView)

    def rebuild(self) -> None:
        """The pages for the present size and language; the page shown stays where it can."""
        columns, rows = self.size.width - CHROME_COLUMNS, self.size.height - CHROME_ROWS
        if columns <= 0 or rows <= 0:
            return
        self.pages, self._problem = [], ""
        try:
            version = max_version(columns, rows)
        except TooSmall:
            version = 0
        payloads = self._payloads(version)
        if payloads is not None:
            self.pages = payloads
        self.page = min(self.page, max(0, len(self.pages) - 1))
        self.show_page()

    def _payloads(self, version: int) -> list[str] | None:
        """The texts of the codes at `version` (0: none fits), or None with `_problem` saying why."""
        tr = self.app.tr
        catalog = self.app.catalog
        fair = catalog.fair.text_in("name", tr.lang)
        if self.booth_no is not None:
            booth = catalog.booth(self.booth_no)
            if booth is None:
                self._problem = tr("detail.none")
                return None
            # The whole card, or without its note (booth, zone, fair: half the card) where only that fits.
            cards = [booth_vcard(booth, fair, tr.lang), booth_vcard(booth, fair, tr.lang, note=False)]
            for card in cards:
                if version >= (needed := smallest_version(card)):
                    if card is cards[1]:
                        self._problem = tr("qr.card_short")
                    return [card]
            self._problem = self._too_small(needed)
            return None
        groups = group_by_booth(self.app.shortlist, catalog)
        if not groups.groups:
            self._problem = tr("qr.empty")
            return None
        if version == 0:
            self._problem = self._too_small(1)
            return None
        try:
            return take_away_pages(groups, fair, tr.lang, max_version=min(version, MAX_VERSION))
        except TooManyPages:
            self._problem = tr("qr.too_many")
            return None

    def _too_small(self, version: int) -> str:
        columns, rows = drawn_size(version)
        return self.app.tr("qr.too_small", columns=columns + CHROME_COLUMNS, rows=rows + CHROME_ROWS)

    def show_page(self) -> None:
        tr = self.app.tr
        title = tr("qr.contact_title", booth=self.booth_no) if self.booth_no is not None else tr("qr.title")
        if len(self.pages) > 1:
            title += " · " + tr("qr.page", page=self.page + 1, pages=len(self.pages))
        self.query_one("#qr-title", Static).update(Text(title, style="bold"))
        hint = self._problem if self._problem else tr("qr.paging") if len(self.pages) > 1 else ""
        self.query_one("#qr-hint", Static).update(Text(hint))
        self.qr_view.show(render(self.pages[self.page]) if self.pages else None)

    def action_page(self, step: int) -> None:
        if len(self.pages) > 1:
            self.page = (self.page + step) % len(self.pages)
            self.show_page()

    def action_close(self) -> None:
        self.dismiss(None)
