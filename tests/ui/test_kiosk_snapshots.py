"""Snapshots of the kiosk at 80x24, in Vietnamese and English: the home screen and the PIN dialog.

Update after a deliberate change with `pytest tests/ui/test_kiosk_snapshots.py --snapshot-update`, then
look at the SVGs in __snapshots__/.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input

from .fixtures import mini_catalog
from .kiosk_support import FakeClock, kiosk


async def open_pin_dialog(pilot) -> None:
    await pilot.press("ctrl+q")
    await pilot.pause()
    pilot.app.screen.query_one("#pin-input", Input).cursor_blink = False  # a still cursor, a stable picture


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_home_screen(snap_compare, tmp_path, lang):
    assert snap_compare(kiosk(mini_catalog(), tmp_path, FakeClock(), lang=lang), terminal_size=(80, 24))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_pin_dialog(snap_compare, tmp_path, lang):
    app = kiosk(mini_catalog(), tmp_path, FakeClock(), lang=lang)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_pin_dialog)
