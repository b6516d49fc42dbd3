"""The Shortlist screen (F9): what a visitor or buyer collected, grouped by booth, to walk to and take away.

Each booth shows its number, exhibitor and phone (✓ when the booth itself was marked), then the products
collected there with their stars and price (shortlist/groups.py says it the same way as the QR text). Keys:
remove the highlighted item (a booth's line removes the booth and its products), clear all after a
confirmation, the walking plan on the map, the take-away QR code, and outside the kiosk the named lists
(save, open, rename, delete: screens/named_lists.py). Items the fair's data does not know are listed apart.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ocop_tui.shortlist.groups import ShortlistGroups, booth_heading, group_by_booth, product_line
from ocop_tui.shortlist.items import Kind
from ocop_tui.ui.language import follow_language
from ocop_tui.ui.safe import data_text
from ocop_tui.ui.screens.confirm import ConfirmDialog
from ocop_tui.ui.screens.fair_screen import FairScreen
from ocop_tui.ui.screens.named_lists import NamedListsScreen
from ocop_tui.ui.widgets.fair_footer import FairFooter
from ocop_tui.ui.widgets.record_table import MARK

Entry = tuple[Kind, str, tuple[str, ...]]  # what a line removes: its kind and key, and products with it


class ShortlistScreen(FairScreen):
    MODE = "shortlist"
    BINDINGS = [
        Binding("delete,backspace,x", "remove", "key.remove"),
        Binding("ctrl+r", "clear_all", "key.clear_list"),
        Binding("ctrl+w", "walk", "key.walk"),
        Binding("ctrl+t", "take_away", "key.qr"),
        Binding("ctrl+s", "named_lists", "key.lists"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.groups: ShortlistGroups | None = None
        self.entries: list[Entry | None] = []  # per option: what removing it removes (None: a note)
        self.list_name = ""  # the named list opened or saved last

    def compose(self) -> ComposeResult:
        yield from self.compose_top()
        yield Static(id="shortlist-summary")
        yield OptionList(id="shortlist-items")
        yield Static(id="shortlist-empty")
        yield FairFooter()

    @property
    def items(self) -> OptionList:
        return self.query_one("#shortlist-items", OptionList)

    def on_mount(self) -> None:
        follow_language(self, self.rebuild)
        self.items.focus()

    def on_screen_resume(self) -> None:
        self.rebuild()  # the catalogue or the list may have changed on another screen

    def shortlist_count_changed(self) -> None:
        self.rebuild()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "named_lists" or self.app.shortlist_book is not None  # a kiosk keeps no lists

    # Showing the list ---------------------------------------------------------------------------

    def rebuild(self) -> None:
        tr = self.app.tr
        shortlist = self.app.shortlist
        self.groups = groups = group_by_booth(shortlist, self.catalog)
        options: list[Option] = []
        self.entries = []
        for group in groups.groups:
            mark = f"{MARK} " if group.marked else "  "
            products = tuple(product.code for product in group.products)
            options.append(Option(Text.assemble(mark, (booth_heading(group.booth), "bold"))))
            self.entries.append(("booth", group.booth_no, products))
            for product in group.products:
                options.append(Option(Text(f"    - {product_line(product, tr.lang)}")))
                self.entries.append(("product", product.code, ()))
        if groups.missing:
            keys = ", ".join(item.key for item in groups.missing)
            note = tr("shortlist.missing", count=tr.number(len(groups.missing)), items=keys)
            options.append(Option(data_text(note, "dim"), disabled=True))
            self.entries.append(None)
        items = self.items
        highlighted = items.highlighted
        items.clear_options()
        items.add_options(options)
        if options:
            items.highlighted = min(highlighted or 0, len(options) - 1)
        empty = not shortlist
        items.display = not empty
        self.query_one("#shortlist-empty", Static).display = empty
        self.query_one("#shortlist-empty", Static).update(Text(tr("shortlist.empty")))
        self._summarise(groups)

    def _summarise(self, groups: ShortlistGroups) -> None:
        tr = self.app.tr
        parts = [Text(tr("shortlist.title"), style="bold")]
        if groups.groups:
            parts.append(Text(tr("shortlist.summary", booths=tr.number(len(groups)),
                                 products=tr.number(groups.product_count))))  # fmt: skip
        if self.list_name:
            parts.append(data_text(tr("shortlist.list_name", name=self.list_name)))
        self.query_one("#shortlist-summary", Static).update(Text(" · ").join(parts))

    # Actions ------------------------------------------------------------------------------------

    def action_remove(self) -> None:
        index = self.items.highlighted
        if index is None or not 0 <= index < len(self.entries):
            return
        entry = self.entries[index]
        if entry is None:
            return
        kind, key, products = entry
        shortlist = self.app.shortlist
        shortlist.remove(kind, key)
        for code in products:  # a booth's line: the booth and what was collected there
            shortlist.remove("product", code)
        self.app.shortlist_changed()

    def action_clear_all(self) -> None:
        count = len(self.app.shortlist)
        if not count:
            return
        tr = self.app.tr

        def answered(clear: bool | None) -> None:
            if clear:
                self.app.shortlist.clear()
                self.app.shortlist_changed()
                self.app.notify(tr("shortlist.cleared"), timeout=2)

        question = tr("shortlist.clear.question", count=tr.number(count))
        self.app.push_screen(ConfirmDialog(question, tr("shortlist.clear.yes"), tr("shortlist.clear.no")), answered)

    def action_walk(self) -> None:
        self.post_message(self.ShowWalk())

    def action_take_away(self) -> None:
        self.post_message(self.ShowQr())

    def action_named_lists(self) -> None:
        if self.app.shortlist_book is not None:
            self.app.push_screen(NamedListsScreen(self.list_name), self._list_chosen)

    def _list_chosen(self, name: str | None) -> None:
        if name is not None:
            self.list_name = name
        self.rebuild()

    @on(OptionList.OptionSelected, "#shortlist-items")
    def open_line(self, event: OptionList.OptionSelected) -> None:
        """Enter on a line: the booth (or the product) on its own screen."""
        entry = self.entries[event.option_index] if event.option_index < len(self.entries) else None
        if entry is None:
            return
        kind, key, _ = entry
        if kind == "booth":
            self.post_message(self.OpenBooth(key))
        elif (index := self.catalog.product_index_of(key)) is not None:
            self.post_message(self.OpenProduct(index))
