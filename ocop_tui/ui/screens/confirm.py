"""A yes-or-no question in a small dialog (clearing the whole shortlist): the answer comes back as a bool.

The safe answer has the focus, so Enter pressed out of habit loses nothing; escape answers no.
"""

from __future__ import annotations

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ocop_tui.ui.fair_app import FairApp


class ConfirmDialog(ModalScreen[bool]):
    """`question`, with a button that does it (`yes`) and one that does not (`no`, focused)."""

    BINDINGS = [Binding("escape", "answer(False)", "key.close")]

    app = getters.app(FairApp)

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(Text(self.question, style="bold"), id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(Text(self.yes), id="confirm-yes", variant="error")
                yield Button(Text(self.no), id="confirm-no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def confirmed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def refused(self) -> None:
        self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
