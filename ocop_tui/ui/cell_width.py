"""How many terminal cells a string takes, quickly for Vietnamese text.

Rich measures a string in one step only when every character is in its list of single-cell characters
(Latin, Greek, Cyrillic, box drawing). Vietnamese letters with two marks (ệ, ắ, ố: Latin Extended
Additional), the dashes and ellipsis, the đồng sign and the stars are not in it, so every product name
took Rich's slow path: a grapheme split and a table lookup per character, about half of the time a new
results row took to draw. These characters are one cell wide in Rich's own tables too (a test checks
each one); any other string still goes to Rich.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size

# Ranges of characters one cell wide: Rich's single-cell ranges and the ones Vietnamese text and this
# app's own marks use. Combining marks (U+0300-U+036F) are not among them: a string in NFD goes to Rich.
NARROW_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00AC),  # Latin-1 (U+00AD, the soft hyphen, is left out, as Rich does)
    (0x00AE, 0x02FF),  # Latin-1, Latin Extended-A and -B (đ, ơ, ư), IPA, spacing modifiers
    (0x0370, 0x0482),  # Greek, Cyrillic
    (0x1E00, 0x1EFF),  # Latin Extended Additional: the Vietnamese letters with two marks (ệ, ắ, ố)
    (0x2010, 0x2027),  # dashes, quotation marks, bullet, ellipsis
    (0x20AB, 0x20AB),  # ₫
    (0x2190, 0x21FF),  # arrows
    (0x2500, 0x25FC),  # box drawing, blocks, geometric shapes (■ □ ▲ ▼ ▶)
    (0x2605, 0x2606),  # ★ ☆
    (0x2713, 0x2713),  # ✓
)

_NARROW = frozenset(chr(code) for start, end in NARROW_RANGES for code in range(start, end + 1))
# all_narrow(text): every character of `text` is one cell wide (so its width is its length).
all_narrow = _NARROW.issuperset


def cell_width(text: str) -> int:
    """The cells `text` takes in a terminal (as Rich counts them)."""
    return len(text) if all_narrow(text) else cell_len(text)


def cut_to_cells(text: str, width: int) -> str:
    """`text` cut or padded with spaces to exactly `width` cells (as Rich's set_cell_size does)."""
    if all_narrow(text):
        size = len(text)
        return text[:width] if size >= width else text + " " * (width - size)
    return set_cell_size(text, width)
