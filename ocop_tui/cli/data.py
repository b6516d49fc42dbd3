"""The organisers' data commands: import, export, backups and restore.

Registered on the `ocop-tui` group by one line at the end of cli.py. Exit codes follow the CLI's rule:
0 done, 1 rejected input (nothing written), 2 unreadable file, busy store or bad usage.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

import click
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ocop_tui.cli.common import (
    EXIT_INVALID,
    data_option,
    fail,
    report_store_error,
    resolve_data,
    shell_word,
    show_path,
    stderr,
    stdout,
)
from ocop_tui.i18n import format_number, t
from ocop_tui.model import Lang
from ocop_tui.store.backups import list_backups
from ocop_tui.store.errors import StoreBusy, StoreError
from ocop_tui.store.reading import load_store, read_tables
from ocop_tui.store.writing import restore_backup
from ocop_tui.text import clean
from ocop_tui.transfer.export import FORMATS, export_tables
from ocop_tui.transfer.headers import Progress
from ocop_tui.transfer.importing import run_import
from ocop_tui.transfer.merge import Counts
from ocop_tui.transfer.problems import ImportFileError, ImportProblem, ImportRejected

SHOWN_PROBLEMS = 300  # a terminal table beyond this is not read; --report FILE has them all

_file_type = click.Path(path_type=Path, dir_okay=False)


def _lang(ctx: click.Context) -> Lang:
    return (ctx.obj or {}).get("lang", "vi")


def problem_table(problems: list[ImportProblem], lang: Lang, title: str, style: str) -> Table:
    table = Table(title=title, title_justify="left", title_style=f"bold {style}")
    for key in ("import.col.file", "import.col.row", "import.col.column", "cli.col.value", "cli.col.problem"):
        table.add_column(t(key, lang), overflow="fold")
    for p in problems[:SHOWN_PROBLEMS]:
        table.add_row(Text(clean(p.file)), Text(p.row), Text(clean(p.column)), Text(p.value),
                      Text(clean(p.message(lang)), style=style))  # fmt: skip
    return table


def _print_problems(console: Console, problems: list[ImportProblem], lang: Lang, *, errors: bool) -> None:
    if not problems:
        return
    if errors:
        console.print(problem_table(problems, lang, t("import.problems.title", lang), "red"))
    else:
        console.print(problem_table(problems, lang, t("import.warnings.title", lang), "yellow"))
    if len(problems) > SHOWN_PROBLEMS:
        console.print(Text(t("import.more", lang, count=format_number(len(problems) - SHOWN_PROBLEMS, lang))))


def _write_report(path: Path, problems: list[ImportProblem], lang: Lang) -> None:
    """Every problem as a CSV the organiser can open next to the data in Excel."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([t(key, lang) for key in ("import.col.file", "import.col.row", "import.col.column",
                                             "cli.col.value", "cli.col.problem", "cli.col.severity")])  # fmt: skip
    for p in problems:
        cells = [p.file, p.row, p.column, p.value, p.message(lang), t(f"cli.severity.{p.severity}", lang)]
        # Values come from the organisers' files: "=HYPERLINK(...)" must stay text when Excel opens this
        # report (it is read, never imported, so the apostrophe costs nothing).
        writer.writerow(["'" + cell if cell[:1] in ("=", "+", "-", "@") else cell for cell in cells])
    try:
        path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    except OSError as exc:
        fail(t("export.failed", lang, path=path, error=exc.strerror or exc), 2, lang)


def counts_table(counts: dict[str, Counts], lang: Lang) -> Table:
    table = Table()
    table.add_column(t("import.col.table", lang))
    for key in ("import.col.added", "import.col.updated", "import.col.unchanged", "import.col.removed"):
        table.add_column(t(key, lang), justify="right")
    for name, c in counts.items():
        table.add_row(t(f"import.table.{name}", lang),
                      *(format_number(n, lang) for n in (c.added, c.updated, c.unchanged, c.removed)))  # fmt: skip
    return table


@contextmanager
def _progress(lang: Lang) -> Iterator[Progress | None]:
    """A progress bar on stderr when it is a terminal; nothing in pipes, logs and tests."""
    console = stderr()
    if not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, SpinnerColumn, TextColumn
    from rich.progress import Progress as Bar

    with Bar(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
             console=console, transient=True) as bar:  # fmt: skip
        tasks: dict[str, Any] = {}
        current: list[Any] = []

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                if current:
                    bar.update(current[-1], completed=bar.tasks[-1].total or 1, total=bar.tasks[-1].total or 1)
                tasks[stage] = bar.add_task(t(stage, lang), total=total or None)
                current.append(tasks[stage])
            bar.update(tasks[stage], completed=done, total=total or None)

        yield update


