"""`--replace` and merges say exactly what happens: the records removed, changed (with the fields that change)
and added, listed in the dry run and the real run, all of them in the report; a real run removing more than
10% of a table asks on a terminal and needs --yes otherwise."""

from __future__ import annotations

import csv
import io
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from ocop_tui.cli.main import main
from ocop_tui.store.backups import list_backups
from ocop_tui.store.reading import load_store
from ocop_tui.transfer.importing import large_removals, run_import
from ocop_tui.transfer.merge import plan_import

from .importdata import big_tables, write_store


def invoke(*args: str) -> object:
    return CliRunner().invoke(main, ["--lang", "en", *args], env={"COLUMNS": "250"})


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "fair.json"
    write_store(path, big_tables(4, 60))
    return path


def export_products(store: Path, out: Path) -> list[dict[str, str]]:
    assert invoke("export", "--out", str(out), "--data", str(store)).exit_code == 0
    text = (out / "products.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def write_products(path: Path, rows: list[dict[str, str]]) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")
    return path


def test_a_replace_dry_run_lists_what_goes_what_changes_and_what_comes(store: Path, tmp_path: Path) -> None:
    rows = export_products(store, tmp_path / "out")
    kept = [dict(row) for row in rows[:30]]  # 30 of the 60 go
    kept[0]["Giá"] = "999.000"
    kept[0]["Số sao"] = "5 sao"
    kept[1]["Tên sản phẩm"] = "Tên mới"
    new = dict(rows[0], **{"Mã sản phẩm": "NEW-1", "Tên sản phẩm": "Sản phẩm mới"})
    source = write_products(tmp_path / "p.csv", [*kept, new])
    before = store.read_bytes()
    done = invoke("import", "--products", str(source), "--data", str(store), "--replace", "--dry-run")
    assert done.exit_code == 0, done.output
    out = done.output
    assert "Products to be removed: 30" in out and "Products to be updated: 2" in out
    assert "Products to be added: 1" in out
    removed = [row["Mã sản phẩm"] for row in rows[30:]]
    assert all(code in out for code in removed[:20]) and not any(code in out for code in removed[20:])
    assert "… and 10 more (all of them with --report FILE.csv)" in out
    old_price = int(rows[0]["Giá"].replace(".", ""))
    assert f"{rows[0]['Mã sản phẩm']}  {rows[0]['Tên sản phẩm']}: Số sao: " in out
    assert f"Giá: {old_price:,} → 999,000" in out
    assert f"Tên sản phẩm: {rows[1]['Tên sản phẩm']} → Tên mới" in out
    assert "NEW-1  Sản phẩm mới  (row 32)" in out  # after the header and the 30 kept rows
    assert store.read_bytes() == before


def test_the_report_holds_every_change(store: Path, tmp_path: Path) -> None:
    rows = export_products(store, tmp_path / "out")
    source = write_products(tmp_path / "p.csv", rows[:5])
    report = tmp_path / "report.csv"
    done = invoke("import", "--products", str(source), "--data", str(store), "--replace", "--dry-run", "--report",
                  str(report))  # fmt: skip
    assert done.exit_code == 0
    lines = list(csv.DictReader(io.StringIO(report.read_text(encoding="utf-8-sig"), newline="")))
    removed = [line for line in lines if line["Severity"] == "removed"]
    assert sorted(line["Value"] for line in removed) == sorted(row["Mã sản phẩm"] for row in rows[5:])
    assert all(line["File"] == "fair.json" and line["Row"].startswith("#") for line in removed)


def test_a_large_removal_needs_yes_without_a_terminal(store: Path, tmp_path: Path) -> None:
    rows = export_products(store, tmp_path / "out")
    source = write_products(tmp_path / "p.csv", rows[:50])  # 10 of 60 go: 17%
    before = store.read_bytes()
    done = invoke("import", "--products", str(source), "--data", str(store), "--replace")
    assert done.exit_code == 2 and "Traceback" not in done.output
    assert "removes 10 of 60 products (17%)" in done.output and "--yes" in done.output
    assert store.read_bytes() == before and not list_backups(store)
    confirmed = invoke("import", "--products", str(source), "--data", str(store), "--replace", "--yes")
    assert confirmed.exit_code == 0, confirmed.output
    assert "Products removed: 10" in confirmed.output
    assert len(load_store(store).tables.products) == 50


