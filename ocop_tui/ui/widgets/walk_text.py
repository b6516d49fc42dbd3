"""The walking plan as the map's side panel says it: the title, the total, then each stop numbered in walking
order with its exhibitor and the turns that lead there (plan/walk.py plans it; the map draws it)."""

from __future__ import annotations

from rich.text import Text

from ocop_tui.i18n import Translator
from ocop_tui.plan.walk import Walk
from ocop_tui.search.catalog import Catalog
from ocop_tui.ui.safe import data_text


def walk_text(walk: Walk | None, catalog: Catalog, tr: Translator, *, has_start: bool = True) -> Text:
    """`walk` described in `tr`'s language; None: the shortlist has no booth to walk to."""
    title = Text(tr("walk.title"), style="bold")
    if not has_start:
        return Text("\n").join([title, Text(tr("walk.no_start"))])
    if walk is None:
        return Text("\n").join([title, Text(tr("walk.empty"), style="dim")])
    lines = [title, Text(walk.summary(tr.lang))]
    for number, leg in enumerate(walk.legs, start=1):
        heading = Text(tr("walk.leg", number=number, booth=data_text(leg.booth_no).plain), style="bold")
        booth = catalog.booth(leg.booth_no)
        if booth is not None:
            heading.append(" ").append_text(data_text(booth.exhibitor))
        lines.append(heading)
        lines += [Text("   ") + Text(line) for line in leg.describe(tr.lang)]
    return Text("\n").join(lines)
