"""The kiosk as a real process in a pseudo-terminal: an unexpected error that keeps coming (the kiosk gets over
the first ones: recovery.py) ends it with one line that shows neither the typed PIN nor the hash (Textual's own
traceback would, in its local variables); and the right PIN ends the process even while a look at the store
hangs in its thread.

Also the two Textual private methods the kiosk overrides (ui/kiosk/crash.py), seen working in a Pilot test.
"""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from benchmarks.terminal import TerminalProgram, TerminalTimeout
from ocop_tui.kiosk import pin as pin_module
from ocop_tui.kiosk.config import save_pin_hash
from ocop_tui.kiosk.pin import hash_pin
from ocop_tui.ui.kiosk.crash import describe_crash
from ocop_tui.ui.kiosk.recovery import MAX_RECOVERIES
from tests.unit.importdata import write_store

from .conftest import type_text
from .kiosk_support import PIN, kiosk_on_file, settle

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a POSIX pseudo-terminal")

THE_PIN = "482913"
LEAKY = """
from ocop_tui.kiosk import pin


def leaky(typed, stored):  # a failure whose message and local variables hold the PIN and the hash
    pin_typed, hash_stored = typed, stored
    raise ValueError(f"cannot check {typed} against {stored}")


pin.verify_pin = leaky
"""
HANGING = """
import os
from pathlib import Path
from ocop_tui.kiosk import watch

started = Path(os.environ["CHECK_STARTED"])


def hanging(path):  # a reload that never returns: its thread is blocked in a read forever
    started.write_text("blocked")
    with open(os.environ["NOBODY_WRITES"], "rb") as never:
        never.read()


watch.open_catalog = hanging
"""


def kiosk_process(tmp_path: Path, prelude: str, env: dict[str, str] | None = None) -> tuple[TerminalProgram, str]:
    store = tmp_path / "fair.json"
    write_store(store)
    config = tmp_path / "kiosk.toml"
    save_pin_hash(config, hash_pin(THE_PIN, n=16, r=1, p=1))
    config.write_text(config.read_text() + "reload_seconds = 0.5\n", encoding="utf-8")
    script = prelude + textwrap.dedent(
        f"""
        from ocop_tui.cli.main import main
        main(["--lang", "en", "--kiosk", "--data", {str(store)!r}, "--config", {str(config)!r}])
        """
    )
    # COLUMNS and LINES (set under pytest-xdist) would override the pty's size in Textual.
    env = {"XDG_STATE_HOME": str(tmp_path / "state"), "COLUMNS": "100", "LINES": "30", **(env or {})}
    program = TerminalProgram([sys.executable, "-c", script], cols=100, rows=30, cwd=Path.cwd(), env=env)
    return program, config.read_text()


def read_to_the_end(program: TerminalProgram) -> bytes:
    """Everything the program writes until it exits (its pty closes)."""
    out = b""
    while True:
        try:
            data = program._read(30)
        except TerminalTimeout:  # the child has exited and closed the pty
            return out + program.transcript_tail[-200:]
        if data is None:
            raise AssertionError("the kiosk did not exit: " + out[-500:].decode("utf-8", "replace"))
        out += data


def type_the_pin(program: TerminalProgram) -> None:
    program.press("ctrl+q")
    program.wait_for([b"Staff only"], since=0, timeout=30)
    for digit in THE_PIN:
        program.press(digit)
    program.press("enter")


def test_an_error_while_checking_the_pin_is_one_line_without_the_pin_or_the_hash(tmp_path: Path) -> None:
    program, config = kiosk_process(tmp_path, LEAKY)
    try:
        program.wait_for([b"Find a product"], since=0, timeout=60)
        for _ in range(MAX_RECOVERIES):  # the kiosk gets over these: logged, back home (drawn anew)
            type_the_pin(program)
            program.wait_for([b"Find a product"], since=0, timeout=60, quiet=1.0)  # the rebuild is over
        type_the_pin(program)  # one more: the error keeps coming, the kiosk ends
        output = read_to_the_end(program)
        assert program.process.wait(timeout=30) == 1
    finally:
        program.close()
    text = output.decode("utf-8", "replace")
    stored = config.split('pin_hash = "', 1)[1].split('"', 1)[0]
    assert "The kiosk stopped because of an unexpected error (ValueError)" in text
    assert "Traceback" not in text and THE_PIN not in text and stored not in text and "pin_typed" not in text
    log = (tmp_path / "state").rglob("kiosk.log")
    logged = "".join(path.read_text(encoding="utf-8") for path in log)
    assert "kiosk stopped by an unexpected error: ValueError <- " in logged and "in check_pin" in logged
    assert THE_PIN not in logged and stored not in logged


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_the_pin_ends_the_kiosk_while_a_store_check_hangs(tmp_path: Path) -> None:
    fifo = tmp_path / "nobody-writes"
    os.mkfifo(fifo)
    started = tmp_path / "check-started"
    program, _ = kiosk_process(tmp_path, HANGING, {"CHECK_STARTED": str(started), "NOBODY_WRITES": str(fifo)})
    try:
        program.wait_for([b"Find a product"], since=0, timeout=60)
        store = tmp_path / "fair.json"
        store.write_bytes(store.read_bytes() + b"\n")  # a new version: the next check loads it, and hangs
        for _ in range(600):
            if started.exists():
                break
            program.drain(0.05, timeout=0.1)
        assert started.exists(), "the kiosk never looked at the new store"
        type_the_pin(program)
        read_to_the_end(program)
        assert program.process.wait(timeout=30) == 0  # the blocked thread does not hold the exit
    finally:
        program.close()


async def test_the_kiosk_replaces_textual_s_traceback_and_still_reports_the_error(tmp_path, monkeypatch, capsys):
    """The overridden private methods: the error still reaches the test (Textual's bookkeeping ran), and what
    the kiosk prints on exit is its one line."""
    path = tmp_path / "fair.json"
    write_store(path)

    def leaky(typed: str, stored: str) -> bool:
        raise ValueError(f"cannot check {typed}")

    monkeypatch.setattr(pin_module, "verify_pin", leaky)
    app = kiosk_on_file(path, tmp_path)
    with pytest.raises(ValueError, match="cannot check"):
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(MAX_RECOVERIES + 1):  # the last one ends the kiosk: the errors keep coming
                await pilot.press("ctrl+q")
                await type_text(pilot, PIN)
                await pilot.press("enter")
                await settle(pilot)
    assert app.return_code == 1
    shown = capsys.readouterr().err  # what Textual prints once the app has ended
    assert "Kiosk dừng vì một lỗi không lường trước (ValueError)" in shown
    assert PIN not in shown and "Traceback" not in shown and "cannot check" not in shown


def test_a_crash_is_described_by_type_and_place_only() -> None:
    def inner(secret: str) -> None:
        raise KeyError(secret)

    try:
        inner("482913")
    except KeyError as error:
        described = describe_crash(error)
    assert described.startswith("KeyError <- test_kiosk_crash.py:") and "in inner" in described
    assert "482913" not in described
