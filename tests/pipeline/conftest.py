"""One real pipeline run on the sample corpus per test session, in a temporary directory.

Tests that change inputs work on a copy of that run's directory (inbox, build file,
parse cache, Dagster instance and published file), so each starts from the state a
real second run would meet.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from minzheng.paths import DOCUMENTS_DIR, STATISTICS_DIR
from orchestration.runner import PipelineRunner, RunSummary
from warehouse.settings import Paths


@dataclass
class PipelineWorkspace:
    """A self-contained installation: inbox, statistics and warehouse under one root."""

    root: Path

    @property
    def paths(self) -> Paths:
        published = self.root / "warehouse" / "minzheng.duckdb"
        build = published.parent / "build" / "minzheng.build.duckdb"
        return Paths(
            documents=self.root / "documents",
            statistics=self.root / "annual_statistics",
            reference=Paths.from_env().reference,
            published=published,
            build=build,
            dagster_home=build.parent / "dagster_home",
        )

    def run(self, force: bool = False) -> RunSummary:
        return PipelineRunner(self.paths).run(force=force)

    def query(self, sql: str, parameters: list | None = None) -> list[tuple]:
        """Rows from the published file, opened read-only as an analyst would."""
        with duckdb.connect(str(self.paths.published), read_only=True) as con:
            return con.execute(sql, parameters or []).fetchall()

    def copy_to(self, target: Path) -> PipelineWorkspace:
        shutil.copytree(self.root, target)
        return PipelineWorkspace(target)


@dataclass
class SessionRun:
    workspace: PipelineWorkspace
    summary: RunSummary


@pytest.fixture(scope="session")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> SessionRun:
    """The sample corpus and statistics, run once from nothing to a published warehouse."""
    root = tmp_path_factory.mktemp("pipeline") / "site"
    root.mkdir()
    shutil.copytree(DOCUMENTS_DIR, root / "documents")
    shutil.copytree(STATISTICS_DIR, root / "annual_statistics")
    workspace = PipelineWorkspace(root)
    return SessionRun(workspace=workspace, summary=workspace.run())


@pytest.fixture(scope="session")
def published(first_run: SessionRun) -> PipelineWorkspace:
    return first_run.workspace
