"""Origin sidecars: what they say lands, what is wrong with them is refused naming the file, and
they are never taken for documents."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from minzheng.paths import DOCUMENTS_DIR
from warehouse.inputs import input_fingerprint, scan_inbox
from warehouse.origins import OriginRefused, parse_origin, read_origins
from warehouse.raw import REFUSED_ORIGIN, document_tables
from warehouse.settings import Paths

SAMPLE = DOCUMENTS_DIR / "003_753ddc9777402cd1.txt"  # 杨浦区民政事业发展“十三五”规划
TODAY = date(2025, 6, 1)


def refusal(text: str) -> str:
    with pytest.raises(OriginRefused) as raised:
        parse_origin(text, "plan.txt.origin.yaml", today=TODAY)
    return str(raised.value)


def test_every_field_is_read_and_dates_are_dates():
    origin = parse_origin(
        "url: https://www.shyp.gov.cn/minzheng/plan.html\npublisher: 上海市杨浦区人民政府\n"
        "title: 杨浦区民政事业发展“十三五”规划\npublished: 2016-06-29\nretrieved: '2024-05-02'\n"
        "licence: 政府信息公开\n", "plan.txt.origin.yaml", today=TODAY)
    assert (origin.url, origin.publisher, origin.published, origin.retrieved, origin.licence) == (
        "https://www.shyp.gov.cn/minzheng/plan.html", "上海市杨浦区人民政府", date(2016, 6, 29),
        date(2024, 5, 2), "政府信息公开")
    assert parse_origin("{}", "plan.txt.origin.yaml", today=TODAY).title is None


def test_bad_sidecars_are_refused_with_the_reason():
    assert refusal("publisher: [上海市\n").startswith("not valid YAML at line 2")
    assert refusal("publisher: 上海市民政局\nsource: 人民网\n") == (
        "unknown field 'source' (an origin has url, publisher, title, published, retrieved, licence)")
    assert refusal("published: 2021-02-30\n") == (
        "published '2021-02-30' is not a date: day is out of range for month")
    assert refusal("published: 2021年7月13日\n") == "published '2021年7月13日' is not a date written YYYY-MM-DD"
    assert refusal("retrieved: 2031-01-01\n") == "retrieved 2031-01-01 is after today (2025-06-01)"
    assert refusal("published: 2024-01-02\nretrieved: 2023-12-31\n") == (
        "published 2024-01-02 is after retrieved 2023-12-31")
    assert refusal("url: www.shanghai.gov.cn\n") == (
        "url 'www.shanghai.gov.cn' is not a web address (http:// or https://)")
    assert refusal("title: 2020\n") == "title must be text, not 2020"
    assert refusal("") == ("an origin is a mapping of url, publisher, title, published, retrieved, "
                           "licence (the file is empty)")


def inbox_with(tmp_path: Path, sidecars: dict[str, str]) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    (inbox / "copy.txt").write_bytes(SAMPLE.read_bytes())
    for name, text in sidecars.items():
        (inbox / name).write_text(text, encoding="utf-8")
    return inbox


def test_sidecars_are_no_documents_and_an_orphan_is_refused(tmp_path):
    inbox = inbox_with(tmp_path, {
        "copy.txt.origin.yaml": "publisher: 上海市杨浦区人民政府\n",
        "gone.txt.origin.yaml": "publisher: 人民网\n",
    })
    scanned = scan_inbox(inbox)
    (document,) = scanned.documents.values()
    assert document.path.name == SAMPLE.name and [p.name for p in document.copies] == ["copy.txt"]
    origins, problems = read_origins(scanned, inbox)
    # The copy's sidecar describes the same bytes: it is the document's origin.
    assert origins[document.document_id].publisher == "上海市杨浦区人民政府"
    assert [(p.file, p.reason) for p in problems] == [("gone.txt.origin.yaml", "no document gone.txt beside it")]


def test_a_bad_sidecar_is_an_ingest_error_and_its_document_still_lands(tmp_path):
    inbox = inbox_with(tmp_path, {SAMPLE.name + ".origin.yaml": "publisher: 上海市杨浦区人民政府\nlicense: CC-BY\n"})
    scanned = scan_inbox(inbox)
    origins, problems = read_origins(scanned, inbox)
    assert origins == {}
    (document,) = scanned.documents.values()
    entry = {"document_id": document.document_id, "sha256": document.sha256, "status": "parsed",
             "parser_version": "v", "parsed_at": "t", "metadata": {"title": "杨浦区民政事业发展“十三五”规划"},
             "records": []}
    tables = document_tables([(document, entry)], inbox, scanned.refused, origins, problems)
    assert tables["documents"]["document_id"].to_list() == [document.document_id]
    assert tables["document_origins"].height == 0
    errors = tables["ingest_errors"].filter(pl.col("error_kind") == REFUSED_ORIGIN)
    assert errors.select("document_name", "reason").rows() == [(
        SAMPLE.name + ".origin.yaml",
        "unknown field 'license' (an origin has url, publisher, title, published, retrieved, licence)")]


def test_an_edited_sidecar_changes_the_fingerprint_but_no_document(tmp_path):
    sidecar = SAMPLE.name + ".origin.yaml"
    inbox = inbox_with(tmp_path, {sidecar: "publisher: 上海市杨浦区人民政府\n"})
    paths = Paths.at(inbox, tmp_path / "statistics", tmp_path / "warehouse" / "minzheng.duckdb")
    before = scan_inbox(inbox).documents
    fingerprint = input_fingerprint(paths, before)
    (inbox / sidecar).write_text("publisher: 上海市杨浦区人民政府办公室\n", encoding="utf-8")
    after = scan_inbox(inbox).documents
    assert after.keys() == before.keys()
    assert input_fingerprint(paths, after) != fingerprint
