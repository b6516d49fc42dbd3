"""The take-away text and its pages (shortlist/payload.py), the contact card (vcard.py) and the QR drawing's
sizes (qr.py). Reading the drawn codes back is in test_qr_decoding.py."""

from __future__ import annotations

import json
import random
import re
from functools import cache
from pathlib import Path

import pytest
import segno
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_tui.model import Booth, Lang
from ocop_tui.paths import demo_store_path
from ocop_tui.search.catalog import Catalog, load_catalog
from ocop_tui.shortlist.groups import BoothGroup, ShortlistGroups, group_by_booth
from ocop_tui.shortlist.items import Item, Shortlist
from ocop_tui.shortlist.payload import MAX_PAGES, TooManyPages, take_away_pages, take_away_text
from ocop_tui.shortlist.qr import (
    BYTE_CAPACITY_M,
    MAX_VERSION,
    QUIET_ZONE,
    TooSmall,
    capacity,
    drawn_size,
    max_version,
    render,
)
from ocop_tui.shortlist.vcard import booth_vcard, escape, fold_line
from tests.ui.fixtures import FAIR, mini_catalog

ITEMS = [Item("product", "91-001-1-5-2022"), Item("product", "84-002-1-3-2022"), Item("booth", "K-08"),
         Item("product", "87-001-1-4-2024")]  # fmt: skip


def mini_groups() -> ShortlistGroups:
    return group_by_booth(Shortlist(ITEMS), mini_catalog())


@cache
def demo() -> Catalog:
    return load_catalog(demo_store_path())


def demo_groups(seed: int, products: int) -> ShortlistGroups:
    catalog = demo()
    picked = random.Random(seed).sample(catalog.products, products)
    return group_by_booth(Shortlist(Item("product", p.code) for p in picked), catalog)


def test_the_text_in_vietnamese() -> None:
    assert take_away_text(mini_groups(), FAIR.name, "vi") == (
        "Diễn đàn OCOP Đồng bằng sông Cửu Long – Kiên Giang 2024\n"
        "\n"
        "B-01 HTX Dừa sáp Cầu Kè\n"
        "- Mật hoa dừa Cầu Kè · 3★\n"
        "\n"
        "D-03 Tổ hợp tác hoa kiểng Sa Đéc\n"
        "- Hoa kiểng Sa Đéc · 4★ · 250.000 ₫/chậu\n"
        "\n"
        "K-07 Công ty TNHH Nước mắm Khải Hoàn · 0912 345 678\n"
        "- Nước mắm Phú Quốc Khải Hoàn 40 độ đạm · 5★ · 185.000 ₫/chai 500ml\n"
        "\n"
        "K-08 HTX Nước mắm Thanh Quốc"
    )


def test_the_text_in_english_uses_english_names_where_there_are_some() -> None:
    text = take_away_text(mini_groups(), FAIR.name, "en")
    assert "- Sa Dec ornamental flowers · 4★ · 250,000 VND/chậu\n" in text
    assert "- Khai Hoan Phu Quoc fish sauce 40N · 5★ · 185,000 VND/chai 500ml\n" in text
    assert "- Mật hoa dừa Cầu Kè · 3★\n" in text  # no English name in the store


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_text_that_fits_is_one_page_without_a_marker(lang: Lang) -> None:
    assert take_away_pages(mini_groups(), FAIR.name, lang) == [take_away_text(mini_groups(), FAIR.name, lang)]


def content_lines(pages: list[str], lang: Lang) -> list[str]:
    """The pages' lines without markers and blank lines, and without a booth heading repeated on the next page."""
    marker = re.compile(r"^(Trang|Page) \d+/\d+$")
    lines: list[str] = []
    for page in pages:
        for line in page.split("\n"):
            if line and not marker.match(line) and not (lines and line == last_heading(lines)):
                lines.append(line)
    return lines


def last_heading(lines: list[str]) -> str | None:
    return next((line for line in reversed(lines) if not line.startswith("- ")), None)


