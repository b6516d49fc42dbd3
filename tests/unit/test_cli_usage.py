"""Click's own messages follow `--lang`: usage errors in Vietnamese by default, in English exactly as click
words them with `--lang en`, whichever option click refuses and wherever `--lang` stands."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from ocop_tui.cli.main import DefaultToApp, main
from ocop_tui.cli.usage import lang_of
from ocop_tui.i18n.messages import CLICK_MESSAGES

# Words of click's English messages: none may be left in a Vietnamese one.
ENGLISH = re.compile(
    r"Usage:|Error:|Try '|Invalid value|Missing|No such|is not|does not exist|is a directory|Did you mean|"
    r"in the range|valid integer|requires an argument|OPTIONS|Aborted"
)


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(main, list(args), prog_name="ocop-tui")


class ClicksOwn:
    """The same group, run by click's own main (without the one that translates)."""

    name = "ocop-tui"

    def main(self, *args: Any, **kwargs: Any) -> Any:
        return click.Group.main(main, *args, **kwargs)


def clicks_own(*args: str) -> str:
    """What click itself shows for these arguments."""
    return CliRunner().invoke(ClicksOwn(), list(args), prog_name="ocop-tui").output  # type: ignore[arg-type]


# (arguments, what the Vietnamese message says): bad values, missing ones, unknown commands and options.
USAGE_ERRORS = [
    (("validate", "--data", "."), "Giá trị không hợp lệ cho '--data': Tệp '.' là một thư mục."),
    (("nosuch",), "Không có lệnh 'nosuch'."),
    (("validate", "--dat", "x"), "Không có tùy chọn '--dat'. Có phải ý bạn là '--data'?"),
    (("export",), "Thiếu tùy chọn '--out'."),
    (("search",), "Thiếu đối số 'TỪ-KHÓA...'."),
    (("--idle-seconds", "1"), "Giá trị không hợp lệ cho '--idle-seconds': 1 nằm ngoài khoảng 5<=x<=86400."),
    (("search", "--limit", "abc", "q"), "'abc' không phải là số nguyên hợp lệ."),
    (("search", "--limit", "0", "q"), "0 nằm ngoài khoảng x>=1."),
    (("--lang", "fr"), "'fr' không phải một trong 'vi', 'en'."),
    (("search", "--limit"), "Tùy chọn '--limit' cần một giá trị."),
]


@pytest.mark.parametrize(("args", "vietnamese"), USAGE_ERRORS, ids=[" ".join(args) for args, _ in USAGE_ERRORS])
def test_usage_errors_are_vietnamese_by_default_and_clicks_own_in_english(args: tuple[str, ...], vietnamese: str):
    shown = run(*args)
    assert shown.exit_code == 2
    assert vietnamese in shown.output and "Lỗi: " in shown.output
    assert not ENGLISH.search(shown.output), shown.output
    english = run("--lang", "en", *args)
    assert english.exit_code == 2
    assert english.output == clicks_own("--lang", "en", *args)  # click's own words, unchanged
    assert "Error: " in english.output
    # Line for line the same message: the usage line and the hint where click gives them.
    assert len(shown.output.splitlines()) == len(english.output.splitlines())
    assert shown.output.startswith("Cách dùng: ocop-tui") == english.output.startswith("Usage: ocop-tui")


def test_lang_is_read_wherever_it_stands_and_the_last_one_wins() -> None:
    assert lang_of([]) == "vi"
    assert lang_of(["--lang", "en", "search", "--limit", "x"]) == "en"
    assert lang_of(["--lang=en"]) == "en"
    assert lang_of(["--lang", "en", "--lang", "vi"]) == "vi"
    assert lang_of(["--lang", "fr"]) == "vi"  # not a language: the default says click's error
    assert lang_of(["search", "--", "--lang", "en"]) == "vi"  # after "--" it is a search, not an option
    assert run("--data", ".", "--lang", "en").output.startswith("Usage:")  # even after the refused option


def test_aborted_follows_the_language() -> None:
    group = DefaultToApp(invoke_without_command=True, params=[click.Option(["--lang"], default="vi")])

    @group.command()
    def stop() -> None:
        raise click.Abort

    assert CliRunner().invoke(group, ["stop"]).output.strip() == "Đã dừng."
    english = CliRunner().invoke(group, ["--lang", "en", "stop"])
    assert (english.exit_code, english.output.strip()) == (1, "Aborted!")


def test_a_command_that_ends_well_exits_0_and_one_that_exits_keeps_its_code(tmp_path: Path) -> None:
    group = DefaultToApp(invoke_without_command=True)

    @group.command()
    def fine() -> None:
        pass

    @group.command()
    @click.pass_context
    def three(ctx: click.Context) -> None:
        ctx.exit(3)

    assert CliRunner().invoke(group, ["fine"]).exit_code == 0
    assert CliRunner().invoke(group, ["three"]).exit_code == 3


def test_every_click_message_in_the_table_reads_in_vietnamese() -> None:
    """Each pattern of the table, given a message of its kind, gives Vietnamese (and a message it does not know
    is shown as it is)."""
    samples = {
        "Path '/x' is not writable.": "Đường dẫn '/x' không ghi được.",
        "Got unexpected extra argument (x)": "Có đối số thừa (x)",
        "Option '--out' does not take a value.": "Tùy chọn '--out' không nhận giá trị.",
        "Missing option '--format'. Choose from:\n\tcsv,\n\txlsx": (
            "Thiếu tùy chọn '--format'. Chọn một trong:\n\tcsv,\n\txlsx"
        ),
        "Missing command.": "Thiếu lệnh.",
        "Something new.": None,
    }
    for english, vietnamese in samples.items():
        assert CLICK_MESSAGES.vietnamese(english) == vietnamese
