"""`ocop-tui init`: create the organisers' own store, by default in the user's data folder (see paths.py).

Empty (the forum's details, no booths or products: the lists are imported next) or, with --demo, a copy of
the demo fair; the fair's details can be given at once. An existing store is only replaced with --force,
and then kept as a backup. The packaged demo itself is never written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click
from rich.text import Text

from ocop_tui.cli.common import (
    EXIT_UNREADABLE,
    data_argument,
    fail,
    report_store_error,
    resolve_writable,
    show_path,
    stdout,
)
from ocop_tui.cli.help_text import HelpCommand
from ocop_tui.i18n import format_number, t
from ocop_tui.model import Lang
from ocop_tui.paths import configured_store_path
from ocop_tui.store.errors import StoreError
from ocop_tui.store.writing import replace_tables
from ocop_tui.transfer.fair import DetailRejected, InitMode, new_store_tables, parse_detail


def detail_message(error: DetailRejected, lang: Lang) -> str:
    field = error.values.get("field", "")
    return t(error.key, lang, label=t(f"fair.key.{field}", lang) if field else "", **error.values)


class _IsoDate(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value: str, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            if len(value) == 10:
                dt.date.fromisoformat(value)
                return value
        except ValueError:
            pass
        lang = (ctx.obj or {}).get("lang", "vi") if ctx is not None else "vi"
        self.fail(t("init.bad_date", lang), param, ctx)


@click.command("init", cls=HelpCommand)
@click.option("--data", "data_path", type=click.Path(path_type=Path, dir_okay=False), default=None)
@click.option("--demo", "mode", flag_value="demo")
@click.option("--empty", "mode", flag_value="empty", default=True)
@click.option("--name")
@click.option("--theme")
@click.option("--venue")
@click.option("--city")
@click.option("--start", "start_date", type=_IsoDate())
@click.option("--end", "end_date", type=_IsoDate())
@click.option("--force", is_flag=True)
@click.pass_context
def init_command(ctx: click.Context, data_path: Path | None, mode: InitMode, force: bool, **given: str | None) -> None:
    lang: Lang = (ctx.obj or {}).get("lang", "vi")
    path = resolve_writable(data_path, lang, must_exist=False, new=True)
    if path.exists() and not force:
        fail(t("init.exists", lang, path=show_path(path)), EXIT_UNREADABLE, lang)
    folder = path.parent
    if not folder.is_dir():
        if data_path is None and path == configured_store_path():
            try:  # the user's data folder is created on first use
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                fail(t("init.cannot_write", lang, path=show_path(path), reason=error.strerror or error),
                     EXIT_UNREADABLE, lang)  # fmt: skip
        else:
            fail(t("init.no_folder", lang, folder=show_path(folder)), EXIT_UNREADABLE, lang)
    try:
        details = {name: parse_detail(name, value) for name, value in given.items() if value is not None}
        tables = new_store_tables(mode, details)
    except DetailRejected as error:
        fail(detail_message(error, lang), EXIT_UNREADABLE, lang)

    try:  # every table replaced (with --force even a damaged file, which is still backed up first)
        result = replace_tables(path, tables, create=True)
    except StoreError as error:
        report_store_error(error, lang)
    except OSError as error:  # e.g. a read-only folder: the lock or the temporary file cannot be made
        fail(t("init.cannot_write", lang, path=show_path(path), reason=error.strerror or error), EXIT_UNREADABLE,
             lang)  # fmt: skip
    checked = result.checked
    name = checked.fair.name if checked.fair is not None else ""
    console = stdout()
    console.print(Text(t(f"init.done.{mode}", lang, path=show_path(path), name=name,
                         booths=format_number(len(checked.booths), lang),
                         products=format_number(len(checked.products), lang)), style="bold green"))  # fmt: skip
    if result.backup is not None:
        console.print(Text(t("init.backup", lang, name=show_path(result.backup))))
    console.print(Text(t("init.next", lang, data=data_argument(path))), soft_wrap=True)


def register(main: click.Group) -> None:
    main.add_command(init_command)
