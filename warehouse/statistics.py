"""Annual statistics files (CSV or XLSX) to raw.annual_statistics, each row checked on load.

A row is rejected, with its file, row number and reason, when its region code is
not a GB/T 2260 code, its indicator is not in the catalogue, its year or value is
not a number, its unit disagrees with the catalogue, its value lies outside the
unit's plausible range, it names no source, or it repeats an earlier row of the
same file. The good rows of the file still land.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from warehouse.inputs import STATISTICS_SUFFIXES, file_sha256

REQUIRED_COLUMNS = ("region_code", "year", "indicator", "value", "unit", "source")
OPTIONAL_COLUMNS = ("quote",)
# Row numbers as a spreadsheet shows them: the header is row 1.
FIRST_DATA_ROW = 2

REJECT_SCHEMA = {
    "file": pl.String, "row_number": pl.Int32, "reason": pl.String, "region_code": pl.String,
    "year": pl.String, "indicator": pl.String, "value": pl.String, "unit": pl.String,
    "source": pl.String,
}
TEXT_ROW_SCHEMA = {
    "file": pl.String, "file_sha256": pl.String, "row_number": pl.Int32,
    **{column: pl.String for column in REQUIRED_COLUMNS + OPTIONAL_COLUMNS},
}


def _read_text_frame(path: Path) -> pl.DataFrame:
    """Every cell as text, so that validation, not the reader, decides what is a number."""
    if path.suffix.lower() == ".csv":
        return pl.read_csv(path, infer_schema=False, encoding="utf8-lossy")
    frame = pl.read_excel(path, engine="openpyxl", infer_schema_length=0)
    return frame.with_columns(pl.all().cast(pl.String))


def read_statistics(files: list[Path]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """All rows of all files as text (with file and row number), and whole-file rejections."""
    frames, rejects = [], []
    for path in files:
        reject = {column: None for column in REJECT_SCHEMA} | {"file": path.name}
        if path.suffix.lower() not in STATISTICS_SUFFIXES:
            rejects.append(reject | {"reason": f"unsupported file type '{path.suffix}' "
                                               f"(expected {', '.join(STATISTICS_SUFFIXES)})"})
            continue
        try:
            frame = _read_text_frame(path)
        except Exception as error:  # noqa: BLE001 - any unreadable file is reported, not raised
            rejects.append(reject | {"reason": f"cannot read: {type(error).__name__}: {error}"})
            continue
        frame = frame.rename({name: name.strip().lower() for name in frame.columns})
        missing = [column for column in REQUIRED_COLUMNS if column not in frame.columns]
        if missing:
            rejects.append(reject | {"reason": f"missing column(s): {', '.join(missing)}"})
            continue
        frames.append(
            frame.with_columns(
                pl.lit(None, dtype=pl.String).alias(column)
                for column in OPTIONAL_COLUMNS if column not in frame.columns
            ).select(
                pl.lit(path.name).alias("file"),
                pl.lit(file_sha256(path)).alias("file_sha256"),
                (pl.int_range(pl.len(), dtype=pl.Int32) + FIRST_DATA_ROW).alias("row_number"),
                *(pl.col(column).str.strip_chars() for column in REQUIRED_COLUMNS + OPTIONAL_COLUMNS),
            )
        )
    rows = pl.concat(frames) if frames else pl.DataFrame(schema=TEXT_ROW_SCHEMA)
    return rows, pl.DataFrame(rejects, schema=REJECT_SCHEMA, orient="row")


# Every check is a column of reasons; a row with none lands. Spreadsheets store codes and
# years as numbers, so "310000.0" and "2020.0" are read as the integers they are.
VALIDATE_SQL = """
with typed as (
    select
        rows.*,
        regexp_replace(rows.region_code, '\\.0+$', '') as code,
        try_cast(regexp_replace(rows.year, '\\.0+$', '') as integer) as year_number,
        try_cast(replace(replace(rows.value, ',', ''), ' ', '') as double) as value_number
    from statistics_rows as rows
),

checked as (
    select
        typed.*,
        units.min_value,
        units.max_value,
        indicators.unit as catalogue_unit,
        row_number() over (
            partition by typed.file, typed.code, typed.indicator, typed.year_number
            order by typed.row_number
        ) as repeat_number,
        first_value(typed.row_number) over (
            partition by typed.file, typed.code, typed.indicator, typed.year_number
            order by typed.row_number
        ) as first_row,
        regions.region_code is not null as known_region,
        indicators.indicator is not null as known_indicator
    from typed
    left join raw.regions as regions on regions.region_code = typed.code
    left join raw.indicators as indicators on indicators.indicator = typed.indicator
    left join raw.units as units on units.unit = indicators.unit
),

reasoned as (
    select
        checked.*,
        concat_ws('; ',
            case when coalesce(code, '') = '' then 'region_code is empty'
                 when not known_region then format('unknown region code ''{}''', code) end,
            case when coalesce(indicator, '') = '' then 'indicator is empty'
                 when not known_indicator then format('unknown indicator ''{}''', indicator) end,
            case when year_number is null then format('year ''{}'' is not a whole number', coalesce(year, ''))
                 when year_number not between 1949 and 2100
                     then format('year {} is outside 1949-2100', year_number) end,
            case when value_number is null then format('value ''{}'' is not a number', coalesce(value, '')) end,
            case when known_indicator and coalesce(unit, '') <> catalogue_unit
                then format('unit ''{}'' disagrees with the catalogue unit ''{}'' of {}',
                            coalesce(unit, ''), catalogue_unit, indicator) end,
            case when value_number < min_value or value_number > max_value
                then format('value {} is outside the plausible range {} to {} of unit {}',
                            value_number, min_value, max_value, catalogue_unit) end,
            case when coalesce(source, '') = '' then 'source is empty' end,
            case when repeat_number > 1 and year_number is not null
                then format('repeats row {} (same region, indicator and year)', first_row) end
        ) as reason
    from checked
)

select * from reasoned
"""

ACCEPTED_SQL = """
select file, file_sha256, row_number, code as region_code, year_number as year, indicator,
       value_number as value, unit, source, quote
from validated where reason = '' order by file, row_number
"""

REJECTED_SQL = """
select file, row_number, reason, region_code, year, indicator, value, unit, source
from validated where reason <> '' order by file, row_number
"""


def validate_statistics(con: duckdb.DuckDBPyConnection, rows: pl.DataFrame
                        ) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Split text rows into (accepted, rejected) against raw.regions, raw.indicators, raw.units."""
    con.register("statistics_rows", rows)
    try:
        con.execute(f"create or replace temp table validated as {VALIDATE_SQL}")
        accepted = con.sql(ACCEPTED_SQL).pl()
        rejected = con.sql(REJECTED_SQL).pl()
        con.execute("drop table validated")
    finally:
        con.unregister("statistics_rows")
    return accepted, rejected.cast(REJECT_SCHEMA)
