"""Every kind of document ranks in data/reference/source_precedence.csv, which the canonical rows are chosen by."""

from __future__ import annotations

from ingest.kinds import load_kinds
from minzheng.paths import REFERENCE_DIR
from warehouse.raw import reference_tables


def test_every_document_kind_and_statistics_files_have_a_precedence():
    precedence = reference_tables(REFERENCE_DIR)["source_precedence"]
    kinds = {kind.code for kind in load_kinds(REFERENCE_DIR / "document_kinds.yaml").kinds}
    ranked = set(precedence.filter(precedence["source_type"] == "document")["document_kind"].to_list())
    assert kinds == ranked
    assert precedence.filter(precedence["document_kind"].is_null())["source_type"].to_list() == ["annual_statistics"]
    assert precedence["precedence"].null_count() == 0 and precedence["reason"].null_count() == 0
