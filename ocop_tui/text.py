"""Vietnamese text rules: matching keys, cleaning untrusted strings, and the alphabet's sort order; and
spreadsheet cells that can never run as a formula (for every export and import).

Nothing here knows about Textual or the store; every module that shows or compares text goes through it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import groupby
from operator import methodcaller

__all__ = [
    "VI_ALPHABET",
    "clean",
    "fold",
    "natural_key",
    "nfc",
    "spelled_words",
    "vi_sort_key",
    "vi_sort_order",
    "visible",
    "words",
    "words_of_each",
]

# đ/Đ have no canonical decomposition, so NFD alone would leave them in place.
_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def _fold_slow(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    # Invisible format characters (zero-width spaces and joiners, U+00AD, the BOM: category Cf) go with the marks.
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf")
    return stripped.casefold()


# After NFD, Vietnamese (and most Latin) text is ASCII letters plus combining marks from this block;
# anything else is looked at one character at a time.
_OTHER_THAN_ASCII_AND_MARKS = re.compile("([^\x00-\x7f\u0300-\u036f])")
_FOLDED_CHARS: dict[str, str] = {}


def _fold_char(char: str) -> str:
    folded = _FOLDED_CHARS.get(char)
    if folded is None:
        folded = _fold_slow(char)
        if len(_FOLDED_CHARS) < 4096:  # a bounded cache: data in another script must not grow it forever
            _FOLDED_CHARS[char] = folded
    return folded


def _fold_ascii_part(part: str) -> str:
    # ASCII letters and U+0300-U+036F marks: dropping every non-ASCII character drops exactly the marks.
    return part.encode("ascii", "ignore").lower().decode("ascii")


def fold(text: str) -> str:
    """Return the matching key of `text`: no accents, no case, đ as d; NFC and NFD give the same key.

    Tone placement does not matter ("hoà" and "hòa" fold alike) because every mark is dropped.
    """
    if text.isascii():
        return text.lower()
    # NFD, then C-speed work on the ASCII-and-marks stretches (all of most Vietnamese text); other
    # characters (a dash, another script) take the exact per-character rule. Folding is a per-character
    # mapping, so the pieces join up to the same key as folding the whole text at once.
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    parts = _OTHER_THAN_ASCII_AND_MARKS.split(decomposed)
    if len(parts) == 1:
        return _fold_ascii_part(decomposed)
    return "".join(_fold_ascii_part(part) if i % 2 == 0 else _fold_char(part) for i, part in enumerate(parts))


def nfc(text: str) -> str:
    """Normalise to NFC, the form the store keeps."""
    return unicodedata.normalize("NFC", text)


# A word is a run of letters and digits: "K-007" is two words, "500ml" and "st25" one each.
_WORD = re.compile(r"[^\W_]+")
# Folded text is ASCII but for a few kinds of punctuation; those become spaces at C speed before the
# one-pass split (a regular expression over megabytes of text is several times slower).
_ASCII_SEPARATORS = {code: " " for code in range(128) if not chr(code).isalnum() and code != 0}
_COMMON_PUNCTUATION = "–—‘’“”…°★☆·•×₫№"


def spelled_words(text: str) -> list[str]:
    """The words of `text` as written, in lower case and NFC ("Mắm" is "mắm"): for telling accents apart."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return _WORD.findall(text.lower())


def words(text: str) -> list[str]:
    """The words of `text` folded (no accents, no case, đ as d): what search matches. Punctuation and
    spaces separate words; "Nước mắm K-007, 500ml" is nuoc, mam, k, 007, 500ml."""
    return _WORD.findall(fold(text))


def words_of_each(texts: list[str]) -> list[list[str]]:
    """words() of every text, for many texts at once (the search index of 100,000 records)."""
    if not texts:
        return []
    folded = fold("\0".join(texts))  # texts are cleaned: they hold no NUL of their own
    for mark in _COMMON_PUNCTUATION:
        if mark in folded:
            folded = folded.replace(mark, " ")
    if not folded.isascii():
        return [_WORD.findall(part) for part in folded.split("\0")]
    return list(map(str.split, folded.translate(_ASCII_SEPARATORS).split("\0")))


# C0 and C1 controls (tab and newline are handled separately), DEL, and the bidi embedding,
# override and isolate characters that can make text display in a different order than stored.
_BIDI = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
# An escape sequence is removed whole, not only its ESC byte, so "\x1b[31m" does not leave "[31m".
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST (title, clipboard, hyperlinks)
    r"|\x1b[P^_X][^\x1b]*(?:\x1b\\)?"  # DCS, PM, APC, SOS strings
    r"|\x1b\[[0-?]*[ -/]*[@-~]"  # CSI (colours, cursor movement)
    r"|\x1b[ -/]*[0-~]"  # two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROLS_KEEP_NEWLINES = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_CONTROLS_ALL = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f{_BIDI}]")


def clean(text: str, *, multiline: bool = False) -> str:
    """Remove escape sequences, control and bidi characters so `text` can be shown literally.

    Single-line fields turn tabs and newlines into spaces; `multiline` keeps newlines (descriptions).
    """
    if text.isprintable() and "\x1b" not in text:
        return text
    text = _ESCAPE_SEQUENCE.sub("", text)
    if multiline:
        text = text.replace("\r\n", "\n").replace("\t", " ")
        return _CONTROLS_KEEP_NEWLINES.sub("", text)
    text = text.replace("\t", " ").replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return _CONTROLS_ALL.sub("", text)


