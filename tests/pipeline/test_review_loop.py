"""The review loop through the real command line and real runs: list, decide, rebuild, undo.

What the decisions are about is read from the sample documents:
- 杨浦区's plan (003_753ddc9777402cd1.txt) gives its 2015 elderly-care beds twice: 全区共有养老床位8358张
  in its review (record 2) and 8,000 as the 十二五完成数 of its indicator table (record 17,
  `…张约束性800010800…`). The marts take the first statement, 8358; a reviewer chooses 8000.
- The same plan's 按照2020年全区户籍老年人口43.17万计算 … 10793 张 is a goal the parser skips as an
  estimate; a reviewer accepts it as the 2020 target of 10,793 beds.
- A statistics file written for the test types 舟山市's 2021 nursing-bed share 58.0% as 580: the
  gate quarantines it (a percent is at most 100); a reviewer accepts it as 58.
Then the decisions are replaced by a rejection of the 8,000, and at last removed: the marts are
then exactly those of the run before any decision.
"""

from __future__ import annotations

import shutil
import subprocess
import textwrap

import pytest
import yaml

from tests.pipeline.conftest import MINZHENG, PipelineWorkspace, mart_contents, one_line

pytestmark = pytest.mark.pipeline

PLAN = "003_753ddc9777402cd1.txt"
BEDS_2015 = "region_code = '310110' and indicator = 'elderly_care_beds' and year = 2015 and kind = 'actual'"
BEDS_2020 = "region_code = '310110' and indicator = 'elderly_care_beds' and year = 2020 and kind = 'target'"
SHARE_2021 = "region_code = '330900' and indicator = 'nursing_bed_share' and year = 2021 and kind = 'actual'"
TYPO_CSV = textwrap.dedent("""\
    region_code,region,year,indicator,value,unit,source,quote
    330900,舟山市,2021,nursing_bed_share,580,percent,https://example.org/zs/2021.html,全市护理型床位占比达到58.0%
    """)


def review(workspace: PipelineWorkspace, *arguments: str) -> subprocess.CompletedProcess:
    """`minzheng review ...` on the workspace's published warehouse and reviews folder."""
    paths = workspace.paths
    action, *rest = arguments or ("list",)
    return subprocess.run([MINZHENG, "review", action, *rest, "--warehouse", str(paths.published),
                           "--reviews", str(paths.reviews)],
                          capture_output=True, text=True, env=workspace.environment(), check=False)


def item_of(workspace: PipelineWorkspace, kind: str, where: str) -> str:
    ((item,),) = workspace.query(
        f"select review_item_id from marts.fct_review_items where item_kind = ? and {where}", [kind])
    return item


def canonical(workspace: PipelineWorkspace, fact: str) -> list[tuple]:
    return workspace.query(
        "select value, source_type, review_decision, reviewed_by, review_reason "
        f"from marts.fct_indicator_observations where {fact} and is_canonical")


@pytest.fixture(scope="module")
def site(first_run, tmp_path_factory):
    """The sample run, then one with the mistyped statistics row: the state a reviewer meets."""
    workspace = first_run.workspace.copy_to(tmp_path_factory.mktemp("review") / "site")
    (workspace.paths.statistics / "zhoushan_typo.csv").write_text(TYPO_CSV, encoding="utf-8")
    workspace.run()
    return workspace


@pytest.fixture(scope="module")
def items(site):
    """The ids of the three items the tests decide, found by what they are."""
    return {
        "conflict": item_of(site, "conflict", BEDS_2015),
        "skipped": item_of(site, "skipped", f"source_file = '{PLAN}' and reason like '%10793%'"),
        "quarantined": item_of(site, "quarantined", "source_file = 'zhoushan_typo.csv' and record_number = 2"),
    }


@pytest.fixture(scope="module")
def before(site, items):
    """The marts before any decision."""
    return mart_contents(site.paths.published)


