"""Second runs: no change does nothing; a new document runs alone; a failing dbt test blocks."""

from __future__ import annotations

import dagster as dg
import pytest

from orchestration.documents import DOCUMENT_PARTITIONS
from orchestration.execution import ensure_instance
from tests.pipeline.conftest import NEW_BULLETIN, one_line, sha256
from warehouse.inputs import document_id, file_sha256
from warehouse.parse_cache import ParseCache

pytestmark = pytest.mark.pipeline


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
    # 63 in 2023 is short of the line from 58 (2020) to 70 (2025), which passes 65.2; judged
    # in 2026, 2025 is over without an actual for it: overdue, result unknown.
    assert workspace.query(
        "select latest_actual_year, latest_actual_value, expected_value_at_actual_year, on_track, status "
        "from marts.fct_target_attainment where region_code = '330900' "
        "and indicator = 'eco_burial_rate' and target_year = 2025"
    ) == [(2023, 63, pytest.approx(65.2), False, "overdue_unknown")]


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

    result = workspace.run_cli("--force")

    assert result.returncode == 1
    message = one_line(result.stderr)
    assert "minzheng run failed" in message
    assert "accepted_values_stg_ingest__figures_kind" in message
    assert "left as it was" in message
    assert sha256(paths.published) == before
