"""The benchmark's results as a Rich table on the terminal and as Markdown for benchmarks/RESULTS.md."""

from __future__ import annotations

from typing import Any


def _num(value: float | None, digits: int = 0, suffix: str = "") -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}{suffix}"


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×"


def measurement_rows(results: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    """One row per store size, the app next to the bare app."""
    header = [
        "Products",
        "First frame: app / bare (ratio)",
        "Keystroke median: app / bare (ratio)",
        "Keystroke p90: app / bare (ratio)",
        "Key echo median: app / bare",
        "Keystroke vs bare echo: median, p90",
        "Facet toggle median (p90)",
        "Column sort median (p90)",
        "Peak RSS: app / bare",
        "Cold start: first frame, peak RSS",
    ]
    rows = []
    for size in results["sizes"].values():
        start, keys = size["startup"], size["keystroke"]
        label = f"{size['products']:,}" + (f" ({size['name']})" if size["name"] else "")
        rows.append([
            label,
            f"{_num(start['app_s'], 2)} s / {_num(start['bare_s'], 2)} s ({_ratio(start['ratio'])})",
            f"{_num(keys['app_median_ms'], 1)} / {_num(keys['bare_median_ms'], 1)} ms ({_ratio(keys['median_ratio'])})",
            f"{_num(keys['app_p90_ms'], 1)} / {_num(keys['bare_p90_ms'], 1)} ms ({_ratio(keys['p90_ratio'])})",
            f"{_num(keys.get('app_echo_median_ms'), 1)} / {_num(keys.get('bare_echo_median_ms'), 1)} ms",
            f"{_ratio(keys.get('median_ratio_to_bare_echo'))}, {_ratio(keys.get('p90_ratio_to_bare_echo'))}",
            f"{_num(size['facet_toggle']['median_ms'], 1)} ms ({_num(size['facet_toggle']['p90_ms'], 1)})",
            f"{_num(size['sort']['median_ms'], 1)} ms ({_num(size['sort']['p90_ms'], 1)})",
            f"{_num(size['peak_rss_mib']['app'], 0)} / {_num(size['peak_rss_mib']['bare'], 0)} MiB",
            f"{_num(size.get('cold_start', {}).get('app_s'), 2)} s, "
            f"{_num(size.get('cold_start', {}).get('peak_rss_mib'), 0)} MiB",
        ])  # fmt: skip
    return header, rows


def target_rows(results: dict[str, Any]) -> list[list[str]]:
    rows = []
    for target in results["targets"]:
        unit = "×" if "ratio" in target["target"] else (" s" if target["target"].endswith("_s") else "")
        value = target["value"]
        shown = "–" if value is None else (f"{value:.2f}{unit}" if unit else f"{value:,.1f}")
        verdict = {True: "met", False: "MISSED", None: "not measured"}[target["met"]]
        rows.append([f"{target['products']:,}", target["what"], f"≤ {target['limit']:g}{unit}", shown, verdict])
    return rows


def machine_line(results: dict[str, Any]) -> str:
    m = results["machine"]
    load = ", ".join(f"{x:.2f}" for x in m["load_average"]) if m.get("load_average") else "?"
    return (
        f"{m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), load at start {load}; {m['python']}; "
        f"Textual {m['versions'].get('textual')}, Rich {m['versions'].get('rich')}; {m['platform']}"
    )


def import_line(results: dict[str, Any]) -> str:
    imported = results["import"]
    if imported.get("median_s") is None:
        return f"Import of {imported['products']:,} products from CSV: {imported.get('note') or 'not measured'}"
    runs = ", ".join(f"{x:.2f}" for x in imported["runs_s"])
    return (
        f"Import of {imported['products']:,} products (and their booths) from CSV into an empty store, "
        f"`ocop-tui import --replace`, whole process: median {imported['median_s']:.2f} s (runs: {runs} s)"
    )


def print_report(results: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False)
    header, rows = measurement_rows(results)
    table = Table(
        title=f"ocop-tui vs a bare Textual app ({results['mode']}; {results['settings']['runs']} run(s), medians)"
    )
    for name in header:
        table.add_column(name, justify="left" if name == "Products" else "right")
    for row in rows:
        table.add_row(*row)
    console.print(table)
    console.print(Text(import_line(results)))
    targets = Table(title="Targets")
    for name in ("Products", "Target", "Limit", "Measured", ""):
        targets.add_column(name)
    for row in target_rows(results):
        style = {"met": "green", "MISSED": "bold red"}.get(row[-1], "dim")
        targets.add_row(*row[:-1], Text(row[-1], style=style))
    console.print(targets)
    console.print(Text(f"Machine: {machine_line(results)}", style="dim"))
    console.print(Text(f"Method: {results['method']}", style="dim"))
    for size in results["sizes"].values():
        for error in size["errors"]:
            console.print(Text(f"Error at {size['products']:,}: {error}", style="red"))


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def markdown_report(results: dict[str, Any]) -> str:
    header, rows = measurement_rows(results)
    parts = [
        "# Benchmark results",
        "",
        f"Latest full run: {results['when']}, `{results['command'].strip()}`, {results['settings']['runs']} run(s) "
        f"per program and size, medians ({results['duration_s']} s in all). Regenerate with `python -m benchmarks`.",
        "",
        _md_table(header, rows),
        "",
        import_line(results) + ".",
        "",
        _md_table(["Products", "Target", "Limit", "Measured", "Result"], target_rows(results)),
        "",
        f"Machine: {machine_line(results)}.",
        "",
        f"Method: {results['method']}",
        "",
    ]
    return "\n".join(parts)
