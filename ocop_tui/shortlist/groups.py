"""The shortlist as people read it: grouped by booth (booth number, exhibitor, phone), each booth with the
products collected there (stars, price), booths in the order of their numbers.

A booth appears when it was added itself or when one of its products was; `marked` tells which. Items the
catalogue does not know (a saved list opened on another store, or after the store changed) are kept apart
in `missing`, never dropped silently. Text for people (a booth's heading, a product's line) is made here in
either language, so the shortlist screen, the take-away QR and the command line say the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from ocop_tui.i18n import format_price
from ocop_tui.model import Booth, Lang, Product
from ocop_tui.search.catalog import Catalog
from ocop_tui.shortlist.items import Item, Shortlist
from ocop_tui.text import clean, natural_key


@dataclass(frozen=True, slots=True)
class BoothGroup:
    """One booth of the shortlist and the products collected there (in the order they were added)."""

    booth: Booth
    products: tuple[Product, ...]
    marked: bool  # the booth itself is on the list (not only some of its products)

    @property
    def booth_no(self) -> str:
        return self.booth.booth_no


@dataclass(frozen=True, slots=True)
class ShortlistGroups:
    groups: tuple[BoothGroup, ...]
    missing: tuple[Item, ...] = ()  # items the catalogue does not know

    @property
    def booth_nos(self) -> list[str]:
        """The booths to visit, for the walking plan (plan/walk.py)."""
        return [group.booth_no for group in self.groups]

    @property
    def product_count(self) -> int:
        return sum(len(group.products) for group in self.groups)

    def __len__(self) -> int:
        return len(self.groups)


def group_by_booth(shortlist: Shortlist, catalog: Catalog) -> ShortlistGroups:
    """The items of `shortlist` found in `catalog`, by booth, booths in booth-number order (A-9 before A-10)."""
    products: dict[int, list[Product]] = {}
    marked: set[int] = set()
    missing: list[Item] = []
    for item in shortlist:
        if item.kind == "booth":
            index = catalog.booth_index_of(item.key)
            if index is None:
                missing.append(item)
            else:
                marked.add(index)
                products.setdefault(index, [])
            continue
        product_index = catalog.product_index_of(item.key)
        if product_index is None:
            missing.append(item)
            continue
        booth = catalog.booth_of(product_index)
        booth_index = catalog.booth_index_of(booth.booth_no)
        assert booth_index is not None
        products.setdefault(booth_index, []).append(catalog.products[product_index])
    order = sorted(products, key=lambda index: natural_key(catalog.booths[index].booth_no))
    groups = tuple(BoothGroup(catalog.booths[i], tuple(products[i]), i in marked) for i in order)
    return ShortlistGroups(groups, tuple(missing))


def one_line(text: str) -> str:
    """Data text cleaned (no control, escape or bidi characters: records made in code are not checked) and on
    one line with single spaces."""
    return " ".join(clean(text).split())


def booth_heading(booth: Booth) -> str:
    """ "K-007 HTX Nông nghiệp Mỹ An · 0967 095 651" (without the phone when the booth has none)."""
    text = f"{one_line(booth.booth_no)} {one_line(booth.exhibitor)}"
    return f"{text} · {one_line(booth.phone)}" if booth.phone.strip() else text


def product_name(product: Product, lang: Lang) -> str:
    """The product's name: in English its English name where the store has one."""
    return one_line(product.name_en if lang == "en" and product.name_en.strip() else product.name)


def product_line(product: Product, lang: Lang) -> str:
    """ "Nước mắm Phú Quốc 40 độ đạm · 5★ · 150.000 ₫/chai" (without a price when there is none)."""
    parts = [product_name(product, lang), f"{product.stars}★"]
    if product.price_vnd is not None:
        price = format_price(product.price_vnd, lang)
        unit = one_line(product.unit)
        parts.append(f"{price}/{unit}" if unit else price)
    return " · ".join(parts)
