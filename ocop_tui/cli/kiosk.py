"""Kiosk commands: `ocop-tui --kiosk` (run_kiosk), `ocop-tui kiosk-pin` and `ocop-tui report misses`.

Registered on the `ocop-tui` group by one line at the end of cli.py; the --kiosk, --config and
--idle-seconds options live on the group, whose default branch calls run_kiosk(). Exit codes: 0 done,
1 invalid store, 2 bad config, no PIN, unreadable file or bad usage.
"""

from __future__ import annotations

import os
import signal
import sys
from dataclasses import replace
from pathlib import Path

import click
from rich.table import Table
from rich.text import Text

from ocop_tui.cli.common import (
    EXIT_UNREADABLE,
    fail,
    open_catalog_or_exit,
    require_terminal,
    run_app,
    shell_word,
    show_path,
    stderr,
    stdin_is_terminal,
    stdout,
)
from ocop_tui.cli.help_text import HelpCommand, HelpGroup
from ocop_tui.i18n import format_number, t
from ocop_tui.kiosk.config import ConfigError, load_settings, resolve_config_path, save_pin_hash
from ocop_tui.kiosk.misses import misses_path, most_frequent, read_misses
from ocop_tui.kiosk.pin import hash_pin, new_pin_problem
from ocop_tui.model import Lang

config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
)


def _lang(ctx: click.Context) -> Lang:
    return (ctx.obj or {}).get("lang", "vi")


def _config(ctx: click.Context, path: Path | None) -> Path | None:
    """A subcommand's --config, else the group's (`ocop-tui --config x.toml kiosk-pin`)."""
    return path if path is not None else (ctx.obj or {}).get("config_path")


def _pin_command(path: Path) -> str:
    """How to set the PIN for this config file, to paste into a terminal."""
    default = resolve_config_path(None)
    return "ocop-tui kiosk-pin" + ("" if path == default else f" --config {shell_word(path)}")


def run_kiosk(data_path: Path, config_path: Path | None, idle_seconds: int | None, lang: Lang,
              lang_given: bool) -> None:  # fmt: skip
    """The default command with --kiosk: check the config and the PIN, load the store, run locked down."""
    try:
        settings = load_settings(config_path)
    except ConfigError as error:
        fail(str(error), error.exit_code, lang)
    source = settings.source or resolve_config_path(config_path)
    if not settings.has_pin:
        fail(t("kiosk.no_pin", lang, path=show_path(source), command=_pin_command(source)), EXIT_UNREADABLE, lang)
    if idle_seconds is not None:
        settings = replace(settings, idle_seconds=idle_seconds)
    if settings.lang is not None and not lang_given:
        lang = settings.lang
    catalog, stamp = open_catalog_or_exit(data_path, lang)
    require_terminal(lang)
    from ocop_tui.ui.factory import make_app

    # Terminal keys must reach the app as keys, never as signals that stop or kill it.
    os.environ.pop("TEXTUAL_ALLOW_SIGNALS", None)
    for name in ("SIGINT", "SIGQUIT"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    run_app(make_app(catalog, lang=lang, kiosk=settings, stamp=stamp))


CONFIRM_ROUNDS = 3


def _read_pin(lang: Lang) -> str:
    """On a terminal: asked twice without echo, again if the two differ; else one line of stdin."""
    if stdin_is_terminal():
        for _ in range(CONFIRM_ROUNDS):
            pin = click.prompt(t("kiosk.pin.prompt", lang), hide_input=True, prompt_suffix=": ")
            if click.prompt(t("kiosk.pin.confirm", lang), hide_input=True, prompt_suffix=": ") == pin:
                return str(pin)
            stderr().print(Text(t("kiosk.pin.mismatch", lang), style="yellow"))
        fail(t("kiosk.pin.gave_up", lang), EXIT_UNREADABLE, lang)
    line = sys.stdin.readline() if sys.stdin is not None else ""  # stdin closed (`kiosk-pin <&-`)
    if not line:
        fail(t("kiosk.pin.none", lang), EXIT_UNREADABLE, lang)
    return line.strip()


@click.command("kiosk-pin", cls=HelpCommand)
@config_option
@click.pass_context
def kiosk_pin_command(ctx: click.Context, config_path: Path | None) -> None:
    lang = _lang(ctx)
    path = resolve_config_path(_config(ctx, config_path))
    try:
        load_settings(path)  # a broken file is reported before anything is asked
    except ConfigError as error:
        fail(str(error), error.exit_code, lang)
    pin = _read_pin(lang)
    problem = new_pin_problem(pin)
    if problem is not None:
        fail(t(problem, lang), EXIT_UNREADABLE, lang)
    try:
        saved = save_pin_hash(path, hash_pin(pin))
    except ConfigError as error:
        fail(str(error), error.exit_code, lang)
    except OSError as error:
        fail(f"{show_path(path)}: {error.strerror or error}", EXIT_UNREADABLE, lang)
    stdout().print(Text(t("kiosk.pin.saved", lang, path=show_path(saved)), style="green"))


@click.group("report", cls=HelpGroup)
def report_group() -> None:
    pass


@report_group.command("misses")
@config_option
@click.option("--top", type=click.IntRange(1, 10_000), default=20, show_default=True)
@click.pass_context
def misses_command(ctx: click.Context, config_path: Path | None, top: int) -> None:
    lang = _lang(ctx)
    try:
        settings = load_settings(_config(ctx, config_path))
    except ConfigError as error:
        fail(str(error), error.exit_code, lang)
    path = misses_path(settings.log_dir)
    entries = read_misses(path)
    console = stdout()
    if not entries:
        console.print(Text(t("report.none", lang, path=show_path(path))))
        return
    everything = most_frequent(entries, len(entries))
    console.print(Text(t("report.title", lang), style="bold"))
    table = Table()
    table.add_column(t("report.col.rank", lang), justify="right")
    table.add_column(t("report.col.count", lang), justify="right")
    table.add_column(t("report.col.query", lang), overflow="fold")
    table.add_column(t("report.col.where", lang))
    for rank, miss in enumerate(everything[:top], start=1):
        where = ", ".join(t(f"report.where.{w}", lang) if w in _WHERE else w for w in miss.where.split(", ") if w)
        table.add_row(str(rank), format_number(miss.count, lang), Text(miss.query), Text(where))
    console.print(table)
    total = t("report.total", lang, count=format_number(len(entries), lang),
              distinct=format_number(len(everything), lang), path=show_path(path))  # fmt: skip
    console.print(Text(total, style="dim"))


_WHERE = {"products", "booths"}  # list names with a translation; anything else is shown as written


def register(main: click.Group) -> None:
    for command in (kiosk_pin_command, report_group):
        main.add_command(command)
