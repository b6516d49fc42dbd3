"""QR codes drawn with text: a payload made into a QR code (segno) and drawn as lines of half-block characters.

Each character is one module wide and two modules tall (its upper and lower half), which on a terminal,
whose cells are about twice as tall as wide, makes square modules. The lines are data, not colours: a
character's "ink" (█ ▀ ▄) is a dark module and a space a light one, quiet zone included, so the widget
draws them black on white whatever the theme (a phone cannot read a light-on-dark code reliably).

The error correction is M (15% of the code may be lost), the level phones are best at. How much text fits
depends on the version (size) of the code, and how large a code stays readable depends on the terminal:
`max_version` says which version still fits in the space given, at most MAX_VERSION (larger codes have
modules too small to scan reliably from a laptop screen).

Encoding takes tens of milliseconds for the larger versions (segno is pure Python and, as the standard asks,
tries all eight mask patterns to pick the most readable), so a screen should render in a worker; `render`
keeps its last results.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import segno

ERROR_LEVEL = "m"
MAX_VERSION = 20
QUIET_ZONE = 4  # modules of light border on each side, as the QR standard asks

# How many bytes of text fit a code of each version (1-40) at error correction M in byte mode (ISO/IEC 18004,
# table 7; the test checks it against segno). Text is measured in UTF-8, which is never shorter than what
# segno writes, so a text within the capacity always fits.
BYTE_CAPACITY_M = (
    14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666,
    711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331,
)  # fmt: skip

_INK = (" ", "▄", "▀", "█")  # index: upper dark × 2 + lower dark


class TooSmall(ValueError):
    """Not even the smallest QR code fits in the space given."""


@dataclass(frozen=True, slots=True)
class QrText:
    """A payload's QR code as text lines (quiet zone included) and what it is."""

    lines: tuple[str, ...]
    version: int
    modules: int  # the code's side, without the quiet zone

    @property
    def width(self) -> int:
        return len(self.lines[0]) if self.lines else 0

    @property
    def height(self) -> int:
        return len(self.lines)


def side(version: int) -> int:
    """Modules on a side of a QR code of `version`."""
    return 17 + 4 * version


def drawn_size(version: int, quiet_zone: int = QUIET_ZONE) -> tuple[int, int]:
    """Columns and rows the text drawing of a code of `version` takes (two modules per row)."""
    modules = side(version) + 2 * quiet_zone
    return modules, (modules + 1) // 2


def capacity(version: int) -> int:
    """Bytes of text a code of `version` holds at error correction M."""
    return BYTE_CAPACITY_M[version - 1]


def fits(text: str, version: int) -> bool:
    return len(text.encode("utf-8")) <= capacity(version)


def max_version(columns: int, rows: int, *, quiet_zone: int = QUIET_ZONE, limit: int = MAX_VERSION) -> int:
    """The largest version, at most `limit`, whose drawing fits `columns` × `rows` cells; TooSmall when even
    version 1 does not."""
    best = 0
    for version in range(1, limit + 1):
        width, height = drawn_size(version, quiet_zone)
        if width > columns or height > rows:
            break
        best = version
    if not best:
        raise TooSmall(f"{columns}×{rows}")
    return best


def half_block_lines(matrix: list[bytes]) -> tuple[str, ...]:
    """Rows of modules (1 dark, 0 light) as text, two rows to a line; an odd last row gets a light lower half."""
    lines = []
    for y in range(0, len(matrix), 2):
        upper = matrix[y]
        lower = matrix[y + 1] if y + 1 < len(matrix) else bytes(len(upper))
        lines.append("".join([_INK[(u << 1) | d] for u, d in zip(upper, lower)]))
    return tuple(lines)


@lru_cache(maxsize=16)  # a screen redrawn (resize, theme, language back and forth) does not encode again
def render(payload: str, *, quiet_zone: int = QUIET_ZONE) -> QrText:
    """`payload` as a QR code (error correction at least M, the smallest version it fits) drawn in text.

    Text is encoded as segno does by default: ISO-8859-1 when it can be, else UTF-8, without an ECI header
    (many phone readers do not support ECI; they recognise UTF-8 by itself). Raises segno's DataOverflowError
    for a payload beyond the largest code.
    """
    code = segno.make(payload, error=ERROR_LEVEL, micro=False)
    matrix = [bytes(row) for row in code.matrix_iter(scale=1, border=quiet_zone)]
    version = code.version
    assert isinstance(version, int)  # never a Micro QR code here
    return QrText(half_block_lines(matrix), version, side(version))
