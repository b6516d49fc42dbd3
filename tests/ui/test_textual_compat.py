"""What ocop_tui.ui.textual_compat relies on in Textual, one test per item, plus the public behaviour the app
leans on in the same way. Each test fails when Textual renames what the item uses or stops giving the effect
it is there for; where it can, it also shows that Textual without the item still behaves the way that made
the item necessary (when that changes, the item may be dropped). Run these first after a Textual upgrade.
"""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from rich.segment import Segment
from rich.style import Style
from textual import events, messages
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.command import CommandInput, CommandList, CommandPalette
from textual.geometry import Region, Size
from textual.screen import ModalScreen, Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Footer, Input, Static
from textual.worker import WorkerFailed

from ocop_tui.ui.lineview import LineView, fit_segments
from ocop_tui.ui.textual_compat import (
    ErrorHook,
    FatalErrorHook,
    InputWithoutRelayout,
    LaidOutOnce,
    LightStrip,
    WordedCommandPalette,
    bindings_of,
    divide_strips_without_cycles,
    kept_lines,
    mode_stacks,
    redescribe_footer_keys,
    send_refreshes_now,
    side_box,
    update_scrollbars_now,
)
from ocop_tui.ui.textual_compat.drawing import _STRIP_CACHES


class Lines(ScrollView):
    """A Line API view of 100 lines in a box of 5: it has a vertical scrollbar."""

    DEFAULT_CSS = "Lines { height: 5; width: 20; }"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.resizes = 0

    def on_mount(self) -> None:
        self.virtual_size = Size(0, 100)

    def on_resize(self) -> None:
        self.resizes += 1

    def render_line(self, y: int) -> Strip:
        return Strip.blank(self.size.width)


class LinesLaidOutOnce(LaidOutOnce, Lines):
    pass


