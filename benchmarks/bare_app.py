"""The yardstick: a bare Textual app with one Input and one Label, started like ocop-tui.

The Label repeats what the Input holds (its length and text), so a keystroke's "final repaint" is
detected the same way as the app's: the expected text appears on screen and the output goes quiet.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input, Label

READY = "bare-app-ready"


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(id="input")
        yield Label(READY, id="echo", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one(Label).update(echo_text(event.value))


def echo_text(value: str) -> str:
    """What the Label shows for `value` (the benchmark looks for exactly this)."""
    return f"echo {len(value)}: {value}"


if __name__ == "__main__":
    BareApp().run()
