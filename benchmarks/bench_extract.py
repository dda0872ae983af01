"""Benchmark `minzheng extract`: MB/s and documents/s on one core over a corpus built from the seeds.

The corpus (default 250 documents) varies the five sample documents the ways real
copies vary: UTF-8 or GB18030 bytes, simplified or traditional characters, one copy
or several pasted together. Prints the figures; asserts nothing. `--corpus DIR` extracts
the documents of a directory instead (corpus/dev/docs: many short documents, where what a
document costs before its text is read counts most).

    .venv/bin/python benchmarks/bench_extract.py [--documents 250] [--repeat 3] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import opencc

from ingest.extract import DocumentRejected, extract_file
from minzheng.paths import DOCUMENTS_DIR
from warehouse.inputs import is_origin_file


def build_corpus(target: Path, count: int) -> list[Path]:
    """`count` documents derived from the seeds, written into `target`."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(DOCUMENTS_DIR.glob("*.txt"))]
    traditional = opencc.OpenCC("s2t")
    paths = []
    for index in range(count):
        text = seeds[index % len(seeds)]
        variant = index // len(seeds)
        if variant % 3 == 1:
            text = traditional.convert(text)
        if variant % 4 == 3:
            text = text * 3
        encoding = "gb18030" if variant % 2 else "utf-8"
        path = target / f"doc_{index:04d}.txt"
        path.write_bytes(text.encode(encoding))
        paths.append(path)
    return paths


def _records(path: Path) -> int:
    """How many figure records a document gives; a refused document gives none."""
    try:
        return len(extract_file(path).records)
    except DocumentRejected:
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=250)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path, help="extract the documents of this directory instead")
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    with tempfile.TemporaryDirectory() as directory:
        if args.corpus:
            paths = [p for p in sorted(args.corpus.iterdir())
                     if p.is_file() and not p.name.startswith(".") and not is_origin_file(p)]
        else:
            paths = build_corpus(Path(directory), args.documents)
        total_mb = sum(p.stat().st_size for p in paths) / 2**20
        _records(paths[0])  # load the catalogue, region table and OpenCC once, as a long run does
        timings, records = [], 0
        for _ in range(args.repeat):
            start = time.perf_counter()
            records = sum(map(_records, paths))
            timings.append(time.perf_counter() - start)
        best = min(timings)
        cli_start = time.perf_counter()
        command = subprocess.run([str(Path(sys.executable).with_name("minzheng")), "extract", *map(str, paths)],
                                 stdout=subprocess.DEVNULL)
        if command.returncode not in (0, 2):  # 2: some document was refused, as in the loop above
            raise SystemExit(f"minzheng extract failed with exit status {command.returncode}")
        cli_seconds = time.perf_counter() - cli_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(paths)} documents, {total_mb:.1f} MB, {records} figure records")
    print(f"in-process, one core: best of {args.repeat} {best:.2f} s "
          f"(median {statistics.median(timings):.2f} s)")
    print(f"  {total_mb / best:.2f} MB/s, {len(paths) / best:.1f} documents/s")
    print(f"command line (one process, start-up included): {cli_seconds:.2f} s, "
          f"{total_mb / cli_seconds:.2f} MB/s")
    print(f"peak resident memory of the benchmark process: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
