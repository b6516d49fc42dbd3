"""The search box's language: free words plus optional field prefixes such as `booth:K-07` or `stars:5`.

Parsing never fails: anything that is not a known prefix is a word to look for, and an unclosed quote
simply runs to the end of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ocop_tui.text import fold


@dataclass(frozen=True, slots=True)
class Term:
    """One condition of a query: `field` is "" for free text, which searches every field."""

    field: str
    value: str  # folded

    def implies(self, other: Term) -> bool:
        """True when every record matching self also matches `other` (used to refine cached results)."""
        if self.field != other.field:
            return False
        if self.field == "stars":
            return self.value == other.value
        return other.value in self.value


_TOKEN = re.compile(r'(?:(?P<field>[^\s:"]+):)?(?:"(?P<quoted>[^"]*)"?|(?P<bare>\S+))')


def parse_query(text: str, aliases: dict[str, str]) -> tuple[Term, ...]:
    """Split `text` into terms. `aliases` maps folded prefix names (vi and en) to field names."""
    terms: list[Term] = []
    for match in _TOKEN.finditer(text):
        field_name = match.group("field")
        value = match.group("quoted") if match.group("quoted") is not None else match.group("bare") or ""
        if field_name is not None:
            canonical = aliases.get(fold(field_name))
            if canonical is None:  # "10:30" or an unknown prefix: the whole token is plain text
                value = f"{field_name}:{value}"
                field_name = ""
            else:
                field_name = canonical
        else:
            field_name = ""
        folded = " ".join(fold(value).split())
        if folded:
            terms.append(Term(field_name, folded))
    return tuple(terms)
