"""The floor plan (schema version 2), automatic layout, routing, directions and `ocop-tui migrate`."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from ocop_tui.cli.main import main
from ocop_tui.model import SCHEMA_VERSION
from ocop_tui.paths import demo_store_path
from ocop_tui.plan.directions import describe, directions, sentence
from ocop_tui.plan.layout import auto_layout, build_plan, plan_from_tables
from ocop_tui.plan.routes import (
    BOOTH,
    OPEN,
    Door,
    Grid,
    Start,
    booth_start,
    default_start,
    find_route,
    resolve_start,
    route_to_booth,
    start_points,
)
from ocop_tui.plan.shapes import Entrance, Landmark, Plan, Rect, with_booths
from ocop_tui.store.backups import list_backups
from ocop_tui.store.contract import check_tables
from ocop_tui.store.reading import load_store

ZONES = ["Khu trưng bày nước mắm", "Khu ẩm thực nước mắm Phú Quốc", "Khu Kiên Giang", "Khu An Giang",
         "Khu Cần Thơ", "Khu thủ công mỹ nghệ", "Khu sinh vật cảnh"]  # fmt: skip


def fair_doc(**extra: object) -> dict:
    return {
        "name": "Diễn đàn OCOP", "theme": "Liên kết cùng phát triển", "venue": "Công viên Văn hóa An Hòa",
        "city": "Rạch Giá", "start_date": "2024-09-29", "end_date": "2024-10-03", "schema_version": 1, **extra,
    }  # fmt: skip


def v1_tables(booths_per_zone: int = 6) -> dict:
    booths = {}
    products = {}
    for z, zone in enumerate(ZONES):
        for i in range(booths_per_zone):
            no = f"{'ABCDEFG'[z]}-{i + 1:02d}"
            doc_id = str(len(booths) + 1)
            booths[doc_id] = {"booth_no": no, "exhibitor": f"HTX {no}", "exhibitor_type": "cooperative",
                              "province": "Kiên Giang", "zone": zone}  # fmt: skip
            products[doc_id] = {"code": f"P-{no}", "name": f"Nước mắm {no}", "group": "food", "stars": 4,
                                "booth_no": no, "producer": f"HTX {no}", "province": "Kiên Giang"}  # fmt: skip
    return {"fair": {"1": fair_doc()}, "booths": booths, "products": products}


def write_json(path: Path, tables: dict) -> Path:
    path.write_text(json.dumps(tables, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def demo_plan() -> Plan:
    """The demo fair's own plan (data/fair.json, read only)."""
    return plan_from_tables(load_store(demo_store_path()).tables)


@pytest.fixture(scope="module")
def demo_grid() -> Grid:
    return Grid(demo_plan())


def route_is_a_walk(grid: Grid, cells: tuple[tuple[int, int], ...], start_door: bool) -> None:
    """Consecutive cells are neighbours; every cell but the door cells at the ends is open floor."""
    for a, b in itertools.pairwise(cells):
        assert abs(a[0] - b[0]) + abs(a[1] - b[1]) == 1, (a, b)
    inner = cells[1 if start_door else 0 : -1]
    assert all(grid.kind(*cell) == OPEN for cell in inner), "the route crosses a booth, landmark or wall"
    assert grid.kind(*cells[-1]) != OPEN  # it ends inside the booth, at its door


# Automatic layout --------------------------------------------------------------------------------


def test_auto_layout_places_every_booth_in_its_zone_without_overlaps() -> None:
    booths = [(f"{'ABCDEFG'[z]}-{i}", zone) for z, zone in enumerate(ZONES) for i in range(1, 3 + 7 * z)]
    plan = auto_layout(booths, ZONES)
    assert plan.auto
    assert {p.booth_no for p in plan.booths} == {no for no, _ in booths}
    cells: set[tuple[int, int]] = set()
    for place in plan.booths:
        assert place.rect.inside(plan.width, plan.height)
        own = set(place.rect.cells())
        assert not own & cells
        cells |= own
        zone = plan.zone(place.zone)
        assert zone is not None
        assert all(zone.rect.contains(x, y) for x, y in own)
    for landmark in plan.landmarks:
        assert not set(landmark.rect.cells()) & cells
    kinds = {landmark.kind for landmark in plan.landmarks}
    assert {"stage", "toilet", "fish_sauce", "cooking", "info"} <= kinds
    assert {e.y for e in plan.entrances if e.kind == "entrance"} == {plan.height - 1}  # the street side


