"""The demo fair generator and `ocop-tui demo-data`: the forum's figures, the data contract, determinism,
and the shipped data/fair.json being exactly what the generator makes."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner

from ocop_tui.cli.main import main
from ocop_tui.demo import generator
from ocop_tui.demo.figures import (
    DEFAULT_BOOTHS,
    DEFAULT_PRODUCTS,
    ZONE_COOKING,
    ZONE_FISH_SAUCE,
    ZONES,
    apportion,
    default_booths,
)
from ocop_tui.demo.generator import generate_fair
from ocop_tui.model import EXHIBITOR_TYPES, GROUPS, PRODUCT_SETS, PROVINCES, SCHEMA_VERSION
from ocop_tui.store.contract import booth_key, check_tables
from ocop_tui.store.reading import load_store, read_tables

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "fair.json"
CODE = re.compile(r"^(\d{2})-(\d{3})-(\d{5})-([345])-(\d{4})$")
BOOTH_NO = re.compile(r"^([A-Z])-(\d{3,})$")

Tables = dict[str, dict[str, dict[str, Any]]]


@pytest.fixture(scope="module")
def fair() -> Tables:
    return generate_fair()


def share(counter: Counter[Any], key: Any) -> float:
    return counter[key] / sum(counter.values())


def test_default_size_matches_the_forum(fair: Tables) -> None:
    booths, products = fair["booths"], fair["products"]
    assert len(booths) == DEFAULT_BOOTHS == 320
    assert len(products) == DEFAULT_PRODUCTS == 2951
    by_province = Counter(p["province"] for p in products.values())
    assert by_province["Kiên Giang"] == 269
    assert set(by_province) == set(PROVINCES)
    assert {b["province"] for b in booths.values()} == set(PROVINCES)


def test_default_fair_passes_the_contract_without_warnings(fair: Tables) -> None:
    checked = check_tables(fair)
    assert checked.errors == [] and checked.warnings == []
    assert checked.fair is not None and checked.fair.demo is True
    assert len(checked.booths) == 320 and len(checked.products) == 2951
    doc = fair["fair"]["1"]
    assert doc["schema_version"] == SCHEMA_VERSION == 2 and doc["plan"]["zones"]
    assert all(isinstance(b.get(f), int) for b in fair["booths"].values() for f in "xywh")
    assert (doc["start_date"], doc["end_date"]) == ("2024-09-29", "2024-10-03")
    assert doc["venue"] == "Công viên Văn hóa An Hòa"
    assert "Mekong Delta OCOP Forum" in doc["name_en"]
    assert "Linking together for development" in doc["theme_en"]
    assert "không phải danh sách chính thức" in doc["note"]


def test_every_product_is_in_a_booth_of_its_province(fair: Tables) -> None:
    booths = {booth_key(b["booth_no"]): b for b in fair["booths"].values()}
    assert len(booths) == len(fair["booths"])
    for product in fair["products"].values():
        booth = booths[booth_key(product["booth_no"])]
        assert booth["province"] == product["province"]
    used = Counter(p["booth_no"] for p in fair["products"].values())
    assert all(used[b["booth_no"]] > 0 for b in fair["booths"].values())  # no empty booth at the default size


def test_booth_numbers_follow_their_zone_letter(fair: Tables) -> None:
    letters = {zone.vi: zone.letter for zone in ZONES}
    for booth in fair["booths"].values():
        match = BOOTH_NO.match(booth["booth_no"])
        assert match is not None, booth["booth_no"]
        assert letters[booth["zone"]] == match.group(1)


def test_zones_include_the_fish_sauce_area_and_cooking_booths(fair: Tables) -> None:
    zones = Counter(b["zone"] for b in fair["booths"].values())
    assert zones["Khu trưng bày nước mắm"] >= 5 and ZONE_FISH_SAUCE.vi == "Khu trưng bày nước mắm"
    assert zones["Khu ẩm thực nước mắm Phú Quốc"] >= 3 and ZONE_COOKING.vi == "Khu ẩm thực nước mắm Phú Quốc"
    assert zones["Khu tỉnh chủ nhà Kiên Giang"] > 0
    assert {"Khu thủ công mỹ nghệ – làng nghề", "Khu sinh vật cảnh – hoa kiểng", "Khu du lịch cộng đồng"} <= set(zones)
    fish_zones = {ZONE_FISH_SAUCE.vi, ZONE_COOKING.vi}
    fish_booths = {b["booth_no"] for b in fair["booths"].values() if b["zone"] in fish_zones}
    for product in fair["products"].values():
        if product["booth_no"] in fish_booths:
            assert product["name"].startswith("Nước mắm Phú Quốc") and product["subgroup"] == 9


def test_named_five_star_fish_sauces(fair: Tables) -> None:
    booths = {b["booth_no"]: b for b in fair["booths"].values()}
    for brand in ("Khải Hoàn", "Thanh Quốc"):
        sauces = [p for p in fair["products"].values() if p["name"].startswith(f"Nước mắm Phú Quốc {brand} ")]
        assert len(sauces) >= 3
        assert all(p["stars"] == 5 and re.search(r"\d\d độ đạm", p["name"]) for p in sauces)
        assert {booths[p["booth_no"]]["zone"] for p in sauces} == {"Khu trưng bày nước mắm"}
    assert booths["B-001"]["exhibitor"] == "Công ty TNHH Nước mắm Khải Hoàn"


def test_star_group_and_exhibitor_mix_is_realistic(fair: Tables) -> None:
    stars = Counter(p["stars"] for p in fair["products"].values())
    assert 0.71 <= share(stars, 3) <= 0.75
    assert 0.21 <= share(stars, 4) <= 0.25
    assert 0.02 <= share(stars, 5) <= 0.05
    groups = Counter(p["group"] for p in fair["products"].values())
    assert 0.67 <= share(groups, "food") <= 0.73
    assert set(groups) == set(GROUPS)
    kinds = Counter(b["exhibitor_type"] for b in fair["booths"].values())
    assert set(kinds) == set(EXHIBITOR_TYPES)
    assert 0.35 <= share(kinds, "household") <= 0.47
    assert 0.26 <= share(kinds, "cooperative") <= 0.38
    assert 0.18 <= share(kinds, "enterprise") <= 0.28


def test_products_look_real(fair: Tables) -> None:
    gso = {name: p.code for name, p in PROVINCES.items()}
    codes = [p["code"] for p in fair["products"].values()]
    assert len(set(codes)) == len(codes)
    for product in fair["products"].values():
        match = CODE.match(product["code"])
        assert match is not None, product["code"]
        assert int(match.group(1)) == gso[product["province"]]
        assert int(match.group(4)) == product["stars"] and int(match.group(5)) == product["certified_year"]
        assert PRODUCT_SETS[product["subgroup"]].group == product["group"]
        assert 2019 <= product["certified_year"] <= 2024
        assert isinstance(product["price_vnd"], int) and product["price_vnd"] >= 1000
        assert product["name_en"] and product["unit"] and product["description"]
    names = [p["name"] for p in fair["products"].values()]
    assert len(set(names)) == len(names)
    assert "Nước mắm Phú Quốc Khải Hoàn 40 độ đạm" in names
    assert any(n.startswith("Kẹo dừa Mỏ Cày ") for n in names)
    assert any(n.startswith("Bánh pía Sóc Trăng ") for n in names)
    special = [p for p in fair["products"].values() if "đặc biệt" in (p["name"] + p["description"]).lower()]
    assert len(special) > 20
    # Producers offer several SKUs, and mostly in their own booth.
    per_producer = Counter(p["producer"] for p in fair["products"].values())
    assert sum(per_producer.values()) / len(per_producer) >= 2
    exhibitor_of = {b["booth_no"]: b["exhibitor"] for b in fair["booths"].values()}
    own = sum(1 for p in fair["products"].values() if p["producer"] == exhibitor_of[p["booth_no"]])
    assert own / len(fair["products"]) > 0.5


def test_exhibitors_have_contacts(fair: Tables) -> None:
    for booth in fair["booths"].values():
        assert re.fullmatch(r"09\d\d \d{3} \d{3}", booth["phone"])
        assert booth["contact_name"] and booth["description"]
    exhibitors = [b["exhibitor"] for b in fair["booths"].values()]
    assert len(set(exhibitors)) == len(exhibitors)
    assert any(e.startswith("HTX ") for e in exhibitors)
    assert any(e.startswith("Làng ") for e in exhibitors)
    assert any(e.startswith(("Hộ kinh doanh ", "Hộ SXKD ", "Cơ sở ")) for e in exhibitors)
    assert any(e.startswith(("Công ty ", "Doanh nghiệp tư nhân ")) for e in exhibitors)


def test_all_text_is_nfc(fair: Tables) -> None:
    for table in fair.values():
        for doc in table.values():
            for value in doc.values():
                if isinstance(value, str):
                    assert unicodedata.is_normalized("NFC", value), value


def test_same_seed_same_fair_other_seed_other_fair(fair: Tables) -> None:
    assert generate_fair() == fair
    other = generate_fair(seed=7)
    assert other != fair
    assert len(other["products"]) == 2951 and len(other["booths"]) == 320
    assert Counter(p["province"] for p in other["products"].values())["Kiên Giang"] == 269


def test_shipped_demo_fair_is_the_generated_one(fair: Tables) -> None:
    shipped = orjson.loads(SHIPPED.read_bytes())
    assert shipped == fair, "data/fair.json is stale: run `ocop-tui demo-data --out data/fair.json --force`"


@pytest.mark.parametrize(("products", "booths"), [(1, 1), (13, 13), (40, 3), (100, 500), (2951, 40)])
def test_odd_sizes_still_pass_the_contract(products: int, booths: int) -> None:
    tables = generate_fair(products, booths, seed=3)
    checked = check_tables(tables)
    assert checked.errors == [] and checked.warnings == []
    assert len(tables["products"]) == products and len(tables["booths"]) == booths


def test_floor_plan_is_optional_and_left_off_when_too_big(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = generate_fair(200, 20, floor_plan=False)
    assert plain["fair"]["1"]["schema_version"] == 1 and "plan" not in plain["fair"]["1"]
    assert not any("x" in b for b in plain["booths"].values())
    planned = generate_fair(200, 20)
    assert planned["products"] == plain["products"]  # the plan changes nothing else
    monkeypatch.setattr(generator, "MAX_PLAN_SIDE", 20)  # 20 booths do not fit on 20 x 20 cells
    too_big = generate_fair(200, 20)
    assert too_big["fair"]["1"]["schema_version"] == 1 and "plan" not in too_big["fair"]["1"]
    checked = check_tables(too_big)
    assert checked.errors == [] and checked.warnings == []


def test_bad_sizes_are_refused() -> None:
    with pytest.raises(ValueError):
        generate_fair(0)
    with pytest.raises(ValueError):
        generate_fair(10, 0)


def test_apportion_keeps_totals_floors_and_caps() -> None:
    assert apportion(10, [1, 1, 1]) == [4, 3, 3]
    assert sum(apportion(2951, [9, 10, 11, 9, 8])) == 2951
    assert apportion(5, [100, 1, 1], floor=1) == [3, 1, 1]
    assert apportion(6, [1, 1, 1], caps=[1, 5, 5]) == [1, 3, 2]
    assert default_booths(2951) == 320 and default_booths(14000) == 1518


def test_cli_writes_a_national_size_store_that_validates(tmp_path: Path) -> None:
    out = tmp_path / "national.json"
    result = CliRunner().invoke(main, ["--lang", "en", "demo-data", "--out", str(out), "--products", "14000"])
    assert result.exit_code == 0, result.output
    assert "14,000 products" in result.output and "1,518 booths" in result.output
    loaded = load_store(out)
    assert loaded.tables.errors == [] and loaded.tables.warnings == []
    assert len(loaded.tables.products) == 14000
    kien_giang = sum(1 for p in loaded.tables.products if p.province == "Kiên Giang")
    assert kien_giang == round(14000 * 269 / 2951)
    assert len({p.code for p in loaded.tables.products}) == 14000


def test_cli_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "fair.json"
    runner = CliRunner()
    first = runner.invoke(main, ["demo-data", "--out", str(out), "--products", "60", "--seed", "1"])
    assert first.exit_code == 0, first.output
    assert "60 sản phẩm" in first.output
    before = out.read_bytes()
    again = runner.invoke(main, ["--lang", "en", "demo-data", "--out", str(out), "--products", "80"])
    assert again.exit_code == 2
    assert "--force" in again.stderr and "Traceback" not in again.output
    assert out.read_bytes() == before
    forced = runner.invoke(main, ["demo-data", "--out", str(out), "--products", "80", "--booths", "9", "--force",
                                  "--no-floor-plan"])  # fmt: skip
    assert forced.exit_code == 0, forced.output
    tables, _ = read_tables(out)
    assert len(tables["products"]) == 80 and len(tables["booths"]) == 9
    assert tables["fair"]["1"]["schema_version"] == 1
    assert list(tmp_path.joinpath(".ocop-backups").iterdir())  # the replaced version was kept


def test_cli_force_replaces_even_a_damaged_file(tmp_path: Path) -> None:
    out = tmp_path / "fair.json"
    out.write_text('{"fair": {"1": {"name": "trunc', encoding="utf-8")
    result = CliRunner().invoke(main, ["demo-data", "--out", str(out), "--products", "30", "--force"])
    assert result.exit_code == 0, result.output
    assert len(load_store(out).tables.products) == 30


def test_cli_reports_a_missing_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--lang", "en", "demo-data", "--out", str(tmp_path / "no" / "fair.json")])
    assert result.exit_code == 2
    assert "no folder" in result.stderr
