"""The published marts hold exactly what the sample documents and statistics state, with provenance.

Expected values are read from the documents themselves (data/documents/*.txt) and
from data/annual_statistics/; the quoted wording is cited beside each.
"""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.pipeline

SHANGHAI_PLAN = (
    "000_4daa52c373716bf3.txt"  # 上海市民政事业发展“十四五”规划 (traditional characters)
)
ZHOUSHAN_PLAN = "002_66b1147c1cebaaf5.txt"  # 舟山市民政事业发展“十四五”规划
YANGPU_PLAN = "003_753ddc9777402cd1.txt"  # 杨浦区民政事业发展“十三五”规划
WUHU_PLAN = "004_dc0136a2265e55f5.txt"  # 芜湖市“十四五”民政事业发展规划

SHANGHAI_CENSUS_2020 = 24870895  # data/reference/population.csv, 7th census


def fact(
    workspace,
    mart: str,
    region: str,
    indicator: str,
    year: int,
    kind: str,
    source_type: str = "document",
) -> dict:
    """The one row of a fact mart for a region, indicator, year, kind and source type."""
    rows = workspace.query(
        f"select value, comparator, unit, document_name, quote, is_derived, derivation "
        f"from marts.{mart} where region_code = ? and indicator = ? and year = ? and kind = ? "
        f"and source_type = ?",
        [region, indicator, year, kind, source_type],
    )
    assert len(rows) == 1, f"{mart} {region} {indicator} {year} {kind}: {rows}"
    keys = ("value", "comparator", "unit", "document_name", "quote", "is_derived", "derivation")
    return dict(zip(keys, rows[0], strict=True))


def test_zhoushan_eco_burial_rate(published):
    # Table row: 节地生态安葬率(%) 58 60 70 预期性 (2020 actual, 2022 and 2025 targets).
    actual = fact(published, "fct_eco_burial_rate", "330900", "eco_burial_rate", 2020, "actual")
    assert (actual["value"], actual["unit"], actual["document_name"]) == (
        58,
        "percent",
        ZHOUSHAN_PLAN,
    )
    assert (
        fact(published, "fct_eco_burial_rate", "330900", "eco_burial_rate", 2022, "target")["value"]
        == 60
    )
    target = fact(published, "fct_eco_burial_rate", "330900", "eco_burial_rate", 2025, "target")
    assert target["value"] == 70
    assert "节地生态安葬率" in target["quote"]


def test_shanghai_elderly_care_beds(published):
    # 全市养老床位总数达到15.9万张 ... 到“十四五”末,养老床位总量达到17.8万张以上。
    actual = fact(published, "fct_elderly_care_beds", "310000", "elderly_care_beds", 2020, "actual")
    assert (actual["value"], actual["unit"], actual["comparator"]) == (159000, "beds", "=")
    assert "15.9万张" in actual["quote"]
    target = fact(published, "fct_elderly_care_beds", "310000", "elderly_care_beds", 2025, "target")
    assert (target["value"], target["comparator"]) == (178000, ">=")
    assert target["document_name"] == SHANGHAI_PLAN
    # 提高护理型床位占比,2022年不低于总床位的60%
    share = fact(published, "fct_elderly_care_beds", "310000", "nursing_bed_share", 2022, "target")
    assert (share["value"], share["comparator"], share["unit"]) == (60, ">=", "percent")


def test_shanghai_statistics_beside_documents(published):
    # data/annual_statistics: 截至2022年末,上海 ... 床位数共计16.36万张
    row = fact(
        published,
        "fct_elderly_care_beds",
        "310000",
        "elderly_care_beds",
        2022,
        "actual",
        source_type="annual_statistics",
    )
    assert row["value"] == 163600 and row["document_name"] is None


def test_yangpu_social_orgs_per_10k(published):
    # 每万名户籍人口拥有社会组织数为7.1家 (十二五, 2015);
    # table: 每万人(户籍人口)拥有社会组织数 7.1 9.
    actual = fact(
        published, "fct_social_orgs_per_10k", "310110", "social_orgs_per_10k", 2015, "actual"
    )
    assert (actual["value"], actual["is_derived"], actual["document_name"]) == (
        7.1,
        False,
        YANGPU_PLAN,
    )
    target = fact(
        published, "fct_social_orgs_per_10k", "310110", "social_orgs_per_10k", 2020, "target"
    )
    assert target["value"] == 9
    # The plan reports the rate for 2015, so its count (664家) yields no derived rate.
    assert (
        published.query(
            "select count(*) from marts.fct_social_orgs_per_10k "
            "where region_code = '310110' and year = 2015 and is_derived"
        )[0][0]
        == 0
    )


