"""Publishing replaces the file atomically under open readers; the run lock keeps runs apart."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import duckdb
import pytest

from warehouse.lock import RunLocked, run_lock
from warehouse.publish import REQUIRED_TABLES, PublishRefused, publish


def make_warehouse(path, rows: int) -> None:
    with duckdb.connect(str(path)) as con:
        for schema, table in REQUIRED_TABLES:
            con.execute(f"create schema if not exists {schema}")
            con.execute(
                f"create or replace table {schema}.{table} as select range as n from range({rows})"
            )


def test_reader_keeps_its_snapshot_while_publish_replaces_the_file(tmp_path):
    published = tmp_path / "minzheng.duckdb"
    make_warehouse(published, 1)
    reader = duckdb.connect(str(published), read_only=True)
    build = tmp_path / "build.duckdb"
    make_warehouse(build, 3)

    publish(build, published)

    assert reader.execute("select count(*) from marts.dim_region").fetchone()[0] == 1
    reader.close()
    with duckdb.connect(str(published), read_only=True) as fresh:
        assert fresh.execute("select count(*) from marts.dim_region").fetchone()[0] == 3
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_incomplete_build_is_not_published(tmp_path):
    published = tmp_path / "minzheng.duckdb"
    make_warehouse(published, 1)
    before = published.read_bytes()
    build = tmp_path / "build.duckdb"
    with duckdb.connect(str(build)) as con:
        con.execute("create table half as select 1")
    with pytest.raises(PublishRefused, match="marts.dim_region"):
        publish(build, published)
    assert published.read_bytes() == before


def test_a_build_without_the_dashboards_tables_is_not_published(tmp_path):
    published = tmp_path / "minzheng.duckdb"
    make_warehouse(published, 1)
    before = published.read_bytes()
    build = tmp_path / "build.duckdb"
    make_warehouse(build, 3)
    with duckdb.connect(str(build)) as con:
        con.execute("drop schema reporting cascade")
    with pytest.raises(PublishRefused, match="reporting.elderly_care_beds, "
                                             "reporting.social_orgs_per_10k"):
        publish(build, published)
    assert published.read_bytes() == before


def test_second_process_is_refused_clearly(tmp_path):
    lock = tmp_path / ".run.lock"
    holder = textwrap.dedent(f"""
        import sys, time
        from warehouse.lock import run_lock
        with run_lock({str(lock)!r}):
            print("held", flush=True)
            sys.stdin.readline()
    """)
    process = subprocess.Popen(
        [sys.executable, "-c", holder], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout.readline().strip() == "held"
        with pytest.raises(RunLocked, match="another minzheng run is building this warehouse"):
            with run_lock(lock):
                pass
    finally:
        process.communicate("done\n", timeout=30)
    # Released when the holder finished: the next run gets it.
    with run_lock(lock):
        with run_lock(lock):  # re-entrant within one process
            pass