def test_auto_layout_puts_the_first_zones_next_to_the_entrances() -> None:
    plan = auto_layout(
        [(f"B{i}", zone) for zone in ZONES for i in range(10 * ZONES.index(zone), 10 * ZONES.index(zone) + 5)], ZONES
    )
    first, last = plan.zone(ZONES[0]), plan.zone(ZONES[-1])
    assert first is not None and last is not None
    assert first.rect.bottom > last.rect.bottom


def test_build_plan_gives_a_json_document_that_validates() -> None:
    tables = v1_tables()
    plan_doc, positions = build_plan(list(tables["booths"].values()), ZONES)
    json.dumps(plan_doc)
    assert len(positions) == len(tables["booths"])
    for doc in tables["booths"].values():
        doc.update(zip("xywh", positions[doc["booth_no"]]))
    tables["fair"]["1"].update(plan=plan_doc, schema_version=2)
    checked = check_tables(tables)
    assert checked.errors == [] and checked.warnings == []
    plan = plan_from_tables(checked)
    assert not plan.auto
    assert plan.positions() == positions


# The demo fair's plan ----------------------------------------------------------------------------


def test_the_demo_fair_is_schema_2_with_its_own_plan() -> None:
    loaded = load_store(demo_store_path())
    assert loaded.tables.fair is not None and loaded.tables.fair.schema_version == SCHEMA_VERSION == 2
    assert loaded.tables.fair.plan is not None
    assert all(booth.position is not None for booth in loaded.tables.booths)
    assert len(demo_plan().booths) == len(loaded.tables.booths)


def test_every_demo_booth_is_reachable_from_every_entrance(demo_grid: Grid) -> None:
    plan = demo_grid.plan
    assert len(plan.entrances) >= 3
    doors = {place.booth_no: demo_grid.door_of(place.rect) for place in plan.booths}
    assert all(door is not None for door in doors.values())
    for entrance in plan.entrances:
        dist = demo_grid.distances((entrance.x, entrance.y))
        unreachable = [no for no, door in doors.items() if dist[door.front[1] * plan.width + door.front[0]] < 0]
        assert unreachable == [], f"from {entrance.name}"


def test_demo_routes_never_cross_a_booth_or_a_wall(demo_grid: Grid) -> None:
    rng = random.Random(7)
    places = list(demo_grid.plan.booths)
    starts = start_points(demo_grid)
    for start in starts:
        for place in rng.sample(places, 12):
            route = route_to_booth(demo_grid, start, place.booth_no)
            assert route is not None
            route_is_a_walk(demo_grid, route.cells, start.door is not None)
            assert route.cells[-1] == demo_grid.booth_door(place.booth_no).cell
            assert demo_grid.owner[route.cells[-1]] == places.index(place)
    for a, b in zip(rng.sample(places, 20), rng.sample(places, 20)):
        start = booth_start(demo_grid, a.booth_no)
        route = route_to_booth(demo_grid, start, b.booth_no)
        assert route is not None
        if a != b:  # from a booth's door to another's
            route_is_a_walk(demo_grid, route.cells, True)


# Shortest routes, checked by brute force ---------------------------------------------------------


def small_plan(rng: random.Random) -> Plan:
    width, height = rng.randint(6, 8), rng.randint(5, 6)
    walls = tuple(Rect(rng.randint(1, width - 2), rng.randint(1, height - 2), 1, 1) for _ in range(rng.randint(0, 4)))
    entrance = Entrance("E", rng.randint(1, width - 2), height - 1)
    base = Plan(width, height, entrances=(entrance,), walls=walls)
    booths = []
    taken = {cell for wall in walls for cell in wall.cells()} | {(entrance.x, height - 2)}
    for i in range(rng.randint(1, 3)):
        rect = Rect(rng.randint(1, width - 3), rng.randint(1, height - 3), rng.randint(1, 2), 1)
        if not set(rect.cells()) & taken:
            taken |= set(rect.cells())
            booths.append((f"B{i}", "Z", rect))
    return with_booths(base, booths)