def test_review_lists_the_open_items_with_quote_and_reason(site, items):
    listed = review(site)
    assert listed.returncode == 0, listed.stderr
    text = one_line(listed.stdout)
    assert f"{items['conflict']} conflict {PLAN}" in text
    assert f"quote: 8358 ({PLAN} record 2); 8000 ({PLAN} record 17)" in text
    assert "reason: statements disagree beyond rounding (inside one source)" in text
    assert f"{items['skipped']} skipped {PLAN}" in text
    assert "'养老床位' 10793: an estimate or forecast" in text
    assert f"{items['quarantined']} quarantined zhoushan_typo.csv record 2" in text
    assert "330900 nursing_bed_share 2021 actual = 580 percent" in text


def test_refused_decisions_say_why_and_write_nothing(site, items):
    cases = [
        (("choose", "conflict-0000000000", "--value", "8000", "--reason", "r"),
         "unknown review item conflict-0000000000"),
        (("accept", "beds-2015", "--reason", "r"), "'beds-2015' is no review item id"),
        (("accept", items["quarantined"], "--reason", "r"),
         "value 580 is outside what percent can be for nursing_bed_share (0 to 100: A share of a whole cannot "
         "exceed 100 percent.)"),
        (("accept", items["skipped"], "--reason", "r", "--indicator", "elderly_care_beds", "--year", "2020",
          "--kind", "target", "--value", "-10793"), "value -10793 is outside what beds can be"),
        (("accept", items["skipped"], "--reason", "r"),
         "give --indicator, --year, --kind, --value (what the source states)"),
        (("choose", items["skipped"], "--value", "10793", "--reason", "r"),
         "choose picks a value among the statements of a conflict, and this is a skipped figure"),
        (("choose", items["conflict"], "--value", "9000", "--reason", "r"),
         f"no statement of {items['conflict']} has value 9000; its statements are 8358 ({PLAN}); 8000 ({PLAN})"),
        (("reject", items["conflict"], "--source", PLAN, "--reason", "r"),
         f"that rejects every statement of {items['conflict']}"),
        (("choose", items["conflict"], "--value", "8000", "--reason", "  "), "no reason"),
    ]
    for arguments, message in cases:
        result = review(site, *arguments)
        assert result.returncode == 2, (arguments, result.stdout)
        assert message in one_line(result.stderr), (arguments, result.stderr)
    missing_reason = review(site, "choose", items["conflict"], "--value", "8000")
    assert missing_reason.returncode == 2
    assert "the following arguments are required: --reason" in missing_reason.stderr
    assert not site.paths.reviews.exists() or not list(site.paths.reviews.glob("*.yaml"))


@pytest.fixture(scope="module")
def decided(site, items, before):
    """Three decisions through the command line, a hand-written bad file, then a run."""
    recorded = [
        review(site, "choose", items["conflict"], "--value", "8000", "--by", "tester",
               "--reason", "the plan's indicator table gives the 十二五 result as 8,000"),
        review(site, "accept", items["skipped"], "--indicator", "elderly_care_beds", "--year", "2020",
               "--kind", "target", "--value", "10793", "--by", "tester",
               "--reason", "2.5% of 43.17万 older residents: the plan's 2020 goal"),
        review(site, "accept", items["quarantined"], "--value", "58", "--by", "tester",
               "--reason", "the quote says 58.0%"),
    ]
    (site.paths.reviews / "conflict-0123456789.yaml").write_text(
        "item: conflict-0123456789\ndecision: choose\nby: x\nat: '2025-01-01T00:00:00+00:00'\n"
        "reason: r\nsource: a.txt\nnote: hand-written\n", encoding="utf-8")
    return recorded, site.run()


