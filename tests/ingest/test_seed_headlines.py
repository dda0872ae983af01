"""Every headline fact the five sample documents state, written down by reading them.

`minzheng extract` must report all of these and nothing else under the eight
headline codes. Each expectation quotes the words of the document it comes from.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from decimal import Decimal

import pytest

from ingest.catalogue import default_catalogue
from minzheng.paths import DOCUMENTS_DIR, PROJECT_ROOT

GOLD = PROJECT_ROOT / "corpus" / "seeds" / "gold.jsonl"
# The eight headline facts the warehouse is about (docs/figures-contract.md).
HEADLINES = frozenset({
    "elderly_care_beds", "elderly_care_beds_per_1k_elderly", "nursing_bed_share", "social_orgs",
    "social_orgs_per_10k", "certified_social_workers", "certified_social_workers_per_10k",
    "eco_burial_rate",
})
PUTUO = "001_cd8b1833271caf53.txt"      # 普陀区 (Shanghai) 2020 annual work plan: no headline fact
SHANGHAI = "000_4daa52c373716bf3.txt"   # 上海市民政事业发展“十四五”规划 (news repost, traditional script)
ZHOUSHAN = "002_66b1147c1cebaaf5.txt"   # 舟山市民政事业发展“十四五”规划 (document-sharing copy)
YANGPU = "003_753ddc9777402cd1.txt"     # 杨浦区民政事业发展“十三五”规划

# The gold of the five samples, written by reading them; `quote` holds the document's words
# (or, for a table cell, the table and column it stands in).
GOLD_RECORDS = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
EXPECTED = [(g["document"], g["region_code"], g["indicator"], g["year"], g["kind"], str(g["value"]),
             g["comparator"], g["quote"]) for g in GOLD_RECORDS]
# The 约束性/预期性 attribute the plans' tables give.
BINDING = {(g["document"], g["indicator"], g["year"]): g["binding"] for g in GOLD_RECORDS if g["binding"]}
REGION_NAMES = {"310000": "上海市", "330900": "舟山市", "310110": "杨浦区", "340200": "芜湖市"}


def key(document, region_code, indicator, year, kind, value, comparator):
    return (document, region_code, indicator, year, kind, Decimal(value), comparator)


@pytest.fixture(scope="module")
def records() -> list[dict]:
    files = sorted(str(p) for p in DOCUMENTS_DIR.glob("*.txt"))
    run = subprocess.run([sys.executable, "-m", "minzheng.cli", "extract", *files],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    return [json.loads(line) for line in run.stdout.splitlines()]


def test_every_headline_fact_found_and_nothing_else(records):
    found = Counter(
        key(r["document"], r["region_code"], r["indicator"], r["year"], r["kind"], str(r["value"]), r["comparator"])
        for r in records if r["indicator"] in HEADLINES
    )
    expected = Counter(key(*row[:7]) for row in EXPECTED)
    missing = expected - found
    invented = found - expected
    assert not missing, f"not found: {sorted(missing)}"
    assert not invented, f"reported but not in the documents: {sorted(invented)}"


def test_putuo_work_plan_has_no_headline_fact(records):
    assert [r for r in records if r["document"] == PUTUO and r["indicator"] in HEADLINES] == []


def test_records_follow_the_contract(records):
    catalogue = default_catalogue()
    fields = ["document", "region", "region_code", "indicator", "indicator_text", "year", "value",
              "value_high", "unit", "kind", "comparator", "binding", "quote", "location"]
    for record in records:
        assert list(record) == fields
        assert record["location"] is None  # text files have no pages or tables to point at
        assert record["unit"] == catalogue.indicators[record["indicator"]].unit.code
        assert record["kind"] in ("actual", "target")
        assert record["comparator"] in (">=", "<=", "~", "=")
        assert record["binding"] in (None, "binding", "expected")
        assert 0 < len(record["quote"]) <= 200
        assert "〓" not in record["indicator_text"]
    for record in records:
        if record["region_code"] in REGION_NAMES:
            assert record["region"] == REGION_NAMES[record["region_code"]]


def test_binding_comes_from_the_table_attribute(records):
    for (document, indicator, year), binding in BINDING.items():
        matching = [r for r in records if (r["document"], r["indicator"], r["year"]) == (document, indicator, year)]
        assert matching and all(r["binding"] == binding for r in matching), (document, indicator, year)


def test_quotes_hold_the_stated_numbers(records):
    def quote_of(document, indicator, year, kind):
        return [r["quote"] for r in records
                if (r["document"], r["indicator"], r["year"], r["kind"]) == (document, indicator, year, kind)]

    assert any("15.9万张" in q for q in quote_of(SHANGHAI, "elderly_care_beds", 2020, "actual"))
    assert any("17.8万张以上" in q for q in quote_of(SHANGHAI, "elderly_care_beds", 2025, "target"))
    assert any("586070" in q for q in quote_of(ZHOUSHAN, "eco_burial_rate", 2022, "target"))
    assert any("7.1家" in q for q in quote_of(YANGPU, "social_orgs_per_10k", 2015, "actual"))


def test_the_catalogue_marks_the_eight_headline_indicators():
    assert default_catalogue().headline_codes == HEADLINES
