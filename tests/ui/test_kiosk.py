"""Kiosk mode: no key, click or markup leaves the app; the PIN dialog is the only way out, with a lockout."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette

from ocop_tui.kiosk.pin import LOCK_SECONDS, MAX_TRIES
from ocop_tui.ui.kiosk.dialogs import PinScreen
from ocop_tui.ui.kiosk.home import HomeScreen
from ocop_tui.ui.screens.browser import BrowserScreen
from ocop_tui.ui.screens.help import HelpScreen

from .conftest import type_text
from .kiosk_support import PIN, FakeClock, kiosk

ESCAPE_KEYS = ["ctrl+c", "ctrl+z", "ctrl+backslash", "ctrl+p", "q", "escape", "ctrl+q", "ctrl+d", "ctrl+w", "f10"]


def message(screen: PinScreen) -> str:
    return str(screen.query_one("#pin-message").render())


@pytest.mark.parametrize("start", ["home", "products", "booths"])
async def test_no_key_exits_the_kiosk(mini, tmp_path, start):
    app = kiosk(mini, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.action_show_mode(start)
        await pilot.pause()
        for key in ESCAPE_KEYS:
            await pilot.press(key)
            await pilot.pause()
            assert app.is_running and app.return_code is None, key
            # Close whatever the key opened (the PIN dialog for ctrl+q), so the next key meets the screen.
            if isinstance(app.screen, PinScreen):
                app.screen.action_close()
                await pilot.pause()
        assert app.is_running and app.return_code is None
        assert not any(isinstance(s, CommandPalette) for s in app.screen_stack)


async def test_the_command_palette_never_opens(mini, tmp_path):
    app = kiosk(mini, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        app.action_command_palette()
        await pilot.pause()
        await pilot.click("Header", offset=(1, 0))  # the header icon opens the palette in a normal app
        await pilot.pause()
        assert not CommandPalette.is_open(app)
        assert list(app.get_system_commands(app.screen)) == []


async def test_quit_and_file_actions_do_nothing_without_the_pin(mini, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = kiosk(mini, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        for action in ("app.screenshot", "app.screenshot('db.json','.')", "app.suspend_process", "app.change_theme",
                       "app.help_quit", "app.pop_screen", "app.back", "app.command_palette"):  # fmt: skip
            await app.run_action(action)
            await pilot.pause()
            assert app.is_running, action
        assert app.save_screenshot("x.svg", str(tmp_path)) == ""
        await app.run_action("app.quit")  # what the palette or [@click=app.quit] would run
        await pilot.pause()
        assert isinstance(app.screen, PinScreen)
        assert app.is_running and app.return_code is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["logs"]


async def test_right_pin_exits_with_code_0(mini, tmp_path):
    app = kiosk(mini, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, PinScreen)
        await type_text(pilot, PIN)
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 0


async def test_wrong_pin_says_so_and_closing_returns_to_where_the_visitor_was(mini, tmp_path):
    app = kiosk(mini, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f2")
        await type_text(pilot, "nuoc mam")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await type_text(pilot, "1111")
        await pilot.click("#pin-ok")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PinScreen)
        assert "Sai mã PIN" in message(screen) and str(MAX_TRIES - 1) in message(screen)
        assert screen.pin_input.value == ""  # a wrong PIN is not left on screen
        await pilot.press("f3", "f6")  # app keys stay off while the dialog is up
        await pilot.pause()
        assert app.screen is screen and app.lang == "vi"
        await pilot.click("#pin-close")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen) and app.screen.MODE == "products"
        assert app.screen.search_input.value == "nuoc mam"
        assert app.is_running and app.return_code is None


async def test_a_restarted_kiosk_keeps_the_pin_lockout(mini, tmp_path):
    """Killing the kiosk after five wrong PINs (a wrapper restarts it at once) must not give five more tries."""
    first = kiosk(mini, tmp_path)
    for _ in range(MAX_TRIES):
        first.guard.attempt("000000")
    restarted = kiosk(mini, tmp_path)  # the same log folder, a new process's clock
    async with restarted.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        screen = restarted.screen
        assert isinstance(screen, PinScreen)
        assert screen.pin_input.disabled and "Thử lại sau" in message(screen)
        assert restarted.guard.attempt(PIN) == "locked"
        assert restarted.is_running


async def test_five_wrong_pins_lock_the_dialog_for_60_seconds(mini, tmp_path):
    clock = FakeClock()
    app = kiosk(mini, tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PinScreen)
        for _ in range(MAX_TRIES):
            screen.pin_input.value = "0000"
            await pilot.press("enter")
        await pilot.pause()
        assert "60" in message(screen) and "Thử lại sau" in message(screen)
        assert screen.pin_input.disabled and screen.query_one("#pin-ok").disabled
        # Even the right PIN is refused during the lockout, and typing it changes nothing.
        assert app.guard.attempt(PIN) == "locked"
        await type_text(pilot, PIN)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and app.return_code is None
        clock.advance(25)
        app.tick()
        await pilot.pause()
        assert "35" in message(screen)
        # Closing and reopening the dialog does not lift the lock.
        screen.action_close()
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PinScreen) and screen.pin_input.disabled and "35" in message(screen)
        clock.advance(LOCK_SECONDS - 25)
        app.tick()
        await pilot.pause()
        assert not screen.pin_input.disabled
        assert app.focused is screen.pin_input
        await type_text(pilot, PIN)
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 0
    log = (tmp_path / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "wrong PIN (1 of 5 tries)" in log and "locked for 60 s" in log and "staff exit" in log
    assert PIN not in log and "0000" not in log  # tries are logged, never what was typed


async def test_lockout_survives_the_idle_reset(mini, tmp_path):
    clock = FakeClock()
    app = kiosk(mini, tmp_path, clock, idle_seconds=5)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        for _ in range(MAX_TRIES):
            app.screen.pin_input.value = "0000"
            await pilot.press("enter")
        await pilot.pause()
        clock.advance(40)  # well past idle + countdown
        app.tick()
        await pilot.pause()
        assert isinstance(app.screen, PinScreen) and app.screen.pin_input.disabled
        assert len(app.screen_stack) == 2  # no countdown over it, no reset under it


async def test_help_and_language_work_and_home_is_the_start(mini, tmp_path):
    app = kiosk(mini, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")  # escape closes dialogs, never the kiosk
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.MODE == "products" and len(app.screen_stack) == 1
        await pilot.press("f6")
        await pilot.pause()
        assert app.lang == "en"
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_clicking_markup_in_data_does_nothing(hostile, tmp_path):
    app = kiosk(hostile, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        app.screen.search_input.value = "code:X-2"  # the product named "[@click=app.quit]Free gift[/]"
        await pilot.pause()
        assert len(app.screen.table.rows) == 1
        for offset in ((1, 0), (3, 1), (10, 2), (2, 3)):
            await pilot.click("#detail", offset=offset)
        for _ in range(2):  # highlight, then "open" (goes to the booth, whose pane shows the payload too)
            await pilot.click("#table", offset=(2, 1))
            await pilot.pause()
        for offset in ((1, 0), (3, 1), (10, 2)):
            await pilot.click("#detail", offset=offset)
        await pilot.press("f9")
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        home.featured_at = home.featured.index(2)  # 5 stars: the card shows it
        home.show_featured()
        await pilot.pause()
        await pilot.click("#home-featured", offset=(12, 0))  # on the name: opens the product, nothing else
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert not any(isinstance(s, PinScreen) for s in app.screen_stack)  # quit was never even asked for
