"""The data contract's messages in both languages: every problem a check can find, and every reason a store
file cannot be read, reads in Vietnamese (the same table serves `validate`, the other commands and imports);
`validate` names a record by the booth number or product code people know, with its document id."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from ocop_tui.cli.main import main
from ocop_tui.i18n.messages import DATA_MESSAGES, check_message
from ocop_tui.store.contract import check_tables
from ocop_tui.store.errors import StoreError
from ocop_tui.store.reading import load_store

from .test_contract import stores
from .test_floorplan import v1_tables, v2_tables
from .test_store import BAD_FILES


def untranslated(messages: list[str]) -> list[str]:
    return [message for message in messages if DATA_MESSAGES.vietnamese(message) is None]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stores("faulty"))
def test_every_problem_the_contract_finds_reads_in_vietnamese(store: tuple[dict[str, Any], Any]) -> None:
    tables, _ = store
    assert untranslated([p.message for p in check_tables(tables).problems]) == []


@pytest.mark.parametrize(("make", "code"), [c[1:3] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES])
def test_every_bad_file_reads_in_vietnamese(tmp_path: Path, make: Any, code: int) -> None:
    path = tmp_path / "fair.json"
    make(path)
    with pytest.raises(StoreError) as caught:
        load_store(path, complete=True)
    problems = getattr(caught.value, "problems", None)
    messages = [p.message for p in problems] if problems is not None else [caught.value.message]
    assert untranslated(messages) == []


def test_floor_plan_problems_read_in_vietnamese() -> None:
    tables = v2_tables()
    plan = tables["fair"]["1"]["plan"]
    plan["entrances"][0].update(x=5, y=5)  # not on the edge
    plan["landmarks"][0]["kind"] = "castle"
    plan["zones"][0]["colour"] = 99
    plan["walls"] = [{"x": 1, "y": 1, "w": 0, "h": 1}]
    plan["points"] = [{"name": "Ki-ốt", "x": 0, "y": 0, "facing": "up"}]
    booths = tables["booths"]
    booths["1"].update(x=booths["2"]["x"], y=booths["2"]["y"])  # on another booth
    booths["3"].update(x=10_000)  # outside the plan
    booths["4"].pop("w")  # x, y, w, h not together
    messages = [p.message for p in check_tables(tables).problems]
    assert len(messages) >= 7 and untranslated(messages) == []
    odd = v2_tables()
    odd["fair"]["1"]["plan"] = {"width": 3, "height": "x", "entrances": []}
    unplanned = v1_tables(1)
    unplanned["booths"]["1"].update(x=1, y=1, w=2, h=2)
    for more in (odd, unplanned):
        assert untranslated([p.message for p in check_tables(more).problems]) == []


def test_check_message_keeps_the_table_named_first_and_english_as_it_is() -> None:
    assert check_message("products: names no booth", "vi") == "products: không có gian hàng này"
    assert check_message("names no booth", "en") == "names no booth"
    assert check_message("product set 9 is not in group drinks", "vi") == "bộ sản phẩm 9 không thuộc nhóm Đồ uống"


def _broken_store(tmp_path: Path) -> Path:
    tables = copy.deepcopy(v1_tables(1))
    tables["booths"]["1"]["exhibitor_type"] = "club"
    tables["products"]["2"]["stars"] = 7
    path = tmp_path / "fair.json"
    path.write_text(json.dumps(tables, ensure_ascii=False), encoding="utf-8")
    return path


def test_validate_speaks_the_chosen_language_and_names_records_as_people_know_them(tmp_path: Path) -> None:
    path = _broken_store(tmp_path)
    tables = json.loads(path.read_text(encoding="utf-8"))
    booth, code = tables["booths"]["1"]["booth_no"], tables["products"]["2"]["code"]
    runner = CliRunner(env={"COLUMNS": "300"})
    vietnamese = runner.invoke(main, ["validate", "--data", str(path)])
    assert vietnamese.exit_code == 1
    assert f"{booth} (#1)" in vietnamese.output and f"{code} (#2)" in vietnamese.output
    assert "phải từ 3 đến 5" in vietnamese.output and "phải là một trong" in vietnamese.output
    assert "must be" not in vietnamese.output
    english = runner.invoke(main, ["--lang", "en", "validate", "--data", str(path)])
    assert english.exit_code == 1
    assert f"{booth} (#1)" in english.output and "must be 3..5" in english.output and "phải" not in english.output


def test_other_commands_report_a_broken_store_in_the_chosen_language(tmp_path: Path) -> None:
    path = _broken_store(tmp_path)
    runner = CliRunner(env={"COLUMNS": "300"})
    stats = runner.invoke(main, ["stats", "--data", str(path)])
    assert stats.exit_code == 1 and "Lỗi: " in stats.output and "lỗi (đầu tiên: bảng booths" in stats.output
    assert "invalid record" not in stats.output and "must be" not in stats.output
    missing = runner.invoke(main, ["stats", "--data", str(tmp_path / "nope.json")])
    assert missing.exit_code == 2 and "không có tệp này" in missing.output
    english = runner.invoke(main, ["--lang", "en", "stats", "--data", str(tmp_path / "nope.json")])
    assert english.exit_code == 2 and "no such file" in english.output
