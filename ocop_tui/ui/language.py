"""Keeping widgets in the current language: key descriptions in the footer and a hook to relabel on a switch.

Binding descriptions in this app are translation keys ("key.search"). They stay keys on the bindings; a screen
hands them out translated from `active_bindings` (which the Footer reads), so the Footer never shows a literal
and a language switch changes no binding.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual.binding import ActiveBinding, Binding
from textual.dom import DOMNode

from ocop_tui.i18n import STRINGS, Translator


def is_translated(binding: Binding) -> bool:
    """True for this app's own bindings (their description is a translation key)."""
    return binding.description in STRINGS


def translate_active_bindings(bindings: dict[str, ActiveBinding], tr: Translator) -> dict[str, ActiveBinding]:
    """A screen's active bindings as the Footer shows them: described in `tr`'s language (Textual's own as they are)."""

    def label(text: str) -> str:
        return tr(text) if text in STRINGS else text

    translated = {}
    for key, active in bindings.items():
        binding = active.binding
        binding = replace(binding, description=label(binding.description), tooltip=label(binding.tooltip))
        translated[key] = active._replace(binding=binding, tooltip=label(active.tooltip))
    return translated


def follow_language(node: DOMNode, relabel: Callable[[], object]) -> None:
    """Call `relabel` now and after every language switch; footer keys follow too."""

    def apply(_lang: str) -> None:
        relabel()
        # After the next refresh: at mount time the Footer has not subscribed to the signal yet.
        node.call_after_refresh(node.refresh_bindings)

    node.watch(node.app, "lang", apply, init=True)