def test_a_small_removal_does_not_ask(store: Path, tmp_path: Path) -> None:
    rows = export_products(store, tmp_path / "out")
    source = write_products(tmp_path / "p.csv", rows[:54])  # 6 of 60: 10%, not more
    done = invoke("import", "--products", str(source), "--data", str(store), "--replace")
    assert done.exit_code == 0, done.output
    assert len(load_store(store).tables.products) == 54


def test_large_removals_per_table(tmp_path: Path) -> None:
    current = big_tables(10, 100)
    from ocop_tui.transfer.rows import ParsedTable

    empty = ParsedTable("products", "p.csv", {"code": "Mã sản phẩm"}, [], [])
    plan = plan_import(current, None, empty, replace=True)
    assert large_removals(plan) == [("products", 100, 100)]
    assert large_removals(plan_import(current, None, empty)) == []  # a merge removes nothing


# ---------------------------------------------------------------------------------------------- on a terminal


def _pty_run(args: list[str], answer: str) -> tuple[int, str]:
    """Run ocop-tui with a pseudo-terminal as stdin/stdout/stderr, type `answer` at the question."""
    main_fd, child_fd = os.openpty()
    env = {**os.environ, "COLUMNS": "200", "LINES": "50", "TERM": "xterm"}
    process = subprocess.Popen([sys.executable, "-m", "ocop_tui", "--lang", "en", *args], stdin=child_fd,
                               stdout=child_fd, stderr=child_fd, env=env, close_fds=True)  # fmt: skip
    os.close(child_fd)
    seen = b""
    answered = False
    deadline = time.monotonic() + 90  # a safety net against a hang, not a timing assertion
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([main_fd], [], [], 1)
            if ready:
                try:
                    chunk = os.read(main_fd, 4096)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                seen += chunk
            if not answered and b"to go ahead" in seen:
                os.write(main_fd, answer.encode() + b"\r")
                answered = True
            if process.poll() is not None and not ready:
                break
        code = process.wait(timeout=30)
    finally:
        os.close(main_fd)
        if process.poll() is None:
            process.kill()
    return code, seen.decode("utf-8", "replace")


@pytest.mark.parametrize(("answer", "code"), [("y", 0), ("c", 0), ("", 1), ("no", 1)])
def test_a_large_removal_asks_on_a_terminal(store: Path, tmp_path: Path, answer: str, code: int) -> None:
    rows = export_products(store, tmp_path / "out")
    source = write_products(tmp_path / "p.csv", rows[:40])
    before = store.read_bytes()
    got, screen = _pty_run(["import", "--products", str(source), "--data", str(store), "--replace"], answer)
    assert got == code, screen
    assert "removes 20 of 60 products (33%)" in screen and "Products to be removed: 20" in screen
    assert "Traceback" not in screen
    if code == 0:
        assert len(load_store(store).tables.products) == 40 and "Imported into" in screen
    else:
        assert store.read_bytes() == before and "nothing was written" in screen


def test_a_merge_lists_its_changes_after_a_real_run(store: Path, tmp_path: Path) -> None:
    rows = export_products(store, tmp_path / "out")
    rows[3]["Đơn vị tính"] = "chai 1 lít"
    source = write_products(tmp_path / "p.csv", rows)
    done = invoke("import", "--products", str(source), "--data", str(store))
    assert done.exit_code == 0
    assert "Products updated: 1" in done.output and "Đơn vị tính: hộp 500 g → chai 1 lít" in done.output
    result = run_import(store, products=source)
    assert result.changes == [] and result.write is None  # nothing left to change


def test_vietnamese_labels_in_the_lists(store: Path, tmp_path: Path) -> None:
    rows = export_products(store, tmp_path / "out")
    old_group = rows[0]["Nhóm"]
    rows[0]["Nhóm"] = "Đồ uống" if old_group != "Đồ uống" else "Thực phẩm"
    rows[0]["Bộ sản phẩm"] = "14" if old_group != "Đồ uống" else "1"
    source = write_products(tmp_path / "p.csv", rows)
    done = CliRunner().invoke(main, ["import", "--products", str(source), "--data", str(store), "--dry-run"],
                              env={"COLUMNS": "250"})  # fmt: skip
    assert f"Nhóm: {old_group} → {rows[0]['Nhóm']}" in done.output and "Sản phẩm sẽ được cập nhật: 1" in done.output
