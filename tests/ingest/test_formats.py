"""Documents in the formats governments publish: HTML, DOCX, PDF, XLSX, DOC, ZIP.

Two kinds of evidence:
- real published files from ../shared/corpus/formats (never copied into the project),
  whose gold figures were labelled by reading them;
- real documents of the development corpus and a real plan table, written into each
  format with that format's own tools (python-docx, openpyxl, reportlab with a CJK
  font, LibreOffice, zipfile): extraction must give the same facts as the text.
"""

from __future__ import annotations

import html
import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ingest.catalogue import default_catalogue
from ingest.extract import extract_bytes, extract_file
from ingest.formats.sniff import sniff_format
from ingest.records import DocumentRejected
from minzheng.paths import PROJECT_ROOT, formats_corpus

MINZHENG = str(Path(sys.executable).with_name("minzheng"))
FORMATS_CORPUS = formats_corpus()
DEV_DOCS = PROJECT_ROOT / "corpus" / "dev" / "docs"
HEADLINE = set(default_catalogue().headline_codes)

# Development documents with headline figures in prose (news, a bulletin excerpt, a policy report).
PROSE_DOCUMENTS = ["a02_shenzhen_certified_sw_2023.txt", "a07_hubei_certified_sw_2018.txt",
                   "a12_quanzhou_certified_sw_2023.txt", "b01_wuhan_eldercare_childcare_2025_trad.txt"]

# 专栏2 of the 舟山市民政事业发展“十四五”规划 (data/documents/002_66b1147c1cebaaf5.txt), its eleven rows
# with their cells as the plan prints them (the text copy runs them together: 1050100 is 10 | 50 | 100).
PLAN_TITLE = "舟山市民政事业发展“十四五”规划"
PLAN_HEADER = ["序号", "主要指标", "2020年实际值", "2022年目标值", "2025年目标值", "指标属性"]
PLAN_ROWS = [
    ["1", "城乡居民最低生活保障标准(元/年)", "9720", "11000", "14000", "预期性"],
    ["2", "救助“一件事”惠民联办率(%)", "10", "50", "100", "预期性"],
    ["3", "未成年人救助保护中心实体化运行率(%)", "30", "100", "100", "约束性"],
    ["4", "智慧社区建设试点的县(区)数(个)", "0", "1", "1", "预期性"],
    ["5", "每万人拥有登记社会组织数(个)", "12", "13", "13", "预期性"],
    ["6", "每万人持证社会工作专业人才数(人)", "10", "12", "15", "预期性"],
    ["7", "每万老年人口拥有持证养老护理员数(人)", "16", "20", "25", "预期性"],
    ["8", "养老机构护理型床位占比(%)", "51", "55", "58", "约束性"],
    ["9", "康养联合体数(个)", "4", "10", "15", "预期性"],
    ["10", "节地生态安葬率(%)", "58", "60", "70", "预期性"],
    ["11", "数字门牌建设试点的县(区)数(个)", "0", "1", "1", "预期性"],
]
# What the table states, read from it: (indicator, year, kind, value, binding).
PLAN_FACTS = {
    ("social_orgs_per_10k", 2020, "actual", 12, "expected"), ("social_orgs_per_10k", 2022, "target", 13, "expected"),
    ("social_orgs_per_10k", 2025, "target", 13, "expected"),
    ("certified_social_workers_per_10k", 2020, "actual", 10, "expected"),
    ("certified_social_workers_per_10k", 2022, "target", 12, "expected"),
    ("certified_social_workers_per_10k", 2025, "target", 15, "expected"),
    ("nursing_bed_share", 2020, "actual", 51, "binding"), ("nursing_bed_share", 2022, "target", 55, "binding"),
    ("nursing_bed_share", 2025, "target", 58, "binding"),
    ("eco_burial_rate", 2020, "actual", 58, "expected"), ("eco_burial_rate", 2022, "target", 60, "expected"),
    ("eco_burial_rate", 2025, "target", 70, "expected"),
}


def facts(records) -> set[tuple]:
    return {(r.region_code, r.indicator, r.year, r.kind, float(r.value)) for r in records if r.indicator in HEADLINE}


