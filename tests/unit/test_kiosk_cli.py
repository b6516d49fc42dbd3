"""The kiosk's command line: --kiosk refuses to start without a PIN, kiosk-pin, report misses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from ocop_tui.cli.main import main
from ocop_tui.kiosk.config import load_settings, save_pin_hash
from ocop_tui.kiosk.misses import MissLog, misses_path
from ocop_tui.kiosk.pin import hash_pin, verify_pin
from ocop_tui.paths import CONFIG_ENV

from .importdata import write_store


@pytest.fixture(autouse=True)
def no_user_config(tmp_path, monkeypatch):
    """Never read or write the real user's config."""
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "user-config.toml"))


def run(*args: str, input: str | None = None):
    # Wide output, so a long temporary path is not folded across lines.
    return CliRunner(env={"COLUMNS": "400"}).invoke(main, list(args), input=input)


def test_kiosk_without_a_pin_refuses_to_start(tmp_path):
    store = tmp_path / "fair.json"
    write_store(store)
    config = tmp_path / "kiosk.toml"
    result = run("--kiosk", "--data", str(store), "--config", str(config))
    assert result.exit_code == 2
    assert "kiosk-pin" in result.output and str(config) in result.output
    assert "Traceback" not in result.output
    assert not config.exists()  # refusing writes nothing either


def test_kiosk_without_a_pin_in_the_default_config_says_how_to_set_one(tmp_path):
    result = run("--kiosk", "--lang", "en")
    assert result.exit_code == 2
    assert "No kiosk exit PIN is set" in result.output and "ocop-tui kiosk-pin" in result.output


def test_kiosk_with_a_broken_config_names_file_and_line(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text("[kiosk]\nidle_seconds = \n", encoding="utf-8")
    result = run("--kiosk", "--config", str(config))
    assert result.exit_code == 2
    assert str(config) in result.output and "line 2" in result.output


def test_kiosk_with_a_pin_but_a_broken_store_reports_the_store(tmp_path):
    config = tmp_path / "kiosk.toml"
    save_pin_hash(config, hash_pin("2468", n=16, r=1, p=1))
    store = tmp_path / "fair.json"
    store.write_text("{", encoding="utf-8")
    result = run("--kiosk", "--data", str(store), "--config", str(config))
    assert result.exit_code == 2 and "không phải JSON hợp lệ" in result.output  # Vietnamese unless --lang en
    english = run("--lang", "en", "--kiosk", "--data", str(store), "--config", str(config))
    assert english.exit_code == 2 and "not valid JSON" in english.output


def test_idle_seconds_is_checked(tmp_path):
    result = run("--kiosk", "--idle-seconds", "1")
    assert result.exit_code == 2 and "idle-seconds" in result.output


def test_kiosk_pin_reads_one_line_from_a_pipe(tmp_path):
    config = tmp_path / "kiosk.toml"
    result = run("kiosk-pin", "--config", str(config), input="482913\n")
    assert result.exit_code == 0, result.output
    stored = load_settings(config).pin_hash
    assert stored is not None and verify_pin("482913", stored)
    assert "482913" not in config.read_text(encoding="utf-8")


def test_kiosk_pin_uses_the_group_config_option_and_the_environment(tmp_path):
    config = tmp_path / "group.toml"
    assert run("--config", str(config), "kiosk-pin", input="482913\n").exit_code == 0
    assert load_settings(config).has_pin
    assert run("kiosk-pin", input="570246\n").exit_code == 0
    assert verify_pin("570246", load_settings(tmp_path / "user-config.toml").pin_hash or "")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("123\n", "A PIN is 6 to 12 digits"),
        ("12345678901234\n", "A PIN is 6 to 12 digits"),
        ("12 34 56\n", "A PIN is 6 to 12 digits"),
        ("abcdef\n", "A PIN is 6 to 12 digits"),
        ("1234\n", "too short"),
        ("48291\n", "too short"),
        ("111111\n", "too easy to guess"),
        ("123456\n", "too easy to guess"),
        ("373737\n", "too easy to guess"),
        ("", "No PIN on standard input"),
    ],
)
def test_kiosk_pin_refuses_bad_pins_and_writes_nothing(tmp_path, line, message):
    config = tmp_path / "kiosk.toml"
    result = run("--lang", "en", "kiosk-pin", "--config", str(config), input=line)
    assert result.exit_code == 2
    assert message in result.output
    assert not config.exists()


