"""`ocop-tui shortlist list` and `ocop-tui shortlist export NAME --out FILE.csv|xlsx`: the named shortlists the
browser saves in the user's state folder, and one of them as a spreadsheet with the exhibitors' contacts for a
buyer's follow-up.

Exit codes as the other commands: 0 done, 2 an unknown or damaged list, an unreadable store, a file that
cannot be written or a wrong file type (one line on stderr). Items of the list that the store does not hold
(the list was made on another fair's data) are left out with a warning.
"""

from __future__ import annotations

from pathlib import Path

import click
from rich.text import Text

from ocop_tui.cli.common import (
    EXIT_UNREADABLE,
    data_option,
    fail,
    report_store_error,
    resolve_data,
    show_path,
    stderr,
    stdout,
)
from ocop_tui.cli.help_text import HelpArgument, HelpGroup
from ocop_tui.i18n import format_number, t
from ocop_tui.model import Lang
from ocop_tui.search.catalog import load_catalog
from ocop_tui.shortlist.followup import format_of, write_follow_up
from ocop_tui.shortlist.groups import group_by_booth
from ocop_tui.shortlist.storage import SavedShortlists, ShortlistError, describe_error
from ocop_tui.store.errors import StoreError
from ocop_tui.text import clean


@click.group("shortlist", cls=HelpGroup)
def shortlist() -> None:
    pass


@shortlist.command("list")
@click.pass_context
def list_shortlists(ctx: click.Context) -> None:
    lang: Lang = ctx.obj["lang"]
    book = SavedShortlists()
    saved = book.listing()
    console = stdout()
    if not saved:
        console.print(Text(t("shortlist.cli.none", lang, path=show_path(book.folder))))
        return
    from rich.table import Table

    table = Table(title=Text(t("shortlist.cli.title", lang, path=show_path(book.folder))), title_justify="left")
    for key, justify in (("name", "left"), ("items", "right"), ("saved", "left"), ("fair", "left")):
        table.add_column(t(f"shortlist.cli.col.{key}", lang), justify=justify, overflow="fold")  # type: ignore[arg-type]
    for info in saved:
        if info.damaged:
            table.add_row(Text(show_path(info.name)), "", Text(t("shortlist.cli.damaged", lang,
                          detail=clean(info.damaged)), style="red"), "")  # fmt: skip
            continue
        table.add_row(Text(clean(info.name)), format_number(info.items, lang),
                      Text(info.saved_at.replace("T", " ").removesuffix("+00:00")), Text(clean(info.fair)))  # fmt: skip
    console.print(table)


@shortlist.command("export")
@click.argument("name", cls=HelpArgument)
@click.option("--out", "out", required=True, type=click.Path(path_type=Path, dir_okay=False))
@data_option
@click.pass_context
def export_shortlist(ctx: click.Context, name: str, out: Path, data_path: Path | None) -> None:
    lang: Lang = ctx.obj["lang"]
    if format_of(out) is None:
        fail(t("shortlist.cli.bad_format", lang, path=show_path(out)), EXIT_UNREADABLE, lang)
    try:
        items = SavedShortlists().load(name)
    except ShortlistError as error:
        fail(describe_error(error, lang), EXIT_UNREADABLE, lang)
    try:
        catalog = load_catalog(resolve_data(data_path))
    except StoreError as error:
        report_store_error(error, lang)
    groups = group_by_booth(items, catalog)
    if groups.missing:
        keys = ", ".join(clean(item.key) for item in groups.missing[:10]) + (" …" if len(groups.missing) > 10 else "")
        stderr().print(Text(t("shortlist.cli.missing", lang, count=len(groups.missing), items=keys), style="yellow"))
    try:
        write_follow_up(out, groups, lang)
    except OSError as error:
        reason = error.strerror or str(error)
        fail(t("shortlist.cli.unwritable", lang, path=show_path(out), reason=reason), EXIT_UNREADABLE, lang)
    stdout().print(Text(t("shortlist.cli.written", lang, path=show_path(out), booths=format_number(len(groups), lang),
                          products=format_number(groups.product_count, lang))))  # fmt: skip


def register(main: click.Group) -> None:
    main.add_command(shortlist)
