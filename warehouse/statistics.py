"""Annual statistics files (CSV or XLSX) read into typed rows for the quality gate.

Reading decides only what can be decided about a whole file: a file of another
type, an empty file, bytes that are no known text encoding, or a table without
the required columns is refused whole, with the reason. Every row of a readable
file is kept, as written and typed where it can be: whether a row is good (known
region and indicator, the catalogue's unit, a plausible value, a year, a source,
no repeat) is the raw suite's decision (expectations/raw.py), not the reader's.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import polars as pl

from ingest.decoding import NOT_TEXT, decode_bytes
from warehouse.inputs import STATISTICS_SUFFIXES, InboxRefused, read_inbox_file

REQUIRED_COLUMNS = ("region_code", "year", "indicator", "value", "unit", "source")
# `region`, where a file gives it, is checked against the code's name (a mistyped code
# otherwise lands the figure on another region).
OPTIONAL_COLUMNS = ("region", "quote")
# Row numbers as a spreadsheet shows them: the header is row 1.
FIRST_DATA_ROW = 2

FILE_ERROR_SCHEMA = {"file": pl.String, "reason": pl.String}
TEXT_ROW_SCHEMA = {
    "file": pl.String, "file_sha256": pl.String, "row_number": pl.Int32,
    **{column: pl.String for column in REQUIRED_COLUMNS + OPTIONAL_COLUMNS},
}
# raw.statistics_rows: each cell as written, beside the number or code read from it.
ROW_SCHEMA = {
    "file": pl.String, "file_sha256": pl.String, "row_number": pl.Int32,
    "region_code": pl.String, "indicator": pl.String, "year": pl.Int32, "year_text": pl.String,
    "value": pl.Float64, "value_text": pl.String, "value_resolution": pl.Float64, "unit": pl.String,
    "source": pl.String, "region": pl.String, "quote": pl.String,
}


class UnreadableFile(Exception):
    """A statistics file that cannot be read as a table; the message says why."""


def _read_text_frames(path: Path, data: bytes) -> list[tuple[str, pl.DataFrame]]:
    """(label, every cell as text) per table of the file's bytes: one for a CSV, one per sheet of a workbook.

    Cells stay text so that the quality gate, not the reader, decides what is a number.
    Blank sheets (Excel's empty Sheet2) are skipped; a sheet with rows but not the
    required columns refuses the whole file, so that no sheet is dropped silently.
    """
    if path.suffix.lower() == ".csv":
        if not data.strip():
            raise UnreadableFile("empty file")
        # Offices save CSV from Excel in GBK as often as in UTF-8.
        decoded = decode_bytes(data)
        if decoded is None:
            raise UnreadableFile(NOT_TEXT)
        # polars reads UTF-8 bytes itself; other encodings are handed over re-encoded. No
        # Python string of the whole file is kept while polars reads (a 200 MB file would
        # be held three times over).
        utf8 = data.removeprefix(b"\xef\xbb\xbf") if decoded.encoding == "utf-8" else decoded.text.encode("utf-8")
        del decoded
        tables = [(path.name, pl.read_csv(utf8, infer_schema=False))]
        del utf8
    else:
        sheets = pl.read_excel(io.BytesIO(data), sheet_id=0, engine="openpyxl", infer_schema_length=0,
                               raise_if_empty=False)
        sheets = {name: frame for name, frame in sheets.items() if frame.width}
        tables = [(path.name if len(sheets) == 1 else f"{path.name} [{name}]",
                   frame.with_columns(pl.all().cast(pl.String)))
                  for name, frame in sheets.items()]
    if not any(frame.height for _, frame in tables):
        raise UnreadableFile("no data rows (only a header)")
    return tables


def _text_rows(path: Path) -> pl.DataFrame:
    """The file's rows as text with file (and sheet) and row number; raises UnreadableFile."""
    if path.suffix.lower() not in STATISTICS_SUFFIXES:
        raise UnreadableFile(f"unsupported file type '{path.suffix}' "
                             f"(expected {', '.join(STATISTICS_SUFFIXES)})")
    # Read once: the hash names the bytes that were read, not what the file holds later.
    try:
        data = read_inbox_file(path)
    except InboxRefused as error:
        raise UnreadableFile(str(error)) from error
    digest = hashlib.sha256(data).hexdigest()
    try:
        tables = _read_text_frames(path, data)
    except UnreadableFile:
        raise
    except Exception as error:  # noqa: BLE001 - any unreadable file is reported, not raised
        raise UnreadableFile(f"cannot read: {type(error).__name__}: {error}") from error
    frames = []
    for label, frame in tables:
        frame = frame.rename({name: name.strip().lower() for name in frame.columns})
        missing = [column for column in REQUIRED_COLUMNS if column not in frame.columns]
        if missing:
            sheet = "" if label == path.name else f"sheet {label.removeprefix(path.name).strip(' []')}: "
            raise UnreadableFile(f"{sheet}missing column(s): {', '.join(missing)}")
        frames.append(frame.with_columns(
            pl.lit(None, dtype=pl.String).alias(column)
            for column in OPTIONAL_COLUMNS if column not in frame.columns
        ).select(
            pl.lit(label).alias("file"),
            pl.lit(digest).alias("file_sha256"),
            (pl.int_range(pl.len(), dtype=pl.Int32) + FIRST_DATA_ROW).alias("row_number"),
            *(pl.col(column).str.strip_chars() for column in REQUIRED_COLUMNS + OPTIONAL_COLUMNS),
        ))
    return pl.concat(frames)


def _typed(rows: pl.DataFrame) -> pl.DataFrame:
    """Codes, years and values read from their text; what cannot be read becomes null."""
    def blank_is_null(column: str) -> pl.Expr:
        return pl.when(pl.col(column) == "").then(None).otherwise(pl.col(column))

    # Spreadsheets store codes and years as numbers, so "310000.0" and "2020.0" are the
    # integers they show; offices write thousands with commas ("163,600").
    whole = r"\.0+$"
    written = pl.col("value").str.replace_all(r"[,\s]", "")
    value = written.cast(pl.Float64, strict=False)
    # How precisely the cell writes the value (warehouse/rounding.py): 16.5 to the nearest
    # 0.1, 163600 (or a spreadsheet's 163600.0) to the nearest 1.
    decimals = written.str.replace(whole, "").str.extract(r"\.(\d+)$", 1).str.len_chars().fill_null(0)
    return rows.select(
        "file", "file_sha256", "row_number",
        blank_is_null("region_code").str.replace(whole, "").alias("region_code"),
        blank_is_null("indicator").alias("indicator"),
        pl.col("year").str.replace(whole, "").cast(pl.Int32, strict=False).alias("year"),
        pl.col("year").alias("year_text"),
        # "inf" and "nan" parse as floats but are no count or share: not a number here.
        pl.when(value.is_finite()).then(value).alias("value"),
        pl.col("value").alias("value_text"),
        pl.when(value.is_finite()).then(pl.lit(10.0).pow(-decimals.cast(pl.Float64))).alias("value_resolution"),
        pl.col("unit").fill_null("").alias("unit"),
        blank_is_null("source").alias("source"),
        blank_is_null("region").alias("region"),
        blank_is_null("quote").alias("quote"),
    ).cast(ROW_SCHEMA)


def read_statistics(files: list[Path]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(rows of every readable file, typed; one (file, reason) per file refused whole)."""
    frames, errors = [], []
    for path in files:
        try:
            frames.append(_text_rows(path))
        except UnreadableFile as error:
            errors.append({"file": path.name, "reason": str(error)})
    rows = pl.concat(frames) if frames else pl.DataFrame(schema=TEXT_ROW_SCHEMA)
    return _typed(rows), pl.DataFrame(errors, schema=FILE_ERROR_SCHEMA, orient="row")
