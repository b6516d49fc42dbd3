"""Named shortlists (ctrl+s on the Shortlist screen, outside the kiosk): save the list under a name, open a
saved one instead, rename or delete one. The lists are the app's book (shortlist/storage.py: one file per
list in the user's state folder, written atomically); what goes wrong is said in the dialog, never a crash.

The dialog is dismissed with the name of the list now shown (saved or opened), or None.
"""

from __future__ import annotations

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from ocop_tui.shortlist.storage import SavedInfo, ShortlistBook, ShortlistError, describe_error
from ocop_tui.ui.fair_app import FairApp
from ocop_tui.ui.language import follow_language
from ocop_tui.ui.safe import data_text

ACTIONS = ("save", "open", "rename", "delete", "close")


class NamedListsScreen(ModalScreen[str | None]):
    """The saved lists, a name box and the buttons that use them."""

    BINDINGS = [Binding("escape", "close", "key.close")]

    app = getters.app(FairApp)

    def __init__(self, current_name: str = "") -> None:
        super().__init__()
        self.current_name = current_name
        self.listing: list[SavedInfo] = []

    @property
    def book(self) -> ShortlistBook:
        book = self.app.shortlist_book
        assert book is not None  # the Shortlist screen opens this dialog only when the app keeps lists
        return book

    def compose(self) -> ComposeResult:
        with Vertical(id="lists-box"):
            yield Static(id="lists-title")
            yield OptionList(id="lists-saved")
            yield Input(self.current_name, id="lists-name", max_length=80)
            with Horizontal(id="lists-buttons"):
                for action in ACTIONS:
                    yield Button("", id=f"lists-{action}", classes="lists-button")
            yield Static(id="lists-message")

    def on_mount(self) -> None:
        follow_language(self, self.relabel)
        self.fill()
        self.query_one("#lists-name", Input).focus()

    def relabel(self) -> None:
        tr = self.app.tr
        self.query_one("#lists-title", Static).update(Text(tr("lists.title"), style="bold"))
        self.query_one("#lists-name", Input).placeholder = tr("lists.name")
        for action in ACTIONS:
            self.query_one(f"#lists-{action}", Button).label = Text(tr(f"lists.{action}"))
        self.say(tr("lists.hint"))

    def fill(self) -> None:
        """The saved lists, by name."""
        tr = self.app.tr
        self.listing = self.book.listing()
        options = []
        for info in self.listing:
            if info.damaged:
                line = tr("lists.item.damaged", name=info.name, detail=info.damaged)
            else:
                line = tr("lists.item", name=info.name, items=tr.number(info.items))
            options.append(Option(data_text(line)))
        saved = self.query_one("#lists-saved", OptionList)
        saved.clear_options()
        if options:
            saved.add_options(options)
            saved.highlighted = 0
        else:
            saved.add_option(Option(Text(tr("lists.none"), style="dim"), disabled=True))

    def say(self, message: str, *, problem: bool = False) -> None:
        self.query_one("#lists-message", Static).update(data_text(message, "bold" if problem else "dim"))

    @property
    def typed_name(self) -> str:
        return self.query_one("#lists-name", Input).value

    @property
    def picked(self) -> SavedInfo | None:
        index = self.query_one("#lists-saved", OptionList).highlighted
        return self.listing[index] if index is not None and 0 <= index < len(self.listing) else None

    # The buttons --------------------------------------------------------------------------------

    @on(Button.Pressed, ".lists-button")
    def press(self, event: Button.Pressed) -> None:
        action = (event.button.id or "").removeprefix("lists-")
        getattr(self, f"action_{action}")()

    @on(Input.Submitted, "#lists-name")
    def save_typed(self) -> None:
        self.action_save()

    @on(OptionList.OptionSelected, "#lists-saved")
    def open_picked(self) -> None:
        self.action_open()

    def _attempt(self, work: str) -> str | None:
        """Run one of the book's operations; its error said in the dialog."""
        tr = self.app.tr
        app = self.app
        picked = self.picked
        try:
            if work == "save":
                fair = app.catalog.fair.text_in("name", tr.lang)
                name = self.book.save(self.typed_name, app.shortlist, fair)
                self.say(tr("lists.saved", name=name))
                return name
            if picked is None:
                self.say(tr("lists.pick"), problem=True)
                return None
            if work == "open":
                app.shortlist.replace(self.book.load(picked.name))
                app.shortlist_changed()
                app.notify(tr("lists.opened", name=picked.name), timeout=2, markup=False)
                return picked.name
            if work == "rename":
                name = self.book.rename(picked.name, self.typed_name)
                self.say(tr("lists.renamed", name=name))
                return name
            self.book.delete(picked.name)
            self.say(tr("lists.deleted", name=picked.name))
            return picked.name
        except ShortlistError as error:
            self.say(describe_error(error, tr.lang), problem=True)
            return None
        finally:
            self.fill()

    def action_save(self) -> None:
        name = self._attempt("save")
        if name is not None:
            self.current_name = name

    def action_open(self) -> None:
        name = self._attempt("open")
        if name is not None:
            self.dismiss(name)

    def action_rename(self) -> None:
        old = self.picked.name if self.picked is not None else None
        name = self._attempt("rename")
        if name is not None and old == self.current_name:
            self.current_name = name

    def action_delete(self) -> None:
        name = self._attempt("delete")
        if name is not None and name == self.current_name:
            self.current_name = ""

    def action_close(self) -> None:
        self.dismiss(self.current_name)
