"""Apply dashboards/specs to a running Superset through its REST API, idempotently.

Every database, dataset, chart and dashboard gets a UUID derived from its key
in the specs (see spec.py), is created with it and found by it afterwards, and
is updated only where it differs from its spec. Applying twice therefore
changes nothing, and editing a spec and applying again updates the object in
place. Objects this client once made whose spec is gone are deleted.

    python -m dashboards.provision [--url http://127.0.0.1:8088]

The admin password comes from $MINZHENG_SUPERSET_PASSWORD or the file that
`make dashboards` generated (see instance.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from dashboards import instance
from dashboards import spec as specs_module
from dashboards.spec import Chart, Dashboard, Dataset, Specs

TIMEOUT_S = 60
PAGE_SIZE = 100
# Objects made here are flagged "managed externally" (Superset's UI then refuses to
# edit them: the specs are their source) and link to their spec file.
SPEC_LINK = "minzheng:dashboards/specs/"


class ProvisionError(RuntimeError):
    """Superset refused a request while applying the specs."""


class LoginFailed(ProvisionError):
    """The username and password were refused."""


class SupersetClient:
    """A logged-in session on Superset's REST API (JWT plus the CSRF token it requires)."""

    def __init__(self, url: str, username: str, password: str):
        self.url = url.rstrip("/")
        self.username = username
        self._password = password
        self.session = requests.Session()
        self.login()

    def login(self) -> None:
        self.session.headers.pop("Authorization", None)
        response = self.session.post(
            f"{self.url}/api/v1/security/login",
            json={"username": self.username, "password": self._password,
                  "provider": "db", "refresh": True},
            timeout=TIMEOUT_S,
        )
        if response.status_code == 401:
            raise LoginFailed(f"Superset refused the login of {self.username!r}")
        response.raise_for_status()
        self.session.headers["Authorization"] = f"Bearer {response.json()['access_token']}"
        csrf = self.session.get(f"{self.url}/api/v1/security/csrf_token/", timeout=TIMEOUT_S)
        csrf.raise_for_status()
        self.session.headers["X-CSRFToken"] = csrf.json()["result"]
        self.session.headers["Referer"] = self.url

    def request(self, method: str, path: str, *, ok: tuple[int, ...] = (200, 201),
                **kwargs: Any) -> requests.Response:
        """Send a request; log in again once if the token expired; raise on other errors."""
        kwargs.setdefault("timeout", TIMEOUT_S)
        response = self.session.request(method, f"{self.url}{path}", **kwargs)
        if response.status_code == 401:
            self.login()
            response = self.session.request(method, f"{self.url}{path}", **kwargs)
        if response.status_code not in ok:
            raise ProvisionError(
                f"{method} {path} answered {response.status_code}: {response.text[:500]}")
        return response

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.request("GET", path, **kwargs).json()

    def post(self, path: str, payload: dict[str, Any]) -> Any:
        return self.request("POST", path, json=payload).json()

    def put(self, path: str, payload: dict[str, Any]) -> Any:
        return self.request("PUT", path, json=payload).json()

    def delete(self, path: str) -> None:
        self.request("DELETE", path)

    def list_all(self, resource: str, columns: list[str]) -> list[dict[str, Any]]:
        """Every row of /api/v1/<resource>/ with the given columns (all pages)."""
        rows: list[dict[str, Any]] = []
        page = 0
        while True:
            query = f"(columns:!({','.join(columns)}),page:{page},page_size:{PAGE_SIZE})"
            result = self.get(f"/api/v1/{resource}/", params={"q": query})["result"]
            rows.extend(result)
            if len(result) < PAGE_SIZE:
                return rows
            page += 1

    def find_by_uuid(self, resource: str, uuid: str) -> int | None:
        for row in self.list_all(resource, ["id", "uuid"]):
            if row.get("uuid") == uuid:
                return row["id"]
        return None


@dataclass
class Report:
    """What applying the specs did, object by object."""

    actions: list[tuple[str, str, str]] = field(default_factory=list)
    ids: dict[tuple[str, str], int] = field(default_factory=dict)

    def record(self, kind: str, key: str, action: str, object_id: int | None = None) -> None:
        self.actions.append((kind, key, action))
        if object_id is not None:
            self.ids[(kind, key)] = object_id

    @property
    def changed(self) -> list[tuple[str, str, str]]:
        return [a for a in self.actions if a[2] != "unchanged"]

    def summary(self) -> str:
        counts = Counter((kind, action) for kind, _key, action in self.actions)
        kinds = dict.fromkeys(kind for kind, _key, _action in self.actions)
        lines = []
        for kind in kinds:
            parts = [f"{action} {n}" for (k, action), n in sorted(counts.items()) if k == kind]
            lines.append(f"  {kind}: {', '.join(parts)}")
        return "Provisioned Superset from dashboards/specs:\n" + "\n".join(lines)


