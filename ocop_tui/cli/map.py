"""`ocop-tui migrate`: upgrade a schema version 1 store to version 2 by writing the floor plan into it.

The automatic layout a version 1 store gets when it is opened is written through store.write_store, the
one write path: locked, validated, backed up, replaced atomically. Reading a version 1 store never
changes it; only this command does.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.text import Text

from ocop_tui.cli.common import (
    EXIT_OK,
    data_option,
    report_store_error,
    resolve_data,
    resolve_writable,
    show_path,
    stdout,
)
from ocop_tui.cli.help_text import HelpCommand
from ocop_tui.i18n import format_number, t
from ocop_tui.model import SCHEMA_VERSION, Lang
from ocop_tui.plan.layout import migrate_tables, plan_from_tables
from ocop_tui.store.contract import CheckedTables
from ocop_tui.store.errors import StoreError
from ocop_tui.store.reading import load_store
from ocop_tui.store.writing import write_store
from ocop_tui.text import clean


def plan_notice(checked: CheckedTables, lang: Lang) -> str | None:
    """What `validate` says about a store without a floor plan (None when it has one)."""
    if checked.fair is None or checked.fair.plan is not None:
        return None
    return t("map.auto_layout", lang, version=checked.fair.schema_version)


def _needs_migration(checked: CheckedTables) -> bool:
    fair = checked.fair
    return fair is not None and (fair.plan is None or fair.schema_version < SCHEMA_VERSION)


@click.command(cls=HelpCommand)
@data_option
@click.option("--dry-run", is_flag=True)
@click.pass_context
def migrate(ctx: click.Context, data_path: Path | None, dry_run: bool) -> None:
    lang: Lang = (ctx.obj or {}).get("lang", "vi")
    path = resolve_data(data_path) if dry_run else resolve_writable(data_path, lang)
    try:
        loaded = load_store(path)
    except StoreError as error:
        report_store_error(error, lang)
    console = stdout()
    if not _needs_migration(loaded.tables):
        console.print(Text(clean(t("map.migrate.current", lang, path=show_path(path), version=SCHEMA_VERSION))))
        sys.exit(EXIT_OK)
    preview = plan_from_tables(loaded.tables)
    values = {
        "path": show_path(path),
        "version": SCHEMA_VERSION,
        "booths": format_number(len(preview.booths), lang),
        "width": preview.width,
        "height": preview.height,
    }
    if dry_run:
        console.print(Text(clean(t("map.migrate.dry_run", lang, **values))))
        sys.exit(EXIT_OK)

    def change(db) -> None:  # type: ignore[no-untyped-def]
        # Laid out again from the tables read under the lock, in case the file changed meanwhile.
        db.storage.write(migrate_tables(db.storage.read() or {}))

    try:
        result = write_store(path, change)
    except StoreError as error:
        report_store_error(error, lang)
    plan = plan_from_tables(result.checked)
    values.update(booths=format_number(len(plan.booths), lang), width=plan.width, height=plan.height)
    console.print(
        Text(
            clean(t("map.migrate.done", lang, backup=show_path(result.backup) if result.backup else "-", **values)),
            style="green",
        )
    )


def register(main: click.Group) -> None:
    main.add_command(migrate)
