"""Bounded disk: what runs leave behind is kept for the newest N runs of each job, no more.

A build leaves dbt's target folder (manifest, compiled SQL, run results: about 9 MB) and
its Data Docs, both named by the run id; every run leaves Dagster's record of it (the run,
its event log and its compute logs). `prune` deletes, beyond the newest `keep` runs of
each job, the finished runs from the Dagster instance with their event and compute logs,
then every dbt target and Data Docs folder whose run is no longer in the instance. It runs
at the end of every build (RunGuard), so a year of nightly builds takes the disk of `keep`.

Runs still queued or in progress are never deleted. The parse cache, not Dagster's run
history, says which documents are parsed: a document whose parse run was pruned is not
parsed again, though the Dagster UI no longer shows its partition as materialized.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg

from warehouse.settings import Paths

FINISHED = (dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE,
            dg.DagsterRunStatus.CANCELED)


@dataclass
class Pruned:
    """What one prune removed."""

    runs: list[str] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)


def disk_usage(path: Path) -> int:
    """Bytes of the regular files under `path` (0 when it does not exist)."""
    path = Path(path)
    if path.is_file():
        return path.stat().st_size
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file()
               and not item.is_symlink())


def prune(instance: dg.DagsterInstance, paths: Paths, keep: int) -> Pruned:
    """Delete finished runs beyond the newest `keep` of each job, and the folders of gone runs."""
    pruned = Pruned()
    seen: dict[str, int] = {}
    for record in instance.get_run_records():  # newest first
        run = record.dagster_run
        seen[run.job_name] = seen.get(run.job_name, 0) + 1
        if seen[run.job_name] <= keep or run.status not in FINISHED:
            continue
        _delete_run(instance, run.run_id)
        pruned.runs.append(run.run_id)
    remaining = {record.dagster_run.run_id for record in instance.get_run_records()}
    for root in (paths.dbt_target, paths.data_docs):
        if not root.is_dir():
            continue
        for folder in sorted(root.iterdir()):
            if folder.is_dir() and not folder.is_symlink() and folder.name not in remaining:
                shutil.rmtree(folder)
                pruned.folders.append(folder)
    return pruned


def _delete_run(instance: dg.DagsterInstance, run_id: str) -> None:
    """Delete one run with its event log and compute logs."""
    # The default SQLite storage keeps each run's event log in a file of its own, which
    # delete_run empties but leaves behind.
    shard = getattr(instance.event_log_storage, "path_for_shard", None)
    instance.delete_run(run_id)
    if shard is not None:
        Path(shard(run_id)).unlink(missing_ok=True)
    instance.compute_log_manager.delete_logs(prefix=[run_id])
