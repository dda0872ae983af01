"""Load the dashboard, chart and dataset specs in dashboards/specs and say what each chart queries.

The YAML files are the single description of what Superset shows. This module
turns them into plain objects with stable UUIDs (derived from each object's
key, so applying the specs again finds the same objects) and renders, for each
chart, the SQL its data means on the published warehouse: the benchmark times
it and the tests compare Superset's chart data with it.

Each dataset is a table of the warehouse's `reporting` schema, built by dbt
(dbt_project/models/reporting/): its SQL, its description and its columns' are
there, and datasets.yaml only names the table and says how Superset labels it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from warehouse.settings import DBT_PROJECT_DIR, Paths

SPECS_DIR = Path(__file__).resolve().parent / "specs"
# The dbt models the datasets are, with their descriptions and columns.
REPORTING_MODELS = DBT_PROJECT_DIR / "models" / "reporting" / "_reporting.yml"
REPORTING_SCHEMA = "reporting"

# Every object's UUID is uuid5(NAMESPACE, "<kind>/<key>"): stable across installs.
NAMESPACE = uuid.UUID("6f3f5b1e-4a57-4d0b-9d55-6d696e7a6865")

CHART_TYPES = ("bar", "pivot", "table", "pie")


class SpecError(ValueError):
    """A spec file is missing a field or refers to something that does not exist."""


def published_warehouse() -> Path:
    """The published DuckDB file the dashboards read ($MINZHENG_WAREHOUSE_PUBLISHED)."""
    return Paths.from_env().published


def stable_uuid(kind: str, key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}/{key}"))


@dataclass(frozen=True)
class Metric:
    name: str
    expression: str
    label: str


@dataclass(frozen=True)
class Dataset:
    key: str
    schema: str
    table_name: str
    description: str
    columns: tuple[str, ...]
    labels: dict[str, str]
    metrics: dict[str, Metric]

    @property
    def uuid(self) -> str:
        return stable_uuid("dataset", self.key)

    @property
    def relation(self) -> str:
        """The table as SQL names it: `reporting.elderly_care_beds`."""
        return f"{self.schema}.{self.table_name}"

    def label(self, column: str) -> str:
        return self.labels.get(column, column)


@dataclass(frozen=True)
class Chart:
    key: str
    type: str
    title: str
    description: str
    dataset: Dataset
    width: int
    height: int
    # bar: x + series; pivot: rows + columns; pie: groupby; table: columns (raw rows)
    x: str | None = None
    series: tuple[str, ...] = ()
    rows: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    metric: str | None = None
    where: dict[str, Any] = field(default_factory=dict)
    order_by: tuple[tuple[str, bool], ...] = ()
    row_limit: int = 10000
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def uuid(self) -> str:
        return stable_uuid("chart", self.key)

    @property
    def groupby(self) -> tuple[str, ...]:
        """The dimensions of the chart's query, in the order its rows carry them."""
        if self.type == "bar":
            return (self.x, *self.series)
        if self.type == "pivot":
            return (*self.rows, *self.columns)
        return self.columns

    @property
    def metrics(self) -> tuple[Metric, ...]:
        return (self.dataset.metrics[self.metric],) if self.metric else ()


@dataclass(frozen=True)
class NativeFilter:
    key: str
    column: str
    label: str
    multi: bool = True


@dataclass(frozen=True)
class Dashboard:
    slug: str
    title: str
    subtitle: str
    intro: str
    dataset: Dataset
    charts: tuple[Chart, ...]
    filters: tuple[NativeFilter, ...]
    source: Path

    @property
    def uuid(self) -> str:
        return stable_uuid("dashboard", self.slug)

    @property
    def tables(self) -> tuple[str, ...]:
        """The reporting tables the dashboard's charts read (dbt model names), in order."""
        return tuple(dict.fromkeys(chart.dataset.table_name for chart in self.charts))


@dataclass(frozen=True)
class Specs:
    database: dict[str, Any]
    datasets: dict[str, Dataset]
    dashboards: tuple[Dashboard, ...]

    @property
    def charts(self) -> tuple[Chart, ...]:
        return tuple(chart for board in self.dashboards for chart in board.charts)

    @property
    def database_uuid(self) -> str:
        return stable_uuid("database", self.database["name"])

    @property
    def connect_args(self) -> dict[str, Any]:
        """duckdb.connect() keyword arguments Superset opens the warehouse with."""
        return self.database["extra"]["engine_params"]["connect_args"]


def _require(mapping: dict[str, Any], key: str, where: str) -> Any:
    if key not in mapping or mapping[key] in (None, ""):
        raise SpecError(f"{where}: missing `{key}`")
    return mapping[key]


