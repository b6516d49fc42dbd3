"""The quick cell width (ocop_tui.ui.cell_width) is Rich's, for every string: Vietnamese text, other scripts,
wide and combining characters, NFD."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len, get_character_cell_size, set_cell_size

from ocop_tui.ui.cell_width import NARROW_RANGES, cell_width, cut_to_cells

NARROW = [chr(code) for start, end in NARROW_RANGES for code in range(start, end + 1)]
VIETNAMESE = "Nước mắm Phú Quốc đặc sản Kiên Giang Cà Mau Bến Tre ệắốỡữ"
# Some of each: the narrow characters, wide ones (CJK, emoji), zero-width ones (combining marks, joiners).
ODD = "世界中文😀👍🏽\u200d\ufe0f\u0301\u0323\u00ad\t"
TEXT = st.text(st.sampled_from(NARROW) | st.sampled_from(ODD) | st.characters())


def test_every_narrow_character_is_one_cell_wide_for_rich():
    assert all(get_character_cell_size(character) == 1 for character in NARROW)


@given(TEXT)
def test_the_width_is_richs(text):
    assert cell_width(text) == cell_len(text)


@given(TEXT, st.integers(min_value=0, max_value=40))
def test_the_cut_is_richs(text, width):
    assert cut_to_cells(text, width) == set_cell_size(text, width)


def test_vietnamese_in_nfc_and_nfd():
    for text in (VIETNAMESE, unicodedata.normalize("NFD", VIETNAMESE)):
        assert cell_width(text) == cell_len(text) == len(unicodedata.normalize("NFC", text))
        for width in range(0, 60, 7):
            assert cut_to_cells(text, width) == set_cell_size(text, width)
