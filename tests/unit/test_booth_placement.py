"""New booths on the floor plan: an import into a schema 2 store places every booth that comes without a place,
in a free slot of its zone, in a new zone drawn along the east side, or in the "Chưa xếp chỗ" zone when its
own is full; never on top of anything, never cut off from the entrances, and says so in the summary."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocop_tui.paths import demo_store_path
from ocop_tui.plan.layout import auto_layout
from ocop_tui.plan.placing import UNPLACED_ZONE, place_booths
from ocop_tui.plan.shapes import MAX_PLAN_SIDE, Rect
from ocop_tui.store.contract import check_tables
from ocop_tui.store.reading import read_tables
from ocop_tui.transfer.importing import run_import
from ocop_tui.transfer.merge import Counts

from .importdata import VI_BOOTH_HEADER, csv_text

HOST = "Khu tỉnh chủ nhà Kiên Giang"  # full in the demo fair
CAN_THO = "Khu thành phố Cần Thơ"  # one free slot, at x 104, y 28
CRAFTS = "Khu thủ công mỹ nghệ – làng nghề"  # two free slots


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    store = tmp_path / "fair.json"
    shutil.copyfile(demo_store_path(), store)
    return store


def booths_file(path: Path, booths: list[tuple[str, str]]) -> Path:
    rows = [[number, f"HTX {number}", "Hợp tác xã", "Bạc Liêu", zone] for number, zone in booths]
    path.write_text(csv_text([VI_BOOTH_HEADER, *rows]), encoding="utf-8")
    return path


def positions(store: Path) -> dict[str, Rect]:
    tables, _ = read_tables(store)
    return {doc["booth_no"]: Rect(doc["x"], doc["y"], doc["w"], doc["h"]) for doc in tables["booths"].values()
            if "x" in doc}  # fmt: skip


def assert_sound(store: Path) -> None:
    """Every booth placed, nothing overlapping, every booth reachable: the store's own checks say nothing."""
    tables, _ = read_tables(store)
    checked = check_tables(tables)
    assert [p for p in checked.problems if p.table in ("fair", "booths")] == []
    rects = list(positions(store).values())
    assert len(rects) == len(tables["booths"])
    for index, rect in enumerate(rects):
        assert not any(rect.overlaps(other) for other in rects[index + 1 :])


def test_new_booths_go_into_free_slots_of_their_zone(demo: Path, tmp_path: Path) -> None:
    before = positions(demo)
    result = run_import(demo, booths=booths_file(tmp_path / "b.csv", [("S-901", CRAFTS), ("S-902", CRAFTS)]))
    placement = result.placement
    assert placement is not None and sorted(placement.in_zone) == ["S-901", "S-902"]
    assert placement.added_width == 0 and result.problems == []  # nothing to warn about
    after = positions(demo)
    assert {k: v for k, v in after.items() if k in before} == before  # nobody else moved
    zone = next(z for z in json.loads(demo.read_text())["fair"]["1"]["plan"]["zones"] if z["name"] == CRAFTS)
    outline = Rect(zone["x"], zone["y"], zone["w"], zone["h"])
    for number in ("S-901", "S-902"):
        rect = after[number]
        assert outline.x < rect.x and rect.right < outline.right and outline.y < rect.y and rect.bottom < outline.bottom
    assert_sound(demo)


def test_a_new_zone_and_a_full_zone_go_to_the_east_side(demo: Path, tmp_path: Path) -> None:
    plan_before = json.loads(demo.read_text())["fair"]["1"]["plan"]
    new = [("R-101", "Khu tỉnh Bình Dương"), ("R-102", "Khu tỉnh Bình Dương"), ("A-901", HOST)]
    result = run_import(demo, booths=booths_file(tmp_path / "b.csv", new))
    placement = result.placement
    assert placement is not None
    assert placement.new_zones == {"Khu tỉnh Bình Dương": ["R-101", "R-102"]}
    assert placement.overflow == {HOST: ["A-901"]}
    assert placement.added_width > 0
    plan = json.loads(demo.read_text())["fair"]["1"]["plan"]
    assert plan["width"] == plan_before["width"] + placement.added_width
    assert [z["name"] for z in plan["zones"]][-2:] == ["Khu tỉnh Bình Dương", UNPLACED_ZONE]
    east = [e for e in plan["entrances"] if e["name"] == "Lối thoát hiểm phía Đông"]
    assert east[0]["x"] == plan["width"] - 1  # the exit moved with the wall
    after = positions(demo)
    assert all(after[number].x >= plan_before["width"] for number, _ in new)
    # The warnings name the real problem, on the column the organiser wrote (the zone), and the fix.
    warnings = [(p.row, p.column, p.key) for p in result.problems]
    assert warnings == [("2", "Khu", "import.warn.new_zone"), ("4", "Khu", "import.warn.zone_full")]
    message = result.problems[1].message("en")
    assert f'zone "{HOST}" is full' in message and "Tọa độ x" in message
    assert_sound(demo)


