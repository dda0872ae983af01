"""One real pipeline run on the sample corpus per test session, in a temporary directory.

Tests that change inputs work on a copy of that run's directory (inbox, build file,
parse cache, Dagster instance and published file), so each starts from the state a
real second run would meet.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from minzheng.paths import DOCUMENTS_DIR, STATISTICS_DIR
from orchestration.runner import PipelineRunner, RunSummary
from warehouse.lock import run_lock
from warehouse.settings import DBT_PROJECT_DIR, Paths


@dataclass
class PipelineWorkspace:
    """A self-contained installation: inbox, statistics and warehouse under one root."""

    root: Path

    @property
    def paths(self) -> Paths:
        return Paths.at(self.root / "documents", self.root / "annual_statistics",
                        self.root / "warehouse" / "minzheng.duckdb", reviews=self.root / "reviews")

    def run(self, force: bool = False) -> RunSummary:
        return PipelineRunner(self.paths).run(force=force)

    def query(self, sql: str, parameters: list | None = None) -> list[tuple]:
        """Rows from the published file, opened read-only as an analyst would."""
        with duckdb.connect(str(self.paths.published), read_only=True) as con:
            return con.execute(sql, parameters or []).fetchall()

    def copy_to(self, target: Path) -> PipelineWorkspace:
        shutil.copytree(self.root, target)
        return PipelineWorkspace(target)

    def command(self, *extra: str) -> list[str]:
        """`minzheng run` on this workspace's inbox, statistics and warehouse."""
        paths = self.paths
        return [MINZHENG, "run", "--documents", str(paths.documents), "--statistics", str(paths.statistics),
                "--warehouse", str(paths.published), "--reviews", str(paths.reviews), *extra]

    def environment(self, **extra: str) -> dict[str, str]:
        return dict(os.environ, DAGSTER_HOME=str(self.paths.dagster_home), **extra)

    def run_cli(self, *extra: str) -> subprocess.CompletedProcess:
        """The real command line, as an operator runs it, to completion."""
        return subprocess.run(self.command(*extra), capture_output=True, text=True,
                              env=self.environment(), check=False)


MINZHENG = os.path.join(os.path.dirname(sys.executable), "minzheng")

# A bulletin written for the tests; the figures the tests expect are what it states.
NEW_BULLETIN = textwrap.dedent("""\
    舟山市2023年民政事业发展统计公报

    舟山市民政局 2024年3月15日

    截至2023年底,全市共有社会组织5012家。全市节地生态安葬率达到63%。全市持证社会工作者1480人。
    """)


def dbt_test(build: Path, selector: str) -> subprocess.CompletedProcess:
    """`dbt test --select selector` on the build file `build` (a copy a test may break)."""
    env = dict(os.environ, MINZHENG_WAREHOUSE=str(build), MINZHENG_DUCKDB_MEMORY_LIMIT="512MB")
    return subprocess.run(
        [os.path.join(os.path.dirname(sys.executable), "dbt"), "test", "--select", selector,
         "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR),
         "--target-path", str(build.parent / "target"), "--log-path", str(build.parent / "logs")],
        capture_output=True, text=True, env=env, check=False, cwd=DBT_PROJECT_DIR)


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def one_line(text: str) -> str:
    """Command output with rich's line wrapping undone, for substring assertions."""
    return " ".join(text.split())


def mart_contents(published: Path) -> dict[str, list[tuple]]:
    """Every marts and reporting table's rows, sorted, without the times a build stamps on them."""
    with duckdb.connect(str(published), read_only=True) as con:
        tables = con.execute(
            "select schema_name, table_name from duckdb_tables() "
            "where schema_name in ('marts', 'reporting') order by all").fetchall()
        contents = {}
        for schema, table in tables:
            columns = [name for (name,) in con.execute(
                "select column_name from duckdb_columns() where schema_name = ? "
                "and table_name = ? order by column_index", [schema, table]).fetchall()
                if not name.endswith("_at")]
            contents[f"{schema}.{table}"] = con.execute(
                f"select {', '.join(columns)} from {schema}.{table} order by all").fetchall()
    return contents


@dataclass
class SessionRun:
    workspace: PipelineWorkspace
    summary: RunSummary


# How long a worker waits for another to finish the sample run (a few minutes on a busy machine).
FIRST_RUN_WAIT_S = 3600


def _sample_run(folder: Path) -> SessionRun:
    root = folder / "site"
    root.mkdir()
    shutil.copytree(DOCUMENTS_DIR, root / "documents")
    shutil.copytree(STATISTICS_DIR, root / "annual_statistics")
    workspace = PipelineWorkspace(root)
    return SessionRun(workspace=workspace, summary=workspace.run())


@pytest.fixture(scope="session")
def first_run(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> SessionRun:
    """The sample corpus and statistics, run once from nothing to a published warehouse.

    Under pytest-xdist the first worker that needs it makes it, in the temporary folder the
    workers share, and the others wait for it and read it: once per `pytest`, not once per
    worker. No test changes it (tests that change inputs change a copy).
    """
    if worker_id == "master":  # one process
        return _sample_run(tmp_path_factory.mktemp("pipeline"))
    shared = tmp_path_factory.getbasetemp().parent / "first-run"
    with run_lock(shared.with_name("first-run.lock"), wait_seconds=FIRST_RUN_WAIT_S):
        made = shared / "summary.pickle"
        if made.exists():
            return SessionRun(workspace=PipelineWorkspace(shared / "site"),
                              summary=pickle.loads(made.read_bytes()))
        shutil.rmtree(shared, ignore_errors=True)  # left by a worker whose run failed
        shared.mkdir()
        run = _sample_run(shared)
        made.write_bytes(pickle.dumps(run.summary))
        return run


@pytest.fixture(scope="session")
def published(first_run: SessionRun) -> PipelineWorkspace:
    return first_run.workspace
