"""Every search example of the README and the help works on the shipped demo fair: each is run and its
first result checked. An example added to either without an expectation here fails the test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks.relevance_check import predicate
from ocop_tui.i18n.browser import SEARCH_EXAMPLES, SEARCH_PREFIX_EXAMPLES
from ocop_tui.paths import demo_store_path
from ocop_tui.search.catalog import Catalog, load_catalog

EXPECTED = {
    "nuoc mam phu quoc 5 sao": "name~nước mắm phú quốc & stars=5",
    "tom kho ca mau": "name~tôm khô & province=Cà Mau",
    "K7": "booth=K-007",
    "31030": "code~31030",
    "tinh dau trram": "name~tinh dầu tràm",
    "gao st 25": "name~gạo st25",
    "htx keo dua": "name~kẹo dừa & producer~htx",
    "fish sauce": "en~fish sauce",
    "gian:K-07": "booth=K-007",
    "sao:4+ mat ong": "name~mật ong & stars>=4",
    "tinh:ca mau": "province=Cà Mau",
    "tinh:ca mau sao:4+": "province=Cà Mau & stars>=4",
    "nhom:do uong": "group=drinks",
    "ma:91-911": "code^91-911",
    "chuthe:tam quyen": "producer~tám quyên",
    "khu:nuoc mam": "zone~nước mắm",
    "loai:hop tac xa": "type=cooperative",
    '"nuoc mam"': "name~nước mắm",
}

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_examples() -> list[str]:
    text = README.read_text(encoding="utf-8")
    block = text[text.index("<!-- search examples -->") : text.index("<!-- /search examples -->")]
    return re.findall(r"^\| `([^`]+)` \|", block, flags=re.MULTILINE)


def help_examples() -> list[str]:
    return [row[0] for row in SEARCH_EXAMPLES + SEARCH_PREFIX_EXAMPLES]


@pytest.fixture(scope="module")
def demo() -> Catalog:
    return load_catalog(demo_store_path())


def test_every_documented_example_has_an_expectation() -> None:
    documented = set(readme_examples()) | set(help_examples())
    assert len(readme_examples()) >= 8 and len(help_examples()) >= 8
    assert documented <= EXPECTED.keys(), documented - EXPECTED.keys()


@pytest.mark.parametrize("query", sorted(set(readme_examples()) | set(help_examples())))
def test_example_finds_what_the_documentation_says(demo: Catalog, query: str) -> None:
    result = demo.search_products(query)
    assert result.total, query
    first = result.ids[0]
    assert predicate(EXPECTED[query])(demo.products[first], demo.booth_of(first)), (query, demo.products[first])
