"""The help screen (F1 or ?): the keys of the screen it was opened from, on a results screen its columns (the
order they drop out in as the window narrows) and how sorting goes, the search syntax, the icons, taking the
shortlist away, the languages and themes."""

from __future__ import annotations

from rich.text import Text
from textual import events, getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ocop_tui.i18n import Translator
from ocop_tui.ui.fair_app import FairApp
from ocop_tui.ui.language import is_translated
from ocop_tui.ui.screens.browser import BrowserScreen
from ocop_tui.ui.textual_compat import bindings_of
from ocop_tui.ui.widgets.columns import Column, drop_order


def columns_text(columns: list[Column], tr: Translator) -> Text:
    """Which column keeps its room, the order the others drop out in, and how sorting goes: from the
    screen's own column declarations, so it is always what the table does."""
    name = next((c.label for c in columns if c.flexible), "")
    order = " → ".join(c.label for c in drop_order(columns))
    most = ", ".join(c.label for c in columns if c.descending_first)
    return Text("\n").join(
        [Text(tr("help.columns.drop", name=name, order=order)), Text(tr("help.columns.sort", most=most))]
    )


def help_text(screen: Screen, tr: Translator) -> Text:
    """The help page as one Text: the app's own keys on `screen` (its widgets and the app), then the
    search syntax, the icons, the languages and themes. Textual's generic editing keys are left out: they are
    not ours to explain."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for node in [*screen.walk_children(with_self=True), screen.app]:
        for binding in bindings_of(node):
            if binding.action in seen or not is_translated(binding):
                continue
            if binding.action == "command_palette" and not screen.app.use_command_palette:
                continue  # a kiosk has no palette
            seen.add(binding.action)
            rows.append((screen.app.get_key_display(binding), tr(binding.description)))
    width = max((len(key) for key, _ in rows), default=0) + 3
    lines = [Text(tr("help.title"), style="bold reverse"), Text(""), Text(tr("help.keys"), style="bold underline")]
    lines += [Text.assemble(Text(key.ljust(width), style="bold"), description) for key, description in rows]
    lines.append(Text(tr("help.moving")))
    if isinstance(screen, BrowserScreen):
        lines += [Text(""), Text(tr("help.columns"), style="bold underline"), columns_text(screen.columns(), tr)]
    sections = (("help.search", "help.search.text"), ("help.icons", "help.icons.text"),
                ("help.shortlist", "help.shortlist.text"))  # fmt: skip
    for title, body in sections:
        lines += [Text(""), Text(tr(title), style="bold underline"), Text(tr(body))]
    app = screen.app
    themes = ", ".join(map(app.theme_label, app.theme_cycle)) if isinstance(app, FairApp) else ""
    lines += [Text(""), Text(tr("help.display"), style="bold underline"), Text(tr("help.display.text", themes=themes))]
    lines += [Text(""), Text(tr("help.mouse"), style="dim")]
    return Text("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,question_mark", "dismiss", "key.close")]

    app = getters.app(FairApp)

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self._under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help-text", Static).update(help_text(self._under, self.app.tr))

    def on_click(self, event: events.Click) -> None:  # a click outside the box closes help, as on a kiosk
        if event.widget is self:
            self.dismiss(None)
