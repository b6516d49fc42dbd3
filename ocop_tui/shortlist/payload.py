"""The take-away text: what a visitor's phone shows after scanning the shortlist's QR code, with no network.

Plain UTF-8 text in the chosen language: the fair's name, then each booth ("K-007 HTX Nông nghiệp Mỹ An ·
0967 095 651") and the products collected there ("- Nước mắm Phú Quốc · 5★ · 150.000 ₫/chai"), a blank
line between booths. When the text is too long for one code of the largest version that stays readable in
the space on screen (qr.max_version), it is split into pages, each a code of its own starting with
"Trang 1/3" ("Page 1/3"): a booth is kept whole on a page when it fits one, else continued on the next
with its heading repeated, and a line too long for any page is cut between words.
"""

from __future__ import annotations

from collections.abc import Sequence

from ocop_tui.i18n import t
from ocop_tui.model import Lang
from ocop_tui.shortlist.groups import ShortlistGroups, booth_heading, one_line, product_line
from ocop_tui.shortlist.qr import MAX_VERSION, capacity

MAX_PAGES = 99


class TooManyPages(ValueError):
    """The text would need more than MAX_PAGES codes (a tiny screen, or a huge list)."""


Block = tuple[list[str], bool]  # lines, and whether a page that continues it repeats its first line


def take_away_blocks(groups: ShortlistGroups, fair_name: str, lang: Lang) -> list[Block]:
    """The text in blocks: the fair's name, then one block per booth (heading, then its products)."""
    blocks: list[Block] = [([one_line(fair_name)], False)]
    for group in groups.groups:
        lines = [booth_heading(group.booth)] + [f"- {product_line(p, lang)}" for p in group.products]
        blocks.append((lines, True))
    return blocks


def take_away_text(groups: ShortlistGroups, fair_name: str, lang: Lang) -> str:
    """The whole take-away text, unpaged."""
    return _join([line for lines, _ in take_away_blocks(groups, fair_name, lang) for line in [*lines, ""]][:-1])


def take_away_pages(
    groups: ShortlistGroups, fair_name: str, lang: Lang, *, max_version: int = MAX_VERSION
) -> list[str]:
    """The take-away text as one page per QR code, each within the capacity of a code of `max_version`."""
    return paginate(take_away_blocks(groups, fair_name, lang), capacity(max_version), lang)


def paginate(blocks: Sequence[Block], limit: int, lang: Lang) -> list[str]:
    """Blocks packed into pages of at most `limit` UTF-8 bytes, marked "Trang n/N" when there are several."""
    whole = _join([line for lines, _ in blocks for line in [*lines, ""]][:-1])
    if _size(whole) <= limit:
        return [whole]
    total = 9
    while True:
        marker = t("shortlist.qr.page", lang, page=total, pages=total)
        budget = limit - _size(marker) - 1  # the marker's line and its line break
        if budget < 4:  # not even one character of any kind would fit beside the marker
            raise TooManyPages(limit)
        pages = _pack(blocks, budget)
        if len(pages) > MAX_PAGES:
            raise TooManyPages(len(pages))
        if len(str(len(pages))) <= len(str(total)):
            break
        total = 10 ** len(str(len(pages))) - 1  # more pages than the marker allowed for: reserve wider ones
    count = len(pages)
    marked = []
    for number, page in enumerate(pages, start=1):
        marker = t("shortlist.qr.page", lang, page=number, pages=count)
        lines = [page[0], marker, *page[1:]] if number == 1 else [marker, *page]
        marked.append(_join(lines))
    return marked


def _join(lines: Sequence[str]) -> str:
    return "\n".join(lines)


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _lines_size(lines: Sequence[str]) -> int:
    return sum(_size(line) for line in lines) + max(0, len(lines) - 1)


def _pack(blocks: Sequence[Block], budget: int) -> list[list[str]]:
    """Lines of pages of at most `budget` bytes each (lines joined by line breaks)."""
    pages: list[list[str]] = []
    page: list[str] = []

    def fits(lines: list[str]) -> bool:
        return _lines_size(lines) <= budget

    for lines, repeat_head in blocks:
        separator = [""] if page else []
        if fits(page + separator + lines):
            page += separator + lines
            continue
        if page and fits(lines):  # a whole booth on the next page rather than split across two
            pages.append(page)
            page = list(lines)
            continue
        for index, line in enumerate(lines):
            for number, piece in enumerate(_cut(line, budget)):
                separator = [""] if page and index == 0 and number == 0 else []
                if fits(page + separator + [piece]):
                    page += separator + [piece]
                    continue
                pages.append(page)
                head = [lines[0]] if repeat_head and index > 0 and fits([lines[0], piece]) else []
                page = head + [piece]
    if page:
        pages.append(page)
    return pages


def _cut(line: str, budget: int) -> list[str]:
    """`line` in pieces of at most `budget` bytes, cut between words where possible."""
    if _size(line) <= budget:
        return [line]
    pieces: list[str] = []
    current = ""
    for word in line.split(" "):
        candidate = f"{current} {word}" if current else word
        if _size(candidate) <= budget:
            current = candidate
            continue
        if current:
            pieces.append(current)
        current = ""
        for char in word:  # a word longer than a page: cut it between characters
            if _size(current + char) > budget:
                pieces.append(current)
                current = ""
            current += char
    if current:
        pieces.append(current)
    return pieces
