"""Each chart's data, fetched through the chart-data API, equals its query on the published file."""

from __future__ import annotations

import datetime as dt
import decimal
import json
from dataclasses import replace
from typing import Any

import pytest

from dashboards.spec import chart_sql, load

# One Superset server (port 8088, dashboards/.state) serves all these tests: they run on one worker.
pytestmark = [pytest.mark.superset, pytest.mark.xdist_group("superset")]

CHARTS = load().charts
# The facts each table chart's dataset shows, counted in the marts.
MART_FACTS = {
    **{key: f"marts.fct_{key} where is_canonical" for key in (
        "elderly_care_beds", "social_orgs_per_10k", "certified_social_workers", "eco_burial_rate",
        "target_attainment")},
    "source_conflicts": "marts.fct_source_conflicts",
}


def _value(value: Any) -> Any:
    if isinstance(value, decimal.Decimal | float):
        return round(float(value), 6)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _rows(records: list[dict[str, Any]], columns: list[str]) -> list[tuple]:
    return sorted((tuple(_value(r[c]) for c in columns) for r in records), key=repr)


@pytest.mark.parametrize("chart", CHARTS, ids=[c.key for c in CHARTS])
def test_chart_data_matches_the_published_warehouse(chart, client, warehouse):
    chart_id = client.find_by_uuid("chart", chart.uuid)
    assert chart_id is not None, f"chart {chart.key} was not provisioned"
    result = client.get(f"/api/v1/chart/{chart_id}/data/",
                        params={"format": "json", "force": "true"})["result"][0]
    columns = [*chart.groupby, *(m.name for m in chart.metrics)]
    assert result["colnames"] == columns

    cursor = warehouse.execute(chart_sql(chart))
    names = [d[0] for d in cursor.description]
    expected = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    assert len(expected) < chart.row_limit, "the row limit would cut the comparison short"
    assert _rows(result["data"], columns) == _rows(expected, columns)


@pytest.mark.parametrize("chart", [c for c in CHARTS if c.type == "table"],
                         ids=[c.key for c in CHARTS if c.type == "table"])
def test_source_tables_show_the_seed_figures(chart, client, warehouse):
    """Every fact of the mart, with its source document, is reachable from the table chart."""
    chart_id = client.find_by_uuid("chart", chart.uuid)
    data = client.get(f"/api/v1/chart/{chart_id}/data/", params={"format": "json"})["result"][0]
    # The mart's own count, not the reporting table's: one row per fact (its canonical row).
    facts = MART_FACTS[chart.dataset.key]
    (count,) = warehouse.execute(f"select count(*) from {facts}").fetchone()
    assert count > 0, f"{facts} is empty: the dashboards would show nothing"
    assert data["rowcount"] == count
    source_column = "source_document" if "source_document" in chart.columns \
        else "target_document_title"
    assert all(row[source_column] for row in data["data"]), "a value without its source"


BOARDS = load().dashboards


@pytest.mark.parametrize("board", BOARDS, ids=[b.slug for b in BOARDS])
def test_native_filters_narrow_the_charts(board, client, warehouse):
    """Each native filter, applied as the dashboard applies it, narrows every chart's data."""
    metadata = json.loads(client.get(f"/api/v1/dashboard/{board.slug}")["result"]
                          ["json_metadata"])
    natives = metadata["native_filter_configuration"]
    assert len(natives) == len(board.filters)
    for native in natives:
        column = native["targets"][0]["column"]["name"]
        (value,) = warehouse.execute(
            f"select min({column}) from {board.dataset.relation}").fetchone()
        for chart in board.charts:
            chart_id = client.find_by_uuid("chart", chart.uuid)
            assert chart_id in native["chartsInScope"], f"{chart.key} outside {native['name']}"
            context = json.loads(client.get(f"/api/v1/chart/{chart_id}")["result"]
                                 ["query_context"])
            context["queries"][0]["filters"].append({"col": column, "op": "IN", "val": [value]})
            context["force"] = True
            result = client.post("/api/v1/chart/data", context)["result"][0]
            narrowed = replace(chart, where={**chart.where, column: [value]})
            cursor = warehouse.execute(chart_sql(narrowed))
            names = [d[0] for d in cursor.description]
            expected = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
            columns = [*chart.groupby, *(m.name for m in chart.metrics)]
            assert _rows(result["data"], columns) == _rows(expected, columns), \
                f"{native['name']} = {value} on {chart.key}"
