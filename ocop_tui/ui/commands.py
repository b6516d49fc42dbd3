"""Command palette entries: go to a booth or a product code, switch language or theme."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from ocop_tui.text import fold
from ocop_tui.ui.safe import data_text

MAX_HITS = 30


class FairCommands(Provider):
    """Booths by number or exhibitor, products by code; plus language and theme switches."""

    def _entries(self) -> list[tuple[str, Text, object, str]]:
        app = self.app
        tr = app.tr  # type: ignore[attr-defined]
        catalog = app.catalog  # type: ignore[attr-defined]
        entries: list[tuple[str, Text, object, str]] = []
        entries.append((fold(tr("cmd.language")), Text(tr("cmd.language")), app.action_switch_language,
                        ""))  # type: ignore[attr-defined]  # fmt: skip
        for theme in app.theme_cycle:  # type: ignore[attr-defined]
            label = tr("cmd.theme", theme=theme)
            entries.append((fold(label), Text(label), partial(app.set_theme_by_name, theme), ""))  # type: ignore[attr-defined]
        for index, booth in enumerate(catalog.booths):
            label = Text.assemble(tr("cmd.go_booth"), " ",
                                  data_text(booth.booth_no, "bold"), ": ", data_text(booth.exhibitor))  # fmt: skip
            entries.append((fold(f"{label.plain} {booth.booth_no}"), label,
                            partial(app.open_booth_index, index), tr("cmd.help.booth")))  # type: ignore[attr-defined]  # fmt: skip
        return entries

    async def search(self, query: str) -> Hits:
        folded = fold(query).strip()
        if not folded:
            return
        words = folded.split()
        hits = 0
        # A booth number however it is written (K7, k-7, K 007): that booth first.
        catalog = self.app.catalog  # type: ignore[attr-defined]
        numbered = catalog.booth_index_of(query.strip())
        entries = self._entries()
        for _key, label, callback, help_text in entries:
            if numbered is not None and getattr(callback, "args", None) == (numbered,):
                yield Hit(1.0, label, callback, text=label.plain, help=help_text or None)  # type: ignore[arg-type]
                hits += 1
        for key, label, callback, help_text in entries:
            if numbered is not None and getattr(callback, "args", None) == (numbered,):
                continue
            if all(word in key for word in words):
                yield Hit(
                    1.0 if key.startswith(words[0]) else 0.5, label, callback, text=label.plain, help=help_text or None
                )  # type: ignore[arg-type]
                hits += 1
                if hits >= MAX_HITS:
                    break
        tr = self.app.tr  # type: ignore[attr-defined]
        if hits < MAX_HITS:
            # Product codes: look them up in the catalogue rather than listing 100,000 entries.
            result = catalog.search_products(f'code:"{folded}"')
            for index in list(result.ids)[: MAX_HITS - hits]:
                product = catalog.products[index]
                label = Text.assemble(tr("cmd.go_product"), " ",
                                      data_text(product.code, "bold"), ": ", data_text(product.name))  # fmt: skip
                yield Hit(0.8, label, partial(self.app.open_product, index), text=label.plain,  # type: ignore[attr-defined]
                          help=tr("cmd.help.product"))  # fmt: skip

    async def discover(self) -> Hits:
        tr = self.app.tr  # type: ignore[attr-defined]
        yield DiscoveryHit(Text(tr("cmd.language")), self.app.action_switch_language)  # type: ignore[attr-defined]
        for theme in self.app.theme_cycle:  # type: ignore[attr-defined]
            yield DiscoveryHit(Text(tr("cmd.theme", theme=theme)), partial(self.app.set_theme_by_name, theme))  # type: ignore[attr-defined]
