"""`python -m benchmarks`: ocop-tui against a bare Textual app, side by side, at fair, national and stress scale
(`python -m benchmarks relevance`: the search's relevance against SQLite FTS5, see relevance.py;
`python -m benchmarks soak`: memory over thousands of screen switches, searches, filter toggles and map pans,
see soak.py).

Both programs are started the same way (this Python, `-m module`) in a real pseudo-terminal and timed
from the outside; see terminal.py for what "first frame" and "final repaint" mean. Several runs, medians,
the machine noted. Prints a Rich table, writes JSON (benchmarks/results/latest.json, git-ignored) and the
committed summary benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from . import scenarios
from .stores import NAMED_SIZES, default_cache_dir, make_store

HERE = Path(__file__).resolve().parent
DEFAULT_SIZES = (2951, 14000, 100000)
QUICK_SIZE = 300
METHOD = (
    "pty: each program runs in a real pseudo-terminal ({cols}x{rows}, xterm-256color, answering Textual's "
    "synchronized-output query) and is timed from the outside; both are started as `python -m <module>` "
    "with the same interpreter. Start-up = spawn to the first complete frame showing the first product row "
    "and the status count (bare app: its label). Keystroke/facet/sort = key written to the last byte of the "
    "repaint that shows the expected status text (bare app: its label repeating the typed text, the same "
    "Input -> Changed -> update path as the app's search), once the output has been quiet for {quiet:.0f} ms "
    "(the quiet wait is not counted). 'Echo' = key to the first frame after it (the search box showing the "
    "key, before anything reacts). Typing starts {settle:.1f} s after the first frame. The app's catalogue "
    "cache is primed first, as after its first start on a store; 'Cold start' is one start with an empty "
    "cache (the first start after a change to the store), until it has settled."
)

# (key, size, limit, what): ratios are app/bare measured in the same run.
TARGETS = (
    ("startup_ratio", 14000, 1.5, "first frame with data, app / bare"),
    ("startup_ratio", 100000, 5.0, "first frame with data, app / bare"),
    ("keystroke_median_ratio", 14000, 2.5, "keystroke → final repaint median, app / bare app's label echo"),
    ("keystroke_p90_ratio", 14000, 4.0, "keystroke → final repaint p90, app / bare app's label echo"),
    ("keystroke_median_ratio", 100000, 4.0, "keystroke → final repaint median, app / bare app's label echo"),
    # Issue 12: as a person feels it, the key to the app's last repaint against the bare app's echo (its
    # Input drawing the key), in the same run.
    ("echo_median_ratio", 14000, 3.0, "keystroke → last repaint median, app / bare app's Input echo median"),
    ("echo_p90_ratio", 14000, 5.0, "keystroke → last repaint p90, app / bare app's Input echo median"),
    ("echo_median_ratio", 100000, 4.0, "keystroke → last repaint median, app / bare app's Input echo median"),
    ("echo_p90_ratio", 100000, 6.0, "keystroke → last repaint p90, app / bare app's Input echo median"),
    ("facet_median_ms", 14000, 50.0, "facet toggle → repaint, median ms"),
    ("sort_median_ms", 14000, 50.0, "column sort → repaint, median ms"),
    ("peak_rss_mib", 14000, 100.0, "peak RSS, MiB"),
    ("peak_rss_mib", 100000, 300.0, "peak RSS, MiB"),
    ("import_median_s", 14000, 3.0, "import 14,000 products from CSV, s"),
)


def percentile(values: list[float], fraction: float) -> float | None:
    """Nearest-rank percentile (p90 of 10 values is the 9th smallest)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    versions = {}
    for package in ("textual", "rich", "orjson", "ocop-tui"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "python": scenarios.python_description(),
        "platform": platform.platform(),
        "versions": versions,
    }


