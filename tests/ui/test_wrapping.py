"""The quick wrap (ocop_tui.ui.wrapping) gives Rich's lines: the same text and the same styles on each line,
for Vietnamese words, spaces and newlines, words longer than a line, and text Rich has to measure itself."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from ocop_tui.ui.wrapping import wrap

CONSOLE = Console(width=80)
WORDS = ["Nước", "mắm", "Phú", "Quốc", "đặc", "sản", "ệắốỡữ", "a", "", "x" * 30, "25°", "500ml", "…", "—"]
ODD = ["世界", "😀", "e\u0301", "\t", "\u00ad"]  # wide, combining, tab: Rich's to measure
SPACES = st.sampled_from([" ", "  ", "\n", " \n ", "   "])


@st.composite
def texts(draw: st.DrawFn, odd: bool) -> Text:
    pieces = draw(st.lists(st.tuples(st.sampled_from(WORDS + (ODD if odd else [])), SPACES), max_size=25))
    plain = "".join(word + space for word, space in pieces)
    text = Text(plain)
    for _ in range(draw(st.integers(0, 3))):  # spans: a label in bold, a word in italics
        start = draw(st.integers(0, len(plain)))
        text.stylize(draw(st.sampled_from(["bold", "italic", "red"])), start, draw(st.integers(start, len(plain))))
    return text


def as_drawn(lines) -> list[tuple[str, list[object]]]:
    return [(line.plain, list(line.spans)) for line in lines]


@settings(max_examples=300)
@given(texts(odd=False) | texts(odd=True), st.integers(min_value=1, max_value=45))
def test_the_lines_are_richs(text, width):
    assert as_drawn(wrap(text, width, CONSOLE)) == as_drawn(text.wrap(CONSOLE, width, overflow="fold", no_wrap=False))


def test_a_detail_field_wraps_at_word_boundaries():
    text = Text.assemble(Text("Mô tả: ", style="bold"), "Nước mắm cốt nhĩ Phú Quốc, đạm 40 độ, ủ chượp 12 tháng")
    lines = wrap(text, 20, CONSOLE)
    expected = ["Mô tả: Nước mắm cốt", "nhĩ Phú Quốc, đạm 40", "độ, ủ chượp 12 tháng"]
    assert [line.plain.rstrip() for line in lines] == expected
    assert lines[0].spans[0].style == "bold"
