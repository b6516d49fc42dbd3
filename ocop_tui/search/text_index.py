"""The folded text a search looks in: for each record one haystack (its fields folded together, one per
line, the display name first), with a field's own column cut out of the haystacks when a query names it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import add, itemgetter, methodcaller

from ocop_tui.text import fold


@dataclass(frozen=True)
class TextIndex:
    """The folded text of every record: whole haystacks for free words, and columns for field prefixes.

    `parts` are the fields folded together in each haystack, one per line, in this order; a field's own
    column is cut out of the haystacks the first time a query names it.
    """

    haystacks: list[str]  # each starts with the record's folded display name, on its own line
    names: list[str]  # that first line alone, for ranking (4x faster than a bounded find in the haystack)
    parts: tuple[str, ...]
    extra_fields: dict[str, list[str]]  # fields kept outside the haystack lines (group, zone, type)
    _fields: dict[str, list[str]] = field(default_factory=dict)

    def field(self, name: str) -> list[str] | None:
        column = self._fields.get(name)
        if column is None:
            if name in self.extra_fields:
                return self.extra_fields[name]
            if name not in self.parts:
                return None
            position = self.parts.index(name)
            split = methodcaller("split", "\n", len(self.parts))
            column = self._fields[name] = list(map(itemgetter(position), map(split, self.haystacks)))
        return column


def build_text_index(
    raw: Iterable[str], parts: tuple[str, ...], suffixes: Iterable[str], extra_fields: dict[str, list[str]]
) -> TextIndex:
    """Fold each record's joined fields in one call (folding is per character, so this is the same as
    folding each field), then add the already folded labels (group, exhibitor type) on the last line.
    `raw` is consumed one record at a time: 100,000 joined records would otherwise be held at once."""
    haystacks = list(map(add, map(fold, raw), suffixes))
    names = list(map(itemgetter(0), map(methodcaller("partition", "\n"), haystacks)))
    return TextIndex(haystacks, names, parts, extra_fields)
