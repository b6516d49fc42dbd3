"""The organisers' data commands: import and export (backups and restore are in backups.py).

Registered on the `ocop-tui` group by cli/main.py. Exit codes follow the CLI's rule: 0 done, 1 rejected input
or a declined confirmation (nothing written), 2 unreadable file, busy store, a store that cannot be written
(the packaged demo) or bad usage. No input file, however broken or hostile, ends in a traceback: each
reason is one line.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click
from rich.text import Text

from ocop_tui.cli.common import (
    EXIT_INVALID,
    EXIT_UNREADABLE,
    data_argument,
    data_option,
    fail,
    report_store_error,
    resolve_data,
    resolve_writable,
    shell_word,
    show_path,
    stderr,
    stdout,
)
from ocop_tui.cli.help_text import HelpCommand
from ocop_tui.cli.import_report import (
    cancelled,
    confirmation,
    counts_table,
    print_changes,
    print_placement,
    print_problems,
    write_report,
)
from ocop_tui.i18n import format_number, t
from ocop_tui.model import Lang
from ocop_tui.store.errors import StoreBusy, StoreError
from ocop_tui.store.reading import load_store
from ocop_tui.transfer.export import FORMATS, HEADER_LANGS, ExportFailed, export_tables
from ocop_tui.transfer.headers import Progress
from ocop_tui.transfer.importing import ImportCancelled, StoreChangedMeanwhile, run_import
from ocop_tui.transfer.limits import DEFAULT_MAX_MEGABYTES, DEFAULT_MAX_ROWS, ImportLimits
from ocop_tui.transfer.problems import ImportFileError, ImportProblem, ImportRejected

_file_type = click.Path(path_type=Path, dir_okay=False)


def _lang(ctx: click.Context) -> Lang:
    return (ctx.obj or {}).get("lang", "vi")


@contextmanager
def _progress(lang: Lang) -> Iterator[Progress | None]:
    """A progress bar on stderr when it is a terminal; nothing in pipes, logs and tests."""
    console = stderr()
    if not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, SpinnerColumn, TaskProgressColumn, TextColumn
    from rich.progress import Progress as Bar

    with Bar(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(),
             console=console, transient=True) as bar:  # fmt: skip
        tasks: dict[str, Any] = {}
        current: list[Any] = []

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                if current:
                    bar.update(current[-1], completed=bar.tasks[-1].total or 1, total=bar.tasks[-1].total or 1)
                tasks[stage] = bar.add_task(t(stage, lang), total=total or None)
                current.append(tasks[stage])
            if not bar.live.is_started:  # after a question was asked
                bar.start()
            bar.update(tasks[stage], completed=done, total=total or None)

        update.stop = bar.stop  # type: ignore[attr-defined]
        yield update


def _reject(problems: list[ImportProblem], path: Path, lang: Lang, report: Path | None) -> NoReturn:
    console = stderr()
    errors = [p for p in problems if p.is_error]
    print_problems(console, errors, lang, errors=True)
    print_problems(console, [p for p in problems if not p.is_error], lang, errors=False)
    if any(p.key in ("import.bad.encoding", "import.bad.utf16") for p in errors):
        console.print(Text(t("import.encoding.hint", lang), style="bold"))
    if report is not None:
        write_report(report, problems, [], None, lang)
        console.print(Text(t("import.report.written", lang, path=show_path(report))))
    fail(t("import.rejected", lang, count=format_number(len(errors), lang), path=show_path(path)), EXIT_INVALID, lang)


@click.command("import", cls=HelpCommand)
@click.option("--booths", "booths_file", type=_file_type)
@click.option("--products", "products_file", type=_file_type)
@data_option
@click.option("--replace", is_flag=True)
@click.option("--dry-run", is_flag=True)
@click.option("--yes", is_flag=True)
@click.option("--sheet", metavar="NAME")
@click.option("--report", "report_file", type=_file_type)
@click.option("--max-size", "max_megabytes", type=click.IntRange(1, 1 << 20), default=DEFAULT_MAX_MEGABYTES,
              show_default=True, metavar="MB")  # fmt: skip
@click.option("--max-rows", type=click.IntRange(1, 1 << 40), default=DEFAULT_MAX_ROWS, show_default=True,
              metavar="N")  # fmt: skip
@click.pass_context
def import_command(ctx: click.Context, booths_file: Path | None, products_file: Path | None, data_path: Path | None,
                   replace: bool, dry_run: bool, yes: bool, sheet: str | None, report_file: Path | None,
                   max_megabytes: int, max_rows: int) -> None:  # fmt: skip
    lang = _lang(ctx)
    if booths_file is None and products_file is None:
        raise click.UsageError(t("import.usage.nothing", lang))
    path = resolve_writable(data_path, lang)  # a dry run too: it is the real run's rehearsal
    console = stdout()
    limits = ImportLimits(max_megabytes, max_rows)
    files = [f for f in (booths_file, products_file) if f is not None]
    try:
        with _progress(lang) as progress:
            result = run_import(path, booths=booths_file, products=products_file, replace=replace, dry_run=dry_run,
                                sheet=sheet, progress=progress, limits=limits,
                                confirm=confirmation(path, lang, yes=yes,
                                                     pause=getattr(progress, "stop", lambda: None)))  # fmt: skip
    except ImportFileError as error:
        fail(error.message(lang), error.exit_code, lang)
    except ImportRejected as rejected:
        _reject(rejected.problems, path, lang, report_file)
    except ImportCancelled as declined:
        cancelled(declined, path, lang)
    except StoreChangedMeanwhile:
        fail(t("import.changed_meanwhile", lang, path=show_path(path)), EXIT_UNREADABLE, lang)
    except StoreBusy:
        fail(t("import.busy", lang, path=show_path(path)), StoreBusy.exit_code, lang)
    except StoreError as error:
        report_store_error(error, lang)
    except MemoryError:
        gc.collect()  # what the import held is garbage now: room to say what happened
        fail(t("import.file.memory", lang, path=", ".join(show_path(f) for f in files)), EXIT_UNREADABLE, lang)
    print_problems(console, result.problems, lang, errors=False)
    if report_file is not None:
        write_report(report_file, result.problems, result.changes, result.placement, lang)
        console.print(Text(t("import.report.written", lang, path=show_path(report_file))))
    print_changes(console, result.changes, lang, dry_run=dry_run)
    console.print(counts_table(result.counts, lang))
    print_placement(console, result.placement, lang)
    if dry_run:
        console.print(Text(t("import.dry_run", lang, path=show_path(path)), style="bold"))
    elif result.write is None:
        console.print(Text(t("import.nothing", lang, path=show_path(path))))
    else:
        console.print(Text(t("import.done", lang, path=show_path(path)), style="bold green"))
        if result.write.backup is not None:
            undo = f"ocop-tui restore {shell_word(result.write.backup.name)}{data_argument(path)}"
            console.print(
                Text(t("import.backup", lang, name=show_path(result.write.backup.name), command=undo)), soft_wrap=True
            )  # a command to paste: never cut in two


@click.command("export", cls=HelpCommand)
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True)
@click.option("--headers", "headers", type=click.Choice(HEADER_LANGS), default="vi", show_default=True)
@data_option
@click.pass_context
def export_command(ctx: click.Context, out_dir: Path, fmt: str, headers: str, data_path: Path | None) -> None:
    lang = _lang(ctx)
    path = resolve_data(data_path)
    try:
        loaded = load_store(path)
    except StoreError as error:
        report_store_error(error, lang)
    try:
        written = export_tables(loaded.tables, out_dir, fmt, headers)  # type: ignore[arg-type]
    except ExportFailed as failed:
        fail(t("export.failed", lang, path=show_path(failed.path), error=failed.reason), EXIT_UNREADABLE, lang)
    except MemoryError:
        gc.collect()
        fail(t("export.memory", lang, path=show_path(path)), EXIT_UNREADABLE, lang)
    console = stdout()
    console.print(Text(t("export.done", lang, booths=format_number(len(loaded.tables.booths), lang),
                         products=format_number(len(loaded.tables.products), lang))))  # fmt: skip
    for target in written:
        console.print(Text(f"  {show_path(target)}"))


def register(main: click.Group) -> None:
    for command in (import_command, export_command):
        main.add_command(command)
