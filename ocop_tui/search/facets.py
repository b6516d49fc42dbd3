"""Facets: the filters beside the results (province, group, stars, zone, exhibitor type), in one place.

Which facets each screen offers, what a facet and each of its values are called (vi/en), the order values
are listed in, what the panel beside a result shows and how the chosen filters read back. The counting is
done by the search index on sets of records (`(found & value).bit_count()`). The UI only draws what it gets
from here.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ocop_tui.i18n import t
from ocop_tui.model import EXHIBITOR_TYPES, GROUPS, Lang, exhibitor_type_label, group_label, province_label, stars_text
from ocop_tui.text import clean, vi_sort_key

# The facets each screen offers, in the order the panel lists them.
PRODUCT_FACETS = ("province", "group", "stars", "zone", "exhibitor_type")
BOOTH_FACETS = ("province", "zone", "exhibitor_type")

# Facets whose values are a scale of their own: a chart keeps their order instead of putting the most first.
_SCALES = frozenset({"group", "stars"})


def facet_title(facet: str, lang: Lang) -> str:
    """What the facet is called ("Tỉnh" / "Province")."""
    return t(f"facet.{facet}", lang)


def facet_label(facet: str, value: str, lang: Lang) -> str:
    """One value as people read it, safe to show: labels from the domain table, the store's own names cleaned."""
    if facet == "province":
        return clean(province_label(value, lang))
    if facet == "group":
        return group_label(value, lang)
    if facet == "stars":
        return stars_text(int(value))
    if facet == "exhibitor_type":
        return exhibitor_type_label(value, lang)
    return clean(value)  # a zone: the store's own name


def facet_order(facet: str, values: Iterable[str], lang: Lang) -> list[str]:
    """`values` in the order they are listed: groups and exhibitor types in the programme's order, stars from
    the most, provinces and zones alphabetically (Vietnamese order, in `lang`)."""
    distinct = set(values)
    if facet == "group":
        return _known_first(GROUPS, distinct)
    if facet == "exhibitor_type":
        return _known_first(EXHIBITOR_TYPES, distinct)
    if facet == "stars":
        return sorted(distinct, reverse=True)
    return sorted(distinct, key=lambda value: vi_sort_key(facet_label(facet, value, lang)))


def _known_first(known: Mapping[str, object], values: set[str]) -> list[str]:
    return [value for value in known if value in values] + sorted(values - known.keys())


def facet_ranking(facet: str, counts: Mapping[str, int], lang: Lang) -> list[str]:
    """The values of `counts` for a chart: the most counted first, ties in the listed order; a scale (groups,
    stars) keeps its own order."""
    order = facet_order(facet, counts, lang)
    if facet in _SCALES:
        return order
    return sorted(order, key=lambda value: -counts[value])


@dataclass(frozen=True, slots=True)
class FacetValue:
    """One choice in the panel: the value, its label, how many results have it, whether it is chosen."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True, slots=True)
class FacetChoices:
    """One facet as the panel shows it: its title and its values in order."""

    key: str
    title: str
    values: tuple[FacetValue, ...]


def facet_choices(
    facets: Sequence[str],
    counts: Mapping[str, Mapping[str, int]],
    selected: Mapping[str, Collection[str]],
    lang: Lang,
) -> list[FacetChoices]:
    """The panel beside a result: for each facet, the values some result has, and the chosen ones even when
    none has them (so they can be unchosen), with their counts."""
    choices = []
    for facet in facets:
        facet_counts = counts.get(facet, {})
        chosen = selected.get(facet, ())
        shown = {value for value, count in facet_counts.items() if count} | set(chosen)
        values = tuple(
            FacetValue(value, facet_label(facet, value, lang), facet_counts.get(value, 0), value in chosen)
            for value in facet_order(facet, shown, lang)
        )
        choices.append(FacetChoices(facet, facet_title(facet, lang), values))
    return choices


def describe_filters(facets: Sequence[str], selected: Mapping[str, Collection[str]], lang: Lang) -> str:
    """The chosen values as a line of text: "Tỉnh: Bến Tre, Trà Vinh; Số sao: ★★★★★" ("" for none)."""
    described = []
    for facet in facets:
        values = selected.get(facet)
        if values:
            labels = sorted((facet_label(facet, value, lang) for value in values), key=vi_sort_key)
            described.append(f"{facet_title(facet, lang)}: {', '.join(labels)}")
    return "; ".join(described)
