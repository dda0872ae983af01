"""Review decision files (warehouse/reviews.py) as a run reads them: real files, the real catalogue."""

from __future__ import annotations

import pytest

from minzheng.paths import REFERENCE_DIR
from warehouse.reviews import Reference, decision_tables, read_decisions

CHOSEN = """\
item: conflict-3ac3fd5107
decision: choose
by: 张三
at: '2025-06-03T08:15:00+00:00'
reason: the plan's own table gives the 十二五 result as 8,000
region_code: '310110'
indicator: elderly_care_beds
year: 2015
kind: actual
value: 8000
"""


@pytest.fixture(scope="module")
def reference() -> Reference:
    return Reference.read(REFERENCE_DIR)


def test_a_decision_file_is_read_as_written(tmp_path, reference):
    (tmp_path / "conflict-3ac3fd5107.yaml").write_text(CHOSEN, encoding="utf-8")
    (tmp_path / "README.md").write_text("not a decision", encoding="utf-8")
    decisions, refused = read_decisions(tmp_path, reference)
    assert refused == []
    (decision,) = decisions
    assert (decision.item_kind, decision.decision, decision.by, decision.region_code, decision.year,
            decision.value) == ("conflict", "choose", "张三", "310110", 2015, 8000.0)
    tables = decision_tables(decisions, refused)
    assert tables["review_decisions"].select("item", "item_kind", "reviewed_by").rows() == [
        ("conflict-3ac3fd5107", "conflict", "张三")]


@pytest.mark.parametrize(("name", "text", "reason"), [
    ("conflict-3ac3fd5107.yaml", CHOSEN.replace("value: 8000", "value: 30000000"),
     "value 30000000 is outside what beds can be for elderly_care_beds (0 to 20000000, whole"),
    ("conflict-3ac3fd5107.yaml", CHOSEN.replace("value: 8000", "value: 8000.5"),
     "value 8000.5 is outside what beds can be"),
    ("conflict-3ac3fd5107.yaml", CHOSEN.replace("reason: the plan's own table gives the 十二五 result as 8,000",
                                                "reason: ''"),
     "no reason: a decision says who made it and why"),
    ("conflict-3ac3fd5107.yaml", CHOSEN.replace("indicator: elderly_care_beds", "indicator: beds"),
     "indicator 'beds' is not in the catalogue"),
    ("conflict-3ac3fd5107.yaml", CHOSEN.replace("region_code: '310110'", "region_code: '999999'"),
     "region code '999999' is not in data/reference/regions.csv"),
    ("conflict-3ac3fd5107.yaml", CHOSEN.replace("value: 8000\n", ""),
     "choose on a conflict names the statements: give a value or a source"),
    ("conflict-3ac3fd5107.yaml", CHOSEN.replace("decision: choose", "decision: prefer"),
     "decision 'prefer' is not one of accept, reject, choose"),
    ("conflict-3ac3fd5107.yaml", CHOSEN.replace("2025-06-03T08:15:00+00:00", "yesterday"),
     "at 'yesterday' is not a time"),
    ("conflict-3ac3fd5107.yaml", CHOSEN + "comment: x\n", "unknown field 'comment'"),
    ("conflict-0000000000.yaml", CHOSEN, "a decision on conflict-3ac3fd5107 is named conflict-3ac3fd5107.yaml"),
    ("skipped-3ac3fd5107.yaml", CHOSEN.replace("conflict-", "skipped-"),
     "choose picks a value among the statements of a conflict, and this is a skipped figure"),
    ("conflict-3ac3fd5107.yaml", "item: [", "not YAML"),
])
def test_a_bad_decision_file_is_refused_naming_why(tmp_path, reference, name, text, reason):
    (tmp_path / name).write_text(text, encoding="utf-8")
    decisions, refused = read_decisions(tmp_path, reference)
    assert decisions == []
    ((file, why),) = refused
    assert file == name
    assert reason in why
