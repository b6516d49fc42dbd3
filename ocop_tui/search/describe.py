"""How a query was understood, in words, for the status line and `ocop-tui search`: "5 sao · Cà Mau · tom kho"."""

from __future__ import annotations

from ocop_tui.i18n import t
from ocop_tui.model import Lang, exhibitor_type_label, province_label
from ocop_tui.search.results import ResultSet

SEPARATOR = " · "


def describe(result: ResultSet, lang: Lang) -> str:
    """The understood query: the star filter, provinces and exhibitor types, booths, codes, prefix terms,
    then the words as typed (with the word taken for each typo)."""
    understood = result.understood
    booth_number = lambda key: result.booth_numbers.get(key, key.upper())  # noqa: E731
    corrections = result.corrections
    parts: list[str] = []
    if understood.invalid:
        parts.append(t("understood.invalid", lang))
    if understood.stars is not None:
        stars, or_more = understood.stars
        parts.append(t("understood.stars_plus" if or_more else "understood.stars", lang, stars=stars))
    corrected = dict(corrections)
    words: list[str] = []
    for slot in understood.slots:
        if slot.kind == "province":
            parts.append(province_label(slot.value, lang))
        elif slot.kind == "type":
            parts.append(exhibitor_type_label(slot.value, lang))
        elif slot.kind == "booth":
            parts.append(t("understood.booth", lang, booth=booth_number(slot.value)))
        elif slot.kind == "code":
            parts.append(t("understood.code", lang, code=slot.value))
        elif slot.kind == "phrase":
            words.append("“" + " ".join(word.spelled for word in slot.words) + "”")
        else:
            spelled = slot.words[0].spelled
            taken = corrected.get(spelled)
            words.append(t("understood.corrected", lang, typed=spelled, taken=taken) if taken else spelled)
    for term in understood.terms:
        value = booth_number(term.key) if term.field == "booth" and term.key else " ".join(term.words)
        parts.append(t("understood.field", lang, field=t(f"field.{term.field}", lang), value=value))
    if words:
        parts.append(" ".join(words))
    return SEPARATOR.join(parts)
