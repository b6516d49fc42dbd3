"""File names are shown whole but harmless (control, escape, bidi and undecodable characters as visible
escapes), and a command printed for pasting gives back the file's exact bytes in the shell."""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_tui.cli.common import shell_word, show_path
from tests.unit.importdata import tables, write_store
from tests.unit.processes import run_ocop

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


# The commands, on their output bytes ----------------------------------------------------------------------

HOSTILE = "x\x1b]0;pwned\x07y"  # a file name that would retitle the terminal if printed as it is
SHOWN = "x\\x1b]0;pwned\\x07y"


def _clean_output(done: subprocess.CompletedProcess[bytes]) -> str:
    """Assert no escape or BEL byte reached the output; return stdout and stderr as text."""
    raw = done.stdout + done.stderr
    assert b"\x1b" not in raw and b"\x07" not in raw, raw
    assert b"Traceback" not in raw
    return raw.decode("utf-8", "replace")


def _store_named(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    write_store(path)
    return path


@pytest.mark.parametrize(
    "command",
    [["validate"], ["migrate", "--dry-run"], ["migrate"], ["stats"]],
    ids=lambda c: "-".join(c),
)
def test_store_commands_never_print_a_name_s_escape_codes(tmp_path: Path, command: list[str]) -> None:
    store = _store_named(tmp_path, HOSTILE + ".json")
    text = _clean_output(run_ocop(*command, "--data", store))
    if command != ["stats"]:  # stats names the fair, not the file
        assert SHOWN + ".json" in text


def test_errors_and_invalid_stores_show_the_name_with_visible_escapes(tmp_path: Path) -> None:
    missing = tmp_path / (HOSTILE + ".json")
    for command in (["validate"], ["stats"], ["migrate"], []):
        done = run_ocop(*command, "--data", missing)
        assert done.returncode == 2 and SHOWN + ".json" in _clean_output(done)
    broken = tables()
    broken["products"]["1"]["stars"] = 9
    write_store(missing, broken)
    for command in (["validate"], ["stats"]):
        done = run_ocop(*command, "--data", missing)
        assert done.returncode == 1 and SHOWN + ".json" in _clean_output(done)


def test_demo_data_and_the_kiosk_commands_never_print_escape_codes(tmp_path: Path) -> None:
    out = tmp_path / (HOSTILE + ".json")
    done = run_ocop("demo-data", "--out", out, "--products", "30")
    assert done.returncode == 0 and SHOWN + ".json" in _clean_output(done)
    done = run_ocop("demo-data", "--out", out, "--products", "30")  # exists already
    assert done.returncode == 2 and SHOWN + ".json" in _clean_output(done)
    config = tmp_path / (HOSTILE + ".toml")
    done = run_ocop("--kiosk", "--data", out, "--config", config)  # no PIN set in it
    assert done.returncode == 2 and SHOWN + ".toml" in _clean_output(done)
    done = run_ocop("report", "misses", "--config", config)
    assert done.returncode == 0 and "No missed searches" in _clean_output(done)
    config.write_text("[kiosk]\nidle_seconds = 1\n", encoding="utf-8")
    done = run_ocop("kiosk-pin", "--config", config)
    assert done.returncode == 2 and SHOWN + ".toml" in _clean_output(done)


def test_a_name_that_is_not_utf8_is_shown_byte_for_byte(tmp_path: Path) -> None:
    name = os.fsdecode(b"h\xf4i-ch\xe1.json")
    store = _store_named(tmp_path, name)
    text = _clean_output(run_ocop("validate", "--data", store))
    assert "h\\xf4i-ch\\xe1.json" in text