class Keys(Widget, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f12", "mine", "key.search")]


class Host(App[None]):
    CSS = "Input { width: 20; height: 3; }"

    def compose(self) -> ComposeResult:
        yield Keys(id="keys")
        yield Lines(id="plain")
        yield LinesLaidOutOnce(id="once")
        yield Static("one line", id="static")
        yield Input(id="input")
        yield InputWithoutRelayout(id="fixed-input")


async def test_bindings_of_lists_every_binding_of_a_node_inherited_ones_too():
    """Relies on DOMNode._bindings iterating as (key, binding) pairs, the class's bindings merged with its bases'."""
    app = Host()
    async with app.run_test() as pilot:
        await pilot.pause()
        keys = app.query_one("#keys")
        assert [(b.key, b.action) for b in bindings_of(keys)] == [("f12", "mine")]
        input_bindings = {(b.key, b.action) for b in bindings_of(app.query_one("#fixed-input"))}
        assert ("home", "home") in input_bindings  # Input's own, inherited by the subclass
        # Not only the focused chain (what the public active_bindings gives): the help needs every widget's keys.
        app.query_one("#input").focus()
        await pilot.pause()
        assert "f12" not in app.screen.active_bindings


async def test_send_refreshes_now_reports_a_pending_refresh_to_the_screen_at_once(monkeypatch):
    """Relies on Widget._repaint_required/_layout_required, _check_refresh posting Update/Layout to the screen,
    and the scrollbars as _vertical_scrollbar/_horizontal_scrollbar."""
    app = Host()
    async with app.run_test() as pilot:
        await pilot.pause()
        posted: list[object] = []
        post = app.screen.post_message

        def record(message: messages.Message) -> bool:
            posted.append(message)
            return post(message)

        monkeypatch.setattr(app.screen, "post_message", record)
        static = app.query_one("#static")
        view = app.query_one("#plain", Lines)
        static.refresh()
        view.refresh(layout=True)
        assert view.vertical_scrollbar is not None
        view.vertical_scrollbar.refresh()
        assert not posted  # without it, each widget reports from its own queue, later
        send_refreshes_now([static, view])
        updated = {m.widget for m in posted if isinstance(m, messages.Update)}
        laid_out = {m.widget for m in posted if isinstance(m, messages.Layout)}
        assert static in updated and view.vertical_scrollbar in updated and view in laid_out
        assert not (static._repaint_required or view._layout_required)
        posted.clear()
        send_refreshes_now([static, view])  # nothing pending: nothing reported twice
        assert not posted


async def test_laid_out_once_ignores_a_layout_that_changes_nothing(monkeypatch):
    """Relies on ScrollView._size_updated (the compositor's call with a widget's new size) taking every layout
    for a change when a scrollbar is shown, and then redoing the scrollbars (Widget._scroll_update)."""
    app = Host()
    async with app.run_test() as pilot:
        await pilot.pause()
        plain, once = app.query_one("#plain", Lines), app.query_one("#once", LinesLaidOutOnce)
        assert plain.show_vertical_scrollbar and once.show_vertical_scrollbar
        redone: list[Widget] = []
        for view in (plain, once):
            monkeypatch.setattr(view, "_scroll_update", lambda size, view=view: redone.append(view))
        app.screen.refresh(layout=True)  # nothing changed for either view
        await pilot.pause()
        assert plain in redone  # why the mixin exists: Textual redoes (and redraws) the scrollbars
        assert once not in redone
        # A layout that does change the view still reaches Textual.
        once.styles.height = 7
        await pilot.pause()
        assert once in redone


async def test_update_scrollbars_now_sizes_the_scrollbar_before_any_layout():
    """Relies on Widget._scroll_update(virtual_size) sizing the scrollbars."""
    app = Host()
    async with app.run_test() as pilot:
        await pilot.pause()
        view = app.query_one("#once", LinesLaidOutOnce)
        view.set_reactive(Widget.virtual_size, Size(0, 300))  # a new size, without a layout
        assert view.vertical_scrollbar.window_virtual_size != 300  # without it: until the next layout
        update_scrollbars_now(view)
        assert view.vertical_scrollbar.window_virtual_size == 300


async def test_input_without_relayout_repaints_as_text_is_typed_but_never_lays_out():
    """Relies on Input setting self.virtual_size as its text changes, and on a reactive of the same name sharing
    Widget.virtual_size's value."""
    app = Host()
    async with app.run_test() as pilot:
        await pilot.pause()
        plain, fixed = app.query_one("#input", Input), app.query_one("#fixed-input", InputWithoutRelayout)
        for widget in (plain, fixed):
            widget.value = "nuoc mam phu quoc"
            assert Widget.virtual_size.__get__(widget, Widget) == Size(widget.content_width, 1)
        assert plain._layout_required  # why the class exists: every key lays the screen out
        assert not fixed._layout_required and fixed._repaint_required
        await pilot.pause()
        assert fixed.value == "nuoc mam phu quoc" and fixed.scroll_x >= 0


async def test_mode_stacks_shows_the_stacks_of_modes_not_on_view():
    """Relies on App._screen_stacks: mode name -> its screens, the base screen first."""

    class Base(Screen[None]):
        pass

    class Dialog(ModalScreen[None]):
        pass

    class Modes(App[None]):
        MODES: ClassVar[dict[str, Any]] = {"a": Base, "b": Base}
        DEFAULT_MODE = "a"

    app = Modes()
    async with app.run_test() as pilot:
        await app.switch_mode("b")
        await pilot.pause()
        dialog = Dialog()
        await app.push_screen(dialog)
        base_b = app.screen_stack[0]
        await app.switch_mode("a")
        await pilot.pause()
        stacks = mode_stacks(app)
        assert stacks["b"] == [base_b, dialog]
        assert stacks["a"] == app.screen_stack
        stacks["b"].clear()  # a copy: the app's own stacks are not touched
        assert mode_stacks(app)["b"] == [base_b, dialog]


async def test_fatal_error_hook_gets_the_exception_instead_of_textuals_traceback():
    """Relies on App._handle_exception(error) being called for an unhandled exception, then App._fatal_error()."""
    seen: list[Exception | None] = []

    class Failing(Static):
        def on_mount(self) -> None:
            raise ValueError("secret 482913")

    class Quiet(FatalErrorHook, App[int]):
        def compose(self) -> ComposeResult:
            yield Failing()

        def on_fatal_error(self, error: Exception | None) -> None:
            seen.append(error)
            self.panic("stopped")

    app = Quiet()
    with pytest.raises(ValueError):  # run_test hands the app's exception on to the test
        async with app.run_test() as pilot:
            await pilot.pause()
    assert len(seen) == 1 and isinstance(seen[0], ValueError) and "482913" in str(seen[0])
    assert app.return_code == 1


async def test_worded_command_palette_says_nothing_matched_in_its_own_words(monkeypatch):
    """Relies on CommandPalette._start_no_matches_countdown (and _stop_no_matches_countdown, _NO_MATCHES,
    _list_visible, _no_matches_timer): a search that finds nothing shows the palette's line in its own words,
    as the disabled option the palette's code knows by id; Textual's own palette says it in English."""
    monkeypatch.setattr(WordedCommandPalette, "NO_MATCHES_DELAY", 0.001)  # no waiting in a test
    monkeypatch.setattr(CommandPalette, "_NO_MATCHES_COUNTDOWN", 0.001)

    class Palettes(App[None]):
        worded = True

        def action_command_palette(self) -> None:
            if self.worded:
                self.push_screen(WordedCommandPalette(placeholder="Tìm lệnh…", no_matches="Không có lệnh nào"))
            else:
                self.push_screen(CommandPalette())

    async def nothing_found(app: Palettes) -> tuple[str, str, list[str | None]]:
        async with app.run_test() as pilot:
            await pilot.press("ctrl+p", "z", "q", "x")
            await app.workers.wait_for_complete()
            listed = app.screen.query_one(CommandList)
            for _ in range(100):  # the line comes from a timer: let the app run until it has
                await pilot.pause()
                if listed.option_count:
                    break
            options = listed.options
            placeholder = app.screen.query_one(CommandInput).placeholder
            return placeholder, " ".join(option.prompt.renderable.plain for option in options), [o.id for o in options]

    placeholder, shown, ids = await nothing_found(Palettes())
    assert (placeholder, shown, ids) == ("Tìm lệnh…", "Không có lệnh nào", [CommandPalette._NO_MATCHES])
    english = Palettes()
    english.worded = False
    assert (await nothing_found(english))[1] == "No matches found"  # why the class exists


# Public behaviour the app relies on in the same way --------------------------------------------------------


async def test_the_footer_shows_what_the_screens_active_bindings_say():
    """language.translate_active_bindings works because the Footer reads Screen.active_bindings."""

    class Shouting(Screen[None]):
        BINDINGS: ClassVar[list[BindingType]] = [Binding("f2", "noop", "quiet")]

        def compose(self) -> ComposeResult:
            yield Footer()

        @property
        def active_bindings(self) -> dict[str, Any]:
            return {
                key: active._replace(binding=Binding(active.binding.key, active.binding.action,
                                                     active.binding.description.upper()))
                for key, active in super().active_bindings.items()
            }  # fmt: skip

    class Shout(App[None]):
        def on_mount(self) -> None:
            self.push_screen(Shouting())

    app = Shout()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.pause()
        assert "QUIET" in {key.description for key in app.screen.query("FooterKey")}


async def test_redescribe_footer_keys_changes_a_keys_text_without_rebuilding_the_footer(monkeypatch):
    """The shortlist's count on its keys: the key's own widget shows the new text, the footer is not rebuilt,
    and the key's width follows its text."""

    class Counting(Screen[None]):
        BINDINGS: ClassVar[list[BindingType]] = [Binding("f2", "noop", "Count"), Binding("f3", "bell", "Other")]

        def compose(self) -> ComposeResult:
            yield Footer()

    class CountApp(App[None]):
        def on_mount(self) -> None:
            self.push_screen(Counting())

    app = CountApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        rebuilds: list[bool] = []
        original = Footer.recompose

        async def counted_recompose(self):
            rebuilds.append(True)
            await original(self)

        monkeypatch.setattr(Footer, "recompose", counted_recompose)
        before = {key.key: key for key in app.screen.query("FooterKey")}
        width = before["f2"].size.width
        redescribe_footer_keys(app.screen, {"f2": "Count (12)"})
        await pilot.pause()
        after = {key.key: key for key in app.screen.query("FooterKey")}
        assert after == before and not rebuilds  # the same widgets
        assert "Count (12)" in str(after["f2"].render()) and after["f3"].description == "Other"
        assert after["f2"].size.width == width + len(" (12)")
        assert footer.is_attached


async def test_prevent_default_in_a_handler_keeps_textual_from_scrolling():
    """FloorMap's ctrl+wheel zooms instead of scrolling: its on_mouse_scroll_* handlers call prevent_default(),
    which stops the base classes' handlers (Widget's scrolls sideways on ctrl+wheel)."""

    class Wide(ScrollView):
        DEFAULT_CSS = "Wide { height: 5; width: 10; }"
        prevented = True

        def render_line(self, y: int) -> Strip:
            return Strip.blank(self.size.width)

        def on_mount(self) -> None:
            self.virtual_size = Size(100, 100)

        def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
            if self.prevented:
                event.prevent_default()

    class WideHost(App[None]):
        def compose(self) -> ComposeResult:
            yield Wide()

    app = WideHost()
    async with app.run_test() as pilot:
        await pilot.pause()
        view = app.query_one(Wide)
        await pilot._post_mouse_events([events.MouseScrollDown], view, offset=(2, 2), control=True)
        await pilot.pause()
        assert view.scroll_x == 0
        view.prevented = False
        await pilot._post_mouse_events([events.MouseScrollDown], view, offset=(2, 2), control=True)
        await pilot.pause()
        assert view.scroll_x > 0  # without it, ctrl+wheel scrolls sideways


class Failing(Screen[None]):
    """A screen with a key whose action fails (Textual runs it in the app's own loop)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("f3", "fail"), Binding("f4", "note")]

    def compose(self) -> ComposeResult:
        yield Static("failing")

    def action_fail(self) -> None:
        raise ValueError("from an action")

    def action_note(self) -> None:
        self.app.notes.append("key")  # type: ignore[attr-defined]


class Plain(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.notes: list[str] = []

    def on_mount(self) -> None:
        self.push_screen(Failing())


class Hooked(ErrorHook, Plain):
    def recover_from(self, error: Exception) -> bool:
        self.notes.append(type(error).__name__)
        return True


async def test_without_the_error_hook_an_error_in_an_action_ends_the_app():
    """What makes ErrorHook necessary: Textual ends the app (return code 1) on the first unhandled error."""
    app = Plain()
    with pytest.raises(ValueError):
        async with app.run_test() as pilot:
            await pilot.pause()
            await pilot.press("f3")
            await pilot.pause()
    assert app.return_code == 1


async def test_the_error_hook_is_asked_first_and_the_app_runs_on():
    """Relies on App._handle_exception being what every message loop calls with an unhandled error, and on the
    app's MessagePump._dispatch_message running the key bindings' actions (the app's loop then survives)."""
    app = Hooked()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("f3")  # the action fails in the app's own loop
        await pilot.pause()
        await pilot.press("f4")  # and the app still takes keys
        await pilot.pause()

        def fail() -> None:
            raise KeyError("from a worker")

        # An error that reaches App._handle_exception (as a widget's, a timer's or a worker's does).
        worker = app.run_worker(fail, thread=True, exit_on_error=True)
        with pytest.raises(WorkerFailed):
            await worker.wait()
        await pilot.pause()
        assert app.notes == ["ValueError", "key", "WorkerFailed"]
        assert app.is_running and app.return_code is None


async def test_the_footer_keeps_removed_keys_alive_and_fair_footer_does_not():
    """FairFooter (ui/widgets/fair_footer.py): Textual's Footer rebuilds its keys whenever the bindings change
    and keeps every removed key alive through its `compact` data binding; FairFooter lets them go. When the
    first half fails, Textual has fixed it and FairFooter can go."""
    import gc

    from textual.widgets._footer import FooterKey

    from ocop_tui.ui.widgets.fair_footer import FairFooter

    class Two(Widget, can_focus=True):
        BINDINGS: ClassVar[list[BindingType]] = [Binding("f12", "mine", "mine")]

    class Other(Widget, can_focus=True):  # other keys: each focus move changes what the footer shows
        BINDINGS: ClassVar[list[BindingType]] = [Binding("f11", "yours", "yours")]

    async def dead_keys_after_rebuilds(footer: type[Footer]) -> tuple[int, int]:
        """Keys of this footer no longer on screen but still alive, and how many times it built its keys (a
        busy machine folds some focus moves into one rebuild)."""
        rebuilds = 0

        class Counting(footer):  # type: ignore[valid-type,misc]
            async def recompose(self) -> None:
                nonlocal rebuilds
                rebuilds += 1
                await super().recompose()

        class Host(App[None]):
            def compose(self) -> ComposeResult:
                yield Two(id="a")
                yield Other(id="b")
                yield Counting()

        app = Host()
        async with app.run_test() as pilot:
            await pilot.pause()
            for _ in range(6):  # each focus move changes the bindings: the footer builds its keys again
                await pilot.press("tab")
                await pilot.pause()
                await pilot.pause()
            gc.collect()
            dead = sum(1 for o in gc.get_objects() if isinstance(o, FooterKey) and o.app is app
                       and not o.is_attached)  # fmt: skip
            return dead, rebuilds

    (plain, plain_rebuilds), (fair, _) = (
        await dead_keys_after_rebuilds(Footer),
        await dead_keys_after_rebuilds(FairFooter),
    )
    assert plain_rebuilds >= 2
    assert plain >= plain_rebuilds - 1  # why FairFooter exists: every rebuild but the last leaves its keys alive
    assert fair <= 1  # the last rebuild's at most, on their way out


# Lines drawn by the Line API views themselves (side_box, kept_lines) -------------------------------------


class Rows(LineView):
    """A view of 40 lines in a box of 8, with text of several styles (dim, so the ANSI filter changes it;
    wide characters; an ANSI colour, which a filter turns into the theme's)."""

    DEFAULT_CSS = "Rows { height: 8; width: 30; }"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.drawn: list[int] = []

    def on_mount(self) -> None:
        self.set_line_count(40)

    def render_row(self, y: int) -> Strip:
        self.drawn.append(y)
        base = self.base_style
        segments = [
            Segment(f"dòng {int(self.scroll_y) + y} ", base + Style(bold=True)),
            Segment("世界 ", base + Style(color="red", dim=y % 2 == 0)),
            Segment("mắm", base + Style(italic=True)),
        ]
        return Strip(fit_segments(segments, self.line_width, base), self.line_width)


BOXES = {
    "plain": "",
    "sides": "border-left: vkey $panel-lighten-2; padding: 0 1; background: $surface;",
    "right": "border-right: vkey red; padding: 0 0 0 1; background: $boost;",
    "both": "border-left: tall green; border-right: outer blue 50%; padding: 0 2 0 1;",
    "alpha": "background: red 30%; padding: 0 1;",
    # Textual's own drawing (side_box is None):
    "top border": "border: round red;",
    "top padding": "padding: 1 1;",
    "tint": "tint: blue 30%;",
    "opacity": "opacity: 0.5;",
    "outline": "outline: solid red;",
}
DRAWN_BY_TEXTUAL = {"top border", "top padding", "tint", "opacity", "outline"}


class RowsHost(App[None]):
    def __init__(self, css: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.stylesheet.add_source(f"Rows {{ {css} }}", read_from=("test", "box"))

    def compose(self) -> ComposeResult:
        yield Rows(id="rows")
        yield Input(id="input")


def cells(strips: list[Strip]) -> list[list[tuple[str, Style | None]]]:
    """Each line as (character, style) per character: equal lines however their segments are split."""
    return [[(char, segment.style) for segment in strip for char in segment.text] for strip in strips]


def textual_lines(view: Widget, crop: Region) -> list[Strip]:
    """The lines as Textual draws them (through the widget's StylesCache, from scratch; the lines it keeps are
    forgotten again, as the view does when it goes back to Textual's drawing)."""
    view._styles_cache.clear()
    try:
        return Widget.render_lines(view, crop)
    finally:
        view._styles_cache.clear()


@pytest.mark.parametrize("box", BOXES)
@pytest.mark.parametrize("no_color", [False, True])
async def test_side_box_lines_are_the_lines_textual_draws(box, no_color, monkeypatch):
    """Relies on textual._border.get_box and on StylesCache.render_line drawing a line of a widget with only
    side borders and padding as border, padding, content, padding, border, then the app's filters. Compares,
    cell by cell, every line (focused or not, scrolled, cropped) with what Textual draws."""
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")  # adds Textual's Monochrome filter
    app = RowsHost(BOXES[box])
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        view = app.query_one(Rows)
        assert (side_box(view) is None) == (box in DRAWN_BY_TEXTUAL)
        whole = Region(0, 0, view.region.width, view.region.height)
        for step in ("unfocused", "focused", "scrolled"):
            if step == "focused":
                view.focus()
            elif step == "scrolled":
                view.scroll_to(y=17, animate=False, immediate=True)
            await pilot.pause()
            for crop in (whole, Region(2, 1, view.region.width - 3, 4)):
                ours = view.render_lines(crop)
                assert cells(ours) == cells(textual_lines(view, crop)), (box, step, crop)


async def test_kept_lines_draws_only_the_lines_refreshed_since_they_were_drawn():
    """Relies on Widget.refresh(region) recording the stale lines in Widget._styles_cache (_dirty_lines) and
    on its _cache holding the lines by y: a line nobody refreshed is not drawn again."""
    app = RowsHost(BOXES["sides"])
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        view = app.query_one(Rows)
        whole = Region(0, 0, view.region.width, view.region.height)
        first = view.render_lines(whole)
        view.drawn.clear()
        assert view.render_lines(whole) == first  # the same Strips
        assert view.drawn == []
        view.refresh_lines_on_view([3])
        again = view.render_lines(whole)
        assert view.drawn == [3]
        assert again[:3] == first[:3] and again[4:] == first[4:]
        # A line drawn by `draw` is kept; a fresh box forgets every line.
        calls: list[int] = []
        kept_lines(view, whole, whole.width, lambda y: calls.append(y) or first[y], fresh=True)
        assert calls == list(range(whole.height))
        calls.clear()
        kept_lines(view, whole, whole.width, lambda y: calls.append(y) or first[y], fresh=False)
        assert calls == []


def test_divide_strips_without_cycles_keeps_no_strip_in_its_own_cache():
    """Relies on Strip.divide (the compositor's call for every line drawn) keeping its result in the strip's
    _divide_cache, [the strip itself] when the only cut is at its end: a reference cycle."""
    line = Strip([Segment("nước mắm"), Segment(" Phú Quốc")])
    divided = Strip.divide.__wrapped__ if hasattr(Strip.divide, "__wrapped__") else None
    assert divided is None  # the wrapper does not pose as Textual's
    divide_strips_without_cycles()
    divide_strips_without_cycles()  # idempotent: one wrapper, not two
    assert line.divide([line.cell_length]) == [line]
    assert line._divide_cache.get((line.cell_length,)) is None  # nothing kept: no cycle
    halves = line.divide([3, line.cell_length])  # any other division is Textual's, cached as before
    assert [half.text for half in halves] == ["nướ", "c mắm Phú Quốc"]
    assert line.divide([3, line.cell_length]) is halves
    # Without it, Textual keeps the strip in its own cache (when this fails, the item can go).
    original = Strip.divide.__closure__[0].cell_contents  # the Textual method the wrapper calls
    other = Strip([Segment("tôm khô")])
    original(other, [other.cell_length])
    assert other._divide_cache.get((other.cell_length,)) == [other]


def test_light_strip_does_what_a_strip_does_and_makes_its_caches_when_used():
    """Relies on Strip's slots being its segments, cell length, render cache, link ids, cell count and the seven
    caches LightStrip knows (Strip.__init__ makes them all; a method reads them directly)."""
    known = {"_segments", "_cell_length", "_render_cache", "_link_ids", "_cell_count", *_strip_caches()}
    assert set(Strip.__slots__) == known  # when this fails, Textual changed what a Strip keeps
    segments = [Segment("Nước mắm ", Style(bold=True)), Segment("Phú Quốc", Style(color="red")), Segment(" ★★★★★")]
    light, plain = LightStrip(segments, 23), Strip(segments, 23)
    assert not any(_made(light, name) for name in _strip_caches())  # none made yet
    console = App().console
    cached = [
        lambda s: s.crop(2, 12),
        lambda s: s.divide([4, 15, 23]),
        lambda s: s.apply_style(Style(italic=True)),
        lambda s: s.adjust_cell_length(30, Style(bgcolor="blue")),
        lambda s: s.crop_extend(3, 28, None),
        lambda s: s.apply_offsets(1, 2),
    ]
    for use in cached:
        result = use(light)
        strips = result if isinstance(result, list) else [result]
        assert cells(strips) == cells(list(use(plain) if isinstance(result, list) else [use(plain)]))
        assert use(light) is result  # kept in the cache it made
    assert light.render(console) == plain.render(console) and light.simplify().text == plain.text
    assert all(_made(light, name) for name in ("_crop_cache", "_divide_cache", "_style_cache"))
    with pytest.raises(AttributeError):
        light.no_such_thing  # noqa: B018


def _made(strip: Strip, name: str) -> bool:
    """Whether the slot `name` is set (asked of the slot itself: getattr would make the cache)."""
    try:
        getattr(Strip, name).__get__(strip, Strip)
    except AttributeError:
        return False
    return True


def _strip_caches() -> set[str]:
    return set(_STRIP_CACHES)


# A partial update draws only the widgets in the changed rows (draw_only_the_changed_rows) -------------------


def textuals_get_renders():
    """Textual's own Compositor._get_renders (the one draw_only_the_changed_rows replaced)."""
    from textual._compositor import Compositor

    return Compositor._get_renders.textuals


def chops_in(compositor, crop: Region, get_renders) -> list[list[tuple[str, Style | None]]]:
    """The cells a partial update of `crop` writes: each line of the crop, cut to its columns."""
    from textual._compositor import Compositor

    saved = Compositor._get_renders
    Compositor._get_renders = get_renders
    try:
        chops = compositor._render_chops(crop, lambda y: crop.y <= y < crop.bottom)
    finally:
        Compositor._get_renders = saved
    lines = [Strip.join(list(chops[y].values())) for y in range(crop.y, crop.bottom)]
    return cells([line.crop(crop.x, crop.right) for line in lines])


async def test_a_partial_update_writes_what_textuals_compositor_writes(app, mini):
    """Relies on Compositor._render_chops taking (region, clip, lines) from _get_renders, front first, and
    cutting each line at the cuts inside region and clip. Compares the cells written for several areas of
    several screens (typed, scrolled, facets focused, the map) with Textual's own _get_renders."""
    from .conftest import type_text

    original = textuals_get_renders()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        steps = ["start", "typed", "scrolled", "facets", "map"]
        for step in steps:
            if step == "typed":
                await type_text(pilot, "nuoc mam")
            elif step == "scrolled":
                await pilot.press("enter", "pagedown", "down")
            elif step == "facets":
                app.screen.query_one("#facets").focus()
            elif step == "map":
                await pilot.press("f4")
            await pilot.pause()
            compositor = app.screen._compositor
            width, height = compositor.size
            from textual._compositor import Compositor

            for crop in (Region(0, 0, width, height), Region(0, 3, width, height - 4), Region(10, 5, 40, 12),
                         Region(0, height - 1, width, 1), Region(width // 2, 0, 1, height)):  # fmt: skip
                assert chops_in(compositor, crop, original) == chops_in(compositor, crop, Compositor._get_renders), (
                    step,
                    crop,
                )
