"""Build a small DuckDB file with the marts contract's tables, for developing dashboards offline.

A test aid only: the Superset tests run against the published warehouse that
`minzheng run` writes. Usage: python tests/superset/fixture_warehouse.py PATH
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

OBSERVATION_COLUMNS = """
    observation_id varchar, region_code varchar, region_name varchar, region_level varchar,
    indicator varchar, indicator_name_zh varchar, indicator_name_en varchar, year integer,
    kind varchar, value double, value_high double, unit varchar, comparator varchar,
    binding varchar, source_type varchar, is_derived boolean, derivation varchar,
    document_id varchar, document_name varchar, document_title varchar, source_url varchar,
    statistics_file varchar, quote varchar, publisher varchar, source_count integer,
    has_conflict boolean, is_canonical boolean
"""

REGIONS = [
    ("100000", "全国", "country", None, "全国"),
    ("310000", "上海市", "province", "100000", "全国 > 上海市"),
    ("310110", "杨浦区", "district", "310000", "全国 > 上海市 > 杨浦区"),
    ("310107", "普陀区", "district", "310000", "全国 > 上海市 > 普陀区"),
    ("330903", "普陀区", "district", "330900", "全国 > 浙江省 > 舟山市 > 普陀区"),
]

# The value of the rows that are not canonical, which the dashboards must never show.
NOT_CANONICAL = 99999.0

# fact table -> [(indicator, name_zh, name_en, unit)]
FACTS = {
    "fct_elderly_care_beds": [
        ("elderly_care_beds", "养老床位数", "Elderly-care beds", "beds"),
        ("elderly_care_beds_per_1k_elderly", "每千名老年人养老床位数",
         "Elderly-care beds per 1,000 elderly", "per_1k"),
    ],
    "fct_social_orgs_per_10k": [
        ("social_orgs_per_10k", "每万人社会组织数", "Social organisations per 10,000", "per_10k"),
    ],
    "fct_certified_social_workers": [
        ("certified_social_workers", "持证社会工作者人数", "Certified social workers", "persons"),
        ("certified_social_workers_per_10k", "每万人持证社会工作者数",
         "Certified social workers per 10,000", "per_10k"),
    ],
    "fct_eco_burial_rate": [
        ("eco_burial_rate", "节地生态安葬率", "Eco-burial rate", "percent"),
    ],
}


def _observations(table: str) -> list[tuple]:
    rows = []
    for r_index, (code, name, level, _parent, _path) in enumerate(REGIONS):
        for i_index, (indicator, zh, en, unit) in enumerate(FACTS[table]):
            base = 10.0 * (r_index + 1) + i_index
            doc = f"{r_index:03d}_{code}{i_index}"
            for year, kind, value in [
                (2015, "actual", base), (2020, "actual", base * 1.3),
                (2020, "target", base * 1.25), (2025, "target", base * 1.6),
            ]:
                rows.append((
                    f"{table}-{code}-{indicator}-{year}-{kind}", code, name, level,
                    indicator, zh, en, year, kind, round(value, 2), None, unit,
                    ">=" if kind == "target" else "=", "expected" if kind == "target" else None,
                    "document", False, None, doc[:16], f"{doc}.txt", f"{name}民政事业发展规划",
                    "http://example.org/plan?id=1" if r_index % 2 else None, None,
                    f"到{year}年，{zh}达到{round(value, 2)}",
                    f"{name}民政局" if r_index % 2 else None, 1, False, True,
                ))
    # A second source of one fact that is not its canonical row: no dashboard shows it.
    first = rows[0]
    rows.append((f"{first[0]}-news", *first[1:7], 2016, "actual", NOT_CANONICAL, *first[10:23],
                 None, 2, True, False))
    return rows


def build(path: Path) -> Path:
    """Write the fixture warehouse to `path` (replacing it) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.execute(
        "create table marts.dim_region (region_code varchar, region_name varchar, level varchar,"
        " parent_code varchar, province_code varchar, prefecture_code varchar,"
        " region_path varchar, aliases varchar)"
    )
    for code, name, level, parent, region_path in REGIONS:
        con.execute(
            "insert into marts.dim_region values (?, ?, ?, ?, ?, null, ?, null)",
            [code, name, level, parent, code[:2] + "0000", region_path],
        )
    con.execute("create table marts.dim_document (document_id varchar, document_name varchar,"
                " title varchar)")
    for table in FACTS:
        con.execute(f"create table marts.{table} ({OBSERVATION_COLUMNS})")
        con.executemany(
            f"insert into marts.{table} values ({', '.join(['?'] * 27)})", _observations(table)
        )
    con.execute("create table marts.fct_indicator_observations as "
                + " union all ".join(f"select * from marts.{table}" for table in FACTS))
    # One fact whose sources disagree: a plan's 8358 and 8000 for 杨浦区's 2015 beds.
    con.execute(
        "create table marts.fct_source_conflicts (fact_id varchar, region_code varchar,"
        " region_name varchar, indicator varchar, indicator_name_zh varchar, year integer,"
        " kind varchar, unit varchar, statement_count integer, source_count integer,"
        " within_one_source boolean, between_sources boolean, min_value double, max_value double,"
        " spread double, statements varchar, canonical_value double, canonical_source varchar,"
        " canonical_source_url varchar, canonical_publisher varchar, canonical_quote varchar)"
    )
    con.execute(
        "insert into marts.fct_source_conflicts values ('f1', '310110', '杨浦区', 'elderly_care_beds',"
        " '养老床位数', 2015, 'actual', 'beds', 2, 1, true, false, 8000, 8358, 358,"
        " '8358 (003.txt record 2); 8000 (003.txt record 17)', 8358, '003.txt', null,"
        " '上海市杨浦区人民政府', '全区共有养老床位8358张')"
    )
    con.execute(
        "create table marts.fct_target_attainment (region_code varchar, region_name varchar,"
        " indicator varchar, indicator_name_zh varchar, unit varchar, target_year integer,"
        " target_value double, target_value_high double, target_comparator varchar,"
        " target_binding varchar, target_document_id varchar, target_document_name varchar,"
        " target_quote varchar, baseline_year integer, baseline_value double,"
        " latest_actual_year integer, latest_actual_value double, latest_actual_source varchar,"
        " latest_actual_quote varchar, gap double, expected_value_at_actual_year double,"
        " on_track boolean, status varchar, target_source_url varchar, target_publisher varchar,"
        " source_count integer, is_canonical boolean)"
    )
    con.execute("insert into marts.dim_document select distinct document_id, document_name,"
                " document_title from marts.fct_elderly_care_beds")
    statuses = ["met", "on_track", "behind", "no_actual"]
    for table in FACTS:
        con.execute(
            f"""
            insert into marts.fct_target_attainment
            select t.region_code, t.region_name, t.indicator, t.indicator_name_zh, t.unit,
                   t.year, t.value, null, t.comparator, t.binding, t.document_id,
                   t.document_name, t.quote, 2015, b.value, a.year, a.value, a.document_name,
                   a.quote, t.value - a.value, b.value + (t.value - b.value) * 0.5,
                   a.value >= t.value, null, t.source_url, t.publisher, 1, true
            from marts.{table} t
            left join marts.{table} a on a.region_code = t.region_code
                 and a.indicator = t.indicator and a.kind = 'actual' and a.year = 2020
            left join marts.{table} b on b.region_code = t.region_code
                 and b.indicator = t.indicator and b.kind = 'actual' and b.year = 2015
            where t.kind = 'target'
            """
        )
    con.execute("insert into marts.fct_target_attainment select * replace (? as target_value, false as is_canonical) "
                "from marts.fct_target_attainment limit 1", [NOT_CANONICAL])
    con.execute(
        "update marts.fct_target_attainment set status = list_extract(?, "
        "1 + (hash(region_code || indicator || target_year) % 4)::integer)",
        [statuses],
    )
    con.close()
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "warehouse/minzheng.duckdb")))
