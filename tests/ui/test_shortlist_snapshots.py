"""Snapshots of the Shortlist screen and the take-away QR code, with a few items of the demo fair, at 80x24 and
120x36, in Vietnamese and English.

Update after an intended visual change with `pytest --snapshot-update tests/ui/test_shortlist_snapshots.py`
and look at the report before committing.
"""

from __future__ import annotations

import pytest

from ocop_tui.ui.factory import make_app

from .test_snapshots import LANGS, SIZES, demo_catalog, steps


def collected(lang: str):
    app = make_app(demo_catalog(), lang=lang)
    catalog = app.catalog
    for booth in catalog.booths[:2]:
        app.shortlist.add("booth", booth.booth_no)
    for product in catalog.products[10:13]:
        app.shortlist.add("product", product.code)
    return app


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_shortlist_screen(snap_compare, size, lang):
    assert snap_compare(collected(lang), terminal_size=size, run_before=steps("f9"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_take_away_qr(snap_compare, size, lang):
    assert snap_compare(collected(lang), terminal_size=size, run_before=steps("f9", "ctrl+t", "right_square_bracket"))
