"""`ocop-tui search`: its output, exit codes, and the same order as the browser's search."""

from __future__ import annotations

import json

from click.testing import CliRunner

from ocop_tui.cli.main import main
from ocop_tui.paths import demo_store_path
from ocop_tui.search.catalog import load_catalog


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["search", *args])


def test_table_output_and_exit_zero() -> None:
    result = run("tom", "kho", "ca", "mau", "--limit", "3")
    assert result.exit_code == 0, result.output
    assert "Cà Mau · tom kho" in result.output
    assert "Tôm khô" in result.output and "R-00" in result.output and "★" in result.output


def test_json_lines_in_the_browsers_order() -> None:
    catalog = load_catalog(demo_store_path())
    for query in ("nuoc mam phu quoc 5 sao", "K7", "tinh dau trram", "htx keo dua", "ma:91-911"):
        result = run(query, "--json", "--limit", "15")
        assert result.exit_code == 0, result.output
        rows = [json.loads(line) for line in result.output.splitlines()]
        ui_order = [catalog.products[i].code for i in catalog.search_products(query).ids[:15]]
        assert [row["code"] for row in rows] == ui_order
        assert [row["rank"] for row in rows] == list(range(1, len(rows) + 1))
        assert {"name", "stars", "booth", "province", "close"} <= rows[0].keys()
    assert json.loads(run("tinh dau trram", "--json").output.splitlines()[0])["close"] is True


def test_close_matches_are_said_to_be_close() -> None:
    result = CliRunner().invoke(main, ["--lang", "en", "search", "tinh dau trram"])
    assert result.exit_code == 0
    assert "No exact match; closest:" in result.output


def test_nothing_found_exits_one() -> None:
    result = run("qzxv")
    assert result.exit_code == 1
    assert "qzxv" in result.output


def test_an_unreadable_store_exits_two(tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert run("nuoc", "--data", str(broken)).exit_code == 2
    assert run().exit_code == 2  # no query: bad usage
