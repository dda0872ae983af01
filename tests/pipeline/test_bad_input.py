"""Bad input through the real `minzheng run`: held back with its reason, or the run blocked.

One batch (the sample corpus plus every bad input below, each beside good rows) runs
once through the command line; each test checks one kind of bad input: where it came
in, what the run says about it, that it is absent from the marts, and that the good
rows of the same file or document are there. Blocking runs have their own workspaces.

Paths the bad inputs take:
- documents (parser -> parse cache -> raw.figure_records): a target year before the
  plan period (a table header typo), the same document twice under two names (a byte
  copy and a GB18030 repost), an empty file;
- the parse cache, as a parser regression would write it: a percent of 580 (the parser
  itself refuses impossible values when it splits table cells, so a document cannot
  carry one through today's parser);
- statistics files (reader -> raw.statistics_rows): everything else.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests.pipeline.conftest import PipelineWorkspace, one_line, sha256
from warehouse.inputs import document_id, file_sha256
from warehouse.parse_cache import ParseCache

pytestmark = pytest.mark.pipeline

ZHOUSHAN_PLAN = "002_66b1147c1cebaaf5.txt"  # its table row 节地生态安葬率(%)586070: 58, 60, 70
YANGPU_PLAN = "003_753ddc9777402cd1.txt"  # 26 figure records
YANGPU_FIGURES = 26
HEADER = "region_code,year,indicator,value,unit,source,quote\n"
# Zhoushan's 2021 statistics, one good row first, then one bad row per kind of problem.
ZHOUSHAN_2021 = HEADER + textwrap.dedent("""\
    330900,2021,social_orgs,5100,orgs,https://example.org/zs-2021,good row
    330900,2021,certified_social_workers,-120,persons,https://example.org/negative,a negative count
    339999,2021,elderly_care_beds,13000,beds,https://example.org/region,no such region
    330900,20252,eco_burial_rate,62,percent,https://example.org/year,a year typed with a 2 too many
    330900,2021,elderly_care_beds,—,beds,https://example.org/dash,a dash for a missing value
    330900,2021,social_orgs_per_10k,"12,000",orgs_per_10k_pop,https://example.org/per-10k,per 10k
    """)
# Saved from Excel on a Chinese Windows: GBK, a good row and a count in 万人.
ZHOUSHAN_GBK = HEADER + textwrap.dedent("""\
    330900,2022,social_orgs,5300,orgs,https://example.org/zs-2022,全市共有社会组织5300家
    330900,2022,certified_social_workers,0.15,万人,https://example.org/wan,全市持证社会工作者0.15万人
    """)
# The cells that used to crash the gate or be published (issue 12), beside a good row: a
# non-finite number, an actual for a year to come, a code with another region's name, and
# two rows of one key with different values. The file names its regions.
ZHOUSHAN_CELLS = textwrap.dedent("""\
    region_code,region,year,indicator,value,unit,source
    330900,舟山市,2019,social_orgs,4900,orgs,https://example.org/zs-2019
    330900,舟山市,2017,social_orgs,inf,orgs,https://example.org/inf
    330900,舟山市,2090,social_orgs,5300,orgs,https://example.org/2090
    110000,上海市,2021,social_orgs,13000,orgs,https://example.org/misnamed
    330900,舟山市,2018,social_orgs,4800,orgs,https://example.org/first
    330900,舟山市,2018,social_orgs,4850,orgs,https://example.org/second
    """)
# Good rows, but no unit column: nothing in the file can be trusted to be in the catalogue's unit.
NO_UNIT_COLUMN = textwrap.dedent("""\
    region_code,year,indicator,value,source
    310000,2023,elderly_care_beds,165000,https://example.org/no-unit
    """)
# A 十四五 plan whose table header says 2019 where 2022 was meant.
TYPO_PLAN = textwrap.dedent("""\
    舟山市养老服务发展“十四五”规划

    舟山市民政局 2021年6月1日

    一、主要指标
    表1 “十四五”养老服务发展主要指标
    序号 指标 2020年目标值 2020年实际值 2019年目标值 2025年目标值 属性
    1 养老机构护理型床位占比(%) 50 52 55 60 预期性
    """)


def workbook_of_two_sheets(path) -> None:
    """An office's workbook: one sheet a year, each with its own header and row."""
    from openpyxl import Workbook

    book = Workbook()
    for sheet, (year, value) in zip((book.active, book.create_sheet()),
                                    ((2015, 4500), (2016, 4600)), strict=True):
        sheet.title = str(year)
        sheet.append(["region_code", "year", "indicator", "value", "unit", "source"])
        sheet.append(["330900", year, "social_orgs", value, "orgs", f"https://example.org/{year}"])
    book.save(path)


