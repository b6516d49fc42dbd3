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
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click
from rich.console import Console
from rich.text import Text

from ocop_tui.files import shown_path
from ocop_tui.i18n import DEFAULT_LANG, t
from ocop_tui.i18n.messages import check_message
from ocop_tui.memory import collect_less_often, long_lived, release_free_memory
from ocop_tui.model import LANGS, Lang
from ocop_tui.paths import configured_store_path, default_store_path, is_packaged_demo, user_store_path
from ocop_tui.search.catalog import open_catalog
from ocop_tui.store.contract import Problem, show_value
from ocop_tui.store.errors import StoreError, StoreInvalid
from ocop_tui.store.reading import read_tables
from ocop_tui.text import clean, visible

if TYPE_CHECKING:
    from rich.table import Table

    from ocop_tui.files import FileStamp
    from ocop_tui.search.catalog import Catalog
    from ocop_tui.ui.fair_app import FairApp


EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2

data_option = click.option(
    "--data",
    "data_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
)
lang_option = click.option("--lang", type=click.Choice(LANGS), default=DEFAULT_LANG, show_default=True)


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


def group_data_path() -> Path | None:
    """The group's own --data (`ocop-tui --data x.json validate`), for a command given none of its own."""
    ctx = click.get_current_context(silent=True)
    value = ctx.find_root().params.get("data_path") if ctx is not None else None
    return value if isinstance(value, Path) else None


def resolve_data(path: Path | None) -> Path:
    """The store a command reads: its --data, else the group's, else $OCOP_TUI_DATA, else the user's own
    store, else the demo."""
    path = path if path is not None else group_data_path()
    return path if path is not None else default_store_path()


def resolve_writable(path: Path | None, lang: Lang, *, must_exist: bool = True, new: bool = False) -> Path:
    """The store a command writes, as resolve_data finds it (`new`: the one to create, never the demo); the
    packaged demo fair is refused (exit 2), with where the user's own store is and how to create it, and so
    is a store that does not exist yet when it `must_exist`."""
    own = configured_store_path()
    path = path if path is not None else group_data_path()
    store = path if path is not None else own if new else resolve_data(None)
    if is_packaged_demo(store):
        key = "store.demo_read_only.exists" if own.exists() else "store.demo_read_only"
        fail(t(key, lang, own=show_path(own), init=init_command(own)), EXIT_UNREADABLE, lang)
    if must_exist and not store.exists() and not store.is_symlink():
        fail(t("store.missing", lang, path=show_path(store), init=init_command(store)), EXIT_UNREADABLE, lang)
    return store


def data_argument(store: Path) -> str:
    """` --data PATH` for a command printed to be pasted back, unless the store is the user's own default one
    (which a pasted command finds by itself, whatever $OCOP_TUI_DATA says in another terminal)."""
    if os.path.abspath(store) == os.path.abspath(user_store_path()):
        return ""
    return f" --data {shell_word(store)}"


def init_command(store: Path) -> str:
    return f"ocop-tui init{data_argument(store)}"


def fail(message: str, code: int, lang: Lang = DEFAULT_LANG) -> NoReturn:
    """Print one message to stderr and exit; the message is shown literally (paths in it: show_path)."""
    # One line, never cut by Rich (the terminal folds it): a command in it can be copied whole.
    stderr().print(Text(f"{t('cli.error', lang)}: ", style="bold red") + Text(clean(message)), soft_wrap=True)
    sys.exit(code)


def fail_unexpected(error: BaseException, lang: Lang) -> NoReturn:
    """An exception no command expected (a ValueError, MemoryError or OSError out of some input): one line and
    exit 2, never a traceback. Only the exception's type and message are shown, never its frames' values."""
    if isinstance(error, MemoryError):
        fail(t("cli.out_of_memory", lang), EXIT_UNREADABLE, lang)
    detail = clean(str(error))
    detail = type(error).__name__ + (f": {detail[:300]}" if detail else "")
    fail(t("cli.unexpected", lang, error=detail), EXIT_UNREADABLE, lang)


