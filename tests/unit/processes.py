"""Running `ocop-tui` as a real process for the tests that must show it never hangs and never prints a
traceback (not a test module)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

OCOP_TUI = [sys.executable, "-m", "ocop_tui", "--lang", "en"]
NO_TTY_TIMEOUT = 60  # seconds: a command that hangs (a FIFO read) fails its test instead of the suite


def run_ocop(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """The command with stdin closed and a wide terminal (messages are not folded), its output as bytes."""
    return subprocess.run(
        [*OCOP_TUI, *map(str, args)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=NO_TTY_TIMEOUT,
        env={**os.environ, "COLUMNS": "400", **(env or {})},
    )


def one_line_error(done: subprocess.CompletedProcess[bytes], code: int = 2) -> str:
    """Assert the command failed with `code` and one line on stderr, no traceback; return that line."""
    out, err = done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")
    assert done.returncode == code, out + err
    assert "Traceback" not in out + err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]