@dataclass
class Batch:
    workspace: PipelineWorkspace
    stdout: str
    stderr: str
    returncode: int

    def quarantined(self, source_file: str) -> list[tuple]:
        """(record or row number, reason) of each row held back from one file."""
        return self.workspace.query(
            "select record_number, reason from raw.quarantine where source_file = ? "
            "order by record_number nulls first", [source_file])


@pytest.fixture(scope="module")
def batch(published, tmp_path_factory) -> Batch:
    """The sample corpus and every bad input, through one real `minzheng run`."""
    workspace = published.copy_to(tmp_path_factory.mktemp("bad_input") / "site")
    paths = workspace.paths
    # Documents.
    (paths.documents / "zhoushan_nursing_plan.txt").write_text(TYPO_PLAN, encoding="utf-8")
    yangpu = (paths.documents / YANGPU_PLAN).read_bytes()
    (paths.documents / "yangpu_copy.txt").write_bytes(yangpu)
    (paths.documents / "yangpu_repost_gbk.txt").write_bytes(
        yangpu.decode("utf-8").encode("gb18030"))
    (paths.documents / "empty.txt").write_bytes(b"")
    # The parse cache: 580 for the 2022 target of the run-together row 586070.
    cache = ParseCache(paths.parse_cache)
    entry = cache.read(document_id(file_sha256(paths.documents / ZHOUSHAN_PLAN)))
    record = next(r for r in entry["records"]
                  if r["indicator"] == "eco_burial_rate" and r["year"] == 2022)
    record["value"] = 580
    cache.write(entry)
    # Statistics files.
    (paths.statistics / "zhoushan_2021.csv").write_text(ZHOUSHAN_2021, encoding="utf-8")
    (paths.statistics / "zhoushan_2022_gbk.csv").write_bytes(ZHOUSHAN_GBK.encode("gbk"))
    (paths.statistics / "shanghai_no_unit.csv").write_text(NO_UNIT_COLUMN, encoding="utf-8")
    (paths.statistics / "zhoushan_cells.csv").write_text(ZHOUSHAN_CELLS, encoding="utf-8")
    workbook_of_two_sheets(paths.statistics / "zhoushan_two_sheets.xlsx")
    (paths.statistics / "empty.csv").write_bytes(b"")
    (paths.statistics / "notes.txt").write_text("not a table\n", encoding="utf-8")
    result = workspace.run_cli()
    return Batch(workspace, result.stdout, result.stderr, result.returncode)


def test_the_batch_publishes_and_names_every_bad_input(batch):
    """`minzheng run` publishes everything else and reports each problem with its reason."""
    assert batch.returncode == 0, batch.stderr
    report = one_line(batch.stdout)
    assert "refused document empty.txt: empty file" in report
    assert "quarantined zhoushan_nursing_plan.txt record 3: target year 2019 lies before" in report
    assert "quarantined zhoushan_2021.csv row 3: value -120 is outside the plausible range" in report
    assert "quarantined empty.csv (whole file): empty file" in report
    # Every good row of the batch landed: the sample and the good rows of the bad files.
    assert batch.workspace.query(
        "select statistics_file, value from marts.fct_annual_statistics "
        "where statistics_file like 'zhoushan_20%' order by statistics_file"
    ) == [("zhoushan_2021.csv", 5100), ("zhoushan_2022_gbk.csv", 5300)]
    shipped = batch.workspace.paths.statistics / "civil_affairs_statistics.csv"
    rows = len(shipped.read_text(encoding="utf-8").splitlines()) - 1
    assert batch.workspace.query(
        "select count(*) from marts.fct_annual_statistics where statistics_file = "
        "'civil_affairs_statistics.csv'") == [(rows,)]


def test_percent_of_580_from_a_wrong_split(batch):
    """Path: parse cache. The other cells of the same table row still land."""
    (held,) = [row for row in batch.quarantined(ZHOUSHAN_PLAN)]
    assert held[1] == ("value 580 is outside the plausible range 0 to 100 of unit percent "
                       "(A share of a whole cannot exceed 100 percent.)")
    assert batch.workspace.query(
        "select year, kind, value from marts.fct_plan_figures where document_name = ? "
        "and indicator = 'eco_burial_rate' order by year", [ZHOUSHAN_PLAN]
    ) == [(2020, "actual", 58), (2025, "target", 70)]


