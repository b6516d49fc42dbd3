"""The word indexes kept beside the catalogue cache: read back exactly as built, used only for the same store
version and code, a miss (then built) when damaged, foreign or absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ocop_tui.search import cache, word_cache
from ocop_tui.search.bitset import as_set
from ocop_tui.search.catalog import load_catalog, open_catalog
from ocop_tui.search.word_index import WordIndex

DEMO = Path(__file__).resolve().parents[2] / "data" / "fair.json"
QUERIES = ("nuoc mam phu quoc", "tom kho ca mau", "gian:k7", "ma:91", "tinh:ca mau sao:4+", "nuoc mam phu quok",
           "htx", "dua sap", "k-7", "xoai cat hoa loc 5 sao")  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    entries = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(entries))
    return entries


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store" / "fair.json"
    path.parent.mkdir()
    path.write_bytes(DEMO.read_bytes())
    return path


def same(a: WordIndex, b: WordIndex) -> None:
    assert a.size == b.size and a.vocabulary == b.vocabulary and a.phrase_ranks == b.phrase_ranks
    for table, other in zip(a.by_rank, b.by_rank, strict=True):
        assert table.keys() == other.keys()
        assert all(type(table[w]) is type(other[w]) and as_set(table[w]) == as_set(other[w]) for w in table)
    assert a.phrases == b.phrases
    assert a.fields.keys() == b.fields.keys()
    for name, values in a.fields.items():
        kept = b.fields[name]
        assert values.stored == kept.stored and values.words == kept.words
        assert [as_set(r) for r in values.records] == [as_set(r) for r in kept.records]


def first_start(store: Path) -> None:
    """The first start on a store: its indexes built, then kept (here written at once)."""
    catalog, _ = open_catalog(store)
    assert catalog.word_store is not None
    for kind, index in (("products", catalog.product_index), ("booths", catalog.booth_index)):
        assert catalog.word_store.write(kind, index.words) is not None


def test_a_kept_index_is_read_back_as_built_and_searches_alike(folder: Path, store: Path) -> None:
    first_start(store)
    built = load_catalog(store)
    catalog, _ = open_catalog(store)
    assert catalog.word_store is not None
    kept = catalog.word_store.read("products")
    assert kept is not None
    same(built.product_index.words, kept)
    booths = catalog.word_store.read("booths")
    assert booths is not None
    same(built.booth_index.words, booths)
    for query in QUERIES:
        assert list(catalog.search_products(query).ids) == list(built.search_products(query).ids), query
        assert list(catalog.search_booths(query).ids) == list(built.search_booths(query).ids), query


def test_the_next_start_reads_the_index_instead_of_building_it(
    folder: Path, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_start(store)
    catalog, _ = open_catalog(store)

    def no_build(*args: object) -> WordIndex:
        raise AssertionError("built again")

    monkeypatch.setattr("ocop_tui.search.index.build_word_index", no_build)
    assert catalog.search_products("nuoc mam").total > 0


def test_a_changed_store_or_code_or_a_damaged_file_is_built_again(
    folder: Path, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_start(store)
    catalog, _ = open_catalog(store)
    assert catalog.word_store is not None
    path = catalog.word_store.path("products")
    # Another version of the store: another key.
    os.utime(store, ns=(1, 1))
    changed, _ = open_catalog(store)
    assert changed.word_store is not None and changed.word_store.read("products") is None
    # Another version of the code that builds indexes.
    monkeypatch.setattr(word_cache, "code_digest", lambda: "another")
    assert catalog.word_store.read("products") is None
    monkeypatch.undo()
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    assert catalog.word_store.read("products") is not None
    # Damaged: cut short, or a byte changed.
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert catalog.word_store.read("products") is None
    path.write_bytes(data[:100] + bytes([data[100] ^ 1]) + data[101:])
    assert catalog.word_store.read("products") is None
    # Written by someone else (others may change it): not trusted.
    path.write_bytes(data)
    path.chmod(0o666)
    assert catalog.word_store.read("products") is None
    path.chmod(0o600)
    assert catalog.word_store.read("products") is not None
    # And a miss is never an error: the index is built.
    path.unlink()
    fresh, _ = open_catalog(store)
    assert fresh.search_products("nuoc mam").total == load_catalog(store).search_products("nuoc mam").total


def test_no_cache_folder_means_no_kept_index(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    catalog, _ = open_catalog(store)
    assert catalog.word_store is None
    assert catalog.search_products("nuoc mam").total > 0


def test_a_fifo_in_place_of_a_kept_index_is_built_again_not_a_hang(folder: Path, store: Path) -> None:
    catalog, _ = open_catalog(store)
    assert catalog.word_store is not None
    path = catalog.word_store.path("products")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    assert catalog.word_store.read("products") is None
