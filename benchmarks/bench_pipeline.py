"""Benchmark `minzheng run`: wall time, documents per second and peak memory of full,
no-change and ten-new-documents runs at growing sizes, and the disk nightly builds take.
Prints the figures; asserts nothing.

Each run is the real command line in a fresh temporary directory (its own inbox, build
file, Dagster instance and published file), so start-up, dbt and publish are counted.
First the sample data (five documents): a full run and a no-change run. Then, for each
size N of `--documents`, in an installation of its own: a full run of N generated
documents, a no-change rerun, and a run after ten new documents are added (the ten are
parsed; the warehouse is rebuilt from the parse cache of all N + 10). The generated
documents come from bench_extract.build_corpus (the seeds in UTF-8 or GB18030,
simplified or traditional, single or repeated), each made unique by a last line.

What is printed for each run:
- wall time of the command, start to exit;
- documents/s: documents in the inbox over the wall time (a no-change run reads every
  one of them and parses none; the ten-new run parses ten and lands all);
- peak memory, two ways. "largest process": the kernel's maximum resident set of the
  run's process and of every process it waited for (its parse processes, dbt), from
  wait4(2); exact, but of one process at a time. "tree": the resident sets of the run's
  process and all its descendants summed, sampled every SAMPLE_SECONDS. Pages shared
  between processes are counted in each (too much at any one moment), and a peak shorter
  than the interval can be missed (too little), so it is printed as no less than the
  largest process's.
For the full and the ten-new run, where the time went: their parse and build runs and
the build's slowest steps, from the installation's own Dagster instance. With two sizes
or more, the growth from the first to the last is printed as ratios of wall time and of
the cost per document (1.00: linear).

The disk figures come from nightly builds (`minzheng run --force`) of the sample data
with MINZHENG_KEEP_RUNS set low: the growth of one build, the plateau the pruning holds,
and from those a year of nightly builds with the default number of runs kept.

    .venv/bin/python benchmarks/bench_pipeline.py [--documents 1000 10000] [--nightly-runs 6 --keep 4]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import psutil
from bench_extract import build_corpus

from minzheng.paths import DOCUMENTS_DIR, STATISTICS_DIR
from orchestration.retention import disk_usage
from warehouse.settings import DEFAULT_KEEP_RUNS, KEEP_RUNS_VAR, Paths

MINZHENG = str(Path(sys.executable).with_name("minzheng"))
SAMPLE_SECONDS = 0.2
NEW_DOCUMENTS = 10
BUILD_JOB = "build_warehouse"


@dataclass(frozen=True)
class Measured:
    """One `minzheng run`: wall seconds, peak MB of its largest process and of its process tree."""

    seconds: float
    largest_mb: float
    tree_mb: float

    def line(self, documents: int) -> str:
        return (f"{self.seconds:7.1f} s, {documents / self.seconds:6.1f} documents/s, peak "
                f"{self.largest_mb:5.0f} MB largest process, {self.tree_mb:5.0f} MB tree")


def _tree_rss(root: psutil.Process) -> int:
    """Resident bytes of `root` and its descendants now (processes that end meanwhile count 0)."""
    total = 0
    try:
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def timed_run(documents: Path, statistics: Path, published: Path, *extra: str, **env_extra: str) -> Measured:
    """One `minzheng run` with its wall time and peak memory; raises if the run fails."""
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"} | env_extra
    started = time.perf_counter()
    process = subprocess.Popen([MINZHENG, "run", "--documents", str(documents), "--statistics", str(statistics),
                                "--warehouse", str(published), *extra], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tree_peak, finished = 0, threading.Event()

    def sample() -> None:
        nonlocal tree_peak
        root = psutil.Process(process.pid)
        while not finished.wait(SAMPLE_SECONDS):
            tree_peak = max(tree_peak, _tree_rss(root))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    # wait4 rather than Popen.wait: its rusage holds the peak of the run and its reaped children.
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    finished.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, process.args)
    largest = usage.ru_maxrss / 1024  # KiB on Linux
    return Measured(seconds, largest, max(tree_peak / 2**20, largest))


def generated_inbox(target: Path, count: int, label: str = "copy") -> Path:
    """`count` generated documents in the new folder `target`, each ending in a line `label <n>`."""
    target.mkdir(parents=True)
    for index, path in enumerate(build_corpus(target, count)):
        with open(path, "ab") as handle:  # ASCII is the same bytes in UTF-8 and GB18030
            handle.write(f"\n{label} {index}\n".encode("ascii"))
    return target


def add_documents(inbox: Path, count: int, label: str) -> None:
    """Put `count` generated documents not yet in `inbox` into it, named `<label>_...`."""
    staging = generated_inbox(inbox.parent / f"{label}-staging", count, label)
    for path in sorted(staging.iterdir()):
        path.rename(inbox / f"{label}_{path.name}")
    staging.rmdir()


@dataclass(frozen=True)
class DagsterRun:
    """One Dagster run of an installation: its job, start and end (seconds since the epoch)
    and, for a build, the seconds of each of its steps."""

    job: str
    start: float
    end: float
    steps: dict[str, float]


def run_times(documents: Path, published: Path, since: datetime) -> list[DagsterRun]:
    """The Dagster runs of this installation started since `since`, oldest first."""
    home = Paths.at(documents, STATISTICS_DIR, published).dagster_home
    found = []
    with dg.DagsterInstance.from_config(str(home)) as instance:
        for run in reversed(instance.get_runs(dg.RunsFilter(created_after=since))):
            stats = instance.get_run_stats(run.run_id)
            steps = ({step.step_key: step.end_time - step.start_time
                      for step in instance.get_run_step_stats(run.run_id)}
                     if run.job_name == BUILD_JOB else {})
            found.append(DagsterRun(run.job_name, stats.start_time, stats.end_time, steps))
    return found


def where_it_went(runs: list[DagsterRun], wall: float) -> str:
    """The Dagster runs of one `minzheng run` (parse runs side by side counted once), the
    build's three slowest steps, and the time outside every run, in a line."""
    parts, covered, reached = [], 0.0, 0.0
    for job in dict.fromkeys(run.job for run in runs):
        of_job = [run for run in runs if run.job == job]
        seconds = max(run.end for run in of_job) - min(run.start for run in of_job)
        slowest = sorted((item for run in of_job for item in run.steps.items()), key=lambda item: -item[1])[:3]
        parts.append(f"{job} {seconds:.1f} s" + (f" ({len(of_job)} runs)" if len(of_job) > 1 else "")
                     + (" (" + ", ".join(f"{step} {time:.1f} s" for step, time in slowest) + ")" if slowest else ""))
    # The union of the runs' spans: parse runs overlap when they run in several processes.
    for run in sorted(runs, key=lambda run: run.start):
        covered += max(0.0, run.end - max(run.start, reached))
        reached = max(reached, run.end)
    parts.append(f"outside Dagster's runs (start-up, planning, loading the Definitions, summary) "
                 f"{wall - covered:.1f} s")
    return "; ".join(parts)


