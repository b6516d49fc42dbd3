"""Every screen a person reaches, in one walk: the language and contrast tests look at each on the way.

`walk_browser(pilot)` and `walk_kiosk(pilot, clock)` drive a running app through its screens and states (a
search typed, a row highlighted, the facets, nothing found, the booths, the map with a route, the facts, help,
the command palette, a notification; the kiosk's home, its PIN dialog and idle countdown) and yield a name for
each once it is on screen. A test walking the palette sets WordedCommandPalette.NO_MATCHES_DELAY short (its
"nothing found" line comes from a timer).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input

from .kiosk_support import FakeClock, settle

IDLE = 5  # the kiosk's idle timeout in the walk: its countdown after 5 s without input


async def steady(pilot: Pilot) -> None:
    """Nothing pending, no blinking cursor: what the screen shows is what it will keep showing."""
    await settle(pilot)
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()


async def keys(pilot: Pilot, *pressed: str) -> None:
    for key in pressed:
        await pilot.press(key)
    await steady(pilot)


async def palette_answer(pilot: Pilot, text: str, option_id: str | None = None) -> None:
    """Type into the open command palette and wait for its answer: some option listed (or the one `option_id`,
    such as the "nothing found" line, which comes from a timer: tests set its delay short)."""
    await keys(pilot, *text)
    listed = pilot.app.screen.query_one(CommandList)
    for _ in range(100):
        if listed.option_count and (option_id is None or option_id in {o.id for o in listed.options}):
            break
        await pilot.pause()


async def walk_browser(pilot: Pilot, booth_no: str) -> AsyncIterator[str]:
    """The browser's screens, from its start; `booth_no`: a booth to draw a route to on the map."""
    app = pilot.app
    await steady(pilot)
    await keys(pilot, "n", "u", "o", "c")
    yield "products, typing"
    await keys(pilot, "enter", "down")
    yield "products, row highlighted"
    await keys(pilot, "f7", "down", "space")
    yield "products, facets"
    await keys(pilot, "ctrl+r", "z", "z", "z", "q")
    yield "products, nothing found"
    await keys(pilot, "f3", "tab", "down")
    yield "booths"
    await keys(pilot, "f4")
    app.screen.show(booth_no)  # type: ignore[attr-defined]
    await steady(pilot)
    yield "map with a route"
    await keys(pilot, "f5")
    yield "fair facts"
    await keys(pilot, "f1")
    yield "help"
    await keys(pilot, "escape", "ctrl+p")
    yield "command palette"
    await palette_answer(pilot, "k-0")
    yield "command palette, found"
    await keys(pilot, *["backspace"] * 3)
    await palette_answer(pilot, "xyzq", CommandPalette._NO_MATCHES)
    yield "command palette, nothing found"
    await keys(pilot, "escape", "f2", "ctrl+r", "enter", "ctrl+c")  # ctrl+c on the results: how to quit
    yield "a notification"


async def walk_kiosk(pilot: Pilot, clock: FakeClock) -> AsyncIterator[str]:
    """The kiosk's own screens: home, its help, the PIN dialog, the idle countdown (the app's `idle_seconds`: IDLE)."""
    app = pilot.app
    await steady(pilot)
    yield "kiosk home"
    await keys(pilot, "f1")
    yield "kiosk help"
    await keys(pilot, "escape", "ctrl+q")
    yield "kiosk PIN dialog"
    await keys(pilot, "escape")
    clock.advance(IDLE)
    app.tick()  # type: ignore[attr-defined]
    await steady(pilot)
    yield "kiosk idle countdown"
