"""The raw suite with Great Expectations on real parses and real statistics files, without Dagster.

Each test writes its inputs (a plan document, a statistics CSV), lands them as the
pipeline does (parser -> parse entries -> raw tables; statistics reader -> raw rows)
into a DuckDB file with the real reference tables, then validates with the real suite.
"""

from __future__ import annotations

import textwrap
from datetime import date

import duckdb

from expectations import gate, raw
from expectations.staging import BATCH_ROWS, StagedRows
from minzheng.paths import REFERENCE_DIR
from warehouse.inputs import parser_version, scan_documents
from warehouse.parse_cache import parse_document
from warehouse.raw import document_tables, reference_tables, replace_tables
from warehouse.statistics import read_statistics

HEADER = "region_code,year,indicator,value,unit,source,quote\n"
# A 十四五 plan's indicator table: the 十三五 target for 2020 it reviews, the 2020 result, a
# header typo (2019 where 2022 was meant), and the 2025 target.
PLAN = textwrap.dedent("""\
    舟山市养老服务发展“十四五”规划

    舟山市民政局 2021年6月1日

    一、主要指标
    表1 “十四五”养老服务发展主要指标
    序号 指标 2020年目标值 2020年实际值 2019年目标值 2025年目标值 属性
    1 节地生态安葬率(%) 55 58 60 75 预期性
    """)


def run_gate(tmp_path, documents: dict[str, bytes] | None = None, csv: str | None = None,
             batch_rows: int = BATCH_ROWS):
    """Land the inputs as the pipeline does and validate them; (failing rows by id, result, decision)."""
    inbox = tmp_path / "documents"
    inbox.mkdir(parents=True)
    for name, data in (documents or {}).items():
        (inbox / name).write_bytes(data)
    files = []
    if csv is not None:
        files.append(tmp_path / "statistics.csv")
        files[0].write_text(csv, encoding="utf-8")
    version = parser_version(REFERENCE_DIR)
    entries = [(document, parse_document(document, version))
               for document in scan_documents(inbox).values()]
    rows, file_errors = read_statistics(files)
    quality = gate.QualityContext(tmp_path / "gx", tmp_path / "docs", fresh=True)
    with duckdb.connect(str(tmp_path / "build.duckdb")) as con:
        replace_tables(con, reference_tables(REFERENCE_DIR) | document_tables(entries, inbox)
                       | {"statistics_rows": rows, "statistics_file_errors": file_errors})
        staged = StagedRows(con, raw.FRAME_SQL, raw.STAGED_TABLE, label=raw.stage(con).label,
                            batch_rows=batch_rows)
        result = quality.validate(raw.raw_suite(REFERENCE_DIR), staged.batches(), "test-run")
        failing = staged.rows(gate.failing_row_ids(result))
    return failing, result, gate.decide(result, failing)


def reasons_by_source(rows, decision) -> dict[str, str]:
    """'file row N' -> reasons, for every quarantined row."""
    return {rows[row_id]["source_label"]: "; ".join(reason for _, reason in findings)
            for row_id, findings in decision.quarantined.items()}


