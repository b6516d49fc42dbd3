"""`python -m benchmarks.takeaway`: how long the shortlist's walking plan and take-away QR codes take.

Targets (issue 16), reported here and never asserted in tests:
- the walking plan through 20 booths of the demo fair under 100 ms: plan_walk on a fresh grid (the map's grid
  is built once per fair; its cached distances are dropped, so every run does its searches), 20 stops drawn
  at random per run;
- a QR code drawn in under 50 ms: render() with its cache cleared, for take-away pages of the largest
  versions a terminal shows (the code's size decides the time: segno tries eight masks on every module)
  and for a booth's contact card.

Prints a table and writes benchmarks/results/takeaway.json (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ocop_tui.paths import demo_store_path
from ocop_tui.plan.layout import plan_from_records
from ocop_tui.plan.routes import Grid, default_start
from ocop_tui.plan.walk import plan_walk
from ocop_tui.search.catalog import Catalog, load_catalog
from ocop_tui.shortlist.groups import group_by_booth
from ocop_tui.shortlist.items import Item, Shortlist
from ocop_tui.shortlist.payload import take_away_pages, take_away_text
from ocop_tui.shortlist.qr import capacity, render
from ocop_tui.shortlist.vcard import booth_vcard

HERE = Path(__file__).resolve().parent
WALK_TARGET_MS, QR_TARGET_MS = 100.0, 50.0


def timed(action: Callable[[], object], runs: int, before: Callable[[], object] = lambda: None) -> list[float]:
    """Milliseconds of `action`, `runs` times, `before` run untimed ahead of each."""
    times = []
    for _ in range(runs):
        before()
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def summary(times: list[float], target: float) -> dict[str, Any]:
    ordered = sorted(times)
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "p90_ms": round(ordered[max(0, int(0.9 * len(ordered) + 0.5) - 1)], 2),
        "max_ms": round(ordered[-1], 2),
        "runs": len(ordered),
        "target_ms": target,
        "met": statistics.median(ordered) <= target,
    }


def walk_benchmark(catalog: Catalog, runs: int, stops: int) -> dict[str, Any]:
    plan = plan_from_records(catalog.fair.plan, catalog.booths)
    booth_nos = [place.booth_no for place in plan.booths]
    rng = random.Random(16)
    grids: list[Grid] = []
    picks: list[list[str]] = []

    def fresh() -> None:
        grids.append(Grid(plan))  # its distance cache empty, as at the first plan on a fair
        picks.append(rng.sample(booth_nos, stops))

    def walk() -> None:
        grid = grids[-1]
        start = default_start(grid)
        assert start is not None
        plan_walk(grid, start, picks[-1])

    result = summary(timed(walk, runs, fresh), WALK_TARGET_MS)
    result["stops"] = stops
    return result


def qr_benchmark(catalog: Catalog, runs: int) -> dict[str, Any]:
    rng = random.Random(16)
    picked = rng.sample(catalog.products, 20)
    groups = group_by_booth(Shortlist(Item("product", p.code) for p in picked), catalog)
    cases: dict[str, str] = {}
    for version in (5, 11, 15, 20):  # 80×24, 120×36, 160×48 terminals, and the largest readable code
        page = take_away_pages(groups, catalog.fair.name, "vi", max_version=version)[0]
        cases[f"page, version ≤{version} ({len(page.encode())} of {capacity(version)} bytes)"] = page
    full = take_away_text(groups, catalog.fair.name, "vi").encode()[: capacity(20)].decode("utf-8", "ignore")
    cases[f"the largest code, version 20 ({len(full.encode())} bytes)"] = full
    cases["contact card (vCard)"] = booth_vcard(catalog.booths[6], catalog.fair.name, "vi")
    results = {}
    for name, payload in cases.items():
        results[name] = summary(timed(lambda p=payload: render(p), runs, render.cache_clear), QR_TARGET_MS)
        results[name]["version"] = render(payload).version
    return results


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.takeaway", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="runs of each measurement (default 30)")
    parser.add_argument("--stops", type=int, default=20, help="booths in the walking plan (default 20)")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "takeaway.json")
    args = parser.parse_args(argv)
    catalog = load_catalog(demo_store_path())
    results = {
        "machine": {"python": platform.python_version(), "cpu": platform.processor() or platform.machine()},
        "walk": walk_benchmark(catalog, args.runs, args.stops),
        "qr": qr_benchmark(catalog, args.runs),
    }
    walk = results["walk"]
    print(f"Walking plan, {walk['stops']} stops on the demo fair: median {walk['median_ms']} ms, p90 "
          f"{walk['p90_ms']} ms, max {walk['max_ms']} ms (target {WALK_TARGET_MS:.0f} ms: "
          f"{'met' if walk['met'] else 'MISSED'})")  # fmt: skip
    for name, qr in results["qr"].items():
        print(f"QR {name}, version {qr['version']}: median {qr['median_ms']} ms, p90 {qr['p90_ms']} ms "
              f"(target {QR_TARGET_MS:.0f} ms: {'met' if qr['met'] else 'MISSED'})")  # fmt: skip
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
