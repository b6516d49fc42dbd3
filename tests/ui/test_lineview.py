"""LineView's look (style, box, width, scrollbar, component styles): kept between frames, forgotten when what
it depends on changes, so lines drawn after a change of colours are the ones Textual would draw."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.geometry import Region

from ocop_tui.ui.widgets.status_line import StatusLine

from .test_textual_compat import BOXES, Rows, cells, textual_lines


class Framed(App[None]):
    CSS = "#frame { background: $surface; } #frame.-red { background: darkred; }"

    def __init__(self) -> None:
        super().__init__()
        self.stylesheet.add_source(f"Rows {{ {BOXES['alpha']} }}", read_from=("test", "box"))

    def compose(self) -> ComposeResult:
        with Vertical(id="frame"):
            yield Rows(id="rows")


def whole(view) -> Region:
    return Region(0, 0, view.region.width, view.region.height)


async def test_the_look_is_kept_while_lines_are_repainted():
    app = Framed()
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        view = app.query_one(Rows)
        view.render_lines(whole(view))
        look = view._look
        view.refresh_lines_on_view([2])
        view.render_lines(whole(view))
        assert view._look is look


def parent_class(app: App[None]) -> None:
    app.query_one("#frame").add_class("-red")  # the view is 30% red over its parent: the new colour shows


def parent_style(app: App[None]) -> None:
    # Set in code: no style of the view changes (nothing notifies it); Textual refreshes the children.
    app.query_one("#frame").styles.background = "darkblue"


def new_theme(app: App[None]) -> None:
    app.theme = "textual-light"


@pytest.mark.parametrize("change", [parent_class, parent_style, new_theme])
async def test_after_a_change_of_colours_the_lines_are_the_ones_textual_draws(change):
    app = Framed()
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        view = app.query_one(Rows)
        before = cells(view.render_lines(whole(view)))
        change(app)
        await pilot.pause()
        after = cells(view.render_lines(whole(view)))
        assert after != before
        assert after == cells(textual_lines(view, whole(view)))


async def test_a_new_size_gives_lines_of_the_new_width():
    app = Framed()
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        view = app.query_one(Rows)
        view.render_lines(whole(view))
        view.styles.width = 20
        await pilot.pause()
        lines = view.render_lines(whole(view))
        assert {strip.cell_length for strip in lines} == {20}
        assert cells(lines) == cells(textual_lines(view, whole(view)))


class Status(App[None]):
    CSS = "StatusLine { padding: 0 1; background: $panel 60%; }"

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")


def line_text(status: StatusLine) -> str:
    (strip,) = status.render_lines(Region(0, 0, status.region.width, 1))
    return strip.text


async def test_the_status_line_shows_text_literally_and_cuts_it_with_an_ellipsis():
    from rich.text import Text

    app = Status()
    async with app.run_test(size=(30, 5)) as pilot:
        status = app.query_one(StatusLine)
        status.update(Text("[bold]3 of 9[/] · ok"))
        await pilot.pause()
        assert line_text(status) == " [bold]3 of 9[/] · ok         "
        status.update(Text("1.200 trên 1.200 sản phẩm · Cà Mau · tôm khô"))
        await pilot.pause()
        drawn = line_text(status)
        assert len(drawn) == 30
        assert drawn.startswith(" 1.200 trên 1.200 sản phẩm") and drawn.endswith("… ")
        assert status.text.plain == "1.200 trên 1.200 sản phẩm · Cà Mau · tôm khô"  # what render() gives too
        assert str(status.render()) == status.text.plain


async def test_the_status_line_takes_no_focus():
    app = Status()
    async with app.run_test(size=(30, 5)) as pilot:
        await pilot.press("tab")
        assert app.focused is None
        assert not app.query_one(StatusLine).can_focus


async def test_the_status_line_follows_a_new_background_around_it():
    from rich.text import Text

    app = Status()
    async with app.run_test(size=(30, 5)) as pilot:
        status = app.query_one(StatusLine)
        status.update(Text("3 of 9"))
        await pilot.pause()
        whole_line = Region(0, 0, status.region.width, 1)
        before = cells(status.render_lines(whole_line))
        app.screen.styles.background = "darkblue"  # the line is 60% $panel over it: the new colour shows
        await pilot.pause()
        after = cells(status.render_lines(whole_line))
        assert after != before
        assert after == cells(textual_lines(status, whole_line))
