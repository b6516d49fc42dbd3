"""The `ocop-tui` command: the browser by default, plus tools for organisers (validate, stats, ...).

Exit codes: 0 ok, 1 invalid data, 2 unreadable file or bad usage. Errors go to stderr as one clear
message, never a traceback. Data strings reach Rich only as Text, so they are never parsed as markup.
"""

from __future__ import annotations

import sys
from collections import Counter
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click
from rich.console import Console
from rich.text import Text

from .config import MAX_IDLE_SECONDS, MIN_IDLE_SECONDS
from .i18n import DEFAULT_LANG, format_number, t
from .model import LANGS, Lang, group_label, stars_text
from .paths import demo_store_path
from .records import Problem
from .store import StoreError, StoreInvalid, load_store
from .text import clean, vi_sort_key

if TYPE_CHECKING:
    from threading import Timer

    from rich.table import Table
    from textual.app import App

    from .catalog import Catalog
    from .store import FileStamp

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2

data_option = click.option(
    "--data",
    "data_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="The store (TinyDB JSON file). Default: the demo fair.",
)
lang_option = click.option(
    "--lang", type=click.Choice(LANGS), default=DEFAULT_LANG, show_default=True, help="Language of the interface."
)


def stdout() -> Console:
    return Console(highlight=False)


def stderr() -> Console:
    return Console(stderr=True, highlight=False)


def resolve_data(path: Path | None) -> Path:
    return path if path is not None else demo_store_path()


def fail(message: str, code: int, lang: Lang = DEFAULT_LANG) -> NoReturn:
    """Print one message to stderr and exit; the message is shown literally."""
    stderr().print(Text(f"{t('cli.error', lang)}: ", style="bold red") + Text(clean(message)))
    sys.exit(code)


def problems_table(problems: list[Problem], lang: Lang, *, title: str | None = None) -> Table:
    from rich.table import Table  # only when there is something to list: not on the app's start path

    table = Table(title=title, show_lines=False, expand=False)
    for key in ("cli.col.severity", "cli.col.table", "cli.col.record", "cli.col.field", "cli.col.value",
                "cli.col.problem"):  # fmt: skip
        table.add_column(t(key, lang), overflow="fold")
    for problem in problems:
        style = "red" if problem.is_error else "yellow"
        table.add_row(
            Text(t(f"cli.severity.{problem.severity}", lang), style=style),
            Text(problem.table),
            Text(problem.record),
            Text(problem.field),
            Text(problem.value),
            Text(problem.message),
        )
    return table


def report_store_error(error: StoreError, lang: Lang) -> NoReturn:
    if isinstance(error, StoreInvalid):
        errors = [p for p in error.problems if p.is_error]
        console = stderr()
        console.print(problems_table(errors[:200], lang, title=t("cli.invalid", lang, path=error.path, count=len(errors))))
        fail(str(error), error.exit_code, lang)
    fail(str(error), error.exit_code, lang)


def _tolerate_narrow_terminals() -> None:
    """A latin-1 or ASCII terminal cannot show "Lỗi": escape what it cannot print instead of crashing."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
            reconfigure(errors="backslashreplace")


class DefaultToApp(click.Group):
    """A group whose bare invocation runs the browser (`ocop-tui --data x.json`).

    The organisers' commands live in their own modules, registered with `register_later`: they are
    imported only when a command is looked up or listed, so starting the browser does not pay for them.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._registrars: list[str] = []

    def register_later(self, module: str) -> None:
        """`module`.register(group) adds its commands when one is first needed."""
        self._registrars.append(module)

    def _register_all(self) -> None:
        while self._registrars:
            import_module(self._registrars.pop(0), __package__).register(self)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None and self._registrars:
            self._register_all()
            command = super().get_command(ctx, cmd_name)
        return command

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._register_all()
        return super().list_commands(ctx)


