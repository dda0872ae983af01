"""Documents parsed by several processes at once publish what one process publishes."""

from __future__ import annotations

import shutil

import dagster as dg
import pytest

from orchestration.execution import PARTITION_RANGE_END_TAG, PARTITION_RANGE_START_TAG, ensure_instance
from tests.pipeline.conftest import PipelineWorkspace, mart_contents
from warehouse.settings import PARSE_WORKERS_VAR

pytestmark = pytest.mark.pipeline


def test_two_parse_processes_publish_the_marts_of_one(first_run, tmp_path, monkeypatch):
    one = first_run.workspace
    root = tmp_path / "site"
    root.mkdir()
    shutil.copytree(one.paths.documents, root / "documents")
    shutil.copytree(one.paths.statistics, root / "annual_statistics")
    workspace = PipelineWorkspace(root)
    monkeypatch.setenv(PARSE_WORKERS_VAR, "2")

    summary = workspace.run()

    assert summary.documents_parsed == first_run.summary.documents_parsed
    assert len(summary.documents_parsed) == 5
    instance = ensure_instance(workspace.paths)
    ordered = instance.get_dynamic_partitions("documents")
    runs = instance.get_runs(dg.RunsFilter(job_name="parse_documents"))
    ranges = sorted((ordered.index(run.tags[PARTITION_RANGE_START_TAG]),
                     ordered.index(run.tags[PARTITION_RANGE_END_TAG])) for run in runs)
    # Two runs, the partitions split between them, each once.
    assert len(ranges) == 2 and ranges[0][0] == 0 and ranges[1][1] == len(ordered) - 1
    assert ranges[0][1] + 1 == ranges[1][0]
    assert all(run.status == dg.DagsterRunStatus.SUCCESS for run in runs)
    assert mart_contents(workspace.paths.published) == mart_contents(one.paths.published)
    assert summary.figures == first_run.summary.figures
