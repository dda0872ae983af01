"""Annual statistics: CSV and XLSX rows checked against the real regions and catalogue."""

from __future__ import annotations

import duckdb
import openpyxl
import pytest

from minzheng.paths import REFERENCE_DIR
from warehouse.raw import reference_tables, replace_tables
from warehouse.statistics import read_statistics, validate_statistics

HEADER = ["region_code", "year", "indicator", "value", "unit", "source"]


@pytest.fixture(scope="module")
def reference_db():
    con = duckdb.connect()
    replace_tables(con, reference_tables(REFERENCE_DIR))
    yield con
    con.close()


def test_csv_rows_checked_one_by_one(tmp_path, reference_db):
    csv = tmp_path / "mixed.csv"
    csv.write_text(
        "region_code,year,indicator,value,unit,source\n"
        '310000,2022,elderly_care_beds,"163,600",beds,https://example.org/a\n'
        "310000,2022,elderly_care_beds,163600,beds,https://example.org/b\n"
        "310000,2022,elderly_care_beds,12.5,beds,https://example.org/c\n"
        "310000,twenty,eco_burial_rate,60,percent,https://example.org/d\n"
        "310000,2021,eco_burial_rate,60,percent,\n",
        encoding="utf-8",
    )
    rows, unreadable = read_statistics([csv])
    accepted, rejected = validate_statistics(reference_db, rows)
    assert unreadable.height == 0
    # Thousands separators are how offices write numbers; the first row lands as 163600.
    assert accepted.select("row_number", "value").rows() == [(2, 163600.0)]
    reasons = dict(rejected.select("row_number", "reason").rows())
    assert reasons[3] == "repeats row 2 (same region, indicator and year)"
    assert "is not a whole number, but beds counts" in reasons[4]
    assert reasons[5] == "year 'twenty' is not a whole number"
    assert reasons[6] == "source is empty"


def test_xlsx_as_offices_publish_it(tmp_path, reference_db):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    # Spreadsheets hold codes and years as numbers.
    sheet.append([330900, 2021, "social_orgs", 5100, "orgs", "https://example.org/x"])
    sheet.append([330900, 2021, "social_orgs_per_10k", 43.7, "percent", "https://example.org/y"])
    path = tmp_path / "zhoushan.xlsx"
    book.save(path)
    rows, _ = read_statistics([path])
    accepted, rejected = validate_statistics(reference_db, rows)
    assert accepted.select("region_code", "year", "indicator", "value").rows() == [
        ("330900", 2021, "social_orgs", 5100.0)
    ]
    assert rejected.select("row_number", "reason").rows() == [
        (
            3,
            "unit 'percent' disagrees with the catalogue unit 'orgs_per_10k_pop' "
            "of social_orgs_per_10k",
        )
    ]


def test_unreadable_files_are_rejected_whole(tmp_path):
    missing_column = tmp_path / "short.csv"
    missing_column.write_text(
        "region_code,year,indicator,value\n310000,2020,social_orgs,1\n", encoding="utf-8"
    )
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a spreadsheet")
    _, unreadable = read_statistics([missing_column, broken])
    reasons = dict(unreadable.select("file", "reason").rows())
    assert reasons["short.csv"] == "missing column(s): unit, source"
    assert reasons["broken.xlsx"].startswith("cannot read")
