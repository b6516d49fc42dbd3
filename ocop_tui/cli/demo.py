"""`ocop-tui demo-data`: write the generated demo fair (data/fair.json, or a bigger one for benchmarks).

Registered on the `ocop-tui` group by one line at the end of cli.py. The file is written through
store.write_store like every other change (lock, validation, backup, atomic replace), so a new
demo store is checked against the data contract before it reaches the disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from rich.text import Text
from tinydb import TinyDB

from ocop_tui.cli.common import EXIT_UNREADABLE, fail, report_store_error, show_path, stdout
from ocop_tui.cli.help_text import HelpCommand
from ocop_tui.demo.figures import DEFAULT_PRODUCTS, DEFAULT_SEED, MAX_BOOTHS, MAX_PRODUCTS
from ocop_tui.demo.generator import generate_fair
from ocop_tui.i18n import format_number, t
from ocop_tui.model import Lang
from ocop_tui.store.errors import StoreError
from ocop_tui.store.writing import write_store


@click.command("demo-data", cls=HelpCommand)
@click.option("--out", "out", type=click.Path(path_type=Path, dir_okay=False), required=True)
@click.option("--products", type=click.IntRange(1, MAX_PRODUCTS), default=DEFAULT_PRODUCTS, show_default=True)
@click.option("--booths", type=click.IntRange(1, MAX_BOOTHS), default=None)
@click.option("--seed", type=int, default=DEFAULT_SEED, show_default=True)
@click.option("--floor-plan/--no-floor-plan", default=True, show_default=True)
@click.option("--force", is_flag=True)
@click.pass_context
def demo_data(
    ctx: click.Context, out: Path, products: int, booths: int | None, seed: int, floor_plan: bool, force: bool
) -> None:
    lang: Lang = (ctx.obj or {}).get("lang", "vi")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        fail(t("demo.no_folder", lang, folder=show_path(folder)), EXIT_UNREADABLE, lang)
    if out.exists() and not force:
        fail(t("demo.exists", lang, path=show_path(out)), EXIT_UNREADABLE, lang)
    tables = generate_fair(products, booths, seed, floor_plan=floor_plan)

    def replace_all(db: TinyDB) -> None:
        db.storage.write(tables)  # every table replaced: nothing of an old file survives

    try:
        # replaces_all: with --force even a damaged file is replaced (and still backed up first).
        result = write_store(out, replace_all, create=True, replaces_all=True)
    except StoreError as error:
        report_store_error(error, lang)
    except OSError as error:  # e.g. a read-only folder: the lock or the temporary file cannot be made
        fail(t("demo.cannot_write", lang, path=show_path(out), reason=error.strerror or error), EXIT_UNREADABLE, lang)
    written: Any = result.checked
    stdout().print(
        Text(t("cli.demo.written", lang, path=show_path(out), booths=format_number(len(written.booths), lang),
               products=format_number(len(written.products), lang)), style="green")
    )  # fmt: skip


def register(group: click.Group) -> None:
    group.add_command(demo_data)
