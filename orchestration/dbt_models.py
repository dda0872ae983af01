"""The dbt project as Dagster assets: the one DbtProject, its CLI resource and the dbt build.

dbt's sources carry `meta.dagster.asset_key`, so the raw tables landed by Python and
the models built on them form one lineage graph. Models are keyed by schema and
name (`marts/fct_eco_burial_rate`) and grouped by layer.
"""


import importlib.metadata
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
from dagster_dbt import (
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliResource,
    DbtProject,
    dbt_assets,
)
from packaging import version

from orchestration.resources import RunGuard
from warehouse.faults import pause_point
from warehouse.lock import run_lock
from warehouse.settings import DBT_PROJECT_DIR, export_defaults

DBT_PROJECT = DbtProject(project_dir=DBT_PROJECT_DIR)
# The dbt installed beside this Python, whether or not the venv is on PATH.
DBT_EXECUTABLE = str(Path(sys.executable).parent / "dbt")
DBT_SOURCE_SUFFIXES = (".sql", ".yml", ".yaml", ".md")
# dbt's saved parse of a project, in its target folder.
PARTIAL_PARSE_FILE = "partial_parse.msgpack"


def _manifest_is_stale(project: DbtProject) -> bool:
    manifest = project.manifest_path
    if not manifest.exists():
        return True
    built = manifest.stat().st_mtime
    sources = [path for folder in ("models", "macros", "tests")
               for path in (Path(project.project_dir) / folder).rglob("*")
               if path.suffix in DBT_SOURCE_SUFFIXES]
    sources += [Path(project.project_dir) / name for name in ("dbt_project.yml", "profiles.yml")]
    return any(path.stat().st_mtime > built for path in sources if path.exists())


# Held while the manifest is checked and parsed: processes starting at once (two runs, the
# test suite's workers) parse it once, and none reads it while another writes it.
PARSE_LOCK = Path(DBT_PROJECT.project_dir) / DBT_PROJECT.target_path / ".parse.lock"
PARSE_WAIT_S = 600


def prepare_manifest() -> None:
    """Run `dbt parse` when the manifest is missing or older than the project's files."""
    # dbt's profiles.yml reads MINZHENG_WAREHOUSE even to parse; give it the default if unset.
    export_defaults()
    with run_lock(PARSE_LOCK, wait_seconds=PARSE_WAIT_S):
        if _manifest_is_stale(DBT_PROJECT):
            dbt_resource().cli(["parse", "--quiet"], target_path=DBT_PROJECT.target_path).wait()


class LocalDbtCliResource(DbtCliResource):
    """dagster-dbt's CLI resource for the dbt beside this Python, without two things it does
    before every invocation that this project never uses, about 3 s of every build: it runs
    `dbt --version` to learn the executable's version (that of the dbt-core installed here),
    and sets up a dbt adapter in-process, used only to fetch row counts and column metadata.
    Both are private methods of dagster-dbt (pinned in requirements.lock):
    tests/orchestration/test_definitions.py checks they are still there to override."""

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(importlib.metadata.version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args: Sequence[str]) -> None:
        return None


def dbt_resource() -> DbtCliResource:
    return LocalDbtCliResource(project_dir=DBT_PROJECT, dbt_executable=DBT_EXECUTABLE)


class LayeredTranslator(DagsterDbtTranslator):
    """Models keyed [schema, name] and grouped by layer; sources keep their meta asset keys."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return super().get_asset_key(dbt_resource_props)
        return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return dbt_resource_props.get("schema")


# The rows of a failed test shown in its line: enough to say what failed (which column is
# null, which value is not accepted), not the whole result.
FAILING_ROWS_SHOWN = 3


def describe_failures(run_results: Mapping[str, Any], build: Path | None = None) -> str:
    """The failed models and tests of a dbt invocation, one line each; with the build file
    they ran on, a failed test's line ends with the first rows it found."""
    lines = []
    for result in run_results.get("results", []):
        if result.get("status") in ("fail", "error"):
            kind = "test" if result["unique_id"].startswith("test.") else "model"
            name = result["unique_id"].split(".")[2]
            detail = (result.get("message") or "").strip().splitlines()
            rows = (_failing_rows(build, result["compiled_code"])
                    if build and result["status"] == "fail" and result.get("compiled_code") else "")
            lines.append(f"dbt {kind} {name} {result['status']}ed"
                         + (f": {detail[0]}" if detail else "") + (f" ({rows})" if rows else ""))
    return "\n".join(lines) or "dbt build failed"


