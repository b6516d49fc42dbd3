"""How long organisers wait for `ocop-tui import` of the national catalogue (14,000 products) from CSV.

The budget is 3 s for the whole command, Python start-up included. Three runs each:
- into a store without products (every row added and written),
- the same files again (every row compared, nothing written),
- a dry run.

    python benchmarks/import_csv.py [--products 14000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ocop_tui.demo.generator import generate_fair
from ocop_tui.store.reading import load_store
from ocop_tui.store.writing import encode
from ocop_tui.transfer.export import export_tables

BUDGET_SECONDS = 3.0


def _run(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ocop_tui", *args], check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--products", type=int, default=14000)
    products = parser.parse_args().products
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        tables = generate_fair(products=products)
        full = root / "full.json"
        full.write_bytes(encode(tables))
        export_tables(load_store(full).tables, root / "csv", "csv")
        empty = dict(tables, products={})
        csv_file = str(root / "csv" / "products.csv")
        worst = 0.0
        for label, prepare, extra in (
            ("add all", lambda: (root / "s.json").write_bytes(encode(empty)), ()),
            ("unchanged", lambda: (root / "s.json").write_bytes(encode(tables)), ()),
            ("dry run", lambda: (root / "s.json").write_bytes(encode(empty)), ("--dry-run",)),
        ):
            times = []
            for _ in range(3):
                prepare()
                times.append(_run("import", "--products", csv_file, "--data", str(root / "s.json"), *extra))
            worst = max(worst, max(times))
            print(f"{label:10} {products:>7,} products: " + "  ".join(f"{t:.2f} s" for t in times))
    print(f"worst {worst:.2f} s (budget {BUDGET_SECONDS:.0f} s)")
    return 0 if worst < BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