def report(kind: str, run: Measured, documents: int, full: Measured | None = None) -> None:
    """One line of figures for one run, with its share of the full run of the same inputs."""
    share = f" ({run.seconds / full.seconds:.0%} of the full run)" if full else ""
    print(f"  {kind + ':':<25} {run.line(documents)}{share}")


def size_runs(root: Path, count: int) -> dict[str, Measured]:
    """Full, no-change and ten-new runs of `count` generated documents; prints them."""
    inbox = generated_inbox(root / "documents", count)
    size_mb = sum(p.stat().st_size for p in inbox.iterdir()) / 1e6
    published = root / "warehouse" / "minzheng.duckdb"
    since = datetime.now(UTC)
    full = timed_run(inbox, STATISTICS_DIR, published)
    full_runs = run_times(inbox, published, since)
    unchanged = timed_run(inbox, STATISTICS_DIR, published)
    add_documents(inbox, NEW_DOCUMENTS, "added")
    since = datetime.now(UTC)
    added = timed_run(inbox, STATISTICS_DIR, published)
    added_runs = run_times(inbox, published, since)
    print(f"{count} generated documents ({size_mb:.1f} MB):")
    report("full run", full, count)
    report("no-change rerun", unchanged, count, full)
    report(f"{NEW_DOCUMENTS} new documents added", added, count + NEW_DOCUMENTS, full)
    print(f"    where the full run went: {where_it_went(full_runs, full.seconds)}")
    print(f"    where the {NEW_DOCUMENTS}-new run went: {where_it_went(added_runs, added.seconds)}")
    return {"full run": full, "no-change rerun": unchanged, f"{NEW_DOCUMENTS} new documents added": added}


