"""The running app's garbage collector setting (ocop_tui.memory.collect_less_often)."""

from __future__ import annotations

import gc

from ocop_tui.memory import COLLECTION_THRESHOLDS, collect_less_often


def test_young_collections_come_less_often_and_the_older_ones_after_fewer_young_ones():
    before = gc.get_threshold()
    try:
        collect_less_often()
        assert gc.get_threshold() == COLLECTION_THRESHOLDS
        assert before[0] < COLLECTION_THRESHOLDS[0]
        assert COLLECTION_THRESHOLDS[1] <= before[1] and COLLECTION_THRESHOLDS[2] <= before[2]
    finally:
        gc.set_threshold(*before)


def test_the_app_sets_it_before_it_runs(monkeypatch):
    from ocop_tui.cli import common

    calls = []
    monkeypatch.setattr(common, "collect_less_often", lambda: calls.append("collector"))

    class App:
        return_code = 0

        def run(self) -> None:
            calls.append("run")

    try:
        common.run_app(App())  # type: ignore[arg-type]
    except SystemExit as done:
        assert done.code == 0
    assert calls == ["collector", "run"]
