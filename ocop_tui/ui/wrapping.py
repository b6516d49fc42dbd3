"""Text wrapped to a width as Rich wraps it (Text.wrap, folding words longer than a line), quickly for
Vietnamese.

Rich measures every word of a line it wraps, and every line it makes, with its own cell widths, which know
no Vietnamese letter with two marks (cell_width.py): a product's detail pane, a dozen wrapped fields and list
items, took about 0.4 ms to wrap each time the highlighted product changed. A line whose characters are all
one cell wide is measured here by its length; any other line is Rich's to wrap. Hypothesis tests check that
the lines are Rich's.
"""

from __future__ import annotations

import re

from rich.console import Console
from rich.text import Text

from ocop_tui.ui.cell_width import all_narrow

_WORD = re.compile(r"\s*\S+\s*")  # a word with the spaces around it, as Rich splits a line into words


def line_breaks(line: str, width: int) -> list[int]:
    """Where Rich breaks `line` (one cell a character, no newline) to fit `width` cells, folding a word longer
    than a line: the offsets the second and later lines start at."""
    breaks: list[int] = []
    used = 0  # cells taken on the line so far
    for match in _WORD.finditer(line):
        start = match.start()
        word = match.group()
        length = len(word.rstrip())
        if width - used >= length:
            used += len(word)
        elif length > width:  # longer than a line: over as many lines as it takes
            for piece in range(start, start + len(word), width):
                if piece:
                    breaks.append(piece)
            used = len(word) - (len(word) - 1) // width * width
        elif used and start:
            breaks.append(start)
            used = len(word)
    return breaks


def wrap(text: Text, width: int, console: Console) -> list[Text]:
    """`text` as lines of at most `width` cells: what text.wrap(console, width, overflow="fold", no_wrap=False)
    gives for a text that is not justified (the detail panes' texts)."""
    lines: list[Text] = []
    for line in text.split(allow_blank=True):
        if not all_narrow(line.plain):
            lines.extend(line.wrap(console, width, overflow="fold", no_wrap=False))
            continue
        pieces = line.divide(line_breaks(line.plain, width))
        for piece in pieces:
            piece.rstrip_end(width)
            if len(piece.plain) > width:
                piece.truncate(width, overflow="fold")
        lines.extend(pieces)
    return lines
