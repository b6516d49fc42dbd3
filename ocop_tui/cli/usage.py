"""Click's own messages in the language of `--lang` (Vietnamese unless `--lang en` is given): the usage
errors (a bad value, a missing option, an unknown command or option, an IntRange) and "Aborted!".

Click words these itself, in English, and often before any command runs: the group's `--lang` may not be
parsed yet when a later option is refused. So the group reads `--lang` from the arguments itself
(`lang_of`) and shows click's error in that language: in English as click shows it, in Vietnamese through
the table of click's messages (ocop_tui.i18n.messages), line by line.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import click

from ocop_tui.i18n import DEFAULT_LANG, t
from ocop_tui.i18n.messages import click_message
from ocop_tui.model import LANGS, Lang


def lang_of(args: Sequence[str]) -> Lang:
    """The language `--lang en` / `--lang=en` asks for among the command line's arguments (the last one given
    wins, as in click); the default when there is none or its value is not a language."""
    lang: Lang = DEFAULT_LANG
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        else:
            continue
        for known in LANGS:
            if value == known:
                lang = known
    return lang


def usage_error_text(error: click.ClickException, lang: Lang) -> str:
    """What click shows for `error` (the usage line and the help hint for a usage error, then "Error: ..."), in
    `lang`."""
    shown = io.StringIO()
    error.show(file=shown)
    english = shown.getvalue()
    if lang == "en":
        return english.rstrip("\n")
    message = error.format_message()
    head = english[: english.rfind(message)]
    head = head[: head.rfind("Error: ")] if "Error: " in head else ""  # the usage line and the hint, if any
    lines = [click_message(line, lang) for line in head.rstrip("\n").split("\n")] if head.strip() else []
    return "\n".join([*lines, *([""] if lines else []), f"{t('cli.error', lang)}: {click_message(message, lang)}"])


def show_click_error(error: click.ClickException, lang: Lang) -> None:
    click.echo(usage_error_text(error, lang), err=True)


def show_aborted(lang: Lang) -> None:
    click.echo(click_message("Aborted!", lang), err=True)
