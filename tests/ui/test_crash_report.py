"""A bug that ends the fair browser: one line naming a crash report, not Textual's traceback over the shell."""

from __future__ import annotations

from pathlib import Path

import pytest

from ocop_tui.paths import default_log_dir
from ocop_tui.ui.app import OcopApp
from ocop_tui.ui.crash_report import write_crash_report
from ocop_tui.ui.factory import make_app

from .fixtures import mini_catalog


def broken_help(self: OcopApp) -> None:
    secret = "a value of a local variable"  # noqa: F841  (Textual's report would print it)
    raise LookupError("the help went missing")


@pytest.mark.parametrize(("lang", "said"), [("vi", "Báo cáo lỗi:"), ("en", "Crash report:")])
async def test_a_bug_ends_the_browser_with_one_line_and_a_report(
    lang: str, said: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(OcopApp, "action_help", broken_help)
    app = make_app(mini_catalog(), lang=lang)  # type: ignore[arg-type]
    before = set(default_log_dir().glob("crash-*.txt"))
    with pytest.raises(LookupError):  # the error still reaches the caller (Textual's bookkeeping ran)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("f1")
            await pilot.pause()
    assert app.return_code == 1
    shown = capsys.readouterr().err
    assert "(LookupError)" in shown and said in shown
    assert "Traceback" not in shown and "a value of a local variable" not in shown
    reports = sorted(set(default_log_dir().glob("crash-*.txt")) - before)
    assert len(reports) == 1
    report = reports[0].read_text("utf-8")
    assert "Traceback" in report and "the help went missing" in report and "broken_help" in report
    assert reports[0].stat().st_mode & 0o077 == 0


def test_two_crashes_in_one_second_keep_both_reports(tmp_path: Path) -> None:
    paths = [write_crash_report(ValueError(str(n)), tmp_path) for n in range(2)]
    assert None not in paths and len(set(paths)) == 2


def test_an_unwritable_log_folder_is_no_second_error(tmp_path: Path) -> None:
    blocker = tmp_path / "log"
    blocker.write_text("a file where the folder should be")
    assert write_crash_report(ValueError("x"), blocker) is None