@pytest.mark.parametrize(("lang", "word"), [("vi", "Trang"), ("en", "Page")])
def test_a_long_list_is_split_into_marked_pages_that_each_fit(lang: Lang, word: str) -> None:
    groups = demo_groups(1, 25)
    pages = take_away_pages(groups, FAIR.name, lang, max_version=10)
    whole = take_away_text(groups, FAIR.name, lang)
    assert len(whole.encode()) > capacity(10) and len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert len(page.encode("utf-8")) <= capacity(10)
        lines = page.split("\n")
        assert (lines[1] if number == 1 else lines[0]) == f"{word} {number}/{len(pages)}"
        assert not page.endswith("\n") and "\n\n\n" not in page
    assert pages[0].startswith(FAIR.name + "\n")
    assert content_lines(pages, lang) == [line for line in whole.split("\n") if line]  # nothing lost or doubled


def test_a_booth_is_kept_whole_on_a_page_when_it_fits_one() -> None:
    groups = demo_groups(2, 12)
    pages = take_away_pages(groups, FAIR.name, "vi", max_version=12)
    assert len(pages) > 2
    whole = take_away_text(groups, FAIR.name, "vi").split("\n\n")[1:]  # the booths' blocks
    for block in whole:
        assert len(block.encode()) < capacity(12) - 20  # each fits a page beside its marker
        holding = [page for page in pages if block in page]
        heading = block.split("\n")[0]
        assert len(holding) == 1 and sum(page.split("\n").count(heading) for page in pages) == 1, block


def test_a_booth_too_big_for_a_page_continues_with_its_heading_repeated() -> None:
    catalog = demo()
    booth = catalog.booths[0]
    products = [catalog.products[i] for i in catalog.products_in_booth(0)][:6]
    groups = group_by_booth(Shortlist(Item("product", p.code) for p in products), catalog)
    pages = take_away_pages(groups, FAIR.name, "vi", max_version=9)
    headed = [page for page in pages if booth.booth_no + " " in page]
    assert len(headed) >= 2 and all(len(page.encode()) <= capacity(9) for page in pages)


def test_a_line_too_long_for_any_page_is_cut_between_words() -> None:
    exhibitor = "Hợp tác xã " + "Nông nghiệp Mỹ An " * 6
    booth = Booth("K-99", exhibitor, "cooperative", "Kiên Giang", "Khu", phone="0967 095 651")
    pages = take_away_pages(ShortlistGroups((BoothGroup(booth, (), True),)), "Hội chợ", "vi", max_version=2)
    assert len(pages) > 3 and all(len(page.encode()) <= capacity(2) for page in pages)
    lines = content_lines(pages, "vi")
    assert lines[0] == "Hội chợ" and all(line == line.strip() for line in lines)
    assert " ".join(lines[1:]) == "K-99 " + " ".join(exhibitor.split()) + " · 0967 095 651"


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 30), st.integers(1, MAX_VERSION), st.sampled_from(["vi", "en"]))
def test_every_page_fits_and_nothing_is_lost(seed: int, products: int, version: int, lang: Lang) -> None:
    groups = demo_groups(seed, products)
    try:
        pages = take_away_pages(groups, FAIR.name, lang, max_version=version)
    except TooManyPages:
        assert version < 6  # only tiny codes run out of pages
        return
    assert 1 <= len(pages) <= MAX_PAGES
    assert all(len(page.encode("utf-8")) <= capacity(version) for page in pages)
    words = take_away_text(groups, FAIR.name, lang).split()
    joined = " ".join(page for page in pages).split()
    found = iter(joined)
    assert all(any(word in piece for piece in found) for word in words)  # every word, in order (maybe cut)


def test_capacities_are_segnos() -> None:
    for version in (*range(1, MAX_VERSION + 1, 3), MAX_VERSION, 40):
        size = BYTE_CAPACITY_M[version - 1]
        made = segno.make(b"\xff" * size, error="m", mode="byte", micro=False, boost_error=False)
        assert made.version == version
        if version < 40:
            more = segno.make(b"\xff" * (size + 1), error="m", mode="byte", micro=False, boost_error=False)
            assert more.version == version + 1


