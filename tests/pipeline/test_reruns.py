"""Second runs: no change does nothing; a new document runs alone; bad input is named."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap

import dagster as dg
import pytest

from orchestration.documents import DOCUMENT_PARTITIONS
from orchestration.runner import ensure_instance
from warehouse.inputs import document_id, file_sha256
from warehouse.parse_cache import ParseCache

pytestmark = pytest.mark.pipeline

MINZHENG = os.path.join(os.path.dirname(sys.executable), "minzheng")

# A bulletin written for this test; the figures below are what it states.
NEW_BULLETIN = textwrap.dedent("""\
    舟山市2023年民政事业发展统计公报

    舟山市民政局 2024年3月15日

    截至2023年底,全市共有社会组织5012家。全市节地生态安葬率达到63%。全市持证社会工作者1480人。
    """)


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def parse_runs(workspace) -> list[dg.DagsterRun]:
    instance = ensure_instance(workspace.paths)
    return list(instance.get_runs(dg.RunsFilter(job_name="parse_documents")))


def parsed_partitions(workspace, run: dg.DagsterRun) -> set[str]:
    """The document partitions a parse run materialized."""
    instance = ensure_instance(workspace.paths)
    records = instance.get_records_for_run(
        run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION
    ).records
    return {record.event_log_entry.dagster_event.partition for record in records}


def test_unchanged_inputs_parse_and_build_nothing(published, tmp_path):
    workspace = published.copy_to(tmp_path / "site")
    before = sha256(workspace.paths.published)
    runs_before = len(parse_runs(workspace))
    summary = workspace.run()
    assert summary.up_to_date
    assert summary.documents_parsed == [] and summary.documents_skipped == 5
    assert len(parse_runs(workspace)) == runs_before
    assert sha256(workspace.paths.published) == before


def test_new_document_parses_alone_and_lands(published, tmp_path):
    workspace = published.copy_to(tmp_path / "site")
    new_file = workspace.paths.documents / "zhoushan_2023_bulletin.txt"
    new_file.write_text(NEW_BULLETIN, encoding="utf-8")
    runs_before = {run.run_id for run in parse_runs(workspace)}

    summary = workspace.run()

    assert summary.documents_parsed == ["zhoushan_2023_bulletin.txt"]
    new_runs = [run for run in parse_runs(workspace) if run.run_id not in runs_before]
    assert len(new_runs) == 1
    assert parsed_partitions(workspace, new_runs[0]) == {document_id(file_sha256(new_file))}
    instance = ensure_instance(workspace.paths)
    assert len(instance.get_dynamic_partitions(DOCUMENT_PARTITIONS.name)) == 6

    assert workspace.query(
        "select value, document_name from marts.fct_eco_burial_rate "
        "where region_code = '330900' and year = 2023 and kind = 'actual'"
    ) == [(63, "zhoushan_2023_bulletin.txt")]
    # The bulletin gives counts only: 5012 organisations over the 2023 year-end resident
    # population in data/reference/population.csv (117.3万).
    assert workspace.query(
        "select derivation from marts.fct_social_orgs_per_10k "
        "where region_code = '330900' and year = 2023"
    ) == [("5012 orgs / 1173000 residents (2023 year-end estimate) x 10000",)]
    # 63 in 2023 is short of the line from 58 (2020) to 70 (2025), which passes 65.2.
    assert workspace.query(
        "select latest_actual_year, latest_actual_value, expected_value_at_actual_year, status "
        "from marts.fct_target_attainment where region_code = '330900' "
        "and indicator = 'eco_burial_rate' and target_year = 2025"
    ) == [(2023, 63, pytest.approx(65.2), "behind")]


BAD_STATISTICS = textwrap.dedent("""\
    region_code,year,indicator,value,unit,source,quote
    330900,2021,social_orgs,5100,orgs,https://example.org/zhoushan-2021,good row
    999999,2021,social_orgs,5100,orgs,https://example.org/a,unknown region
    330900,2021,no_such_indicator,1,orgs,https://example.org/b,unknown indicator
    330900,2021,eco_burial_rate,sixty,percent,https://example.org/c,not a number
    330900,2021,elderly_care_beds,10900,percent,https://example.org/d,unit disagrees
    330900,2021,eco_burial_rate,140,percent,https://example.org/e,out of range
    """)


def test_bad_input_is_named_and_the_rest_lands(published, tmp_path):
    workspace = published.copy_to(tmp_path / "site")
    (workspace.paths.statistics / "zhoushan_2021.csv").write_text(BAD_STATISTICS, encoding="utf-8")
    (workspace.paths.statistics / "notes.txt").write_text("not a table\n", encoding="utf-8")
    (workspace.paths.documents / "empty.txt").write_bytes(b"")

    summary = workspace.run()

    rejects = {(file, row): reason for file, row, reason in summary.statistics_rejects}
    assert set(rejects) == {("zhoushan_2021.csv", row) for row in (3, 4, 5, 6, 7)} | {
        ("notes.txt", None)
    }
    assert "unknown region code '999999'" in rejects[("zhoushan_2021.csv", 3)]
    assert "unknown indicator 'no_such_indicator'" in rejects[("zhoushan_2021.csv", 4)]
    assert "value 'sixty' is not a number" in rejects[("zhoushan_2021.csv", 5)]
    assert (
        "unit 'percent' disagrees with the catalogue unit 'beds'"
        in rejects[("zhoushan_2021.csv", 6)]
    )
    assert "outside the plausible range" in rejects[("zhoushan_2021.csv", 7)]
    assert "unsupported file type" in rejects[("notes.txt", None)]
    assert summary.documents_refused == [("empty.txt", "empty file")]
    # The good row of the bad file, and every other input, still landed.
    assert workspace.query(
        "select value, source_url from marts.fct_annual_statistics "
        "where statistics_file = 'zhoushan_2021.csv'"
    ) == [(5100, "https://example.org/zhoushan-2021")]
    assert summary.statistics_rows == 35
    assert workspace.query(
        "select status from marts.dim_document where document_name = 'empty.txt'"
    ) == [("rejected",)]
    assert (
        workspace.query(
            "select count(*) from marts.fct_eco_burial_rate where region_code = '330900'"
            " and source_type = 'document'"
        )[0][0]
        == 3
    )


def test_failing_dbt_test_blocks_publish(published, tmp_path):
    """A parse that breaks a dbt test (kind outside actual/target) stops the run before publish."""
    workspace = published.copy_to(tmp_path / "site")
    paths = workspace.paths
    cache = ParseCache(paths.parse_cache)
    wuhu = document_id(file_sha256(paths.documents / "004_dc0136a2265e55f5.txt"))
    entry = cache.read(wuhu)
    entry["records"][0]["kind"] = "projected"
    cache.write(entry)
    before = sha256(paths.published)

    env = dict(os.environ, DAGSTER_HOME=str(paths.dagster_home))
    result = subprocess.run(
        [
            MINZHENG,
            "run",
            "--force",
            "--documents",
            str(paths.documents),
            "--statistics",
            str(paths.statistics),
            "--warehouse",
            str(paths.published),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )

    assert result.returncode == 1
    message = " ".join(result.stderr.split())
    assert "minzheng run failed" in message
    assert "accepted_values_stg_ingest__figures_kind" in message
    assert "left as it was" in message
    assert sha256(paths.published) == before
