"""The raw suite: every figure record and statistics row, checked before dbt reads any of them.

A figure record of a document and a row of a statistics file both state a value of
an indicator for a region and a year, so one suite checks both, on one frame
(FRAME_SQL) with a row per record or row. The suite is built from the reference
data each run: the region codes of data/reference/regions.csv, and the indicators,
units and unit bounds of data/reference/indicators.yaml (the one place bounds and
their reasons live; the parser uses the same bounds to split table cells).

Every expectation carries `meta.policy` (`quarantine` or `block`, see README.md) and
`meta.reason`, the sentence a quarantined row is reported with, filled in from the row.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import great_expectations as gx
import great_expectations.expectations as gxe
import pandas as pd
from great_expectations.expectations.row_conditions import Column

from expectations.staging import StagedRows
from ingest.catalogue import Unit, load_catalogue
from ingest.records import json_number
from warehouse.catalogue import CATALOGUE_FILE, FIRST_YEAR, LAST_YEAR
from warehouse.raw import code_in_force, read_regions, source_label

SUITE_NAME = "raw_observations"
DOCUMENT, STATISTICS = "document", "statistics"
QUARANTINE, BLOCK = "quarantine", "block"

# One row per figure record (landed from the parse cache) and per statistics row (as read),
# with what the rules need beside it: the document's plan period, the catalogue's unit of
# the indicator, and whether that unit counts things.
FRAME_SQL = f"""
with

figures as (
    select
        '{DOCUMENT}' as source_kind,
        figures.document as source_file,
        figures.document_id,
        figures.record_number,
        -- The same document saved twice (a repost, another encoding) has another hash but
        -- the same title, region, kind and period; untitled documents stand alone.
        coalesce(
            documents.title || ' | ' || coalesce(documents.region_code, '') || ' | '
                || coalesce(documents.document_kind, '') || ' | '
                || coalesce(documents.period_label, ''),
            figures.document_id
        ) as document_key,
        figures.region_code,
        figures.indicator,
        figures.year,
        cast(figures.year as varchar) as year_text,
        figures.kind,
        figures.value,
        cast(null as varchar) as value_text,
        figures.value_high,
        coalesce(figures.unit, '') as unit,
        documents.period_start,
        documents.period_end,
        figures.quote,
        cast(null as varchar) as source,
        cast(null as varchar) as stated_region
    from raw.figure_records as figures
    left join raw.documents as documents on documents.document_id = figures.document_id
),

statistics as (
    select
        '{STATISTICS}' as source_kind,
        file as source_file,
        cast(null as varchar) as document_id,
        row_number as record_number,
        cast(null as varchar) as document_key,
        -- A table written before a county became a district gives the old code.
        {code_in_force("region_code")} as region_code,
        indicator,
        year,
        year_text,
        'actual' as kind,
        value,
        value_text,
        cast(null as double) as value_high,
        unit,
        cast(null as integer) as period_start,
        cast(null as integer) as period_end,
        quote,
        source,
        region as stated_region
    from raw.statistics_rows
),

observations as (
    select * from figures
    union all by name
    select * from statistics
),

numbered as (
    select
        row_number() over (order by source_kind, source_file, record_number) as row_id,
        *
    from observations
),

-- What concerns a group of rows is a column of each row, so every rule is a rule on one row
-- (expectations/staging.py validates in batches). A document's record repeats another when
-- the same document (under another name, or twice in itself) states the same fact and
-- value; a statistics row repeats another of its file with the same region, indicator and
-- year. The first of a group lands; a statistics group whose values differ is a conflict.
grouped as (
    select
        *,
        row_number() over repeats as repeat_rank,
        first_value(source_file) over repeats as first_file,
        first_value(record_number) over repeats as first_record
    from numbered
    window repeats as (
        partition by source_kind,
            case when source_kind = '{DOCUMENT}' then document_key else source_file end,
            region_code, indicator, year,
            case when source_kind = '{DOCUMENT}' then kind end,
            case when source_kind = '{DOCUMENT}' then value end
        order by row_id
    )
),

statistics_keys as (
    select source_file, region_code, indicator, year, count(distinct value) as key_values
    from numbered
    where source_kind = '{STATISTICS}'
    group by all
)

select
    observations.*,
    coalesce(statistics_keys.key_values, 1) as key_values,
    -- A plan reviews the targets of the plan before it, dated the year before its period.
    observations.period_start - 1 as plan_base_year,
    indicators.unit as catalogue_unit,
    units.is_count,
    observations.value - floor(observations.value) as fractional_part,
    regions.region as code_region,
    -- A region name given beside the code must be the code's name or one of its aliases.
    observations.stated_region is null or regions.region is null
        or observations.stated_region = regions.region
        or list_contains(string_split(coalesce(regions.aliases, ''), '|'),
                         observations.stated_region) as region_name_agrees
