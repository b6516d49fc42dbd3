"""The shortlist itself: the products and booths a visitor or buyer has collected, in the order they were added.

Plain Python with no catalogue attached: an item is a product (by its code) or a booth (by its number), so a
list saved today still means the same records after the store is replaced, and a list can be kept, saved and
compared without the fair. What the items are (names, phones, stars) comes from the catalogue when the list
is shown (groups.py). Codes and booth numbers are matched as the store matches them: regardless of case,
accents and normal form ("k-007" is booth "K-007").

The app holds one Shortlist and marks rows from `has_product` / `has_booth` (a set lookup, no search);
`revision` grows with every change, so a screen can tell whether it has to redraw.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from ocop_tui.text import fold

Kind = Literal["product", "booth"]
KINDS: tuple[Kind, ...] = ("product", "booth")
MAX_ITEMS = 2000  # far beyond a day's walk (the fair has 320 booths); keeps a saved list small


@dataclass(frozen=True, slots=True)
class Item:
    """One entry: a product by its code, or a booth by its number, as the store spells them."""

    kind: Kind
    key: str


def item_id(kind: Kind, key: str) -> tuple[Kind, str]:
    """What identifies an item: its kind and its key folded as the store matches keys."""
    return kind, fold(key.strip())


class ShortlistFull(ValueError):
    """Adding would pass MAX_ITEMS."""


class Shortlist:
    """An ordered set of items; adding what is there already, or removing what is not, changes nothing."""

    def __init__(self, items: Iterable[Item] = ()) -> None:
        self._items: dict[tuple[Kind, str], Item] = {}
        self.revision = 0
        for item in items:
            self.add(item.kind, item.key)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Item]:
        return iter(self._items.values())

    def __contains__(self, item: object) -> bool:
        return isinstance(item, Item) and item_id(item.kind, item.key) in self._items

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Shortlist) and list(self._items) == list(other._items)

    def __repr__(self) -> str:
        return f"Shortlist({list(self._items.values())!r})"

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(self._items.values())

    def keys(self, kind: Kind) -> list[str]:
        """The product codes or the booth numbers, in the order they were added."""
        return [item.key for item in self._items.values() if item.kind == kind]

    def has(self, kind: Kind, key: str) -> bool:
        return item_id(kind, key) in self._items

    def has_product(self, code: str) -> bool:
        return item_id("product", code) in self._items

    def has_booth(self, booth_no: str) -> bool:
        return item_id("booth", booth_no) in self._items

    def add(self, kind: Kind, key: str) -> bool:
        """Add the item; False when it was there already. Raises ShortlistFull past MAX_ITEMS."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind of item {kind!r}")
        ident = item_id(kind, key)
        if ident in self._items:
            return False
        if len(self._items) >= MAX_ITEMS:
            raise ShortlistFull(MAX_ITEMS)
        self._items[ident] = Item(kind, key.strip())
        self.revision += 1
        return True

    def remove(self, kind: Kind, key: str) -> bool:
        """Remove the item; False when it was not there."""
        if self._items.pop(item_id(kind, key), None) is None:
            return False
        self.revision += 1
        return True

    def toggle(self, kind: Kind, key: str) -> bool:
        """Add the item, or remove it when it is there (the `space` key); True when it is now on the list."""
        if self.remove(kind, key):
            return False
        self.add(kind, key)
        return True

    def clear(self) -> int:
        """Empty the list; returns how many items it held (all a kiosk may log about it)."""
        count = len(self._items)
        if count:
            self._items.clear()
            self.revision += 1
        return count

    def replace(self, other: Shortlist) -> None:
        """Take the items of `other` (a list opened by name), keeping this object for those who hold it."""
        self._items = dict(other._items)
        self.revision += 1

    def copy(self) -> Shortlist:
        return Shortlist(self._items.values())
