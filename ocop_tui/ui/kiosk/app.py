"""Kiosk mode: the fair browser locked down for a public laptop.

- No way out without the staff PIN: ctrl+q and every quit path (action_quit, which the palette and
  `[@click=app.quit]` markup would reach) open the PIN dialog; the palette, screenshots, URLs, suspend
  and the other App actions that write a file or leave the app do nothing.
- A home (attract) screen to start from and to return to: after `idle_seconds` without a key or a mouse
  event a 10-second countdown shows, then every screen is reset and dialogs close (not a PIN lockout).
- Live data: the store file is checked every few seconds; a new version is loaded and checked in a
  thread and shown at the next reset (at once if nobody is using the kiosk); a broken one is logged and
  ignored. The kiosk only ever reads the store.
- Searches that found nothing are appended to a log for the organisers (`ocop-tui report misses`).
- A visitor's shortlist lives in memory only (no named lists, nothing written); the idle countdown says it
  will be cleared and the reset clears it; the log gets only how many items it held.
- An unexpected error is logged with its traceback and the kiosk goes back to a freshly built home screen
  instead of ending (recovery.py).

Time comes from `clock` (monotonic seconds) and everything timed happens in `tick()`, which a timer
calls twice a second and tests call directly after moving a fake clock forward.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from textual import events, on, work
from textual.app import ScreenStackError
from textual.binding import Binding
from textual.screen import Screen

from ocop_tui.files import FileStamp
from ocop_tui.i18n import DEFAULT_LANG
from ocop_tui.kiosk.config import KioskSettings
from ocop_tui.kiosk.lockout import lockout_path
from ocop_tui.kiosk.misses import MissLog, misses_path
from ocop_tui.kiosk.pin import MAX_TRIES, PinGuard
from ocop_tui.kiosk.watch import Outcome, StoreWatch
from ocop_tui.model import Lang
from ocop_tui.search.catalog import Catalog
from ocop_tui.ui.app import OcopApp
from ocop_tui.ui.kiosk.crash import LOG_FILE, QuietCrash
from ocop_tui.ui.kiosk.dialogs import IdleCountdown, PinScreen
from ocop_tui.ui.kiosk.home import HomeScreen
from ocop_tui.ui.kiosk.lockdown import LockedDownApp
from ocop_tui.ui.kiosk.recovery import RecoversFromErrors
from ocop_tui.ui.kiosk.screens import KIOSK_SCREENS, MissTracking
from ocop_tui.ui.screens.browser import BrowserScreen
from ocop_tui.ui.textual_compat import mode_stacks
from ocop_tui.ui.themes import HIGH_CONTRAST

COUNTDOWN_SECONDS = 10
FEATURE_SECONDS = 6.0
TICK_SECONDS = 0.5
LOGGER_NAME = "ocop_tui.kiosk"
# Actions that stay off while the PIN dialog or the countdown is up, so a dialog cannot be left in the
# stack of a screen the visitor navigated away from.
_BLOCKED_UNDER_DIALOG = {"help", "show_mode", "switch_language", "next_theme"}


def kiosk_modes() -> dict[str, Any]:
    """Home first, then the app's own screens (the browsing ones in their kiosk form)."""
    return {"home": HomeScreen, **{mode: KIOSK_SCREENS.get(mode, screen) for mode, screen in OcopApp.MODES.items()}}


