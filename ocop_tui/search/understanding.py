"""What a query means: the words staff type about stars, provinces, booths and codes, and prefixes whose
values run over several words.

- `5 sao`, `5*`, `5 ★`, `4 sao+`, `4+ sao`, `sao:4+` are the star filter.
- A province named anywhere (`ca mau`, `kien giang`) ranks that province's records first; its words
  still have to match (the province's own records match them in their province field). `htx`, `hợp tác
  xã`, `cơ sở`, `công ty` name an exhibitor type: its records match, and so do records with those words.
- `K7`, `k-7`, `K-07`, `K 007` are booth K-007 when the fair has it; digits in groups (`91-911`,
  `919113103032024`, `91 911 31030`) are tried as the start of a product code.
- `tinh:ca mau`, `loai:hop tac xa`, `chuthe:cuu long`: a prefix takes the following words as long as some
  value of its field still holds them all (the longest known value); quotes still work.

The result lists the conditions a record must meet (`Slot`s: each one word, a quoted phrase, a booth, a
code or a province), the prefix terms, and the star filter; search.py matches them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ocop_tui.search.numbers import booth_key, compact_code
from ocop_tui.search.query import Chunk
from ocop_tui.text import fold, spelled_words, words

# 5*, 5★, 5sao, 4+★, 4sao+, and (after `sao:`) 4+ or 4 sao
_STARS_ALONE = re.compile(r"([1-5])\s*(\+?)\s*(?:\*|★|sao|stars?)(\+?)")
_STARS_NUMBER = re.compile(r"([1-5])(\+?)")  # the number before a separate "sao": 5, 4+
_STARS_WORD = re.compile(r"(?:\*|★|sao|stars?)(\+?)")  # sao, sao+, ★
_STARS_PREFIX = re.compile(r"([1-5])\s*(\+?)(?:\s*(?:\*|★|sao|stars?))?(\+?)")
MIN_CODE_DIGITS = 5
_LETTERS = re.compile(r"[a-z]{1,3}")
_DIGITS = re.compile(r"\d{1,5}")


class Knowledge(Protocol):
    """What understanding needs to know about the records searched."""

    has_stars: bool

    def has_booth(self, key: str) -> bool: ...

    def field_has(self, field: str, words: Sequence[str], open_end: bool) -> bool: ...

    def named(self) -> Sequence[tuple[tuple[str, ...], str, str]]: ...  # (folded words, kind, value)


@dataclass(frozen=True, slots=True)
class Word:
    text: str  # folded
    spelled: str  # as typed, lower case
    open: bool  # still being typed: may match the start of a word


@dataclass(frozen=True, slots=True)
class Slot:
    """One condition every result meets. `kind`: "word", "phrase" (quoted), "booth", "code", "province" or
    "type" (an exhibitor type: `htx`, `hợp tác xã`, `cơ sở`)."""

    kind: str
    words: tuple[Word, ...]
    value: str = ""  # the booth key, the compact code, the province as stored, the exhibitor type

    @property
    def content(self) -> bool:
        """Words about the product itself (they count for phrases, attributes and accents)."""
        return self.kind in ("word", "phrase")


@dataclass(frozen=True, slots=True)
class FieldTerm:
    """A prefix term: `field` holds `words` (the last maybe unfinished), or for booth and code a key."""

    field: str
    words: tuple[str, ...]
    open: bool
    key: str = ""


@dataclass(frozen=True, slots=True)
class Understanding:
    slots: tuple[Slot, ...] = ()
    terms: tuple[FieldTerm, ...] = ()
    stars: tuple[int, bool] | None = None  # (stars, or more)
    invalid: bool = False  # a prefix that can never match (stars:many)

    @property
    def empty(self) -> bool:
        return not (self.slots or self.terms or self.stars or self.invalid)

    @property
    def provinces(self) -> tuple[str, ...]:
        return tuple(slot.value for slot in self.slots if slot.kind == "province")


def _words_of(chunk: Chunk, open_end: bool) -> list[Word]:
    spelled = spelled_words(chunk.text)
    folded = [fold(word) for word in spelled]
    return [Word(text, spelling, open_end and i == len(folded) - 1) for i, (text, spelling) in
            enumerate(zip(folded, spelled))]  # fmt: skip


def _stars(text: str, pattern: re.Pattern[str]) -> tuple[int, bool] | None:
    match = pattern.fullmatch(text)
    if match is None:
        return None
    return int(match.group(1)), "+" in "".join(match.groups()[1:])


def understand(chunks: Sequence[Chunk], knowledge: Knowledge) -> Understanding:
    slots: list[Slot] = []
    terms: list[FieldTerm] = []
    stars: tuple[int, bool] | None = None
    invalid = False
    free: list[tuple[Chunk, list[Word]]] = []  # free chunks not yet understood, with their words
    i = 0
    count = len(chunks)

    def free_chunk(at: int) -> Chunk | None:
        if at < count and not chunks[at].field and not chunks[at].quoted:
            return chunks[at]
        return None

    while i < count:
        chunk = chunks[i]
        folded = fold(chunk.text).strip()
        if chunk.field and not chunk.text and free_chunk(i + 1) is None:
            i += 1  # a prefix still waiting for its value ("sao:" typed so far): nothing to filter yet
            continue
        if chunk.field == "stars":
            text = folded
            following = free_chunk(i + 1)
            if following is not None and _stars(f"{text} {fold(following.text)}", _STARS_PREFIX):
                text = f"{text} {fold(following.text)}"
                i += 1
            found = _stars(text, _STARS_PREFIX) if knowledge.has_stars else None
            if found is None:
                invalid = True
            else:
                stars = found
            i += 1
            continue
        if chunk.field == "booth":
            text, i = _absorb_booth(chunks, i, free_chunk)
            key = booth_key(text)
            terms.append(FieldTerm("booth", tuple(words(text)), chunks[i - 1].open,
                                   key if key and knowledge.has_booth(key) else ""))  # fmt: skip
            continue
        if chunk.field == "code":
            text = chunk.text
            i += 1
            while (nxt := free_chunk(i)) is not None and compact_code(nxt.text).isdigit():
                text += nxt.text
                i += 1
            terms.append(FieldTerm("code", tuple(words(text)), chunks[i - 1].open, compact_code(text)))
            continue
        if chunk.field:
            phrase = words(chunk.text)
            open_end = chunk.open
            i += 1
            if not chunk.quoted:
                while (nxt := free_chunk(i)) is not None:
                    longer = phrase + words(nxt.text)
                    if phrase and not knowledge.field_has(chunk.field, longer, nxt.open):
                        break
                    phrase, open_end = longer, nxt.open
                    i += 1
            if phrase:
                terms.append(FieldTerm(chunk.field, tuple(phrase), open_end and not chunk.quoted))
            continue
        if chunk.quoted:
            phrase_words = tuple(_words_of(chunk, False))
            if phrase_words:
                slots.append(Slot("phrase", phrase_words))
            i += 1
            continue
        # Free text: stars, booth numbers and codes first (they span one or two chunks).
        following = free_chunk(i + 1)
        found, used = _star_words(folded, following) if knowledge.has_stars else (None, 0)
        if found is not None:
            stars = found
            i += used
            continue
        key = booth_key(chunk.text)
        if key is None and following is not None and _LETTERS.fullmatch(folded) \
                and _DIGITS.fullmatch(fold(following.text)):  # fmt: skip
            two = booth_key(f"{chunk.text} {following.text}")
            if two is not None and knowledge.has_booth(two):
                slots.append(Slot("booth", tuple(_words_of(chunk, False) + _words_of(following, following.open)),
                                  two))  # fmt: skip
                i += 2
                continue
        if key is not None and knowledge.has_booth(key):
            slots.append(Slot("booth", tuple(_words_of(chunk, chunk.open)), key))
            i += 1
            continue
        if compact_code(chunk.text).isdigit():
            run = [chunk]
            while (nxt := free_chunk(i + len(run))) is not None and compact_code(nxt.text).isdigit():
                run.append(nxt)
            code = "".join(compact_code(c.text) for c in run)
            if len(code) >= MIN_CODE_DIGITS:
                slots.append(Slot("code", tuple(w for c in run for w in _words_of(c, c.open)), code))
                i += len(run)
                continue
        free.append((chunk, _words_of(chunk, chunk.open)))
        i += 1
    slots += _free_words(free, knowledge)
    return Understanding(tuple(slots), tuple(terms), stars, invalid)


def _star_words(folded: str, following: Chunk | None) -> tuple[tuple[int, bool] | None, int]:
    """The star rating said in free text, and how many chunks say it."""
    found = _stars(folded, _STARS_ALONE)
    if found is not None:
        return found, 1
    number = _STARS_NUMBER.fullmatch(folded)
    if number is None or following is None:
        return None, 0
    word = _STARS_WORD.fullmatch(fold(following.text).strip())
    if word is None:
        return None, 0
    return (int(number.group(1)), bool(number.group(2) or word.group(1))), 2


def _absorb_booth(chunks: Sequence[Chunk], i: int, free_chunk) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    """The booth prefix's value, with a separate number after its letters (`gian:K 007`)."""
    text = chunks[i].text
    i += 1
    nxt = free_chunk(i)
    if nxt is not None and (not text or _LETTERS.fullmatch(fold(text))) and _DIGITS.fullmatch(fold(nxt.text)):
        text = f"{text} {nxt.text}".strip()
        i += 1
    elif nxt is not None and not text:
        text = nxt.text
        i += 1
    return text, i


def _free_words(free: list[tuple[Chunk, list[Word]]], knowledge: Knowledge) -> list[Slot]:
    """One slot per free word, but the words of a province or an exhibitor type together (complete words;
    the longest name first)."""
    sequence = [word for _, chunk_words in free for word in chunk_words]
    if not sequence:
        return []
    named = sorted(knowledge.named(), key=lambda item: -len(item[0]))
    slots: list[Slot] = []
    i = 0
    while i < len(sequence):
        for name_words, kind, value in named:
            size = len(name_words)
            candidate = sequence[i : i + size]
            if size and len(candidate) == size and tuple(w.text for w in candidate) == name_words:
                slots.append(Slot(kind, tuple(candidate), value))
                i += size
                break
        else:
            slots.append(Slot("word", (sequence[i],)))
            i += 1
    return slots