def summarise(size: int, apps: list[scenarios.Session], bares: list[scenarios.Session], store_bytes: int,
              cold: scenarios.Session | None = None) -> dict[str, Any]:  # fmt: skip
    app_start = [s.startup_s for s in apps if s.startup_s is not None]
    bare_start = [s.startup_s for s in bares if s.startup_s is not None]
    app_keys = [t for s in apps for t in s.keystrokes_ms]
    bare_keys = [t for s in bares for t in s.keystrokes_ms]
    facets = [t for s in apps for t in s.facet_ms]
    sorts = [t for s in apps for t in s.sort_ms]
    app_rss = [s.peak_rss_mib for s in apps if s.peak_rss_mib is not None]
    bare_rss = [s.peak_rss_mib for s in bares if s.peak_rss_mib is not None]
    startup = {"app_s": median(app_start), "bare_s": median(bare_start), "app_runs_s": app_start,
               "bare_runs_s": bare_start}  # fmt: skip
    startup["ratio"] = ratio(startup["app_s"], startup["bare_s"])
    keystroke = {
        "app_median_ms": median(app_keys), "app_p90_ms": percentile(app_keys, 0.9),
        "bare_median_ms": median(bare_keys), "bare_p90_ms": percentile(bare_keys, 0.9),
        "count": len(app_keys), "bare_count": len(bare_keys),
        # The first frame after each key: both programs' search box showing it, before any reaction.
        "app_echo_median_ms": median([t for s in apps for t in s.echoes_ms]),
        "bare_echo_median_ms": median([t for s in bares for t in s.echoes_ms]),
    }  # fmt: skip
    keystroke["median_ratio"] = ratio(keystroke["app_median_ms"], keystroke["bare_median_ms"])
    keystroke["p90_ratio"] = ratio(keystroke["app_p90_ms"], keystroke["bare_p90_ms"])
    keystroke["median_ratio_to_bare_echo"] = ratio(keystroke["app_median_ms"], keystroke["bare_echo_median_ms"])
    keystroke["p90_ratio_to_bare_echo"] = ratio(keystroke["app_p90_ms"], keystroke["bare_echo_median_ms"])
    return {
        "products": size,
        "name": NAMED_SIZES.get(size, ""),
        "store_bytes": store_bytes,
        "startup": startup,
        "keystroke": keystroke,
        "facet_toggle": {"median_ms": median(facets), "p90_ms": percentile(facets, 0.9), "count": len(facets)},
        "sort": {"median_ms": median(sorts), "p90_ms": percentile(sorts, 0.9), "count": len(sorts)},
        "peak_rss_mib": {"app": median(app_rss), "bare": median(bare_rss), "app_runs": app_rss},
        # One start with an empty catalogue cache: what the first start after every change to the store costs.
        "cold_start": {"app_s": cold.startup_s if cold else None, "peak_rss_mib": cold.peak_rss_mib if cold else None},
        "errors": [s.error for s in apps + bares + ([cold] if cold else []) if s.error],
    }