def table_facts(records) -> set[tuple]:
    return {(r.indicator, r.year, r.kind, int(r.value), r.binding) for r in records
            if r.indicator in HEADLINE and r.region_code == "330900"}


def paragraphs_of(name: str) -> list[str]:
    return [line.strip() for line in (DEV_DOCS / name).read_text(encoding="utf-8").splitlines() if line.strip()]


# ---- writers: each format's own tools -------------------------------------------------------

def write_docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, cells in zip(grid.rows, table, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
    section = document.sections[0]
    section.footer.paragraphs[0].text = "舟山市民政局 第1页"  # a footer is not the body
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write_html(paragraphs: list[str], table: list[list[str]] | None = None, charset: str = "utf-8") -> bytes:
    body = "".join(f"<p>{html.escape(text)}</p>" for text in paragraphs)
    if table:
        rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in table)
        body += f"<table border=1>{rows}</table>"
    page = (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>x</title>'
            '<script>var menu = "养老床位总数99999张";</script></head><body>'
            '<div class="nav">首页 | 政务公开 | 养老服务</div>'
            f'<div id="content">{body}</div><div class="footer">主办:某某市民政局 网站标识码3300000000</div>'
            "</body></html>")
    return page.encode(charset)


def write_pdf(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=12, leading=20, wordWrap="CJK",
                           firstLineIndent=24)
    story = [Paragraph(html.escape(text), style) for text in paragraphs]
    if table:
        grid = Table(table)
        grid.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"),
                                  ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        story.append(grid)
    out = io.BytesIO()

    def page_number(canvas, document):
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(A4[0] / 2, 30, f"- {document.page} -")

    SimpleDocTemplate(out, pagesize=A4).build(story, onFirstPage=page_number, onLaterPages=page_number)
    return out.getvalue()


def write_xlsx(title: str, table: list[list[str]]) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "主要指标"
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(table[0]))
    for row in table:
        sheet.append([int(c) if c.isdigit() else c for c in row])  # numbers as numbers, as offices type them
    workbook.create_sheet("说明").append(["数据来源:舟山市民政局"])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


WRITERS = {"docx": write_docx, "html": write_html, "pdf": write_pdf}


# ---- real published files ---------------------------------------------------------------------

needs_formats_corpus = pytest.mark.skipif(not FORMATS_CORPUS.is_dir(),
                                          reason=f"the real files are not at {FORMATS_CORPUS}")


