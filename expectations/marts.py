"""The marts suite: what the published warehouse promises its readers, checked before publish.

Validated on marts.fct_indicator_observations, the mart every fact mart is a slice of
(FRAME_SQL). Every rule blocks: a broken mart is a fault of the build, not of one input
row, and publishing it would put it in front of every dashboard.

Only rules dbt's tests do not hold live here: keys, not-null columns, orphans, a derived
rate's derivation and the catalogue's unit are dbt's (dbt_project/models/marts/_marts.yml),
and each rule lives in one gate (expectations/README.md says which).
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

FRAME_SQL = """
with

observations as (
    select * from marts.fct_indicator_observations
)

-- How many canonical rows and rows each fact (region, indicator, year, kind) has: columns of
-- each row, so the rules are rules on one row (expectations/staging.py validates in batches).
select
    row_number() over (order by observations.observation_id) as row_id,
    observations.*,
    count(*) filter (where observations.is_canonical) over fact as canonical_count,
    count(*) over fact as fact_rows
from observations
window fact as (partition by observations.region_code, observations.indicator, observations.year,
                observations.kind)
"""
STAGED_TABLE = "marts_suite_rows"


def _block(expectation: gxe.Expectation, reason: str) -> gxe.Expectation:
    expectation.meta = {"policy": BLOCK, "reason": reason}
    return expectation


def marts_suite() -> gx.ExpectationSuite:
    """The marts suite: provenance by source type, one canonical row per fact, its source count."""
    source = Column("source_type")
    suite = gx.ExpectationSuite(
        name=SUITE_NAME,
        notes="marts.fct_indicator_observations before publish; any failure blocks the publish.",
    )
    expectations = [
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
        _block(gxe.ExpectColumnValuesToBeBetween(
            column="canonical_count", min_value=1, max_value=1,
            notes="One canonical row per region, indicator, year and kind: the one value an analyst "
                  "and every dashboard reads."),
            "{region_code} {indicator} {year} {kind} has {canonical_count} canonical rows"),
        _block(gxe.ExpectColumnPairValuesToBeEqual(
            column_A="source_count", column_B="fact_rows",
            notes="source_count counts the sources of the fact, each a row of the mart."),
            "{region_code} {indicator} {year} {kind} says {source_count} sources but has {fact_rows}"),
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
