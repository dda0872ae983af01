"""The one Definitions loads with the whole lineage, the jobs, the schedule and the inbox sensor."""

from __future__ import annotations

import json

import dagster as dg

from orchestration.dbt_models import DBT_PROJECT
from orchestration.definitions import defs

MARTS = (
    "dim_region",
    "dim_indicator",
    "dim_document",
    "fct_plan_figures",
    "fct_annual_statistics",
    "fct_indicator_observations",
    "fct_elderly_care_beds",
    "fct_social_orgs_per_10k",
    "fct_certified_social_workers",
    "fct_eco_burial_rate",
    "fct_target_attainment",
)
RAW = (
    "documents",
    "figures",
    "ingest_errors",
    "annual_statistics",
    "annual_statistics_rejects",
    "regions",
    "population",
    "indicators",
    "units",
)


def test_asset_graph_runs_from_document_partitions_to_publish():
    graph = defs.resolve_asset_graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert {"documents", "published_warehouse"} <= keys
    assert {f"raw/{name}" for name in RAW} <= keys
    assert {f"marts/{name}" for name in MARTS} <= keys
    # Lineage: document partitions -> raw figures -> staging -> ... -> marts -> publish.
    upstream = graph.get(dg.AssetKey(["published_warehouse"])).parent_keys
    assert dg.AssetKey(["marts", "fct_target_attainment"]) in upstream
    figures = graph.get(dg.AssetKey(["staging", "stg_ingest__figures"])).parent_keys
    assert figures == {dg.AssetKey(["raw", "figures"])}
    assert graph.get(dg.AssetKey(["raw", "figures"])).parent_keys == {dg.AssetKey(["documents"])}
    assert isinstance(
        graph.get(dg.AssetKey(["documents"])).partitions_def, dg.DynamicPartitionsDefinition
    )


def test_jobs_schedule_and_sensor():
    assert defs.resolve_job_def("parse_documents") is not None
    assert defs.resolve_job_def("build_warehouse") is not None
    schedule = defs.resolve_schedule_def("nightly_build")
    assert (schedule.cron_schedule, schedule.execution_timezone) == ("0 2 * * *", "Asia/Shanghai")
    assert schedule.job_name == "build_warehouse"
    sensor = defs.resolve_sensor_def("inbox_sensor")
    assert {target.job_name for target in sensor.targets} == {"parse_documents", "build_warehouse"}


def test_every_model_and_column_is_described():
    """Grain-first descriptions on every model, and a description on every declared column."""
    manifest = json.loads(DBT_PROJECT.manifest_path.read_text(encoding="utf-8"))
    models = [node for node in manifest["nodes"].values() if node["resource_type"] == "model"]
    assert len(models) >= 23
    blank = [node["name"] for node in models if not node["description"].strip()]
    blank += [
        f"{node['name']}.{column}"
        for node in models
        for column, spec in node["columns"].items()
        if not spec["description"].strip()
    ]
    assert blank == []
    marts = [node for node in models if node["schema"] == "marts"]
    assert all(node["description"].startswith("One row per") for node in marts)
    assert all(node["columns"] for node in models)