def brute_force_length(grid: Grid, source: tuple[int, int], goal: tuple[int, int]) -> int | None:
    """Try every simple path over open cells (exponential, fine on a few dozen cells)."""
    best: list[int | None] = [None]
    seen = {source}

    def walk(cell: tuple[int, int], length: int) -> None:
        if best[0] is not None and length >= best[0]:
            return
        if cell == goal:
            best[0] = length
            return
        for dx, dy in ((0, -1), (1, 0), (0, 1), (-1, 0)):
            nxt = (cell[0] + dx, cell[1] + dy)
            if nxt not in seen and grid.walkable(*nxt):
                seen.add(nxt)
                walk(nxt, length + 1)
                seen.discard(nxt)

    walk(source, 0)
    return best[0]


@pytest.mark.parametrize("seed", range(40))
def test_routes_are_as_short_as_a_brute_force_search_finds(seed: int) -> None:
    rng = random.Random(seed)
    plan = small_plan(rng)
    grid = Grid(plan)
    entrance = plan.entrances[0]
    start = Start("entrance", entrance.name, (entrance.x, entrance.y), (0, -1))
    for place in plan.booths:
        door = grid.door_of(place.rect)
        if door is None:
            continue
        route = find_route(grid, start, door)
        expected = brute_force_length(grid, start.cell, door.front)
        if expected is None:
            assert route is None
            continue
        assert route is not None
        route_is_a_walk(grid, route.cells, False)
        assert route.length == expected + 1  # + the step through the door


# Directions --------------------------------------------------------------------------------------


def corridor_plan() -> Plan:
    """A west aisle, then double rows of two booths each; the entrance at the bottom of the aisle.

    y: 1-2 aisle, 3-6 row 3, 7-8 aisle, 9-12 row 2, 13-14 aisle, 15-18 row 1, 19-20 promenade.
    """
    booths = []
    for row, top in enumerate((15, 9, 3), start=1):
        for col, x in enumerate((4, 8), start=1):
            booths.append((f"R{row}-N{col}", "Z", Rect(x, top, 4, 2)))
            booths.append((f"R{row}-S{col}", "Z", Rect(x, top + 2, 4, 2)))
    base = Plan(16, 22, entrances=(Entrance("Cổng chính", 2, 21),))
    return with_booths(base, booths)


def test_directions_count_rows_then_booths_and_name_the_side() -> None:
    grid = Grid(corridor_plan())
    start = resolve_start(grid, "cong chinh")
    assert start is not None and start.facing == (0, -1)
    route = route_to_booth(grid, start, "R3-S2")
    assert route is not None
    result = directions(grid, route)
    assert sentence(describe(result, "vi")) == "Đi thẳng 2 dãy, rẽ phải; đi thẳng qua 1 gian hàng; gian hàng ở bên trái"
    assert sentence(describe(result, "en")) == (
        "Go straight 2 rows, turn right; go straight past 1 booth; the booth is on your left"
    )


def test_directions_from_a_booth_and_to_itself() -> None:
    grid = Grid(corridor_plan())
    start = booth_start(grid, "R1-N1")
    assert start is not None and start.facing == (0, -1)  # stepping out of the booth's door
    route = route_to_booth(grid, start, "R1-N1")
    assert route is not None and route.length == 0
    assert describe(directions(grid, route), "en") == ["You are at the booth"]
    route = route_to_booth(grid, start, "R2-S1")  # just across the aisle
    assert route is not None
    assert describe(directions(grid, route), "vi")[-1] == "Gian hàng ở ngay phía trước"


def test_start_points_resolve_by_name_booth_or_landmark() -> None:
    plan = auto_layout([("A-1", ZONES[0]), ("B-1", ZONES[2])], ZONES)
    grid = Grid(plan)
    assert resolve_start(grid, "a-1").kind == "booth"
    assert resolve_start(grid, "KI-OT TRA CUU").kind == "point"
    assert resolve_start(grid, "nha ve sinh (tay)").kind == "landmark"
    assert resolve_start(grid, "nowhere") is None
    assert default_start(grid).kind == "point"


# Validation of version 2 stores ------------------------------------------------------------------


def v2_tables() -> dict:
    tables = v1_tables(2)
    plan_doc, positions = build_plan(list(tables["booths"].values()), ZONES)
    for doc in tables["booths"].values():
        doc.update(zip("xywh", positions[doc["booth_no"]]))
    tables["fair"]["1"].update(plan=plan_doc, schema_version=2)
    return tables


def problems_of(tables: dict) -> list[tuple[str, str, str, str]]:
    return [(p.table, p.record, p.field, p.severity) for p in check_tables(tables).problems]


