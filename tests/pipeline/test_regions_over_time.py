"""Regions over time: a figure lands on the region code in force today, and dim_region keeps
the code it replaced, so an analyst finds the region under either.

data/reference/region_history.csv: 长乐市 350182 became 长乐区 350112 (2017), 溧水县 320124
became 溧水区 320117 (2013).
"""

from __future__ import annotations

import shutil
import textwrap

import duckdb
import pytest

from minzheng.paths import CORPUS_DIR
from tests.pipeline.conftest import dbt_test
from tests.pipeline.test_readme_queries import REPLACED_CODE, analyst_queries

pytestmark = pytest.mark.pipeline

# A real page (corpus/dev/SOURCES.md, f05): 长乐新闻网 on 长乐区's 2019 social-work week,
# 「截至到目前我区专业社工从业人数有458人,持证社工232人」.
CHANGLE = CORPUS_DIR / "dev" / "docs" / "f05_changle_district_certified_sw_2019.txt"

# A statistics table written for the tests as one made before 2013 would be: 溧水县 under its
# old code.
LISHUI_STATISTICS = textwrap.dedent("""\
    region_code,region,year,indicator,value,unit,source,quote
    320124,溧水县,2012,social_orgs,186,orgs,https://example.org/lishui-2012,全县共有社会组织186个
    """)

# Either code of a region finds its facts: join on the code in force.
BY_EITHER_CODE = """
select facts.region_code, facts.indicator, facts.year, facts.value
from marts.fct_indicator_observations as facts
inner join marts.dim_region as regions on regions.current_code = facts.region_code
where regions.region_code = ? and facts.is_canonical
order by all
"""


@pytest.fixture(scope="module")
def regions_over_time(published, tmp_path_factory):
    workspace = published.copy_to(tmp_path_factory.mktemp("regions") / "site")
    shutil.copy(CHANGLE, workspace.paths.documents / CHANGLE.name)
    (workspace.paths.statistics / "lishui_2012.csv").write_text(LISHUI_STATISTICS, encoding="utf-8")
    summary = workspace.run()
    assert summary.quarantined == []
    return workspace


def test_a_district_figure_lands_on_the_code_in_force(regions_over_time):
    assert regions_over_time.query(
        "select region_code, region_name, year, kind, value from marts.fct_certified_social_workers "
        "where document_name = ?", [CHANGLE.name]) == [("350112", "长乐区", 2019, "actual", 232)]


def test_a_statistics_row_under_a_replaced_code_lands_on_its_successor(regions_over_time):
    assert regions_over_time.query(
        "select region_code, region_name, year, value from marts.fct_annual_statistics "
        "where statistics_file = 'lishui_2012.csv'") == [("320117", "溧水区", 2012, 186)]


def test_dim_region_keeps_the_replaced_code(regions_over_time):
    assert regions_over_time.query(
        "select region_code, region_name, region_path, current_code, is_current, valid_from_year, "
        "valid_until_year from marts.dim_region where current_code = '320117' order by is_current"
    ) == [
        ("320124", "溧水县", "全国 > 江苏省 > 南京市 > 溧水县", "320117", False, None, 2013),
        ("320117", "溧水区", "全国 > 江苏省 > 南京市 > 溧水区", "320117", True, 2013, None),
    ]


def test_an_analyst_finds_the_region_under_either_code(regions_over_time):
    lishui = [("320117", "social_orgs", 2012, 186)]
    assert regions_over_time.query(BY_EITHER_CODE, ["320124"]) == lishui
    assert regions_over_time.query(BY_EITHER_CODE, ["320117"]) == lishui
    changle = regions_over_time.query(BY_EITHER_CODE, ["350182"])
    assert ("350112", "certified_social_workers", 2019, 232) in changle
    assert regions_over_time.query(BY_EITHER_CODE, ["350112"]) == changle
    # No mart row carries a replaced code (dbt's test facts_carry_the_code_in_force too).
    assert regions_over_time.query(
        "select count(*) from marts.fct_indicator_observations where region_code in "
        "(select region_code from marts.dim_region where not is_current)") == [(0,)]


def test_the_readme_query_by_either_code_finds_the_region(regions_over_time):
    (query,) = [query for query in analyst_queries() if REPLACED_CODE in query]
    rows = [("溧水区", "social_orgs", 2012, "actual", 186)]
    assert regions_over_time.query(query) == rows
    assert regions_over_time.query(query.replace(REPLACED_CODE, "'320117'")) == rows


def test_dbt_fails_a_mart_row_on_a_replaced_code(regions_over_time, tmp_path):
    build = tmp_path / "build.duckdb"
    shutil.copyfile(regions_over_time.paths.published, build)
    passed = dbt_test(build, "facts_carry_the_code_in_force")
    assert passed.returncode == 0, passed.stdout[-2000:]
    with duckdb.connect(str(build)) as con:
        con.execute("update marts.fct_annual_statistics set region_code = '320124' "
                    "where statistics_file = 'lishui_2012.csv'")
    failed = dbt_test(build, "facts_carry_the_code_in_force")
    assert failed.returncode == 1
    assert "Got 1 result" in failed.stdout, failed.stdout[-2000:]
