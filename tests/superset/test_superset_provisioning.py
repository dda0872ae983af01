"""Applying the specs is idempotent, and an edited spec updates its chart instead of adding one."""

from __future__ import annotations

import json
import shutil

import pytest

from dashboards import provision, spec

pytestmark = pytest.mark.superset

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
