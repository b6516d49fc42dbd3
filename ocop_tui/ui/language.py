"""Keeping widgets in the current language: footer key labels and a hook to relabel on a switch.

Binding descriptions in this app are translation keys ("key.search"); `translate_bindings` swaps them for
the current language, so the Footer never shows a literal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from ocop_tui.i18n import STRINGS, Translator


def translate_bindings(node: DOMNode, tr: Translator) -> None:
    """Rebuild `node`'s bindings with descriptions in `tr`'s language."""
    # The bindings as first seen (descriptions are keys), including ones Textual adds at run time
    # such as the command palette's; kept on the node so every switch starts from them.
    source = node.__dict__.get("_untranslated_bindings")
    if source is None:
        source = node._bindings.copy()
        node.__dict__["_untranslated_bindings"] = source

    def label(text: str) -> str:
        return tr(text) if text in STRINGS else text

    node._bindings = BindingsMap.from_keys(
        {
            key: [
                replace(binding, description=label(binding.description), tooltip=label(binding.tooltip))
                for binding in bindings
            ]
            for key, bindings in source.key_to_bindings.items()
        }
    )


def is_translated(node: DOMNode, binding: Binding) -> bool:
    """True for this app's own bindings (their description was a translation key)."""
    source = node.__dict__.get("_untranslated_bindings")
    if source is None:
        return False
    return any(
        original.action == binding.action and original.description in STRINGS
        for originals in source.key_to_bindings.values()
        for original in originals
    )


def follow_language(node: DOMNode, relabel: Callable[[], None]) -> None:
    """Call `relabel` now and after every language switch; footer keys follow too."""

    def apply(_lang: str) -> None:
        translate_bindings(node, node.app.tr)  # type: ignore[attr-defined]
        relabel()
        # After the next refresh: at mount time the Footer has not subscribed to the signal yet.
        node.call_after_refresh(node.refresh_bindings)

    node.watch(node.app, "lang", apply, init=True)
