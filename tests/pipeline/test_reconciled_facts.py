"""Two documents that disagree on a fact, and their origins, through a real second run.

A statistical bulletin and a later news report both give 舟山市's elderly-care beds at the
end of 2022: 1.52万张 (15,200, to the nearest 100) and 15,870张. They disagree beyond
rounding (670 > 50), so the fact has one canonical row (the bulletin's: a bulletin ranks
before news, whatever the dates), two statements in the bridge and one conflict. The
bulletin has a good origin sidecar; the news report's names a date that does not exist,
so it is refused naming the file, and the report still lands with the parser's metadata.
"""

from __future__ import annotations

import io
import textwrap
from datetime import date

import pytest
from rich.console import Console

from orchestration.runner import render_summary
from tests.pipeline.conftest import one_line

pytestmark = pytest.mark.pipeline

BULLETIN = "zhoushan_bulletin_2022.txt"
NEWS = "zhoushan_news_2023.txt"
DOCUMENTS = {
    BULLETIN: """\
        舟山市2022年民政事业发展统计公报

        舟山市民政局 2023年4月18日

        一、养老服务

        截至2022年底,全市共有各类养老机构86家,养老床位1.52万张,其中护理型床位占比达到58%。全年新增养老床位650张。
        """,
    BULLETIN + ".origin.yaml": """\
        url: https://example.org/zsmz/2022-tjgb.html
        publisher: 舟山市民政局
        published: 2023-04-18
        retrieved: 2024-01-05
        """,
    NEWS: """\
        我市养老服务体系建设取得新进展

        来源:舟山日报  2023年5月9日

        本报讯 记者从市民政局获悉,截至2022年底,全市养老床位达到15870张,较上年增加650张,居家社区养老服务照料中心实现乡镇(街道)全覆盖。市民政局有关负责人表示,今年将继续推进养老服务提质扩容。
        """,
    NEWS + ".origin.yaml": """\
        publisher: 舟山日报
        published: 2023-05-32
        """,
}
FACT = "region_code = '330900' and indicator = 'elderly_care_beds' and year = 2022 and kind = 'actual'"


@pytest.fixture(scope="module")
def reconciled(first_run, tmp_path_factory):
    """The sample run, then a second run with the two documents and their sidecars added."""
    workspace = first_run.workspace.copy_to(tmp_path_factory.mktemp("reconciled") / "site")
    for name, text in DOCUMENTS.items():
        (workspace.paths.documents / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return workspace, workspace.run()


def test_two_disagreeing_documents_make_one_canonical_row_two_statements_and_one_conflict(reconciled):
    workspace, summary = reconciled
    assert sorted(summary.documents_parsed) == [BULLETIN, NEWS]
    rows = workspace.query(
        f"select value, document_name, is_canonical, source_count, has_conflict "
        f"from marts.fct_elderly_care_beds where {FACT} order by value")
    assert rows == [(15200, BULLETIN, True, 2, True), (15870, NEWS, False, 2, True)]
    assert workspace.query(
        f"select count(*) from marts.fct_elderly_care_beds where {FACT} and is_canonical") == [(1,)]
    statements = workspace.query(
        f"select document_name, value, value_resolution, precedence, is_canonical "
        f"from marts.bridge_fact_statements where {FACT} order by precedence")
    assert statements == [(BULLETIN, 15200, 100, 2, True), (NEWS, 15870, 1, 4, False)]
    conflicts = workspace.query(
        f"select statement_count, source_count, between_sources, within_one_source, spread, "
        f"canonical_value, canonical_source, canonical_publisher, statements "
        f"from marts.fct_source_conflicts where {FACT}")
    assert conflicts == [(2, 2, True, False, 670, 15200, BULLETIN, "舟山市民政局",
                          f"15200 ({BULLETIN} record 2); 15870 ({NEWS} record 1)")]


def test_the_origin_travels_with_the_document_and_its_figures(reconciled):
    workspace, summary = reconciled
    assert workspace.query(
        "select url, publisher, publication_date, retrieved_date, origin_file from marts.dim_document "
        "where document_name = ?", [BULLETIN]) == [(
            "https://example.org/zsmz/2022-tjgb.html", "舟山市民政局", date(2023, 4, 18), date(2024, 1, 5),
            BULLETIN + ".origin.yaml")]
    assert workspace.query(
        "select distinct source_url, publisher from marts.fct_elderly_care_beds where document_name = ?",
        [BULLETIN]) == [("https://example.org/zsmz/2022-tjgb.html", "舟山市民政局")]


def test_a_bad_sidecar_is_refused_naming_it_and_its_document_lands(reconciled):
    workspace, summary = reconciled
    assert summary.origins == 6
    assert summary.origins_refused == [(
        NEWS + ".origin.yaml", "published '2023-05-32' is not a date: day is out of range for month")]
    # The report landed with what the parser read: its dateline, and no publisher.
    assert workspace.query(
        "select status, publisher, publication_date, origin_file from marts.dim_document "
        "where document_name = ?", [NEWS]) == [("parsed", None, date(2023, 5, 9), None)]
    assert summary.documents_refused == [] and summary.quarantined == []


def test_the_run_summary_names_the_refused_sidecar(reconciled):
    _, summary = reconciled
    out = io.StringIO()
    render_summary(summary, Console(file=out, width=200))
    printed = one_line(out.getvalue())
    assert "origins 6 read, 1 refused" in printed
    assert (f"refused origin {NEWS}.origin.yaml: published '2023-05-32' is not a date: "
            "day is out of range for month") in printed