MANAGED = {"is_managed_externally": True}


def _link(source: str) -> dict[str, Any]:
    """Fields sent when creating or updating an object described by the spec file `source`."""
    return {**MANAGED, "external_url": SPEC_LINK + source}


def _differs(current: dict[str, Any], desired: dict[str, Any]) -> dict[str, Any]:
    """The entries of `desired` that differ from `current` (JSON strings compared parsed)."""
    changed = {}
    for key, want in desired.items():
        have = current.get(key)
        if isinstance(want, str) and isinstance(have, str) and want[:1] in "{[":
            try:
                if json.loads(have) == json.loads(want):
                    continue
            except ValueError:
                pass
        if have != want:
            changed[key] = want
    return changed


# -- database -------------------------------------------------------------------------

def apply_database(client: SupersetClient, specs: Specs, warehouse: Path, report: Report) -> int:
    db = specs.database
    desired = {
        "database_name": db["name"],
        "sqlalchemy_uri": f"duckdb:///{warehouse}",
        "extra": json.dumps(db["extra"], sort_keys=True),
        **{flag: bool(db.get(flag, False)) for flag in
           ("expose_in_sqllab", "allow_dml", "allow_ctas", "allow_cvas", "allow_file_upload",
            "allow_run_async")},
        **MANAGED,
    }
    db_id = client.find_by_uuid("database", specs.database_uuid)
    if db_id is None:
        db_id = client.post("/api/v1/database/", {
            **desired, **_link("database.yaml"), "uuid": specs.database_uuid})["id"]
        report.record("database", db["name"], "created", db_id)
        return db_id
    current = client.get(f"/api/v1/database/{db_id}/connection")["result"]
    changed = _differs(current, desired)
    if changed:
        client.put(f"/api/v1/database/{db_id}", changed)
    report.record("database", db["name"], "updated" if changed else "unchanged", db_id)
    return db_id


# -- datasets -------------------------------------------------------------------------

COLUMN_FIELDS = ("id", "column_name", "type", "verbose_name", "description", "expression",
                 "filterable", "groupby", "is_active", "is_dttm", "python_date_format")


def apply_dataset(client: SupersetClient, dataset: Dataset, db_id: int, report: Report) -> int:
    """A physical dataset on the dataset's reporting table, with its labels and metrics."""
    ds_id = client.find_by_uuid("dataset", dataset.uuid)
    action = "unchanged"
    if ds_id is None:
        ds_id = client.post("/api/v1/dataset/", {
            "database": db_id, "schema": dataset.schema, "table_name": dataset.table_name,
            "uuid": dataset.uuid, **_link("datasets.yaml"),
        })["id"]
        action = "created"
    current = client.get(f"/api/v1/dataset/{ds_id}")["result"]
    # `sql` None: a table, not a query (a dataset provisioned before the reporting layer
    # was a query over the marts, and becomes its table here).
    basics = _differs(
        {**current, "database_id": current["database"]["id"]},
        {"table_name": dataset.table_name, "schema": dataset.schema, "sql": None,
         "database_id": db_id, "description": dataset.description, **MANAGED},
    )
    if basics:
        client.put(f"/api/v1/dataset/{ds_id}", {**basics, **_link("datasets.yaml")})
    if basics or {c["column_name"] for c in current["columns"]} != set(dataset.columns):
        # Another table, or the model's columns changed: let Superset read them again.
        client.request("PUT", f"/api/v1/dataset/{ds_id}/refresh")
        current = client.get(f"/api/v1/dataset/{ds_id}")["result"]
        action = action if action == "created" else "updated"

    columns = [{k: column.get(k) for k in COLUMN_FIELDS if k in column}
               for column in current["columns"]]
    relabelled = False
    for column in columns:
        want = dataset.labels.get(column["column_name"])
        if want and column.get("verbose_name") != want:
            column["verbose_name"] = want
            relabelled = True
        if column.get("python_date_format") is None:
            column.pop("python_date_format", None)
    have_metrics = {m["metric_name"]: m for m in current["metrics"]}
    metrics = [
        {**({"id": have_metrics[m.name]["id"]} if m.name in have_metrics else {}),
         "metric_name": m.name, "expression": m.expression, "verbose_name": m.label}
        for m in dataset.metrics.values()
    ]
    metrics_differ = {
        (m["metric_name"], m["expression"], m.get("verbose_name")) for m in current["metrics"]
    } != {(m.name, m.expression, m.label) for m in dataset.metrics.values()}
    if relabelled or metrics_differ:
        client.put(f"/api/v1/dataset/{ds_id}", {"columns": columns, "metrics": metrics})
        action = action if action == "created" else "updated"
    report.record("dataset", dataset.key, action, ds_id)
    return ds_id


