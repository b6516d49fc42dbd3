"""The kiosk's two dialogs: the staff PIN dialog (the only way out) and the idle countdown.

Both are driven by the kiosk app's clock: the app calls `refresh_lock()` and `set_remaining()` from its
tick, so tests move time forward instead of waiting.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events, getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from ocop_tui.kiosk.pin import PIN_MAX_DIGITS, PinGuard
from ocop_tui.ui.fair_app import FairApp
from ocop_tui.ui.language import follow_language

SHORT_HEIGHT = 20  # rows: below this the PIN dialog drops its padding and its buttons' borders


class PinScreen(ModalScreen[None]):
    """Ask for the exit PIN. Right: the app exits with code 0. Wrong: say so. Too many: locked, counting down."""

    BINDINGS = [Binding("escape", "close", "key.close")]

    app = getters.app(FairApp)

    @dataclass
    class Attempted(Message):
        """A PIN was tried: the app logs it, and ends the kiosk when it was right."""

        outcome: str  # PinGuard.attempt's answer: "ok", "wrong" or "locked"

    def __init__(self, guard: PinGuard) -> None:
        super().__init__()
        self.guard = guard
        self._message: tuple[str, dict[str, object], str] | None = None
        self._was_locked = False

    def compose(self) -> ComposeResult:
        with Vertical(id="pin-box"):
            yield Static(id="pin-title")
            yield Static(id="pin-prompt")
            yield Input(id="pin-input", password=True, restrict=r"[0-9]*", max_length=PIN_MAX_DIGITS)
            yield Static(id="pin-message")
            with Horizontal(id="pin-buttons"):
                yield Button("", id="pin-ok", variant="error", classes="pin-button")
                yield Button("", id="pin-close", variant="primary", classes="pin-button")

    @property
    def pin_input(self) -> Input:
        return self.query_one("#pin-input", Input)

    def on_mount(self) -> None:
        follow_language(self, self.relabel)
        self.refresh_lock()
        if not self.guard.locked_for():
            self.pin_input.focus()

    def on_resize(self) -> None:
        self.set_class(self.size.height < SHORT_HEIGHT, "-short")  # app.tcss: everything fits, down to 12 rows

    def relabel(self) -> None:
        tr = self.app.tr
        self.query_one("#pin-title", Static).update(Text(tr("pin.title"), style="bold"))
        self.query_one("#pin-prompt", Static).update(Text(tr("pin.prompt")))
        self.pin_input.placeholder = tr("pin.placeholder")
        self.query_one("#pin-ok", Button).label = tr("pin.ok")
        self.query_one("#pin-close", Button).label = tr("pin.close")
        self._show_message()

    def _say(self, key: str, style: str = "", **values: object) -> None:
        self._message = (key, values, style)
        self._show_message()

    def _show_message(self) -> None:
        out = self.query_one("#pin-message", Static)
        if self._message is None:
            out.update("")
            return
        key, values, style = self._message
        out.update(Text(self.app.tr(key, **values), style=style))

    def refresh_lock(self) -> None:
        """Show the lockout countdown, or open the input again once it is over (called every tick)."""
        if not self.is_attached or not self.query("#pin-ok"):
            return  # closing: a tick can still arrive while the dialog is being taken down
        seconds = self.guard.locked_seconds()
        locked = seconds > 0
        self.pin_input.disabled = locked
        self.query_one("#pin-ok", Button).disabled = locked
        if locked:
            self._say("pin.locked", "bold", seconds=seconds)
            if self.focused is not None:
                self.set_focus(None)  # so Enter on a typed PIN neither checks it nor closes the dialog
        elif self._was_locked:
            self._say("pin.unlocked")
            self.pin_input.focus()
        self._was_locked = locked

    @on(Input.Submitted, "#pin-input")
    @on(Button.Pressed, "#pin-ok")
    def check_pin(self) -> None:
        pin = self.pin_input.value
        self.pin_input.value = ""
        outcome = self.guard.attempt(pin)
        self.post_message(self.Attempted(outcome))  # the app logs it; exits on "ok"
        if outcome == "ok":
            return
        if outcome == "wrong":
            self._say("pin.wrong", "bold", tries=self.guard.tries_left)
            self.pin_input.focus()
        else:
            self.refresh_lock()

    @on(Button.Pressed, "#pin-close")
    def close_pressed(self) -> None:
        self.action_close()

    def action_close(self) -> None:
        """Back to where the visitor was; a lockout stays on the kiosk, not on this dialog."""
        self.dismiss(None)


class IdleCountdown(ModalScreen[None]):
    """'Are you still there?' with the seconds left; the kiosk app closes it on any input."""

    app = getters.app(FairApp)

    def __init__(self, seconds: int, *, shortlisted: int = 0) -> None:
        super().__init__()
        self.seconds = seconds
        self.shortlisted = shortlisted  # the visitor's shortlist, which the reset clears: they are told

    def compose(self) -> ComposeResult:
        with Vertical(id="idle-box"):
            yield Static(id="idle-title")
            yield Static(id="idle-seconds")
            yield Static(id="idle-shortlist")
            yield Static(id="idle-hint")

    def on_mount(self) -> None:
        follow_language(self, self.relabel)

    def relabel(self) -> None:
        tr = self.app.tr
        self.query_one("#idle-title", Static).update(Text(tr("idle.title"), style="bold"))
        self.query_one("#idle-hint", Static).update(Text(tr("idle.hint"), style="bold reverse"))
        shortlist = self.query_one("#idle-shortlist", Static)
        shortlist.display = bool(self.shortlisted)
        shortlist.update(Text(tr("idle.shortlist", count=tr.number(self.shortlisted))))
        self.set_remaining(self.seconds)

    def set_remaining(self, seconds: int) -> None:
        self.seconds = seconds
        if not self.is_attached or not self.query("#idle-seconds"):
            return
        tr = self.app.tr
        self.query_one("#idle-seconds", Static).update(Text(tr("idle.countdown", seconds=seconds)))

    def on_mouse_down(self, event: events.MouseDown) -> None:
        event.stop()  # the app has already closed the countdown; nothing beneath gets the touch