def test_statistics_rows_are_quarantined_with_their_reasons(tmp_path):
    csv = HEADER + textwrap.dedent("""\
        330900,2021,social_orgs,5100,orgs,https://example.org/1,good row
        339999,2021,social_orgs,5100,orgs,https://example.org/2,
        330900,2021,no_such_indicator,1,orgs,https://example.org/3,
        330900,2021,eco_burial_rate,—,percent,https://example.org/4,
        330900,2021,certified_social_workers,0.15,万人,https://example.org/5,
        330900,20252,elderly_care_beds,13000,beds,https://example.org/6,
        330900,2022,social_orgs_per_10k,"12,000",orgs_per_10k_pop,https://example.org/7,
        330900,2022,social_orgs,-120,orgs,https://example.org/8,
        330900,2022,elderly_care_beds,12.5,beds,https://example.org/9,
        330900,2023,eco_burial_rate,580,percent,https://example.org/10,
        330900,2023,social_orgs,5200,orgs,,
        """)
    rows, result, decision = run_gate(tmp_path, csv=csv)
    assert not result.success
    reasons = reasons_by_source(rows, decision)
    assert sorted(reasons) == sorted(f"statistics.csv row {n}" for n in range(3, 13))
    assert reasons["statistics.csv row 3"] == "unknown region code '339999'"
    assert reasons["statistics.csv row 4"] == "unknown indicator 'no_such_indicator'"
    assert reasons["statistics.csv row 5"] == "value '—' is not a number"
    assert reasons["statistics.csv row 6"] == (
        "unit '万人' disagrees with the catalogue unit 'persons' of certified_social_workers; "
        "value 0.15 is not a whole number, but persons counts")
    assert reasons["statistics.csv row 7"] == "year 20252 is outside 1949-2100"
    # Bounds and their reasons come from data/reference/indicators.yaml.
    assert reasons["statistics.csv row 8"].startswith(
        "value 12,000 is outside the plausible range 0 to 100 of unit orgs_per_10k_pop (")
    assert reasons["statistics.csv row 9"].startswith(
        "value -120 is outside the plausible range 0 to 2000000 of unit orgs (")
    assert reasons["statistics.csv row 10"] == "value 12.5 is not a whole number, but beds counts"
    assert reasons["statistics.csv row 11"] == (
        "value 580 is outside the plausible range 0 to 100 of unit percent "
        "(A share of a whole cannot exceed 100 percent.)")
    assert reasons["statistics.csv row 12"] == "source is empty"
    # Ten of eleven rows held back is far past the threshold: the run would stop.
    assert decision.blocked
    assert "10 of 11 rows" in decision.blocking[0]


def test_target_years_outside_the_plan_period(tmp_path):
    rows, _, decision = run_gate(tmp_path, documents={"plan.txt": PLAN.encode("utf-8")})
    held = {(int(rows[row_id]["year"]), rows[row_id]["kind"]) for row_id in decision.quarantined}
    # Only the typo: the reviewed 十三五 target (2020, the year before the period) stays.
    assert held == {(2019, "target")}
    (findings,) = decision.quarantined.values()
    assert findings[0][1] == "target year 2019 lies before the plan period 2021-2025"
    assert not decision.blocked


def test_a_document_saved_twice_lands_once(tmp_path):
    """A repost in GB18030 under another name: the copy's records repeat the first's."""
    documents = {"a_plan.txt": PLAN.encode("utf-8"), "b_repost.txt": PLAN.encode("gb18030")}
    rows, _, decision = run_gate(tmp_path, documents=documents)
    reasons = reasons_by_source(rows, decision)
    copies = {label: reason for label, reason in reasons.items() if label.startswith("b_repost")}
    # Every record of the copy repeats one of the first copy; its typo is held back twice over.
    assert sorted(copies) == [f"b_repost.txt record {n}" for n in (1, 2, 3, 4)]
    assert copies["b_repost.txt record 1"].startswith("repeats record 1 of a_plan.txt")
    assert copies["b_repost.txt record 3"].startswith("target year 2019 lies before the plan period")
    # The first copy's records land (all but its own typo); repeats never count towards a block.
    assert [label for label in reasons if label.startswith("a_plan")] == ["a_plan.txt record 3"]
    assert not decision.blocked


def test_repeated_statistics_row_keeps_the_first(tmp_path):
    # Validated one row per batch: a repeat is found across batches.
    csv = HEADER + ("330900,2021,social_orgs,5100,orgs,https://example.org/1,\n" * 2)
    rows, _, decision = run_gate(tmp_path, csv=csv, batch_rows=1)
    assert reasons_by_source(rows, decision) == {
        "statistics.csv row 3": "repeats row 2 (same region, indicator and year)"}


def test_rows_of_one_key_with_different_values_are_a_conflict_and_none_lands(tmp_path):
    csv = HEADER + ("330900,2021,social_orgs,5100,orgs,https://example.org/1,\n"
                    "330900,2021,social_orgs,5180,orgs,https://example.org/2,\n")
    rows, _, decision = run_gate(tmp_path, csv=csv, batch_rows=1)
    assert reasons_by_source(rows, decision) == {
        "statistics.csv row 2": "conflicts with row 3: 5180 (same region, indicator and year; "
                                "value 5100 here): held back until the file is corrected",
        "statistics.csv row 3": "conflicts with row 2: 5100 (same region, indicator and year; "
                                "value 5180 here): held back until the file is corrected"}