# -- charts -----------------------------------------------------------------------------

def _filters(chart: Chart) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The chart's fixed filters as (form-data adhoc filters, query-object filters)."""
    adhoc, query = [], []
    for column, value in chart.where.items():
        op = "IN" if isinstance(value, list) else "=="
        adhoc.append({"clause": "WHERE", "expressionType": "SIMPLE", "subject": column,
                      "operator": op, "comparator": value,
                      "filterOptionName": f"filter_{chart.key}_{column}"})
        query.append({"col": column, "op": op, "val": value})
    return adhoc, query


def chart_params(chart: Chart, ds_id: int) -> dict[str, Any]:
    """The chart's form data, as Superset's explore view would save it."""
    adhoc, _ = _filters(chart)
    label = chart.dataset.label
    params: dict[str, Any] = {
        "datasource": f"{ds_id}__table", "viz_type": None, "adhoc_filters": adhoc,
        "row_limit": chart.row_limit, "extra_form_data": {}, "color_scheme": "supersetColors",
    }
    metric_names = [m.name for m in chart.metrics]
    if chart.type == "bar":
        params.update(
            viz_type="echarts_timeseries_bar", x_axis=chart.x, groupby=list(chart.series),
            metrics=metric_names, xAxisForceCategorical=True, x_axis_sort_asc=True,
            orientation="vertical", show_legend=True, legendType="scroll",
            legendOrientation="top", rich_tooltip=True, truncate_metric=True,
            y_axis_format="SMART_NUMBER", x_axis_title=label(chart.x),
            x_axis_title_margin=15, y_axis_title=chart.metrics[0].label,
            y_axis_title_margin=30, y_axis_title_position="Left", only_total=True,
        )
    elif chart.type == "pivot":
        params.update(
            viz_type="pivot_table_v2", groupbyRows=list(chart.rows),
            groupbyColumns=list(chart.columns), metrics=metric_names,
            metricsLayout="COLUMNS", aggregateFunction="Maximum", valueFormat="SMART_NUMBER",
            rowOrder="key_a_to_z", colOrder="key_a_to_z", rowTotals=False, colTotals=False,
            combineMetric=False, transposePivot=False, order_desc=True,
        )
    elif chart.type == "pie":
        params.update(
            viz_type="pie", groupby=list(chart.columns), metric=metric_names[0],
            show_labels=True, label_type="key_value", labels_outside=True, show_legend=True,
            legendOrientation="top", donut=True, innerRadius=30, outerRadius=70,
            sort_by_metric=True, number_format="SMART_NUMBER", show_labels_threshold=0,
        )
    else:
        params.update(
            viz_type="table", query_mode="raw", all_columns=list(chart.columns),
            order_by_cols=[json.dumps([col, asc]) for col, asc in chart.order_by],
            groupby=[], metrics=[], percent_metrics=[], server_page_length=10,
            # Quotes are document text: shown as text, never rendered as HTML (a quote may hold
            # <a href> or <img onerror> copied from a web page).
            include_search=True, allow_render_html=False, show_cell_bars=False,
            table_timestamp_format="smart_date",
        )
    params.update(chart.options)
    return params


def chart_query_context(chart: Chart, ds_id: int, params: dict[str, Any]) -> dict[str, Any]:
    """The query context saved with the chart: what GET /api/v1/chart/<id>/data/ runs."""
    _, filters = _filters(chart)
    metric_names = [m.name for m in chart.metrics]
    if chart.order_by:
        orderby = [[col, asc] for col, asc in chart.order_by]
    elif chart.type == "pie":
        orderby = [[metric_names[0], False]]
    else:
        orderby = [[col, True] for col in chart.groupby]
    query = {
        "columns": list(chart.groupby), "metrics": metric_names, "filters": filters,
        "orderby": orderby, "row_limit": chart.row_limit, "series_limit": 0,
        "extras": {"having": "", "where": ""}, "applied_time_extras": {},
        "annotation_layers": [], "url_params": {}, "custom_params": {},
        "custom_form_data": {}, "order_desc": True,
    }
    return {
        "datasource": {"id": ds_id, "type": "table"}, "force": False, "queries": [query],
        "form_data": params, "result_format": "json", "result_type": "full",
    }