def test_the_largest_version_for_a_space_on_screen() -> None:
    assert drawn_size(1) == (21 + 2 * QUIET_ZONE, 15)
    assert max_version(120, 36) == 11  # 69 rows of modules
    assert max_version(80, 24) == 5
    assert max_version(400, 200) == MAX_VERSION
    assert max_version(400, 200, limit=30) == 30
    assert max_version(30, 15, quiet_zone=2) == 2
    with pytest.raises(TooSmall):
        max_version(28, 15)


@pytest.mark.parametrize("payload", ["K-007", "Diễn đàn OCOP – Kiên Giang 2024\nK-007 HTX Nông nghiệp Mỹ An"])
def test_a_code_is_drawn_in_half_blocks_with_its_quiet_zone(payload: str) -> None:
    code = render(payload)
    modules = code.modules + 2 * QUIET_ZONE
    assert code.width == modules and code.height == (modules + 1) // 2
    assert all(len(line) == modules and set(line) <= set(" ▀▄█") for line in code.lines)
    blank = " " * modules
    assert code.lines[:2] == (blank, blank) and code.lines[-2:] == (blank, blank)  # four modules of light border
    assert all(line[:QUIET_ZONE] == line[-QUIET_ZONE:] == " " * QUIET_ZONE for line in code.lines)
    assert code.lines[2][QUIET_ZONE : QUIET_ZONE + 7] == "█▀▀▀▀▀█"  # the top of a finder pattern


def test_vcard_of_a_booth() -> None:
    booth = mini_catalog().booth("K-07")
    assert booth is not None
    card = booth_vcard(booth, "Diễn đàn OCOP", "vi")
    assert card == (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Nguyễn;Hoàn;Văn;;\r\nFN:Nguyễn Văn Hoàn\r\n"
        "ORG:Công ty TNHH Nước mắm Khải Hoàn\r\nTEL;TYPE=WORK,VOICE:0912 345 678\r\n"
        "NOTE:Gian K-07 · Khu trưng bày nước mắm · Diễn đàn OCOP\r\nEND:VCARD\r\n"
    )
    assert "NOTE:Booth K-07 · Khu trưng bày nước mắm · Diễn đàn OCOP\r\n" in booth_vcard(booth, "Diễn đàn OCOP", "en")


def test_vcard_without_a_person_or_a_phone() -> None:
    booth = Booth("K-08", "HTX Nước mắm; Thanh Quốc, Phú Quốc", "cooperative", "Kiên Giang", "Khu")
    card = booth_vcard(booth, "Hội chợ", "en")
    assert "N:;;;;\r\n" in card and "X-ABShowAs:COMPANY\r\n" in card and "TEL" not in card
    assert "FN:HTX Nước mắm\\; Thanh Quốc\\, Phú Quốc\r\n" in card


def test_vcard_values_are_escaped_and_long_lines_folded() -> None:
    assert escape("a\\b,c;d\ne") == "a\\\\b\\,c\\;d\\ne"
    line = "NOTE:" + "Nước mắm Phú Quốc " * 12
    pieces = fold_line(line)
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces) and len(pieces) > 2
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert "".join(piece[1:] if i else piece for i, piece in enumerate(pieces)) == line  # unfolds to the line
    booth = Booth("K-1", "Hợp tác xã " * 20, "cooperative", "Kiên Giang", "Khu", contact_name="Lê Thị Mỹ Hạnh")
    card = booth_vcard(booth, "Hội chợ", "vi")
    assert all(len(line.encode()) <= 75 for line in card.split("\r\n"))
    assert "N:Lê;Hạnh;Thị Mỹ;;\r\n" in card


def test_the_benchmark_reports_the_walk_and_the_qr_codes(tmp_path: Path) -> None:
    from benchmarks.takeaway import main as takeaway  # runs it once, small: no timing is asserted

    out = tmp_path / "takeaway.json"
    results = takeaway(["--runs", "1", "--stops", "9", "--out", str(out)])
    assert json.loads(out.read_text(encoding="utf-8")) == results
    assert results["walk"]["stops"] == 9 and results["walk"]["runs"] == 1
    assert {"median_ms", "p90_ms", "target_ms", "met", "version"} <= next(iter(results["qr"].values())).keys()
