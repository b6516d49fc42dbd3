"""The `ocop-tui` command group: the browser by default, the kiosk with --kiosk, and the organisers'
commands, each group of them in its own module of this package, imported only when it is used.

Exit codes: 0 ok, 1 invalid data, 2 unreadable file or bad usage (see common.py).
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

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
from ocop_tui.i18n import DEFAULT_LANG
from ocop_tui.kiosk.config import MAX_IDLE_SECONDS, MIN_IDLE_SECONDS
from ocop_tui.model import Lang


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


@click.group(cls=DefaultToApp, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@data_option
@lang_option
@click.option("--kiosk", is_flag=True, help="Public kiosk mode: locked down, PIN to exit (see `ocop-tui kiosk-pin`).")
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Kiosk settings (TOML). Default: $OCOP_TUI_CONFIG, else the user's config folder.",
)
@click.option(
    "--idle-seconds",
    type=click.IntRange(MIN_IDLE_SECONDS, MAX_IDLE_SECONDS),
    default=None,
    help="Kiosk: back to the home screen after this long without input (default 90, or the config's).",
)
@click.pass_context
def main(ctx: click.Context, data_path: Path | None, lang: Lang, kiosk: bool, config_path: Path | None,
         idle_seconds: int | None) -> None:  # fmt: skip
    """Look up booths and OCOP products of the Mekong Delta OCOP Forum (Kiên Giang 2024).

    Without a command, opens the browser on the demo fair (or --data); with --kiosk, the locked-down kiosk.
    """
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
main.register_later("ocop_tui.cli.demo")  # type: ignore[attr-defined]
main.register_later("ocop_tui.cli.kiosk")  # type: ignore[attr-defined]
main.register_later("ocop_tui.cli.search")  # type: ignore[attr-defined]
main.register_later("ocop_tui.cli.shortlist")  # type: ignore[attr-defined]
