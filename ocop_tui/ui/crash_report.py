"""What the fair browser shows when an unexpected error (a bug) ends it: one line naming a crash report,
not Textual's traceback over the terminal.

Textual prints an unhandled exception as a long traceback with every frame's local variables: a wall of text
that booth staff cannot act on and that scrolls the shell away. The browser writes the traceback (without the
variables' values) to a file in the log folder and says in one line what happened and where the report is,
for whoever looks after the laptop. The kiosk has its own, stricter ending (kiosk/crash.py's QuietCrash,
earlier in its bases, logs no message at all).
"""

from __future__ import annotations

import time
import traceback
from pathlib import Path

from rich.text import Text

from ocop_tui.files import atomic_write, shown_path
from ocop_tui.i18n import Translator
from ocop_tui.paths import default_log_dir
from ocop_tui.ui.textual_compat import FatalErrorHook


def underlying(error: BaseException) -> BaseException:
    """The exception that went wrong: Textual's WorkerFailed wraps a worker's own."""
    cause = getattr(error, "error", None)
    return cause if isinstance(cause, BaseException) else error


def write_crash_report(error: BaseException, folder: Path) -> Path | None:
    """The traceback of `error` in a new file of `folder` (private to the user); None if it cannot be written."""
    report = "".join(traceback.format_exception(underlying(error)))
    stamp = time.strftime("%Y%m%d-%H%M%S")
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        for n in range(100):  # two crashes within a second keep both reports
            path = folder / f"crash-{stamp}{f'-{n}' if n else ''}.txt"
            if not path.exists():
                atomic_write(path, report.encode("utf-8", "backslashreplace"), mode=0o600)
                return path
    except OSError:
        pass
    return None


class CrashReport(FatalErrorHook):
    """Mixed into the browser app, before Textual's App."""

    tr: Translator

    def on_fatal_error(self, error: Exception | None) -> None:
        self.bell()
        name = type(error).__name__ if error is not None else "?"
        path = write_crash_report(error, default_log_dir()) if error is not None else None
        if path is None:
            self.panic(Text(self.tr("app.crashed.unsaved", error=name)))
        else:
            self.panic(Text(self.tr("app.crashed", error=name, report=shown_path(path))))
