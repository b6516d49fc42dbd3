"""The lists inside detail panes (a booth's products, a producer's other products): one entry per product."""

from __future__ import annotations

from rich.text import Text

from ocop_tui.model import stars_text
from ocop_tui.search.catalog import Catalog
from ocop_tui.ui.safe import data_text
from ocop_tui.ui.widgets.detail_pane import Entry


def product_entry(catalog: Catalog, product: int) -> Entry:
    """A product in such a list: its name (as data, never markup) and its stars (in the text's colour:
    readable on the highlight in every theme); the action is its number."""
    record = catalog.products[product]
    text = Text.assemble(data_text(record.name), " ", stars_text(record.stars))
    return Entry(text, "item", str(product))
