"""Every help page (`ocop-tui ... --help`) follows `--lang`: Vietnamese by default with none of click's English
left, English with `--lang en` as click writes it; every command and option has its help in both languages
(the tree of commands is walked, so a new option without a translation fails here); no line is wider than
the terminal."""

from __future__ import annotations

import re
from collections.abc import Iterator

import click
import pytest
from click.testing import CliRunner, Result
from rich.cells import cell_len

from ocop_tui.cli.help_text import HelpArgument, HelpCommand, HelpGroup, option_help_key, summary
from ocop_tui.cli.main import main
from ocop_tui.i18n import STRINGS, t
from ocop_tui.model import LANGS

# Click's English words on a help page (headings, notes, placeholders) and our arguments' placeholders.
CLICKS_ENGLISH = re.compile(
    r"Usage|Options|Commands|Arguments|Show this message|default|required|env var|dynamic|"
    r"\b(INTEGER|FLOAT|RANGE|FILE|DIRECTORY|PATH|TEXT|BOOLEAN|OPTIONS|COMMAND|ARGS|KEY|VALUE|QUERY|NAME|BACKUP)\b"
)
VIETNAMESE_HEADINGS = re.compile(r"Cách dùng|Tùy chọn|Lệnh:|mặc\W+định|bắt\W+buộc|TỆP|TÙY CHỌN")


