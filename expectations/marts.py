"""The marts suite: what the published warehouse promises its readers, checked before publish.

Validated on marts.fct_indicator_observations, the mart every fact mart is a slice of
(FRAME_SQL), with the dimension keys it must point into read from the same build.
Every rule blocks: a broken mart is a fault of the build, not of one input row, and
publishing it would put it in front of every dashboard.
"""

from __future__ import annotations

import duckdb
import great_expectations as gx
import great_expectations.expectations as gxe
import pandas as pd
from great_expectations.expectations.row_conditions import Column

from expectations.raw import BLOCK
from expectations.staging import StagedRows

SUITE_NAME = "marts_observations"

# The observations, and how many units each region's series of an indicator (actual and
# target together) is given in: a target in one unit beside actuals in another is not a series.
FRAME_SQL = """
with

observations as (
    select * from marts.fct_indicator_observations
),

series as (
    select region_code, indicator, count(distinct unit) as series_units
    from observations
    group by region_code, indicator
)

-- How often each observation id and each grain key occurs: columns of each row, so the
-- uniqueness rules are rules on one row (expectations/staging.py validates in batches).
select
    row_number() over (order by observations.observation_id) as row_id,
    observations.*,
    series.series_units,
    count(*) over (partition by observations.observation_id) as observation_id_count,
    count(*) over (partition by observations.region_code, observations.indicator, observations.year,
                   observations.kind, observations.source_type, observations.source_id) as grain_count,
    -- A fact (region, indicator, year, kind): its canonical rows and its rows.
    count(*) filter (where observations.is_canonical) over fact as canonical_count,
    count(*) over fact as fact_rows
from observations
left join series
    on series.region_code = observations.region_code
    and series.indicator = observations.indicator
window fact as (partition by observations.region_code, observations.indicator, observations.year,
                observations.kind)
"""
STAGED_TABLE = "marts_suite_rows"


def _block(expectation: gxe.Expectation, reason: str) -> gxe.Expectation:
    expectation.meta = {"policy": BLOCK, "reason": reason}
    return expectation


def _codes(con: duckdb.DuckDBPyConnection, sql: str) -> list[str]:
    return sorted(code for (code,) in con.execute(sql).fetchall())


def marts_suite(con: duckdb.DuckDBPyConnection) -> gx.ExpectationSuite:
    """The marts suite, with the keys of dim_region, dim_indicator and dim_document of the build."""
    regions = _codes(con, "select region_code from marts.dim_region")
    indicators = _codes(con, "select indicator from marts.dim_indicator")
    documents = _codes(con, "select document_id from marts.dim_document")
    source = Column("source_type")
    suite = gx.ExpectationSuite(
        name=SUITE_NAME,
        notes="marts.fct_indicator_observations before publish; any failure blocks the publish.",
    )
    expectations = [
        _block(gxe.ExpectColumnValuesToBeBetween(
            column="observation_id_count", min_value=1, max_value=1,
            notes="observation_id is unique."),
            "observation_id {observation_id} is not unique"),
        _block(gxe.ExpectColumnValuesToBeBetween(
            column="grain_count", min_value=1, max_value=1,
            notes="The mart's grain: region, indicator, year, kind, source type and source."),
            "{region_code} {indicator} {year} {kind} from {source_id} appears more than once"),
        _block(gxe.ExpectColumnValuesToNotBeNull(column="region_code"), "region_code is empty"),
        _block(gxe.ExpectColumnValuesToBeInSet(
            column="region_code", value_set=regions,
            description="region_code is a region of marts.dim_region (no orphans)"),
            "region {region_code} is not in dim_region"),
        _block(gxe.ExpectColumnValuesToNotBeNull(column="indicator"), "indicator is empty"),
        _block(gxe.ExpectColumnValuesToBeInSet(
            column="indicator", value_set=indicators,
            description="indicator is an indicator of marts.dim_indicator (no orphans)"),
            "indicator {indicator} is not in dim_indicator"),
        _block(gxe.ExpectColumnValuesToBeInSet(
            column="document_id", value_set=documents,
            description="document_id, where there is one, is a document of marts.dim_document"),
            "document {document_id} is not in dim_document"),
        _block(gxe.ExpectColumnValuesToNotBeNull(column="source_id"),
               "{region_code} {indicator} {year} has no source"),
        _block(gxe.ExpectColumnValuesToNotBeNull(
            column="quote", row_condition=source == "document",
            notes="A document's value carries the words it was read from."),
            "{region_code} {indicator} {year} from document {document_id} has no quote"),
        _block(gxe.ExpectColumnValuesToNotBeNull(
            column="document_name", row_condition=source == "document"),
            "{region_code} {indicator} {year} from document {document_id} has no document name"),
        _block(gxe.ExpectColumnValuesToNotBeNull(
            column="source_url", row_condition=source == "annual_statistics",
            notes="A statistics value carries the address it was published at."),
            "{region_code} {indicator} {year} from {source_id} has no source URL"),
        _block(gxe.ExpectColumnValuesToNotBeNull(
            column="derivation", row_condition=source == "derived",
            notes="A derived rate says what it was computed from."),
            "derived {region_code} {indicator} {year} has no derivation"),
        _block(gxe.ExpectColumnValuesToNotBeNull(
            column="year", row_condition=Column("kind") == "target"),
            "target {region_code} {indicator} from {source_id} has no year"),
        _block(gxe.ExpectColumnValuesToBeBetween(
            column="canonical_count", min_value=1, max_value=1,
            notes="One canonical row per region, indicator, year and kind: the one value an analyst "
                  "and every dashboard reads."),
            "{region_code} {indicator} {year} {kind} has {canonical_count} canonical rows"),
        _block(gxe.ExpectColumnPairValuesToBeEqual(
            column_A="source_count", column_B="fact_rows",
            notes="source_count counts the sources of the fact, each a row of the mart."),
            "{region_code} {indicator} {year} {kind} says {source_count} sources but has {fact_rows}"),
        _block(gxe.ExpectColumnValuesToBeBetween(
            column="series_units", min_value=1, max_value=1,
            notes="The actual and target series of one region and indicator share one unit."),
            "{region_code} {indicator} is given in {series_units} units"),
    ]
    for expectation in expectations:
        suite.add_expectation(expectation)
    return suite


def _message_columns(frame: pd.DataFrame) -> pd.DataFrame:
    frame["source_label"] = "observation " + frame["observation_id"].astype(str)
    return frame


def stage(con: duckdb.DuckDBPyConnection) -> StagedRows:
    """The marts suite's rows from the build file, staged for validation in batches."""
    return StagedRows(con, FRAME_SQL, STAGED_TABLE, label=_message_columns)