def _load_yaml(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise SpecError(f"{path}: expected a mapping at the top level")
    return data


def reporting_models(path: Path = REPORTING_MODELS) -> dict[str, dict[str, Any]]:
    """The reporting layer's dbt models by name, as their yml documents them."""
    return {model["name"]: model for model in _require(_load_yaml(path), "models", path.name)}


def _datasets(raw: dict[str, Any], where: str,
              models: dict[str, dict[str, Any]]) -> dict[str, Dataset]:
    templates = raw.get("templates", {})
    datasets = {}
    for item in _require(raw, "datasets", where):
        key = _require(item, "key", where)
        here = f"{where}: dataset {key}"
        template = templates.get(item.get("template"), {}) if item.get("template") else {}
        schema, _, table_name = _require(item, "table", here).rpartition(".")
        if schema != REPORTING_SCHEMA or table_name not in models:
            raise SpecError(f"{here}: table must be a model of {REPORTING_MODELS.name} in the "
                            f"{REPORTING_SCHEMA} schema, not {item['table']!r}")
        model = models[table_name]
        metrics = {
            name: Metric(name, _require(m, "expression", f"{here} metric {name}"),
                         m.get("label", name))
            for name, m in {**template.get("metrics", {}), **item.get("metrics", {})}.items()
        }
        datasets[key] = Dataset(
            key=key,
            schema=schema,
            table_name=table_name,
            description=" ".join(model.get("description", "").split()),
            columns=tuple(column["name"] for column in model.get("columns", ())),
            labels={**template.get("labels", {}), **item.get("labels", {})},
            metrics=metrics,
        )
    return datasets


def _order(entry: str) -> tuple[str, bool]:
    """`column` or `column desc` as (column, ascending)."""
    column, _, direction = entry.partition(" ")
    return column, direction.strip().lower() != "desc"


def _chart(item: dict[str, Any], dataset: Dataset, where: str) -> Chart:
    key = _require(item, "key", where)
    here = f"{where}: chart {key}"
    kind = _require(item, "type", here)
    if kind not in CHART_TYPES:
        raise SpecError(f"{here}: type must be one of {', '.join(CHART_TYPES)}, not {kind!r}")
    chart = Chart(
        key=key,
        type=kind,
        title=_require(item, "title", here),
        description=item.get("description", "").strip(),
        dataset=dataset,
        width=int(item.get("width", 12)),
        height=int(item.get("height", 50)),
        x=item.get("x"),
        series=tuple(item.get("series", ())),
        rows=tuple(item.get("rows", ())),
        columns=tuple(item.get("columns", ())),
        metric=item.get("metric"),
        where=dict(item.get("where", {})),
        order_by=tuple(_order(entry) for entry in item.get("order_by", ())),
        row_limit=int(item.get("row_limit", 10000)),
        options=dict(item.get("options", {})),
    )
    if kind != "table" and chart.metric not in dataset.metrics:
        raise SpecError(f"{here}: metric {chart.metric!r} is not defined on {dataset.key}")
    if kind == "bar" and not chart.x:
        raise SpecError(f"{here}: a bar chart needs `x`")
    if not chart.groupby:
        raise SpecError(f"{here}: no columns to show")
    _known_columns(dataset, [*chart.groupby, *chart.where, *(c for c, _ in chart.order_by)], here)
    return chart


def _known_columns(dataset: Dataset, columns: list[str], where: str) -> None:
    """Raise SpecError unless every column is one the dataset's reporting model documents."""
    unknown = [column for column in columns if column not in dataset.columns]
    if unknown:
        raise SpecError(f"{where}: {', '.join(unknown)} not among the columns of "
                        f"{dataset.relation} ({REPORTING_MODELS.name})")


def load(specs_dir: Path = SPECS_DIR) -> Specs:
    """Read database.yaml, datasets.yaml and every dashboard file under dashboards/."""
    database = _load_yaml(specs_dir / "database.yaml")
    _require(database, "name", "database.yaml")
    datasets = _datasets(_load_yaml(specs_dir / "datasets.yaml"), "datasets.yaml",
                         reporting_models())
    dashboards = []
    for path in sorted((specs_dir / "dashboards").glob("*.yaml")):
        raw = _load_yaml(path)
        where = path.name
        dataset_key = _require(raw, "dataset", where)
        if dataset_key not in datasets:
            raise SpecError(f"{where}: unknown dataset {dataset_key!r}")
        dataset = datasets[dataset_key]
        charts = tuple(
            _chart(item, datasets[item.get("dataset", dataset_key)], where)
            for item in _require(raw, "charts", where)
        )
        _known_columns(dataset, [f.get("column", "") for f in raw.get("filters", ())],
                       f"{where}: filters")
        filters = tuple(
            NativeFilter(key=_require(f, "key", where), column=_require(f, "column", where),
                         label=f.get("label") or dataset.label(f["column"]),
                         multi=bool(f.get("multi", True)))
            for f in raw.get("filters", ())
        )
        dashboards.append(Dashboard(
            slug=_require(raw, "slug", where), title=_require(raw, "title", where),
            subtitle=_require(raw, "subtitle", where), intro=raw.get("intro", "").strip(),
            dataset=dataset, charts=charts, filters=filters, source=path,
        ))
    keys = [chart.key for board in dashboards for chart in board.charts]
    if len(keys) != len(set(keys)):
        raise SpecError("chart keys must be unique across dashboards")
    return Specs(database=database, datasets=datasets, dashboards=tuple(dashboards))


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def where_sql(where: dict[str, Any]) -> str:
    """`where:` of a spec as SQL: a list means IN, anything else equality."""
    clauses = []
    for column, value in where.items():
        if isinstance(value, list):
            clauses.append(f"{_quote(column)} in ({', '.join(_literal(v) for v in value)})")
        else:
            clauses.append(f"{_quote(column)} = {_literal(value)}")
    return " and ".join(clauses)


def chart_sql(chart: Chart) -> str:
    """The query behind `chart`, on the published warehouse, one row per data point."""
    dims = [_quote(c) for c in chart.groupby]
    select = dims + [f"{m.expression} as {_quote(m.name)}" for m in chart.metrics]
    sql = f"select {', '.join(select)}\nfrom {chart.dataset.relation} as dataset"
    if chart.where:
        sql += f"\nwhere {where_sql(chart.where)}"
    if chart.metrics:
        sql += f"\ngroup by {', '.join(dims)}"
    if chart.order_by:
        sql += "\norder by " + ", ".join(
            f"{_quote(col)} {'asc' if asc else 'desc'}" for col, asc in chart.order_by)
    return sql + f"\nlimit {chart.row_limit}"
