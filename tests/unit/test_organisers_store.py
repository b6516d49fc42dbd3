"""The organisers' own store: where it lives (the user's data folder, $OCOP_TUI_DATA, --data), `init`,
`fair show` / `fair set`, the packaged demo that is never written, and hints that work when pasted."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from ocop_tui.cli.main import main
from ocop_tui.paths import DATA_ENV, default_store_path, demo_store_path, user_store_path
from ocop_tui.store.backups import list_backups
from ocop_tui.store.reading import load_store

from .importdata import VI_BOOTH_HEADER, csv_text, write_store


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user data folder of this test's own (the session's is shared by every test of a worker)."""
    home = tmp_path / "data-home"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.delenv(DATA_ENV, raising=False)
    return home


def invoke(*args: str) -> object:
    return CliRunner().invoke(main, ["--lang", "en", *args], env={"COLUMNS": "250"})


def one_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


def demo_fingerprint() -> tuple[bytes, int]:
    demo = demo_store_path()
    return demo.read_bytes(), demo.stat().st_mtime_ns


# ---------------------------------------------------------------------------------------------- where


def test_the_users_store_lives_in_the_xdg_data_folder(data_home: Path) -> None:
    assert user_store_path() == data_home / "ocop-tui" / "fair.json"
    assert default_store_path() == demo_store_path()  # nothing created yet: the demo is shown


def test_the_users_store_once_created_is_the_default(data_home: Path) -> None:
    assert invoke("init").exit_code == 0
    assert user_store_path().is_file()
    assert default_store_path() == user_store_path()
    stats = invoke("stats")
    assert stats.exit_code == 0 and "0 booths" in stats.output  # the new, empty store; not the demo


def test_ocop_tui_data_and_the_data_option_override_it(data_home: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    named = tmp_path / "named.json"
    write_store(named)
    monkeypatch.setenv(DATA_ENV, str(named))
    assert default_store_path() == named
    assert "3 booths" in invoke("stats").output
    other = tmp_path / "other.json"
    write_store(other, {"fair": json.loads(named.read_text())["fair"], "booths": {}, "products": {}})
    assert "0 booths" in invoke("stats", "--data", str(other)).output
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "missing.json"))  # named but missing: said so, no demo instead
    missing = invoke("stats")
    assert missing.exit_code == 2 and "no such file" in missing.output


# ---------------------------------------------------------------------------------------------- the demo is read-only


@pytest.mark.parametrize(
    "command",
    [
        ["import", "--booths", "{booths}"],
        ["import", "--booths", "{booths}", "--dry-run"],  # the rehearsal of a write refuses as the write would
        ["fair", "set", "name", "Hội chợ mới"],
        ["restore", "1"],
        ["migrate"],
    ],
)
def test_a_write_aimed_at_the_packaged_demo_refuses(data_home: Path, tmp_path: Path, command: list[str]) -> None:
    booths = tmp_path / "b.csv"
    booths.write_text(csv_text([VI_BOOTH_HEADER, ["Z-1", "HTX Z", "Hợp tác xã", "Cà Mau", "Khu Z"]]), encoding="utf-8")
    args = [arg.replace("{booths}", str(booths)) for arg in command]
    before = demo_fingerprint()
    for extra in ([], ["--data", str(demo_store_path())]):  # by default (no store of one's own yet), and named
        done = invoke(*args, *extra)
        assert done.exit_code == 2, done.output
        line = one_line(done.output)
        assert "read-only" in line and str(user_store_path()) in line and "ocop-tui init" in line
    assert demo_fingerprint() == before
    assert not list_backups(demo_store_path())


def test_with_a_store_of_ones_own_the_demo_refusal_points_to_it(data_home: Path) -> None:
    assert invoke("init").exit_code == 0
    done = invoke("fair", "set", "city", "Cà Mau", "--data", str(demo_store_path()))
    assert done.exit_code == 2
    assert "leave out --data" in one_line(done.output) and str(user_store_path()) in done.output


