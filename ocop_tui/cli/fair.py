"""`ocop-tui fair show` and `ocop-tui fair set KEY VALUE`: the fair's own details (name, theme, venue, city,
dates, the demo flag), shown and changed. A change is checked (a date is YYYY-MM-DD, the last day is not before
the first), then written through the store's one write path: locked, validated, backed up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from rich import box
from rich.table import Table
from rich.text import Text
from tinydb import TinyDB

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
from ocop_tui.cli.help_text import HelpArgument, HelpGroup
from ocop_tui.cli.init import detail_message
from ocop_tui.i18n import format_date, format_number, t
from ocop_tui.model import Lang
from ocop_tui.store.errors import StoreBusy, StoreError
from ocop_tui.store.reading import load_store
from ocop_tui.store.writing import write_store
from ocop_tui.text import clean
from ocop_tui.transfer.fair import DATE_KEYS, FAIR_KEYS, DetailRejected, fair_key, parse_detail, with_details


def _lang(ctx: click.Context) -> Lang:
    return (ctx.obj or {}).get("lang", "vi")


def _shown(name: str, value: Any, lang: Lang) -> str:
    if name == "demo":
        return t("fair.yes" if value else "fair.no", lang)
    if name in DATE_KEYS and isinstance(value, str):
        return format_date(value, lang)
    return clean(str(value))


@click.group("fair", cls=HelpGroup)
def fair_group() -> None:
    pass


@fair_group.command("show")
@data_option
@click.pass_context
def show_command(ctx: click.Context, data_path: Path | None) -> None:
    lang = _lang(ctx)
    path = resolve_data(data_path)
    try:
        loaded = load_store(path)
    except StoreError as error:
        report_store_error(error, lang)
    fair = loaded.tables.fair
    assert fair is not None  # load_store refuses a store without one
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column(t("fair.col.key", lang), style="dim", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column(t("fair.col.value", lang))
    for name in FAIR_KEYS:
        table.add_row(name, t(f"fair.key.{name}", lang), Text(_shown(name, getattr(fair, name), lang)))
    table.add_row("", t("fair.key.schema_version", lang), str(fair.schema_version))
    plan = fair.plan
    if isinstance(plan, dict):
        text = t("fair.plan", lang, width=plan.get("width"), height=plan.get("height"),
                 zones=len(plan.get("zones", [])))  # fmt: skip
    else:
        text = t("fair.no_plan", lang)
    table.add_row("", t("fair.key.plan", lang), text)
    table.add_row("", t("fair.key.records", lang), t("fair.records", lang,
                  booths=format_number(len(loaded.tables.booths), lang),
                  products=format_number(len(loaded.tables.products), lang)))  # fmt: skip
    table.add_row("", t("fair.key.store", lang), Text(show_path(path)))
    console = stdout()
    console.print(table)
    console.print(Text(t("fair.show.hint", lang, data=data_argument(path))), soft_wrap=True)


@fair_group.command("set")
@click.argument("key", cls=HelpArgument)
@click.argument("value", cls=HelpArgument)
@data_option
@click.pass_context
def set_command(ctx: click.Context, key: str, value: str, data_path: Path | None) -> None:
    lang = _lang(ctx)
    try:
        name = fair_key(key)
        new_value = parse_detail(name, value)
    except DetailRejected as error:
        fail(detail_message(error, lang), EXIT_UNREADABLE, lang)
    path = resolve_writable(data_path, lang)
    label = t(f"fair.key.{name}", lang)
    try:
        current = load_store(path).tables.fair
    except StoreError as error:
        report_store_error(error, lang)
    console = stdout()
    if current is not None and getattr(current, name) == new_value:  # nothing to write, nothing to back up
        console.print(Text(t("fair.set.same", lang, label=label, value=_shown(name, new_value, lang),
                             path=show_path(path))))  # fmt: skip
        return
    before: dict[str, Any] = {}

    def change(db: TinyDB) -> None:
        tables = db.storage.read() or {}
        fair = next((doc for doc in tables.get("fair", {}).values() if isinstance(doc, dict)), {})
        before["value"] = fair.get(name, False if name == "demo" else "")
        if before["value"] != new_value:
            db.storage.write(with_details(tables, {name: new_value}))

    try:
        result = write_store(path, change)
    except DetailRejected as error:
        fail(detail_message(error, lang), EXIT_UNREADABLE, lang)
    except StoreBusy:
        fail(t("import.busy", lang, path=show_path(path)), StoreBusy.exit_code, lang)
    except StoreError as error:
        report_store_error(error, lang)
    console.print(Text(t("fair.set.done", lang, label=label, path=show_path(path),
                         old=_shown(name, before["value"], lang), new=_shown(name, new_value, lang)),
                       style="bold green"))  # fmt: skip
    if result.backup is not None:
        undo = f"ocop-tui restore {shell_word(result.backup.name)}{data_argument(path)}"
        console.print(
            Text(t("fair.set.backup", lang, name=show_path(result.backup.name), command=undo)), soft_wrap=True
        )


def register(main: click.Group) -> None:
    main.add_command(fair_group)
