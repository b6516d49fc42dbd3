"""`ocop-tui search QUERY`: the browser's product search from the command line, ranked the same way.

A Rich table of the first results (rank, name, stars, booth, province, code), or with --json one JSON
object per line for scripts. Exit 0 when something was found (close matches included: they are marked),
1 when nothing was, 2 for an unreadable store or bad usage.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.text import Text

from ocop_tui.cli.common import EXIT_INVALID, data_option, report_store_error, resolve_data, stderr, stdout
from ocop_tui.cli.help_text import HelpArgument, HelpCommand
from ocop_tui.i18n import format_number, t
from ocop_tui.model import Lang, province_label, stars_text
from ocop_tui.search.catalog import Catalog, load_catalog
from ocop_tui.search.describe import describe
from ocop_tui.search.results import ResultSet
from ocop_tui.store.errors import StoreError
from ocop_tui.text import clean

EXIT_NOTHING_FOUND = EXIT_INVALID  # 1: "no results" for a script, like grep


def product_rows(catalog: Catalog, result: ResultSet, limit: int) -> list[dict[str, object]]:
    """The first `limit` results as plain values (what --json prints, one per line)."""
    rows = []
    for rank, index in enumerate(result.ids[:limit], start=1):
        product = catalog.products[index]
        rows.append({
            "rank": rank, "code": product.code, "name": product.name, "name_en": product.name_en,
            "stars": product.stars, "booth": product.booth_no, "province": product.province,
            "producer": product.producer, "close": result.close,
        })  # fmt: skip
    return rows


@click.command("search", cls=HelpCommand)
@click.argument("query", nargs=-1, required=True, cls=HelpArgument)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@data_option
@click.pass_context
def search(ctx: click.Context, query: tuple[str, ...], limit: int, as_json: bool, data_path: Path | None) -> None:
    lang: Lang = ctx.obj["lang"]
    path = resolve_data(data_path)
    try:
        catalog = load_catalog(path)
    except StoreError as error:
        report_store_error(error, lang)
    text = " ".join(query)
    result = catalog.search_products(text)
    if not result.total:
        stderr().print(Text(t("cli.search.none", lang, query=clean(text))))
        sys.exit(EXIT_NOTHING_FOUND)
    rows = product_rows(catalog, result, limit)
    if as_json:
        out = sys.stdout
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    _print_table(rows, result, lang)


def _print_table(rows: list[dict[str, object]], result: ResultSet, lang: Lang) -> None:
    from rich.table import Table

    console = stdout()
    if result.close:
        console.print(Text(t("search.close", lang), style="bold yellow"))
    title = t("cli.search.title", lang, shown=format_number(len(rows), lang), total=format_number(result.total, lang),
              understood=describe(result, lang))  # fmt: skip
    table = Table(title=Text(clean(title)), title_justify="left")
    for key in ("rank", "name", "stars", "booth", "province", "code"):
        table.add_column(t(f"cli.search.col.{key}", lang), overflow="fold",
                         justify="right" if key == "rank" else "left")  # fmt: skip
    for row in rows:
        table.add_row(
            str(row["rank"]),
            Text(clean(str(row["name"]))),
            Text(stars_text(int(row["stars"])), style="yellow"),  # type: ignore[call-overload]
            Text(clean(str(row["booth"]))),
            Text(clean(province_label(str(row["province"]), lang))),
            Text(clean(str(row["code"]))),
        )
    console.print(table)


def register(main: click.Group) -> None:
    main.add_command(search)