def _failing_rows(build: Path, sql: str) -> str:
    """The first rows of a failed test's query, `column value, ...; ...`; empty if unreadable."""
    try:
        with duckdb.connect(str(build), read_only=True) as con:
            cursor = con.execute(f"select * from ({sql}) limit {FAILING_ROWS_SHOWN}")
            columns = [column[0] for column in cursor.description]
            rows = cursor.fetchall()
    except duckdb.Error:  # the message says a test failed; its rows are a help, not a must
        return ""
    return "; ".join(", ".join(f"{column} {value}" for column, value in zip(columns, row, strict=True))
                     for row in rows)


# dbt's tests run inside `dbt build`: a failing test fails this step, so publish never runs.
# They are not mirrored in Dagster, neither as asset checks nor as the observations
# dagster-dbt yields instead: each event costs the SQLite event log tens of milliseconds,
# and one per test (400-odd) added seconds to every build. Their results are in the run's
# dbt target folder (run_results.json); a failing one is named in the step's failure.
TRANSLATOR = LayeredTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=False))


def seed_partial_parse(target: Path) -> None:
    """Start a build's dbt from the parse of the installation's last build, if there is one.

    dbt reuses a parse only under the same profile, and the profile holds the build file's
    path: the parse of the project's own target folder (the manifest's, which dagster-dbt
    copies) never matches an installation's, and every build parsed the whole project again
    (about 3 s). dbt re-parses what changed since; an unreadable file is parsed afresh.
    """
    previous = sorted(target.parent.glob(f"*/{PARTIAL_PARSE_FILE}"), key=lambda path: path.stat().st_mtime)
    if previous:
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(previous[-1], target / PARTIAL_PARSE_FILE)


def build_dbt_models() -> dg.AssetsDefinition:
    """The dbt models as Dagster assets, defined from the manifest (prepared first)."""
    prepare_manifest()

    @dbt_assets(manifest=DBT_PROJECT.manifest_path, project=DBT_PROJECT,
                dagster_dbt_translator=TRANSLATOR)
    def dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, run_guard: RunGuard):
        """`dbt build`: every model and its tests; a failing test stops the run before publish."""
        # dbt's target folder of this run sits in the build folder, named by the run id, where
        # the retention prunes it with the run.
        target = run_guard.inputs.paths().dbt_target / context.run.run_id
        seed_partial_parse(target)
        invocation = dbt.cli(["build"], context=context, raise_on_error=False, target_path=target)
        models = (event for event in invocation.stream() if not isinstance(event, dg.AssetObservation))
        for number, event in enumerate(models):
            yield event
            if number == 0:
                pause_point("dbt-build")  # the fault tests kill a run here, with dbt half done
        if not invocation.is_successful():
            raise dg.Failure(description=describe_failures(invocation.get_artifact("run_results.json"),
                                                           run_guard.inputs.paths().build))

    return dbt_models


def docs_command(serve: bool = False, port: int = 8080) -> int:
    """`dbt docs generate` into dbt_project/target (and optionally serve it on 127.0.0.1).

    The catalogue (column types, row counts) is read from the build file, so the site is
    complete after a `minzheng run`; the run lock keeps it from reading a build in progress.
    """
    paths = export_defaults()
    if not paths.build.exists():
        print(f"note: {paths.build} does not exist yet; run `make run` first for column types")
    paths.build_dir.mkdir(parents=True, exist_ok=True)
    dbt = dbt_resource()
    with run_lock(paths.run_lock):
        dbt.cli(["docs", "generate"], target_path=DBT_PROJECT.target_path).wait()
    site = Path(DBT_PROJECT.project_dir) / DBT_PROJECT.target_path / "index.html"
    print(f"dbt docs written to {site}")
    if serve:
        print(f"serving on http://127.0.0.1:{port}; Ctrl-C stops it")
        return subprocess.call([DBT_EXECUTABLE, "docs", "serve", "--host", "127.0.0.1",
                                "--port", str(port), "--target-path", str(DBT_PROJECT.target_path),
                                "--profiles-dir", str(DBT_PROJECT_DIR)], cwd=DBT_PROJECT_DIR)
    return 0
