"""What an import reports: one ImportProblem per mistake (file, row, column, value, message in either
language), and the two ways a whole import stops (a file that cannot be read, rejected rows).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocop_tui.i18n import format_number, t
from ocop_tui.i18n.messages import check_message
from ocop_tui.model import Lang
from ocop_tui.store.contract import Severity
from ocop_tui.text import clean, visible
from ocop_tui.transfer.cells import has_surrogates, huge_digits


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """One thing wrong in an import file, where the organiser will look for it."""

    file: str
    row: str  # as the spreadsheet shows it (header = 1); the item number in a JSON list; "" for the file
    column: str  # the header as written in the file
    value: str
    key: str  # message key in ocop_tui/i18n/importer.py
    values: tuple[tuple[str, Any], ...] = ()
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def message(self, lang: Lang) -> str:
        values = dict(self.values)
        if self.key in ("import.check", "import.check.position"):  # the contract's own (English) message
            values["message"] = check_message(values["message"], lang)
        if self.key == "import.check":
            return str(values["message"])
        return t(self.key, lang, **{k: format_number(v, lang) if _is_int(v) else v for k, v in values.items()})


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def make_problem(
    file: str, row: str, column: str, value: Any, key: str, severity: Severity = "error", **values: Any
) -> ImportProblem:
    return ImportProblem(file, row, column, show_cell(value), key, tuple(values.items()), severity)


def show_cell(value: Any) -> str:
    """A cell's value as a short, safe string for a report (bytes that are not UTF-8 as \\xNN)."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
        if has_surrogates(text):
            text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    elif huge_digits(value):
        text = f"<{huge_digits(value)} digits>"  # str() of it may itself be refused
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    text = clean(text)
    return text if len(text) <= 60 else text[:57] + "..."


class ImportFileError(Exception):
    """A file that cannot be read at all (missing, wrong format, damaged): exit code 2."""

    exit_code = 2

    def __init__(self, path: Path | str, key: str, **values: Any) -> None:
        super().__init__(f"{path}: {key} {values}")
        self.path = str(path)
        self.key = key
        self.values = values

    def message(self, lang: Lang) -> str:
        """The message in `lang`; whole numbers are written its way (1.000.000 / 1,000,000), and a value that
        depends on the language is a function of it."""
        values = {
            name: value(lang) if callable(value) else format_number(value, lang) if _is_int(value) else value
            for name, value in self.values.items()
        }
        text = t(self.key, lang, **values)
        return f"{visible(self.path)}: {text}" if self.path else text


class ImportRejected(Exception):
    """The import has errors; nothing was written. `problems` holds errors and warnings, in file order."""

    exit_code = 1

    def __init__(self, problems: list[ImportProblem]) -> None:
        errors = [p for p in problems if p.is_error]
        super().__init__(f"{len(errors)} error(s) in the import")
        self.problems = problems

    @property
    def errors(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.is_error]