# The field a booth or a product is known by: its booth number, its product code.
_KNOWN_BY = {"booths": "booth_no", "products": "code"}


def record_names(tables: Mapping[str, Any], problems: list[Problem]) -> dict[tuple[str, str], str]:
    """How people know the records these problems are about: the booth number or product code the document
    gives (cleaned, as the file writes it), by (table, document id)."""
    names: dict[tuple[str, str], str] = {}
    for problem in problems:
        known_by = _KNOWN_BY.get(problem.table)
        table = tables.get(problem.table) if known_by else None
        document = table.get(problem.record) if isinstance(table, Mapping) else None
        value = document.get(known_by) if isinstance(document, Mapping) else None
        if isinstance(value, str) and clean(value).strip():
            names[(problem.table, problem.record)] = show_value(clean(value).strip())
    return names


def record_label(problem: Problem, names: Mapping[tuple[str, str], str], lang: Lang) -> str:
    """A problem's record as the table shows it: "K-007 (#12)", the document id alone when it has no name."""
    name = names.get((problem.table, problem.record))
    if not problem.record:
        return ""
    return (
        t("cli.record.named", lang, name=name, id=problem.record) if name else t("cli.record", lang, id=problem.record)
    )


def problems_table(problems: list[Problem], lang: Lang, *, title: str | None = None,
                   names: Mapping[tuple[str, str], str] | None = None) -> Table:  # fmt: skip
    """Every problem in a table, in `lang`: the record by the booth number or product code people know (from
    `names`, see record_names) and its document id."""
    from rich.table import Table  # only when there is something to list: not on the app's start path

    table = Table(title=Text(title) if title is not None else None, show_lines=False, expand=False)
    for key in ("cli.col.severity", "cli.col.table", "cli.col.record", "cli.col.field", "cli.col.value",
                "cli.col.problem"):  # fmt: skip
        table.add_column(t(key, lang), overflow="fold")
    for problem in problems:
        style = "red" if problem.is_error else "yellow"
        table.add_row(
            Text(t(f"cli.severity.{problem.severity}", lang), style=style),
            # Ids and field names come from the file too: cleaned and shortened like values.
            Text(show_value(problem.table)),
            Text(show_value(record_label(problem, names or {}, lang))),
            Text(show_value(problem.field)),
            Text(clean(problem.value)),
            Text(clean(check_message(problem.message, lang))),
        )
    return table


def store_error_message(error: StoreError, lang: Lang) -> str:
    """The store's error in one line, in `lang` (the store words it in English)."""
    if isinstance(error, StoreInvalid):
        errors = [p for p in error.problems if p.is_error]
        if errors:
            first = errors[0]
            return t("cli.invalid.first", lang, path=show_path(error.path), count=len(errors), table=first.table,
                     record=show_value(first.record), field=show_value(first.field),
                     message=check_message(first.message, lang))  # fmt: skip
        return t("cli.invalid", lang, path=show_path(error.path), count=0)
    return f"{show_path(error.path)}: {check_message(error.message, lang)}"


def report_store_error(error: StoreError, lang: Lang) -> NoReturn:
    if isinstance(error, StoreInvalid):
        errors = [p for p in error.problems if p.is_error]
        try:  # the booth numbers and codes the problems are about, from the file itself
            tables, _ = read_tables(error.path)
        except StoreError:
            tables = {}
        title = t("cli.invalid", lang, path=show_path(error.path), count=len(errors))
        stderr().print(problems_table(errors[:200], lang, title=title, names=record_names(tables, errors[:200])))
    fail(store_error_message(error, lang), error.exit_code, lang)


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


def run_app(app: FairApp) -> NoReturn:
    """Run the app to its end and exit with its return code."""
    collect_less_often()  # a keystroke's short-lived objects: see ocop_tui.memory
    app.run()
    sys.exit(app.return_code or 0)