def test_non_finite_future_and_misnamed_cells_are_quarantined_not_a_crash(tmp_path):
    """One `inf` cell used to crash the gate; a 2090 actual and 110000 named 上海市 landed."""
    header = "region_code,region,year,indicator,value,unit,source\n"
    csv = header + textwrap.dedent("""\
        330900,舟山市,2021,social_orgs,5100,orgs,https://example.org/1
        330900,舟山,2022,social_orgs,inf,orgs,https://example.org/2
        330900,,2023,social_orgs,NaN,orgs,https://example.org/3
        330900,舟山市,2090,social_orgs,5300,orgs,https://example.org/4
        110000,上海市,2021,social_orgs,13000,orgs,https://example.org/5
        310000,沪,2021,social_orgs,17000,orgs,https://example.org/6
        """)
    rows, _, decision = run_gate(tmp_path, csv=csv)
    reasons = reasons_by_source(rows, decision)
    assert reasons == {
        "statistics.csv row 3": "value 'inf' is not a number",
        "statistics.csv row 4": "value 'NaN' is not a number",
        "statistics.csv row 5": f"an actual for the year 2090, which has not come yet "
                                f"(this is {date.today().year})",
        "statistics.csv row 6": "region name '上海市' is not the region of code 110000 (北京市)",
    }


def test_every_sheet_of_a_workbook_is_read(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    first.title = "2021"
    second = book.create_sheet("2022")
    book.create_sheet("blank")
    for sheet, year, value in ((first, 2021, 5100), (second, 2022, 5200)):
        sheet.append(["region_code", "year", "indicator", "value", "unit", "source"])
        sheet.append([330900, year, "social_orgs", value, "orgs", "https://example.org/x"])
    book.save(tmp_path / "book.xlsx")
    rows, errors = read_statistics([tmp_path / "book.xlsx"])
    assert errors.height == 0
    assert rows.select("file", "row_number", "year", "value").rows() == [
        ("book.xlsx [2021]", 2, 2021, 5100.0), ("book.xlsx [2022]", 2, 2022, 5200.0)]
    # A sheet with rows but not the columns refuses the file, naming the sheet.
    book["blank"].append(["说明", "单位"])
    book["blank"].append(["数据来源", "民政局"])
    book.save(tmp_path / "book.xlsx")
    rows, errors = read_statistics([tmp_path / "book.xlsx"])
    assert rows.height == 0
    assert errors.rows() == [("book.xlsx", "sheet blank: missing column(s): region_code, year, "
                                           "indicator, value, unit, source")]


def test_a_few_bad_rows_do_not_block(tmp_path):
    good = "".join(f"330900,{year},social_orgs,{5000 + year},orgs,https://example.org/{year},\n"
                   for year in range(1970, 2020))
    bad = "".join(f"330900,{year},eco_burial_rate,{500 + year},percent,https://example.org/b,\n"
                  for year in range(2000, 2005))
    _, _, decision = run_gate(tmp_path, csv=HEADER + good + bad)
    # 5 of 55 rows (9 %) is under the threshold of 10 %.
    assert len(decision.quarantined) == 5 and not decision.blocked
    _, _, decision = run_gate(tmp_path / "more", csv=HEADER + good + bad
                              + "330900,2005,eco_burial_rate,2505,percent,https://example.org/b,\n")
    # 6 of 56 (11 %) is over it.
    assert decision.blocked
    assert "6 of 56 rows (11%) failed the suite raw_observations" in decision.blocking[0]
    assert "expectation expect_column_values_to_be_between(value) where catalogue_unit == percent" \
        in decision.blocking[0]
    assert "statistics.csv row 57: value 2505 is outside the plausible range" in decision.blocking[0]


def test_an_empty_batch_blocks(tmp_path):
    _, result, decision = run_gate(tmp_path)
    assert result.rows == 0 and decision.blocked
    assert "expect_table_row_count_to_be_between" in decision.blocking[0]


def test_data_docs_show_the_validation(tmp_path):
    _, result, _ = run_gate(tmp_path, csv=HEADER + "339999,2021,social_orgs,1,orgs,https://example.org/1,\n")
    index = result.docs_index.read_text(encoding="utf-8")
    pages = list((tmp_path / "docs" / "validations" / "raw_observations").rglob("*.html"))
    assert len(pages) == 1 and pages[0].relative_to(tmp_path / "docs").as_posix() in index
    assert "339999" in pages[0].read_text(encoding="utf-8")
