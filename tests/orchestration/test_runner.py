"""The plan: which partitions `minzheng run` parses in which runs and processes, and the
inbox sensor's requests."""

from __future__ import annotations

import os

import dagster as dg

from orchestration.automation import inbox_sensor
from orchestration.planning import (
    Plan,
    available_memory,
    parse_batches,
    parse_workers,
    partition_ranges,
    plan,
)
from orchestration.resources import PipelineInputs
from warehouse.inputs import parser_version, scan_documents
from warehouse.parse_cache import ParseCache, parse_document
from warehouse.settings import EXECUTOR_VAR, PARSE_WORKERS_VAR, REFERENCE_DIR, Paths


def test_partition_ranges_group_consecutive_keys():
    ordered = ["a", "b", "c", "d", "e"]
    assert partition_ranges(ordered, {"b", "c", "e"}) == [("b", "c"), ("e", "e")]
    assert partition_ranges(ordered, set(ordered)) == [("a", "e")]
    assert partition_ranges(ordered, set()) == []


def test_inbox_sensor_parses_new_files_then_asks_for_one_build(tmp_path, monkeypatch):
    documents, statistics = tmp_path / "documents", tmp_path / "statistics"
    documents.mkdir()
    statistics.mkdir()
    (documents / "a.txt").write_text(
        "芜湖市民政局 到2025年底,养老机构护理型床位比不低于55。\n", encoding="utf-8"
    )
    published = tmp_path / "warehouse" / "minzheng.duckdb"
    inputs = PipelineInputs(
        documents_dir=str(documents),
        statistics_dir=str(statistics),
        published_file=str(published),
        build_file=str(published.parent / "build" / "minzheng.build.duckdb"),
    )
    with dg.instance_for_test() as instance:
        result = inbox_sensor(
            dg.build_sensor_context(instance=instance, resources={"inputs": inputs})
        )
        (key,) = scan_documents(documents)
        assert [request.partition_key for request in result.run_requests] == [key]
        assert result.run_requests[0].job_name == "parse_documents"
        assert result.dynamic_partitions_requests[0].partition_keys == [key]
        # On a cluster, the same parse on the Celery workers.
        monkeypatch.setenv(EXECUTOR_VAR, "celery")
        result = inbox_sensor(
            dg.build_sensor_context(instance=instance, resources={"inputs": inputs})
        )
        assert [(request.job_name, request.partition_key) for request in result.run_requests] == [
            ("parse_documents_celery", key)]
        monkeypatch.delenv(EXECUTOR_VAR)

        # Once the document is parsed, the sensor asks for one build of these inputs.
        ParseCache(inputs.paths().parse_cache).write(
            parse_document(scan_documents(documents)[key], parser_version(REFERENCE_DIR))
        )
        instance.add_dynamic_partitions("documents", [key])
        result = inbox_sensor(
            dg.build_sensor_context(instance=instance, resources={"inputs": inputs})
        )
        assert [request.job_name for request in result.run_requests] == ["build_warehouse"]
        assert result.dynamic_partitions_requests == []


def _plan_of(documents, tmp_path) -> Plan:
    return plan(Paths.at(documents, tmp_path / "statistics", tmp_path / "warehouse" / "minzheng.duckdb"))


def test_parse_batches_share_the_bytes_between_workers(tmp_path, monkeypatch):
    documents = tmp_path / "documents"
    documents.mkdir()
    (tmp_path / "statistics").mkdir()
    for number in range(4):
        (documents / f"{number}.txt").write_text(f"芜湖市民政局 到2025年底,养老床位{number}万张。\n" * 50,
                                                 encoding="utf-8")
    todo = _plan_of(documents, tmp_path)
    ordered = sorted(todo.inbox)
    assert todo.unparsed == ordered and not todo.up_to_date
    assert todo.new_partitions([]) == ordered and todo.new_partitions(ordered[:1]) == ordered[1:]

    # A few kilobytes: not worth a process of its own, one run parses every partition.
    monkeypatch.delenv(PARSE_WORKERS_VAR, raising=False)
    assert parse_batches(todo, ordered) == ([(ordered[0], ordered[3])], 1)

    monkeypatch.setenv(PARSE_WORKERS_VAR, "2")
    assert parse_batches(todo, ordered) == ([(ordered[0], ordered[1]), (ordered[2], ordered[3])], 2)
    # A document already parsed splits the ranges: it is never parsed again.
    cache = Paths.at(documents, tmp_path / "statistics", tmp_path / "warehouse" / "minzheng.duckdb").parse_cache
    ParseCache(cache).write(parse_document(todo.inbox[ordered[1]], todo.parser_version))
    todo = _plan_of(documents, tmp_path)
    assert parse_batches(todo, ordered) == ([(ordered[0], ordered[0]), (ordered[2], ordered[3])], 2)


def test_parse_workers_are_bounded_by_cores_memory_and_work(monkeypatch):
    monkeypatch.delenv(PARSE_WORKERS_VAR, raising=False)
    cores = len(os.sched_getaffinity(0))
    assert parse_workers(total_bytes=1_000, largest_bytes=100) == 1
    assert parse_workers(total_bytes=10**12, largest_bytes=100) == min(
        cores, available_memory() // (600_000_000 + 1_000))
    # A document so large that one parse takes all the memory there is: one at a time.
    assert parse_workers(total_bytes=10**12, largest_bytes=available_memory()) == 1
    monkeypatch.setenv(PARSE_WORKERS_VAR, "3")
    assert parse_workers(total_bytes=1_000, largest_bytes=100) == 3
