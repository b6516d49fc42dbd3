"""An unexpected error in the kiosk: logged with its traceback, every screen built anew, back home, still running.

The errors are injected where a bug would be: a screen's action run from a key binding (which Textual runs in
the app's own message loop), a screen's message handler (its own loop), the kiosk's timer. Errors that keep
coming end the kiosk with exit code 1 and one line, never Textual's traceback with its local variables.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ocop_tui.ui.kiosk.home import HomeScreen
from ocop_tui.ui.kiosk.recovery import MAX_RECOVERIES
from ocop_tui.ui.screens.browser import BrowserScreen
from ocop_tui.ui.screens.products import ProductsScreen

from .conftest import shown_names, type_text
from .kiosk_support import kiosk, settle

SECRET = "246813"  # in the error's message: must never reach the log


class Bug(RuntimeError):
    pass


def failing(times: int):
    """A replacement method that raises `times` times (forever when negative), then does nothing."""
    calls = {"n": 0}

    def method(*_args: object, **_kwargs: object) -> None:
        calls["n"] += 1
        if times < 0 or calls["n"] <= times:
            raise Bug(f"the PIN was {SECRET}")

    return method


def log_text(tmp_path: Path) -> str:
    return (tmp_path / "logs" / "kiosk.log").read_text(encoding="utf-8")


async def settled_or_ended(pilot) -> bool:
    """As settle(), but stops when the app is ending (a pause would then wait for screens that are gone)."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        if pilot.app.return_code is not None:
            return False
        await pilot.pause()
    return pilot.app.return_code is None


async def open_products(pilot) -> ProductsScreen:
    await pilot.press("f2")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ProductsScreen)
    return screen


async def assert_fresh_products_work(pilot, before: ProductsScreen | None) -> None:
    screen = await open_products(pilot)
    assert screen is not before  # built anew: the one that failed is gone
    await type_text(pilot, "dua")
    assert shown_names(pilot.app)[0].startswith("Dừa sáp")


async def test_an_error_in_a_key_action_is_logged_and_the_kiosk_goes_home(mini, tmp_path, monkeypatch):
    app = kiosk(mini, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        products = await open_products(pilot)
        monkeypatch.setattr(ProductsScreen, "action_go_booth", failing(1))
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, HomeScreen)
        log = log_text(tmp_path)
        assert "unexpected error: back to the home screen" in log
        assert "Traceback (most recent call last)" in log and "in method" in log and "Bug" in log
        assert SECRET not in log  # the message (and any variable) stays out of the log
        await assert_fresh_products_work(pilot, products)


async def test_an_error_in_a_screen_handler_is_logged_and_the_kiosk_goes_home(mini, tmp_path, monkeypatch):
    app = kiosk(mini, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        products = await open_products(pilot)
        monkeypatch.setattr(BrowserScreen, "run_search", failing(1))  # Input.Changed's handler calls it
        await pilot.press("x")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, HomeScreen)
        assert "in method" in log_text(tmp_path)
        monkeypatch.undo()
        await assert_fresh_products_work(pilot, products)


async def test_an_error_in_the_kiosk_timer_does_not_end_it(mini, tmp_path, monkeypatch):
    clock_app = kiosk(mini, tmp_path)
    async with clock_app.run_test(size=(120, 36)) as pilot:
        home = clock_app.screen
        monkeypatch.setattr(HomeScreen, "next_featured", failing(1))
        clock_app.clock.advance(60)  # type: ignore[attr-defined]
        clock_app.call_later(clock_app.tick)  # as its timer calls it: the featured product turns, and fails once
        await settle(pilot)
        assert clock_app.is_running and isinstance(clock_app.screen, HomeScreen)
        assert clock_app.screen is not home  # the home screen too is built anew
        assert "in method" in log_text(tmp_path)
        await pilot.press("f9")  # the kiosk takes keys again
        await settle(pilot)
        assert clock_app.is_running


@pytest.mark.parametrize("size", [(120, 36), (60, 20)])
async def test_errors_that_keep_coming_end_the_kiosk_the_quiet_way(mini, tmp_path, monkeypatch, size):
    app = kiosk(mini, tmp_path)
    # The same bug every time: the kiosk rebuilds its screens a few times, then gives up, ending the way
    # crash.py ends it (one line; the error reaches run_test, as Textual's bookkeeping still ran).
    monkeypatch.setattr(ProductsScreen, "action_go_booth", failing(-1))
    with pytest.raises(Bug):
        async with app.run_test(size=size) as pilot:
            for _ in range(MAX_RECOVERIES + 2):
                await open_products(pilot)
                await pilot.press("ctrl+g")
                if not await settled_or_ended(pilot):
                    break
    assert app.return_code == 1
    log = log_text(tmp_path)
    assert log.count("unexpected error: back to the home screen") == MAX_RECOVERIES + 1
    assert "kiosk stopped: unexpected errors kept coming" in log
    assert "kiosk stopped by an unexpected error: Bug <- " in log  # crash.py's line
    assert SECRET not in log


async def test_a_screen_that_fails_as_it_opens_is_left_for_home(mini, tmp_path, monkeypatch):
    app = kiosk(mini, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(BrowserScreen, "run_search", failing(1))  # the products screen runs one as it opens
        await pilot.press("f2")
        for _ in range(3):  # no pause while the failed screen may be on view: it no longer takes messages
            await app.workers.wait_for_complete()
        assert app.is_running and isinstance(app.screen, HomeScreen)
        await pilot.pause()
        assert "in method" in log_text(tmp_path)
        monkeypatch.undo()
        await assert_fresh_products_work(pilot, None)