def apply_chart(client: SupersetClient, chart: Chart, source: str, ds_id: int, dash_id: int,
                report: Report) -> int:
    params = chart_params(chart, ds_id)
    desired = {
        "slice_name": chart.title, "description": chart.description,
        "viz_type": params["viz_type"], "params": json.dumps(params, ensure_ascii=False),
        "query_context": json.dumps(chart_query_context(chart, ds_id, params),
                                    ensure_ascii=False),
        "datasource_id": ds_id, "datasource_type": "table", **MANAGED,
    }
    chart_id = client.find_by_uuid("chart", chart.uuid)
    if chart_id is None:
        payload = {**desired, **_link(source), "dashboards": [dash_id], "uuid": chart.uuid}
        chart_id = client.post("/api/v1/chart/", payload)["id"]
        report.record("chart", chart.key, "created", chart_id)
        return chart_id
    current = client.get(f"/api/v1/chart/{chart_id}")["result"]
    current["datasource_id"] = current.get("datasource_id", ds_id)
    changed = _differs(current, desired)
    if [d["id"] for d in current.get("dashboards", [])] != [dash_id]:
        changed["dashboards"] = [dash_id]
    if changed:
        client.put(f"/api/v1/chart/{chart_id}", {**changed, **_link(source)})
    report.record("chart", chart.key, "updated" if changed else "unchanged", chart_id)
    return chart_id


# -- dashboards -------------------------------------------------------------------------

def _position(board: Dashboard, chart_ids: dict[str, int]) -> dict[str, Any]:
    """Superset's layout tree: a markdown header, then the charts in rows of width 12."""
    position: dict[str, Any] = {
        "DASHBOARD_VERSION_KEY": "v2",
        "ROOT_ID": {"type": "ROOT", "id": "ROOT_ID", "children": ["GRID_ID"]},
        "GRID_ID": {"type": "GRID", "id": "GRID_ID", "children": [], "parents": ["ROOT_ID"]},
        "HEADER_ID": {"type": "HEADER", "id": "HEADER_ID", "meta": {"text": board.title}},
    }
    rows: list[list[tuple[str, dict[str, Any]]]] = []
    intro = f"#### {board.subtitle}\n\n{board.intro}".strip()
    cells = [("MARKDOWN-intro", {"type": "MARKDOWN", "meta": {
        "width": 12, "height": 17, "code": intro}})]
    for chart in board.charts:
        cells.append((f"CHART-{chart.key}", {"type": "CHART", "meta": {
            "chartId": chart_ids[chart.key], "uuid": chart.uuid, "sliceName": chart.title,
            "width": chart.width, "height": chart.height}}))
    width = 12
    for cell_id, cell in cells:
        if width + cell["meta"]["width"] > 12:
            rows.append([])
            width = 0
        rows[-1].append((cell_id, cell))
        width += cell["meta"]["width"]
    for number, row in enumerate(rows):
        row_id = f"ROW-{number}"
        position["GRID_ID"]["children"].append(row_id)
        position[row_id] = {"type": "ROW", "id": row_id, "children": [c for c, _ in row],
                            "parents": ["ROOT_ID", "GRID_ID"],
                            "meta": {"background": "BACKGROUND_TRANSPARENT"}}
        for cell_id, cell in row:
            position[cell_id] = {**cell, "id": cell_id, "children": [],
                                 "parents": ["ROOT_ID", "GRID_ID", row_id]}
    return position


def _metadata(board: Dashboard, ds_id: int, chart_ids: dict[str, int]) -> dict[str, Any]:
    in_scope = [chart_ids[chart.key] for chart in board.charts]
    filters = [{
        "id": f"NATIVE_FILTER-{board.slug}-{native.key}",
        "name": native.label, "filterType": "filter_select", "type": "NATIVE_FILTER",
        "targets": [{"datasetId": ds_id, "column": {"name": native.column}}],
        "controlValues": {"enableEmptyFilter": False, "defaultToFirstItem": False,
                          "multiSelect": native.multi, "searchAllOptions": False,
                          "inverseSelection": False, "sortAscending": True},
        "defaultDataMask": {"extraFormData": {}, "filterState": {}, "ownState": {}},
        "cascadeParentIds": [], "scope": {"rootPath": ["ROOT_ID"], "excluded": []},
        "chartsInScope": in_scope, "tabsInScope": [], "description": "",
    } for native in board.filters]
    return {
        "native_filter_configuration": filters, "cross_filters_enabled": False,
        "color_scheme": "supersetColors", "refresh_frequency": 0,
        "expanded_slices": {}, "timed_refresh_immune_slices": [], "label_colors": {},
        "chart_configuration": {}, "global_chart_configuration": {},
    }


