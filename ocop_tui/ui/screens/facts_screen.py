"""The Fair facts screen: the fair at a glance, with bar charts that open the matching products.

Name, theme, dates and venue; totals; products by province, OCOP group and stars; booths by zone and
exhibitor type. A click on a bar (or Enter on it) opens the Products screen filtered to that value:
every chart is one of the Products screen's facets.
"""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Container, VerticalScroll
from textual.widgets import Static

from ocop_tui.i18n import format_date
from ocop_tui.search.catalog import Catalog
from ocop_tui.search.facets import facet_label, facet_ranking
from ocop_tui.ui.language import follow_language
from ocop_tui.ui.safe import data_text
from ocop_tui.ui.screens.fair_screen import FairScreen
from ocop_tui.ui.widgets.bar_chart import Bar, BarChart
from ocop_tui.ui.widgets.fair_footer import FairFooter

CHARTS = (
    ("province", "facts.by_province"),
    ("group", "facts.by_group"),
    ("stars", "facts.by_stars"),
    ("zone", "facts.by_zone"),
    ("exhibitor_type", "facts.by_type"),
)


class FactsScreen(FairScreen):
    MODE = "facts"

    def __init__(self) -> None:
        super().__init__()
        self.counts: dict[str, Counter[str]] = {}
        self._counted: Catalog | None = None

    def _count(self) -> None:
        """Count once per catalogue (a kiosk may load a new one while the app runs)."""
        catalog = self.catalog
        if catalog is self._counted:
            return
        self._counted = catalog
        self.counts = {
            "province": Counter(p.province for p in catalog.products),
            "group": Counter(p.group for p in catalog.products),
            "stars": Counter(str(p.stars) for p in catalog.products),
            "zone": Counter(b.zone for b in catalog.booths),
            "exhibitor_type": Counter(b.exhibitor_type for b in catalog.booths),
        }

    def on_screen_resume(self) -> None:
        if self.catalog is not self._counted and self.is_mounted:
            self.relabel()

    def compose(self) -> ComposeResult:
        yield from self.compose_top()
        with VerticalScroll(id="facts-body"):
            yield Static(id="facts-info")
            yield Static(id="facts-hint")
            with Container(id="facts-charts"):
                for facet, _ in CHARTS:
                    yield BarChart(facet, id=f"chart-{facet}", classes="facts-chart")
        yield FairFooter()

    def on_mount(self) -> None:
        follow_language(self, self.relabel)
        self.query_one(f"#chart-{CHARTS[0][0]}", BarChart).focus()

    def chart(self, facet: str) -> BarChart:
        return self.query_one(f"#chart-{facet}", BarChart)

    def relabel(self) -> None:
        self._count()
        tr = self.app.tr
        lang = tr.lang
        catalog = self.catalog
        fair = catalog.fair
        info = [
            data_text(fair.text_in("name", lang), "bold"),
            Text.assemble(Text(f"{tr('facts.theme')}: ", style="bold"),
                          data_text(fair.text_in("theme", lang), "italic")),
            Text.assemble(Text(f"{tr('facts.dates')}: ", style="bold"),
                          tr("facts.date_range", start=format_date(fair.start_date, lang),
                             end=format_date(fair.end_date, lang))),
            Text.assemble(Text(f"{tr('facts.venue')}: ", style="bold"), data_text(fair.text_in("venue", lang)), ", ",
                          data_text(fair.text_in("city", lang))),
            Text(tr("facts.totals", booths=tr.number(len(catalog.booths)), products=tr.number(len(catalog.products)),
                    producers=tr.number(catalog.producer_count), provinces=tr.number(len(catalog.provinces))),
                 style="bold"),
        ]  # fmt: skip
        self.query_one("#facts-info", Static).update(Text("\n").join(info))
        self.query_one("#facts-hint", Static).update(Text(tr("facts.hint"), style="dim"))
        for facet, title in CHARTS:
            self.chart(facet).set_data(tr(title), self._bars(facet))

    def _bars(self, facet: str) -> list[Bar]:
        tr = self.app.tr
        counts = self.counts[facet]
        names = self.catalog.value_names(tr.lang)
        return [
            Bar(value, data_text(facet_label(facet, value, tr.lang, names)), counts[value],
                tr.number(counts[value]))
            for value in facet_ranking(facet, counts, tr.lang, names)
        ]  # fmt: skip

    @on(BarChart.Selected)
    def open_products(self, event: BarChart.Selected) -> None:
        self.post_message(self.ShowProducts(event.facet, event.value))
