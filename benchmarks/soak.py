"""`python -m benchmarks soak`: does memory stay flat over a day of use? ocop-tui and a bare two-mode Textual app
(bare_modes.py) are driven in a real pseudo-terminal, one kind of action at a time, and their resident memory
is sampled: growth per 1,000 actions, after a warm-up of the same actions (caches filled, every screen made).

Actions (ocop-tui; the bare app does the first two, switching between its two modes and typing in its box):
- switch: F2 and another tab (F3, F4, F5 in turn), back and forth; each key counts;
- search: a query typed one key at a time, then cleared (ctrl+u); each query counts;
- filter: space on the facet panel, a province turned on and off; each key counts;
- pan: an arrow key on the floor map, round and round; each key counts.
Each action waits until the screen is quiet (no output for QUIET seconds) before the next one. Figures go to
benchmarks/RESULTS.md and README.md (between the soak markers) and benchmarks/results/soak.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ocop_tui.search.cache import CACHE_ENV

from . import bare_modes, scenarios
from .stores import default_cache_dir, make_store
from .terminal import TerminalProgram, TerminalTimeout, python_module

HERE = Path(__file__).resolve().parent
START, END = "<!-- soak -->", "<!-- /soak -->"
QUIET = 0.05  # seconds without output that end an action
SETTLE_PHASE = 1.0  # before each RSS reading at a phase's start and end: every action done
SAMPLE_EVERY = 50  # actions between RSS samples
QUERIES = ("nuoc mam", "banh", "phu quoc", "xoai", "tom kho ca mau", "k7", "sao:5 tra", "qzx")
SWITCH_TABS = ("f3", "f4", "f5")
PAN_KEYS = ("right", "right", "down", "down", "left", "left", "up", "up")


@dataclass
class Phase:
    """One kind of action: RSS before and after `actions` of them (after the warm-up), sampled on the way."""

    kind: str
    actions: int = 0
    seconds: float = 0.0
    start_mib: float | None = None
    end_mib: float | None = None
    samples: list[tuple[int, float]] = field(default_factory=list)

    @property
    def growth_per_1000(self) -> float | None:
        if self.start_mib is None or self.end_mib is None or not self.actions:
            return None
        return (self.end_mib - self.start_mib) * 1000 / self.actions

    @property
    def steady_growth_per_1000(self) -> float | None:
        """Growth from the first sample to the end: a one-time step in the first actions (caches filled, a
        screen's first keys) left out, so that a slope is not confused with it."""
        if self.end_mib is None or not self.samples or self.samples[0][0] >= self.actions:
            return None
        first_at, first_mib = self.samples[0]
        return (self.end_mib - first_mib) * 1000 / (self.actions - first_at)


def _act(program: TerminalProgram, keys: list[str]) -> None:
    for key in keys:
        program.press(key)
        program.drain(QUIET, timeout=10.0)


def run_phase(program: TerminalProgram, kind: str, actions: int, warm_up: int,
              action: Callable[[int], list[str]]) -> Phase:  # fmt: skip
    """`warm_up` actions, then `actions` more with RSS sampled; action(i) gives the keys of the i-th action."""
    for i in range(warm_up):
        _act(program, action(i))
    phase = Phase(kind, actions)
    program.drain(SETTLE_PHASE, timeout=SETTLE_PHASE)
    started = time.perf_counter()
    phase.start_mib = program.rss_mib()
    for i in range(actions):
        _act(program, action(warm_up + i))
        if (i + 1) % SAMPLE_EVERY == 0:
            rss = program.rss_mib()
            if rss is not None:
                phase.samples.append((i + 1, round(rss, 1)))
    program.drain(SETTLE_PHASE, timeout=SETTLE_PHASE)
    phase.end_mib = program.rss_mib()
    phase.seconds = time.perf_counter() - started
    return phase


def _typed(query: str) -> list[str]:
    return ["space" if char == " " else char for char in query] + ["ctrl+u"]


def soak_app(size: int, actions: int, root: Path, cols: int, rows: int, stores: Path) -> list[Phase]:
    store = make_store(size, stores)
    expect = scenarios.expectations(store, ())
    cache = Path(tempfile.mkdtemp(prefix="ocop-soak-cache-"))
    try:
        scenarios.prime_cache(store, cache)
        argv = python_module("ocop_tui", "--data", str(store.path))
        with TerminalProgram(argv, cols=cols, rows=rows, cwd=root, env={CACHE_ENV: str(cache)}) as program:
            program.wait_for([expect.first_name, expect.ready], since=program.started, timeout=120)
            program.drain(scenarios.SETTLE, timeout=scenarios.SETTLE)
            warm = max(actions // 10, min(actions, 10))
            phases = [
                run_phase(program, "switch", actions, warm,
                          lambda i: ["f2" if i % 2 else SWITCH_TABS[(i // 2) % len(SWITCH_TABS)]]),
            ]  # fmt: skip
            _act(program, ["f2"])
            phases.append(run_phase(program, "search", actions, warm, lambda i: _typed(QUERIES[i % len(QUERIES)])))
            _act(program, ["f7"])  # the facet panel: its cursor is on the first province
            phases.append(run_phase(program, "filter", actions, warm, lambda i: ["space"]))
            _act(program, ["f7", "f4"])  # the floor map, which has the focus on its screen
            phases.append(run_phase(program, "pan", actions, warm, lambda i: [PAN_KEYS[i % len(PAN_KEYS)]]))
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return phases


def soak_bare(actions: int, root: Path, cols: int, rows: int) -> list[Phase]:
    with TerminalProgram(python_module("benchmarks.bare_modes"), cols=cols, rows=rows, cwd=root) as program:
        program.wait_for([bare_modes.READY.encode()], since=program.started, timeout=60)
        program.drain(scenarios.SETTLE, timeout=scenarios.SETTLE)
        warm = max(actions // 10, min(actions, 10))
        phases = [run_phase(program, "switch", actions, warm, lambda i: ["f3" if i % 2 == 0 else "f2"])]
        _act(program, ["f2"])
        phases.append(run_phase(program, "search", actions, warm, lambda i: _typed(QUERIES[i % len(QUERIES)])))
    return phases


def markdown(results: dict[str, Any]) -> str:
    app = {p["kind"]: p for p in results["app"]}
    bare = {p["kind"]: p for p in results["bare"]}

    def growth(phase: dict[str, Any] | None) -> str:
        if phase is None:
            return "–"
        value = phase["growth_mib_per_1000"]
        return "–" if value is None else f"{value:+.1f} MiB ({phase['start_mib']:.0f} → {phase['end_mib']:.0f})"

    def steady(phase: dict[str, Any] | None) -> str:
        value = None if phase is None else phase.get("steady_growth_mib_per_1000")
        if value is None or phase is None:
            return "–"
        return f"{value:+.1f} MiB (from {phase['samples'][0][1]:.0f} after {phase['samples'][0][0]})"

    lines = [
        START,
        f"Soak (`python -m benchmarks soak`, {results['when'][:10]}): {results['actions']:,} actions of each kind "
        f"after a warm-up of a tenth as many, in a real pseudo-terminal, on the {results['products']:,}-product "
        f"store; resident memory growth per 1,000 actions (RSS before → after), and from the first sample on "
        f"(a step in the first actions left out). Load at the start: {results['load_average'][0]:.2f}.",
        "",
        "| Action | ocop-tui | from the first sample | bare two-mode Textual app | from the first sample |",
        "| --- | --- | --- | --- | --- |",
    ]
    what = {"switch": "screen switch (F2 ⇄ F3/F4/F5)", "search": "search (a query typed, then cleared)",
            "filter": "filter toggle (space on a facet)", "pan": "map pan (an arrow key)"}  # fmt: skip
    for kind in ("switch", "search", "filter", "pan"):
        mine, theirs = app.get(kind), bare.get(kind)
        lines.append(f"| {what[kind]} | {growth(mine)} | {steady(mine)} | {growth(theirs)} | {steady(theirs)} |")
    lines.append(END)
    return "\n".join(lines)


def replace_block(text: str, block: str) -> str:
    if START in text and END in text:
        return text[: text.index(START)] + block + text[text.index(END) + len(END) :]
    return text.rstrip("\n") + "\n\n" + block + "\n"


def main(argv: list[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks soak", description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=1000, help="actions of each kind (default 1,000)")
    parser.add_argument("--size", type=int, default=2951, help="products in the store (default: the demo fair's)")
    parser.add_argument("--quick", action="store_true", help="100 actions of each kind; only the JSON written")
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md and README.md")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "soak.json", help="JSON results file")
    parser.add_argument("--cache-dir", type=Path, default=None, help="where generated stores are kept")
    parser.add_argument("--cols", type=int, default=140)
    parser.add_argument("--rows", type=int, default=42)
    args = parser.parse_args(argv)
    actions = 100 if args.quick else args.actions
    from rich.console import Console

    console = Console(stderr=True, highlight=False)
    root = scenarios.project_root()
    results: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "actions": actions,
        "products": args.size,
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else [0.0],
    }
    stores = args.cache_dir or default_cache_dir()
    for name, run in (("app", lambda: soak_app(args.size, actions, root, args.cols, args.rows, stores)),
                      ("bare", lambda: soak_bare(actions, root, args.cols, args.rows))):  # fmt: skip
        console.print(f"[bold]{name}[/]: {actions:,} actions of each kind…")
        try:
            phases = run()
        except TerminalTimeout as error:
            console.print(f"  [red]failed:[/] {error}", markup=True, highlight=False)
            phases = []
        results[name] = [
            {"kind": p.kind, "actions": p.actions, "seconds": round(p.seconds, 1), "start_mib": p.start_mib,
             "end_mib": p.end_mib, "growth_mib_per_1000": p.growth_per_1000,
             "steady_growth_mib_per_1000": p.steady_growth_per_1000, "samples": p.samples}
            for p in phases
        ]  # fmt: skip
        for p in phases:
            steady = p.steady_growth_per_1000
            console.print(f"  {p.kind}: {p.start_mib:.1f} → {p.end_mib:.1f} MiB in {p.seconds:.0f} s "
                          f"({p.growth_per_1000:+.2f} MiB per 1,000; from the first sample "
                          f"{'–' if steady is None else f'{steady:+.2f}'})")  # fmt: skip
    block = markdown(results)
    console.print(block, markup=False, highlight=False)
    out = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if not (args.quick or args.no_write):
        for path in (HERE / "RESULTS.md", HERE.parent / "README.md"):
            path.write_text(replace_block(path.read_text(encoding="utf-8"), block), encoding="utf-8")
        console.print("Written to benchmarks/RESULTS.md and README.md")
    return results
