"""The drawn QR codes read back as a phone would: the half-block lines painted into an image (one module per
half of a character, dark ink on white) and decoded with zxing-cpp, which must give back exactly the payload.
"""

from __future__ import annotations

import random

import pytest
import zxingcpp

from ocop_tui.model import Lang
from ocop_tui.paths import demo_store_path
from ocop_tui.search.catalog import load_catalog
from ocop_tui.shortlist.groups import group_by_booth
from ocop_tui.shortlist.items import Item, Shortlist
from ocop_tui.shortlist.payload import take_away_pages
from ocop_tui.shortlist.qr import QrText, max_version, render
from ocop_tui.shortlist.vcard import booth_vcard
from tests.ui.fixtures import FAIR, mini_catalog

PIXELS = 3  # per module: a phone's camera sees the screen at some such resolution
UPPER, LOWER = {"▀", "█"}, {"▄", "█"}


def image(code: QrText) -> memoryview:
    """The lines as a grayscale image: each character a module wide and two tall (upper and lower half)."""
    width, height = code.width * PIXELS, code.height * 2 * PIXELS
    pixels = bytearray(b"\xff" * (width * height))
    for row, line in enumerate(code.lines):
        for half, ink in ((0, UPPER), (1, LOWER)):
            for column, char in enumerate(line):
                if char in ink:
                    top = (row * 2 + half) * PIXELS
                    for y in range(top, top + PIXELS):
                        start = y * width + column * PIXELS
                        pixels[start : start + PIXELS] = b"\x00" * PIXELS
    return memoryview(pixels).cast("B", (height, width))


def decode(payload: str) -> str:
    found = zxingcpp.read_barcode(image(render(payload)), formats=zxingcpp.BarcodeFormat.QRCode)
    assert found is not None, "no QR code found"
    return found.text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_short_shortlist_reads_back_exactly(lang: Lang) -> None:
    catalog = mini_catalog()
    items = [Item("product", "91-001-1-5-2022"), Item("booth", "K-08"), Item("product", "87-001-1-4-2024")]
    (page,) = take_away_pages(group_by_booth(Shortlist(items), catalog), FAIR.name, lang)
    assert decode(page) == page
    assert ("Trang" if lang == "vi" else "Page") not in page


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_of_a_long_shortlist_reads_back_exactly(lang: Lang) -> None:
    catalog = load_catalog(demo_store_path())
    picked = random.Random(7).sample(catalog.products, 14)
    groups = group_by_booth(Shortlist(Item("product", p.code) for p in picked), catalog)
    version = max_version(120, 40)  # the space a 140×50 terminal leaves for the code
    pages = take_away_pages(groups, catalog.fair.name, lang, max_version=version)
    assert len(pages) >= 3
    for page in pages:
        code = render(page)
        assert code.version <= version and code.width <= 120 and code.height <= 40
        assert decode(page) == page


def test_a_contact_card_reads_back_exactly() -> None:
    booth = mini_catalog().booth("K-07")
    assert booth is not None
    for lang in ("vi", "en"):
        card = booth_vcard(booth, FAIR.name, lang)  # type: ignore[arg-type]
        assert decode(card) == card


def test_text_in_latin_1_and_ascii_reads_back_too() -> None:
    # segno writes text that fits ISO-8859-1 in it (the QR standard's own byte encoding), the rest in UTF-8.
    for payload in ("K-007", "Café Phú · 45.000", "KIEN GIANG 2024"):
        assert decode(payload) == payload


def test_the_decoder_really_reads_the_drawing() -> None:
    # A test that can fail: a damaged drawing (a finder pattern wiped out) is not read.
    code = render("K-007 HTX Nông nghiệp Mỹ An · 0967 095 651")
    lines = list(code.lines)
    for row in range(2, 6):
        lines[row] = " " * 12 + lines[row][12:]
    assert zxingcpp.read_barcode(image(QrText(tuple(lines), code.version, code.modules))) is None