def _reject(problems: list[ImportProblem], path: Path, lang: Lang, report: Path | None) -> NoReturn:
    console = stderr()
    errors = [p for p in problems if p.is_error]
    _print_problems(console, errors, lang, errors=True)
    _print_problems(console, [p for p in problems if not p.is_error], lang, errors=False)
    if any(p.key in ("import.bad.encoding", "import.bad.utf16") for p in errors):
        console.print(Text(t("import.encoding.hint", lang), style="bold"))
    if report is not None:
        _write_report(report, problems, lang)
        console.print(Text(t("import.report.written", lang, path=report)))
    fail(t("import.rejected", lang, count=format_number(len(errors), lang), path=path), EXIT_INVALID, lang)


@click.command("import")
@click.option("--booths", "booths_file", type=_file_type, help="Booths file (.csv, .xlsx or .json).")
@click.option("--products", "products_file", type=_file_type, help="Products file (.csv, .xlsx or .json).")
@data_option
@click.option(
    "--replace",
    is_flag=True,
    help="Replace the tables given instead of merging (records not in the files are removed).",
)
@click.option("--dry-run", is_flag=True, help="Check everything and show what would change; write nothing.")
@click.option(
    "--sheet", metavar="NAME", help="Excel sheet to read (default: a sheet named booths/products, or the first)."
)
@click.option("--report", "report_file", type=_file_type, help="Also write every problem to this CSV file.")
@click.pass_context
def import_command(ctx: click.Context, booths_file: Path | None, products_file: Path | None, data_path: Path | None,
                   replace: bool, dry_run: bool, sheet: str | None, report_file: Path | None) -> None:  # fmt: skip
    """Load booths and products from CSV, Excel or JSON into the store.

    Everything is checked first: either every row goes in, or nothing changes and each problem is listed
    with its file, row and column. Records with a known booth number / product code are updated, new ones
    added; with --replace, the tables given become exactly the files' contents.
    """
    lang = _lang(ctx)
    if booths_file is None and products_file is None:
        raise click.UsageError(t("import.usage.nothing", lang))
    path = resolve_data(data_path)
    try:
        with _progress(lang) as progress:
            result = run_import(path, booths=booths_file, products=products_file, replace=replace,
                                dry_run=dry_run, sheet=sheet, progress=progress)  # fmt: skip
    except ImportFileError as error:
        fail(error.message(lang), error.exit_code, lang)
    except ImportRejected as rejected:
        _reject(rejected.problems, path, lang, report_file)
    except StoreBusy:
        fail(t("import.busy", lang, path=path), StoreBusy.exit_code, lang)
    except StoreError as error:
        report_store_error(error, lang)
    console = stdout()
    _print_problems(console, result.problems, lang, errors=False)
    if report_file is not None and result.problems:
        _write_report(report_file, result.problems, lang)
        console.print(Text(t("import.report.written", lang, path=report_file)))
    console.print(counts_table(result.counts, lang))
    if dry_run:
        console.print(Text(t("import.dry_run", lang, path=path), style="bold"))
    elif result.write is None:
        console.print(Text(t("import.nothing", lang, path=path)))
    else:
        console.print(Text(t("import.done", lang, path=path), style="bold green"))
        if result.write.backup is not None:
            undo = f"ocop-tui restore {shell_word(result.write.backup.name)}"
            if data_path is not None:
                undo += f" --data {shell_word(data_path)}"
            name = show_path(result.write.backup.name)
            console.print(Text(t("import.backup", lang, name=name, command=undo)))


@click.command("export")
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for booths.<format> and products.<format> (created if needed).")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True)
@data_option
@click.pass_context
def export_command(ctx: click.Context, out_dir: Path, fmt: str, data_path: Path | None) -> None:
    """Write the store's booths and products as CSV, Excel or JSON, with the contract's headers."""
    lang = _lang(ctx)
    path = resolve_data(data_path)
    try:
        loaded = load_store(path)
    except StoreError as error:
        report_store_error(error, lang)
    try:
        written = export_tables(loaded.tables, out_dir, fmt)  # type: ignore[arg-type]
    except OSError as exc:
        fail(t("export.failed", lang, path=exc.filename or out_dir, error=exc.strerror or exc), 2, lang)
    console = stdout()
    console.print(Text(t("export.done", lang, booths=format_number(len(loaded.tables.booths), lang),
                         products=format_number(len(loaded.tables.products), lang))))  # fmt: skip
    for target in written:
        console.print(Text(f"  {target}"))


