"""Kiosk settings and PIN: the TOML file, its errors, writing the PIN hash, the lockout, missed searches."""

from __future__ import annotations

import os
import stat
import textwrap
from pathlib import Path

import pytest

from ocop_tui.kiosk.config import (
    DEFAULT_IDLE_SECONDS,
    ConfigError,
    KioskSettings,
    load_settings,
    resolve_config_path,
    save_pin_hash,
)
from ocop_tui.kiosk.misses import MissLog, misses_path, most_frequent, read_misses
from ocop_tui.kiosk.pin import LOCK_SECONDS, MAX_TRIES, PinGuard, hash_pin, parse_pin_hash, valid_pin, verify_pin
from ocop_tui.paths import CONFIG_ENV

CHEAP = {"n": 2**4, "r": 1, "p": 1}  # the same code as the real cost, fast enough for many tests


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# PIN hashing and the lockout -----------------------------------------------------------------------


@pytest.mark.parametrize("pin, ok", [("1234", True), ("000000000000", True), ("123", False), ("1234567890123", False),
                                     ("12a4", False), (" 1234", False), ("١٢٣٤", False), ("", False)])  # fmt: skip
def test_valid_pins(pin, ok):
    assert valid_pin(pin) is ok


def test_hash_is_salted_and_verifies():
    stored = hash_pin("482913")
    assert stored.startswith("scrypt$n=16384,r=8,p=1$") and "482913" not in stored
    assert verify_pin("482913", stored)
    assert not verify_pin("482914", stored)
    assert hash_pin("482913", **CHEAP) != hash_pin("482913", **CHEAP)  # a new salt each time
    assert parse_pin_hash(stored).n == 2**14


SALT_KEY = "c2FsdHNhbHQ=$a2V5a2V5a2V5a2V5a2V5a2V5"


@pytest.mark.parametrize("stored", [
    "", "1234", "md5$abc", "scrypt$n=16384,r=8,p=1$$",
    f"scrypt$n=1000,r=8,p=1${SALT_KEY}",  # n not a power of two
    f"scrypt$n=1073741824,r=8,p=1${SALT_KEY}",  # a check that would take minutes and gigabytes
    "scrypt$n=16384,r=8,p=1$c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5",  # salt too short
])  # fmt: skip
def test_malformed_hashes_never_match(stored):
    with pytest.raises(ValueError):
        parse_pin_hash(stored)
    assert not verify_pin("1234", stored)


class Clock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


def test_guard_locks_after_five_wrong_tries_for_sixty_seconds():
    clock = Clock()
    guard = PinGuard(hash_pin("2468", **CHEAP), clock)
    for left in range(MAX_TRIES - 1, 0, -1):
        assert guard.attempt("1111") == "wrong"
        assert guard.tries_left == left
    assert guard.attempt("1111") == "locked"
    assert guard.locked_seconds() == 60
    assert guard.attempt("2468") == "locked"  # not even checked
    clock.now += LOCK_SECONDS - 0.5
    assert guard.locked_seconds() == 1
    clock.now += 0.5
    assert guard.locked_for() == 0 and guard.tries_left == MAX_TRIES
    assert guard.attempt("2468") == "ok"


def test_guard_without_a_pin_never_opens():
    guard = PinGuard(None, Clock())
    assert guard.attempt("1234") == "wrong"


# Reading the config ------------------------------------------------------------------------------


def test_missing_file_gives_defaults_without_a_pin(tmp_path):
    settings = load_settings(tmp_path / "none.toml")
    assert settings.pin_hash is None and not settings.has_pin
    assert settings.idle_seconds == DEFAULT_IDLE_SECONDS == 90
    assert settings.source == tmp_path / "none.toml"


def test_full_config(tmp_path):
    stored = hash_pin("2468", **CHEAP)
    path = write(
        tmp_path / "k.toml",
        f"""
        # kiosk at the entrance
        [kiosk]
        pin_hash = "{stored}"
        idle_seconds = 45
        location = 12
        lang = "en"
        log_dir = "logs"
        reload_seconds = 2
    """,
    )
    settings = load_settings(path)
    assert settings == KioskSettings(pin_hash=stored, idle_seconds=45, location="12", lang="en",
                                     log_dir=tmp_path / "logs", reload_seconds=2.0, source=path)  # fmt: skip


def test_environment_variable_and_option_choose_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "env.toml"))
    assert resolve_config_path(None) == tmp_path / "env.toml"
    assert resolve_config_path(tmp_path / "opt.toml") == tmp_path / "opt.toml"
    monkeypatch.delenv(CONFIG_ENV)
    assert resolve_config_path(None).name == "config.toml"


def test_broken_toml_names_the_file_and_line(tmp_path):
    path = write(tmp_path / "k.toml", '[kiosk]\nidle_seconds = 30\nlocation = "B-12\n')
    with pytest.raises(ConfigError) as raised:
        load_settings(path)
    assert str(path) in str(raised.value) and "line 3" in str(raised.value)
    assert raised.value.exit_code == 2


