"""The contract is declared once (the records in ocop_tui.model) and checked two ways that must agree.

decode_store() is the fast path (one msgspec pass over the bytes); check_tables() is the complete check that
lists every problem. Hypothesis builds whole stores from the declarations themselves, clean ones and ones
with faults planted in known fields, and checks that the two give the same verdict and the same records, that
a clean store takes the fast path, and that the complete check names every planted fault.
"""

from __future__ import annotations

import json
import math
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocop_tui.model import MAX_LINE, Booth, Product
from ocop_tui.store.contract import CheckedTables, check_tables, decode_store
from ocop_tui.store.fields import FIELDS, REQUIRED, RULE_OF, RULES, FieldRule
from ocop_tui.store.reading import load_store
from ocop_tui.transfer.headers import HEADERS
from ocop_tui.transfer.headers import REQUIRED as IMPORT_REQUIRED

FAIR = {"name": "Diễn đàn OCOP", "theme": "Liên kết", "venue": "An Hòa", "city": "Rạch Giá",
        "start_date": "2024-09-29", "end_date": "2024-10-03", "schema_version": 2}  # fmt: skip

# Plain text: printable Vietnamese, no space at either end (what the fast path takes as it is).
LETTERS = "aàảãáạăâêôơưđbcdeghiklmnopqrstuvxyAĐÊÔƠƯ0123456789-"
plain_text = st.text(alphabet=LETTERS, min_size=1, max_size=12).map(lambda t: t.strip() or "x")


def valid_value(rule: FieldRule) -> st.SearchStrategy[Any]:
    if rule.kind == "choice":
        return st.sampled_from(rule.choices)
    if rule.kind == "whole":
        return st.integers(
            rule.low if rule.low is not None else -(2**40), rule.high if rule.high is not None else 2**40
        )
    assert rule.kind == "text"
    return plain_text


def fault(rule: FieldRule) -> st.SearchStrategy[Any]:
    """A value the contract refuses for this field (an error, not only a warning)."""
    wrong = [st.sampled_from([True, [1], {"a": 1}])]
    if rule.kind in ("text", "choice"):
        wrong.append(st.integers(-5, 5))
        if rule.max_length is not None:
            wrong.append(st.just("x" * (rule.max_length + 1)))
        if rule.required:
            wrong.append(st.sampled_from(["", "   ", "\x1b[31m", None]))
        if rule.kind == "choice":
            wrong.append(st.sampled_from(["candy", "Food!"]))
    else:
        wrong.append(st.sampled_from([4.5, math.nan, math.inf, "4", 2**64 + 1, -(2**70)]))
        if rule.low is not None:
            wrong.append(st.just(rule.low - 1))
        if rule.high is not None:
            wrong.append(st.just(rule.high + 1))
        if rule.required:
            wrong.append(st.none())
    return st.one_of(wrong)


def harmless(rule: FieldRule) -> st.SearchStrategy[Any]:
    """A value the complete check accepts but may have to clean, strip or normalise (or a missing optional)."""
    if rule.kind == "text":
        options = [
            plain_text.map(lambda t: f"  {t} "),
            plain_text.map(lambda t: "Nu\u031bo\u031b\u0301c " + t),  # NFD
            plain_text.map(lambda t: t + "\x1b[31m\u202e"),  # escape code and bidi: a warning
        ]
        if not rule.required:
            options.append(st.sampled_from([None, "", "  "]))
        return st.one_of(options)
    if rule.kind == "whole" and not rule.required:
        return st.none()
    return valid_value(rule)


