"""The search box's syntax: the typed text as chunks (what is between spaces), field prefixes such as
`tinh:` or `booth:`, and "quoted phrases".

Parsing never fails: anything that is not a known prefix is text to look for, and an unclosed quote simply
runs to the end. What the chunks mean (a star rating, a province, a booth number, several words of one
prefix) is worked out by understanding.py, which knows the catalogue.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ocop_tui.text import fold, words

_CHUNK = re.compile(r'(?:(?P<field>[^\s:"]+):)?(?:"(?P<quoted>[^"]*)(?P<closed>"?)|(?P<bare>\S*))')


@dataclass(frozen=True, slots=True)
class Chunk:
    """One piece of the query: a whitespace-separated piece, or a quoted phrase, maybe after a prefix.

    `field` is the canonical field of its prefix ("" for free text). `open` is true for the last chunk when
    nothing follows it, not even a space: its last word is still being typed.
    """

    text: str  # as typed (NFC), without the prefix and quotes
    field: str
    quoted: bool
    open: bool

    @property
    def words(self) -> list[str]:
        return words(self.text)


def split_query(text: str, aliases: dict[str, str]) -> list[Chunk]:
    """The chunks of `text`. `aliases` maps folded prefix names (vi and en) to field names."""
    text = unicodedata.normalize("NFC", text)
    chunks: list[Chunk] = []
    position = 0
    while position < len(text):
        if text[position].isspace():
            position += 1
            continue
        match = _CHUNK.match(text, position)
        if match is None or match.end() == position:  # cannot happen: the pattern matches any non-space
            break
        position = match.end()
        field_name = match.group("field")
        quoted = match.group("quoted") is not None
        value = match.group("quoted") if quoted else match.group("bare") or ""
        canonical = ""
        if field_name is not None:
            known = aliases.get(fold(field_name))
            if known is None:  # "10:30" or an unknown prefix: the whole chunk is plain text
                value = f"{field_name}:{value}"
            else:
                canonical = known
        at_end = position >= len(text)
        is_open = at_end and not (quoted and match.group("closed"))
        if value.strip() or canonical:
            chunks.append(Chunk(value.strip(), canonical, quoted, is_open))
    return chunks