@pytest.mark.parametrize("body, word", [
    ("idle_seconds = 2", "idle_seconds"),
    ("idle_seconds = \"90\"", "idle_seconds"),
    ("idle_seconds = true", "idle_seconds"),
    ("lang = \"fr\"", "lang"),
    ("idle_second = 30", "unknown"),
    ("pin_hash = \"1234\"", "kiosk-pin"),
    ("location = \"\"", "location"),
    ("reload_seconds = 60", "reload_seconds"),
])  # fmt: skip
def test_bad_values_are_named(tmp_path, body, word):
    path = write(tmp_path / "k.toml", f"[kiosk]\n{body}\n")
    with pytest.raises(ConfigError, match=word):
        load_settings(path)


def test_unreadable_files(tmp_path):
    (tmp_path / "dir.toml").mkdir()
    with pytest.raises(ConfigError, match="folder"):
        load_settings(tmp_path / "dir.toml")
    (tmp_path / "latin.toml").write_bytes(b'[kiosk]\nlocation = "Qu\xe1y"\n')
    with pytest.raises(ConfigError, match="UTF-8"):
        load_settings(tmp_path / "latin.toml")


# Writing the PIN ---------------------------------------------------------------------------------


def test_save_pin_into_a_new_file(tmp_path):
    path = tmp_path / "sub" / "config.toml"
    stored = hash_pin("2468", **CHEAP)
    assert save_pin_hash(path, stored) == path
    settings = load_settings(path)
    assert settings.pin_hash == stored and verify_pin("2468", settings.pin_hash)
    assert "2468" not in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in path.parent.iterdir()) == ["config.toml"]  # no temp file left


def test_save_pin_keeps_every_other_line(tmp_path):
    old = hash_pin("1111", **CHEAP)
    path = write(
        tmp_path / "config.toml",
        f"""
        # Kiosk at gate 2 — ask Lan before changing
        [other]
        pin_hash = "not ours"

        [kiosk]
        idle_seconds = 60  # a busy hall
        pin_hash = "{old}"
        location = "Cổng chính"
    """,
    )
    new = hash_pin("2468", **CHEAP)
    save_pin_hash(path, new)
    text = path.read_text(encoding="utf-8")
    assert "# Kiosk at gate 2 — ask Lan before changing" in text and "# a busy hall" in text
    assert 'pin_hash = "not ours"' in text and old not in text
    settings = load_settings(path)
    assert settings.pin_hash == new and settings.idle_seconds == 60 and settings.location == "Cổng chính"


def test_save_pin_adds_the_line_under_an_existing_table(tmp_path):
    path = write(tmp_path / "config.toml", "[kiosk]\nidle_seconds = 30\n[later]\nx = 1\n")
    save_pin_hash(path, hash_pin("2468", **CHEAP))
    settings = load_settings(path)
    assert settings.has_pin and settings.idle_seconds == 30


def test_save_pin_refuses_a_broken_file_and_leaves_it(tmp_path):
    path = write(tmp_path / "config.toml", "[kiosk\nidle_seconds = 30\n")
    before = path.read_bytes()
    with pytest.raises(ConfigError, match="line 1"):
        save_pin_hash(path, hash_pin("2468", **CHEAP))
    assert path.read_bytes() == before


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = write(tmp_path / "config.toml", "[kiosk]\nidle_seconds = 30\n")
    before = path.read_bytes()

    def broken_replace(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_pin_hash(path, hash_pin("2468", **CHEAP))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]


# Missed searches ---------------------------------------------------------------------------------


def test_missed_searches_are_counted_by_folded_text(tmp_path):
    log = MissLog(misses_path(tmp_path / "logs"))
    for query, where in [("sầu riêng", "products"), ("sau rieng", "products"), ("Sầu Riêng ", "products"),
                         ("K-99", "booths"), ("  ", "products"), ("x\x1b[31m", "products")]:  # fmt: skip
        log.record(query, where)
    entries = read_misses(log.path)
    assert len(entries) == 5  # blank searches are not recorded
    top = most_frequent(entries, 10)
    assert (top[0].count, top[0].where) == (3, "products")
    assert top[0].query in {"sầu riêng", "sau rieng", "Sầu Riêng"}
    assert all("\x1b" not in miss.query for miss in top)
    assert most_frequent(entries, 1) == top[:1]


def test_a_damaged_miss_log_is_read_around(tmp_path):
    path = tmp_path / "missed-searches.jsonl"
    path.write_text('{"query": "ok", "in": "booths"}\nnot json\n[1]\n{"query": 5}\n', encoding="utf-8")
    assert read_misses(path) == [("ok", "booths")]


def test_recording_never_raises(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert MissLog(blocker / "logs" / "m.jsonl").record("x", "products") is False