def ensure_dashboard(client: SupersetClient, board: Dashboard, report: Report) -> int:
    """The dashboard's id, creating an empty one on first apply (its charts need the id)."""
    response = client.request("GET", f"/api/v1/dashboard/{board.slug}", ok=(200, 404))
    if response.status_code == 200:
        return response.json()["result"]["id"]
    dash_id = client.post("/api/v1/dashboard/", {
        "dashboard_title": board.title, "slug": board.slug, "uuid": board.uuid,
        "published": True, **_link(f"dashboards/{board.source.name}"),
    })["id"]
    report.record("dashboard", board.slug, "created", dash_id)
    return dash_id


def apply_dashboard(client: SupersetClient, board: Dashboard, dash_id: int, ds_id: int,
                    chart_ids: dict[str, int], report: Report) -> None:
    desired = {
        "dashboard_title": board.title, "slug": board.slug, "published": True,
        "position_json": json.dumps(_position(board, chart_ids), ensure_ascii=False),
        **MANAGED,
    }
    metadata = _metadata(board, ds_id, chart_ids)
    current = client.get(f"/api/v1/dashboard/{dash_id}")["result"]
    changed = _differs(current, desired)
    current_metadata = json.loads(current.get("json_metadata") or "{}")
    if any(current_metadata.get(k) != v for k, v in metadata.items()):
        changed["json_metadata"] = json.dumps({**current_metadata, **metadata},
                                              ensure_ascii=False)
    if changed:
        client.put(f"/api/v1/dashboard/{dash_id}",
                   {**changed, **_link(f"dashboards/{board.source.name}")})
    if (("dashboard", board.slug) not in report.ids):
        report.record("dashboard", board.slug, "updated" if changed else "unchanged", dash_id)


# -- all of it ------------------------------------------------------------------------

def _prune(client: SupersetClient, resource: str, keep: set[int], report: Report) -> None:
    """Delete managed objects that no spec describes any more (their spec was removed)."""
    for row in client.list_all(resource, ["id"]):
        if row["id"] in keep:
            continue
        if client.get(f"/api/v1/{resource}/{row['id']}")["result"].get("is_managed_externally"):
            client.delete(f"/api/v1/{resource}/{row['id']}")
            report.record(resource, str(row["id"]), "deleted")


def apply(client: SupersetClient, warehouse: Path, specs: Specs | None = None) -> Report:
    """Make Superset match the specs; return what was created, updated or left unchanged."""
    specs = specs or specs_module.load()
    report = Report()
    db_id = apply_database(client, specs, warehouse, report)
    ds_ids = {key: apply_dataset(client, ds, db_id, report) for key, ds in specs.datasets.items()}
    chart_ids: dict[str, int] = {}
    dash_ids: dict[str, int] = {}
    for board in specs.dashboards:
        dash_ids[board.slug] = ensure_dashboard(client, board, report)
        source = f"dashboards/{board.source.name}"
        for chart in board.charts:
            chart_ids[chart.key] = apply_chart(client, chart, source, ds_ids[chart.dataset.key],
                                               dash_ids[board.slug], report)
        apply_dashboard(client, board, dash_ids[board.slug], ds_ids[board.dataset.key],
                        chart_ids, report)
    _prune(client, "chart", set(chart_ids.values()), report)
    _prune(client, "dashboard", set(dash_ids.values()), report)
    _prune(client, "dataset", set(ds_ids.values()), report)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboards.provision", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default=instance.URL)
    parser.add_argument("--specs", type=Path, default=specs_module.SPECS_DIR)
    args = parser.parse_args(argv)
    try:
        creds = instance.credentials()
        client = SupersetClient(args.url, creds.username, creds.password)
        report = apply(client, specs_module.published_warehouse(), specs_module.load(args.specs))
    except (ProvisionError, instance.ServerError, specs_module.SpecError,
            requests.RequestException) as error:
        print(f"provision: {error}", file=sys.stderr)
        return 1
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
