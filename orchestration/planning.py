"""What a run has to do: which documents are new, which to parse (in how many processes),
whether to rebuild.

`plan` is the one answer for both `minzheng run` (orchestration/runner.py) and the inbox
sensor (orchestration/automation.py): it reads the inbox, the parse cache and the
fingerprint the published warehouse was built from, and changes none of them. It needs
no Dagster: a run plans before importing it, and one with nothing to do never does.
Which documents are new to the Dagster instance is asked of the plan with the instance's
partitions (`Plan.new_partitions`), by those that have one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse import settings
from warehouse.inputs import InboxDocument, input_fingerprint, parser_version, scan_documents
from warehouse.parse_cache import ParseCache
from warehouse.settings import Paths

# A parse process starts by loading the Definitions (seconds): less work than this parses
# sooner in the run's own process.
MIN_BATCH_BYTES = 4_000_000
# A parse process's memory beyond its document: Python, Dagster, the parser's catalogues.
WORKER_BASE_BYTES = 600_000_000
# A document takes up to ten times its size while it is parsed (tests/ingest/test_bad_input.py).
DOCUMENT_MEMORY_FACTOR = 10


@dataclass(frozen=True)
class Plan:
    """The state of the inputs against the parse cache, the instance and the published file."""

    inbox: dict[str, InboxDocument]
    parser_version: str
    # Document ids (content hashes), sorted.
    unparsed: list[str]
    fingerprint: str
    published_fingerprint: str | None

    @property
    def up_to_date(self) -> bool:
        """The published warehouse was built from exactly these inputs."""
        return self.fingerprint == self.published_fingerprint

    @property
    def build_due(self) -> bool:
        """Every document is parsed and the published file is not of these inputs."""
        return not self.unparsed and not self.up_to_date

    def new_partitions(self, known: Iterable[str]) -> list[str]:
        """The inbox's document ids not among the `known` partitions, sorted."""
        known = set(known)
        return sorted(key for key in self.inbox if key not in known)


def plan(paths: Paths) -> Plan:
    """Scan the inbox and say what to parse and whether a build is due."""
    inbox = scan_documents(paths.documents)
    version = parser_version(paths.reference)
    cache = ParseCache(paths.parse_cache)
    return Plan(
        inbox=inbox,
        parser_version=version,
        unparsed=sorted(key for key in inbox if not cache.is_current(key, version)),
        fingerprint=input_fingerprint(paths, inbox, version),
        published_fingerprint=published_fingerprint(paths.published),
    )


def published_fingerprint(published: Path) -> str | None:
    """The input fingerprint the published warehouse was built from, if there is one."""
    if not Path(published).exists():
        return None
    try:
        with duckdb.connect(str(published), read_only=True) as con:
            row = con.execute("select fingerprint from raw.build_info").fetchone()
    except duckdb.Error:
        return None
    return row[0] if row else None


def partition_ranges(ordered: list[str], wanted: set[str]) -> list[tuple[str, str]]:
    """Runs of consecutive wanted keys in partition order, as (first, last) pairs."""
    ranges, start, previous = [], None, None
    for key in ordered:
        if key in wanted:
            start = start or key
            previous = key
        elif start:
            ranges.append((start, previous))
            start = None
    if start:
        ranges.append((start, previous))
    return ranges


def parse_workers(total_bytes: int, largest_bytes: int) -> int:
    """How many processes parse at once: $MINZHENG_PARSE_WORKERS, else as many as the cores,
    the available memory and the work allow (1: the run's own process)."""
    chosen = settings.parse_workers()
    if chosen:
        return chosen
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    per_worker = WORKER_BASE_BYTES + DOCUMENT_MEMORY_FACTOR * largest_bytes
    by_memory = max(1, available_memory() // per_worker)
    by_work = max(1, total_bytes // MIN_BATCH_BYTES)
    return int(min(cores, by_memory, by_work))


def available_memory() -> int:
    """Bytes of memory available to new processes (MemAvailable), or all of it if unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


def parse_batches(todo: Plan, ordered: list[str],
                  workers: int | None = None) -> tuple[list[tuple[str, str]], int]:
    """The partition ranges to parse, as runs of one range each, and how many run at once.

    Consecutive unparsed partitions share a run; with several workers, ranges are cut
    into pieces of about an equal share of the bytes, so that every worker has work.
    `workers` is how many run at once (the Celery workers' processes), else parse_workers's
    answer for this machine.
    """
    wanted = set(todo.unparsed)
    sizes = {key: _size(todo.inbox[key].path) for key in wanted}
    workers = workers or parse_workers(sum(sizes.values()), max(sizes.values(), default=0))
    ranges = partition_ranges(ordered, wanted)
    if workers == 1:
        return ranges, 1
    share = sum(sizes.values()) / workers
    pieces, first, held = [], None, 0
    position = {key: index for index, key in enumerate(ordered)}
    for start, end in ranges:
        for key in ordered[position[start]:position[end] + 1]:
            first = first or key
            held += sizes[key]
            if held >= share or key == end:
                pieces.append((first, key))
                first, held = None, 0
    return pieces, workers


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # gone since the scan: its partition run says so
        return 0
