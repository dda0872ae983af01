"""Time the query behind every dashboard chart on the published warehouse: median and p95.

Each chart's query (dashboards.spec.chart_sql, the same SQL the tests compare
Superset's chart data with) runs REPEAT times on the published DuckDB file,
opened read-only with external access off as Superset opens it. Two figures per
chart: the query alone on an open connection, and connect + query + close, which
is what each chart request costs Superset (it keeps no pooled connection).
The bar is p95 under 50 ms for the query; connect + query is shown beside it.

    .venv/bin/python benchmarks/bench_dashboard_queries.py [--repeat 50]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboards.spec import chart_sql, load, published_warehouse  # noqa: E402

BAR_MS = 50.0


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def _time(run, repeat: int) -> list[float]:
    run()  # warm the OS page cache and DuckDB's parser once
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args(argv)
    specs = load()
    path = published_warehouse()
    if not path.exists():
        print(f"no published warehouse at {path}: run `make run` first", file=sys.stderr)
        return 1

    def fresh(sql: str) -> None:
        con = duckdb.connect(str(path), **specs.connect_args)
        con.execute(sql).fetchall()
        con.close()

    print(f"warehouse: {path}  ({path.stat().st_size / 1e6:.1f} MB), {args.repeat} runs per query")
    print(f"duckdb {duckdb.__version__}; times in ms")
    print(f"{'chart':48} {'rows':>6} {'median':>8} {'p95':>8} {'conn median':>12} {'conn p95':>9}")
    worst_query = worst_connected = 0.0
    for chart in specs.charts:
        sql = chart_sql(chart)
        con = duckdb.connect(str(path), **specs.connect_args)
        rows = len(con.execute(sql).fetchall())
        alone = _time(lambda sql=sql, con=con: con.execute(sql).fetchall(), args.repeat)
        # Closed first: DuckDB would otherwise hand the open database to the new connection.
        con.close()
        connected = _time(lambda sql=sql: fresh(sql), args.repeat)
        worst_query = max(worst_query, _p95(alone))
        worst_connected = max(worst_connected, _p95(connected))
        print(f"{chart.key:48} {rows:6d} {statistics.median(alone):8.2f} {_p95(alone):8.2f} "
              f"{statistics.median(connected):12.2f} {_p95(connected):9.2f}")
    for label, worst in (("query", worst_query), ("connect + query", worst_connected)):
        verdict = "under" if worst < BAR_MS else "OVER"
        print(f"worst p95, {label}: {worst:.2f} ms, {verdict} the {BAR_MS:.0f} ms bar")
    print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
