"""The raw schema: tables landed by Python, exactly as parsed or read, then split by the gate.

Landing writes what the parser and the statistics reader produced (raw.figure_records,
raw.statistics_rows); the quality gate (orchestration/quality.py) splits those rows
into the tables dbt reads (raw.figures, raw.annual_statistics) and raw.quarantine.
Each landing replaces whole tables inside one transaction, so the raw layer is
always the image of the current inputs, never half of one and half of another.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from warehouse.catalogue import catalogue_tables
from warehouse.inputs import InboxDocument, RefusedFile, refused_label
from warehouse.origins import FIELDS as ORIGIN_FIELDS
from warehouse.origins import Origin, OriginProblem
from warehouse.parse_cache import PARSED
from warehouse.rounding import rounding_unit

RAW_SCHEMA = "raw"

DOCUMENT_SCHEMA = {
    "document_id": pl.String, "sha256": pl.String, "document_name": pl.String,
    "source_path": pl.String, "status": pl.String, "rejected_reason": pl.String,
    "size_bytes": pl.Int64, "encoding": pl.String, "format": pl.String, "title": pl.String, "region": pl.String,
    "region_code": pl.String, "region_reason": pl.String, "document_kind": pl.String,
    "period_label": pl.String, "period_start": pl.Int32, "period_end": pl.Int32,
    "publication_date": pl.String, "parser_version": pl.String, "parsed_at": pl.String,
    "landed_at": pl.String,
}
# The figure record of docs/figures-contract.md, with the document's id and the record's place,
# and how precisely its quote writes the value (warehouse/rounding.py).
FIGURE_SCHEMA = {
    "document_id": pl.String, "record_number": pl.Int32, "document": pl.String,
    "region": pl.String, "region_code": pl.String, "indicator": pl.String,
    "indicator_text": pl.String, "year": pl.Int32, "value": pl.Float64,
    "value_high": pl.Float64, "unit": pl.String, "kind": pl.String, "comparator": pl.String,
    "binding": pl.String, "quote": pl.String, "location": pl.String, "value_resolution": pl.Float64,
}
# A document's origin sidecar (warehouse/origins.py), one row per document that has a readable one.
DOCUMENT_ORIGIN_SCHEMA = {
    "document_id": pl.String, "origin_file": pl.String, "url": pl.String, "publisher": pl.String,
    "title": pl.String, "published": pl.Date, "retrieved": pl.Date, "licence": pl.String,
}
# raw.ingest_errors.error_kind of a second file with the bytes of a document already in the inbox.
DUPLICATE_DOCUMENT = "duplicate_document"
# ... of an inbox entry that is not a regular file inside the inbox (a link, a FIFO, a device).
REFUSED_FILE = "file_refused"
# ... of an origin sidecar that could not be read (its document lands without it).
REFUSED_ORIGIN = "origin_refused"
INGEST_ERROR_SCHEMA = {
    "document_id": pl.String, "document_name": pl.String, "error_kind": pl.String,
    "reason": pl.String, "landed_at": pl.String,
}
REGION_SCHEMA = {
    "region_code": pl.String, "region": pl.String, "parent_code": pl.String,
    "level": pl.String, "aliases": pl.String,
}
REGION_HISTORY_SCHEMA = {
    "old_code": pl.String, "old_name": pl.String, "new_code": pl.String, "new_name": pl.String,
    "parent_code": pl.String, "changed": pl.Int32, "note": pl.String,
}
# Which source a fact's canonical value is taken from: the lowest precedence, then the later
# publication (data/reference/source_precedence.csv, one row per source type and document kind).
SOURCE_PRECEDENCE_SCHEMA = {
    "source_type": pl.String, "document_kind": pl.String, "precedence": pl.Int32, "reason": pl.String,
}
POPULATION_SCHEMA = {
    "region_code": pl.String, "region": pl.String, "year": pl.Int32, "measure": pl.String,
    "value": pl.Int64, "source_url": pl.String, "note": pl.String,
}


def source_label(source_kind: str, source_file: str, number: int | None) -> str:
    """Where a raw row came from, as messages name it: `a.txt record 3`, `b.csv row 2`, `c.csv (whole file)`."""
    if number is None:
        return f"{source_file} (whole file)"
    return f"{source_file} {'record' if source_kind == 'document' else 'row'} {number}"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"create schema if not exists {RAW_SCHEMA}")


def replace_tables(con: duckdb.DuckDBPyConnection,
                   tables: dict[str, pl.DataFrame | str]) -> dict[str, int]:
    """Replace raw tables in one transaction, each from a frame or from a query (which DuckDB
    runs itself, so that its rows never pass through Python); return row counts."""
    ensure_schema(con)
    counts = {}
    con.execute("begin transaction")
    try:
        for name, source in tables.items():
            if isinstance(source, str):
                con.execute(f"create or replace table {RAW_SCHEMA}.{name} as {source}")
            else:
                con.register("landing_frame", source)
                con.execute(f"create or replace table {RAW_SCHEMA}.{name} as "
                            "select * from landing_frame")
                con.unregister("landing_frame")
            ((counts[name],),) = con.execute(f"select count(*) from {RAW_SCHEMA}.{name}").fetchall()
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return counts


def document_tables(entries: list[tuple[InboxDocument, dict]], inbox: Path,
                    refused: list[RefusedFile] = (), origins: dict[str, Origin] | None = None,
                    origin_problems: list[OriginProblem] = ()) -> dict[str, pl.DataFrame]:
    """raw.documents, raw.figure_records, raw.document_origins and raw.ingest_errors from
    parse-cache entries and the origin sidecars read beside them."""
    landed_at = now()
    origins = origins or {}
    documents, figures, errors = [], [], []
    # Entries that are no regular file inside the inbox: never read, named with the reason.
    for entry in refused:
        errors.append({"document_id": None, "document_name": refused_label(entry, inbox),
                       "error_kind": REFUSED_FILE, "reason": entry.reason, "landed_at": landed_at})
    for problem in origin_problems:
        errors.append({"document_id": problem.document_id, "document_name": problem.file,
                       "error_kind": REFUSED_ORIGIN, "reason": problem.reason, "landed_at": landed_at})
    for document, entry in entries:
        # The name is today's name in the inbox; the cache may have seen the file under another.
        name = document.path.name
        metadata = entry.get("metadata") or {}
        documents.append({
            "document_id": entry["document_id"], "sha256": entry["sha256"], "document_name": name,
            "source_path": str(document.path.relative_to(inbox)), "status": entry["status"],
            "rejected_reason": entry.get("reason"),
            "size_bytes": metadata.get("size_bytes", document.path.stat().st_size),
            **{field: metadata.get(field) for field in (
                "encoding", "format", "title", "region", "region_code", "region_reason", "document_kind",
                "period_label", "period_start", "period_end", "publication_date")},
            "parser_version": entry["parser_version"], "parsed_at": entry["parsed_at"],
            "landed_at": landed_at,
        })
        for copy in document.copies:
            errors.append({"document_id": entry["document_id"], "document_name": copy.name,
                           "error_kind": DUPLICATE_DOCUMENT,
                           "reason": f"same bytes as {name}: landed once, as {name}",
                           "landed_at": landed_at})
        if entry["status"] != PARSED:
            errors.append({"document_id": entry["document_id"], "document_name": name,
                           "error_kind": f"document_{entry['status']}", "reason": entry["reason"],
                           "landed_at": landed_at})
            continue
        for note in entry.get("notes") or []:
            errors.append({"document_id": entry["document_id"], "document_name": name,
                           "error_kind": "figure_skipped", "reason": note, "landed_at": landed_at})
        for number, record in enumerate(entry.get("records") or [], start=1):
            figures.append({field: record.get(field) for field in FIGURE_SCHEMA}
                           | {"document_id": entry["document_id"], "record_number": number,
                              "document": name,
                              "value_resolution": rounding_unit(record.get("value"), record.get("quote"))})
    landed = {row["document_id"] for row in documents}
    document_origins = [
        {"document_id": doc_id, "origin_file": origin.file,
         **{field: getattr(origin, field) for field in ORIGIN_FIELDS}}
        for doc_id, origin in sorted(origins.items()) if doc_id in landed
    ]
    return {
        "documents": pl.DataFrame(documents, schema=DOCUMENT_SCHEMA, orient="row"),
        "figure_records": pl.DataFrame(figures, schema=FIGURE_SCHEMA, orient="row"),
        "document_origins": pl.DataFrame(document_origins, schema=DOCUMENT_ORIGIN_SCHEMA, orient="row"),
        "ingest_errors": pl.DataFrame(errors, schema=INGEST_ERROR_SCHEMA, orient="row"),
    }


def code_in_force(column: str) -> str:
    """SQL for the region code in force today of the code in `column`: a code replaced when a
    county became a district (溧水县 320124) is its successor's (溧水区 320117), from
    raw.region_history; any other code is itself."""
    return (f"coalesce((select history.new_code from raw.region_history as history "
            f"where history.old_code = {column}), {column})")


def read_regions(reference_dir: Path) -> pl.DataFrame:
    """The GB/T 2260 regions of data/reference/regions.csv."""
    return pl.read_csv(Path(reference_dir) / "regions.csv", schema_overrides=REGION_SCHEMA)


def reference_tables(reference_dir: Path) -> dict[str, pl.DataFrame]:
    """raw.regions, raw.region_history, raw.population, raw.units, raw.indicators and
    raw.source_precedence from data/reference."""
    regions = read_regions(reference_dir)
    history = pl.read_csv(reference_dir / "region_history.csv", schema_overrides=REGION_HISTORY_SCHEMA)
    population = pl.read_csv(reference_dir / "population.csv", schema_overrides=POPULATION_SCHEMA)
    precedence = pl.read_csv(reference_dir / "source_precedence.csv", schema=SOURCE_PRECEDENCE_SCHEMA)
    units, indicators = catalogue_tables(reference_dir)
    return {"regions": regions, "region_history": history, "population": population,
            "units": units, "indicators": indicators, "source_precedence": precedence}
