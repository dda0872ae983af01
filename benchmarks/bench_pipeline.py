"""Benchmark `minzheng run`: wall time of a full run and a no-change run on the sample data,
of a full run on 1,000 generated documents, and the disk nightly builds take. Prints the
figures; asserts nothing.

Each run is the real command line in a fresh temporary directory (its own inbox, build
file, Dagster instance and published file), so start-up, dbt and publish are counted.
The generated documents come from bench_extract.build_corpus (the seeds in UTF-8 or
GB18030, simplified or traditional, single or repeated), each made unique by a last line.

The disk figures come from nightly builds (`minzheng run --force`) of the sample data
with MINZHENG_KEEP_RUNS set low: the growth of one build, the plateau the pruning holds,
and from those a year of nightly builds with the default number of runs kept.

    .venv/bin/python benchmarks/bench_pipeline.py [--documents 1000] [--nightly-runs 6 --keep 4]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_extract import build_corpus

from minzheng.paths import DOCUMENTS_DIR, STATISTICS_DIR
from orchestration.retention import disk_usage
from warehouse.settings import DEFAULT_KEEP_RUNS, KEEP_RUNS_VAR

MINZHENG = str(Path(sys.executable).with_name("minzheng"))


def timed_run(documents: Path, statistics: Path, published: Path, *extra: str, **env_extra: str) -> float:
    """Seconds for one `minzheng run`; raises if the run fails."""
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"} | env_extra
    started = time.perf_counter()
    subprocess.run([MINZHENG, "run", "--documents", str(documents), "--statistics", str(statistics),
                    "--warehouse", str(published), *extra], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def generated_inbox(target: Path, count: int) -> Path:
    target.mkdir(parents=True)
    for index, path in enumerate(build_corpus(target, count)):
        with open(path, "ab") as handle:  # ASCII is the same bytes in UTF-8 and GB18030
            handle.write(f"\ncopy {index}\n".encode("ascii"))
    return target


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
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--nightly-runs", type=int, default=6, help="forced builds for the disk figures (0: none)")
    parser.add_argument("--keep", type=int, default=4, help="MINZHENG_KEEP_RUNS for those builds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        sample = root / "sample" / "warehouse" / "minzheng.duckdb"
        full = timed_run(DOCUMENTS_DIR, STATISTICS_DIR, sample)
        unchanged = timed_run(DOCUMENTS_DIR, STATISTICS_DIR, sample)
        inbox = generated_inbox(root / "generated" / "documents", args.documents)
        size_mb = sum(p.stat().st_size for p in inbox.iterdir()) / 1e6
        generated = root / "generated" / "warehouse" / "minzheng.duckdb"
        large = timed_run(inbox, STATISTICS_DIR, generated)
        shutil.rmtree(inbox)
    print(f"full run, sample data (5 documents):        {full:6.1f} s")
    print(f"no-change run, sample data:                 {unchanged:6.1f} s "
          f"({unchanged / full:.0%} of the full run)")
    print(f"full run, {args.documents} generated documents ({size_mb:.1f} MB): "
          f"{large:6.1f} s ({args.documents / large:.1f} documents/s)")
    if args.nightly_runs:
        with tempfile.TemporaryDirectory() as scratch:
            nightly_disk(Path(scratch), args.nightly_runs, args.keep)


if __name__ == "__main__":
    main()
