"""The lists inside detail panes (a booth's products, a producer's other products)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ocop_tui.model import stars_text
from ocop_tui.search.catalog import Catalog
from ocop_tui.ui.safe import data_text


class DetailList(OptionList):
    """An OptionList that highlights its first entry when it gets focus, so Enter always opens one."""

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            self.highlighted = 0


def product_option(catalog: Catalog, product: int) -> Option:
    """A product in such a list: its name (as data, never markup) and its stars; the id is its number. The
    stars take the text's colour: readable on the list's highlight in every theme."""
    record = catalog.products[product]
    return Option(Text.assemble(data_text(record.name), " ", stars_text(record.stars)), id=str(product))
