"""Documents in published formats go through the whole pipeline like text files.

In a published site, the 舟山 plan's text file is replaced by a DOCX of its 专栏2
table (the same plan, so the text copy leaves: the gate would hold back the same
statements twice), and an HTML page of a real news report is added. The run lands
both with their format, and each table figure keeps its table and row in the mart.
"""

from __future__ import annotations

import pytest

from tests.ingest.test_formats import (
    PLAN_HEADER,
    PLAN_ROWS,
    PLAN_TITLE,
    PROSE_DOCUMENTS,
    paragraphs_of,
    write_docx,
    write_html,
)

pytestmark = pytest.mark.pipeline


def test_docx_and_html_land_with_format_and_location(published, tmp_path):
    workspace = published.copy_to(tmp_path / "site")
    (workspace.paths.documents / "002_66b1147c1cebaaf5.txt").unlink()
    (workspace.paths.documents / "zhoushan_plan_table.docx").write_bytes(
        write_docx([PLAN_TITLE], [PLAN_HEADER, *PLAN_ROWS]))
    (workspace.paths.documents / "shenzhen_news.html").write_bytes(write_html(paragraphs_of(PROSE_DOCUMENTS[0])))

    summary = workspace.run()

    assert sorted(summary.documents_parsed) == ["shenzhen_news.html", "zhoushan_plan_table.docx"]
    assert dict(summary.documents_by_format) == {"text": 4, "docx": 1, "html": 1}
    assert workspace.query(
        "select document_name, document_format from marts.dim_document "
        "where document_format <> 'text' order by document_name"
    ) == [("shenzhen_news.html", "html"), ("zhoushan_plan_table.docx", "docx")]
    # Row 8 of 专栏2 (养老机构护理型床位占比 51 | 55 | 58, 约束性) is the table's 9th row.
    assert workspace.query(
        "select year, kind, value, binding, location from marts.fct_plan_figures "
        "where document_name = 'zhoushan_plan_table.docx' and indicator = 'nursing_bed_share' order by year"
    ) == [(2020, "actual", 51, "binding", "table 1, row 9"), (2022, "target", 55, "binding", "table 1, row 9"),
          (2025, "target", 58, "binding", "table 1, row 9")]
    # 深圳持有社会工作职业水平证书人数达36874人 (2023-03-24 report).
    assert workspace.query(
        "select region_code, year, value from marts.fct_plan_figures "
        "where document_name = 'shenzhen_news.html' and indicator = 'certified_social_workers'"
    ) == [("440300", 2023, 36874)]
