"""Bounded disk: a build prunes the runs beyond the newest N, with everything they left."""

from __future__ import annotations

import dagster as dg
import pytest

from orchestration.definitions import load_definitions
from orchestration.execution import ensure_instance
from orchestration.retention import prune
from tests.pipeline.conftest import NEW_BULLETIN
from warehouse.settings import KEEP_RUNS_VAR

pytestmark = pytest.mark.pipeline


def runs_by_job(instance: dg.DagsterInstance) -> dict[str, list[str]]:
    runs: dict[str, list[str]] = {}
    for run in instance.get_runs():
        runs.setdefault(run.job_name, []).append(run.run_id)
    return runs


def test_a_build_keeps_the_newest_runs_and_prunes_the_rest(published, tmp_path, monkeypatch):
    workspace = published.copy_to(tmp_path / "site")
    paths = workspace.paths
    instance = ensure_instance(paths)
    (old_parse,), (old_build,) = runs_by_job(instance)["parse_documents"], runs_by_job(instance)["build_warehouse"]
    # What the first run left, the real folders the prune must remove.
    event_log = paths.dagster_home / "history" / "runs" / f"{old_build}.db"
    compute_logs = paths.dagster_home / "storage" / old_build
    left = [paths.dbt_target / old_build, paths.data_docs_of(old_build), event_log, compute_logs,
            paths.dagster_home / "history" / "runs" / f"{old_parse}.db"]
    assert all(path.exists() for path in left)
    assert (paths.dbt_target / old_build / "run_results.json").is_file()
    assert (paths.data_docs_of(old_build) / "index.html").is_file()

    # A new document: one more parse run and one more build, keeping one run of each job.
    (paths.documents / "zhoushan_2023_bulletin.txt").write_text(NEW_BULLETIN, encoding="utf-8")
    monkeypatch.setenv(KEEP_RUNS_VAR, "1")
    summary = workspace.run()
    assert summary.documents_parsed == ["zhoushan_2023_bulletin.txt"]

    runs = runs_by_job(ensure_instance(paths))
    (new_parse,), (new_build,) = runs["parse_documents"], runs["build_warehouse"]
    assert {new_parse, new_build}.isdisjoint({old_parse, old_build})
    assert not any(path.exists() for path in left)
    assert [folder.name for folder in paths.dbt_target.iterdir()] == [new_build]
    assert [folder.name for folder in paths.data_docs.iterdir()] == [new_build]
    assert (paths.dbt_target / new_build / "run_results.json").is_file()
    assert (paths.data_docs_of(new_build) / "index.html").is_file()
    assert workspace.query("select count(*) from raw.documents") == [(6,)]

    # The parse cache, not the pruned run, says the documents are parsed: nothing again.
    again = workspace.run()
    assert again.up_to_date and again.documents_parsed == []
    assert runs_by_job(ensure_instance(paths)) == runs


def test_prune_leaves_runs_in_progress_and_folders_of_kept_runs(published, tmp_path):
    workspace = published.copy_to(tmp_path / "site")
    paths = workspace.paths
    instance = ensure_instance(paths)
    (build,) = runs_by_job(instance)["build_warehouse"]
    # A run still in progress (the daemon's, say): never deleted, whatever its age.
    running = instance.create_run_for_job(load_definitions().resolve_job_def("build_warehouse"),
                                         status=dg.DagsterRunStatus.STARTED)
    (paths.dbt_target / "not-a-run").mkdir()

    pruned = prune(instance, paths, keep=1)

    assert pruned.runs == [build]
    assert paths.dbt_target / "not-a-run" in pruned.folders
    assert not (paths.dbt_target / build).exists() and not paths.data_docs_of(build).exists()
    remaining = runs_by_job(instance)
    assert running.run_id in remaining["build_warehouse"]
    assert len(remaining["parse_documents"]) == 1