def test_negative_count(batch):
    """Path: statistics CSV."""
    assert (3, "value -120 is outside the plausible range 0 to 1500000000 of unit persons "
               "(Cannot exceed China's population.)") in batch.quarantined("zhoushan_2021.csv")
    assert batch.workspace.query(
        "select count(*) from marts.fct_indicator_observations where value < 0") == [(0,)]


def test_unknown_region_code(batch):
    """Path: statistics CSV."""
    assert (4, "unknown region code '339999'") in batch.quarantined("zhoushan_2021.csv")
    assert batch.workspace.query(
        "select count(*) from marts.fct_indicator_observations where region_code = '339999'"
    ) == [(0,)]


def test_year_20252(batch):
    """Path: statistics CSV."""
    assert (5, "year 20252 is outside 1949-2100") in batch.quarantined("zhoushan_2021.csv")


def test_non_numeric_value(batch):
    """Path: statistics CSV."""
    assert (6, "value '—' is not a number") in batch.quarantined("zhoushan_2021.csv")


def test_per_10k_value_of_12000(batch):
    """Path: statistics CSV, written with a thousands separator."""
    ((row, reason),) = [held for held in batch.quarantined("zhoushan_2021.csv") if held[0] == 7]
    assert reason.startswith("value 12,000 is outside the plausible range 0 to 100 of unit "
                             "orgs_per_10k_pop (")
    # Exactly the five bad rows of the file are held back; its good row landed (above).
    assert [row for row, _ in batch.quarantined("zhoushan_2021.csv")] == [3, 4, 5, 6, 7]


def test_csv_in_gbk_and_a_unit_of_wan_ren(batch):
    """Path: statistics CSV saved in GBK: decoded, its good row lands with its quote intact."""
    assert batch.workspace.query(
        "select quote from marts.fct_annual_statistics where statistics_file = 'zhoushan_2022_gbk.csv'"
    ) == [("全市共有社会组织5300家",)]
    (held,) = batch.quarantined("zhoushan_2022_gbk.csv")
    assert held == (3, "unit '万人' disagrees with the catalogue unit 'persons' of "
                       "certified_social_workers; value 0.15 is not a whole number, but persons counts")
    assert batch.workspace.query(
        "select quote from raw.quarantine where source_file = 'zhoushan_2022_gbk.csv'"
    ) == [("全市持证社会工作者0.15万人",)]


def test_non_finite_future_misnamed_and_conflicting_cells(batch):
    """Path: statistics CSV. `inf` once crashed the gate; the 2090 actual and 110000 named
    上海市 were published; of two rows of one key the first won. Now each is held back with
    its reason, and only the good row lands."""
    assert "quarantined zhoushan_cells.csv row 3: value 'inf' is not a number" \
        in one_line(batch.stdout)
    assert batch.quarantined("zhoushan_cells.csv") == [
        (3, "value 'inf' is not a number"),
        (4, f"an actual for the year 2090, which has not come yet (this is {date.today().year})"),
        (5, "region name '上海市' is not the region of code 110000 (北京市)"),
        (6, "conflicts with row 7: 4850 (same region, indicator and year; value 4800 here): "
            "held back until the file is corrected"),
        (7, "conflicts with row 6: 4800 (same region, indicator and year; value 4850 here): "
            "held back until the file is corrected")]
    assert batch.workspace.query(
        "select year, value from marts.fct_annual_statistics "
        "where statistics_file = 'zhoushan_cells.csv'") == [(2019, 4900)]
    assert batch.workspace.query(
        "select count(*) from marts.fct_indicator_observations where year = 2090 "
        "or (region_code = '110000' and value = 13000) or value in (4800, 4850)") == [(0,)]


def test_every_sheet_of_a_workbook_lands(batch):
    """Path: statistics XLSX. The second sheet's rows were once dropped without a word."""
    assert batch.quarantined("zhoushan_two_sheets.xlsx") == []
    assert batch.workspace.query(
        "select statistics_file, year, value from marts.fct_annual_statistics "
        "where statistics_file like 'zhoushan_two_sheets.xlsx%' order by year") == [
        ("zhoushan_two_sheets.xlsx [2015]", 2015, 4500),
        ("zhoushan_two_sheets.xlsx [2016]", 2016, 4600)]


def test_csv_with_a_missing_column(batch):
    assert batch.quarantined("shanghai_no_unit.csv") == [(None, "missing column(s): unit")]
    assert batch.workspace.query(
        "select count(*) from marts.fct_annual_statistics where statistics_file = 'shanghai_no_unit.csv'"
    ) == [(0,)]


