"""Which changes make every cached parse stale: the parser's code and every reference file it reads."""

from __future__ import annotations

import shutil

import pytest

from minzheng.paths import REFERENCE_DIR
from warehouse.inputs import PARSER_REFERENCE_FILES, parser_version


@pytest.fixture
def reference(tmp_path):
    copy = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, copy)
    return copy


@pytest.mark.parametrize("name", ["document_kinds.yaml", "plan_periods.csv", "province_abbreviations.csv",
                                  "indicators.yaml", "regions.csv"])
def test_a_change_to_what_the_parser_reads_makes_parses_stale(reference, name):
    before = parser_version(reference)
    with open(reference / name, "a", encoding="utf-8") as handle:
        handle.write("\n# reviewed change\n")
    assert parser_version(reference) != before


def test_reference_data_the_parser_does_not_read_leaves_parses_current(reference):
    # Census population feeds the rates the marts compute, not the parser.
    assert "population.csv" not in PARSER_REFERENCE_FILES
    before = parser_version(reference)
    with open(reference / "population.csv", "a", encoding="utf-8") as handle:
        handle.write("\n")
    assert parser_version(reference) == before