def target_values(sizes: dict[str, Any], imported: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for key, size, limit, what in TARGETS:
        result = sizes.get(str(size))
        value: float | None = None
        if key == "import_median_s":
            value = imported.get("median_s") if imported.get("products") == size else None
        elif result is not None:
            value = {
                "startup_ratio": result["startup"]["ratio"],
                "keystroke_median_ratio": result["keystroke"]["median_ratio"],
                "keystroke_p90_ratio": result["keystroke"]["p90_ratio"],
                "echo_median_ratio": result["keystroke"].get("median_ratio_to_bare_echo"),
                "echo_p90_ratio": result["keystroke"].get("p90_ratio_to_bare_echo"),
                "facet_median_ms": result["facet_toggle"]["median_ms"],
                "sort_median_ms": result["sort"]["median_ms"],
                "peak_rss_mib": result["peak_rss_mib"]["app"],
            }[key]
        rows.append({"target": key, "products": size, "what": what, "limit": limit, "value": value,
                     "met": None if value is None else value <= limit})  # fmt: skip
    return rows


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help=f"a smoke run: {QUICK_SIZE} products, one run, short queries"
    )
    parser.add_argument("--sizes", help="comma-separated product counts (default: 2951,14000,100000)")
    parser.add_argument("--runs", type=int, help="runs per program and size (default 3; --quick: 1)")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "latest.json", help="JSON results file")
    parser.add_argument(
        "--markdown", type=Path, help="summary file (default: benchmarks/RESULTS.md; none with --quick)"
    )
    parser.add_argument("--cache-dir", type=Path, default=None, help="where generated stores are kept")
    parser.add_argument("--import-size", type=int, help="products in the import benchmark (default 14000)")
    parser.add_argument("--no-import", action="store_true", help="skip the import benchmark")
    parser.add_argument("--cols", type=int, default=140)
    parser.add_argument("--rows", type=int, default=42)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["relevance"]:
        from .relevance import main as relevance

        return relevance(argv[1:])
    if argv[:1] == ["soak"]:
        from .soak import main as soak

        return soak(argv[1:])
    args = parse_args(argv)
    if args.sizes:
        sizes = [int(part.replace("_", "").replace(",", "")) for part in args.sizes.split(",") if part.strip()]
    else:
        sizes = [QUICK_SIZE] if args.quick else list(DEFAULT_SIZES)
    runs = args.runs or (1 if args.quick else 3)
    queries = scenarios.QUICK_QUERIES if args.quick else scenarios.QUERIES
    import_size = args.import_size or (min(sizes) if args.quick else 14000)
    markdown = args.markdown if args.markdown is not None else (None if args.quick else HERE / "RESULTS.md")
    cache = args.cache_dir or default_cache_dir()
    settle = 0.5 if args.quick else scenarios.SETTLE  # a smoke run has no index worth waiting for
    root = scenarios.project_root()

    from rich.console import Console

    console = Console(stderr=True, highlight=False)
    started = time.perf_counter()
    results: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": "python -m benchmarks " + " ".join(argv),
        "machine": machine(),
        "method": METHOD.format(cols=args.cols, rows=args.rows, quiet=scenarios.QUIET * 1000, settle=settle),
        "mode": "pty",
        "settings": {
            "runs": runs,
            "queries": list(queries),
            "terminal": [args.cols, args.rows],
            "quiet_ms": scenarios.QUIET * 1000,
            "settle_s": settle,
            "quick": args.quick,
        },
        "sizes": {},
    }
    for size in sizes:
        console.print(f"[bold]{size:,} products[/]: generating or reusing the store…")
        store = make_store(size, cache)
        expect = scenarios.expectations(store, queries)
        apps: list[scenarios.Session] = []
        bares: list[scenarios.Session] = []
        console.print("  cold start (empty catalogue cache)")
        cold = scenarios.run_cold_start(store, expect, args.cols, args.rows, root)
        if cold.error:
            console.print(f"  [red]failed:[/] {cold.error}", markup=True, highlight=False)
        catalogue_cache = Path(tempfile.mkdtemp(prefix="ocop-bench-cache-"))
        scenarios.prime_cache(store, catalogue_cache)
        for run in range(runs):
            # Alternate which program goes first, so slow drift on a shared machine hits both alike.
            order = ("bare", "app") if run % 2 == 0 else ("app", "bare")
            for which in order:
                console.print(f"  run {run + 1}/{runs}: {which}")
                if which == "bare":
                    bares.append(scenarios.run_bare(args.cols, args.rows, expect.bare_keystrokes, root, settle))
                else:
                    apps.append(scenarios.run_app(store, expect, args.cols, args.rows, root, catalogue_cache, settle))
                error = (bares if which == "bare" else apps)[-1].error
                if error:
                    console.print(f"  [red]failed:[/] {error}", markup=True, highlight=False)
        shutil.rmtree(catalogue_cache, ignore_errors=True)
        results["sizes"][str(size)] = summarise(size, apps, bares, store.path.stat().st_size, cold)

    imported: dict[str, Any] = {"products": import_size}
    if args.no_import:
        imported["note"] = "skipped (--no-import)"
    else:
        console.print(f"[bold]import[/] of {import_size:,} products from CSV…")
        done = scenarios.run_import(make_store(import_size, cache), runs, root)
        imported.update(runs_s=done.runs_s, median_s=median(done.runs_s), note=done.note)
    results["import"] = imported
    results["targets"] = target_values(results["sizes"], imported)
    results["duration_s"] = round(time.perf_counter() - started, 1)

    from .report import markdown_report, print_report

    print_report(results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    console.print(f"JSON: {args.out}")
    if markdown is not None:
        from .relevance import START, replace_block

        old = markdown.read_text(encoding="utf-8") if markdown.exists() else ""
        kept = old[old.index(START) :].strip() if START in old else ""  # the relevance run's own section
        report = markdown_report(results)
        markdown.write_text(replace_block(report, kept) if kept else report, encoding="utf-8")
        console.print(f"Summary: {markdown}")
    return results
