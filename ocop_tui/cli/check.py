"""`ocop-tui validate` (the whole data contract, every problem listed) and `ocop-tui stats` (counts)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.text import Text

from ocop_tui.cli.common import (
    EXIT_INVALID,
    data_option,
    problems_table,
    record_names,
    report_store_error,
    resolve_data,
    show_path,
    stdout,
)
from ocop_tui.cli.help_text import HelpCommand
from ocop_tui.cli.map import plan_notice
from ocop_tui.i18n import format_number, t
from ocop_tui.model import GROUPS, Lang, group_label, province_label, stars_text
from ocop_tui.search.catalog import Catalog
from ocop_tui.store.contract import check_tables
from ocop_tui.store.errors import StoreError
from ocop_tui.store.reading import load_store, read_tables
from ocop_tui.text import clean, vi_sort_key

if TYPE_CHECKING:
    from rich.table import Table


@click.command(cls=HelpCommand)
@data_option
@click.pass_context
def validate(ctx: click.Context, data_path: Path | None) -> None:
    lang: Lang = ctx.obj["lang"]
    path = resolve_data(data_path)
    try:
        tables, _ = read_tables(path)
    except StoreError as error:
        report_store_error(error, lang)
    checked = check_tables(tables)  # the complete check: listing every problem is this command's job
    names = record_names(tables, checked.problems)  # the booth numbers and codes the problems are about
    console = stdout()
    if checked.errors or checked.fair is None:
        title = t("cli.invalid", lang, path=show_path(path), count=len(checked.errors))
        console.print(problems_table(checked.problems, lang, title=title, names=names))
        sys.exit(EXIT_INVALID)
    warnings = checked.warnings
    if warnings:
        console.print(problems_table(warnings, lang, title=t("cli.warnings", lang, count=len(warnings)), names=names))
    booths, products = format_number(len(checked.booths), lang), format_number(len(checked.products), lang)
    console.print(Text(t("cli.valid", lang, path=show_path(path), booths=booths, products=products), style="green"))
    if (notice := plan_notice(checked, lang)) is not None:
        console.print(Text(notice, style="yellow"))


def _count_table(title: str, counts: Counter[str], label, lang: Lang, order=None) -> Table:
    from rich.table import Table

    table = Table(title=title)
    table.add_column("", overflow="fold")
    table.add_column(t("cli.stats.count", lang), justify="right")
    keys = order(counts) if order else sorted(counts, key=lambda key: vi_sort_key(label(key)))
    for key in keys:
        table.add_row(Text(clean(label(key))), format_number(counts[key], lang))
    return table


@click.command(cls=HelpCommand)
@data_option
@click.pass_context
def stats(ctx: click.Context, data_path: Path | None) -> None:
    lang: Lang = ctx.obj["lang"]
    path = resolve_data(data_path)
    try:
        loaded = load_store(path)
    except StoreError as error:
        report_store_error(error, lang)
    catalog = Catalog.from_tables(loaded.tables, path)
    console = stdout()
    console.print(Text(clean(catalog.fair.text_in("name", lang)), style="bold"))
    console.print(
        Text(t("cli.stats.totals", lang, booths=format_number(len(catalog.booths), lang),
               products=format_number(len(catalog.products), lang),
               producers=format_number(catalog.producer_count, lang),
               provinces=format_number(len(catalog.provinces), lang)))
    )  # fmt: skip
    products = catalog.products
    console.print(_count_table(t("cli.stats.by_province", lang), Counter(p.province for p in products),
                               lambda k: province_label(k, lang), lang))  # fmt: skip
    console.print(_count_table(t("cli.stats.by_group", lang), Counter(p.group for p in products),
                               lambda k: group_label(k, lang), lang,
                               order=lambda c: [g for g in GROUPS if g in c]))  # fmt: skip
    console.print(
        _count_table(
            t("cli.stats.by_stars", lang),
            Counter(str(p.stars) for p in products),
            lambda k: stars_text(int(k)),
            lang,
            order=lambda c: sorted(c, reverse=True),
        )
    )
    console.print(_count_table(t("cli.stats.by_zone", lang), Counter(b.zone for b in catalog.booths),
                               lambda k: catalog.zone_label(k, lang), lang))  # fmt: skip


def register(main: click.Group) -> None:
    main.add_command(validate)
    main.add_command(stats)