# What `visible` escapes: controls (Cc, newline and tab included), format characters (Cf: bidi controls,
# zero-width spaces and joiners), line and paragraph separators, and the lone surrogates (Cs) that stand
# for undecodable bytes in a file name (os.fsdecode's surrogateescape).
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _escaped(char: str) -> str:
    code = ord(char)
    if unicodedata.category(char) not in _HIDDEN_CATEGORIES:
        return char
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # the byte itself, as the shell and Python write it
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control, format (bidi, zero-width), separator and undecodable character shown as an
    escape (\\x1b, \\u202e, \\xff), for what must be shown whole but may hold anything: file names."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(map(_escaped, text))


def has_unsafe_characters(text: str, *, multiline: bool = False) -> bool:
    """True when clean() would change `text` (used to warn on import)."""
    return clean(text, multiline=multiline) != text


# The Vietnamese alphabet (CLDR vi), with f, j, w and z at their Latin places for foreign words.
# Tones only break ties: none < huyền < hỏi < ngã < sắc < nặng; case breaks the last ties.
VI_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_SORT_LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TONE_MARKS = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}
_LETTER_MARKS = frozenset("\u0306\u0302\u031b")  # breve, circumflex, horn make new letters
_PUA = 0xE000  # letters map into the Private Use Area, above digits, spaces and punctuation


def _build_sort_tables() -> tuple[dict[int, str], dict[int, str]]:
    primary: dict[int, str] = {}
    tones: dict[int, str] = {}
    base_rank = {letter: index for index, letter in enumerate(_SORT_LETTERS)}
    for start, end in ((0x41, 0x7B), (0x00C0, 0x0250), (0x1E00, 0x1F00)):
        for code in range(start, end):
            char = chr(code)
            decomposed = unicodedata.normalize("NFD", char.lower())
            letter = decomposed[0]
            tone = "0"
            for mark in decomposed[1:]:
                if mark in _LETTER_MARKS:
                    letter = unicodedata.normalize("NFC", letter + mark)
                elif mark in _TONE_MARKS:
                    tone = _TONE_MARKS[mark]
                else:
                    letter = ""  # a mark Vietnamese does not use: leave the character as it is
            if letter in base_rank and unicodedata.normalize("NFC", char) == char:
                primary[code] = chr(_PUA + base_rank[letter])
                tones[code] = tone
    return primary, tones


_SORT_PRIMARY, _SORT_TONES = _build_sort_tables()


def vi_sort_key(text: str) -> tuple[str, str, str]:
    """Sort key following the Vietnamese alphabet; tones, then case, break ties.

    "Cần Thơ" < "Đồng Tháp" < "Hậu Giang", where plain code-point order puts Đ after V.
    """
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    primary = text.translate(_SORT_PRIMARY)
    # Where primaries tie, the remaining characters are the same, so the tone digits line up.
    tones = text.translate(_SORT_TONES)
    return primary, tones, text.swapcase()  # lower case before upper case, as in CLDR


def vi_sort_order(texts: Sequence[str]) -> list[int]:
    """The indices of `texts` in vi_sort_key order (ties keep their original order), for many texts at once.

    Sorting by the primary key alone, then by the whole key only inside runs of equal primaries (the same
    letters with other tones or case: rare), gives the same order for half the work.
    """
    texts = [
        t if t.isascii() or unicodedata.is_normalized("NFC", t) else unicodedata.normalize("NFC", t) for t in texts
    ]
    primaries = list(map(methodcaller("translate", _SORT_PRIMARY), texts))
    order = sorted(range(len(texts)), key=primaries.__getitem__)
    if len(set(primaries)) == len(primaries):
        return order
    result: list[int] = []
    for _, run in groupby(order, key=primaries.__getitem__):
        indices = list(run)
        if len(indices) > 1:
            indices.sort(key=lambda i: (texts[i].translate(_SORT_TONES), texts[i].swapcase()))
        result.extend(indices)
    return result


_NUMBER = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[object, ...]:
    """Booth numbers sort as people read them: A-9 before A-10."""
    return tuple(int(part) if part.isdigit() else vi_sort_key(part) for part in _NUMBER.split(text))


# Spreadsheet cells (CSV and Excel files that exports write and imports read back) ---------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(text: str) -> str:
    """A text cell for a CSV file that a spreadsheet opens: one that starts like a formula gets an apostrophe
    in front, so Excel or LibreOffice shows it as text and never runs it. A text that starts with
    apostrophes before such a character gets one more, so `unescape_formula` can always give it back."""
    if text.startswith(FORMULA_STARTS) or (text.startswith("'") and text.lstrip("'").startswith(FORMULA_STARTS)):
        return "'" + text
    return text


def escape_leading_apostrophes(text: str) -> str:
    """A text cell for an Excel file (where a formula cannot start by accident, text cells staying text): only
    a text that unescape_formula would change gets one more apostrophe, so the round trip holds."""
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + text
    return text


def unescape_formula(text: str) -> str:
    """The text `escape_formula` was given (a cell read from a CSV or Excel file an export wrote)."""
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_STARTS):
        return text[1:]
    return text
