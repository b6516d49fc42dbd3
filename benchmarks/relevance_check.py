"""The expectations of the relevance set (see relevance_set.py) as predicates on a product and its booth."""

from __future__ import annotations

import re
from collections.abc import Callable

from ocop_tui.model import Booth, Product
from ocop_tui.text import fold

Predicate = Callable[[Product, Booth], bool]

_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> str:
    return " " + " ".join(_WORD.findall(fold(text))) + " "


def _has_phrase(text: str, phrase: str) -> bool:
    return _words(phrase) in _words(text)


def _condition(spec: str) -> Predicate:
    match = re.fullmatch(r"(\w+)\s*(~|=|\^|>=)\s*(.+)", spec.strip())
    if match is None:
        raise ValueError(f"not an expectation: {spec!r}")
    key, operator, value = match.groups()
    value = value.strip()
    if key == "stars":
        wanted = int(value)
        return (lambda p, b: p.stars >= wanted) if operator == ">=" else (lambda p, b: p.stars == wanted)
    if key == "code":
        compact = re.sub(r"[\s-]", "", value)

        def code_of(p: Product) -> str:
            return re.sub(r"[\s-]", "", p.code)

        if operator == "=":
            return lambda p, b: code_of(p) == compact
        if operator == "^":
            return lambda p, b: code_of(p).startswith(compact)
        return lambda p, b: compact in code_of(p)
    if operator == "~":
        field: dict[str, Callable[[Product, Booth], str]] = {
            "name": lambda p, b: p.name,
            "en": lambda p, b: p.name_en,
            "producer": lambda p, b: p.producer,
            "zone": lambda p, b: b.zone,
        }
        get = field[key]
        return lambda p, b: _has_phrase(get(p, b), value)
    equal: dict[str, Callable[[Product, Booth], str]] = {
        "province": lambda p, b: p.province,
        "booth": lambda p, b: p.booth_no,
        "type": lambda p, b: b.exhibitor_type,
        "group": lambda p, b: p.group,
    }
    get = equal[key]
    return lambda p, b: fold(get(p, b)) == fold(value)


def predicate(expectation: str) -> Predicate:
    """All the conditions of `expectation` (joined with " & ") as one predicate."""
    conditions = [_condition(part) for part in expectation.split(" & ")]
    return lambda p, b: all(condition(p, b) for condition in conditions)