@st.composite
def documents(draw: st.DrawFn, table: str, mode: str) -> tuple[dict[str, Any], set[str]]:
    """A document of `table` and the fields where a fault was planted."""
    doc: dict[str, Any] = {}
    faults: set[str] = set()
    for rule in RULES[table]:  # type: ignore[index]
        if rule.name in ("x", "y", "w", "h"):
            continue  # a fair without a floor plan: booths have no place on it
        if not rule.required and draw(st.booleans()):
            continue
        kind = "valid" if mode == "clean" else draw(st.sampled_from(["valid", "valid", "harmless", "fault"]))
        if kind == "fault":
            doc[rule.name] = draw(fault(rule))
            faults.add(rule.name)
        else:
            doc[rule.name] = draw(harmless(rule) if kind == "harmless" else valid_value(rule))
        if doc[rule.name] is None:
            del doc[rule.name]
    if draw(st.booleans()):
        doc["ghi_chu"] = draw(st.one_of(plain_text, st.integers(), st.none()))  # kept in `extra`
    return doc, faults


@st.composite
def stores(draw: st.DrawFn, mode: str) -> tuple[dict[str, Any], list[tuple[str, str, str]]]:
    booth_docs = draw(st.lists(documents("booths", mode), min_size=1, max_size=4))
    product_docs = draw(st.lists(documents("products", mode), max_size=6))
    planted: list[tuple[str, str, str]] = []
    booths: dict[str, Any] = {}
    for number, (doc, faults) in enumerate(booth_docs, start=1):
        if "booth_no" not in faults:
            doc["booth_no"] = f"B-{number}"
        booths[str(number)] = doc
        planted += [("booths", str(number), name) for name in faults]
    products: dict[str, Any] = {}
    for number, (doc, faults) in enumerate(product_docs, start=1):
        if "code" not in faults:
            doc["code"] = f"P-{number}"
        if "booth_no" not in faults:
            doc["booth_no"] = f"B-{draw(st.integers(1, len(booths)))}"
        if doc.get("group") is not None and "subgroup" in doc and "subgroup" not in faults and "group" not in faults:
            doc.pop("subgroup")  # a set of another group is a record rule, tested on its own below
        products[str(number)] = doc
        planted += [("products", str(number), name) for name in faults]
    return {"fair": {"1": dict(FAIR)}, "booths": booths, "products": products}, planted


def both_ways(tables: dict[str, Any]) -> tuple[CheckedTables | None, CheckedTables]:
    data = json.dumps(tables, ensure_ascii=False).encode()  # NaN and integers beyond 64 bits as JSON text
    return decode_store(data), check_tables(json.loads(data))


def same(fast: CheckedTables, complete: CheckedTables) -> None:
    assert fast.fair == complete.fair
    assert fast.booths == complete.booths
    assert fast.products == complete.products
    assert [type(r) for r in fast.booths + fast.products] == [type(r) for r in complete.booths + complete.products]
    assert fast.problems == complete.problems


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stores("clean"))
def test_a_clean_store_takes_the_fast_path_and_gets_the_same_records(store: tuple[dict[str, Any], list]) -> None:
    tables, _ = store
    fast, complete = both_ways(tables)
    assert complete.errors == []
    assert fast is not None
    same(fast, complete)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stores("mixed"))
def test_fast_path_and_complete_check_agree_and_every_fault_is_named(store: tuple[dict[str, Any], list]) -> None:
    tables, planted = store
    fast, complete = both_ways(tables)
    if fast is not None:  # it may decline a store that is fine (text to clean): then it says nothing
        same(fast, complete)
    if complete.errors:
        assert fast is None
    named = {(p.table, p.record, p.field) for p in complete.errors}
    assert set(planted) <= named


