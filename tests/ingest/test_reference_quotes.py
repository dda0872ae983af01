"""The parser on sentences it was not written for: national bulletins and news reports.

data/reference/annual_statistics_sources.csv holds figures compiled by hand from
public pages (bulletins, news, encyclopaedias), each with the sentence it was read
from. Every Chinese sentence, given the bulletin title it came under, must yield
its figure, and no other value for the same region, indicator and year.
"""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest

from ingest.extract import extract_text
from ingest.records import DocumentMetadata
from minzheng.paths import REFERENCE_DIR

ROWS = list(csv.DictReader((REFERENCE_DIR / "annual_statistics_sources.csv").open(encoding="utf-8")))
CHINESE_ROWS = [row for row in ROWS
                if sum("\u4e00" <= c <= "\u9fff" for c in row["quote"]) > sum(c.isascii() and c.isalpha() for c in row["quote"])]


def test_the_source_file_is_the_compiled_set():
    assert len(ROWS) == 34
    assert len(CHINESE_ROWS) == 33  # one source is an English news item


@pytest.mark.parametrize("row", CHINESE_ROWS, ids=lambda r: f"{r['region_code']}-{r['indicator']}-{r['year']}")
def test_figure_read_from_its_sentence(row):
    text = f"{row['region']}{row['year']}年民政事业发展统计公报\n{row['quote']}\n"
    metadata = DocumentMetadata(document="quote.txt", sha256="", size_bytes=len(text), encoding="utf-8")
    records = extract_text(text, metadata).records
    same = {(r.value, r.unit) for r in records
            if (r.region_code, r.indicator, r.year) == (row["region_code"], row["indicator"], int(row["year"]))}
    assert same == {(Decimal(row["value"]), row["unit"])}, [r.to_json() for r in records]
