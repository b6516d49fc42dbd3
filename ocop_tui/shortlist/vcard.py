"""A booth's exhibitor as a contact card (vCard 3.0, RFC 2426), for a QR code a phone adds to its contacts.

The card names the contact person (FN, and N split the Vietnamese way: family name first, given name last),
the exhibitor (ORG), the phone (TEL) and a note with the booth number, its zone and the fair, in the chosen
language. Values are escaped as the RFC asks (backslash, comma, semicolon, line breaks) and long lines folded
at 75 bytes without splitting a character; lines end with CRLF. UTF-8 throughout, as phones read it.
"""

from __future__ import annotations

from ocop_tui.i18n import t
from ocop_tui.model import Booth, Lang
from ocop_tui.shortlist.groups import one_line

FOLD_AT = 75  # bytes per line, line break excluded (RFC 2425 §5.8.1)


def escape(value: str) -> str:
    """A text value: backslash, comma and semicolon escaped, line breaks as \\n."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold_line(line: str) -> list[str]:
    """A content line in pieces of at most FOLD_AT bytes; every piece after the first starts with a space."""
    pieces: list[str] = []
    current, size, limit = "", 0, FOLD_AT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = " ", 1, FOLD_AT
        current += char
        size += width
    pieces.append(current)
    return pieces


def name_parts(name: str) -> tuple[str, str, str]:
    """Family, given and middle names of a Vietnamese name: "Nguyễn Công Toàn" is Nguyễn; Toàn; Công."""
    words = name.split()
    if not words:
        return "", "", ""
    if len(words) == 1:
        return "", words[0], ""
    return words[0], words[-1], " ".join(words[1:-1])


def booth_vcard(booth: Booth, fair_name: str, lang: Lang, *, note: bool = True) -> str:
    """The vCard of `booth`'s exhibitor contact (the exhibitor itself when the booth names no person).
    `note=False` leaves out the note (booth, zone, fair): a card half as long, for a screen too small for all."""
    person = one_line(booth.contact_name)
    exhibitor = one_line(booth.exhibitor)
    family, given, middle = name_parts(person)
    text = t("shortlist.vcard.note", lang, booth=one_line(booth.booth_no), zone=one_line(booth.zone),
             fair=one_line(fair_name))  # fmt: skip
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{escape(family)};{escape(given)};{escape(middle)};;",
        f"FN:{escape(person or exhibitor)}",
        f"ORG:{escape(exhibitor)}",
    ]
    if not person:
        lines.append("X-ABShowAs:COMPANY")  # Apple's contacts then list the card by its organisation
    if booth.phone.strip():
        lines.append(f"TEL;TYPE=WORK,VOICE:{escape(one_line(booth.phone))}")
    lines += [f"NOTE:{escape(text)}"] if note else []
    lines.append("END:VCARD")
    return "".join(piece + "\r\n" for line in lines for piece in fold_line(line))
