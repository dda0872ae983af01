"""Which partitions `minzheng run` parses in one Dagster run, and the inbox sensor's requests."""

from __future__ import annotations

import dagster as dg

from orchestration.automation import inbox_sensor
from orchestration.resources import PipelineInputs
from orchestration.runner import partition_ranges
from warehouse.inputs import parser_version, scan_documents
from warehouse.parse_cache import ParseCache, parse_document
from warehouse.settings import REFERENCE_DIR


def test_partition_ranges_group_consecutive_keys():
    ordered = ["a", "b", "c", "d", "e"]
    assert partition_ranges(ordered, {"b", "c", "e"}) == [("b", "c"), ("e", "e")]
    assert partition_ranges(ordered, set(ordered)) == [("a", "e")]
    assert partition_ranges(ordered, set()) == []


def test_inbox_sensor_parses_new_files_then_asks_for_one_build(tmp_path):
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
