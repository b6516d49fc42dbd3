"""Vietnamese text rules (ocop_tui.text): matching keys, cleaning untrusted strings, alphabet order."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_tui.text import VI_ALPHABET, clean, fold, has_unsafe_characters, nfc, vi_sort_key

# Vietnamese letters with every tone, in both cases, plus what shows up around them in real data.
_VI_LOWER = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
VI_CHARS = _VI_LOWER + _VI_LOWER.upper() + "fjwz FJWZ0123456789-.,()/"
COMBINING = "".join(chr(c) for c in range(0x0300, 0x0370))
vi_text = st.text(alphabet=VI_CHARS, max_size=40)
# Latin with marks, lone combining marks (NFD input), other scripts that take fold's slow path.
mixed_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(VI_CHARS),
        st.sampled_from(COMBINING),
        st.characters(min_codepoint=0x00C0, max_codepoint=0x024F),
        st.characters(min_codepoint=0x1E00, max_codepoint=0x1EFF),
        st.sampled_from("中文ΆάЁёÅKﬁß"),
    ),
    max_size=40,
)

C0_C1 = {chr(c) for c in range(0x00, 0x20)} | {chr(c) for c in range(0x7F, 0xA0)}
BIDI = {chr(c) for c in range(0x202A, 0x202F)} | {chr(c) for c in range(0x2066, 0x206A)}


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# fold -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("hoà", "hòa"),  # old and new tone placement
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
        ("Đặc biệt", "dac biet"),
        ("NƯỚC MẮM", "nuoc mam"),
        ("Nước mắm Phú Quốc", "nuoc mam phu quoc"),
        ("Cần Thơ", "CAN THO"),
    ],
)
def test_fold_examples_match(left: str, right: str) -> None:
    assert fold(left) == fold(right)


def test_fold_exact_keys() -> None:
    assert fold("Đặc biệt") == "dac biet"
    assert fold("Nước mắm Phú Quốc") == "nuoc mam phu quoc"
    assert fold(nfd("Nước mắm Phú Quốc")) == "nuoc mam phu quoc"
    assert fold("ĐỒNG THÁP") == "dong thap"
    assert fold("") == ""
    assert fold("K-07") == "k-07"


def test_fold_keeps_different_words_apart() -> None:
    # Folding drops marks, not letters: these must still differ.
    assert fold("Cần Thơ") != fold("Cần Giờ")
    assert fold("ST25") != fold("ST24")


@settings(max_examples=300, deadline=None)
@given(mixed_text)
def test_fold_nfc_and_nfd_agree(text: str) -> None:
    assert fold(unicodedata.normalize("NFC", text)) == fold(nfd(text))


@settings(max_examples=300, deadline=None)
@given(mixed_text)
def test_fold_is_idempotent(text: str) -> None:
    once = fold(text)
    assert fold(once) == once


@settings(max_examples=300, deadline=None)
@given(mixed_text)
def test_fold_output_has_no_marks_and_no_d_bar(text: str) -> None:
    folded = fold(text)
    assert not any(unicodedata.combining(ch) for ch in folded)
    assert "đ" not in folded and "Đ" not in folded


@settings(max_examples=200, deadline=None)
@given(vi_text)
def test_fold_of_vietnamese_is_lowercase_ascii(text: str) -> None:
    folded = fold(text)
    assert folded.isascii()
    assert folded == folded.lower()
    assert len(folded) == len(text)  # one letter in, one letter out: positions stay comparable


def test_nfc_normalises() -> None:
    assert nfc(nfd("Phở")) == "Phở"
    assert len(nfd("Phở")) == 5 and len(nfc(nfd("Phở"))) == 3


# clean -------------------------------------------------------------------------------------------


def _bad_chars(text: str, *, multiline: bool) -> set[str]:
    allowed = {"\n"} if multiline else set()
    return {ch for ch in text if (ch in C0_C1 and ch not in allowed) or ch in BIDI}


@settings(max_examples=400, deadline=None)
@given(st.text(), st.booleans())
def test_clean_never_leaves_controls_or_bidi(text: str, multiline: bool) -> None:
    cleaned = clean(text, multiline=multiline)
    assert _bad_chars(cleaned, multiline=multiline) == set()
    assert clean(cleaned, multiline=multiline) == cleaned  # cleaning twice changes nothing more


@settings(max_examples=200, deadline=None)
@given(vi_text)
def test_clean_leaves_ordinary_vietnamese_alone(text: str) -> None:
    assert clean(text) == text
    assert not has_unsafe_characters(text)


@pytest.mark.parametrize(
    ("dirty", "expected"),
    [
        ("\x1b]0;pwned title\x07Nước mắm", "Nước mắm"),  # OSC 0: window title, BEL-terminated
        ("\x1b]0;pwned title\x1b\\Nước mắm", "Nước mắm"),  # OSC 0 with ST
        ("\x1b]52;c;cm0gLXJmIH4=\x07Tiêu", "Tiêu"),  # OSC 52: write the clipboard
        ("\x1b[31;1mĐỏ\x1b[0m", "Đỏ"),  # SGR colours
        ("A\x1b[2J\x1b[HB", "AB"),  # CSI erase screen and cursor home
        ("A\x1b[?1049hB", "AB"),  # CSI private mode (alternate screen)
        ("A\x9b31mB", "AB"),  # 8-bit CSI
        ("A\x1bPq#0;2;0;0;0\x1b\\B", "AB"),  # DCS (sixel)
        ("A\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\B", "AlinkB"),  # OSC 8 hyperlink
        ("A\x1b7B\x1b8C", "ABC"),  # two-byte escapes (save/restore cursor)
        ("\u202eesrever\u202c", "esrever"),  # bidi override
        ("a\u2066b\u2069c", "abc"),  # bidi isolates
        ("a\x00b\x07c\x7fd\x85e", "abcde"),  # NUL, BEL, DEL, NEL
    ],
)
def test_clean_removes_escape_sequences_whole(dirty: str, expected: str) -> None:
    assert clean(dirty) == expected
    assert clean(dirty, multiline=True) == expected
    assert has_unsafe_characters(dirty)


def test_clean_single_line_turns_breaks_and_tabs_into_spaces() -> None:
    assert clean("Nước\tmắm\nPhú\r\nQuốc\rKG") == "Nước mắm Phú Quốc KG"


def test_clean_multiline_keeps_newlines_only() -> None:
    assert clean("dòng 1\r\ndòng 2\n\tdòng 3\r", multiline=True) == "dòng 1\ndòng 2\n dòng 3"


def test_clean_unterminated_osc_does_not_leak_its_payload() -> None:
    # An OSC without BEL/ST runs to the end: better to lose the tail than print the payload.
    assert clean("Tên\x1b]0;rest of the title") == "Tên"


# vi_sort_key ---------------------------------------------------------------------------------------


def test_alphabet_order() -> None:
    letters = list(VI_ALPHABET)
    assert letters == list("aăâbcdđeêghiklmnoôơpqrstuưvxy")
    assert sorted(reversed(letters), key=vi_sort_key) == letters
    upper = [letter.upper() for letter in letters]
    assert sorted(reversed(upper), key=vi_sort_key) == upper


def test_d_bar_after_d_not_after_z() -> None:
    assert sorted(["Đa", "Dz", "da", "Vĩnh"], key=vi_sort_key) == ["da", "Dz", "Đa", "Vĩnh"]
    assert sorted(["Đồng Tháp", "Vĩnh Long"]) == ["Vĩnh Long", "Đồng Tháp"]  # code points get it wrong


def test_province_order() -> None:
    provinces = ["Hậu Giang", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "Cần Thơ", "An Giang", "Bạc Liêu"]
    assert sorted(provinces, key=vi_sort_key) == [
        "An Giang", "Bạc Liêu", "Cà Mau", "Cần Thơ", "Đồng Tháp", "Hậu Giang", "Vĩnh Long",
    ]  # fmt: skip
    assert vi_sort_key("Cần Thơ") < vi_sort_key("Đồng Tháp") < vi_sort_key("Hậu Giang")


@pytest.mark.parametrize("base", list("aăâeêioôơuưy"))
def test_tone_order(base: str) -> None:
    # none < huyền < hỏi < ngã < sắc < nặng
    tones = [nfc(base + mark) for mark in ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")]
    assert sorted(reversed(tones), key=vi_sort_key) == tones
    assert sorted(tones[::2] + tones[1::2], key=vi_sort_key) == tones


def test_letters_before_tones_before_case() -> None:
    # A letter difference anywhere beats a tone difference; a tone difference beats case.
    assert vi_sort_key("bá") < vi_sort_key("bac")
    assert sorted(["Cá", "cá", "Ca", "ca"], key=vi_sort_key) == ["ca", "Ca", "cá", "Cá"]
    assert sorted(["tơ", "tố", "tò", "tô", "to"], key=vi_sort_key) == ["to", "tò", "tô", "tố", "tơ"]


def test_digits_and_spaces_before_letters() -> None:
    assert sorted(["ab", "a b", "a1", "a"], key=vi_sort_key) == ["a", "a b", "a1", "ab"]


@settings(max_examples=200, deadline=None)
@given(vi_text)
def test_sort_key_ignores_normal_form(text: str) -> None:
    assert vi_sort_key(nfd(text)) == vi_sort_key(nfc(text))


@settings(max_examples=200, deadline=None)
@given(vi_text, vi_text)
def test_different_strings_never_tie(a: str, b: str) -> None:
    # Case is the last tie-break, so a sorted list has one order however it was built.
    if a != b:
        assert vi_sort_key(a) != vi_sort_key(b)
