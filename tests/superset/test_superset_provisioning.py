"""Applying the specs is idempotent, and an edited spec updates its chart instead of adding one."""

from __future__ import annotations

import json
import shutil

import pytest

from dashboards import provision, spec

# One Superset server (port 8088, dashboards/.state) serves all these tests: they run on one worker.
pytestmark = [pytest.mark.superset, pytest.mark.xdist_group("superset")]

CHANGED_CHART = "eco-burial-rate-by-year"


def _chart_ids(client) -> dict[str, int]:
    return {row["uuid"]: row["id"] for row in client.list_all("chart", ["id", "uuid"])}


def test_every_spec_object_exists(client, specs):
    uuids = _chart_ids(client)
    assert all(chart.uuid in uuids for chart in specs.charts)
    for board in specs.dashboards:
        dashboard = client.get(f"/api/v1/dashboard/{board.slug}")["result"]
        assert dashboard["uuid"] == board.uuid
        assert dashboard["dashboard_title"] == board.title
        charts = client.get(f"/api/v1/dashboard/{board.slug}/charts")["result"]
        assert sorted(c["slice_name"] for c in charts) == sorted(c.title for c in board.charts)


def test_dashboards_have_region_and_year_filters(client, specs):
    for board in specs.dashboards:
        metadata = json.loads(client.get(f"/api/v1/dashboard/{board.slug}")["result"]
                              ["json_metadata"])
        columns = {f["targets"][0]["column"]["name"]
                   for f in metadata["native_filter_configuration"]}
        assert "region_label" in columns
        assert {"year", "target_year"} & columns


def test_every_dataset_is_its_reporting_table(client, specs):
    for dataset in specs.datasets.values():
        current = client.get(f"/api/v1/dataset/{client.find_by_uuid('dataset', dataset.uuid)}")
        result = current["result"]
        assert (result["schema"], result["table_name"], result["sql"]) == \
            (dataset.schema, dataset.table_name, None), dataset.key
        assert {c["column_name"] for c in result["columns"]} == set(dataset.columns)


def test_a_dataset_that_was_a_query_becomes_its_table(client, specs, published_warehouse):
    """A dataset provisioned before the reporting layer (a query over the marts) is switched
    to its table in place, with the charts on it."""
    dataset = specs.datasets["eco_burial_rate"]
    ds_id = client.find_by_uuid("dataset", dataset.uuid)
    client.put(f"/api/v1/dataset/{ds_id}", {
        "table_name": "minzheng_eco_burial_rate", "schema": None,
        "sql": "select * from marts.fct_eco_burial_rate where is_canonical"})
    client.request("PUT", f"/api/v1/dataset/{ds_id}/refresh")
    report = provision.apply(client, published_warehouse, specs)
    assert ("dataset", "eco_burial_rate", "updated") in report.changed
    assert client.find_by_uuid("dataset", dataset.uuid) == ds_id
    result = client.get(f"/api/v1/dataset/{ds_id}")["result"]
    assert (result["schema"], result["table_name"], result["sql"]) == \
        ("reporting", "eco_burial_rate", None)
    assert {c["column_name"] for c in result["columns"]} == set(dataset.columns)
    assert provision.apply(client, published_warehouse, specs).changed == []


def test_applying_twice_changes_nothing(client, specs, published_warehouse):
    provision.apply(client, published_warehouse, specs)
    before = _chart_ids(client)
    again = provision.apply(client, published_warehouse, specs)
    assert again.changed == []
    assert _chart_ids(client) == before


def test_edited_spec_updates_the_chart_in_place(client, specs, published_warehouse, tmp_path):
    edited_dir = tmp_path / "specs"
    shutil.copytree(spec.SPECS_DIR, edited_dir)
    target = next(c for c in specs.charts if c.key == CHANGED_CHART)
    path = next(b.source for b in specs.dashboards if target in b.charts)
    edited = edited_dir / "dashboards" / path.name
    text = edited.read_text(encoding="utf-8")
    assert f"title: {target.title}" in text
    edited.write_text(text.replace(f"title: {target.title}", "title: 已修改 | Edited"),
                      encoding="utf-8")
    before = _chart_ids(client)
    try:
        report = provision.apply(client, published_warehouse, spec.load(edited_dir))
        assert ("chart", CHANGED_CHART, "updated") in report.changed
        assert not [a for a in report.changed if a[0] == "chart" and a[1] != CHANGED_CHART]
        assert _chart_ids(client) == before
        chart = client.get(f"/api/v1/chart/{before[target.uuid]}")["result"]
        assert chart["slice_name"] == "已修改 | Edited"
    finally:
        restored = provision.apply(client, published_warehouse, specs)
    assert ("chart", CHANGED_CHART, "updated") in restored.changed
    assert client.get(f"/api/v1/chart/{before[target.uuid]}")["result"]["slice_name"] == \
        target.title


def test_removed_spec_is_deleted_and_comes_back(client, specs, published_warehouse, tmp_path):
    edited_dir = tmp_path / "specs"
    shutil.copytree(spec.SPECS_DIR, edited_dir)
    board = specs.dashboards[-1]
    (edited_dir / "dashboards" / board.source.name).unlink()
    try:
        report = provision.apply(client, published_warehouse, spec.load(edited_dir))
        deleted = [a for a in report.changed if a[2] == "deleted"]
        assert len([a for a in deleted if a[0] == "chart"]) == len(board.charts)
        assert len([a for a in deleted if a[0] == "dashboard"]) == 1
        uuids = _chart_ids(client)
        assert not any(chart.uuid in uuids for chart in board.charts)
    finally:
        provision.apply(client, published_warehouse, specs)
    uuids = _chart_ids(client)
    assert all(chart.uuid in uuids for chart in board.charts)
