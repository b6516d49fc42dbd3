"""Flat memory: switching screens all day keeps a bounded number of widgets and screens alive, and typing
leaves no garbage that only a full collection (a pause in the middle of typing) would free.

What a switch kept before (the Footer's removed keys, held by its data bindings) showed as widgets that are
no longer on any screen; counted here deterministically (no timing, no RSS: those are in `python -m benchmarks
soak`).
"""

from __future__ import annotations

import gc
from collections import Counter

from textual.dom import DOMNode
from textual.pilot import Pilot
from textual.screen import Screen

from ocop_tui.ui.app import OcopApp


def live_nodes(app: OcopApp) -> Counter[str]:
    """The app's DOM nodes alive now (garbage collected first), by class and whether they are on a screen.
    (The app freezes what is alive once the search index is built: unfrozen here so that it is counted.)"""
    gc.unfreeze()
    gc.collect()
    return Counter(
        f"{type(node).__name__}{'' if node.is_attached else ' (detached)'}"
        for node in gc.get_objects()
        if isinstance(node, DOMNode) and node.app is app
    )


async def test_screen_switches_keep_no_widgets_or_screens_behind(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()

        async def round_trips() -> None:
            for key in ("f3", "f2", "f4", "f2", "f5", "f2"):
                await pilot.press(key)
                await pilot.pause()
                await pilot.pause()

        await round_trips()  # every screen made once, every cache filled
        await round_trips()
        before = live_nodes(app)
        for _ in range(4):
            await round_trips()
        after = live_nodes(app)
        grown = {name: after[name] - before[name] for name in after if after[name] > before[name]}
        assert not grown, grown  # 24 switches more, not one widget more (a leaking footer: 500 keys)
        # Removed widgets still alive are a footer's last rebuild on its way out, never more.
        assert sum(count for name, count in after.items() if name.endswith("(detached)")) <= 60
        # The app's own screens (`node.app` is the app running now, for any node: the default Screen another
        # test's app left to the collector would count as this app's).
        screens = [s for s in gc.get_objects() if isinstance(s, Screen) and type(s).__module__.startswith("ocop_tui.")]
        assert len(screens) == 4  # one per mode


async def footer_shown(pilot: Pilot, screen: Screen) -> None:
    """Pauses until the screen's footer shows its keys (the browser screens mount theirs after a first frame)."""
    for _ in range(20):
        await pilot.pause()
        if screen.query("FooterKey"):
            return


async def test_a_hidden_screens_footer_waits_until_it_is_shown(app):
    """In a real terminal the bindings of hidden screens change too (their focus moves as they are left).
    Textual's Footer rebuilt its keys each time, and the hidden screen kept every new key in its list of
    widgets to repaint, which only a frame of its own clears: a few hundred dead keys per screen in a
    minute of switching. A hidden screen's footer now rebuilds once, when the screen is shown again."""
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f3")  # the booths screen, made and shown once
        booths = app.screen
        await footer_shown(pilot, booths)
        await pilot.press("f2")
        await pilot.pause()
        assert not booths.is_current
        keys_before = {id(key) for key in booths.query("FooterKey")}
        words_before = {key.description for key in booths.query("FooterKey")}
        assert keys_before
        for _ in range(10):
            booths.refresh_bindings()  # what a focus change on the hidden screen does
            await pilot.pause()
        assert {id(key) for key in booths.query("FooterKey")} == keys_before  # not rebuilt while hidden
        assert live_nodes(app)["FooterKey (detached)"] <= 20  # no pile of dead keys (ten rebuilds: about 170)
        await pilot.press("f6")  # English: every screen's keys change; the hidden one's follow when it is shown
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        await pilot.pause()
        assert {id(key) for key in booths.query("FooterKey")} != keys_before  # rebuilt on being shown
        words_after = {key.description for key in booths.query("FooterKey")}
        assert words_after != words_before and "Map" in words_after, words_after


async def test_the_footer_is_rebuilt_only_when_its_keys_change(app):
    """Every focus move tells the footer the bindings may have changed; Textual's Footer rebuilt its keys each
    time. The products screen's search box and table show the same keys except for the table's own."""
    async with app.run_test(size=(140, 40)) as pilot:
        await footer_shown(pilot, app.screen)
        keys = {id(key) for key in app.screen.query("FooterKey")}
        assert keys
        for _ in range(3):
            app.screen.refresh_bindings()  # nothing changed
            await pilot.pause()
        assert {id(key) for key in app.screen.query("FooterKey")} == keys
        await pilot.press("f6")  # the language: every key's text changes
        await pilot.pause()
        await pilot.pause()
        assert {id(key) for key in app.screen.query("FooterKey")} != keys


async def test_typing_leaves_no_cyclic_garbage(app):
    """Every line drawn used to become a reference cycle (Strip.divide kept [the strip] in the strip's own
    cache): 300 objects per keystroke that only a full collection freed, in pauses of 20-70 ms while typing.
    Counted with the collector off while typing, then one collection that keeps what it finds."""
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n", "u", "o", "c")  # every cache filled once
        await pilot.pause()
        gc.collect()
        gc.disable()
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            for text in ("mam", "ctrl+u", "banh", "ctrl+u", "phu quoc"):
                for key in [text] if text.startswith("ctrl") else text:
                    await pilot.press("space" if key == " " else key)
                    await pilot.pause()
            gc.collect()
            garbage = Counter(type(thing).__name__ for thing in gc.garbage)
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
            gc.enable()
        # (A layout, such as the "no exact match" line appearing, leaves Textual's map of the screen in a
        # cycle: once per layout, not per line drawn.)
        drawn = {name: garbage[name] for name in ("Strip", "Segment", "FIFOCache") if garbage[name]}
        assert not drawn, drawn
