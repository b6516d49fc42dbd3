"""The benchmark suite runs end to end on a tiny store and writes its JSON and Markdown (no timing asserted).

It starts ocop-tui and the bare Textual app in real pseudo-terminals, so it also proves the benchmark
still recognises the app's screen (status line, facets, sorting); a changed status text breaks it here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the benchmark drives programs through a POSIX pty")


def test_quick_benchmark_writes_results(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    markdown = tmp_path / "RESULTS.md"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--out", str(out), "--markdown", str(markdown),
         "--cache-dir", str(tmp_path / "stores")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(out.read_text(encoding="utf-8"))

    assert {"machine", "method", "mode", "settings", "sizes", "import", "targets", "duration_s"} <= results.keys()
    assert results["mode"] == "pty"
    assert {"cpu", "cores", "python", "versions"} <= results["machine"].keys()
    assert results["settings"]["quick"] is True
    (size,) = results["sizes"].values()
    assert size["errors"] == []
    assert {"startup", "keystroke", "facet_toggle", "sort", "peak_rss_mib"} <= size.keys()
    assert {"app_s", "bare_s", "ratio"} <= size["startup"].keys()
    assert {"app_median_ms", "app_p90_ms", "bare_median_ms", "bare_p90_ms", "median_ratio", "p90_ratio"} <= size[
        "keystroke"
    ].keys()
    assert size["startup"]["app_s"] is not None and size["startup"]["bare_s"] is not None
    assert size["cold_start"]["app_s"] is not None and size["cold_start"]["peak_rss_mib"] is not None
    assert size["keystroke"]["count"] > 0 and size["facet_toggle"]["count"] > 0 and size["sort"]["count"] > 0
    assert {"median_s", "runs_s", "products"} <= results["import"].keys() or results["import"].get("note")
    assert {row["target"] for row in results["targets"]} >= {"startup_ratio", "peak_rss_mib", "import_median_s"}
    assert "| Products |" in markdown.read_text(encoding="utf-8")
    assert "ocop-tui vs a bare Textual app" in done.stdout


def test_soak_runs_both_programs_and_reports_growth(tmp_path: Path) -> None:
    out = tmp_path / "soak.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "soak", "--actions", "3", "--size", "300", "--no-write",
         "--out", str(out), "--cache-dir", str(tmp_path / "stores")],
        cwd=ROOT, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(out.read_text(encoding="utf-8"))
    assert [phase["kind"] for phase in results["app"]] == ["switch", "search", "filter", "pan"]
    assert [phase["kind"] for phase in results["bare"]] == ["switch", "search"]
    for phase in results["app"] + results["bare"]:
        assert phase["actions"] == 3 and phase["start_mib"] > 0 and phase["growth_mib_per_1000"] is not None
        assert "steady_growth_mib_per_1000" in phase  # None here: no sample within 3 actions
    assert "<!-- soak -->" in done.stderr and "bare two-mode Textual app" in done.stderr
