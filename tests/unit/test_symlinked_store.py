"""A store path that is a symlink: every write replaces the real file (which a kiosk may be reading) and keeps
the link; the lock and the backups are beside the real file, and every command finds them through the link."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ocop_tui.cli.main import main
from ocop_tui.store.backups import list_backups
from ocop_tui.store.reading import load_store
from ocop_tui.store.writing import lock_for, write_store

from .importdata import VI_PRODUCT_HEADER, csv_text, product_row
from .importdata import write_store as write_file

pytestmark = pytest.mark.skipif(not hasattr(Path, "symlink_to"), reason="no symlinks")


@pytest.fixture
def linked(tmp_path: Path) -> tuple[Path, Path]:
    """real/fair.json, and link.json pointing at it from another folder (`ln -s real/fair.json link.json`)."""
    real = tmp_path / "real" / "fair.json"
    real.parent.mkdir()
    write_file(real)
    link = tmp_path / "link.json"
    link.symlink_to(Path("real") / "fair.json")
    return real, link


def test_an_import_through_a_link_replaces_the_real_file_a_reader_holds(tmp_path: Path, linked) -> None:
    real, link = linked
    old = real.read_bytes()
    products = tmp_path / "products.csv"
    products.write_text(csv_text([VI_PRODUCT_HEADER, product_row("KG-NEW-01")]), encoding="utf-8")
    with real.open("rb") as reader:  # a kiosk in the middle of reading the store
        first = reader.read(100)
        result = CliRunner().invoke(main, ["import", "--products", str(products), "--data", str(link)])
        assert result.exit_code == 0, result.output
        assert first + reader.read() == old  # the reader still sees one whole version, the old one
    assert link.is_symlink() and link.resolve() == real.resolve()  # still a link, to the same file
    assert "KG-NEW-01" in {p.code for p in load_store(real).tables.products}  # the real file has the new data
    backups = list_backups(real)
    assert [b.read_bytes() for b in backups] == [old]
    assert backups[0].parent == real.parent / ".ocop-backups"  # beside the real file, not the link
    assert list_backups(link) == backups
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "products.csv", "real"]
    assert sorted(p.name for p in real.parent.iterdir()) == [".ocop-backups", "fair.json", "fair.json.lock"]


def test_the_lock_is_the_real_files(linked) -> None:
    real, link = linked
    assert lock_for(link).lock_file == lock_for(real).lock_file == str(real.resolve()) + ".lock"


def test_restore_and_migrate_through_a_link(linked) -> None:
    real, link = linked
    old = real.read_bytes()
    runner = CliRunner()
    done = runner.invoke(main, ["migrate", "--data", str(link)])
    assert done.exit_code == 0, done.output
    assert link.is_symlink() and load_store(real).tables.fair.plan is not None
    done = runner.invoke(main, ["restore", "1", "--data", str(link)])
    assert done.exit_code == 0, done.output
    assert link.is_symlink() and real.read_bytes() == old
    assert len(list_backups(link)) == 2  # the migrated version was backed up by the restore


def test_a_new_store_through_a_dangling_link_is_created_at_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real" / "demo.json"
    target.parent.mkdir()
    link = tmp_path / "demo.json"
    link.symlink_to(target)
    done = CliRunner().invoke(main, ["demo-data", "--out", str(link), "--products", "40", "--force"])
    assert done.exit_code == 0, done.output
    assert link.is_symlink() and target.is_file() and len(load_store(link).tables.products) == 40


def test_write_store_returns_the_real_path(linked) -> None:
    real, link = linked
    result = write_store(link, lambda db: None)
    assert result.path == real.resolve() and link.is_symlink()