@click.group(cls=DefaultToApp, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@data_option
@lang_option
@click.option("--kiosk", is_flag=True, help="Public kiosk mode: locked down, PIN to exit (see `ocop-tui kiosk-pin`).")
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Kiosk settings (TOML). Default: $OCOP_TUI_CONFIG, else the user's config folder.")
@click.option("--idle-seconds", type=click.IntRange(MIN_IDLE_SECONDS, MAX_IDLE_SECONDS), default=None,
              help="Kiosk: back to the home screen after this long without input (default 90, or the config's).")
@click.pass_context
def main(ctx: click.Context, data_path: Path | None, lang: Lang, kiosk: bool, config_path: Path | None,
         idle_seconds: int | None) -> None:  # fmt: skip
    """Look up booths and OCOP products of the Mekong Delta OCOP Forum (Kiên Giang 2024).

    Without a command, opens the browser on the demo fair (or --data); with --kiosk, the locked-down kiosk.
    """
    ctx.ensure_object(dict)
    _tolerate_narrow_terminals()
    ctx.obj["lang"] = lang
    ctx.obj["config_path"] = config_path
    if ctx.invoked_subcommand is not None:
        return
    path = resolve_data(data_path)
    if kiosk:
        from .cli_kiosk import run_kiosk

        lang_given = ctx.get_parameter_source("lang") is not click.core.ParameterSource.DEFAULT
        run_kiosk(path, config_path, idle_seconds, lang, lang_given)
    catalog, _, cache_writer = open_catalog_or_exit(path, lang)
    from .ui.app import make_app

    run_app(make_app(catalog, lang=lang), cache_writer)


def open_catalog_or_exit(path: Path, lang: Lang) -> tuple[Catalog, FileStamp, Timer | None]:
    """The app's catalogue (from the validated-catalogue cache, or the store read and checked), or the
    store's error reported and the exit code that goes with it."""
    from .catalog_cache import open_catalog
    from .memory import long_lived, release_free_memory

    with long_lived():
        try:
            opened = open_catalog(path)
        except StoreError as error:
            report_store_error(error, lang)
    release_free_memory()  # what the JSON parser and the checks used: not needed once the records exist
    return opened


def run_app(app: App[int], cache_writer: Timer | None) -> NoReturn:
    """Run the app to its end; a catalogue cache write not yet begun is left for the next start."""
    try:
        app.run()
    finally:
        if cache_writer is not None:
            cache_writer.cancel()
    sys.exit(app.return_code or 0)


@main.command()
@data_option
@click.pass_context
def validate(ctx: click.Context, data_path: Path | None) -> None:
    """Check a store against the data contract and list every problem."""
    lang: Lang = ctx.obj["lang"]
    path = resolve_data(data_path)
    try:
        loaded = load_store(path)
    except StoreInvalid as error:
        stdout().print(problems_table(error.problems, lang, title=t("cli.invalid", lang, path=path,
                                                                     count=len([p for p in error.problems if p.is_error]))))
        sys.exit(EXIT_INVALID)
    except StoreError as error:
        report_store_error(error, lang)
    console = stdout()
    warnings = loaded.tables.warnings
    if warnings:
        console.print(problems_table(warnings, lang, title=t("cli.warnings", lang, count=len(warnings))))
    console.print(
        Text(
            t("cli.valid", lang, path=path, booths=format_number(len(loaded.tables.booths), lang),
              products=format_number(len(loaded.tables.products), lang)),
            style="green",
        )
    )
    from .cli_map import plan_notice  # schema 1: say that the floor plan is made up on the fly

    if (notice := plan_notice(loaded.tables, lang)) is not None:
        console.print(Text(notice, style="yellow"))


def _count_table(title: str, counts: Counter[str], label, lang: Lang, order=None) -> Table:
    from rich.table import Table

    table = Table(title=title)
    table.add_column("", overflow="fold")
    table.add_column(t("cli.stats.count", lang), justify="right")
    keys = order(counts) if order else sorted(counts, key=vi_sort_key)
    for key in keys:
        table.add_row(Text(clean(label(key))), format_number(counts[key], lang))
    return table


@main.command()
@data_option
@click.pass_context
def stats(ctx: click.Context, data_path: Path | None) -> None:
    """Counts by province, group, stars and zone."""
    lang: Lang = ctx.obj["lang"]
    path = resolve_data(data_path)
    try:
        loaded = load_store(path)
    except StoreError as error:
        report_store_error(error, lang)
    from .catalog import Catalog

    catalog = Catalog.from_tables(loaded.tables, path)
    console = stdout()
    console.print(Text(clean(catalog.fair.name), style="bold"))
    console.print(
        Text(t("cli.stats.totals", lang, booths=format_number(len(catalog.booths), lang),
               products=format_number(len(catalog.products), lang),
               producers=format_number(catalog.producer_count, lang),
               provinces=format_number(len(catalog.provinces), lang)))
    )  # fmt: skip
    from .model import GROUPS, province_label

    products = catalog.products
    console.print(_count_table(t("cli.stats.by_province", lang), Counter(p.province for p in products),
                               lambda k: province_label(k, lang), lang))  # fmt: skip
    console.print(_count_table(t("cli.stats.by_group", lang), Counter(p.group for p in products),
                               lambda k: group_label(k, lang), lang,
                               order=lambda c: [g for g in GROUPS if g in c]))  # fmt: skip
    console.print(_count_table(t("cli.stats.by_stars", lang), Counter(str(p.stars) for p in products),
                               lambda k: stars_text(int(k)), lang, order=lambda c: sorted(c, reverse=True)))  # fmt: skip
    console.print(_count_table(t("cli.stats.by_zone", lang), Counter(b.zone for b in catalog.booths),
                               lambda k: k, lang))  # fmt: skip
main.register_later(".cli_map")  # type: ignore[attr-defined]
main.register_later(".cli_data")  # type: ignore[attr-defined]
main.register_later(".cli_demo")  # type: ignore[attr-defined]
main.register_later(".cli_kiosk")  # type: ignore[attr-defined]
