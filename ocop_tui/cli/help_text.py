"""The help pages (`ocop-tui ... --help`) in the language of `--lang`: Vietnamese unless `--lang en` is given.

Every command and group of ocop-tui is a HelpCommand or HelpGroup (and every argument a HelpArgument). Their
pages take every text from one table, ocop_tui.i18n.cli_help, at the time the page is written: a command's
help by its path ("ocop-tui fair set"), an option's by the command's path and its long name, and click's own
words (the usage line, the headings, [default: ...], placeholders such as FILE) too. Nothing of the help
lives in the commands' code, so the table is the one source of both languages.

The language comes from the raw arguments (usage.lang_of), read when the root command parses them, because
`--help` is eager: it runs before `--lang` may have been parsed (`ocop-tui --help --lang en`).
"""

from __future__ import annotations

import copy
import textwrap

import click

from ocop_tui.cli.usage import lang_of
from ocop_tui.i18n import DEFAULT_LANG, STRINGS, t
from ocop_tui.i18n.cli_help import PLACEHOLDERS_VI
from ocop_tui.model import Lang

PROGRAM = "ocop-tui"
_LANG_META = "ocop_tui.help_lang"  # in ctx.meta, which the root's context shares with every child context


def help_lang(ctx: click.Context) -> Lang:
    return ctx.meta.get(_LANG_META, DEFAULT_LANG)  # type: ignore[no-any-return]


def command_path(ctx: click.Context) -> str:
    """The command's path as the table names it ("ocop-tui fair set"), whatever the program was called."""
    names = []
    while ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join([PROGRAM, *reversed(names)])


def option_name(option: click.Option) -> str:
    """The name an option's help is known by in the table: its longest spelling ("--help", "--floor-plan")."""
    return max(option.opts, key=len)


def option_help_key(path: str, option: click.Option) -> str:
    """The option's own text for this command, else the one shared by every command that has the option."""
    name = option_name(option)
    own = f"cli.help.{path} {name}"
    return own if own in STRINGS else f"cli.help.{name}"


def placeholder(english: str, lang: Lang) -> str:
    """A placeholder of a usage line or an option (FILE, [OPTIONS], KEY...) in `lang`."""
    return PLACEHOLDERS_VI.get(english, english) if lang == "vi" else english


def summary(text: str, limit: int) -> str:
    """A command's line in its group's list: the first sentence of its help, shortened to `limit` if need be."""
    first = " ".join(text.split("\n\n", 1)[0].split())
    end = first.find(". ")
    sentence = first if end < 0 else first[: end + 1]
    return sentence if len(sentence) <= limit else textwrap.shorten(sentence, limit, placeholder="…")


def option_row(option: click.Option, ctx: click.Context, path: str, lang: Lang) -> tuple[str, str]:
    """An option's line on a help page: its spelling with its placeholder, its help and click's notes."""
    shown = copy.copy(option)  # the same option, with the placeholder in `lang` for its spelling
    if not option.is_flag:
        shown.metavar = placeholder(option.make_metavar(ctx), lang)
    spelling = shown.get_help_record(ctx)
    assert spelling is not None  # hidden options are not asked for
    extra = option.get_help_extra(ctx)
    notes = [t("cli.help.env_var", lang, var=", ".join(extra["envvars"]))] if "envvars" in extra else []
    if "default" in extra:
        notes.append(t("cli.help.default", lang, default=extra["default"]))
    if "range" in extra:
        notes.append(extra["range"])
    if "required" in extra:
        notes.append(t("cli.help.required", lang))
    text = t(option_help_key(path, option), lang)
    return spelling[0], f"{text}  [{'; '.join(notes)}]" if notes else text


class HelpArgument(click.Argument):
    """An argument whose placeholder (KEY, QUERY...) is said in the language of --lang, on the help page and in
    the usage errors alike."""

    def make_metavar(self, ctx: click.Context) -> str:
        return placeholder(super().make_metavar(ctx), help_lang(ctx))


class HelpCommand(click.Command):
    """A command whose help page comes from the table, in the language of --lang."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.parent is None:  # the root sees every argument: --lang wherever it stands
            ctx.meta[_LANG_META] = lang_of(args)
        return super().parse_args(ctx, args)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [placeholder(piece, help_lang(ctx)) for piece in super().collect_usage_pieces(ctx)]

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        prefix = f"{t('cli.help.usage', help_lang(ctx))} "
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix=prefix)

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(t(f"cli.help.{command_path(ctx)}", help_lang(ctx)))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang, path = help_lang(ctx), command_path(ctx)
        options = [p for p in self.get_params(ctx) if isinstance(p, click.Option) and not p.hidden]
        if options:
            with formatter.section(t("cli.help.options", lang)):
                formatter.write_dl([option_row(option, ctx, path, lang) for option in options])


class HelpGroup(HelpCommand, click.Group):
    """A group whose help page, and its list of commands, come from the table; its subcommands are
    HelpCommands and HelpGroups too."""

    command_class = HelpCommand
    group_class = type  # a group made with @group.group() is of this group's class

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang, path = help_lang(ctx), command_path(ctx)
        names = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                names.append(name)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)  # as click leaves room for the names
        with formatter.section(t("cli.help.commands", lang)):
            formatter.write_dl([(name, summary(t(f"cli.help.{path} {name}", lang), limit)) for name in names])
