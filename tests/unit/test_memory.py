"""Memory hygiene around loading: no collection while the catalogue is made, and none over it afterwards."""

from __future__ import annotations

import gc

import pytest

from ocop_tui.memory import long_lived


def test_long_lived_pauses_the_collector_then_freezes_what_was_made() -> None:
    assert gc.isenabled()
    frozen_before = gc.get_freeze_count()
    try:
        with long_lived():
            assert not gc.isenabled()
            made = [[i] for i in range(1000)]  # containers the collector would otherwise track and walk
        assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen_before + len(made)
    finally:
        gc.unfreeze()


def test_long_lived_leaves_a_disabled_collector_disabled_and_survives_errors() -> None:
    gc.disable()
    try:
        with pytest.raises(RuntimeError), long_lived():
            raise RuntimeError("a store that cannot be read")
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


def test_a_used_catalogue_is_freed_without_the_garbage_collector() -> None:
    """No reference cycle in a catalogue, its indexes and their matchers: a kiosk's replaced catalogue goes as
    soon as nothing holds it, even when it was frozen out of the collector's reach (as the first one is)."""
    import weakref
    from pathlib import Path

    from ocop_tui.search.catalog import load_catalog

    catalog = load_catalog(Path(__file__).resolve().parents[2] / "data" / "fair.json")
    catalog.warm()
    for query in ("nuoc mam", "nuoc mam phu quok", "gian:k7", "ma:91", "tinh:ca mau sao:4+"):
        catalog.search_products(query)
    catalog.search_products("mắm", sort=("price", True))
    catalog.search_booths("k7")
    held = [weakref.ref(x) for x in (catalog, catalog.product_index, catalog.booth_index,
                                     catalog.product_index.words, catalog.product_index.matcher)]  # fmt: skip
    gc.disable()
    try:
        del catalog
        assert [ref() for ref in held] == [None] * len(held)
    finally:
        gc.enable()
