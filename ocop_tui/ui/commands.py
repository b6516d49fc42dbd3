"""Command palette entries: go to a booth or a product code, switch language or theme."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from ocop_tui.text import fold
from ocop_tui.ui.fair_app import FairApp
from ocop_tui.ui.safe import data_text
from ocop_tui.ui.screens.fair_screen import FairScreen

MAX_HITS = 30


class FairCommands(Provider):
    """Booths by number or exhibitor, products by code; plus language and theme switches.

    Going to a booth or a product is asked of the app with the same messages the screens post.
    """

    @property
    def fair_app(self) -> FairApp:
        app = self.app
        assert isinstance(app, FairApp)  # a Provider has no getters.app; the check Textual's would make
        return app

    def _open_booth(self, booth_no: str) -> None:
        self.fair_app.post_message(FairScreen.OpenBooth(booth_no))

    def _open_product(self, product: int) -> None:
        self.fair_app.post_message(FairScreen.OpenProduct(product))

    def _entries(self) -> list[tuple[str, Text, Callable[[], Any], str]]:
        app = self.fair_app
        tr = app.tr
        entries: list[tuple[str, Text, Callable[[], Any], str]] = []
        entries.append((fold(tr("cmd.language")), Text(tr("cmd.language")), app.action_switch_language, ""))
        for theme in app.theme_cycle:
            theme_label = tr("cmd.theme", theme=theme)
            entries.append((fold(theme_label), Text(theme_label), partial(app.set_theme_by_name, theme), ""))
        for booth in app.catalog.booths:
            label = Text.assemble(tr("cmd.go_booth"), " ",
                                  data_text(booth.booth_no, "bold"), ": ", data_text(booth.exhibitor))  # fmt: skip
            entries.append((fold(f"{label.plain} {booth.booth_no}"), label,
                            partial(self._open_booth, booth.booth_no), tr("cmd.help.booth")))  # fmt: skip
        return entries

    async def search(self, query: str) -> Hits:
        folded = fold(query).strip()
        if not folded:
            return
        words = folded.split()
        hits = 0
        # A booth number however it is written (K7, k-7, K 007): that booth first.
        catalog = self.fair_app.catalog
        index = catalog.booth_index_of(query.strip())
        numbered = (catalog.booths[index].booth_no,) if index is not None else None
        entries = self._entries()
        for _key, label, callback, help_text in entries:
            if numbered is not None and getattr(callback, "args", None) == numbered:
                yield Hit(1.0, label, callback, text=label.plain, help=help_text or None)
                hits += 1
        for key, label, callback, help_text in entries:
            if numbered is not None and getattr(callback, "args", None) == numbered:
                continue
            if all(word in key for word in words):
                yield Hit(
                    1.0 if key.startswith(words[0]) else 0.5, label, callback, text=label.plain, help=help_text or None
                )
                hits += 1
                if hits >= MAX_HITS:
                    break
        tr = self.fair_app.tr
        if hits < MAX_HITS:
            # Product codes: look them up in the catalogue rather than listing 100,000 entries.
            result = catalog.search_products(f'code:"{folded}"')
            for index in list(result.ids)[: MAX_HITS - hits]:
                product = catalog.products[index]
                label = Text.assemble(tr("cmd.go_product"), " ",
                                      data_text(product.code, "bold"), ": ", data_text(product.name))  # fmt: skip
                yield Hit(0.8, label, partial(self._open_product, index), text=label.plain,
                          help=tr("cmd.help.product"))  # fmt: skip

    async def discover(self) -> Hits:
        app = self.fair_app
        yield DiscoveryHit(Text(app.tr("cmd.language")), app.action_switch_language)
        for theme in app.theme_cycle:
            yield DiscoveryHit(Text(app.tr("cmd.theme", theme=theme)), partial(app.set_theme_by_name, theme))