from grouped as observations
left join statistics_keys
    on observations.source_kind = '{STATISTICS}'
    and statistics_keys.source_file = observations.source_file
    and statistics_keys.region_code is not distinct from observations.region_code
    and statistics_keys.indicator is not distinct from observations.indicator
    and statistics_keys.year is not distinct from observations.year
left join raw.indicators as indicators on indicators.indicator = observations.indicator
left join raw.units as units on units.unit = indicators.unit
left join raw.regions as regions on regions.region_code = observations.region_code
"""
STAGED_TABLE = "raw_suite_rows"


def _quarantine(expectation: gxe.Expectation, reason: str, repeat: bool = False,
                group: tuple[str, ...] = ()) -> gxe.Expectation:
    """Mark a row-level rule: its failing rows are held back with `reason`, the rest go on.

    `repeat`: the rows repeat another row that lands, so nothing is lost by holding them
    back. `group`: the key of a conflict; each row's reason names the others ({others}).
    """
    expectation.meta = {"policy": QUARANTINE, "reason": reason, "repeat": repeat, "group": list(group)}
    return expectation


def _unit_bounds(column: str, unit: Unit) -> gxe.Expectation:
    """The plausible range of one unit, from indicators.yaml, on `value` or `value_high`."""
    low, high = json_number(unit.minimum), json_number(unit.maximum)
    return _quarantine(
        gxe.ExpectColumnValuesToBeBetween(
            column=column, min_value=low, max_value=high,
            row_condition=Column("catalogue_unit") == unit.code, notes=f"{unit.code}: {unit.reason}"),
        f"{column} {{{column}_label}} is outside the plausible range {low} to {high} of unit "
        f"{unit.code} ({unit.reason})",
    )


def raw_suite(reference_dir: Path) -> gx.ExpectationSuite:
    """The raw suite, built from the regions and the indicator catalogue in `reference_dir`."""
    catalogue = load_catalogue(Path(reference_dir) / CATALOGUE_FILE)
    regions = sorted(read_regions(reference_dir)["region_code"])
    is_document = Column("source_kind") == DOCUMENT
    is_statistics = Column("source_kind") == STATISTICS
    is_target = Column("kind") == "target"
    this_year = date.today().year
    suite = gx.ExpectationSuite(
        name=SUITE_NAME,
        notes="Figure records of the documents and rows of the annual statistics files, "
              "before dbt. Rows failing a quarantine rule are held back in raw.quarantine "
              "with the reason; see expectations/README.md for the policy.",
    )
    expectations = [
        # A run with nothing at all to publish is a broken inbox, not an empty warehouse.
        gxe.ExpectTableRowCountToBeBetween(
            min_value=1, meta={"policy": BLOCK}, notes="An empty batch means the inputs are gone."),
        _quarantine(gxe.ExpectColumnValuesToNotBeNull(column="region_code"),
                    "region_code is empty"),
        _quarantine(gxe.ExpectColumnValuesToBeInSet(
            column="region_code", value_set=regions,
            description=f"region_code is one of the {len(regions):,} GB/T 2260 codes of "
                        "data/reference/regions.csv"),
            "unknown region code '{region_code}'"),
        _quarantine(gxe.ExpectColumnValuesToBeInSet(
            column="region_name_agrees", value_set=[True],
            notes="A statistics row that names its region must name the region of its code: "
                  "a mistyped code would land the figure on another region."),
            "region name '{stated_region}' is not the region of code {region_code} "
            "({code_region})"),
        _quarantine(gxe.ExpectColumnValuesToNotBeNull(column="indicator"), "indicator is empty"),
        _quarantine(gxe.ExpectColumnValuesToBeInSet(
            column="indicator", value_set=sorted(catalogue.indicators),
            description=f"indicator is one of the {len(catalogue.indicators)} codes of "
                        "data/reference/indicators.yaml"),
            "unknown indicator '{indicator}'"),
        _quarantine(gxe.ExpectColumnPairValuesToBeEqual(
            column_A="unit", column_B="catalogue_unit", ignore_row_if="either_value_is_missing",
            notes="A value in another unit (万人 for persons) would be read as the catalogue's."),
            "unit '{unit}' disagrees with the catalogue unit '{catalogue_unit}' of {indicator}"),
        _quarantine(gxe.ExpectColumnValuesToNotBeNull(column="year"),
                    "year '{year_text}' is not a whole number"),
        _quarantine(gxe.ExpectColumnValuesToBeBetween(
            column="year", min_value=FIRST_YEAR, max_value=LAST_YEAR,
            notes="From the founding of the People's Republic to the furthest plan horizon."),
            f"year {{year}} is outside {FIRST_YEAR}-{LAST_YEAR}"),
        _quarantine(gxe.ExpectColumnValuesToBeBetween(
            column="year", max_value=this_year,
            # Years beyond every plan are a typo, reported by the rule above, not twice.
            row_condition=(Column("kind") == "actual") & (Column("year") <= LAST_YEAR),
            notes="An actual is measured: its year cannot lie after the year of the run."),
            f"an actual for the year {{year}}, which has not come yet (this is {this_year})"),
        _quarantine(gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="year", column_B="plan_base_year", or_equal=True,
            ignore_row_if="either_value_is_missing", row_condition=is_target,
            notes="A plan's targets fall in its period; the one earlier year allowed is the year "
                  "before it, where a plan reviews its predecessor's targets (十三五 targets "
                  "for 2020 in a 十四五 plan)."),
            "target year {year} lies before the plan period {period_start}-{period_end}"),
        _quarantine(gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="period_end", column_B="year", or_equal=True,
            ignore_row_if="either_value_is_missing", row_condition=is_target,
            notes="A plan's targets fall inside its period or at its end."),
            "target year {year} lies after the plan period {period_start}-{period_end}"),
        _quarantine(gxe.ExpectColumnValuesToNotBeNull(column="value"),
                    "value '{value_text}' is not a number"),
        *(_unit_bounds(column, unit) for _, unit in sorted(catalogue.units.items())
          for column in ("value", "value_high")),
        _quarantine(gxe.ExpectColumnValuesToBeBetween(
            column="fractional_part", min_value=0, max_value=0,
            row_condition=Column("is_count") == True,  # noqa: E712 - a condition, not a test
            notes="Units marked `integer` in indicators.yaml count things: a fraction is a "
                  "misread number."),
            "value {value_label} is not a whole number, but {catalogue_unit} counts"),
        _quarantine(gxe.ExpectColumnValuesToNotBeNull(
            column="quote", row_condition=is_document,
            notes="Every figure can be found again in its document by its quote."),
            "quote is empty"),
        _quarantine(gxe.ExpectColumnValuesToNotBeNull(
            column="source", row_condition=is_statistics,
            notes="Every statistics row names where it was published."),
            "source is empty"),
        _quarantine(gxe.ExpectColumnValuesToBeBetween(
            column="repeat_rank", max_value=1, row_condition=is_document,
            notes="One record per document, region, indicator, year, kind and value: the same "
                  "document under two names lands once (the first name in sort order)."),
            "repeats record {first_record} of {first_file} (the same document under another "
            "name, or the same statement twice)", repeat=True),
        _quarantine(gxe.ExpectColumnValuesToBeBetween(
            column="repeat_rank", max_value=1, row_condition=is_statistics & (Column("key_values") == 1),
            notes="A statistics file gives a region's indicator once a year: a repeat of a row "
                  "lands once."),
            "repeats row {first_record} (same region, indicator and year)", repeat=True),
        _quarantine(gxe.ExpectColumnValuesToBeBetween(
            column="key_values", max_value=1, row_condition=is_statistics,
            notes="Rows of one file with the same region, indicator and year but different "
                  "values are a conflict: none of them lands until the file is corrected."),
            "conflicts with {others} (same region, indicator and year; value {value_label} here): "
            "held back until the file is corrected",
            group=("source_file", "region_code", "indicator", "year")),
    ]
    for expectation in expectations:
        suite.add_expectation(expectation)
    return suite


def _message_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Values and sources as messages show them, on the rows fetched for messages."""
    for column in ("value", "value_high"):
        frame[f"{column}_label"] = [
            "" if pd.isna(value) or not math.isfinite(value)
            else str(json_number(Decimal(str(float(value)))))
            for value in frame[column]]
    # Statistics values as the file writes them ("12,000"), so a reader can find the cell.
    written = frame["value_text"].notna()
    frame.loc[written, "value_label"] = frame.loc[written, "value_text"]
    frame["source_label"] = [
        source_label(kind, name, int(number))
        for name, kind, number in zip(frame["source_file"], frame["source_kind"],
                                      frame["record_number"], strict=True)]
    return frame


def stage(con: duckdb.DuckDBPyConnection) -> StagedRows:
    """The raw suite's rows from the build file, staged for validation in batches."""
    return StagedRows(con, FRAME_SQL, STAGED_TABLE, label=_message_columns)