class KioskApp(RecoversFromErrors, QuietCrash, LockedDownApp):
    """The browser for a public laptop: PIN to exit, idle reset to a home screen, live data."""

    CSS_PATH = Path(__file__).resolve().parent.parent / "app.tcss"  # one stylesheet; relative paths follow the module
    MODES = kiosk_modes()
    DEFAULT_MODE = "home"
    BINDINGS = [
        Binding("ctrl+q", "quit", show=False, priority=True),
        Binding("f9", "show_mode('home')", "key.home"),
        Binding("f10", "show_mode('shortlist')", "key.shortlist"),
    ]

    def __init__(
        self,
        catalog: Catalog,
        *,
        settings: KioskSettings,
        lang: Lang = DEFAULT_LANG,
        clock: Callable[[], float] | None = None,
        stamp: FileStamp | None = None,
    ) -> None:
        super().__init__(catalog, lang=lang)
        self.settings = settings
        self.clock: Callable[[], float] = clock or time.monotonic
        self.here = settings.location  # the map's "you are here"
        self.shortlist_book = None  # a visitor's list stays in memory: no named lists on a public laptop
        self.home_lang: Lang = lang
        self.kiosk_log = logging.getLogger(LOGGER_NAME)
        self.guard = PinGuard(
            settings.pin_hash,
            self.clock,
            state_file=lockout_path(settings.log_dir),
            on_state_error=lambda error: self.kiosk_log.warning("PIN lockout state file unusable: %s", error),
        )
        self.miss_log = MissLog(misses_path(settings.log_dir))
        self._log_handler: logging.Handler | None = None
        self.store_path: Path | None = catalog.source
        self.store_watch = StoreWatch(catalog.source, self.kiosk_log, stamp) if catalog.source is not None else None
        self.pending_catalog: Catalog | None = None
        now = self.clock()
        self._last_input = now
        self._last_feature = now
        self.in_use = False  # input since the last reset: a reset is due when it goes idle
        self._countdown: IdleCountdown | None = None
        self._swallow_mouse_up = False
        self._resetting = False

    @property
    def idle_seconds(self) -> int:
        return self.settings.idle_seconds

    # Start and stop -----------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.theme = HIGH_CONTRAST.name
        self._open_log()
        if self.store_watch is not None and self.store_watch.shown is None:
            try:
                self.store_watch.shown = FileStamp.of(self.store_watch.path)
            except OSError:
                pass
        self.set_interval(TICK_SECONDS, self.tick)
        if self.store_path is not None:
            self.set_interval(self.settings.reload_seconds, self.check_store)
        self.kiosk_log.info("kiosk started: store %s", self.store_watch.name if self.store_watch else None)

    def on_unmount(self) -> None:
        self.kiosk_log.info("kiosk stopped")
        if self._log_handler is not None:
            self.kiosk_log.removeHandler(self._log_handler)
            self._log_handler.close()
            self._log_handler = None

    def _open_log(self) -> None:
        self.kiosk_log.setLevel(logging.INFO)
        self.kiosk_log.propagate = False  # not onto the terminal the kiosk is drawing on
        log_file = self.settings.log_dir / LOG_FILE
        try:
            self.settings.log_dir.mkdir(parents=True, exist_ok=True)
            if log_file.exists() and not log_file.is_file():  # opening a FIFO to write would hold the screen
                raise OSError(f"{log_file} is not a regular file")
            handler: logging.Handler = RotatingFileHandler(
                log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
            )
        except OSError:
            handler = logging.NullHandler()  # no log folder: the kiosk runs on regardless
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        self.kiosk_log.addHandler(handler)
        self._log_handler = handler

    # Locked-down actions ------------------------------------------------------------------------

    async def action_quit(self) -> None:
        """Every quit path asks for the PIN."""
        if not any(isinstance(screen, PinScreen) for screen in self.screen_stack):
            self._close_countdown()
            await self.push_screen(PinScreen(self.guard))

    @on(PinScreen.Attempted)
    def pin_attempted(self, attempt: PinScreen.Attempted) -> None:
        """The PIN dialog's result: the right PIN ends the kiosk (exit code 0); every try is logged, never the PIN."""
        outcome = attempt.outcome
        if outcome == "ok":
            self.kiosk_log.info("staff exit with the PIN")
            self.exit(return_code=0)
        elif outcome == "locked":
            seconds = self.guard.locked_seconds()
            self.kiosk_log.warning("wrong PIN %d times: locked for %d s", self.guard.failures, seconds)
        else:
            self.kiosk_log.warning("wrong PIN (%d of %d tries)", self.guard.failures, MAX_TRIES)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _BLOCKED_UNDER_DIALOG and isinstance(self.screen, (PinScreen, IdleCountdown)):
            return False
        return super().check_action(action, parameters)

    async def action_show_mode(self, mode: str) -> None:
        if isinstance(self.screen, (PinScreen, IdleCountdown)):
            return
        # Close help and the like first, so no other screen keeps a dialog open behind it.
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        await super().action_show_mode(mode)

    # Input and time -----------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseEvent, events.Paste)) and not event.is_forwarded:
            self._last_input = self.clock()
            self.in_use = True
            if self.recovering:
                return  # the screens are being built anew (a fraction of a second): nothing to press yet
            if self._countdown is not None:
                # The touch only says "still here": it must not also press whatever is under the countdown.
                self._close_countdown()
                self._swallow_mouse_up = isinstance(event, events.MouseDown)
                return
            if self._swallow_mouse_up and isinstance(event, events.MouseUp):
                self._swallow_mouse_up = False
                return
        await super().on_event(event)

    def tick(self) -> None:
        """Everything timed: PIN lockout countdown, idle countdown and reset, featured products."""
        if self.return_code is not None:
            return  # exiting
        try:
            top = self.screen
        except ScreenStackError:
            return  # the app is being torn down (its timer can fire once more): nothing to time
        now = self.clock()
        if isinstance(top, PinScreen):
            top.refresh_lock()
            if self.guard.locked_for() > 0:
                return  # the lockout stays on screen; idle time counts again once it is over
        if self._resetting:
            return
        idle = now - self._last_input
        if self.in_use:
            left = self.idle_seconds + COUNTDOWN_SECONDS - idle
            if left <= 0:
                self.start_reset()
            elif idle >= self.idle_seconds:
                self._show_countdown(math.ceil(left))
        elif self.pending_catalog is not None:
            self.start_reset()  # nobody is using the kiosk: show the new data now
        if isinstance(top, HomeScreen) and now - max(self._last_input, self._last_feature) >= FEATURE_SECONDS:
            self._last_feature = now
            top.next_featured()

    def _show_countdown(self, seconds: int) -> None:
        if self._countdown is None:
            self._countdown = IdleCountdown(seconds, shortlisted=len(self.shortlist))
            self.push_screen(self._countdown)
        else:
            self._countdown.set_remaining(seconds)

    def _close_countdown(self) -> None:
        countdown, self._countdown = self._countdown, None
        if countdown is not None and countdown in self.screen_stack:
            countdown.dismiss(None)

    # Reset --------------------------------------------------------------------------------------

    def start_reset(self) -> None:
        if not self._resetting:
            self._resetting = True
            self.run_worker(self.reset_to_home(), group="kiosk-reset", exclusive=True, exit_on_error=False)

    def rebuild_home(self) -> Awaitable[None]:
        return self.reset_to_home(rebuild=True)

    async def reset_to_home(self, *, rebuild: bool = False) -> None:
        """Back to a clean home screen: dialogs closed, every screen reset, new data shown, start language.
        `rebuild`: after an unexpected error, every screen is built anew (the home screen too)."""
        try:
            self._countdown = None
            for screen in self._base_screens():
                if isinstance(screen, MissTracking):
                    screen.settle_miss()
            while len(self.screen_stack) > 1:
                if isinstance(self.screen, PinScreen) and self.guard.locked_for() > 0 and not rebuild:
                    return  # (the lockout is the guard's: a new PIN dialog shows it again)
                await self.pop_screen()
            if self.current_mode != "home":
                await self.switch_mode("home")
            # Swapped only now that no screen showing the old catalogue's rows is on view.
            changed = self.pending_catalog is not None
            if self.pending_catalog is not None:
                self.catalog, self.pending_catalog = self.pending_catalog, None
            stacks = mode_stacks(self)
            for mode in [m for m in self.MODES if m != "home"]:
                stack = stacks.get(mode)
                if not stack:
                    continue  # never opened: it will be built fresh
                base = stack[0]
                if len(stack) == 1 and isinstance(base, BrowserScreen) and not rebuild:
                    base.reset()
                else:
                    # Screens without a reset (map, facts) are built anew, which also drops what they
                    # computed from the old catalogue.
                    await self.remove_mode(mode)
                    self.add_mode(mode, type(self).MODES[mode])
            dropped = self.shortlist.clear()
            if dropped:
                self.kiosk_log.info("shortlist cleared: %d items", dropped)  # a count, nothing about the visitor
            self.shortlist_changed()
            if rebuild:
                await self._rebuild_home_screen()
            self.clear_notifications()
            if self.lang != self.home_lang:
                self.lang = self.home_lang
            self.theme = HIGH_CONTRAST.name
            if changed:
                self._relabel()
            home = self.screen
            if isinstance(home, HomeScreen):
                home.reset()
            now = self.clock()
            self._last_input = self._last_feature = now
            self.in_use = False
        finally:
            self._resetting = False

    async def _rebuild_home_screen(self) -> None:
        """The home screen built anew (the mode on view cannot be removed: another is shown meanwhile)."""
        other = next(mode for mode in self.MODES if mode != "home")
        await self.switch_mode(other)
        await self.remove_mode("home")
        self.add_mode("home", type(self).MODES["home"])
        await self.switch_mode("home")
        await self.remove_mode(other)  # built for the switch only: it starts fresh when next opened
        self.add_mode(other, type(self).MODES[other])

    def _base_screens(self) -> list[Screen[Any]]:
        """The first screen of every mode opened so far."""
        return [stack[0] for stack in mode_stacks(self).values() if stack]

    # Live data ----------------------------------------------------------------------------------

    def check_store(self) -> None:
        """Look at the store file (in a thread of its own: see kiosk/watch.py) unless a look is under way."""
        future = self.store_watch.start_check() if self.store_watch is not None else None
        if future is not None:
            self._await_check(future)

    @work(group="kiosk-reload", exit_on_error=False)
    async def _await_check(self, future: Future[Outcome]) -> None:
        """Wait for a check without holding the screen; give it up after the watch's timeout."""
        watch = self.store_watch
        assert watch is not None
        try:
            outcome = await asyncio.wait_for(asyncio.wrap_future(future), watch.timeout)
        except TimeoutError:
            watch.give_up()
            return
        catalog = watch.finished(outcome)
        if catalog is not None:
            self.pending_catalog = catalog
            if not self.in_use:
                self.start_reset()

    # Missed searches ----------------------------------------------------------------------------

    @on(MissTracking.Missed)
    def record_miss(self, miss: MissTracking.Missed) -> None:
        self.miss_log.record(miss.query, miss.where)