_STAMP = re.compile(r"\.(\d{8}T\d{12})\.[^.]*$")


def backup_time(backup: Path) -> datetime | None:
    match = _STAMP.search(backup.name)
    return datetime.strptime(match.group(1), "%Y%m%dT%H%M%S%f") if match else None


def _size(size: int, lang: Lang) -> str:
    if size < 1024:
        return f"{format_number(size, lang)} B"
    if size < 1024 * 1024:
        return f"{format_number(round(size / 1024), lang)} KB"
    text = f"{size / 1024 / 1024:.1f}"
    return f"{text.replace('.', ',') if lang == 'vi' else text} MB"


@click.command("backups")
@data_option
@click.pass_context
def backups_command(ctx: click.Context, data_path: Path | None) -> None:
    """List the store's backups, newest first (the last five writes are kept)."""
    lang = _lang(ctx)
    path = resolve_data(data_path)
    backups = list_backups(path)
    console = stdout()
    if not backups:
        console.print(Text(t("backups.none", lang, path=path)))
        return
    # Simple rules and no wrapping: the file name is what `restore` takes, so it must never be cut.
    table = Table(title=t("backups.title", lang, path=path), title_justify="left", box=box.SIMPLE_HEAD,
                  show_edge=False)  # fmt: skip
    table.add_column(t("backups.col.number", lang), justify="right", no_wrap=True)
    table.add_column(t("backups.col.file", lang), no_wrap=True)
    table.add_column(t("backups.col.time", lang), no_wrap=True)
    table.add_column(t("backups.col.size", lang), justify="right", no_wrap=True)
    table.add_column(t("backups.col.contents", lang), justify="right")
    for number, backup in enumerate(backups, start=1):
        when = backup_time(backup)
        try:
            size = _size(backup.stat().st_size, lang)
        except OSError:
            size = ""
        try:
            tables, _ = read_tables(backup)
            contents = t("backups.contents", lang, booths=format_number(len(tables.get("booths", {})), lang),
                         products=format_number(len(tables.get("products", {})), lang))  # fmt: skip
        except StoreError:  # kept anyway: a damaged store is backed up before a restore replaces it
            contents = t("backups.unreadable", lang)
        stamp = "%d/%m %H:%M:%S" if lang == "vi" else "%m-%d %H:%M:%S"  # the year is in the file name
        table.add_row(str(number), Text(clean(backup.name)), when.strftime(stamp) if when else "", size, contents)
    console.print(table)
    console.print(Text(t("backups.hint", lang)))


def find_backup(store: Path, name: str) -> list[Path]:
    """The backups `name` means: a path, a file name from the list, its # number, or a unique part of it."""
    candidate = Path(name)
    if candidate.is_file():
        return [candidate]
    backups = list_backups(store)
    exact = [b for b in backups if b.name == name]
    if exact:
        return exact
    if name.isdigit() and len(name) < 4:  # a # number from the list, never a part of a time stamp
        return [backups[int(name) - 1]] if 1 <= int(name) <= len(backups) else []
    return [b for b in backups if name in b.name] if name else []


@click.command("restore")
@click.argument("backup")
@data_option
@click.pass_context
def restore_command(ctx: click.Context, backup: str, data_path: Path | None) -> None:
    """Put a backup back in place (the current store is backed up first, so this can be undone too).

    BACKUP is a file name or # number from `ocop-tui backups`, or the path of a backup file.
    """
    lang = _lang(ctx)
    path = resolve_data(data_path)
    matches = find_backup(path, backup)
    if not matches:
        fail(t("restore.not_found", lang, name=backup), 2, lang)
    if len(matches) > 1:
        fail(t("restore.ambiguous", lang, name=backup, matches=", ".join(m.name for m in matches)), 2, lang)
    try:
        result = restore_backup(path, matches[0])
    except StoreBusy:
        fail(t("import.busy", lang, path=path), StoreBusy.exit_code, lang)
    except StoreError as error:
        report_store_error(error, lang)
    console = stdout()
    console.print(Text(t("restore.done", lang, path=path, backup=matches[0].name,
                         booths=format_number(len(result.checked.booths), lang),
                         products=format_number(len(result.checked.products), lang)), style="bold green"))  # fmt: skip
    if result.backup is not None:
        console.print(Text(t("restore.saved", lang, name=result.backup.name)))


def register(main: click.Group) -> None:
    for command in (import_command, export_command, backups_command, restore_command):
        main.add_command(command)
