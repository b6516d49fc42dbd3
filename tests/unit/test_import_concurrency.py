"""Imports that die or race: the store is always the old one or the new one, and never loses an update.

A real `kill -9` at random moments of a running import, the same at every step of the write path
(deterministic), two imports started together, and an import that has to re-plan because another one
wrote between its check and its write.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ocop_tui.store.backups import list_backups
from ocop_tui.store.reading import load_store
from ocop_tui.store.writing import encode, write_store
from ocop_tui.transfer import importing
from ocop_tui.transfer.export import export_tables
from ocop_tui.transfer.importing import run_import

from .importdata import VI_PRODUCT_HEADER, big_tables, csv_text, product_row

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "ocop_tui", *args]


@pytest.fixture(scope="module")
def big_import(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, bytes]:
    """A 3,000-product store, a CSV changing every price (--replace), and the store it must become."""
    root = tmp_path_factory.mktemp("big")
    content = big_tables(booths=120, products=3000)
    old = encode(content)
    (root / "old.json").write_bytes(old)
    for doc in content["products"].values():
        doc["price_vnd"] += 500
    (root / "new.json").write_bytes(encode(content))
    export_tables(load_store(root / "new.json").tables, root / "files", "csv")
    expected = root / "expected.json"
    expected.write_bytes(old)
    run_import(expected, products=root / "files" / "products.csv", replace=True)
    return root / "files" / "products.csv", old, expected.read_bytes()


def _check(store: Path, old: bytes, new: bytes) -> str:
    data = store.read_bytes()
    assert data in (old, new), "the store is neither the old nor the new version"
    load_store(store)  # and it validates
    return "old" if data == old else "new"


def test_kill_9_at_random_moments(tmp_path: Path, big_import: tuple[Path, bytes, bytes]) -> None:
    source, old, new = big_import
    store = tmp_path / "fair.json"
    store.write_bytes(old)
    started = time.monotonic()
    full = subprocess.run(_cli("import", "--products", str(source), "--data", str(store), "--replace"),
                          capture_output=True, check=False)  # fmt: skip
    duration = time.monotonic() - started
    assert full.returncode == 0, full.stderr.decode()
    assert store.read_bytes() == new

    rng = random.Random(2024)
    outcomes = []
    for _ in range(10):
        store.write_bytes(old)
        process = subprocess.Popen(_cli("import", "--products", str(source), "--data", str(store), "--replace"),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            # Waiting on the process is the clock: it is killed wherever it happens to be.
            process.wait(timeout=rng.uniform(0.05, duration * 1.1))
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
        outcomes.append(_check(store, old, new))
    assert outcomes  # which of old/new each run left depends on the machine's speed

    store.write_bytes(old)  # a killed import never leaves the store locked
    again = subprocess.run(_cli("import", "--products", str(source), "--data", str(store), "--replace"),
                           capture_output=True, check=False)  # fmt: skip
    assert again.returncode == 0 and store.read_bytes() == new


_CRASHER = """
import os, signal, sys
target = int(sys.argv[1])
calls = 0
def crashing(function):
    def wrapper(*args, **kwargs):
        global calls
        calls += 1
        if calls == target:
            os.kill(os.getpid(), signal.SIGKILL)
        return function(*args, **kwargs)
    return wrapper
for name in ("link", "fsync", "replace", "unlink"):
    setattr(os, name, crashing(getattr(os, name)))
from ocop_tui.cli.main import main
try:
    main(sys.argv[2:])
finally:
    sys.stderr.write(f"calls={calls}\\n")