def test_zhoushan_social_workers_and_orgs(published):
    # 每万人拥有登记社会组织数(个) 12 13 13; 每万人持证社会工作专业人才数(人) 10 12 15.
    mart = "fct_social_orgs_per_10k"
    assert fact(published, mart, "330900", "social_orgs_per_10k", 2020, "actual")["value"] == 12
    assert fact(published, mart, "330900", "social_orgs_per_10k", 2025, "target")["value"] == 13
    mart = "fct_certified_social_workers"
    per_10k = "certified_social_workers_per_10k"
    assert [
        fact(published, mart, "330900", per_10k, year, kind)["value"]
        for year, kind in ((2020, "actual"), (2022, "target"), (2025, "target"))
    ] == [10, 12, 15]
    # 持证社会工作者1155人 ... 持证社会工作者达到1600人。
    assert (
        fact(published, mart, "330900", "certified_social_workers", 2020, "actual")["value"] == 1155
    )
    assert (
        fact(published, mart, "330900", "certified_social_workers", 2025, "target")["value"] == 1600
    )


def test_wuhu_nursing_bed_share(published):
    # 到2025年底,养老机构护理型床位比不低于55。 (no unit: percent)
    target = fact(published, "fct_elderly_care_beds", "340200", "nursing_bed_share", 2025, "target")
    assert (target["value"], target["comparator"], target["unit"]) == (55, ">=", "percent")
    assert target["document_name"] == WUHU_PLAN


def test_shanghai_per_10k_derived_from_count_and_census(published):
    # 全市社会组织从1.3万家发展到1.7万家: a count only, so the rate is derived from the census.
    derived = fact(
        published,
        "fct_social_orgs_per_10k",
        "310000",
        "social_orgs_per_10k",
        2020,
        "actual",
        source_type="derived",
    )
    assert derived["is_derived"] is True
    assert derived["value"] == pytest.approx(17000 * 10000 / SHANGHAI_CENSUS_2020)
    assert derived["derivation"] == "17000 orgs / 24870895 residents (2020 census) x 10000"
    assert derived["document_name"] == SHANGHAI_PLAN
    # 2015 has a year-end resident estimate (2415.27万), which wins over the nearest census.
    earlier = fact(
        published,
        "fct_social_orgs_per_10k",
        "310000",
        "social_orgs_per_10k",
        2015,
        "actual",
        source_type="derived",
    )
    assert (
        earlier["derivation"] == "13000 orgs / 24152700 residents (2015 year-end estimate) x 10000"
    )
    # 到2025年,持证社会工作者达到4.5万名左右: no population for 2025, so the 2020 census.
    workers = fact(
        published,
        "fct_certified_social_workers",
        "310000",
        "certified_social_workers_per_10k",
        2025,
        "target",
        source_type="derived",
    )
    assert workers["comparator"] == "~"
    assert workers["value"] == pytest.approx(45000 * 10000 / SHANGHAI_CENSUS_2020)


def test_target_attainment(published):
    rows = published.query(
        "select baseline_year, baseline_value, latest_actual_year, latest_actual_value, gap, "
        "expected_value_at_actual_year, on_track, status from marts.fct_target_attainment "
        "where region_code = '310000' and indicator = 'elderly_care_beds' and target_year = 2025"
    )
    # Baseline 159000 (2020, the plan), latest actual 163600 (2022, statistics); the straight
    # line from 159000 to 178000 over 2020-2025 passes 166600 in 2022: short of it. But 2025
    # is over (judged in 2026) and no actual for 2025 is known: whether it was met is unknown.
    assert rows == [(2020, 159000, 2022, 163600, 14400, pytest.approx(166600), False, "overdue_unknown")]
    yangpu = published.query(
        "select target_value, baseline_value, latest_actual_value, gap, actual_after_baseline, "
        "status "
        "from marts.fct_target_attainment where region_code = '310110' "
        "and indicator = 'social_orgs_per_10k'"
    )
    # The only actual is the plan's own 2015 figure, its baseline: no progress is known.
    assert yangpu == [(9, 7.1, 7.1, pytest.approx(1.9), False, "no_progress_data")]
    wuhu = published.query(
        "select status, latest_actual_value from marts.fct_target_attainment "
        "where region_code = '340200' and indicator = 'nursing_bed_share'"
    )
    assert wuhu == [("no_actual", None)]
    # The 舟山 plan's eco-burial target (70 by 2025) has one actual, the plan's own 58 of 2020.
    zhoushan = published.query(
        "select baseline_year, latest_actual_year, latest_actual_value, status from marts.fct_target_attainment "
        "where region_code = '330900' and indicator = 'eco_burial_rate' and target_year = 2025"
    )
    assert zhoushan == [(2020, 2020, 58, "no_progress_data")]