def test_a_decision_is_a_file_with_who_when_and_why(site, items, decided):
    recorded, _ = decided
    assert [result.returncode for result in recorded] == [0, 0, 0], [r.stderr for r in recorded]
    written = yaml.safe_load((site.paths.reviews / f"{items['conflict']}.yaml").read_text(encoding="utf-8"))
    assert written["decision"] == "choose"
    assert written["value"] == 8000
    assert written["by"] == "tester"
    assert written["reason"] == "the plan's indicator table gives the 十二五 result as 8,000"
    assert (written["region_code"], written["indicator"], written["year"], written["kind"]) == (
        "310110", "elderly_care_beds", 2015, "actual")
    assert "at" in written
    again = review(site, "reject", items["conflict"], "--value", "8358", "--reason", "r")
    assert again.returncode == 2
    assert f"{items['conflict']} already has a decision" in one_line(again.stderr)


def test_the_next_run_applies_the_decisions(site, items, decided):
    _, summary = decided
    assert summary.reviews == 3
    assert summary.reviews_refused == [
        ("conflict-0123456789.yaml", "unknown field 'note' (a decision has item, decision, by, at, reason, "
         "region_code, indicator, year, kind, value, source, source_kind, document_id, source_url, quote)")]
    reason = "the plan's indicator table gives the 十二五 result as 8,000"
    assert canonical(site, BEDS_2015) == [(8000, "document", "chosen", "tester", reason)]
    assert site.query(f"select canonical_value, review_decision, reviewed_by from marts.fct_source_conflicts "
                      f"where {BEDS_2015}") == [(8000, "chosen", "tester")]
    # What the dashboards read: the fact dashboard's and the conflicts dashboard's tables.
    assert site.query(f"select value, review_label from reporting.elderly_care_beds where {BEDS_2015}") == [
        (8000, "已复核：选定 Reviewed: chosen (tester)")]
    assert site.query("select canonical_value, review_label from reporting.source_conflicts "
                      "where region_code = '310110' and indicator = 'elderly_care_beds' and year = 2015 "
                      "and kind_label = '实际 Actual'") == [
        (8000, "已复核：选定 Reviewed: chosen (tester)")]
    assert site.query(f"select value, record_number, review_decision, is_canonical from marts.bridge_fact_statements "
                      f"where {BEDS_2015} order by value") == [(8000, 17, "chosen", True), (8358, 2, None, False)]
    # The accepted goal is the plan's own statement now, beside its table's 10,800.
    assert canonical(site, BEDS_2020) == [
        (10793, "document", "accepted", "tester", "2.5% of 43.17万 older residents: the plan's 2020 goal")]
    assert site.query(f"select value, review_decision from marts.bridge_fact_statements where {BEDS_2020} "
                      "order by value") == [(10793, "accepted"), (10800, None)]
    assert canonical(site, SHARE_2021) == [(58, "annual_statistics", "accepted", "tester", "the quote says 58.0%")]
    statuses = dict(site.query("select review_item_id, status from marts.fct_review_items"))
    assert [statuses[items[kind]] for kind in ("conflict", "skipped", "quarantined")] == [
        "chosen", "accepted", "accepted"]
    listed = one_line(review(site).stdout)
    assert all(items[kind] not in listed for kind in items)
    assert "match no item of the published warehouse" not in listed


def test_a_rejection_leaves_the_choice_and_removing_decisions_restores_the_marts(site, items, decided, before):
    for path in site.paths.reviews.glob("*.yaml"):
        path.unlink()
    rejected = review(site, "reject", items["conflict"], "--value", "8000", "--by", "tester",
                      "--reason", "the table's column is the 2015 goal")
    assert rejected.returncode == 0, rejected.stderr
    site.run()
    assert canonical(site, BEDS_2015) == [
        (8358, "document", "other_rejected", "tester", "the table's column is the 2015 goal")]
    assert site.query(f"select value, review_decision from marts.bridge_fact_statements where {BEDS_2015} "
                      "order by value") == [(8000, "rejected"), (8358, None)]
    assert canonical(site, BEDS_2020) == [(10800, "document", None, None, None)]
    assert canonical(site, SHARE_2021) == []
    shutil.rmtree(site.paths.reviews)
    site.run()
    assert mart_contents(site.paths.published) == before