@needs_formats_corpus
def test_real_files_give_their_gold_and_nothing_else_under_headline_codes():
    gold = [json.loads(line) for line in (FORMATS_CORPUS / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    files = sorted(p for p in FORMATS_CORPUS.iterdir() if p.suffix.lower() in (".pdf", ".docx", ".htm", ".zip"))
    assert len(files) == 8
    for path in files:
        expected = {(g["region_code"], g["indicator"], g["year"], g["kind"], float(g["value"]))
                    for g in gold if g["document"] == path.name}
        assert facts(extract_file(path).records) == expected, path.name


@needs_formats_corpus
def test_formats_are_told_from_bytes_not_names():
    kinds = {p.name: sniff_format(p.read_bytes()) for p in FORMATS_CORPUS.iterdir() if p.suffix != ".md"}
    assert kinds["周口市统计公报2023.pdf"] == "pdf"
    assert kinds["content_5345410.htm"] == "html"
    assert kinds["31省区市政府工作报告.zip"] == "zip"
    assert kinds["南京市2021~2024年国民经济和社会发展统计公报汇总.docx"] == "docx"


@needs_formats_corpus
def test_misnamed_docx_takes_region_and_year_from_its_text():
    # Named 洛阳 2023; the text is the 黔东南州 2016 bulletin (2017年3月16日).
    result = extract_file(FORMATS_CORPUS / "2023年洛阳市国民经济和社会发展统计公报.docx")
    assert result.metadata.region_code == "522600"
    assert result.metadata.publication_date == "2017-03-16"
    assert result.metadata.format == "docx"


@needs_formats_corpus
def test_compilation_gives_each_figure_the_year_of_its_section():
    records = extract_file(FORMATS_CORPUS / "南京市2021~2024年国民经济和社会发展统计公报汇总.docx").records
    beds = [r for r in records if r.indicator == "elderly_care_beds"]
    # 全市养老床位7.45万张 stands in the section published 2022年4月: the 2021 bulletin.
    assert [(r.year, int(r.value)) for r in beds] == [(2021, 74500)]


@needs_formats_corpus
def test_pdf_lines_and_pages_are_joined_into_sentences():
    from ingest.formats import read_document

    text = read_document((FORMATS_CORPUS / "周口市统计公报2023.pdf").read_bytes()).text
    # In the PDF the number and its unit fall on two lines (省外输出 178.31 万 / 人).
    assert "省外输出178.31万人" in text
    assert "年末全市常住人口866.60万人" in text
    assert "编制床位4.78万张" in text
    assert "- 1 -" not in text and "- 13 -" not in text


@needs_formats_corpus
def test_gov_cn_page_metadata_is_read():
    result = extract_file(FORMATS_CORPUS / "content_5357723.htm")
    # 成文日期：2018年12月30日, 发布日期：2019年01月14日: the page is dated by its publication.
    assert result.metadata.publication_date == "2019-01-14"
    assert result.metadata.title == "国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见"
    assert result.metadata.document_kind == "policy"
    assert result.metadata.region_code == "100000"


@needs_formats_corpus
def test_html_tables_keep_their_cells():
    from ingest.formats import read_document

    text = read_document((FORMATS_CORPUS / "content_5345410.htm").read_bytes()).text
    assert "1 | 15172.500 | 103655.000" in text


# ---- real documents written into each format ------------------------------------------------

@pytest.mark.parametrize("writer", sorted(WRITERS))
@pytest.mark.parametrize("name", PROSE_DOCUMENTS)
def test_prose_document_in_each_format_gives_the_same_facts(writer, name):
    paragraphs = paragraphs_of(name)
    from_text = extract_file(DEV_DOCS / name)
    assert facts(from_text.records), name  # the document states headline figures
    converted = extract_bytes(WRITERS[writer](paragraphs), f"{name}.{writer}")
    assert facts(converted.records) == facts(from_text.records)
    assert converted.metadata.region_code == from_text.metadata.region_code


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_plan_table_in_each_format_is_read_cell_by_cell(writer):
    table = [PLAN_HEADER, *PLAN_ROWS]
    records = extract_bytes(WRITERS[writer]([PLAN_TITLE], table), f"plan.{writer}").records
    assert table_facts(records) == PLAN_FACTS


@pytest.mark.parametrize("writer", ["docx", "pdf"])
def test_header_cells_wrapped_in_narrow_columns_are_read_whole(writer):
    # Printed plans wrap 2020年实际值 over two lines of a narrow column.
    header = [cell.replace("年", "年\n", 1) if cell[:4].isdigit() else cell for cell in PLAN_HEADER]
    records = extract_bytes(WRITERS[writer]([PLAN_TITLE], [header, *PLAN_ROWS]), f"plan.{writer}").records
    assert table_facts(records) == PLAN_FACTS


def test_plan_table_in_a_workbook_is_read_from_every_sheet():
    records = extract_bytes(write_xlsx(PLAN_TITLE, [PLAN_HEADER, *PLAN_ROWS]), "plan.xlsx").records
    assert table_facts(records) == PLAN_FACTS


def test_html_table_with_spans_is_expanded():
    # A two-row header: 指标 spans two rows, 目标值 spans two columns.
    page = (f"<html><head><meta charset='gb2312'></head><body><h1>{PLAN_TITLE}</h1><table>"
            "<tr><th rowspan=2>序号</th><th rowspan=2>主要指标</th><th rowspan=2>2020年实际值</th>"
            "<th colspan=2>目标值</th><th rowspan=2>指标属性</th></tr>"
            "<tr><th>2022年目标值</th><th>2025年目标值</th></tr>"
            + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in PLAN_ROWS)
            + "</table></body></html>").encode("gb18030")
    records = extract_bytes(page, "plan.htm").records
    assert {f for f in table_facts(records)} == PLAN_FACTS


def test_html_script_navigation_and_footer_are_dropped():
    from ingest.formats import read_document

    text = read_document(write_html(paragraphs_of(PROSE_DOCUMENTS[0]))).text
    assert "99999" not in text and "首页" not in text and "网站标识码" not in text


def test_docx_footer_is_not_read():
    from ingest.formats import read_document

    text = read_document(write_docx(paragraphs_of(PROSE_DOCUMENTS[0]))).text
    assert "第1页" not in text


def test_archive_members_are_each_a_document():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in PROSE_DOCUMENTS[:2]:
            archive.writestr(f"{name}.docx", write_docx(paragraphs_of(name)))
        archive.writestr("readme.bin", b"\x00\x01\x02" * 100)
    result = extract_bytes(out.getvalue(), "bundle.zip")
    expected = set().union(*(facts(extract_file(DEV_DOCS / name).records) for name in PROSE_DOCUMENTS[:2]))
    assert facts(result.records) == expected
    assert {r.document for r in result.records} == {"bundle.zip"}
    assert any(note.startswith("readme.bin:") for note in result.notes)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed (make test installs it)")
def test_legacy_word_file_converted_by_libreoffice(tmp_path):
    name = PROSE_DOCUMENTS[1]
    source = tmp_path / "report.docx"
    source.write_bytes(write_docx(paragraphs_of(name), [PLAN_HEADER, *PLAN_ROWS]))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    data = (tmp_path / "report.doc").read_bytes()
    assert sniff_format(data) == "ole"
    result = extract_bytes(data, "report.doc")
    assert result.metadata.format == "doc"
    assert facts(result.records) >= facts(extract_file(DEV_DOCS / name).records)


def scanned(pdf: bytes) -> bytes:
    """A PDF of page images only, as a scanner makes it: the text PDF rendered at 200 dpi."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    pages = [document[i].render(scale=200 / 72).to_pil().convert("L") for i in range(len(document))]
    out = io.BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=200)
    return out.getvalue()


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed (make test installs it)")
@pytest.mark.parametrize("name", PROSE_DOCUMENTS[:2])
def test_scanned_pdf_is_read_by_ocr(name):
    result = extract_bytes(scanned(write_pdf(paragraphs_of(name))), f"{name}.pdf")
    assert "no text layer: read by OCR" in result.notes
    assert facts(result.records) == facts(extract_file(DEV_DOCS / name).records)


# ---- bad files: one clear refusal each ---------------------------------------------------------

def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", b"0" * (300 * 1024 * 1024))
    return out.getvalue()


def test_bad_files_are_refused_with_the_reason(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    encrypted = io.BytesIO()
    page = canvas.Canvas(encrypted, pagesize=A4, encrypt="secret")
    page.drawString(100, 700, "x")
    page.save()
    blank_scan = io.BytesIO()
    page = canvas.Canvas(blank_scan, pagesize=A4)
    page.rect(100, 100, 300, 300, fill=1)  # a page with no text layer and nothing to read on it
    page.save()
    truncated = write_docx(paragraphs_of(PROSE_DOCUMENTS[0]))[:3000]
    entity = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(write_docx([PLAN_TITLE]))) as source, zipfile.ZipFile(entity, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:document", b'<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document', 1)
                data = data.replace(PLAN_TITLE.encode(), PLAN_TITLE.encode() + b"&x;")
            target.writestr(item, data)
    script_page = b"<html><body><script>" + b"var a=1;" * (12 * 1024 * 1024) + b"</script><p>x</p></body></html>"
    files = {
        "encrypted.pdf": (encrypted.getvalue(), "encrypted"),
        "bomb.zip": (_zip_bomb(), "expands"),
        "truncated.docx": (truncated, "DOCX"),
        "script.html": (script_page, "Chinese"),
        "entity.docx": (entity.getvalue(), None),
    }
    # Without Tesseract a scan is refused with how to install it; with it, a blank scan has no Chinese text.
    files["scanned.pdf"] = (blank_scan.getvalue(), "OCR" if shutil.which("tesseract") is None else "Chinese")
    for name, (content, _) in files.items():
        (tmp_path / name).write_bytes(content)
    good = DEV_DOCS / PROSE_DOCUMENTS[0]
    run = subprocess.run([MINZHENG, "extract", str(good), *(str(tmp_path / n) for n in files)],
                         capture_output=True, text=True, check=False, timeout=600)
    assert run.returncode == 2
    stderr = run.stderr.splitlines()
    for name, (_, reason) in files.items():
        said = [line for line in stderr if name in line]
        if reason is None:
            continue
        assert len(said) == 1 and reason in said[0], (name, run.stderr)
    # The external entity was never resolved: no line of /etc/passwd in any record.
    assert "root:" not in run.stdout
    printed = [json.loads(line) for line in run.stdout.splitlines()]
    assert {r["document"] for r in printed} >= {good.name}


def test_entity_in_docx_is_not_resolved():
    from ingest.formats.word import _body_from_xml

    data = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(write_docx([PLAN_TITLE]))) as source, zipfile.ZipFile(data, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "word/document.xml":
                content = content.replace(
                    b"<w:document", b'<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/hostname">]><w:document', 1)
                content = content.replace(PLAN_TITLE.encode(), b"&x;" + PLAN_TITLE.encode())
            target.writestr(item, content)
    try:
        body = _body_from_xml(data.getvalue())
    except DocumentRejected:
        return  # refused outright is as safe
    text = "".join(body.itertext())
    hostname = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else "\x00"
    assert hostname not in text


# ---- where each figure sits ---------------------------------------------------------------------

@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_table_figures_say_their_table_and_row(writer):
    records = extract_bytes(WRITERS[writer]([PLAN_TITLE], [PLAN_HEADER, *PLAN_ROWS]), f"plan.{writer}").records
    burial = {r.location for r in records if r.indicator == "eco_burial_rate"}
    # 节地生态安葬率 is row 10 of the data, the 11th row under the header row.
    expected = {"docx": "table 1, row 11", "html": "table 1, row 11", "pdf": "page 1, table, row 11"}[writer]
    assert burial == {expected}


def test_pdf_figure_says_its_page():
    import pdfplumber

    # Real negative documents first, so the figure's sentence falls on a later page.
    filler = [p for name in sorted(DEV_DOCS.glob("*_neg*.txt"))[:4] for p in paragraphs_of(name.name)]
    pdf = write_pdf(filler + paragraphs_of(PROSE_DOCUMENTS[0]))
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = next(n for n, p in enumerate(document.pages, 1) if "36874" in (p.extract_text() or ""))
    assert page > 1
    record = next(r for r in extract_bytes(pdf, "long.pdf").records if r.indicator == "certified_social_workers"
                  and r.value == 36874)
    assert record.location == f"page {page}"


def test_archive_member_is_named_in_the_location():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("专栏2.docx", write_docx([PLAN_TITLE], [PLAN_HEADER, *PLAN_ROWS]))
    records = extract_bytes(out.getvalue(), "plan.zip").records
    assert {r.location for r in records if r.indicator == "nursing_bed_share"} == {"专栏2.docx: table 1, row 9"}


def test_text_files_have_no_location():
    assert {r.location for r in extract_file(DEV_DOCS / PROSE_DOCUMENTS[0]).records} == {None}


@needs_formats_corpus
def test_government_work_report_reviews_last_year_and_plans_its_own():
    records = extract_file(FORMATS_CORPUS / "31省区市政府工作报告.zip").records
    shanghai = {(r.year, r.kind, int(r.value)) for r in records
                if r.region_code == "310000" and r.indicator == "new_elderly_care_beds"}
    # 2025年上海市政府工作报告: 新增养老床位4385张 under 一、2024年工作回顾;
    # 新增3000张养老床位 under 二、2025年主要任务.
    assert shanghai == {(2024, "actual", 4385), (2025, "target", 3000)}
    assert all(r.location.startswith("2025年上海市政府工作报告.docx: paragraph ")
               for r in records if r.region_code == "310000")
