"""The `ocop-tui` command group: the browser by default, the kiosk with --kiosk, and the organisers'
commands, each group of them in its own module of this package, imported only when it is used.

Exit codes: 0 ok, 1 invalid data, 2 unreadable file or bad usage (see common.py).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from typing import Any, NoReturn

import click

from ocop_tui.cli.common import (
    data_option,
    die_quietly_on_a_closed_pipe,
    fail_unexpected,
    lang_option,
    open_catalog_or_exit,
    require_terminal,
    resolve_data,
    run_app,
    tolerate_narrow_terminals,
)
from ocop_tui.cli.help_text import HelpGroup
from ocop_tui.cli.usage import lang_of, show_aborted, show_click_error
from ocop_tui.i18n import DEFAULT_LANG
from ocop_tui.kiosk.config import MAX_IDLE_SECONDS, MIN_IDLE_SECONDS
from ocop_tui.model import Lang


class DefaultToApp(HelpGroup):
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
            import_module(self._registrars.pop(0)).register(self)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None and self._registrars:
            self._register_all()
            command = super().get_command(ctx, cmd_name)
        return command

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._register_all()
        return super().list_commands(ctx)

    def invoke(self, ctx: click.Context) -> object:
        """Run the command; an exception no command expected ends it with one line and exit 2 (never a
        traceback). click's own exceptions, exits and EOFError (a prompt with stdin closed) stay click's."""
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, EOFError):
            raise
        except (Exception, MemoryError) as error:
            fail_unexpected(error, (ctx.obj or {}).get("lang", DEFAULT_LANG))

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:  # fmt: skip
        """Click's main, with its own messages (usage errors, "Aborted!") in the language `--lang` asks for."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        tolerate_narrow_terminals()  # before click says anything: its error may be Vietnamese
        lang = lang_of(sys.argv[1:] if args is None else list(args))
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as error:
            show_click_error(error, lang)
            exit_with(error.exit_code)
        except click.Abort:
            show_aborted(lang)
            exit_with(1)
        # Standalone click exits 0 after a command, or with the code a command's ctx.exit() gave.
        exit_with(result if isinstance(result, int) else 0)


def exit_with(code: int) -> NoReturn:
    sys.exit(code)


# Every command's and option's help text, in both languages, is in ocop_tui/i18n/cli_help.py.
@click.group(cls=DefaultToApp, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@data_option
@lang_option
@click.option("--kiosk", is_flag=True)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
)
@click.option(
    "--idle-seconds",
    type=click.IntRange(MIN_IDLE_SECONDS, MAX_IDLE_SECONDS),
    default=None,
)
@click.pass_context
def main(ctx: click.Context, data_path: Path | None, lang: Lang, kiosk: bool, config_path: Path | None,
         idle_seconds: int | None) -> None:  # fmt: skip
    ctx.ensure_object(dict)
    tolerate_narrow_terminals()
    ctx.obj["lang"] = lang
    ctx.obj["config_path"] = config_path
    if ctx.invoked_subcommand is not None:
        die_quietly_on_a_closed_pipe()  # the commands print and end; the UI keeps Python's own handling
        return
    path = resolve_data(data_path)
    if kiosk:
        from ocop_tui.cli.kiosk import run_kiosk

        lang_given = ctx.get_parameter_source("lang") is not click.core.ParameterSource.DEFAULT
        run_kiosk(path, config_path, idle_seconds, lang, lang_given)
    catalog, _ = open_catalog_or_exit(path, lang)
    require_terminal(lang)  # after the store, so a broken store is reported as such even from a script
    from ocop_tui.ui.factory import make_app

    run_app(make_app(catalog, lang=lang))


main.register_later("ocop_tui.cli.check")  # type: ignore[attr-defined]
main.register_later("ocop_tui.cli.map")  # type: ignore[attr-defined]
main.register_later("ocop_tui.cli.data")  # type: ignore[attr-defined]
main.register_later("ocop_tui.cli.backups")  # type: ignore[attr-defined]
main.register_later("ocop_tui.cli.init")  # type: ignore[attr-defined]
main.register_later("ocop_tui.cli.fair")  # type: ignore[attr-defined]
main.register_later("ocop_tui.cli.demo")  # type: ignore[attr-defined]
main.register_later("ocop_tui.cli.kiosk")  # type: ignore[attr-defined]
main.register_later("ocop_tui.cli.search")  # type: ignore[attr-defined]
main.register_later("ocop_tui.cli.shortlist")  # type: ignore[attr-defined]
