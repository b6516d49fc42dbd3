"""The QR screen as a phone sees it: the widget's lines on screen, painted into an image and decoded with
zxing-cpp, give back exactly the take-away text (every page of a long list) or the booth's vCard; paging
keys; a terminal too small for a contact card says how large it must be."""

from __future__ import annotations

import pytest
import zxingcpp
from rich.color import ColorSystem
from rich.segment import Segment
from textual.filter import Monochrome

from ocop_tui.model import Booth, Lang
from ocop_tui.shortlist.groups import group_by_booth
from ocop_tui.shortlist.payload import take_away_pages
from ocop_tui.shortlist.qr import QrText, max_version
from ocop_tui.shortlist.vcard import booth_vcard
from ocop_tui.ui.factory import make_app
from ocop_tui.ui.screens.qr_screen import CHROME_COLUMNS, CHROME_ROWS, QrScreen
from ocop_tui.ui.widgets.qr_view import INK, QrView
from tests.unit.test_qr_decoding import image

from .fixtures import FAIR, mini_catalog


def on_screen(view: QrView) -> QrText:
    """What the widget draws, line by line (its Strips, not its data): one module per half character."""
    lines = tuple(view.render_line(y).text for y in range(view.size.height))
    assert all(segment.style == INK for y in range(view.size.height) for segment in view.render_line(y))
    return QrText(lines, 0, 0)


def decoded(view: QrView) -> str:
    found = zxingcpp.read_barcode(image(on_screen(view)), formats=zxingcpp.BarcodeFormat.QRCode)
    assert found is not None, "no QR code found on screen"
    return found.text


async def contact_of_highlighted_booth(pilot) -> tuple[Booth, QrScreen]:
    """The Booths screen, then ctrl+k: the highlighted booth and the QR screen of its contact card."""
    app = pilot.app
    await pilot.press("f3")
    await pilot.pause()
    booth = app.catalog.booths[app.screen.table.highlighted]
    await pilot.press("ctrl+k")
    await pilot.pause()
    assert isinstance(app.screen, QrScreen)
    return booth, app.screen


def everything(app) -> None:
    for product in app.catalog.products:
        app.shortlist.add("product", product.code)


@pytest.mark.parametrize("lang", ["vi", "en"])
async def test_a_short_shortlist_is_one_code_that_reads_back_exactly(lang: Lang):
    app = make_app(mini_catalog(), lang=lang)
    app.shortlist.add("booth", "K-08")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f9", "ctrl+t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QrScreen) and len(screen.pages) == 1
        expected = take_away_pages(group_by_booth(app.shortlist, app.catalog), FAIR.name, lang)
        assert screen.pages == expected
        assert decoded(screen.qr_view) == expected[0]


@pytest.mark.parametrize("lang", ["vi", "en"])
async def test_a_long_shortlist_pages_and_every_page_reads_back_exactly(lang: Lang):
    app = make_app(mini_catalog(), lang=lang)
    everything(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9", "ctrl+t")
        await pilot.pause()
        screen = app.screen
        version = max_version(80 - CHROME_COLUMNS, 24 - CHROME_ROWS)
        expected = take_away_pages(group_by_booth(app.shortlist, app.catalog), FAIR.name, lang, max_version=version)
        assert len(expected) > 2 and screen.pages == expected
        marker = "Mã" if lang == "vi" else "Code"
        for number, page in enumerate(expected, start=1):
            assert f"{marker} {number}/{len(expected)}" in str(screen.query_one("#qr-title").render())
            assert decoded(screen.qr_view) == page
            await pilot.press("right_square_bracket")
            await pilot.pause()
        assert screen.page == 0  # round again
        await pilot.press("left")
        await pilot.pause()
        assert screen.page == len(expected) - 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.MODE == "shortlist"


async def test_resizing_works_the_pages_out_again():
    app = make_app(mini_catalog())
    everything(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9", "ctrl+t")
        await pilot.pause()
        small = len(app.screen.pages)
        await pilot.resize_terminal(160, 60)
        await pilot.pause()
        assert len(app.screen.pages) < small
        assert decoded(app.screen.qr_view) == app.screen.pages[0]


@pytest.mark.parametrize("lang", ["vi", "en"])
async def test_a_booths_contact_card_from_its_detail(lang: Lang):
    app = make_app(mini_catalog(), lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        booth, screen = await contact_of_highlighted_booth(pilot)
        card = booth_vcard(booth, FAIR.name, lang)
        assert screen.pages == [card]
        assert decoded(screen.qr_view) == card


async def test_a_terminal_too_small_for_the_card_says_how_large_it_must_be():
    app = make_app(mini_catalog(), lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "ctrl+k")
        await pilot.pause()
        screen = app.screen
        assert screen.pages == [] and screen.qr_view.lines == ()
        assert "too small for the QR code: it needs at least" in str(screen.query_one("#qr-hint").render())


async def test_an_empty_shortlist_has_nothing_to_take_away():
    app = make_app(mini_catalog(), lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f9", "ctrl+t")
        await pilot.pause()
        assert app.screen.pages == []
        assert "nothing to take away" in str(app.screen.query_one("#qr-hint").render())


async def test_the_code_is_black_on_white_in_every_theme_and_colour_system():
    app = make_app(mini_catalog())
    app.shortlist.add("booth", "K-08")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f9", "ctrl+t")
        await pilot.pause()
        view = app.screen.qr_view
        for _theme in app.theme_cycle:
            assert {s.style for y in range(view.size.height) for s in view.render_line(y)} == {INK}
            await pilot.press("f8")
            await pilot.pause()
        assert decoded(view) == app.screen.pages[0]
    # 16 colours (TERM=linux): black and bright white; NO_COLOR (Textual's monochrome filter): black and white.
    assert INK.color.downgrade(ColorSystem.STANDARD).number == 0
    assert INK.bgcolor.downgrade(ColorSystem.STANDARD).number == 15
    (segment,) = Monochrome().apply([Segment("▀", INK)], app.styles.background)
    assert segment.style.color.triplet.hex == "#000000" and segment.style.bgcolor.triplet.hex == "#ffffff"


async def test_the_booth_details_contact_button_shows_its_vcard():
    app = make_app(mini_catalog(), lang="vi")
    async with app.run_test(size=(140, 44)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        pane = app.screen.detail
        booth = app.catalog.booths[pane.booth]
        pane.focus()
        await pilot.pause()
        assert pane.cursor_entry.action == "show-on-map"
        await pilot.press("down")
        assert pane.cursor_entry.action == "contact-qr"
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QrScreen) and screen.booth_no == booth.booth_no
        assert decoded(screen.qr_view) == booth_vcard(booth, FAIR.name, "vi")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click(pane, offset=pane.reveal_action("contact-qr"))  # a click does the same
        await pilot.pause()
        assert isinstance(app.screen, QrScreen)


async def test_where_only_half_the_card_fits_it_goes_without_its_note():
    app = make_app(mini_catalog(), lang="en")
    async with app.run_test(size=(100, 32)) as pilot:
        booth, screen = await contact_of_highlighted_booth(pilot)
        short = booth_vcard(booth, FAIR.name, "en", note=False)
        assert "NOTE:" not in short and f"ORG:{booth.exhibitor}" in short
        assert screen.pages == [short] and decoded(screen.qr_view) == short
        assert "Without the note" in str(screen.query_one("#qr-hint").render())
        await pilot.resize_terminal(140, 44)  # room for it all now
        await pilot.pause()
        assert screen.pages == [booth_vcard(booth, FAIR.name, "en")]
        assert decoded(screen.qr_view) == screen.pages[0]