def test_record_rules_and_cross_record_rules_are_named() -> None:
    tables: dict[str, Any] = {
        "fair": {"1": dict(FAIR, end_date="2024-09-01")},
        "booths": {"1": {"booth_no": "A-1", "exhibitor": "HTX", "exhibitor_type": "cooperative",
                         "province": "Kiên Giang", "zone": "Khu A", "x": 3},
                   "2": {"booth_no": "B-1", "exhibitor": "HTX", "exhibitor_type": "cooperative",
                         "province": "Kiên Giang", "zone": "Khu A"},
                   "3": {"booth_no": "b-1 ", "exhibitor": "HTX", "exhibitor_type": "cooperative",
                         "province": "Kiên Giang", "zone": "Khu A"}},
        "products": {"1": {"code": "P-1", "name": "Nước mắm", "group": "drinks", "subgroup": 9, "stars": 4,
                           "booth_no": "B-1", "producer": "HTX", "province": "Kiên Giang"},
                     "2": {"code": "p-1", "name": "Nước mắm", "group": "food", "stars": 4,
                           "booth_no": "B-1", "producer": "HTX", "province": "Kiên Giang"},
                     "3": {"code": "P-3", "name": "Nước mắm", "group": "food", "stars": 4,
                           "booth_no": "Z-9", "producer": "HTX", "province": "Kiên Giang"},
                     "04": {"code": "P-4", "name": "Nước mắm", "group": "food", "stars": 4,
                            "booth_no": "B-1", "producer": "HTX", "province": "Kiên Giang"}},
    }  # fmt: skip
    fast, complete = both_ways(tables)
    assert fast is None
    found = {(p.table, p.record, p.field, p.message) for p in complete.errors}
    assert found == {
        ("fair", "1", "end_date", "is before start_date"),
        ("booths", "1", "y", "x, y, w and h go together: give all four or none"),
        ("booths", "3", "booth_no", "duplicate of document 2"),
        ("products", "1", "subgroup", "product set 9 is not in group drinks"),
        # (product 2's code "p-1" is free: product 1, which has it too, is invalid)
        ("products", "3", "booth_no", "names no booth"),
        (
            "products",
            "04",
            "",
            'document id must be a whole number such as "1" (no letters, no leading 0, at most 18 digits)',
        ),
    }


def test_json_edge_cases_get_the_same_verdict_both_ways(tmp_path) -> None:
    booth = (
        '{"booth_no": "B-1", "exhibitor": "HTX", "exhibitor_type": "cooperative", "province": "An Giang", "zone": "A"}'
    )
    product = ('{"code": "P-1", "name": "Mắm", "group": "food", "stars": 4, "booth_no": "B-1", "producer": "HTX", '
               '"province": "An Giang", "price_vnd": PRICE}')  # fmt: skip
    fair = json.dumps(FAIR, ensure_ascii=False)

    def store(price: str, extra: str = "") -> bytes:
        return (f'{{"fair": {{"1": {fair}}}, "booths": {{"1": {booth}}}, '
                f'"products": {{"1": {product.replace("PRICE", price)}{extra}}}}}').encode()  # fmt: skip

    cases = {
        "big integer": store("123456789012345678901234567890"),
        "64-bit edge": store("18446744073709551616"),
        "NaN": store("NaN"),
        "Infinity": store("Infinity"),
        "a float": store("150000.0"),
        "true": store("true"),
        "duplicate key: the last one counts": store('1, "price_vnd": 150000'),
        "a document that is a list": store("1", ', "2": [1, 2]'),
        "a BOM": b"\xef\xbb\xbf" + store("150000"),
    }
    verdicts = {}
    for name, data in cases.items():
        path = tmp_path / "fair.json"
        path.write_bytes(data)
        try:
            verdicts[name] = [p.field for p in load_store(path).tables.errors] or "valid"
        except Exception as error:
            verdicts[name] = [p.field for p in error.problems if p.is_error]  # type: ignore[attr-defined]
        assert verdicts[name] == ([p.field for p in load_store_complete(path)] or "valid"), name
    assert verdicts == {
        "big integer": ["price_vnd"],
        "64-bit edge": ["price_vnd"],
        "NaN": ["price_vnd"],
        "Infinity": ["price_vnd"],
        "a float": ["price_vnd"],
        "true": ["price_vnd"],
        "duplicate key: the last one counts": "valid",
        "a document that is a list": [""],
        "a BOM": "valid",
    }


def load_store_complete(path) -> list:
    try:
        return load_store(path, complete=True).tables.errors
    except Exception as error:
        return [p for p in error.problems if p.is_error]  # type: ignore[attr-defined]


