"""Whole numbers longer than Python converts (4,300 digits) in a store: a problem on their field for `validate`,
a clean refusal for every other command and the app, and never a ValueError traceback. The limit case, 4,300
digits, is a number like any other (out of range where a range applies)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ocop_tui.store.contract import check_tables
from ocop_tui.store.errors import StoreInvalid, StoreUnreadable
from ocop_tui.store.reading import load_store, read_tables

from .importdata import VI_PRODUCT_HEADER, csv_text, product_row, tables
from .processes import one_line_error, run_ocop

LIMIT = 4300  # Python's default int_max_str_digits


def store_with(tmp_path: Path, digits: int, where: str) -> Path:
    """A store whose first product holds a whole number of `digits` digits in `where` (a field or a new one);
    written by hand, since Python's json cannot write such a number either."""
    content = tables()
    content["products"]["1"][where] = "@NUMBER@"
    text = json.dumps(content, ensure_ascii=False).replace('"@NUMBER@"', "1" + "0" * (digits - 1))
    path = tmp_path / "fair.json"
    path.write_text(text, encoding="utf-8")
    return path


def validate_rows(tmp_path: Path, path: Path) -> list[str]:
    done = run_ocop("validate", "--data", path)
    assert done.returncode == 1 and b"Traceback" not in done.stdout + done.stderr
    return [line for line in done.stdout.decode().splitlines() if "products" in line]


@pytest.mark.parametrize("digits", [LIMIT + 1, 5000])
def test_a_price_too_long_for_python_is_an_error_on_its_field(tmp_path: Path, digits: int) -> None:
    path = store_with(tmp_path, digits, "price_vnd")
    with pytest.raises(StoreInvalid) as caught:
        load_store(path)
    (problem,) = caught.value.problems
    assert (problem.table, problem.record, problem.field) == ("products", "1", "price_vnd")
    assert f"{digits:,} digits" in problem.message and len(problem.value) <= 60
    (row,) = validate_rows(tmp_path, path)
    assert "price_vnd" in row and f"{digits:,} digits" in row


def test_the_limit_case_is_an_ordinary_number(tmp_path: Path) -> None:
    path = store_with(tmp_path, LIMIT, "price_vnd")
    with pytest.raises(StoreInvalid) as caught:
        load_store(path)
    (problem,) = caught.value.problems
    assert problem.field == "price_vnd" and problem.message == "must be 0..1000000000000"
    assert problem.value.startswith("1000") and len(problem.value) <= 60  # shown shortened, not 4,300 digits


@pytest.mark.parametrize("digits", [LIMIT + 1, 5000])
def test_such_a_number_in_a_field_the_contract_does_not_name_is_an_error_too(tmp_path: Path, digits: int) -> None:
    """Unknown fields are kept and written back, and this one could not be: an error, not a crash at the write."""
    path = store_with(tmp_path, digits, "score")
    with pytest.raises(StoreInvalid) as caught:
        load_store(path)
    assert [(p.record, p.field) for p in caught.value.problems if p.is_error] == [("1", "score")]
    assert check_tables(read_tables(path)[0]).errors  # the complete check agrees with the app's reading
    (row,) = validate_rows(tmp_path, path)
    assert "score" in row


def test_up_to_the_limit_an_unknown_field_is_kept(tmp_path: Path) -> None:
    path = store_with(tmp_path, LIMIT, "score")
    assert load_store(path).tables.products[0].extra["score"] == 10 ** (LIMIT - 1)


@pytest.mark.parametrize("where", ["price_vnd", "score"])
@pytest.mark.parametrize(
    "command",
    [["stats"], ["export", "--out", "{tmp}/out"], ["migrate"], [], ["import", "--products", "{tmp}/new.csv"]],
    ids=lambda c: c[0] if c else "app",
)
def test_every_other_command_and_the_app_refuse_the_store_cleanly(
    tmp_path: Path, where: str, command: list[str]
) -> None:
    path = store_with(tmp_path, 5000, where)
    before = path.read_bytes()
    (tmp_path / "new.csv").write_text(csv_text([VI_PRODUCT_HEADER, product_row("KG-NEW-01")]), encoding="utf-8")
    done = run_ocop(*[part.format(tmp=tmp_path) for part in command], "--data", path)
    err = done.stderr.decode()
    assert done.returncode == 1 and "Traceback" not in err + done.stdout.decode()
    assert where in err and ("5,000 digits" in err or "too many digits" in err)
    assert err.strip().splitlines()[-1].startswith("Error: ")  # the table of problems, then one line
    assert path.read_bytes() == before


def test_a_document_id_of_5000_digits_is_an_error_not_a_crash(tmp_path: Path) -> None:
    content = tables()
    content["booths"]["1" + "0" * 4999] = content["booths"].pop("3")
    path = tmp_path / "fair.json"
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(StoreInvalid) as caught:
        load_store(path)
    assert any("at most 18 digits" in p.message for p in caught.value.problems)
    assert len(str(caught.value)) < 400  # the id is shortened in the message
    done = run_ocop("stats", "--data", path)
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    assert b"0" * 100 not in done.stderr  # shortened in the table too


def test_json_nested_too_deeply_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "fair.json"
    path.write_text('{"fair": {}, "notes": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    with pytest.raises(StoreUnreadable, match="nested too deeply"):
        load_store(path)
    for command in ("validate", "stats"):
        line = one_line_error(run_ocop(command, "--data", path))
        assert "nested too deeply" in line
