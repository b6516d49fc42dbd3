"""The command line as a process: no terminal for the UI, a reader that goes away, sizes out of bounds.
Each ends with one clear line (or quietly) and the conventional status, never a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from ocop_tui.cli.main import main
from ocop_tui.kiosk.config import save_pin_hash
from ocop_tui.kiosk.pin import hash_pin

from .importdata import write_store

OCOP_TUI = [sys.executable, "-m", "ocop_tui", "--lang", "en"]


def run_closed_stdin(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*OCOP_TUI, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        preexec_fn=lambda: os.close(0),  # `ocop-tui <&-`
    )


def test_the_browser_without_stdin_says_it_needs_a_terminal(tmp_path: Path) -> None:
    store = tmp_path / "fair.json"
    write_store(store)
    done = run_closed_stdin("--data", str(store))
    assert done.returncode == 2
    assert "needs a terminal" in done.stderr and "Traceback" not in done.stderr + done.stdout
    assert len(done.stderr.strip().splitlines()) <= 3  # one message (folded to the width), no more


def test_the_kiosk_without_stdin_says_it_needs_a_terminal(tmp_path: Path) -> None:
    store = tmp_path / "fair.json"
    write_store(store)
    config = tmp_path / "kiosk.toml"
    save_pin_hash(config, hash_pin("482913", n=16, r=1, p=1))
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = run_closed_stdin("--kiosk", "--data", str(store), "--config", str(config), env=env)
    assert done.returncode == 2
    assert "needs a terminal" in done.stderr and "Traceback" not in done.stderr + done.stdout


def test_the_browser_with_output_to_a_file_says_it_needs_a_terminal(tmp_path: Path) -> None:
    store = tmp_path / "fair.json"
    write_store(store)
    with open(tmp_path / "out.txt", "w") as out, open(os.devnull) as nothing:
        done = subprocess.run([*OCOP_TUI, "--data", str(store)], stdin=nothing, stdout=out, stderr=subprocess.PIPE,
                              text=True, timeout=60)  # fmt: skip
    assert done.returncode == 2 and "needs a terminal" in done.stderr


@pytest.mark.skipif(not hasattr(signal, "SIGPIPE"), reason="no SIGPIPE on this system")
def test_a_reader_that_goes_away_ends_the_command_quietly(tmp_path: Path) -> None:
    store = tmp_path / "fair.json"
    write_store(store)
    process = subprocess.Popen([*OCOP_TUI, "stats", "--data", str(store)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # `ocop-tui stats | head -0`: nobody reads what it prints
    error = process.stderr.read().decode()
    process.wait(timeout=60)
    # Killed by SIGPIPE, as `cat` or `grep` are (the shell shows 141), not status 1 ("invalid data").
    assert process.returncode == -signal.SIGPIPE, error
    assert error == ""


@pytest.mark.parametrize(("option", "value"), [("--products", "99999999999"), ("--products", "300001"),
                                               ("--booths", "30001"), ("--products", "0")])  # fmt: skip
def test_demo_data_sizes_have_bounds(tmp_path: Path, option: str, value: str) -> None:
    out = tmp_path / "big.json"
    result = CliRunner().invoke(main, ["demo-data", "--out", str(out), option, value])
    assert result.exit_code == 2 and option in result.output
    assert not out.exists()


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (ValueError("Exceeds the limit (4300 digits) for integer string conversion"), "ValueError: Exceeds the limit"),
        (UnicodeError("label empty or too long"), "UnicodeError: label empty or too long"),
        (RecursionError("maximum recursion depth exceeded"), "RecursionError: maximum recursion depth"),
        (MemoryError(), "not enough memory"),
    ],
    ids=lambda v: type(v).__name__ if isinstance(v, BaseException) else "",
)
@pytest.mark.parametrize("command", [["stats"], ["validate"], ["migrate"], []], ids=lambda c: c[0] if c else "app")
def test_an_unexpected_exception_from_input_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException, said: str, command: list[str]
) -> None:
    """Whatever some input makes go wrong deep inside (here: reading the store's bytes), no traceback reaches
    the user (an OSError there is the store's own "cannot be read")."""
    store = tmp_path / "fair.json"
    write_store(store)

    def failing(*args: object, **kwargs: object) -> object:
        raise error

    import ocop_tui.store.reading as reading

    monkeypatch.setattr(reading, "read_regular", failing)
    result = CliRunner().invoke(main, ["--lang", "en", *command, "--data", str(store)], env={"COLUMNS": "400"})
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)  # handled, not escaped
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert said in result.stderr and "Traceback" not in result.output


def test_the_json_parser_s_message_reads_as_a_sentence(tmp_path: Path) -> None:
    """Python's json says "Unterminated string starting at" and "Invalid control character at": the place
    follows once, not "starting at at line 1"."""
    for content, said in [(b'{"fair": {"1": "abc', "Unterminated string starting at line 1, column 16"),
                          (b'{"a": "x\x01"}', "Invalid control character at line 1, column 9")]:  # fmt: skip
        store = tmp_path / "fair.json"
        store.write_bytes(content)
        result = CliRunner().invoke(main, ["--lang", "en", "validate", "--data", str(store)], env={"COLUMNS": "400"})
        assert result.exit_code == 2 and said in result.stderr and "at at" not in result.stderr, result.stderr
