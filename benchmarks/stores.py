"""Stores made by the project's own generator, cached on disk between benchmark runs.

A cached store is keyed by the generator's parameters and by a hash of the generator's source, so a
changed generator never serves an old store. Each store comes with what the benchmark needs to know
to recognise the app's screen: the first product in name order and a few counts.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import ocop_tui.demo

SEED = 2024
NAMED_SIZES = {2951: "demo", 14000: "national", 100000: "stress"}


def default_cache_dir() -> Path:
    configured = os.environ.get("OCOP_TUI_BENCH_CACHE")
    return Path(configured) if configured else Path(tempfile.gettempdir()) / "ocop-tui-bench"


def _generator_hash() -> str:
    digest = hashlib.blake2b(digest_size=6)
    # Every module of the generator: a change to any of them makes new stores.
    for source in sorted(Path(ocop_tui.demo.__file__ or "").parent.glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class BenchStore:
    products: int
    booths: int
    seed: int
    path: Path

    @property
    def label(self) -> str:
        name = NAMED_SIZES.get(self.products)
        return f"{self.products:,} ({name})" if name else f"{self.products:,}"


def make_store(products: int, cache_dir: Path, *, seed: int = SEED) -> BenchStore:
    """The store for `products` products (booths scale as in the demo fair), generated once."""
    from ocop_tui.demo.figures import default_booths
    from ocop_tui.demo.generator import generate_fair
    from ocop_tui.store.writing import encode

    booths = default_booths(products)
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"fair-p{products}-b{booths}-s{seed}-{_generator_hash()}.json"
    if not path.exists():
        tables = generate_fair(products=products, booths=booths, seed=seed)
        temp = path.with_suffix(".tmp")
        temp.write_bytes(encode(tables))  # the bytes the app itself writes
        os.replace(temp, path)
    return BenchStore(products, booths, seed, path)


def empty_store_like(store: BenchStore, target: Path) -> Path:
    """A store with the same fair and no booths or products: the target of the import benchmark."""
    from ocop_tui.store.reading import read_tables
    from ocop_tui.store.writing import encode

    tables, _ = read_tables(store.path)
    target.write_bytes(encode({"fair": tables["fair"], "booths": {}, "products": {}}))
    return target


def describe(path: Path) -> dict[str, object]:
    """Size facts for the report."""
    return {"bytes": path.stat().st_size, "file": path.name}
