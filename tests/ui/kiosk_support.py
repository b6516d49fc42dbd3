"""Helpers for the kiosk tests: a fake clock, cheap PIN hashes, kiosk apps on small fairs and on store files."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot

from ocop_tui.kiosk.config import KioskSettings
from ocop_tui.kiosk.pin import hash_pin
from ocop_tui.search.catalog import Catalog, load_catalog
from ocop_tui.ui.factory import make_app
from ocop_tui.ui.kiosk import KioskApp

PIN = "2468"
# The real cost (n=2**14) is for the config file; tests check the same code with a cheap one.
PIN_HASH = hash_pin(PIN, n=2**4, r=1, p=1)


class FakeClock:
    """Monotonic seconds that only move when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def settings(tmp_path: Path, **changes: object) -> KioskSettings:
    values: dict[str, object] = {"pin_hash": PIN_HASH, "idle_seconds": 90, "log_dir": tmp_path / "logs"}
    values.update(changes)
    return KioskSettings(**values)  # type: ignore[arg-type]


def kiosk(catalog: Catalog, tmp_path: Path, clock: FakeClock | None = None, *, lang: str = "vi",
          **changes: object) -> KioskApp:  # fmt: skip
    chosen = settings(tmp_path, **changes)
    app = make_app(catalog, lang=lang, kiosk=chosen, clock=clock or FakeClock())  # type: ignore[arg-type]
    assert isinstance(app, KioskApp)
    return app


def kiosk_on_file(path: Path, tmp_path: Path, clock: FakeClock | None = None, **changes: object) -> KioskApp:
    return kiosk(load_catalog(path), tmp_path, clock, **changes)


async def settle(pilot: Pilot) -> None:
    """Let workers (reload, reset) finish and their results reach the screen."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def touch(pilot: Pilot, where: str | tuple[int, int], offset: tuple[int, int] = (1, 1)) -> None:
    """A mouse press and release as the terminal driver delivers them: to the app, which makes the click.

    `where` is a selector on the current screen or screen coordinates. (Pilot.click hands its events
    straight to the screen, past App.on_event, where the kiosk notices input.)
    """
    app = pilot.app
    if isinstance(where, str):
        region = app.screen.query_one(where).region
        x, y = region.x + offset[0], region.y + offset[1]
    else:
        x, y = where
    for event_type in (events.MouseDown, events.MouseUp):
        app.post_message(event_type(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y))
        await pilot.pause()
    # A click may switch screens, which waits a frame; on a loaded machine one pause is not enough.
    await settle(pilot)
