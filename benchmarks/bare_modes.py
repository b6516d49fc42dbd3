"""The soak's yardstick: a bare Textual app with two modes (F2 / F3), each a screen with a title bar, a search
box, a label repeating it and a footer, switched and typed into like ocop-tui (see soak.py)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label

READY = "bare-modes-ready"


class Page(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(id="input")
        yield Label(READY, id="echo", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one(Label).update(f"echo {len(event.value)}: {event.value}")


class One(Page):
    pass


class Two(Page):
    pass


class BareModes(App[None]):
    MODES: ClassVar[dict[str, Any]] = {"one": One, "two": Two}
    DEFAULT_MODE = "one"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "switch_mode('one')", "One"),
        Binding("f3", "switch_mode('two')", "Two"),
    ]


if __name__ == "__main__":
    BareModes().run()