def command_tree(
    command: click.Command = main, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Every command and group under `command`, with its path of names below `ocop-tui`."""
    yield path, command
    if isinstance(command, click.Group):
        ctx = click.Context(command)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None
            yield from command_tree(sub, (*path, name))


COMMANDS = list(command_tree())
PATHS = [path for path, _ in COMMANDS]


def ids(path: tuple[str, ...]) -> str:
    return " ".join(("ocop-tui", *path))


def key_of(path: tuple[str, ...]) -> str:
    return f"cli.help.{ids(path)}"


def options_of(path: tuple[str, ...], command: click.Command) -> list[click.Option]:
    """The options a page lists, the help option included (as the page's own context sees them)."""
    ctx = context_of(path, command)
    return [p for p in command.get_params(ctx) if isinstance(p, click.Option)]


def context_of(path: tuple[str, ...], command: click.Command) -> click.Context:
    """The context click makes for the page of `path` (the group's settings, -h among them, passed down)."""
    ctx = click.Context(main, info_name="ocop-tui", **main.context_settings)
    parent: click.Command = main
    for name in path:
        assert isinstance(parent, click.Group)
        sub = parent.get_command(ctx, name)
        assert sub is not None
        ctx, parent = click.Context(sub, info_name=name, parent=ctx, **sub.context_settings), sub
    return ctx


def show_help(*args: str, columns: int = 80) -> Result:
    return CliRunner().invoke(main, list(args), prog_name="ocop-tui", env={"COLUMNS": str(columns)})


def flat(text: str) -> str:
    """The text with its lines joined, as a reader reads a wrapped paragraph (no-break spaces kept)."""
    return re.sub(r"[ \n]+", " ", text).strip()


def test_every_command_and_argument_takes_its_help_from_the_table() -> None:
    assert len(COMMANDS) >= 20  # the tree was really walked (lazily registered commands included)
    for path, command in COMMANDS:
        assert isinstance(command, HelpCommand), ids(path)
        if isinstance(command, click.Group):
            assert isinstance(command, HelpGroup), ids(path)
        for param in command.params:
            if isinstance(param, click.Argument):
                assert isinstance(param, HelpArgument), f"{ids(path)} {param.name}"
        assert command.help is None and all(p.help is None for p in command.params if isinstance(p, click.Option)), (
            f"{ids(path)}: help written in the code (the table is the one source)"
        )


@pytest.mark.parametrize("path", PATHS, ids=ids)
def test_every_command_and_option_has_its_help_in_both_languages(path: tuple[str, ...]) -> None:
    command = dict(COMMANDS)[path]
    vi, en = STRINGS[key_of(path)]
    assert vi.strip() and en.strip() and vi != en
    for option in options_of(path, command):
        key = option_help_key(ids(path), option)
        assert key in STRINGS, f"no help for {ids(path)} {option.opts[-1]} (add {key!r} to i18n/cli_help.py)"
        vi, en = STRINGS[key]
        assert vi.strip() and en.strip() and vi != en, key


def test_no_help_text_is_left_over_in_the_table() -> None:
    used = {key_of(path) for path in PATHS}
    for path, command in COMMANDS:
        used |= {option_help_key(ids(path), option) for option in options_of(path, command)}
    written = {key for key in STRINGS if key.startswith("cli.help.") and (" " in key or key.startswith("cli.help.-"))}
    assert written - used == set()


@pytest.mark.parametrize("path", PATHS, ids=ids)
def test_vietnamese_help_has_no_english_of_clicks_left(path: tuple[str, ...]) -> None:
    shown = show_help(*path, "--help")
    assert shown.exit_code == 0, shown.output
    assert shown.output.startswith(f"Cách dùng: {ids(path)} [TÙY CHỌN]")
    assert not CLICKS_ENGLISH.search(shown.output), CLICKS_ENGLISH.search(shown.output)
    page = flat(shown.output)
    assert "Tùy chọn:" in page and "-h, --help Hiện trang trợ giúp này rồi thoát." in page
    assert flat(summary(t(key_of(path), "vi"), 10_000)) in page  # the command's own summary
    for option in options_of(path, dict(COMMANDS)[path]):
        assert flat(t(option_help_key(ids(path), option), "vi"))[:30] in page, option.opts


@pytest.mark.parametrize("path", [path for path, command in COMMANDS if isinstance(command, click.Group)], ids=ids)
def test_a_group_lists_its_commands_with_their_whole_summary(path: tuple[str, ...]) -> None:
    for lang in LANGS:
        lines = show_help("--lang", lang, *path, "--help").output.splitlines()
        listed = lines[lines.index(t("cli.help.commands", lang) + ":") + 1 :]
        for sub in [p for p in PATHS if len(p) == len(path) + 1 and p[: len(path)] == path]:
            line = next(line for line in listed if line.split()[0] == sub[-1])
            assert line.split(None, 1)[1] == summary(t(key_of(sub), lang), 10_000), line  # whole, on one line


@pytest.mark.parametrize("path", PATHS, ids=ids)
def test_english_help_is_clicks_own_with_the_tables_english(path: tuple[str, ...]) -> None:
    command = dict(COMMANDS)[path]
    shown = show_help("--lang", "en", *path, "--help")
    assert shown.exit_code == 0, shown.output
    assert shown.output.startswith(f"Usage: {ids(path)} [OPTIONS]")
    assert not VIETNAMESE_HEADINGS.search(shown.output)
    page = flat(shown.output)
    assert "Options:" in page and "-h, --help Show this message and exit." in page
    assert flat(summary(t(key_of(path), "en"), 10_000)) in page
    ctx = context_of(path, command)
    for option in options_of(path, command):
        spelling, _ = option.get_help_record(ctx) or ("", "")
        assert f"  {spelling}  " in shown.output or f"  {spelling}\n" in shown.output  # click's own, FILE and all
        assert flat(t(option_help_key(ids(path), option), "en"))[:30] in page


def test_clicks_notes_follow_the_language() -> None:
    vietnamese = flat(show_help("demo-data", "--help").output)
    assert "--products SỐ Số sản phẩm. [mặc\u00a0định: 2951; 1<=x<=300000]" in vietnamese
    assert "--out TỆP Tệp dữ liệu cần ghi (JSON của TinyDB). [bắt\u00a0buộc]" in vietnamese
    english = flat(show_help("--lang", "en", "demo-data", "--help").output)
    assert "--products INTEGER RANGE Number of products. [default: 2951; 1<=x<=300000]" in english
    assert "--out FILE The store file to write (TinyDB JSON). [required]" in english


@pytest.mark.parametrize(
    "args",
    [("--lang", "en", "import", "--help"), ("--lang=en", "import", "-h"), ("--help", "--lang", "en")],
    ids=" ".join,
)
def test_lang_counts_wherever_it_stands_even_after_the_eager_help(args: tuple[str, ...]) -> None:
    assert show_help(*args).output.startswith("Usage: ocop-tui")


def test_a_usage_error_names_the_arguments_as_the_help_page_does() -> None:
    shown = show_help("fair", "set")
    assert shown.exit_code == 2
    assert shown.output.startswith("Cách dùng: ocop-tui fair set [TÙY CHỌN] KHÓA GIÁ-TRỊ\n")
    assert "Lỗi: Thiếu đối số 'KHÓA'." in shown.output
    english = show_help("--lang", "en", "fair", "set")
    assert english.output.startswith("Usage: ocop-tui fair set [OPTIONS] KEY VALUE\n")
    assert "Error: Missing argument 'KEY'." in english.output


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PATHS, ids=ids)
def test_help_fits_the_terminal(path: tuple[str, ...], lang: str, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    # Run by click's main itself: CliRunner writes every page 80 wide, whatever COLUMNS says.
    for columns in (80, 60):
        monkeypatch.setenv("COLUMNS", str(columns))
        assert main.main(["--lang", lang, *path, "--help"], prog_name="ocop-tui", standalone_mode=False) == 0
        page = capsys.readouterr().out
        assert page.startswith(("Cách dùng: ", "Usage: "))
        wide = [line for line in page.splitlines() if cell_len(line) > columns]
        assert not wide, (columns, wide)
