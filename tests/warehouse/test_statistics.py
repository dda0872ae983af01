"""Annual statistics files: what the reader types, and which files it refuses whole."""

from __future__ import annotations

import openpyxl

from warehouse.statistics import read_statistics

HEADER = "region_code,year,indicator,value,unit,source,quote\n"


def test_cells_are_typed_and_kept_as_written(tmp_path):
    csv = tmp_path / "mixed.csv"
    csv.write_text(
        HEADER
        + '310000,2022,elderly_care_beds,"163,600",beds,https://example.org/a,床位16.36万张\n'
        + "310000,twenty,eco_burial_rate,—,percent,https://example.org/b,\n"
        + ",2021,eco_burial_rate,60,,,\n",
        encoding="utf-8",
    )
    rows, file_errors = read_statistics([csv])
    assert file_errors.height == 0
    # Thousands separators are how offices write numbers; a dash or a word is no number.
    assert rows.select("row_number", "region_code", "year", "year_text", "value", "value_text").rows() == [
        (2, "310000", 2022, "2022", 163600.0, "163,600"),
        (3, "310000", None, "twenty", None, "—"),
        (4, None, 2021, "2021", 60.0, "60"),
    ]
    assert rows.select("unit", "source", "quote").rows()[2] == ("", None, None)


def test_gbk_csv_is_decoded(tmp_path):
    """Excel on a Chinese Windows saves CSV in GBK: the quotes must arrive as written."""
    csv = tmp_path / "gbk.csv"
    csv.write_bytes(
        (HEADER + "330900,2021,social_orgs,5100,orgs,https://example.org/x,全市共有社会组织5100家\n").encode("gbk")
    )
    rows, file_errors = read_statistics([csv])
    assert file_errors.height == 0
    assert rows.select("quote", "value").rows() == [("全市共有社会组织5100家", 5100.0)]


def test_xlsx_codes_and_years_stored_as_numbers(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["region_code", "year", "indicator", "value", "unit", "source"])
    sheet.append([330900, 2021, "social_orgs", 5100, "orgs", "https://example.org/x"])
    path = tmp_path / "zhoushan.xlsx"
    book.save(path)
    rows, _ = read_statistics([path])
    assert rows.select("region_code", "year", "indicator", "value", "quote").rows() == [
        ("330900", 2021, "social_orgs", 5100.0, None)
    ]


def test_unreadable_files_are_refused_whole(tmp_path):
    missing_column = tmp_path / "short.csv"
    missing_column.write_text("region_code,year,indicator,value\n310000,2020,social_orgs,1\n", encoding="utf-8")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    header_only = tmp_path / "header.csv"
    header_only.write_text(HEADER, encoding="utf-8")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a spreadsheet")
    notes = tmp_path / "notes.txt"
    notes.write_text("not a table\n", encoding="utf-8")
    rows, file_errors = read_statistics([missing_column, empty, header_only, broken, notes])
    assert rows.height == 0
    reasons = dict(file_errors.rows())
    assert reasons["short.csv"] == "missing column(s): unit, source"
    assert reasons["empty.csv"] == "empty file"
    assert reasons["header.csv"] == "no data rows (only a header)"
    assert reasons["broken.xlsx"].startswith("cannot read")
    assert reasons["notes.txt"] == "unsupported file type '.txt' (expected .csv, .xlsx)"
