"""What the kiosk shows when an unexpected error ends it: one line, never Textual's traceback.

Textual prints an unhandled exception as a traceback with the local variables of every frame, and the kiosk's
frames hold the PIN a member of staff has just typed and the PIN hash. The kiosk logs where the error happened
(file, line, function: no values, no message) and shows one line; its wrapper restarts it (docs/kiosk.md).
Textual has no public hook for this: ui/textual_compat's FatalErrorHook gives one (tested there and in
tests/ui/test_kiosk_crash.py).
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from rich.text import Text

from ocop_tui.files import shown_path
from ocop_tui.i18n import Translator
from ocop_tui.kiosk.config import KioskSettings
from ocop_tui.ui.crash_report import underlying
from ocop_tui.ui.textual_compat import FatalErrorHook

LOG_FILE = "kiosk.log"  # in the kiosk's log folder


def describe_crash(error: BaseException) -> str:
    """An exception's type and where it was raised, innermost frame first: no message and no values, which
    could hold a typed PIN or the PIN hash."""
    error = underlying(error)
    frames = traceback.extract_tb(error.__traceback__)
    return type(error).__name__ + "".join(f" <- {Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames[::-1])


class QuietCrash(FatalErrorHook):
    """Mixed into the kiosk app, before Textual's App."""

    kiosk_log: logging.Logger
    settings: KioskSettings
    tr: Translator

    def on_fatal_error(self, error: Exception | None) -> None:
        where = describe_crash(error) if error is not None else "unknown error"
        self.kiosk_log.error("kiosk stopped by an unexpected error: %s", where)
        self.bell()
        log = shown_path(self.settings.log_dir / LOG_FILE)
        self.panic(Text(self.tr("kiosk.crashed", error=where.split(" ", 1)[0], log=log)))
