"""What the kiosk does with an unexpected error (a bug, in a screen, a timer or a worker): it carries on.

The error is logged to the kiosk log with its traceback (where it happened, frame by frame, with the source
lines; never the message or the variables, which could hold a PIN being typed or the PIN hash), every screen
is built anew and the kiosk goes back to its home screen. A visitor never sees a traceback. Only when errors
keep coming (more than MAX_RECOVERIES within RECOVERY_WINDOW seconds: the home screen itself failing, say) does
the kiosk end, the way crash.py ends it (one line that points to the log, exit code 1), for its wrapper to
restart it (docs/kiosk.md).
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events

from ocop_tui.ui.textual_compat import ErrorHook

if TYPE_CHECKING:
    from collections.abc import Awaitable

MAX_RECOVERIES = 3
RECOVERY_WINDOW = 60.0  # seconds


def describe_error(error: BaseException) -> str:
    """The error's traceback as Python prints it, but with only the type on its last line: no message."""
    cause = getattr(error, "error", None)  # Textual's WorkerFailed carries the worker's own exception
    if isinstance(cause, BaseException):
        error = cause
    frames = traceback.format_list(traceback.extract_tb(error.__traceback__))
    return "Traceback (most recent call last):\n" + "".join(frames) + type(error).__qualname__


class RecoversFromErrors(ErrorHook):
    """Mixed into the kiosk app (listed first): log, rebuild every screen, back home; give up only on a loop."""

    kiosk_log: logging.Logger
    clock: Callable[[], float]

    _ready_to_recover = False  # from the first frame on: errors while starting end the kiosk as usual
    _recovering = False
    _recovered_at: list[float]

    @property
    def recovering(self) -> bool:
        """True while the screens are being built anew after an error (the kiosk ignores input meanwhile)."""
        return self._recovering

    def on_ready(self, _event: events.Ready) -> None:
        self._ready_to_recover = True
        self._recovered_at = []

    def rebuild_home(self) -> Awaitable[None]:
        """Every screen built anew and the home screen shown (the kiosk app's reset)."""
        raise NotImplementedError

    def recover_from(self, error: Exception) -> bool:
        if not (self._ready_to_recover and self.is_running and self.return_code is None):
            return False  # starting or stopping: Textual's own handling
        self.kiosk_log.error("unexpected error: back to the home screen\n%s", describe_error(error))
        if self._recovering:
            return True  # the rebuild under way replaces whatever failed
        now = self.clock()
        self._recovered_at = [t for t in self._recovered_at if now - t < RECOVERY_WINDOW] + [now]
        if len(self._recovered_at) > MAX_RECOVERIES:
            self._give_up(error)
        else:
            self._recovering = True
            self.run_worker(self._recover(), group="kiosk-reset", exclusive=True, exit_on_error=False)
        return True

    async def _recover(self) -> None:
        try:
            # First let the app finish what it is doing (the error may have come in the middle of a screen
            # switch): a callback of its own runs only after the message it is handling now.
            caught_up = asyncio.Event()
            self.call_later(caught_up.set)
            await caught_up.wait()
            await self.rebuild_home()
        except Exception as error:  # the rebuild failed too: the kiosk cannot be trusted to run on
            self.kiosk_log.error("the kiosk could not rebuild its screens\n%s", describe_error(error))
            self._give_up(error)
        finally:
            self._recovering = False

    def _give_up(self, error: Exception) -> None:
        """End the kiosk on `error` as on any unhandled one: one line, exit code 1 (crash.py's QuietCrash)."""
        self.kiosk_log.error("kiosk stopped: unexpected errors kept coming")
        self.end_with(error)