def test_kiosk_pin_asks_twice_without_echo_on_a_terminal(tmp_path, monkeypatch):
    monkeypatch.setattr("ocop_tui.cli.kiosk.stdin_is_terminal", lambda: True)
    config = tmp_path / "kiosk.toml"
    result = run("--lang", "en", "kiosk-pin", "--config", str(config), input="482913\n482913\n")
    assert result.exit_code == 0, result.output
    assert "482913" not in result.output  # hidden input is not echoed
    assert result.output.count("New PIN") == 1 and result.output.count("Repeat the PIN") == 1
    assert verify_pin("482913", load_settings(config).pin_hash or "")


def test_kiosk_pin_on_a_terminal_saves_nothing_until_two_entries_match(tmp_path, monkeypatch):
    monkeypatch.setattr("ocop_tui.cli.kiosk.stdin_is_terminal", lambda: True)
    config = tmp_path / "kiosk.toml"
    # Asked once only, the first PIN would be saved at once: here it must not be.
    once = run("--lang", "en", "kiosk-pin", "--config", str(config), input="482913\n")
    assert once.exit_code != 0 and not config.exists()
    typo = run("--lang", "en", "kiosk-pin", "--config", str(config), input="482913\n482931\n570246\n570246\n")
    assert typo.exit_code == 0, typo.output
    assert "The two entries do not match" in typo.output
    stored = load_settings(config).pin_hash or ""
    assert verify_pin("570246", stored) and not verify_pin("482913", stored)
    never = run("--lang", "en", "kiosk-pin", "--config", str(config), input="111222\n111223\n" * 3)
    assert never.exit_code == 2 and "did not match three times" in never.output
    assert verify_pin("570246", load_settings(config).pin_hash or "")  # unchanged


def test_kiosk_pin_with_stdin_closed_says_so(tmp_path):
    config = tmp_path / "kiosk.toml"
    done = subprocess.run(
        [sys.executable, "-m", "ocop_tui", "--lang", "en", "kiosk-pin", "--config", str(config)],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=lambda: os.close(0),  # `ocop-tui kiosk-pin <&-`
    )
    assert done.returncode == 2, done.stderr
    assert "No PIN on standard input" in done.stderr and "Traceback" not in done.stderr
    assert not config.exists()


def test_kiosk_pin_refuses_a_broken_config(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text("[kiosk\n", encoding="utf-8")
    result = run("kiosk-pin", "--config", str(config), input="2468\n")
    assert result.exit_code == 2 and "line 1" in result.output
    assert config.read_text(encoding="utf-8") == "[kiosk\n"


def test_report_misses(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text('[kiosk]\nlog_dir = "logs"\n', encoding="utf-8")
    result = run("--lang", "en", "report", "misses", "--config", str(config))
    assert result.exit_code == 0 and "No missed searches" in result.output
    log = MissLog(misses_path(tmp_path / "logs"))
    for query in ["sầu riêng", "sau rieng", "[bold]x[/]", "K-99", "sầu riêng"]:
        log.record(query, "booths" if query.startswith("K") else "products")
    result = run("--lang", "en", "report", "misses", "--config", str(config), "--top", "2")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    first = next(line for line in lines if "sầu riêng" in line)
    assert " 3 " in first and "products" in first
    assert "K-99" not in result.output or "[bold]x[/]" not in result.output  # --top 2
    assert "5 searches found nothing, 3 different ones" in result.output.replace("\n", " ")


def test_report_shows_markup_in_searches_literally(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text('[kiosk]\nlog_dir = "logs"\n', encoding="utf-8")
    MissLog(misses_path(tmp_path / "logs")).record("[bold]x[/]", "products")
    result = run("report", "misses", "--config", str(config))
    assert result.exit_code == 0 and "[bold]x[/]" in result.output


def test_paths_are_not_the_users(tmp_path):
    assert Path(load_settings(None).source or "") == tmp_path / "user-config.toml"
