"""A program in a real pseudo-terminal, driven like a user at a keyboard and timed from the outside.

The benchmark sees what a terminal sees: the bytes the program writes. Text is found in that stream
(Textual writes each segment's text contiguously), frames are delimited by the synchronized-output
markers Textual emits once the terminal says it supports them (this driver answers that query, as
modern terminals do), and "final repaint" means: the expected text has appeared and the output has then
been quiet for a while. Times are taken when bytes are read, so the quiet wait itself is not counted.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"  # "supported, currently off" (DECRPM)
SYNC_START = b"\x1b[?2026h"
SYNC_END = b"\x1b[?2026l"

KEYS = {
    "enter": b"\r",
    "space": b" ",
    "ctrl+s": b"\x13",
    "ctrl+d": b"\x04",
    "ctrl+u": b"\x15",
    "ctrl+q": b"\x11",
    "f2": b"\x1bOQ",
    "f3": b"\x1bOR",
    "f4": b"\x1bOS",
    "f5": b"\x1b[15~",
    "f7": b"\x1b[18~",
    "up": b"\x1b[A",
    "down": b"\x1b[B",
    "right": b"\x1b[C",
    "left": b"\x1b[D",
}


class TerminalTimeout(Exception):
    """The expected text did not appear in time (the program is slow, stuck or showing something else)."""


def terminal_env() -> dict[str, str]:
    """The same environment for every program: a 256-colour xterm, UTF-8, no Textual debug settings."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("TEXTUAL")}
    env.update(TERM="xterm-256color", COLORTERM="truecolor", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("NO_COLOR", None)
    return env


@dataclass
class Settled:
    """What a keystroke (or the start) led to: when the last byte of its repaint arrived."""

    last_output: float  # perf_counter() of the last read before the output went quiet
    found: float  # perf_counter() of the read that completed the expected text
    bytes: int
    first_frame: float | None = None  # perf_counter() of the first complete frame (e.g. a typed key's echo)


class TerminalProgram:
    """One child process on a pty of `cols` x `rows`."""

    def __init__(self, argv: Sequence[str], *, cols: int, rows: int, cwd: Path | None = None,
                 env: dict[str, str] | None = None) -> None:  # fmt: skip
        self.argv = list(argv)
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.fd = master
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            self.argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=terminal_env() | (env or {}),
            start_new_session=True,  # its own session, so the pty becomes its controlling terminal
            close_fds=True,
        )
        os.close(slave)
        self._pending = b""  # the tail of the last read, for sequences split across reads
        self.transcript_tail = b""

    # Reading --------------------------------------------------------------------------------------

    def _read(self, timeout: float) -> bytes | None:
        """One read, or None when nothing arrived within `timeout` seconds."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return None
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:  # EIO: the child has gone and closed the pty
            data = b""
        if not data:
            raise TerminalTimeout(f"{self.argv[:3]} exited ({self.process.poll()}): {self._tail()}")
        probe = self._pending + data
        if SYNC_QUERY in probe:
            os.write(self.fd, SYNC_REPLY)
        self._pending = probe[-16:]
        self.transcript_tail = (self.transcript_tail + data)[-4000:]
        return data

    def _tail(self) -> str:
        return self.transcript_tail[-600:].decode("utf-8", "replace")

    def wait_for(
        self, markers: Sequence[bytes], *, since: float, timeout: float, quiet: float | None = None
    ) -> Settled:
        """Read until every marker has appeared in a complete frame, then (with `quiet`) until silence.

        `since` is only for the error message; the caller subtracts its own start time.
        """
        seen = bytearray()
        found_at: float | None = None
        first_frame: float | None = None
        last = time.perf_counter()
        deadline = last + timeout
        while True:
            now = time.perf_counter()
            if found_at is not None:
                if quiet is None:
                    return Settled(last, found_at, len(seen), first_frame)
                wait = quiet - (now - last)
                if wait <= 0:
                    return Settled(last, found_at, len(seen), first_frame)
            else:
                wait = deadline - now
                if wait <= 0:
                    missing = [m.decode("utf-8", "replace") for m in markers if m not in seen]
                    raise TerminalTimeout(
                        f"{self.argv[:3]}: no {missing!r} after {now - since:.1f} s; screen ends: {self._tail()!r}"
                    )
            data = self._read(wait)
            if data is None:
                continue
            last = time.perf_counter()
            seen += data
            # A frame counts once it is complete: no synchronized update left open.
            complete = seen.count(SYNC_START) <= seen.count(SYNC_END)
            if first_frame is None and complete and SYNC_END in seen:
                first_frame = last
            if found_at is None and complete and all(m in seen for m in markers):
                found_at = last

    def drain(self, quiet: float, timeout: float = 5.0) -> None:
        """Read and discard until the output has been quiet for `quiet` seconds."""
        deadline = time.perf_counter() + timeout
        last = time.perf_counter()
        while True:
            now = time.perf_counter()
            if now - last >= quiet or now >= deadline:
                return
            if self._read(min(quiet - (now - last), deadline - now)) is not None:
                last = time.perf_counter()

    # Writing --------------------------------------------------------------------------------------

    def press(self, key: str) -> float:
        """Send one key (a name from KEYS or a character); returns the time it was written."""
        data = KEYS.get(key) or key.encode("utf-8")
        stamp = time.perf_counter()
        os.write(self.fd, data)
        return stamp

    # Measuring and stopping -----------------------------------------------------------------------

    def rss_mib(self) -> float | None:
        """The child's resident set size now (Linux VmRSS; psutil's elsewhere)."""
        return self._memory_mib("VmRSS:")

    def peak_rss_mib(self) -> float | None:
        """The child's peak resident set size so far (Linux VmHWM; psutil's current RSS elsewhere)."""
        return self._memory_mib("VmHWM:")

    def _memory_mib(self, field: str) -> float | None:
        try:
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith(field):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        try:
            import psutil

            return psutil.Process(self.process.pid).memory_info().rss / 2**20
        except Exception:  # psutil missing, or the process has gone
            return None

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=3)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait(timeout=3)
        try:
            os.close(self.fd)
        except OSError:
            pass

    def __enter__(self) -> TerminalProgram:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def python_module(module: str, *args: str) -> list[str]:
    """Both programs start the same way: this Python, `-m module`."""
    return [sys.executable, "-m", module, *args]