def test_overlapping_booths_are_an_error() -> None:
    tables = v2_tables()
    first, second = tables["booths"]["1"], tables["booths"]["2"]
    second.update(x=first["x"] + 1, y=first["y"])
    errors = [p for p in check_tables(tables).errors]
    assert [(p.record, p.field) for p in errors] == [("2", "x")]
    assert "overlaps booth A-01" in errors[0].message


def test_positions_must_be_inside_the_plan_whole_and_given_together() -> None:
    tables = v2_tables()
    tables["booths"]["1"]["x"] = 10_000
    tables["booths"]["2"].pop("h")
    tables["booths"]["3"]["w"] = 0
    tables["booths"]["4"]["y"] = 2.5
    found = {(p.record, p.field) for p in check_tables(tables).errors if p.table == "booths"}
    assert found == {("1", "x"), ("2", "h"), ("3", "w"), ("4", "y")}


def test_a_booth_on_a_landmark_or_without_a_position() -> None:
    tables = v2_tables()
    stage = next(m for m in tables["fair"]["1"]["plan"]["landmarks"] if m["kind"] == "stage")
    tables["booths"]["1"].update(x=stage["x"], y=stage["y"])
    for name in "xywh":
        tables["booths"]["2"].pop(name)
    problems = check_tables(tables).problems
    assert [(p.record, p.severity) for p in problems] == [("2", "warning"), ("1", "error")]
    assert "landmark" in problems[1].message


def test_bad_plans_are_reported_with_their_field() -> None:
    tables = v2_tables()
    plan = tables["fair"]["1"]["plan"]
    plan["entrances"][0]["x"] = 5
    plan["entrances"][0]["y"] = 5  # not on the edge
    plan["landmarks"][0]["kind"] = "castle"
    plan["zones"][0]["colour"] = 99
    fields = {p.field for p in check_tables(tables).errors}
    assert fields == {"plan.entrances[0]", "plan.landmarks[0].kind", "plan.zones[0].colour"}
    tables["fair"]["1"]["plan"] = {"width": 3, "height": "x"}
    assert [p.field for p in check_tables(tables).errors] == ["plan.width"]


def test_a_position_without_a_plan_is_an_error_and_a_walled_in_booth_a_warning() -> None:
    tables = v1_tables(1)
    tables["booths"]["1"].update(x=1, y=1, w=2, h=2)
    assert [(p.record, p.field) for p in check_tables(tables).errors] == [("1", "x")]
    tables = v2_tables()
    tables["fair"]["1"]["plan"]["walls"] = [{"x": 1, "y": 1, "w": tables["fair"]["1"]["plan"]["width"] - 2,
                                             "h": tables["fair"]["1"]["plan"]["height"] - 8}]  # fmt: skip
    # Booths now stand on the wall: errors; the rest of the fair is fine.
    errors = check_tables(tables).errors
    assert errors and all(p.table == "booths" and p.field == "x" for p in errors)
    assert all("overlaps a wall" in p.message for p in errors)


def test_a_booth_on_an_interior_wall_is_an_error_and_its_neighbours_are_not() -> None:
    tables = v2_tables()
    first = tables["booths"]["1"]
    x, y, w = (first[k] for k in "xyw")
    # One short wall inside the hall, across the first booth only.
    tables["fair"]["1"]["plan"]["walls"] = [{"x": x + 1, "y": y, "w": 1, "h": 1}]
    assert [(p.record, p.field, p.message) for p in check_tables(tables).errors] == [("1", "x", "overlaps a wall")]
    tables["fair"]["1"]["plan"]["walls"] = [{"x": x + w, "y": y - 1, "w": 1, "h": 1}]  # beside it: allowed
    assert not [p for p in check_tables(tables).errors if p.record == "1"]


