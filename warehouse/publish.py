"""Publishing: replace the read-only warehouse file with the checked build file, atomically.

DuckDB lets one process write a file or many read it, never both, and Superset and
analysts keep read-only handles open. So a run never writes the published file: it
builds into a working file, and when every check has passed it copies that file
beside the published one, flushes it to disk and renames it over the published path.
Readers that had the old file open keep their snapshot; new connections see the new
file; a run killed at any moment leaves the published file as it was.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

from warehouse.faults import pause_point

# Tables the published file must hold, or it is not worth publishing.
REQUIRED_TABLES = (
    ("marts", "dim_region"),
    ("marts", "dim_indicator"),
    ("marts", "dim_document"),
    ("marts", "fct_indicator_observations"),
    ("marts", "fct_elderly_care_beds"),
    ("marts", "fct_social_orgs_per_10k"),
    ("marts", "fct_certified_social_workers"),
    ("marts", "fct_eco_burial_rate"),
    ("marts", "fct_target_attainment"),
    # The dashboards read the reporting layer (dbt_project/models/reporting/).
    ("reporting", "elderly_care_beds"),
    ("reporting", "social_orgs_per_10k"),
    ("reporting", "certified_social_workers"),
    ("reporting", "eco_burial_rate"),
    ("reporting", "target_attainment"),
    ("reporting", "source_conflicts"),
    ("reporting", "data_coverage"),
)


class PublishRefused(RuntimeError):
    """The build file is not fit to replace the published one."""


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _verify(path: Path) -> None:
    """Open a candidate file read-only, as a reader would, and check that the marts and the
    reporting tables are there."""
    with duckdb.connect(str(path), read_only=True) as con:
        present = set(con.execute(
            "select table_schema, table_name from information_schema.tables"
        ).fetchall())
    missing = [f"{schema}.{table}" for schema, table in REQUIRED_TABLES
               if (schema, table) not in present]
    if missing:
        raise PublishRefused(f"build file lacks {', '.join(missing)}")


def publish(build: Path, published: Path) -> Path:
    """Copy `build` over `published` atomically; return the published path."""
    build, published = Path(build), Path(published)
    # Fold the write-ahead log into the file so the copy is complete on its own.
    with duckdb.connect(str(build)) as con:
        con.execute("checkpoint")
    published.parent.mkdir(parents=True, exist_ok=True)
    # A run killed while publishing leaves its staging copy behind; the run lock is held,
    # so no other publish is using one.
    for stale in published.parent.glob(f".{published.name}.publish-*.tmp"):
        stale.unlink(missing_ok=True)
    # Same directory as the target, so the final rename stays on one filesystem.
    staging = published.with_name(f".{published.name}.publish-{os.getpid()}.tmp")
    try:
        shutil.copyfile(build, staging)
        with open(staging, "rb+") as handle:
            os.fsync(handle.fileno())
        _verify(staging)
        pause_point("publish")
        os.replace(staging, published)
        _fsync_dir(published.parent)
    finally:
        staging.unlink(missing_ok=True)
    return published