def test_a_missing_store_says_how_to_create_it(data_home: Path, tmp_path: Path) -> None:
    booths = tmp_path / "b.csv"
    booths.write_text(csv_text([VI_BOOTH_HEADER, ["Z-1", "HTX Z", "Hợp tác xã", "Cà Mau", "Khu Z"]]), encoding="utf-8")
    store = tmp_path / "new fair.json"
    done = invoke("import", "--booths", str(booths), "--data", str(store))
    assert done.exit_code == 2
    assert f"ocop-tui init --data '{store}'" in one_line(done.output)
    assert invoke("init", "--data", str(store)).exit_code == 0  # the hint, followed, works
    assert invoke("import", "--booths", str(booths), "--data", str(store)).exit_code == 0


# ---------------------------------------------------------------------------------------------- init


def test_init_makes_a_valid_empty_store_with_a_floor_plan(data_home: Path) -> None:
    done = invoke("init")
    assert done.exit_code == 0, done.output
    assert "ocop-tui import" in done.output and "ocop-tui fair set" in done.output
    loaded = load_store(user_store_path(), complete=True)
    fair = loaded.tables.fair
    assert fair is not None and fair.schema_version == 2 and isinstance(fair.plan, dict) and not fair.demo
    assert fair.name == "Diễn đàn OCOP Đồng bằng sông Cửu Long – Kiên Giang 2024"  # the forum's own details
    assert len(loaded.tables.booths) == 0 and len(loaded.tables.products) == 0
    assert [p for p in loaded.tables.problems if p.is_error] == []


def test_init_with_details_and_from_the_demo(data_home: Path, tmp_path: Path) -> None:
    store = tmp_path / "baclieu.json"
    done = invoke("init", "--data", str(store), "--demo", "--name", "Hội chợ OCOP Bạc Liêu 2025", "--city",
                  "Bạc Liêu", "--start", "2025-05-01", "--end", "2025-05-05")  # fmt: skip
    assert done.exit_code == 0, done.output
    loaded = load_store(store)
    fair = loaded.tables.fair
    assert fair is not None
    assert (fair.name, fair.city, fair.start_date, fair.end_date) == ("Hội chợ OCOP Bạc Liêu 2025", "Bạc Liêu",
                                                                      "2025-05-01", "2025-05-05")  # fmt: skip
    assert fair.demo and len(loaded.tables.booths) == 320 and len(loaded.tables.products) == 2951


def test_init_refuses_to_overwrite_without_force_and_keeps_a_backup_with_it(data_home: Path) -> None:
    assert invoke("init", "--demo").exit_code == 0
    before = user_store_path().read_bytes()
    again = invoke("init")
    assert again.exit_code == 2 and "--force" in one_line(again.output)
    assert user_store_path().read_bytes() == before and not list_backups(user_store_path())
    forced = invoke("init", "--force")
    assert forced.exit_code == 0, forced.output
    assert len(load_store(user_store_path()).tables.booths) == 0
    assert [b.read_bytes() for b in list_backups(user_store_path())] == [before]


@pytest.mark.parametrize(
    ("args", "words"),
    [(["--start", "29/09/2024"], "YYYY-MM-DD"), (["--start", "2024-10-05", "--end", "2024-10-01"], "before"),
     (["--name", "   "], "must not be empty")],
)  # fmt: skip
def test_init_refuses_bad_details(data_home: Path, args: list[str], words: str) -> None:
    done = invoke("init", *args)
    assert done.exit_code == 2 and words in done.output and "Traceback" not in done.output
    assert not user_store_path().exists()


def test_init_in_a_missing_folder(data_home: Path, tmp_path: Path) -> None:
    done = invoke("init", "--data", str(tmp_path / "nowhere" / "fair.json"))
    assert done.exit_code == 2 and "no folder" in one_line(done.output)


# ---------------------------------------------------------------------------------------------- fair show / set


def test_fair_show_lists_the_details_and_the_store(data_home: Path) -> None:
    assert invoke("init").exit_code == 0
    shown = invoke("fair", "show")
    assert shown.exit_code == 0
    for text in ("Kiên Giang 2024", "Công viên Văn hóa An Hòa", "29 Sep 2024", "3 Oct 2024", "60 × 14 cells",
                 str(user_store_path()), "ocop-tui fair set KEY VALUE"):  # fmt: skip
        assert text in shown.output
    assert "--data" not in shown.output  # the default store: the hint needs no --data
    demo = invoke("fair", "show", "--data", str(demo_store_path()))  # reading the demo is fine
    assert demo.exit_code == 0 and "320 booths, 2,951 products" in demo.output


