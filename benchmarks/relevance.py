"""`python -m benchmarks relevance`: P@1 and MRR@5 of ocop-tui's search on the relevance set, and of SQLite
FTS5 on the same queries and the same fair, side by side.

FTS5 is what a Datasette user gets: one table of the searched fields, tokenizer `unicode61 remove_diacritics
2`, bm25 with column weights like ours (name 10; province, producer, booth, code 5; English name 2;
description 1), and the query escaped as Datasette escapes it (each word a quoted term, all of them
required).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocop_tui.paths import demo_store_path
from ocop_tui.search.catalog import Catalog, load_catalog

from .relevance_check import predicate
from .relevance_set import QUERIES

DEPTH = 5
FTS_COLUMNS = ("name", "province", "producer", "booth", "code", "name_en", "description")
FTS_WEIGHTS = (10.0, 5.0, 5.0, 5.0, 5.0, 2.0, 1.0)


@dataclass
class Scored:
    query: str
    expectation: str
    app_rank: int | None  # 1-based rank of the first result meeting the expectation, within DEPTH
    fts_rank: int | None
    app_first: str
    fts_first: str


def _first_hit(ids: list[int], catalog: Catalog, expectation: str) -> int | None:
    check = predicate(expectation)
    for rank, index in enumerate(ids[:DEPTH], start=1):
        if check(catalog.products[index], catalog.booth_of(index)):
            return rank
    return None


class Fts5:
    """The fair's products in an in-memory FTS5 table."""

    def __init__(self, catalog: Catalog) -> None:
        self.db = sqlite3.connect(":memory:")
        columns = ", ".join(FTS_COLUMNS)
        self.db.execute(f"CREATE VIRTUAL TABLE products USING fts5({columns}, "
                        "tokenize='unicode61 remove_diacritics 2')")  # fmt: skip
        self.db.executemany(
            f"INSERT INTO products(rowid, {columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (i, p.name, p.province, p.producer, p.booth_no, p.code, p.name_en, p.description)
                for i, p in enumerate(catalog.products)
            ],
        )

    def search(self, query: str) -> list[int]:
        terms = " ".join('"' + word.replace('"', '""') + '"' for word in query.split())  # Datasette's escape_fts
        if not terms:
            return []
        weights = ", ".join(str(w) for w in FTS_WEIGHTS)
        try:
            sql = f"SELECT rowid FROM products WHERE products MATCH ? ORDER BY bm25(products, {weights}) LIMIT {DEPTH}"
            rows = self.db.execute(sql, (terms,)).fetchall()
        except sqlite3.OperationalError:
            return []
        return [row[0] for row in rows]


def evaluate(path: Path | None = None) -> dict[str, Any]:
    catalog = load_catalog(path or demo_store_path())
    fts = Fts5(catalog)
    scored = []
    for query, expectation in QUERIES:
        app_ids = list(catalog.search_products(query).ids[:DEPTH])
        fts_ids = fts.search(query)
        scored.append(Scored(
            query, expectation, _first_hit(app_ids, catalog, expectation), _first_hit(fts_ids, catalog, expectation),
            catalog.products[app_ids[0]].name if app_ids else "", catalog.products[fts_ids[0]].name if fts_ids else "",
        ))  # fmt: skip
    count = len(scored)

    def p_at_1(ranks: list[int | None]) -> float:
        return sum(1 for r in ranks if r == 1) / count

    def mrr(ranks: list[int | None]) -> float:
        return sum(1 / r for r in ranks if r) / count

    app = [s.app_rank for s in scored]
    fts_ranks = [s.fts_rank for s in scored]
    return {
        "queries": count,
        "app": {"p_at_1": p_at_1(app), "mrr_at_5": mrr(app)},
        "fts5": {"p_at_1": p_at_1(fts_ranks), "mrr_at_5": mrr(fts_ranks)},
        "misses": [
            {
                "query": s.query,
                "expected": s.expectation,
                "app_first": s.app_first,
                "fts_first": s.fts_first,
                "app_rank": s.app_rank,
                "fts_rank": s.fts_rank,
            }
            for s in scored
            if s.app_rank != 1
        ],
        "fts_misses": sum(1 for s in scored if s.fts_rank != 1),
        "sqlite": sqlite3.sqlite_version,
    }


# Reporting ---------------------------------------------------------------------------------------------

START, END = "<!-- relevance -->", "<!-- /relevance -->"


def markdown(results: dict[str, Any]) -> str:
    app, fts = results["app"], results["fts5"]
    lines = [
        START,
        f"Relevance (`python -m benchmarks relevance`): {results['queries']} staff-style queries over the demo fair "
        "(benchmarks/relevance_set.py), each with a condition on the first result.",
        "",
        "| Search | P@1 | MRR@5 |",
        "| --- | --- | --- |",
        f"| ocop-tui | {app['p_at_1']:.3f} | {app['mrr_at_5']:.3f} |",
        f"| SQLite FTS5 {results['sqlite']} (unicode61 remove_diacritics 2, bm25 with column weights) "
        f"| {fts['p_at_1']:.3f} | {fts['mrr_at_5']:.3f} |",
    ]
    if results["misses"]:
        lines += ["", "Queries whose first result is not the expected one:", ""]
        lines += [f"- `{m['query']}` (expected {m['expected']}): first was “{m['app_first']}”" for m in
                  results["misses"]]  # fmt: skip
    lines.append(END)
    return "\n".join(lines)


def replace_block(text: str, block: str) -> str:
    """`text` with its relevance block replaced by `block` (or `block` appended)."""
    if START in text and END in text:
        before = text[: text.index(START)]
        after = text[text.index(END) + len(END) :]
        return before + block + after
    return text.rstrip("\n") + "\n\n" + block + "\n"


def main(argv: list[str]) -> dict[str, Any]:
    import argparse

    from rich.console import Console
    from rich.table import Table

    parser = argparse.ArgumentParser(prog="python -m benchmarks relevance", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="the store (default: the demo fair)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md and README.md")
    args = parser.parse_args(argv)
    results = evaluate(args.data)
    console = Console(highlight=False)
    table = Table(title=f"Relevance: {results['queries']} queries")
    for column in ("Search", "P@1", "MRR@5"):
        table.add_column(column)
    table.add_row("ocop-tui", f"{results['app']['p_at_1']:.3f}", f"{results['app']['mrr_at_5']:.3f}")
    table.add_row(f"SQLite FTS5 {results['sqlite']}", f"{results['fts5']['p_at_1']:.3f}",
                  f"{results['fts5']['mrr_at_5']:.3f}")  # fmt: skip
    console.print(table)
    for miss in results["misses"]:
        console.print(f"miss: {miss['query']!r} expected {miss['expected']}; first: {miss['app_first']}",
                      markup=False)  # fmt: skip
    if not args.no_write:
        root = Path(__file__).resolve().parent
        block = markdown(results)
        for path in (root / "RESULTS.md", root.parent / "README.md"):
            path.write_text(replace_block(path.read_text(encoding="utf-8"), block), encoding="utf-8")
        console.print("Written to benchmarks/RESULTS.md and README.md")
    return results
