"""Freed memory goes back to the system while there is input, once a second at most, and not at all when idle."""

from __future__ import annotations

import pytest

from ocop_tui.ui import memory_tidy
from ocop_tui.ui.factory import make_app

from .fixtures import mini_catalog


async def test_memory_is_given_back_after_input_and_only_then(monkeypatch: pytest.MonkeyPatch) -> None:
    given: list[int] = []
    monkeypatch.setattr(memory_tidy, "release_free_memory", lambda: given.append(1))
    monkeypatch.setattr(memory_tidy, "CHECK_EVERY_SECONDS", 3600.0)  # the test looks itself, when it chooses
    app = make_app(mini_catalog(), lang="vi")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.give_memory_back()  # whatever the start left
        given.clear()
        assert not app.give_memory_back() and given == []  # no input: an idle kiosk does nothing
        await pilot.press("n", "u", "o", "c")
        await pilot.pause()
        assert app.give_memory_back() and given == [1]
        assert not app.give_memory_back() and given == [1]  # once per second of input, not per key
        await pilot.press("f3")  # a screen switch is input too
        await pilot.pause()
        assert app.give_memory_back() and given == [1, 1]
