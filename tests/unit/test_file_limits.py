"""Only regular files, within limits: a store, a backup or a kiosk config that is a FIFO, a device or too large
is refused with one line naming the file (exit 2), by every command and the app, and nothing hangs.

The commands run as real processes with a timeout: reading a FIFO nobody writes into would block forever.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ocop_tui.files import FileRefused, read_limited
from ocop_tui.store.errors import StoreUnreadable
from ocop_tui.store.reading import MAX_STORE_ENV, load_store, read_tables

from .importdata import write_store
from .processes import one_line_error, run_ocop

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
needs_dev_zero = pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")


def fifo_at(path: Path) -> Path:
    os.mkfifo(path)
    return path


def dev_zero_at(path: Path) -> Path:
    path.symlink_to("/dev/zero")
    return path


KINDS = [
    pytest.param(fifo_at, "is a FIFO, not a regular file", marks=needs_fifo, id="fifo"),
    pytest.param(dev_zero_at, "is a device, not a regular file", marks=needs_dev_zero, id="dev-zero"),
]
# Every way a store is read: the checks, the writers (which read it under the lock), the app.
STORE_COMMANDS = [
    ["validate"],
    ["stats"],
    ["migrate", "--dry-run"],
    ["migrate"],
    ["export", "--out", "{tmp}/out"],
    ["import", "--products", "{tmp}/products.json"],
    [],  # the browser: the store is opened (and refused) before the terminal is needed
]


@pytest.mark.parametrize(("make", "said"), KINDS)
@pytest.mark.parametrize("command", STORE_COMMANDS, ids=lambda c: c[0] if c else "app")
def test_a_store_that_is_not_a_regular_file_is_refused_in_one_line(
    tmp_path: Path, make, said: str, command: list[str]
) -> None:
    store = make(tmp_path / "fair.json")
    (tmp_path / "products.json").write_text("[]", encoding="utf-8")
    args = [part.format(tmp=tmp_path) for part in command]
    line = one_line_error(run_ocop(*args, "--data", store))
    assert str(store) in line and said in line
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["fair.json", "products.json"])  # nothing made


@pytest.mark.parametrize(("make", "said"), KINDS)
def test_the_kiosk_refuses_such_a_store_or_config(tmp_path: Path, make, said: str) -> None:
    good_store = tmp_path / "good.json"
    write_store(good_store)
    config = make(tmp_path / "kiosk.toml")
    line = one_line_error(run_ocop("--kiosk", "--data", good_store, "--config", config))
    assert str(config) in line and said in line
    line = one_line_error(run_ocop("kiosk-pin", "--config", config))
    assert str(config) in line and said in line
    line = one_line_error(run_ocop("report", "misses", "--config", config))
    assert str(config) in line and said in line


@pytest.mark.parametrize(("make", "said"), KINDS)
def test_a_backup_that_is_not_a_regular_file_is_listed_but_not_restored(tmp_path: Path, make, said: str) -> None:
    store = tmp_path / "fair.json"
    before = write_store(store)
    (tmp_path / ".ocop-backups").mkdir()
    backup = make(tmp_path / ".ocop-backups" / "fair.20240929T081500000000.json")
    listed = run_ocop("backups", "--data", store)
    assert listed.returncode == 0 and b"damaged" in listed.stdout and b"fair.20240929T081500000000" in listed.stdout
    line = one_line_error(run_ocop("restore", "1", "--data", store))
    assert str(backup) in line and said in line
    assert store.read_bytes() == before


def test_a_store_over_the_size_cap_is_refused_and_the_cap_can_be_raised(tmp_path: Path) -> None:
    store = tmp_path / "fair.json"
    data = write_store(store)
    store.write_bytes(data[:-2] + b" " * (1024 * 1024) + data[-2:])  # valid JSON, just over 1 MB
    line = one_line_error(run_ocop("validate", "--data", store, env={MAX_STORE_ENV: "1"}))
    assert str(store) in line and "larger than 1 MB" in line and MAX_STORE_ENV in line
    assert run_ocop("validate", "--data", store, env={MAX_STORE_ENV: "2"}).returncode == 0
    line = one_line_error(run_ocop("validate", "--data", store, env={MAX_STORE_ENV: "lots"}))
    assert MAX_STORE_ENV in line and "whole number of megabytes" in line


def test_the_default_cap_is_512_mb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "fair.json"
    write_store(store)
    monkeypatch.delenv(MAX_STORE_ENV, raising=False)
    seen: list[int] = []

    def spy(path: Path, limit: int) -> tuple[bytes, os.stat_result]:
        seen.append(limit)
        return real(path, limit)

    import ocop_tui.store.reading as reading

    real = reading.read_regular
    monkeypatch.setattr(reading, "read_regular", spy)
    load_store(store)
    read_tables(store)
    assert seen == [512 * 1024 * 1024] * 2


def test_a_config_over_one_megabyte_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[kiosk]\n" + "# padding\n" * 110_000, encoding="utf-8")
    line = one_line_error(run_ocop("kiosk-pin", "--config", config))
    assert str(config) in line and "larger than 1,024 KB" in line


@needs_fifo
def test_a_folder_named_like_a_store_is_still_called_a_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreUnreadable, match="is a folder, not a store file"):
        load_store(tmp_path)


@needs_fifo
def test_read_limited_names_what_it_refused(tmp_path: Path) -> None:
    fifo = fifo_at(tmp_path / "f")
    with pytest.raises(FileRefused) as caught:
        read_limited(fifo, 10)
    assert (caught.value.reason, caught.value.kind) == ("not_regular", "FIFO")
    with pytest.raises(FileRefused) as caught:
        read_limited(tmp_path, 10)
    assert caught.value.kind == "folder"
    big = tmp_path / "big"
    big.write_bytes(b"x" * 11)
    with pytest.raises(FileRefused) as caught:
        read_limited(big, 10)
    assert caught.value.reason == "too_large"
    assert read_limited(big, 11) == b"x" * 11


@pytest.mark.parametrize(("make", "said"), KINDS)
def test_a_write_never_replaces_what_is_not_a_regular_file(tmp_path: Path, make, said: str) -> None:
    """Even told to replace it (demo-data --force): a link to /dev/zero must not make the write replace
    /dev/zero itself, nor put a lock or a backup beside it."""
    target = make(tmp_path / "fair.json")
    line = one_line_error(run_ocop("demo-data", "--out", target, "--products", "30", "--force"))
    assert str(target) in line and said in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fair.json"]
    assert not os.path.exists("/dev/zero.lock") and not Path("/dev/.ocop-backups").exists()