def test_empty_csv_and_a_file_that_is_no_table(batch):
    assert batch.quarantined("empty.csv") == [(None, "empty file")]
    assert batch.quarantined("notes.txt") == [
        (None, "unsupported file type '.txt' (expected .csv, .xlsx)")]


def test_target_year_before_its_plan_period(batch):
    """Path: document. The plan's other figures land, the reviewed 十三五 target for 2020 too."""
    assert batch.quarantined("zhoushan_nursing_plan.txt") == [
        (3, "target year 2019 lies before the plan period 2021-2025")]
    assert batch.workspace.query(
        "select year, kind, value from marts.fct_plan_figures "
        "where document_name = 'zhoushan_nursing_plan.txt' order by year, kind"
    ) == [(2020, "actual", 52), (2020, "target", 50), (2025, "target", 60)]


def test_the_same_document_twice_under_two_names(batch):
    """Path: documents. A byte copy and a GB18030 repost of the Yangpu plan land once."""
    assert batch.quarantined("yangpu_copy.txt") == [
        (None, f"same bytes as {YANGPU_PLAN}: landed once, as {YANGPU_PLAN}")]
    repost = batch.quarantined("yangpu_repost_gbk.txt")
    assert [number for number, _ in repost] == list(range(1, YANGPU_FIGURES + 1))
    assert repost[0][1].startswith(f"repeats record 1 of {YANGPU_PLAN}")
    assert batch.workspace.query(
        "select document_name, figure_count from marts.dim_document "
        "where document_name like '%yangpu%' or document_name = ? order by 1", [YANGPU_PLAN]
    ) == [(YANGPU_PLAN, YANGPU_FIGURES), ("yangpu_repost_gbk.txt", 0)]


def test_empty_document_is_refused(batch):
    assert batch.workspace.query(
        "select status, rejected_reason from marts.dim_document where document_name = 'empty.txt'"
    ) == [("rejected", "empty file")]


# Shanghai's districts' certified social workers, all in 万人: the file's convention, not a
# slip in one row. Twenty rows held back are more than a tenth of the batch.
DISTRICTS = ("310101", "310104", "310105", "310106", "310107", "310109", "310110", "310112",
             "310113", "310114", "310115", "310116", "310117", "310118", "310120", "310151")
WRONG_UNIT_FILE = HEADER + "".join(
    f"{code},{year},certified_social_workers,0.{number + 10},万人,https://example.org/{code},\n"
    for number, code in enumerate(DISTRICTS) for year in (2021, 2022))


def test_too_many_bad_rows_block_the_run(published, tmp_path):
    """32 rows in the wrong unit, a fifth of the batch: the run stops, the published file stays."""
    workspace = published.copy_to(tmp_path / "site")
    paths = workspace.paths
    (paths.statistics / "districts_in_wan.csv").write_text(WRONG_UNIT_FILE, encoding="utf-8")
    before = sha256(paths.published)
    # The batch: every record and row of the sample, and the new file's 32.
    ((sample_rows,),) = published.query(
        "select (select count(*) from raw.figure_records) + (select count(*) from raw.statistics_rows)")
    total = sample_rows + 32

    result = workspace.run_cli()

    assert result.returncode == 1
    message = one_line(result.stderr)
    assert ("minzheng run failed at blocking check raw_observations_suite on raw/figures, "
            "raw/annual_statistics: ") in message
    assert f"32 of {total} rows" in message
    assert "failed the suite raw_observations, more than the 10% a run may quarantine" in message
    assert ("suite raw_observations, expectation expect_column_pair_values_to_be_equal(unit, "
            f"catalogue_unit): 32 of {total} rows unexpected") in message
    assert ("districts_in_wan.csv row 2: unit '万人' disagrees with the catalogue unit 'persons' "
            "of certified_social_workers") in message
    assert "left as it was" in message
    assert sha256(paths.published) == before
    # What the gate found stays in the build file and the Data Docs, for the operator.
    with duckdb.connect(str(paths.build), read_only=True) as con:
        assert con.execute("select count(*) from raw.quarantine where source_file = "
                           "'districts_in_wan.csv'").fetchone() == (32,)
    # The page the message names is this run's, among the Data Docs of the runs kept.
    page = Path(re.search(r"Data Docs: (\S+\.html)", message).group(1))
    assert page.is_relative_to(paths.data_docs) and "validations/raw_observations" in str(page)
    assert "万人" in page.read_text(encoding="utf-8")
