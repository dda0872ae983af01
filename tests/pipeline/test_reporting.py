"""The reporting layer on a real build: tables as documented, every chart's query answered,
and dbt's test that a reporting table holds exactly its mart's canonical rows."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from dashboards.spec import chart_sql, load, reporting_models
from tests.pipeline.conftest import dbt_test

pytestmark = pytest.mark.pipeline

SPECS = load()


def test_reporting_tables_have_the_documented_columns(published):
    for name, model in reporting_models().items():
        columns = [column for (column,) in published.query(
            "select column_name from duckdb_columns() where schema_name = 'reporting' "
            "and table_name = ? order by column_index", [name])]
        assert columns == [column["name"] for column in model["columns"]], name


@pytest.mark.parametrize("chart", SPECS.charts, ids=[c.key for c in SPECS.charts])
def test_every_chart_query_answers_on_the_published_file(chart, published):
    assert published.query(chart_sql(chart)), f"{chart.key} shows nothing"


def test_an_analyst_reads_what_the_dashboard_shows(published):
    # 杨浦区's 2015 beds: the plan states 8358 and 8000; the marts' canonical value is the
    # first statement, and the reporting table shows that one row with its label.
    assert published.query(
        "select region_label, kind_label, value, source_count, has_conflict "
        "from reporting.elderly_care_beds where region_code = '310110' "
        "and indicator = 'elderly_care_beds' and year = 2015") == [
        ("上海市杨浦区", "实际 Actual", 8358, 1, True)]
    # 普陀区 is two regions; their labels tell them apart.
    labels = {label for (label,) in published.query(
        "select distinct region_label from reporting.data_coverage "
        "where region_code in ('310107', '330903')")}
    assert labels <= {"上海市普陀区", "浙江省舟山市普陀区"} and labels


def test_dbt_fails_a_reporting_table_that_shows_a_row_twice_or_misses_one(published, tmp_path):
    build = tmp_path / "build.duckdb"
    shutil.copyfile(published.paths.published, build)
    selector = "test_name:holds_the_rows_of,elderly_care_beds"
    passed = dbt_test(build, selector)
    assert passed.returncode == 0, passed.stdout[-2000:]
    with duckdb.connect(str(build)) as con:
        # One fact shown twice, another not at all.
        con.execute("insert into reporting.elderly_care_beds select * from reporting.elderly_care_beds "
                    "where region_code = '310110' and year = 2015 and indicator = 'elderly_care_beds'")
        con.execute("delete from reporting.elderly_care_beds where region_code = '310000' "
                    "and indicator = 'elderly_care_beds' and year = 2025")
    failed = dbt_test(build, selector)
    assert failed.returncode == 1
    assert "Got 2 results" in failed.stdout, failed.stdout[-2000:]
