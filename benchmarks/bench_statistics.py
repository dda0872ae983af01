"""Benchmark reading a large statistics file: seconds and peak memory against the file's size.

Writes a CSV of `--rows` rows (default 1.47 million, about 200 MB) built from the rows of
data/annual_statistics, each repeated over many region codes and years, then reads it
with warehouse.statistics.read_statistics in a fresh process and prints the time and
that process's peak resident memory. Prints the figures; asserts nothing.

    .venv/bin/python benchmarks/bench_statistics.py [--rows 1470000]
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
from pathlib import Path

from minzheng.paths import STATISTICS_DIR

READER = """
import resource, sys, time
from pathlib import Path
from warehouse.statistics import read_statistics
started = time.perf_counter()
rows, refused = read_statistics([Path(sys.argv[1])])
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(rows.height, len(refused), f"{seconds:.2f}", f"{peak:.0f}")
"""


def write_file(path: Path, rows: int) -> None:
    with open(next(STATISTICS_DIR.glob("*.csv")), encoding="utf-8") as source:
        samples = list(csv.DictReader(source))
    columns = list(samples[0])
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        for number in range(rows):
            row = dict(samples[number % len(samples)])
            row["year"] = str(1990 + (number // len(samples)) % 35)
            writer.writerow(row)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_470_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="minzheng-bench-statistics-") as folder:
        path = Path(folder) / "statistics.csv"
        write_file(path, args.rows)
        size = path.stat().st_size / 1e6
        done = subprocess.run([sys.executable, "-c", READER, str(path)], capture_output=True, text=True, check=True)
        rows, refused, seconds, peak = done.stdout.split()
        print(f"read_statistics on {int(rows):,} rows ({size:.0f} MB CSV, {refused} files refused): "
              f"{seconds} s, peak {peak} MB resident ({float(peak) / size:.1f}x the file)")


if __name__ == "__main__":
    main()
