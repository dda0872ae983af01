"""The figure record and document metadata: the one interface between parsing and the warehouse.

Field meanings follow docs/figures-contract.md; `FigureRecord.to_json` prints them
in the contract's order.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal


class DocumentRejected(Exception):
    """A file that cannot be read as a civil-affairs document; `reason` says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def json_number(value: Decimal | float | int | None) -> int | float | None:
    """A value as JSON wants it: integral values as int, others as float."""
    if value is None:
        return None
    number = Decimal(value) if not isinstance(value, Decimal) else value
    if number == number.to_integral_value():
        return int(number)
    return float(number)


@dataclass(frozen=True)
class FigureRecord:
    """One number a document states, with everything needed to trace it back."""

    document: str
    region: str
    region_code: str
    indicator: str
    indicator_text: str
    year: int
    value: Decimal
    value_high: Decimal | None
    unit: str
    kind: str
    comparator: str
    binding: str | None
    quote: str
    # Where the quote sits in the file, for formats that have places: "page 3" (PDF),
    # "table 2, row 4" (DOCX, HTML), "sheet 主要指标, row 5" (XLSX); an archive's member first.
    location: str | None = None

    def key(self) -> tuple:
        """Identity of a fact within one document: the same fact stated twice is one record."""
        return (self.region_code, self.indicator, self.year, self.kind, self.value, self.value_high)

    def to_json(self) -> dict:
        return {
            "document": self.document,
            "region": self.region,
            "region_code": self.region_code,
            "indicator": self.indicator,
            "indicator_text": self.indicator_text,
            "year": self.year,
            "value": json_number(self.value),
            "value_high": json_number(self.value_high),
            "unit": self.unit,
            "kind": self.kind,
            "comparator": self.comparator,
            "binding": self.binding,
            "quote": self.quote,
            "location": self.location,
        }


@dataclass
class DocumentMetadata:
    """What a document is: title, region (and how it was decided), kind, period, date."""

    document: str
    sha256: str
    size_bytes: int
    encoding: str
    # The format the bytes were read in (ingest/formats/sniff.py): text, html, pdf, docx, xlsx, zip ...
    format: str = "text"
    title: str | None = None
    region: str | None = None
    region_code: str | None = None
    region_reason: str = ""
    document_kind: str = "news_report"
    period_label: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    publication_date: str | None = None
    # The year the document speaks in, for 目前/今年: its publication year, else the year its opening names.
    reference_year: int | None = None

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class ExtractionResult:
    """A document's metadata, its figure records, and notes on what was deliberately skipped."""

    metadata: DocumentMetadata
    records: list[FigureRecord] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
