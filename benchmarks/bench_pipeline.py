"""Benchmark `minzheng run`: wall time of a full run and a no-change run on the sample data,
and of a full run on 1,000 generated documents. Prints the figures; asserts nothing.

Each run is the real command line in a fresh temporary directory (its own inbox, build
file, Dagster instance and published file), so start-up, dbt and publish are counted.
The generated documents come from bench_extract.build_corpus (the seeds in UTF-8 or
GB18030, simplified or traditional, single or repeated), each made unique by a last line.

    .venv/bin/python benchmarks/bench_pipeline.py [--documents 1000]
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

MINZHENG = str(Path(sys.executable).with_name("minzheng"))


def timed_run(documents: Path, statistics: Path, published: Path) -> float:
    """Seconds for one `minzheng run`; raises if the run fails."""
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}
    started = time.perf_counter()
    subprocess.run([MINZHENG, "run", "--documents", str(documents), "--statistics", str(statistics),
                    "--warehouse", str(published)], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def generated_inbox(target: Path, count: int) -> Path:
    target.mkdir(parents=True)
    for index, path in enumerate(build_corpus(target, count)):
        with open(path, "ab") as handle:  # ASCII is the same bytes in UTF-8 and GB18030
            handle.write(f"\ncopy {index}\n".encode("ascii"))
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
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


if __name__ == "__main__":
    main()