def test_fair_set_changes_one_detail_with_a_backup(data_home: Path) -> None:
    assert invoke("init").exit_code == 0
    before = user_store_path().read_bytes()
    done = invoke("fair", "set", "name", "Hội chợ OCOP Bạc Liêu 2025")
    assert done.exit_code == 0, done.output
    assert "→ Hội chợ OCOP Bạc Liêu 2025" in done.output and "ocop-tui restore fair." in done.output
    fair = load_store(user_store_path()).tables.fair
    assert fair is not None and fair.name == "Hội chợ OCOP Bạc Liêu 2025"
    assert [b.read_bytes() for b in list_backups(user_store_path())] == [before]
    for key, value in (("start", "2024-09-30"), ("end", "2024-10-04"), ("demo", "yes"),
                       ("venue", "Quảng trường Hùng Vương")):  # fmt: skip
        assert invoke("fair", "set", key, value).exit_code == 0
    fair = load_store(user_store_path()).tables.fair
    assert fair is not None
    assert (fair.start_date, fair.end_date, fair.demo, fair.venue) == ("2024-09-30", "2024-10-04", True,
                                                                       "Quảng trường Hùng Vương")  # fmt: skip


def test_fair_set_the_same_value_writes_nothing(data_home: Path) -> None:
    assert invoke("init").exit_code == 0
    before = user_store_path().read_bytes()
    done = invoke("fair", "set", "city", "Rạch Giá, Kiên Giang")
    assert done.exit_code == 0 and "is as it was" in done.output
    assert user_store_path().read_bytes() == before and not list_backups(user_store_path())


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [("colour", "red", 'no key "colour"'), ("start", "2024-9-30", "YYYY-MM-DD"), ("end", "2024-09-01", "before"),
     ("demo", "maybe", "true or false"), ("name", "", "must not be empty"), ("theme", "x" * 201, "200 characters")],
)  # fmt: skip
def test_fair_set_refuses_what_the_contract_would(data_home: Path, key: str, value: str, words: str) -> None:
    assert invoke("init").exit_code == 0
    before = user_store_path().read_bytes()
    done = invoke("fair", "set", key, value)
    assert done.exit_code == 2 and words in one_line(done.output)
    assert user_store_path().read_bytes() == before


# ---------------------------------------------------------------------------------------------- pasted hints


def paste(command: str, **env: str) -> object:
    """Run a command line printed by ocop-tui as a shell would split it."""
    words = shlex.split(command)
    assert words[0] == "ocop-tui"
    return CliRunner().invoke(main, ["--lang", "en", *words[1:]], env={"COLUMNS": "250", **env})


def _hint(output: str, start: str) -> str:
    line = next(line for line in output.splitlines() if start in line)
    return line[line.index(start) :].rstrip(")").split(" (")[0]


@pytest.mark.parametrize("default", [True, False])
def test_restore_hints_carry_data_when_the_store_is_not_the_default(
    data_home: Path, tmp_path: Path, default: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = user_store_path() if default else tmp_path / "hội chợ $(rm -rf).json"
    store.parent.mkdir(parents=True, exist_ok=True)
    write_store(store)
    original = store.read_bytes()
    booths = tmp_path / "b.csv"
    booths.write_text(csv_text([VI_BOOTH_HEADER, ["Z-1", "HTX Z", "Hợp tác xã", "Cà Mau", "Khu Z"]]), encoding="utf-8")
    data = [] if default else ["--data", str(store)]
    done = invoke("import", "--booths", str(booths), *data)
    assert done.exit_code == 0, done.output
    undo = _hint(done.output, "ocop-tui restore ")
    assert ("--data" in undo) is not default
    listed = invoke("backups", *data)
    hint = _hint(listed.output, "ocop-tui restore ")
    assert ("--data" in hint) is not default
    # The listed hint with the number from the list, pasted from another folder without $OCOP_TUI_DATA:
    numbered = hint.replace("FILE-NAME", "1")
    monkeypatch.chdir(tmp_path)
    restored = paste(numbered)
    assert restored.exit_code == 0, restored.output
    assert store.read_bytes() == original
    again = paste(_hint(restored.output, "ocop-tui restore "))  # the restore's own undo works too
    assert again.exit_code == 0, again.output
    assert store.read_bytes() != original