def test_the_import_reads_its_fields_from_the_contract() -> None:
    for table in ("booths", "products"):
        assert set(HEADERS[table]) == set(FIELDS[table])  # every field has the headers organisers write
        assert IMPORT_REQUIRED[table] == REQUIRED[table]
    assert RULE_OF["products"]["stars"].bounds == "3..5"
    assert RULE_OF["booths"]["booth_no"].max_length == MAX_LINE


def test_records_are_frozen_and_untracked_by_the_collector() -> None:
    import gc

    booth = Booth("B-1", "HTX", "cooperative", "An Giang", "A", x=1, y=2, w=4, h=2)
    assert booth.position == (1, 2, 4, 2) and not gc.is_tracked(booth)
    with pytest.raises(AttributeError):
        booth.zone = "B"  # type: ignore[misc]
    product = msgspec.convert({"code": "P", "name": "N", "group": "food", "stars": 3, "booth_no": "B-1",
                               "producer": "H", "province": "An Giang"}, Product)  # fmt: skip
    assert product.subgroup is None and product.extra == {}


def _booth(number: str, x: int, y: int) -> dict[str, Any]:
    return {"booth_no": number, "exhibitor": "HTX", "exhibitor_type": "cooperative", "province": "An Giang",
            "zone": "Khu A", "x": x, "y": y, "w": 4, "h": 2}  # fmt: skip


def planned(booths: dict[str, Any], walls: list[dict[str, int]]) -> dict[str, Any]:
    plan = {"width": 24, "height": 12, "entrances": [{"name": "Cổng", "x": 12, "y": 11}], "walls": walls,
            "landmarks": [{"kind": "stage", "name": "Sân khấu", "x": 2, "y": 8, "w": 4, "h": 2}]}  # fmt: skip
    return {"fair": {"1": dict(FAIR, plan=plan)}, "booths": booths, "products": {}}


def ring(x: int, y: int, w: int, h: int) -> list[dict[str, int]]:
    """Walls all round the rectangle (x, y, w, h)."""
    return [{"x": x - 1, "y": y - 1, "w": w + 2, "h": 1}, {"x": x - 1, "y": y + h, "w": w + 2, "h": 1},
            {"x": x - 1, "y": y, "w": 1, "h": h}, {"x": x + w, "y": y, "w": 1, "h": h}]  # fmt: skip


@pytest.mark.parametrize(
    ("walls", "unreachable"),
    [
        ([], []),
        (ring(14, 2, 4, 2), ["2"]),  # walled in tightly: no door at all
        (ring(14, 2, 5, 2), ["2"]),  # walled in with a pocket of floor in front of it
    ],
    ids=["open", "no-door", "pocket"],
)
def test_booths_on_the_plan_both_ways(walls: list[dict[str, int]], unreachable: list[str]) -> None:
    tables = planned({"1": _booth("A-1", 2, 2), "2": _booth("A-2", 14, 2)}, walls)
    fast, complete = both_ways(tables)
    assert fast is not None
    same(fast, complete)
    assert [p.record for p in complete.warnings if "cannot be reached" in p.message] == unreachable
    quick = decode_store(json.dumps(tables, ensure_ascii=False).encode(), reachability=False)
    assert quick is not None
    assert quick.problems == [p for p in complete.problems if "cannot be reached" not in p.message]


def test_booths_that_break_the_plan_are_named() -> None:
    booths = {
        "1": _booth("A-1", 2, 2),
        "2": _booth("A-2", 4, 3),  # on A-1
        "3": _booth("A-3", 3, 8),  # on the stage
        "4": _booth("A-4", 21, 2),  # outside: 21 + 4 > 24
        "5": _booth("A-5", 0, 5),  # on the fence
        "6": _booth("A-6", 10, 5),  # on the wall
    }
    fast, complete = both_ways(planned(booths, [{"x": 12, "y": 4, "w": 1, "h": 4}]))
    assert fast is None
    assert [(p.record, p.message) for p in complete.errors] == [
        ("2", "overlaps booth A-1"),
        ("3", "overlaps landmark “Sân khấu”"),
        ("4", "lies outside the 24x12 plan"),
        ("5", "stands on the plan's outer wall"),
        ("6", "overlaps a wall"),
    ]