def test_schema_versions_beyond_this_one_are_refused() -> None:
    tables = v2_tables()
    tables["fair"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    assert [p.field for p in check_tables(tables).errors] == ["schema_version"]


# Version 1 stores and `migrate` ------------------------------------------------------------------


def digest(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def test_a_version_1_store_opens_read_only_with_an_automatic_layout(tmp_path: Path) -> None:
    path = write_json(tmp_path / "fair.json", v1_tables())
    before = digest(path)
    loaded = load_store(path)
    plan = plan_from_tables(loaded.tables)
    assert plan.auto and len(plan.booths) == len(loaded.tables.booths)
    grid = Grid(plan)
    start = default_start(grid)
    assert all(route_to_booth(grid, start, place.booth_no) is not None for place in plan.booths)
    assert digest(path) == before
    assert not (tmp_path / ".ocop-backups").exists()


def test_validate_says_booths_were_laid_out_automatically(tmp_path: Path) -> None:
    path = write_json(tmp_path / "fair.json", v1_tables())
    result = CliRunner().invoke(main, ["--lang", "en", "validate", "--data", str(path)])
    assert result.exit_code == 0
    assert "laid out automatically" in " ".join(result.output.split())
    result = CliRunner().invoke(main, ["validate", "--data", str(path)])
    assert "tự động xếp" in " ".join(result.output.split())


def test_migrate_writes_version_2_atomically_with_a_backup(tmp_path: Path) -> None:
    path = write_json(tmp_path / "fair.json", v1_tables())
    original = path.read_bytes()
    auto_positions = plan_from_tables(load_store(path).tables).positions()
    result = CliRunner().invoke(main, ["--lang", "en", "migrate", "--data", str(path)])
    assert result.exit_code == 0, result.output
    assert "Upgraded" in result.output
    backups = list_backups(path)
    assert len(backups) == 1 and backups[0].read_bytes() == original
    loaded = load_store(path)
    assert loaded.tables.errors == [] and loaded.tables.warnings == []
    assert loaded.tables.fair.schema_version == 2 and loaded.tables.fair.plan is not None
    plan = plan_from_tables(loaded.tables)
    assert not plan.auto
    assert plan.positions() == auto_positions  # what people saw before is what is written
    # Products and the other fields are untouched.
    assert json.loads(original)["products"] == json.loads(path.read_bytes())["products"]
    result = CliRunner().invoke(main, ["--lang", "en", "validate", "--data", str(path)])
    assert result.exit_code == 0 and "automatically" not in result.output
    # Once more: nothing to do, nothing written.
    stamp = digest(path)
    result = CliRunner().invoke(main, ["--lang", "en", "migrate", "--data", str(path)])
    assert result.exit_code == 0 and "nothing to do" in result.output
    assert digest(path) == stamp and len(list_backups(path)) == 1


def test_migrate_dry_run_writes_nothing(tmp_path: Path) -> None:
    path = write_json(tmp_path / "fair.json", v1_tables())
    stamp = digest(path)
    result = CliRunner().invoke(main, ["--lang", "en", "migrate", "--dry-run", "--data", str(path)])
    assert result.exit_code == 0 and "Dry run" in result.output
    assert digest(path) == stamp


def test_a_failed_migrate_leaves_the_version_1_store_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_json(tmp_path / "fair.json", v1_tables())
    original = path.read_bytes()

    def broken_replace(source: str, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    result = CliRunner().invoke(main, ["migrate", "--data", str(path)])
    assert result.exit_code != 0
    monkeypatch.undo()
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_migrate_refuses_unreadable_and_invalid_stores(tmp_path: Path) -> None:
    missing = CliRunner().invoke(main, ["migrate", "--data", str(tmp_path / "none.json")])
    assert missing.exit_code == 2
    tables = v1_tables()
    tables["booths"]["1"]["exhibitor_type"] = "pirate"
    path = write_json(tmp_path / "bad.json", tables)
    stamp = digest(path)
    invalid = CliRunner().invoke(main, ["migrate", "--data", str(path)])
    assert invalid.exit_code == 1
    assert digest(path) == stamp


def test_a_plan_kept_under_version_1_is_only_renumbered(tmp_path: Path) -> None:
    tables = v2_tables()
    tables["fair"]["1"]["schema_version"] = 1
    path = write_json(tmp_path / "fair.json", tables)
    result = CliRunner().invoke(main, ["migrate", "--data", str(path)])
    assert result.exit_code == 0
    written = json.loads(path.read_bytes())
    assert written["fair"]["1"]["schema_version"] == 2
    assert written["fair"]["1"]["plan"] == tables["fair"]["1"]["plan"]
    assert written["booths"] == tables["booths"]


def test_grid_marks_booth_cells(demo_grid: Grid) -> None:
    place = demo_grid.plan.booths[0]
    assert demo_grid.kind(place.rect.x, place.rect.y) == BOOTH
    assert isinstance(demo_grid.door_of(place.rect), Door)
    assert isinstance(demo_grid.plan.landmarks[0], Landmark)