def test_a_fresh_store_is_laid_out_like_migrate_would(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from ocop_tui.cli.main import main

    store = tmp_path / "fair.json"
    assert CliRunner().invoke(main, ["init", "--data", str(store)]).exit_code == 0
    demo, _ = read_tables(demo_store_path())
    booths = [(doc["booth_no"], doc["zone"]) for doc in demo["booths"].values()]
    result = run_import(store, booths=booths_file(tmp_path / "b.csv", booths))
    assert result.counts["booths"] == Counts(added=320)
    assert result.placement is not None and result.placement.rebuilt and result.problems == []
    expected = auto_layout(booths)
    assert positions(store) == {place.booth_no: place.rect for place in expected.booths}
    assert_sound(store)


def test_booths_given_a_place_keep_it(demo: Path, tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    header = [*VI_BOOTH_HEADER, "Tọa độ x", "Tọa độ y", "Chiều rộng", "Chiều cao"]
    path.write_text(csv_text([header, ["M-901", "HTX", "HTX", "Cần Thơ", CAN_THO, 104, 28, 4, 2]]), encoding="utf-8")
    result = run_import(demo, booths=path)
    assert result.placement is None and positions(demo)["M-901"] == Rect(104, 28, 4, 2)


def test_no_room_at_all_is_a_warning_on_the_booth_not_on_x(tmp_path: Path) -> None:
    """A plan as wide as plans go: a booth that fits nowhere is left off the map, and said so."""
    plan = auto_layout([]).to_doc()
    plan["width"] = MAX_PLAN_SIDE
    plan["entrances"] = [e for e in plan["entrances"] if e["kind"] == "entrance"]
    placed = [("A-1", "Khu A", Rect(10, 8, 4, 2))]
    plan["zones"] = [{"name": "Khu A", "x": 9, "y": 7, "w": 6, "h": 4, "colour": 0}]
    placement = place_booths(plan, placed, [("A-2", "Khu A")])
    assert placement.unplaced == ["A-2"] and not placement.positions

    store = tmp_path / "fair.json"
    fair = {"name": "Hội chợ", "theme": "x", "venue": "x", "city": "x", "start_date": "2024-09-29",
            "end_date": "2024-10-03", "schema_version": 2, "plan": plan}  # fmt: skip
    booth = {"booth_no": "A-1", "exhibitor": "HTX", "exhibitor_type": "cooperative", "province": "Cà Mau",
             "zone": "Khu A", "x": 10, "y": 8, "w": 4, "h": 2}  # fmt: skip
    store.write_text(json.dumps({"fair": {"1": fair}, "booths": {"1": booth}, "products": {}}), encoding="utf-8")
    result = run_import(store, booths=booths_file(tmp_path / "b.csv", [("A-2", "Khu A")]))
    assert [(p.row, p.column, p.key) for p in result.problems] == [("2", "Số gian hàng", "import.warn.no_place")]
    assert "cannot grow any wider" in result.problems[0].message("en")


def test_a_slot_that_would_block_a_door_is_not_used() -> None:
    """A hand-drawn zone: a booth walled in on three sides faces the cells the pattern would fill next."""
    plan = auto_layout([]).to_doc()
    plan["zones"] = [{"name": "Khu A", "x": 9, "y": 6, "w": 10, "h": 7, "colour": 0}]  # slots at y 7 and 9
    plan["walls"] = [{"x": 9, "y": 6, "w": 10, "h": 1}, {"x": 9, "y": 7, "w": 1, "h": 2},
                     {"x": 14, "y": 7, "w": 5, "h": 2}]  # fmt: skip
    placed = [("A-1", "Khu A", Rect(10, 7, 4, 2))]  # its only open side is below, where the next slot is
    placement = place_booths(plan, placed, [("A-2", "Khu A")])
    assert "A-2" not in placement.in_zone and placement.overflow == {"Khu A": ["A-2"]}
    assert not placement.positions["A-2"].overlaps(Rect(10, 9, 4, 2))
    assert placement.placed_in["A-2"] == UNPLACED_ZONE


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])  # fmt: skip
@given(
    picks=st.lists(
        st.tuples(st.sampled_from([HOST, CAN_THO, "Khu tỉnh Bạc Liêu", "Khu mới 1", "Khu mới 2"]), st.integers(1, 12)),
        min_size=1,
        max_size=5,
    )
)
def test_any_new_booths_are_placed_soundly(tmp_path: Path, picks: list[tuple[str, int]]) -> None:
    store = tmp_path / "fair.json"
    shutil.copyfile(demo_store_path(), store)
    booths = [(f"N{index}-{n}", zone) for index, (zone, count) in enumerate(picks) for n in range(count)]
    result = run_import(store, booths=booths_file(tmp_path / "b.csv", booths))
    placement = result.placement
    assert placement is not None and not placement.unplaced
    assert sorted(placement.positions) == sorted(number for number, _ in booths)
    assert_sound(store)
