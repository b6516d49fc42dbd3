"""Which columns of a results table are shown at a width, and how wide each is: the name first.

A table has one flexible column, the name (a product or an exhibitor), which is what staff read; the others
have a width and a priority. As the table widens, the other columns are added one at a time in priority order,
each only once the name keeps at least its `name_room`; until the next column fits, the name grows up to that
column's `name_room` and any cells left over widen the shown columns up to their `max_width`. So:
- the name gets the spare width first, and a column never shows while a more important one is hidden;
- a wider table never shows fewer columns, nor a narrower name (the name's width never goes down as the
  width goes up; tests/ui/test_columns.py checks both for every width);
- as the table narrows, columns drop out in the reverse order, highest priority number first (the help
  screen lists that order from these declarations).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

GAP = 1  # cells between two columns


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    width: int  # its width (the name's: the least it is drawn in while another column is shown)
    justify: Literal["left", "right"] = "left"
    flexible: bool = False  # the name: it takes the spare width
    priority: int = 0  # the order columns are added in (0: always); as the table narrows the highest goes first
    name_room: int = 0  # shown only when the name keeps at least this many cells
    max_width: int = 0  # may widen to this with cells the name may not take yet (0: its width)
    descending_first: bool = False  # sorting by it starts high to low (stars, product counts)
    sortable: bool = True  # False: the shortlist's mark column, which the catalogue cannot sort by


def column_widths(columns: Sequence[Column], total: int) -> list[tuple[Column, int]]:
    """The columns shown in `total` cells, in their declared order, with their widths."""
    flexible = [c for c in columns if c.flexible]
    if len(flexible) != 1:
        return _without_a_name(columns, total)
    name = flexible[0]
    others = sorted((c for c in columns if not c.flexible), key=lambda c: c.priority)
    shown: list[Column] = []
    fixed = 0
    room_needed = 0  # running maximum: a later column never needs less name room than an earlier one
    for column in others:
        room_needed = max(room_needed, column.name_room)
        if room_needed + fixed + column.width + GAP > total:
            break
        shown.append(column)
        fixed += column.width + GAP
    following = others[len(shown)] if len(shown) < len(others) else None
    name_width = max(0, total - fixed)
    if following is not None:
        # Not wider than the next column asks for: when it comes in, the name keeps its width.
        name_width = min(name_width, max(room_needed, following.name_room))
    widths = {column.key: column.width for column in shown}
    spare = total - fixed - name_width
    for column in shown:  # most important first
        grow = min(spare, max(0, column.max_width - column.width))
        widths[column.key] += grow
        spare -= grow
    widths[name.key] = name_width
    return [(column, widths[column.key]) for column in columns if column.key in widths]


def _without_a_name(columns: Sequence[Column], total: int) -> list[tuple[Column, int]]:
    """No single flexible column: drop the highest priorities until the rest fit (the widths as declared)."""
    shown = list(columns)
    while len(shown) > 1 and sum(c.width for c in shown) + GAP * (len(shown) - 1) > total:
        shown.remove(max(shown, key=lambda c: c.priority))
    return [(column, column.width) for column in shown]


def drop_order(columns: Sequence[Column]) -> list[Column]:
    """The columns in the order they drop out as the table narrows (the name never does)."""
    return sorted((c for c in columns if not c.flexible and c.priority), key=lambda c: -c.priority)
