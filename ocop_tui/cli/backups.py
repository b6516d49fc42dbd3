"""`ocop-tui backups` and `ocop-tui restore`: the store's last five versions, and putting one back.

Restoring writes through the store's one write path (locked, validated, itself backed up), so a restore
can be undone like any import; the packaged demo fair is never written. The hints these commands print
carry `--data` whenever the store is not the user's default one, so they work when pasted.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import click
from rich import box
from rich.table import Table
from rich.text import Text

from ocop_tui.cli.common import (
    EXIT_UNREADABLE,
    data_argument,
    data_option,
    fail,
    report_store_error,
    resolve_data,
    resolve_writable,
    shell_word,
    show_path,
    stdout,
)
from ocop_tui.cli.help_text import HelpArgument, HelpCommand
from ocop_tui.i18n import format_number, t
from ocop_tui.model import Lang
from ocop_tui.store.backups import list_backups
from ocop_tui.store.errors import StoreBusy, StoreError
from ocop_tui.store.reading import read_tables
from ocop_tui.store.writing import restore_backup

_STAMP = re.compile(r"\.(\d{8}T\d{12})\.[^.]*$")


def _lang(ctx: click.Context) -> Lang:
    return (ctx.obj or {}).get("lang", "vi")


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


@click.command("backups", cls=HelpCommand)
@data_option
@click.pass_context
def backups_command(ctx: click.Context, data_path: Path | None) -> None:
    lang = _lang(ctx)
    path = resolve_data(data_path)
    backups = list_backups(path)
    console = stdout()
    if not backups:
        console.print(Text(t("backups.none", lang, path=show_path(path))))
        return
    # Simple rules and no wrapping: the file name is what `restore` takes, so it must never be cut.
    table = Table(title=Text(t("backups.title", lang, path=show_path(path))), title_justify="left",
                  box=box.SIMPLE_HEAD, show_edge=False)  # fmt: skip
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
        table.add_row(str(number), Text(show_path(backup.name)), when.strftime(stamp) if when else "", size, contents)
    console.print(table)
    console.print(Text(t("backups.hint", lang, data=data_argument(path))), soft_wrap=True)


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


@click.command("restore", cls=HelpCommand)
@click.argument("backup", cls=HelpArgument)
@data_option
@click.pass_context
def restore_command(ctx: click.Context, backup: str, data_path: Path | None) -> None:
    lang = _lang(ctx)
    path = resolve_writable(data_path, lang, must_exist=False)  # a deleted store can be restored
    matches = find_backup(path, backup)
    if not matches:
        fail(t("restore.not_found", lang, name=backup, path=show_path(path), data=data_argument(path)),
             EXIT_UNREADABLE, lang)  # fmt: skip
    if len(matches) > 1:
        names = ", ".join(show_path(m.name) for m in matches)
        fail(t("restore.ambiguous", lang, name=backup, matches=names), EXIT_UNREADABLE, lang)
    try:
        result = restore_backup(path, matches[0])
    except StoreBusy:
        fail(t("import.busy", lang, path=show_path(path)), StoreBusy.exit_code, lang)
    except StoreError as error:
        report_store_error(error, lang)
    console = stdout()
    console.print(Text(t("restore.done", lang, path=show_path(path), backup=show_path(matches[0].name),
                         booths=format_number(len(result.checked.booths), lang),
                         products=format_number(len(result.checked.products), lang)), style="bold green"))  # fmt: skip
    if result.backup is not None:
        undo = f"ocop-tui restore {shell_word(result.backup.name)}{data_argument(path)}"
        console.print(Text(t("restore.saved", lang, name=show_path(result.backup.name), command=undo)), soft_wrap=True)


def register(main: click.Group) -> None:
    for command in (backups_command, restore_command):
        main.add_command(command)
