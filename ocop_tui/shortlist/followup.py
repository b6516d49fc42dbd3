"""The shortlist as a spreadsheet for a buyer's follow-up: one row per product (or per booth collected without
products), with the booth's exhibitor, contact person and phone; headers in the chosen language.

CSV is UTF-8 with a byte-order mark, comma-separated, the form Excel opens correctly. A text cell that a
spreadsheet would take for a formula (starting with = + - @, a tab or a carriage return) gets an apostrophe
in front (ocop_tui.text.escape_formula, as in the store's export), so opening the file never runs anything.
In Excel files every text is a text cell, which is never a formula, so nothing is changed there.
Stars, prices and the like are numbers in both. Files are written atomically.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from ocop_tui.files import atomic_write
from ocop_tui.i18n import t
from ocop_tui.model import Lang, province_label
from ocop_tui.shortlist.groups import ShortlistGroups
from ocop_tui.text import escape_formula

COLUMNS = ("booth_no", "exhibitor", "contact_name", "phone", "province", "zone",
           "code", "name", "name_en", "stars", "price_vnd", "unit")  # fmt: skip
FORMATS = ("csv", "xlsx")
_WIDTHS = {"exhibitor": 36, "name": 44, "name_en": 40, "zone": 28, "contact_name": 24, "phone": 16}


def headers(lang: Lang) -> list[str]:
    return [t(f"shortlist.col.{name}", lang) for name in COLUMNS]


def follow_up_rows(groups: ShortlistGroups, lang: Lang) -> list[list[Any]]:
    """The rows, in COLUMNS order: booths in booth-number order, products as they were added."""
    rows: list[list[Any]] = []
    for group in groups.groups:
        booth = group.booth
        contact = [booth.booth_no, booth.exhibitor, booth.contact_name, booth.phone,
                   province_label(booth.province, lang), booth.zone]  # fmt: skip
        if not group.products:
            rows.append(contact + [None] * (len(COLUMNS) - len(contact)))
        for product in group.products:
            rows.append(contact + [product.code, product.name, product.name_en, product.stars, product.price_vnd,
                                   product.unit])  # fmt: skip
    return [[None if value == "" else value for value in row] for row in rows]


def csv_bytes(groups: ShortlistGroups, lang: Lang) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(headers(lang))
    for row in follow_up_rows(groups, lang):
        writer.writerow(["" if v is None else escape_formula(v) if isinstance(v, str) else v for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(groups: ShortlistGroups, lang: Lang) -> bytes:
    from openpyxl import Workbook  # only an Excel export pays for it
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(t("shortlist.sheet", lang))
    for index, name in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(name, 12)
    sheet.freeze_panes = "A2"

    def cell(value: Any, *, bold: bool = False) -> Any:
        if not isinstance(value, str):
            return value
        text = WriteOnlyCell(sheet, value)
        text.data_type = "s"  # a text cell, even for "=...", which openpyxl would store as a formula
        if bold:
            text.font = Font(bold=True)
        return text

    sheet.append([cell(name, bold=True) for name in headers(lang)])
    for row in follow_up_rows(groups, lang):
        sheet.append([cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def format_of(path: Path) -> str | None:
    """ "csv" or "xlsx" from the file's suffix (any case), None for anything else."""
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def write_follow_up(path: Path, groups: ShortlistGroups, lang: Lang) -> None:
    """Write the follow-up sheet to `path` (.csv or .xlsx; ValueError otherwise), atomically: OSError as the
    system raises it when the file cannot be written."""
    fmt = format_of(path)
    if fmt is None:
        raise ValueError(f"not a .csv or .xlsx file: {path}")
    atomic_write(path, csv_bytes(groups, lang) if fmt == "csv" else xlsx_bytes(groups, lang))
