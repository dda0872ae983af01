"""Benchmark reading a large statistics file: seconds and peak memory against the file's size.

Writes a CSV of `--rows` rows (default 1.47 million, about 200 MB) built from the rows of
data/annual_statistics, each repeated over many region codes and years, then reads it
with warehouse.statistics.read_statistics in a fresh process and prints the time and
that process's peak resident memory. Prints the figures; asserts nothing.

With `--full-run`, the rows are instead distinct facts (every indicator of the sample file,
for every region of data/reference/regions.csv and every year from 1949 on, split over as
many files as it takes), and a whole `minzheng run` lands, validates, builds and publishes
them with the sample documents: its time and the peak resident memory of its largest
process (the run itself; dbt's subprocess is counted on its own).

    .venv/bin/python benchmarks/bench_statistics.py [--rows 1470000] [--full-run]
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from minzheng.paths import DOCUMENTS_DIR, REFERENCE_DIR, STATISTICS_DIR

FIRST_YEAR, LAST_YEAR = 1949, 2024

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


def write_distinct_facts(folder: Path, rows: int) -> list[Path]:
    """CSV files holding `rows` distinct (region, indicator, year) facts between them."""
    with open(next(STATISTICS_DIR.glob("*.csv")), encoding="utf-8") as source:
        samples = list(csv.DictReader(source))
    by_indicator = {row["indicator"]: row for row in samples}
    with open(REFERENCE_DIR / "regions.csv", encoding="utf-8") as handle:
        regions = [(row["region_code"], row["region"]) for row in csv.DictReader(handle)]
    per_file = len(by_indicator) * len(regions) * (LAST_YEAR - FIRST_YEAR + 1)
    paths, written = [], 0
    while written < rows:
        path = folder / f"statistics_{len(paths) + 1}.csv"
        with open(path, "w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=list(samples[0]))
            writer.writeheader()
            for number in range(min(per_file, rows - written)):
                indicator = list(by_indicator)[number % len(by_indicator)]
                code, name = regions[(number // len(by_indicator)) % len(regions)]
                year = FIRST_YEAR + number // (len(by_indicator) * len(regions))
                writer.writerow(by_indicator[indicator] | {"region_code": code, "region": name, "year": str(year)})
        written += min(per_file, rows - written)
        paths.append(path)
    return paths


def full_run(rows: int) -> None:
    with tempfile.TemporaryDirectory(prefix="minzheng-bench-statistics-") as folder:
        statistics = Path(folder) / "statistics"
        statistics.mkdir()
        files = write_distinct_facts(statistics, rows)
        size = sum(path.stat().st_size for path in files) / 1e6
        minzheng = str(Path(sys.executable).with_name("minzheng"))
        env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}
        started = time.perf_counter()
        done = subprocess.run([minzheng, "run", "--documents", str(DOCUMENTS_DIR), "--statistics", str(statistics),
                               "--warehouse", str(Path(folder) / "published.duckdb")],
                              env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        outcome = "published" if done.returncode == 0 else f"failed ({done.stderr.strip().splitlines()[-1:]})"
        print(f"minzheng run with {rows:,} statistics rows in {len(files)} files ({size:.0f} MB CSV): "
              f"{outcome} in {seconds:.1f} s, peak {peak:.0f} MB resident in its largest process "
              f"({peak / size:.1f}x the files)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_470_000)
    parser.add_argument("--full-run", action="store_true", help="time a whole minzheng run on distinct facts")
    args = parser.parse_args()
    if args.full_run:
        full_run(args.rows)
        return
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
