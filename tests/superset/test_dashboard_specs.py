"""The dashboard specs load, their queries fit the marts contract, and exposures.yml is current.

No Superset needed: the queries run on a small DuckDB file built from the
contract's columns (fixture_warehouse.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest

from dashboards import exposures
from dashboards.spec import chart_sql, load

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fixture_warehouse  # noqa: E402

SPECS = load()


@pytest.fixture(scope="module")
def contract_warehouse(tmp_path_factory):
    path = fixture_warehouse.build(tmp_path_factory.mktemp("contract") / "minzheng.duckdb")
    con = duckdb.connect(str(path), read_only=True)
    yield con
    con.close()


def test_one_dashboard_per_fact_an_overview_and_one_for_conflicts_and_coverage():
    marts = {board.dataset.marts[0] for board in SPECS.dashboards}
    assert marts == {"marts.fct_elderly_care_beds", "marts.fct_social_orgs_per_10k",
                     "marts.fct_certified_social_workers", "marts.fct_eco_burial_rate",
                     "marts.fct_target_attainment", "marts.fct_source_conflicts"}


@pytest.mark.parametrize("chart", SPECS.charts, ids=[c.key for c in SPECS.charts])
def test_no_chart_shows_a_row_that_is_not_canonical(chart, contract_warehouse):
    rows = contract_warehouse.execute(chart_sql(chart)).fetchall()
    assert not any(fixture_warehouse.NOT_CANONICAL in row for row in rows), chart.key


def test_titles_are_chinese_with_english_subtitles():
    for board in SPECS.dashboards:
        for title in [board.title, *(chart.title for chart in board.charts)]:
            chinese, _, english = title.partition(" | ")
            assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese), title
            assert english.isascii() and english, title


def test_every_dashboard_links_values_to_sources_and_filters_region_and_year():
    for board in SPECS.dashboards:
        tables = [chart for chart in board.charts if chart.type == "table"]
        assert any({"source_document", "target_document_title"} & set(t.columns) for t in tables)
        columns = {native.column for native in board.filters}
        assert "region_label" in columns and {"year", "target_year"} & columns


@pytest.mark.parametrize("chart", SPECS.charts, ids=[c.key for c in SPECS.charts])
def test_chart_query_runs_on_the_contract_columns(chart, contract_warehouse):
    rows = contract_warehouse.execute(chart_sql(chart)).fetchall()
    assert rows, f"{chart.key} returned nothing on the contract fixture"
    for column in chart.groupby:
        assert column in chart.dataset.labels, f"{column} has no label"


def test_exposures_file_is_generated_from_the_specs():
    assert exposures.main(["--check"]) == 0
