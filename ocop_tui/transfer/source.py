"""The cells of one import file as a reader hands them on (sheets.py for CSV and JSON, excel.py for workbooks)
to the stage that turns rows into records (rows.py)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from ocop_tui.text import visible
from ocop_tui.transfer.problems import ImportProblem


def file_label(path: Path) -> str:
    """A file as problems and reports name it: its name, any control, escape or bidi character (or byte that
    is not UTF-8) in it shown as a visible escape, so it reaches neither a terminal nor Excel as such."""
    return visible(os.fsdecode(path.name))


Row = tuple[str, list[Any]]  # (row label as the spreadsheet shows it, cells)


@dataclass
class Sheet:
    """The cells of one file as written: the first rows (`head`, where the header is looked for) and an
    iterator over the rest, which may be read only once (a CSV stream)."""

    path: Path
    label: str  # the file as named in reports
    head: list[Row]
    rest: Iterator[Row] = field(default_factory=lambda: iter(()))
    header_index: int = 0  # in `head`
    # CSV that is not UTF-8 only: filled while the rows are read, (row label, column index) -> byte offset.
    bad_bytes: dict[tuple[str, int], int] | None = None
    # JSON only: keys written twice in one object (json keeps the last one silently).
    duplicate_keys: dict[str, list[str]] = field(default_factory=dict)
    from_json: bool = False
    # The whole file refused (UTF-16 text): reported as the file's only problem.
    refused: ImportProblem | None = None
    progress: Callable[[], tuple[int, int]] = lambda: (0, 0)  # (done, total): bytes or rows
    close: Callable[[], None] = lambda: None

    def rows(self) -> Iterator[Row]:
        return chain(self.head, self.rest)
