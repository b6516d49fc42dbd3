"""Freed memory goes back to the system a moment after the last input, never while someone types."""

from __future__ import annotations

import pytest

from ocop_tui.ui import memory_tidy
from ocop_tui.ui.factory import make_app

from .fixtures import mini_catalog


async def test_memory_is_given_back_once_after_input_and_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    given: list[int] = []
    monkeypatch.setattr(memory_tidy, "release_free_memory", lambda: given.append(1))
    now = [100.0]
    app = make_app(mini_catalog(), lang="vi")
    app.tidy_clock = lambda: now[0]  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app._input_at = None  # the start's own events
        assert not app.give_memory_back()  # no input yet: nothing to give back
        await pilot.press("n", "u", "o", "c")
        await pilot.pause()
        now[0] += memory_tidy.QUIET_SECONDS / 2
        assert not app.give_memory_back()  # still typing: never in the middle of it
        now[0] += memory_tidy.QUIET_SECONDS
        assert app.give_memory_back() and given == [1]
        now[0] += 10
        assert not app.give_memory_back()  # once per burst of input, not every second
        await pilot.press("f3")  # a screen switch counts as input too
        await pilot.pause()
        now[0] += 10
        assert app.give_memory_back() and given == [1, 1]
