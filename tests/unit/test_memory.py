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
