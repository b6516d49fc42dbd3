"""The one translation layer: every string the UI or the CLI shows, in Vietnamese and English.

Strings live in one module per area (browser, cli, cli_help, kiosk, importer, map), each a dict of
key -> (vi, en). Templates use str.format fields; the result is plain text, never markup.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ocop_tui.i18n import browser, cli, cli_help, demo, extra, importer, kiosk, map, organisers, search, shortlist
from ocop_tui.model import Lang

DEFAULT_LANG: Lang = "vi"

STRINGS: dict[str, tuple[str, str]] = {}
for _area in (browser, cli, cli_help, extra, map, importer, demo, kiosk, search, organisers, shortlist):
    _overlap = STRINGS.keys() & _area.STRINGS.keys()
    assert not _overlap, f"duplicate translation keys: {sorted(_overlap)}"
    STRINGS.update(_area.STRINGS)


def t(key: str, lang: Lang, **values: Any) -> str:
    """The string `key` in `lang`, with `values` filled in."""
    vi, en = STRINGS[key]
    template = vi if lang == "vi" else en
    return template.format(**values) if values else template


def format_number(value: int, lang: Lang) -> str:
    """2,951 in English, 2.951 in Vietnamese."""
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "vi" else text


def format_date(text: str, lang: Lang) -> str:
    """29/09/2024 in Vietnamese, 29 Sep 2024 in English; text that is not an ISO date as it is."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return text
    return day.strftime("%d/%m/%Y") if lang == "vi" else f"{day.day} {day.strftime('%b %Y')}"


def format_price(value: int | None, lang: Lang) -> str:
    if value is None:
        return ""
    return f"{format_number(value, lang)} ₫" if lang == "vi" else f"{format_number(value, lang)} VND"


class Translator:
    """A language bound to `t`, handed to widgets so they never hold literals."""

    def __init__(self, lang: Lang = DEFAULT_LANG) -> None:
        self.lang: Lang = lang

    def __call__(self, key: str, **values: Any) -> str:
        return t(key, self.lang, **values)

    def number(self, value: int) -> str:
        return format_number(value, self.lang)

    def price(self, value: int | None) -> str:
        return format_price(value, self.lang)