"""


def test_kill_9_at_every_step_of_the_write(tmp_path: Path) -> None:
    content = big_tables(booths=10, products=50)
    old = encode(content)
    source = tmp_path / "products.csv"
    source.write_text(csv_text([VI_PRODUCT_HEADER, product_row(booth_no="A-008")]), encoding="utf-8")
    store = tmp_path / "fair.json"
    store.write_bytes(old)
    args = ["import", "--products", str(source), "--data", str(store)]
    full = subprocess.run([sys.executable, "-c", _CRASHER, "0", *args], capture_output=True, text=True, check=False)
    assert full.returncode == 0, full.stderr
    new = store.read_bytes()
    steps = int(full.stderr.rsplit("calls=", 1)[1])
    assert steps >= 4  # backup link, its folder fsync, the data fsync, the replace...

    seen = []
    for step in range(1, steps + 1):
        store.write_bytes(old)
        # A killed run can leave its temp file; the next write would remove it (one more os.unlink,
        # shifting the step numbers), so each run starts from the same clean folder.
        for leftover in tmp_path.glob(".fair.json.*.tmp"):
            leftover.unlink()
        real = _five_real_backups(store)
        crashed = subprocess.run([sys.executable, "-c", _CRASHER, str(step), *args], capture_output=True, check=False)
        assert crashed.returncode == -signal.SIGKILL
        outcome = _check(store, old, new)
        seen.append(outcome)
        # A backup counts only if its write replaced the store: after the next write (which settles what the
        # killed one left), the kept five are that write's backup, the killed import's one if it got as far as
        # the replace, and then the real older versions, none pushed out by a stray copy.
        write_store(store, lambda db: None)
        kept = [b.read_bytes() for b in list_backups(store)]
        expected = [new, old, *real[:3]] if outcome == "new" else [old, *real[:4]]
        assert kept == expected, f"step {step} ({outcome}): {[k[:40] for k in kept]}"
        assert not list((tmp_path / ".ocop-backups").glob(".*.pending"))
    assert seen[0] == "old" and seen[-1] == "new"  # before the first step nothing changed; after the replace, all


def _five_real_backups(store: Path) -> list[bytes]:
    """Five older backups (newest first), as if five earlier writes had kept them."""
    folder = store.parent / ".ocop-backups"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    versions = []
    for day in range(5, 0, -1):
        data = f"an older version, from 2024-09-0{day}\n".encode()
        (folder / f"fair.2024090{day}T080000000000.json").write_bytes(data)
        versions.append(data)
    return versions


def test_two_imports_at_once_both_applied_or_told_busy(tmp_path: Path) -> None:
    content = big_tables(booths=40, products=3000)
    store = tmp_path / "fair.json"
    store.write_bytes(encode(content))
    files = []
    for name in ("first", "second"):
        rows = [product_row(f"{name}-{i}", booth_no="A-008", price=str(1000 + i)) for i in range(400)]
        path = tmp_path / f"{name}.csv"
        path.write_text(csv_text([VI_PRODUCT_HEADER, *rows]), encoding="utf-8")
        files.append((name, path))
    for _ in range(2):
        processes = [
            (name, subprocess.Popen(_cli("--lang", "en", "import", "--products", str(path), "--data", str(store)),
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
            for name, path in files
        ]  # fmt: skip
        codes = {}
        for name, process in processes:
            _, err = process.communicate()
            codes[name] = process.returncode
            assert process.returncode in (0, 2), err
            if process.returncode == 2:
                assert "being written by another program" in err
        codes_seen = {p.code.split("-")[0] for p in load_store(store).tables.products}
        for name, code in codes.items():
            if code == 0:
                assert name in codes_seen, f"the {name} import was lost"


def test_a_write_between_check_and_write_is_not_lost(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "fair.json"
    store.write_bytes(encode(big_tables(booths=10, products=20)))
    mine = tmp_path / "mine.csv"
    mine.write_text(csv_text([VI_PRODUCT_HEADER, product_row("MINE-1", booth_no="A-008")]), encoding="utf-8")
    theirs = tmp_path / "theirs.csv"
    their_rows = [product_row("THEIRS-1", booth_no="A-008"), product_row("MINE-1", booth_no="A-008", name="Tên họ")]
    theirs.write_text(csv_text([VI_PRODUCT_HEADER, *their_rows]), encoding="utf-8")
    real_write = importing.write_store

    def someone_else_first(path, change, **kwargs):  # type: ignore[no-untyped-def]
        monkeypatch.setattr(importing, "write_store", real_write)
        run_import(path, products=theirs)  # lands after our check, before our write
        return real_write(path, change, **kwargs)

    monkeypatch.setattr(importing, "write_store", someone_else_first)
    result = run_import(store, products=mine)
    products = {p.code: p for p in load_store(store).tables.products}
    assert "THEIRS-1" in products  # their new product survived our write
    assert products["MINE-1"].name == "Mắm ruốc Kiên Giang"  # ours, written last, wins on the shared code
    assert result.counts["products"].updated == 1  # counted against the store as it was under the lock