def growth(sizes: list[int], measured: list[dict[str, Measured]]) -> None:
    """Print, for each kind of run, how its time and cost per document grew from the first size to the last."""
    first, last = sizes[0], sizes[-1]
    print(f"growth from {first} to {last} documents ({last / first:.0f}x the documents):")
    for kind, small in measured[0].items():
        large = measured[-1][kind]
        ratio = large.seconds / small.seconds
        print(f"  {kind + ':':<25} time {ratio:5.2f}x, per document {ratio * first / last:4.2f}x, "
              f"peak tree memory {large.tree_mb / small.tree_mb:4.2f}x")


def nightly_disk(root: Path, runs: int, keep: int) -> None:
    """Disk of an installation after each of `runs` forced builds keeping `keep` runs; print it."""
    published = root / "nightly" / "warehouse" / "minzheng.duckdb"
    sizes = []
    for _ in range(runs):
        timed_run(DOCUMENTS_DIR, STATISTICS_DIR, published, "--force", **{KEEP_RUNS_VAR: str(keep)})
        sizes.append(disk_usage(published.parent))
    mb = [size / 1e6 for size in sizes]
    print(f"disk after each nightly build, keeping {keep}: " + ", ".join(f"{m:.1f}" for m in mb) + " MB")
    if runs <= keep or keep < 3:
        return
    # Builds 2 to `keep` prune nothing: each adds one build's runs, dbt target, Data Docs and
    # logs (the first also sets up the parse cache and the instance). Later builds prune.
    per_build = (mb[keep - 1] - mb[1]) / (keep - 2)
    plateau = sum(mb[keep:]) / len(mb[keep:])
    print(f"  one build adds {per_build:.1f} MB; with pruning the disk stays at {plateau:.1f} MB")
    print(f"  a year of nightly builds (365), keeping {DEFAULT_KEEP_RUNS} (default): "
          f"{plateau + per_build * (DEFAULT_KEEP_RUNS - keep):6.0f} MB; with nothing pruned: "
          f"{mb[keep - 1] + per_build * (365 - keep):6.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="*", default=[1000],
                        help="sizes of generated inboxes, each timed in an installation of its own")
    parser.add_argument("--nightly-runs", type=int, default=6, help="forced builds for the disk figures (0: none)")
    parser.add_argument("--keep", type=int, default=4, help="MINZHENG_KEEP_RUNS for those builds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        sample = Path(scratch) / "sample" / "warehouse" / "minzheng.duckdb"
        full = timed_run(DOCUMENTS_DIR, STATISTICS_DIR, sample)
        unchanged = timed_run(DOCUMENTS_DIR, STATISTICS_DIR, sample)
    print("sample data (5 documents):")
    report("full run", full, 5)
    report("no-change rerun", unchanged, 5, full)
    measured = []
    for count in args.documents:
        with tempfile.TemporaryDirectory() as scratch:
            measured.append(size_runs(Path(scratch), count))
    if len(args.documents) > 1:
        growth(args.documents, measured)
    if args.nightly_runs:
        with tempfile.TemporaryDirectory() as scratch:
            nightly_disk(Path(scratch), args.nightly_runs, args.keep)


if __name__ == "__main__":
    main()
