"""Benchmark the quality gate: what its two checks add to a `minzheng run`. Prints figures only.

Runs the real command line in fresh temporary directories (the sample data, then
generated documents from bench_extract.build_corpus) and reads the duration of each
step from the run's Dagster instance: the raw gate (Great Expectations import, the raw
suite, the split into accepted rows and quarantine, Data Docs), dbt, the marts check.

    .venv/bin/python benchmarks/bench_quality_gate.py [--documents 1000]
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import duckdb
from bench_pipeline import BUILD_JOB, generated_inbox, run_times, timed_run

from minzheng.paths import DOCUMENTS_DIR, STATISTICS_DIR
from orchestration.quality import MARTS_CHECK

STEPS = {"raw_quality_gate": "raw gate", "dbt_models": "dbt build"}


def measured_run(documents: Path, published: Path) -> dict[str, float]:
    """Wall time of one full `minzheng run`, and the seconds of its gate and dbt steps."""
    since = datetime.now(UTC)
    figures = {"run": timed_run(documents, STATISTICS_DIR, published).seconds}
    (build,) = [run for run in run_times(documents, published, since) if run.job == BUILD_JOB]
    for step, seconds in build.steps.items():
        name = STEPS.get(step, "marts gate" if MARTS_CHECK in step else None)
        if name:
            figures[name] = seconds
    with duckdb.connect(str(published), read_only=True) as con:
        figures["rows"] = con.execute(
            "select (select count(*) from raw.figure_records) + (select count(*) from raw.statistics_rows)"
        ).fetchone()[0]
    return figures


def report(label: str, figures: dict[str, float]) -> None:
    gate = figures["raw gate"] + figures["marts gate"]
    print(f"{label}: run {figures['run']:.1f} s, {figures['rows']:,} raw rows checked; "
          f"raw gate {figures['raw gate']:.1f} s, marts gate {figures['marts gate']:.1f} s "
          f"({gate / figures['run']:.0%} of the run); dbt build {figures['dbt build']:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        report("sample data (5 documents, 34 statistics rows)",
               measured_run(DOCUMENTS_DIR, root / "sample" / "minzheng.duckdb"))
        inbox = generated_inbox(root / "generated" / "documents", args.documents)
        report(f"{args.documents} generated documents",
               measured_run(inbox, root / "generated" / "minzheng.duckdb"))


if __name__ == "__main__":
    main()
