"""The one Definitions loads with the whole lineage, the jobs, the schedule and the inbox sensor."""

from __future__ import annotations

import inspect
import json
import subprocess

import dagster as dg
from dagster_dbt import DbtCliResource

from orchestration.dbt_models import DBT_EXECUTABLE, DBT_PROJECT, dbt_resource
from orchestration.definitions import load_definitions

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
    "fct_source_conflicts",
    "bridge_fact_statements",
    "fct_review_items",
)
# The reporting layer: one table per dashboard dataset.
REPORTING = (
    "elderly_care_beds",
    "social_orgs_per_10k",
    "certified_social_workers",
    "eco_burial_rate",
    "target_attainment",
    "source_conflicts",
    "data_coverage",
)
RAW = (
    "documents",
    "figure_records",
    "figures",
    "ingest_errors",
    "statistics_rows",
    "statistics_file_errors",
    "annual_statistics",
    "quarantine",
    "regions",
    "population",
    "indicators",
    "units",
    "document_origins",
    "source_precedence",
    "review_decisions",
    "review_refusals",
)


def test_asset_graph_runs_from_document_partitions_to_publish():
    graph = load_definitions().resolve_asset_graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert {"documents", "published_warehouse"} <= keys
    assert {f"raw/{name}" for name in RAW} <= keys
    assert {f"marts/{name}" for name in MARTS} <= keys
    assert {f"reporting/{name}" for name in REPORTING} <= keys
    # Lineage: document partitions -> raw figures -> staging -> ... -> marts -> reporting -> publish.
    upstream = graph.get(dg.AssetKey(["published_warehouse"])).parent_keys
    assert dg.AssetKey(["marts", "fct_target_attainment"]) in upstream
    assert {dg.AssetKey(["reporting", name]) for name in REPORTING} <= upstream
    assert dg.AssetKey(["marts", "fct_target_attainment"]) in graph.get(
        dg.AssetKey(["reporting", "target_attainment"])).parent_keys
    figures = graph.get(dg.AssetKey(["staging", "stg_ingest__figures"])).parent_keys
    assert figures == {dg.AssetKey(["raw", "figures"])}
    # dbt reads only what passed the quality gate, which reads what the parser landed.
    assert dg.AssetKey(["raw", "figure_records"]) in graph.get(dg.AssetKey(["raw", "figures"])).parent_keys
    assert graph.get(dg.AssetKey(["raw", "figure_records"])).parent_keys == {dg.AssetKey(["documents"])}
    assert isinstance(
        graph.get(dg.AssetKey(["documents"])).partitions_def, dg.DynamicPartitionsDefinition
    )


def test_quality_gate_checks_block_what_they_guard():
    """The raw suite guards the tables dbt reads, the marts suite the observations mart; both block."""
    graph = load_definitions().resolve_asset_graph()
    checks = {(key.asset_key.to_user_string(), key.name): graph.get_check_spec(key)
              for key in graph.asset_check_keys}
    assert set(checks) == {
        ("raw/figures", "raw_observations_suite"),
        ("raw/annual_statistics", "raw_observations_suite"),
        ("marts/fct_indicator_observations", "marts_observations_suite"),
    }
    assert all(spec.blocking for spec in checks.values())
    # Publishing is downstream of every guarded asset, so a failed check skips it.
    upstream = graph.get(dg.AssetKey(["published_warehouse"])).parent_keys
    assert dg.AssetKey(["marts", "fct_indicator_observations"]) in upstream
    guarded_by_raw = {dg.AssetKey(["raw", "figures"]), dg.AssetKey(["raw", "annual_statistics"])}
    assert guarded_by_raw <= graph.get(dg.AssetKey(["staging", "stg_ingest__figures"])).parent_keys | \
        graph.get(dg.AssetKey(["staging", "stg_statistics__annual_statistics"])).parent_keys
    # The whole build job runs them: a build without its checks would publish unchecked data.
    job = load_definitions().resolve_job_def("build_warehouse")
    assert {key.name for key in job.asset_layer.asset_graph.asset_check_keys} == {
        "raw_observations_suite", "marts_observations_suite"}


def test_jobs_schedule_and_sensor():
    assert load_definitions().resolve_job_def("parse_documents") is not None
    assert load_definitions().resolve_job_def("build_warehouse") is not None
    schedule = load_definitions().resolve_schedule_def("nightly_build")
    assert (schedule.cron_schedule, schedule.execution_timezone) == ("0 2 * * *", "Asia/Shanghai")
    assert schedule.job_name == "build_warehouse"
    sensor = load_definitions().resolve_sensor_def("inbox_sensor")
    assert {target.job_name for target in sensor.targets} == {
        "parse_documents", "parse_documents_celery", "build_warehouse"}


def test_the_celery_parse_job_parses_the_same_partitions_on_dagster_celery():
    local = load_definitions().resolve_job_def("parse_documents")
    celery = load_definitions().resolve_job_def("parse_documents_celery")
    assert celery.executor_def.name == "celery"
    assert celery.partitions_def == local.partitions_def
    assert celery.asset_layer.executable_asset_keys == local.asset_layer.executable_asset_keys


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
    marts = [node for node in models if node["schema"] in ("marts", "reporting")]
    assert all(node["description"].startswith("One row per") for node in marts)
    assert all(node["columns"] for node in models)


def test_not_null_columns_name_declared_columns():
    """Each model's not_null_columns test lists columns the model declares, each once."""
    manifest = json.loads(DBT_PROJECT.manifest_path.read_text(encoding="utf-8"))
    tests = [node for node in manifest["nodes"].values()
             if node.get("test_metadata", {}).get("name") == "not_null_columns"]
    assert tests
    for test in tests:
        model = manifest["nodes"][test["attached_node"]]
        columns = test["test_metadata"]["kwargs"]["columns"]
        assert len(set(columns)) == len(columns), test["name"]
        assert set(columns) <= set(model["columns"]), test["name"]


def test_the_dbt_resource_overrides_what_dagster_dbt_still_does():
    """LocalDbtCliResource replaces two private methods of dagster-dbt's: DbtCliResource.cli
    must still call them (else the override does nothing), and the version it assumes is
    the one the dbt executable reports."""
    source = inspect.getsource(DbtCliResource.cli)
    assert "self._cli_version" in source and "self._initialize_dbt_core_adapter(" in source
    reported = subprocess.check_output([DBT_EXECUTABLE, "--version"], text=True)
    assert f"installed: {dbt_resource()._cli_version}" in reported
