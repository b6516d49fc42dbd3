"""File names are shown whole but harmless (control, escape, bidi and undecodable characters as visible
escapes), and a command printed for pasting gives back the file's exact bytes in the shell."""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_tui.cli.common import shell_word, show_path

# File names as the system allows them: any bytes but NUL and "/".
names = st.binary(min_size=1, max_size=24).filter(lambda b: b"\0" not in b and b"/" not in b)


@given(names)
def test_a_shown_path_holds_no_control_escape_or_bidi_character(raw: bytes) -> None:
    shown = show_path(os.fsdecode(raw))
    assert not [ch for ch in shown if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp")]


def test_known_names_are_shown_as_people_can_read_them() -> None:
    assert show_path("x\x1b]0;pwned\x07y.json") == "x\\x1b]0;pwned\\x07y.json"
    assert show_path(os.fsdecode(b"h\xf4i-ch\xe1.json")) == "h\\xf4i-ch\\xe1.json"
    assert show_path("Hội chợ Cà Mau.json") == "Hội chợ Cà Mau.json"  # Vietnamese stays as it is
    assert show_path("K\u200b-7\u202e.json") == "K\\u200b-7\\u202e.json"


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
@settings(max_examples=60, deadline=None)
@given(names)
def test_a_shell_word_pasted_into_bash_gives_back_the_exact_bytes(raw: bytes) -> None:
    word = shell_word(os.fsdecode(raw))
    echoed = subprocess.run(["bash", "-c", f"printf %s {word}"], capture_output=True, timeout=10).stdout
    assert echoed == raw
    assert "\x1b" not in word and "\n" not in word  # the printed command itself is harmless too
