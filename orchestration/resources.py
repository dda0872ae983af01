"""Dagster resources: the pipeline's paths, the build file's DuckDB, and the run guard.

All three read the same environment variables as dbt's profiles.yml (see
warehouse/settings.py), so every step of a run works on the same files.
"""

from __future__ import annotations

from contextlib import contextmanager

import dagster as dg
from dagster_duckdb import DuckDBResource
from pydantic import PrivateAttr

from orchestration.retention import prune
from warehouse import settings
from warehouse.inputs import input_fingerprint, scan_documents
from warehouse.lock import run_lock
from warehouse.settings import Paths


class PipelineInputs(dg.ConfigurableResource):
    """Where the inbox, the statistics, the reference data and the warehouse files are."""

    documents_dir: str
    statistics_dir: str
    published_file: str
    build_file: str
    # Empty: data/reviews of the project.
    reviews_dir: str = ""

    def paths(self) -> Paths:
        return Paths.at(self.documents_dir, self.statistics_dir, self.published_file,
                        build=self.build_file, reviews=self.reviews_dir or None)


class RunGuard(dg.ConfigurableResource):
    """Holds the run lock for a whole build run, remembers what the run started from, and
    prunes what runs older than the newest few left on disk (orchestration/retention.py).

    The fingerprint of the inputs is taken when the run starts, before anything is read:
    if a file changes during the run, the published fingerprint is the older one and the
    next run rebuilds, rather than the other way round. The documents of that scan are
    kept too, so that publishing can tell whether every one of them was landed.
    """

    inputs: PipelineInputs
    wait_seconds: float = 0.0
    _fingerprint: str = PrivateAttr(default="")
    _document_ids: frozenset[str] = PrivateAttr(default=frozenset())

    @contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext):
        paths = self.inputs.paths()
        keep = settings.keep_runs()  # a bad setting stops the run before it starts
        paths.build_dir.mkdir(parents=True, exist_ok=True)
        with run_lock(paths.run_lock, wait_seconds=self.wait_seconds):
            inbox = scan_documents(paths.documents)
            self._fingerprint = input_fingerprint(paths, inbox)
            self._document_ids = frozenset(inbox)
            try:
                yield self
            finally:
                # The end of every build, passed or failed: runs beyond the newest few go.
                self._prune(context, keep)

    def _prune(self, context: dg.InitResourceContext, keep: int) -> None:
        try:
            pruned = prune(context.instance, self.inputs.paths(), keep)
        except OSError as error:  # a prune that fails must not fail the build it follows
            context.log.warning(f"pruning old runs failed: {error}")
            return
        if pruned.runs or pruned.folders:
            context.log.info(f"pruned {len(pruned.runs)} old runs and {len(pruned.folders)} folders")

    @property
    def fingerprint(self) -> str:
        return self._fingerprint

    @property
    def document_ids(self) -> frozenset[str]:
        """The documents in the inbox when the run started."""
        return self._document_ids


def pipeline_inputs() -> PipelineInputs:
    """The inputs resource, configured from the environment."""
    return PipelineInputs(
        documents_dir=dg.EnvVar(settings.DOCUMENTS_VAR),
        statistics_dir=dg.EnvVar(settings.STATISTICS_VAR),
        published_file=dg.EnvVar(settings.PUBLISHED_VAR),
        build_file=dg.EnvVar(settings.BUILD_VAR),
        reviews_dir=dg.EnvVar(settings.REVIEWS_VAR),
    )


def build_database() -> DuckDBResource:
    """The build file, the same one dbt's profile points at."""
    return DuckDBResource(database=dg.EnvVar(settings.BUILD_VAR),
                          connection_config={"memory_limit": settings.duckdb_memory_limit()})