def test_dimensions(published):
    # Every region of data/reference/regions.csv (3,221 rows) in force, and the 143 codes of
    # data/reference/region_history.csv they replaced, each pointing to its successor.
    assert published.query(
        "select is_current, count(*) from marts.dim_region group by 1 order by 1") == [
        (False, 143), (True, 3221)]
    assert published.query(
        "select new_code, new_region_path, changed_year from marts.dim_region_change "
        "where old_name = '溧水县'") == [("320117", "全国 > 江苏省 > 南京市 > 溧水区", 2013)]
    assert published.query(
        "select count(*) from marts.dim_region_change as changes inner join marts.dim_region "
        "as regions on regions.region_code = changes.old_code "
        "where not regions.is_current and regions.current_code = changes.new_code") == [(143,)]
    assert published.query(
        "select region_path, level, province_code, prefecture_code from marts.dim_region "
        "where region_code = '330903'"
    ) == [("全国 > 浙江省 > 舟山市 > 普陀区", "district", "330000", "330900")]
    assert published.query(
        "select region_path, prefecture_code from marts.dim_region where region_code = '310110'"
    ) == [("全国 > 上海市 > 杨浦区", None)]
    headline = published.query(
        "select indicator, unit from marts.dim_indicator where is_headline order by indicator"
    )
    assert dict(headline) == {
        "certified_social_workers": "persons",
        "certified_social_workers_per_10k": "persons_per_10k_pop",
        "eco_burial_rate": "percent",
        "elderly_care_beds": "beds",
        "elderly_care_beds_per_1k_elderly": "beds_per_1k_elderly",
        "nursing_bed_share": "percent",
        "social_orgs": "orgs",
        "social_orgs_per_10k": "orgs_per_10k_pop",
    }
    documents = dict(published.query("select document_name, region_code from marts.dim_document"))
    assert documents == {
        SHANGHAI_PLAN: "310000",
        "001_cd8b1833271caf53.txt": "310107",
        ZHOUSHAN_PLAN: "330900",
        YANGPU_PLAN: "310110",
        WUHU_PLAN: "340200",
    }


def test_origins_of_the_samples(published):
    # Each sample's sidecar says what its text says of its origin, and no text gives an address.
    origins = published.query(
        "select document_name, title, publisher, publication_date, url, origin_file is not null "
        "from marts.dim_document order by document_name")
    assert [row[:4] for row in origins] == [
        (SHANGHAI_PLAN, "上海市民政事业发展“十四五”规划", "上海市人民政府办公厅", date(2021, 7, 13)),
        # The 普陀区 work plan names neither title, publisher nor date: nothing to add.
        ("001_cd8b1833271caf53.txt", None, None, None),
        (ZHOUSHAN_PLAN, "舟山市民政事业发展“十四五”规划", None, None),
        (YANGPU_PLAN, "杨浦区民政事业发展“十三五”规划", "上海市杨浦区人民政府", date(2016, 6, 29)),
        (WUHU_PLAN, "芜湖市“十四五”民政事业发展规划", "我爱芜湖", date(2021, 12, 11)),
    ]
    assert {row[4:] for row in origins} == {(None, True)}
    assert published.query(
        "select distinct publisher from marts.fct_eco_burial_rate where region_code = '330900'") == [(None,)]
    assert published.query(
        "select distinct publisher from marts.fct_social_orgs_per_10k where region_code = '310110' "
        "and not is_derived") == [("上海市杨浦区人民政府",)]


def test_conflicts_of_the_samples(published):
    # One source per fact everywhere, so every row is canonical; the 杨浦 plan alone states one
    # fact twice with two values: 全区共有养老床位8358张 in its review, 8000 in its table.
    assert published.query(
        "select count(*) filter (where not is_canonical), max(source_count) "
        "from marts.fct_indicator_observations") == [(0, 1)]
    assert published.query(
        "select region_code, indicator, year, kind, within_one_source, between_sources, statements, "
        "canonical_value from marts.fct_source_conflicts") == [(
            "310110", "elderly_care_beds", 2015, "actual", True, False,
            f"8358 ({YANGPU_PLAN} record 2); 8000 ({YANGPU_PLAN} record 17)", 8358)]
    # 8.32亿元 in the text and 8.3 in the table's 亿元 column agree to the table's rounding.
    assert published.query(
        "select value, value_resolution from marts.bridge_fact_statements "
        "where region_code = '310110' and indicator = 'welfare_lottery_sales' and year = 2015 "
        "order by value") == [(830000000, 10000000), (832000000, 1000000)]


def test_every_published_column_is_described(published):
    """Comments persisted by dbt: every model column in the file carries its description."""
    blank = published.query(
        "select schema_name || '.' || table_name || '.' || column_name from duckdb_columns() "
        "where schema_name in ('staging', 'intermediate', 'marts', 'reporting') "
        "and coalesce(trim(comment), '') = ''"
    )
    assert blank == []


def test_summary_of_first_run(first_run):
    summary = first_run.summary
    assert summary.documents_in_inbox == 5 and len(summary.documents_parsed) == 5
    assert summary.documents_refused == [] and summary.quarantined == []
    assert summary.statistics_rows == 34
    assert (
        summary.figures
        == first_run.workspace.query("select count(*) from marts.fct_plan_figures")[0][0]
    )
    assert summary.published == first_run.workspace.paths.published
