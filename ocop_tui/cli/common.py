"""What every command shares: the common options, the consoles, one-line errors and exit codes, and
opening a catalogue for the app or the kiosk.

Exit codes: 0 ok, 1 invalid data, 2 unreadable file or bad usage. Errors go to stderr as one clear
message, never a traceback. Data strings reach Rich only as Text, so they are never parsed as markup.
"""

from __future__ import annotations

import os
import shlex
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click
from rich.console import Console
from rich.text import Text

from ocop_tui.files import shown_path
from ocop_tui.i18n import DEFAULT_LANG, t
from ocop_tui.memory import long_lived, release_free_memory
from ocop_tui.model import LANGS, Lang
from ocop_tui.paths import demo_store_path
from ocop_tui.search.catalog import open_catalog
from ocop_tui.store.contract import Problem, show_value
from ocop_tui.store.errors import StoreError, StoreInvalid
from ocop_tui.text import clean, visible

if TYPE_CHECKING:
    from rich.table import Table
    from textual.app import App

    from ocop_tui.files import FileStamp
    from ocop_tui.search.catalog import Catalog


EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2

data_option = click.option(
    "--data",
    "data_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="The store (TinyDB JSON file). Default: the demo fair.",
)
lang_option = click.option(
    "--lang", type=click.Choice(LANGS), default=DEFAULT_LANG, show_default=True, help="Language of the interface."
)


show_path = shown_path  # a file name in a message: control, escape, bidi and undecodable characters visible


def shell_word(value: Path | str) -> str:
    """`value` as one shell word that gives back its exact bytes when pasted into bash or zsh: single-quoted
    when it is plain text, else ANSI-C quoted ($'...') with every other byte written as \\xNN."""
    text = os.fsdecode(value)
    if visible(text) == text:
        return shlex.quote(text)
    words = []
    for byte in os.fsencode(value):
        char = chr(byte)
        words.append(char if 0x20 <= byte < 0x7F and char not in "\\'" else f"\\x{byte:02x}")
    return "$'" + "".join(words) + "'"


def stdout() -> Console:
    return Console(highlight=False)


def stderr() -> Console:
    return Console(stderr=True, highlight=False)


def resolve_data(path: Path | None) -> Path:
    return path if path is not None else demo_store_path()


def fail(message: str, code: int, lang: Lang = DEFAULT_LANG) -> NoReturn:
    """Print one message to stderr and exit; the message is shown literally (paths in it: show_path)."""
    stderr().print(Text(f"{t('cli.error', lang)}: ", style="bold red") + Text(clean(message)))
    sys.exit(code)


def fail_unexpected(error: BaseException, lang: Lang) -> NoReturn:
    """An exception no command expected (a ValueError, MemoryError or OSError out of some input): one line and
    exit 2, never a traceback. Only the exception's type and message are shown, never its frames' values."""
    if isinstance(error, MemoryError):
        fail(t("cli.out_of_memory", lang), EXIT_UNREADABLE, lang)
    detail = clean(str(error))
    detail = type(error).__name__ + (f": {detail[:300]}" if detail else "")
    fail(t("cli.unexpected", lang, error=detail), EXIT_UNREADABLE, lang)


def problems_table(problems: list[Problem], lang: Lang, *, title: str | None = None) -> Table:
    from rich.table import Table  # only when there is something to list: not on the app's start path

    table = Table(title=title, show_lines=False, expand=False)
    for key in ("cli.col.severity", "cli.col.table", "cli.col.record", "cli.col.field", "cli.col.value",
                "cli.col.problem"):  # fmt: skip
        table.add_column(t(key, lang), overflow="fold")
    for problem in problems:
        style = "red" if problem.is_error else "yellow"
        table.add_row(
            Text(t(f"cli.severity.{problem.severity}", lang), style=style),
            # Ids and field names come from the file too: cleaned and shortened like values.
            Text(show_value(problem.table)),
            Text(show_value(problem.record)),
            Text(show_value(problem.field)),
            Text(clean(problem.value)),
            Text(clean(problem.message)),
        )
    return table


def report_store_error(error: StoreError, lang: Lang) -> NoReturn:
    if isinstance(error, StoreInvalid):
        errors = [p for p in error.problems if p.is_error]
        console = stderr()
        console.print(
            problems_table(
                errors[:200], lang, title=t("cli.invalid", lang, path=show_path(error.path), count=len(errors))
            )
        )
        fail(str(error), error.exit_code, lang)
    fail(str(error), error.exit_code, lang)


def stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def require_terminal(lang: Lang) -> None:
    """The browser and the kiosk draw on a terminal and read keys from it: say so (exit 2) instead of the
    driver's traceback when stdin is closed (`ocop-tui <&-`) or either end is a file or a pipe."""
    if not stdin_is_terminal() or sys.stdout is None or not sys.stdout.isatty():
        fail(t("cli.needs_terminal", lang), EXIT_UNREADABLE, lang)


def die_quietly_on_a_closed_pipe() -> None:
    """`ocop-tui stats | head -1`: when the reader goes away, end the way Unix tools do (killed by SIGPIPE,
    status 141 in the shell), not with a BrokenPipeError and status 1, which means "invalid data" here."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)


def tolerate_narrow_terminals() -> None:
    """A latin-1 or ASCII terminal cannot show "Lỗi": escape what it cannot print instead of crashing."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
            reconfigure(errors="backslashreplace")


def open_catalog_or_exit(path: Path, lang: Lang) -> tuple[Catalog, FileStamp]:
    """The app's catalogue and the version of the store it came from, or the store's error reported and the
    exit code that goes with it."""
    with long_lived():
        try:
            opened = open_catalog(path)
        except StoreError as error:
            report_store_error(error, lang)
    release_free_memory()  # what the JSON parser and the checks used: not needed once the records exist
    return opened


def run_app(app: App[int]) -> NoReturn:
    """Run the app to its end and exit with its return code."""
    app.run()
    sys.exit(app.return_code or 0)
