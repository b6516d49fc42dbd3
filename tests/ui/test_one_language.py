"""One language at a time: every screen of the browser and the kiosk, walked in English, shows no Vietnamese
string of the app's own tables (ocop_tui.i18n), and walked in Vietnamese no English one, nor Textual's own
English texts (the command palette's, its system commands', theme names). Data stays as the store gives it:
the fair's name, theme, venue and city and the zones follow the language where the store has English versions.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ocop_tui.i18n import STRINGS
from ocop_tui.model import Booth, Fair, Lang
from ocop_tui.search.catalog import Catalog
from ocop_tui.ui.factory import make_app
from ocop_tui.ui.textual_compat import WordedCommandPalette

from .drawn import screen_lines
from .fixtures import BOOTHS, FAIR, PRODUCTS
from .kiosk_support import FakeClock, kiosk
from .walk import IDLE, walk_browser, walk_kiosk

# Textual's own English, which must never show in Vietnamese.
TEXTUAL_ENGLISH = (
    "Search for commands", "No matches found", "Keys", "Maximize", "Minimize", "Quit the application", "Screenshot",
    "Change the current theme", "textual-dark", "textual-light", "palette", "Select",
)  # fmt: skip

# The fair with English versions of its own names and of its zones (where there is one).
ENGLISH_FAIR = Fair(**{**{f: getattr(FAIR, f) for f in ("name", "theme", "venue", "city", "start_date", "end_date")},
                       "demo": True, "name_en": "Mekong Delta OCOP Forum", "theme_en": "Linking together",
                       "venue_en": "An Hoa Cultural Park", "city_en": "Rach Gia"})  # fmt: skip
ZONES_EN = {"Khu trưng bày nước mắm": "Fish sauce display", "Khu các tỉnh": "Provinces"}


def catalog() -> Catalog:
    booths = [Booth(**{**{f: getattr(b, f) for f in b.__struct_fields__ if f != "extra"},
                       "zone_en": ZONES_EN.get(b.zone, "")}) for b in BOOTHS]  # fmt: skip
    return Catalog.from_records(ENGLISH_FAIR, booths, PRODUCTS)


def data_texts(shown: Catalog) -> list[str]:
    """Every text of the store, in both languages: it may show in either (a product's name has no English)."""
    texts: list[str] = []
    for record in (shown.fair, *shown.booths, *shown.products):
        texts += [value for value in (getattr(record, field) for field in record.__struct_fields__)
                  if isinstance(value, str)]  # fmt: skip
    return texts


_FIELD = re.compile(r"\{[^}]*\}")
_BREAK = re.compile(r"[\n.,:;!?()“”\"'…·/–—=+]| - ")


def phrases(text: str) -> list[str]:
    """The literal phrases of a string of the table (its {fields} and punctuation taken out)."""
    return [part.strip() for chunk in _FIELD.split(text) for part in _BREAK.split(chunk) if part.strip()]


def foreign_phrases(lang: Lang, data: list[str]) -> set[str]:
    """Phrases of the other language's strings that cannot be in `lang`'s: not in any of `lang`'s strings, nor
    in the data, and long enough to mean something (two words, or one of six letters or more)."""
    own = _FIELD.sub(" ", " \n ".join(pair[0 if lang == "vi" else 1] for pair in STRINGS.values()))
    folded_data = " \n ".join(data).casefold()
    found = set()
    for vi, en in STRINGS.values():
        if vi == en:
            continue
        for phrase in phrases(en if lang == "vi" else vi):
            words = phrase.split()
            if not (len(words) >= 2 or len(phrase) >= 6) or not re.search(r"[^\W\d_]{3}", phrase):
                continue
            if phrase in own or phrase.casefold() in folded_data:
                continue
            found.add(phrase)
    return found


def misplaced(lines: list[str], foreign: set[str], lang: Lang) -> set[str]:
    text = "\n".join(lines)
    seen = {phrase for phrase in foreign if phrase in text}
    if lang == "vi":
        seen |= {word for word in TEXTUAL_ENGLISH if re.search(rf"\b{re.escape(word)}\b", text)}
    return seen


@pytest.fixture(autouse=True)
def quick_no_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(WordedCommandPalette, "NO_MATCHES_DELAY", 0.001)


@pytest.mark.parametrize("lang", ["en", "vi"])
async def test_every_browser_screen_speaks_one_language(lang: Lang) -> None:
    shown = catalog()
    foreign = foreign_phrases(lang, data_texts(shown))
    app = make_app(shown, lang=lang)
    found: dict[str, set[str]] = {}
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        async for where in walk_browser(pilot, "K-07"):
            lines = screen_lines(app.screen)
            if misplaced(lines, foreign, lang):
                found[where] = misplaced(lines, foreign, lang)
            if where == "fair facts":
                text = "\n".join(lines)
                if lang == "en":
                    assert "Mekong Delta OCOP Forum" in text and "An Hoa Cultural Park, Rach Gia" in text
                    assert "Fish sauce display" in text and "Khu trưng bày nước mắm" not in text
                else:
                    assert FAIR.name in text and "Fish sauce display" not in text
    assert found == {}


@pytest.mark.parametrize("lang", ["en", "vi"])
async def test_every_kiosk_screen_speaks_one_language(lang: Lang, tmp_path: Path) -> None:
    shown = catalog()
    foreign = foreign_phrases(lang, data_texts(shown))
    clock = FakeClock()
    app = kiosk(shown, tmp_path, clock, lang=lang, idle_seconds=IDLE)
    found: dict[str, set[str]] = {}
    async with app.run_test(size=(100, 30)) as pilot:
        async for where in walk_kiosk(pilot, clock):
            lines = screen_lines(app.screen)
            if misplaced(lines, foreign, lang):
                found[where] = misplaced(lines, foreign, lang)
            if where == "kiosk home":
                text = "\n".join(lines)
                assert ("An Hoa Cultural Park" in text) == (lang == "en")
            if where == "kiosk help":  # the kiosk has no command palette: its key is not explained
                assert not re.search(r"(^|\s)\^p\s", "\n".join(lines))
    assert found == {}


def test_the_check_finds_a_string_of_the_other_language() -> None:
    """The phrases looked for: a Vietnamese key's text is one in English, an English one in Vietnamese, but not
    what both languages share or what the data itself says."""
    data = data_texts(catalog())
    # ("Gian hàng" itself may stand in English text: a message naming the headers of a Vietnamese sheet.)
    assert "Bạn vẫn đang xem chứ" in foreign_phrases("en", data) and "Booths" in foreign_phrases("vi", data)
    assert "Tiếng Việt" not in foreign_phrases("en", data)  # the language switch names the other language
    assert misplaced(["Search for commands…"], set(), "vi") == {"Search for commands"}
