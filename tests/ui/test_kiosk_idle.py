"""Kiosk idle reset: a visible countdown, then a clean home screen; any input keeps the visitor's place.

Time is a fake clock moved by the test, and `tick()` is called directly: nothing here waits.
"""

from __future__ import annotations

from ocop_tui.kiosk.misses import misses_path, read_misses
from ocop_tui.ui.kiosk.dialogs import IdleCountdown, PinScreen
from ocop_tui.ui.kiosk.home import HomeScreen
from ocop_tui.ui.screens.help import HelpScreen

from .conftest import type_text
from .kiosk_support import FakeClock, kiosk, settle, touch

IDLE = 5  # a short timeout: the countdown shows after 5 s without input, the reset 10 s later


def countdown_text(app) -> str:
    screen = app.screen
    assert isinstance(screen, IdleCountdown)
    return str(screen.query_one("#idle-seconds").render())


async def test_countdown_then_reset_clears_everything(mini, tmp_path):
    clock = FakeClock()
    app = kiosk(mini, tmp_path, clock, idle_seconds=IDLE)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.click("#home-products")
        await pilot.pause()
        products = app.screen
        assert products.MODE == "products"
        products.search_input.value = "nuoc mam"
        products.filters["province"] = {"Kiên Giang"}
        products.sort = ("price", True)
        products.run_search()
        await pilot.pause()
        products.table.focus()
        await pilot.press("down", "down")
        assert products.table.highlighted != products.result.ids[0]
        await pilot.press("f6")  # a visitor switched to English
        await pilot.press("f1")  # and left the help open
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)

        clock.advance(IDLE - 1)
        app.tick()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)  # not yet
        clock.advance(1)
        app.tick()
        await pilot.pause()
        assert "10" in countdown_text(app)
        assert "touch any key" in str(app.screen.query_one("#idle-hint").render()).lower()
        clock.advance(3.5)
        app.tick()
        await pilot.pause()
        assert "7" in countdown_text(app)
        clock.advance(6.5)
        app.tick()
        await settle(pilot)

        assert isinstance(app.screen, HomeScreen) and len(app.screen_stack) == 1
        assert app.lang == "vi"  # back to the kiosk's own language
        assert products.query_text == "" and products.search_input.value == ""
        assert products.filters == {} and products.sort is None
        assert products.table.highlighted == products.result.ids[0]
        assert products.result.total == len(mini.products)
        assert not app.in_use
        # Nobody there: later ticks neither count down again nor reset again.
        clock.advance(100)
        app.tick()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and len(app.screen_stack) == 1


async def test_any_key_during_the_countdown_keeps_the_visitor_where_they_were(mini, tmp_path):
    clock = FakeClock()
    app = kiosk(mini, tmp_path, clock, idle_seconds=IDLE)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f2")
        await type_text(pilot, "dua")
        clock.advance(IDLE + 2)
        app.tick()
        await pilot.pause()
        assert isinstance(app.screen, IdleCountdown)
        await pilot.press("x")  # "still here": the key closes the countdown and is not typed
        await pilot.pause()
        assert app.screen.MODE == "products" and app.screen.search_input.value == "dua"
        clock.advance(IDLE + 2)
        app.tick()
        await pilot.pause()
        assert isinstance(app.screen, IdleCountdown)
        await touch(pilot, "#idle-box", (30, 2))  # a touch works too, and presses nothing beneath
        await pilot.pause()
        assert app.screen.MODE == "products" and app.screen.search_input.value == "dua"
        clock.advance(IDLE - 1)
        app.tick()
        await pilot.pause()
        assert app.screen.MODE == "products"  # the idle time started again with that touch


async def test_a_touch_on_the_countdown_presses_nothing_beneath(mini, tmp_path):
    clock = FakeClock()
    app = kiosk(mini, tmp_path, clock, idle_seconds=IDLE)
    async with app.run_test(size=(80, 24)) as pilot:
        button = app.screen.query_one("#home-products").region
        await touch(pilot, (button.x + 3, button.y + 1))  # a real touch on the button works...
        assert app.screen.MODE == "products"
        await pilot.press("f9")
        await pilot.pause()
        clock.advance(IDLE + 1)
        app.tick()
        await pilot.pause()
        assert isinstance(app.screen, IdleCountdown)
        await touch(pilot, (button.x + 3, button.y + 1))  # ...but over the countdown it only closes it
        assert isinstance(app.screen, HomeScreen) and app.in_use


async def test_reset_closes_the_pin_dialog_but_not_a_lockout(mini, tmp_path):
    clock = FakeClock()
    app = kiosk(mini, tmp_path, clock, idle_seconds=IDLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, PinScreen)
        clock.advance(IDLE + 10)
        app.tick()
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen) and len(app.screen_stack) == 1


async def test_home_cycles_featured_products_while_idle(mini, tmp_path):
    clock = FakeClock()
    app = kiosk(mini, tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert len(home.featured) == 3  # the mini fair's 5-star products
        first = home.query_one("#home-featured").product
        assert mini.products[first].stars == 5
        seen = {first}
        for _ in range(3):
            clock.advance(6)
            app.tick()
            await pilot.pause()
            seen.add(home.query_one("#home-featured").product)
        assert len(seen) == 3
        await pilot.click("#home-featured")
        await pilot.pause()
        assert app.screen.MODE == "products"
        assert app.screen.table.highlighted in seen


async def test_missed_searches_are_logged_once_settled(mini, tmp_path):
    clock = FakeClock()
    app = kiosk(mini, tmp_path, clock, idle_seconds=IDLE)
    log = misses_path(tmp_path / "logs")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        search = app.screen.search_input
        for text in ("sau", "sau r", "sau rieng"):  # typing on: nothing found, but not recorded yet
            search.value = text
            await pilot.pause()
        assert read_misses(log) == []
        search.value = "sau ua"  # edited into another search that finds nothing
        await pilot.pause()
        await pilot.press("f3")  # leaving the screen settles it
        await pilot.pause()
        assert read_misses(log) == [("sau ua", "products")]
        search = app.screen.search_input
        for text in ("K-07x", "K-07", "K-07zzz"):  # a typo fixed (found) is dropped; the last one is kept
            search.value = text
            await pilot.pause()
        await pilot.press("down")  # someone was here
        clock.advance(IDLE + 10)
        app.tick()
        await settle(pilot)  # the idle reset settles it
        assert read_misses(log) == [("sau ua", "products"), ("K-07zzz", "booths")]
        await pilot.press("f2")
        await pilot.pause()
        app.screen.search_input.value = "gio"
        app.screen.filters["province"] = {"Bến Tre"}  # found nothing only because of a filter: not a gap
        app.screen.run_search()
        await pilot.pause()
        assert app.screen.result.total == 0
        app.screen.action_clear()
        await pilot.pause()
        assert len(read_misses(log)) == 2


async def test_a_tick_while_the_app_closes_does_nothing(mini, tmp_path):
    """The timer can fire once more while the app is being torn down, with no screen left to look at."""
    clock = FakeClock()
    app = kiosk(mini, tmp_path, clock, idle_seconds=IDLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
    clock.advance(IDLE + 10)
    app.tick()  # no screens on the stack any more: must not raise
