"""The quality gate: the Great Expectations suites of expectations/ as blocking Dagster asset checks.

`raw_quality_gate` validates every landed figure record and statistics row with the
raw suite and splits them into the tables dbt reads (raw.figures, raw.annual_statistics)
and raw.quarantine; the suite's verdict is a blocking check on both tables. After
`dbt build` (whose tests hold the marts' keys, orphans and units, and the reporting
tables the dashboards read), `marts_observations_suite` validates what dbt does not test
of the marts (expectations/README.md says which gate owns which rule). `published_warehouse`
is downstream of both, so a check that fails with ERROR severity ends the run before
publish; rows quarantined under the threshold are a WARN finding and the run goes on.

Great Expectations is imported inside the steps: importing it takes seconds, and a
run with nothing to build never needs it.
"""

import dagster as dg
import polars as pl
from dagster_duckdb import DuckDBResource

from orchestration.reference import REFERENCE_KEYS
from orchestration.resources import PipelineInputs, RunGuard
from warehouse.faults import pause_point
from warehouse.raw import DUPLICATE_DOCUMENT, code_in_force, replace_tables, source_label

RAW_CHECK = "raw_observations_suite"
MARTS_CHECK = "marts_observations_suite"
FIGURES = dg.AssetKey(["raw", "figures"])
STATISTICS = dg.AssetKey(["raw", "annual_statistics"])
QUARANTINE = dg.AssetKey(["raw", "quarantine"])
GATE_INPUTS = [dg.AssetKey(["raw", name]) for name in (
    "documents", "figure_records", "ingest_errors", "statistics_rows", "statistics_file_errors")]
OBSERVATIONS_MART = dg.AssetKey(["marts", "fct_indicator_observations"])
# Lines of a check's description in the Dagster UI and in `minzheng run`'s message.
MAX_DESCRIPTION_LINES = 40

QUARANTINE_SCHEMA = {
    "source_kind": pl.String, "source_file": pl.String, "document_id": pl.String,
    "record_number": pl.Int32, "region_code": pl.String, "indicator": pl.String,
    "year": pl.String, "kind": pl.String, "value": pl.String, "unit": pl.String,
    "quote": pl.String, "source_url": pl.String, "stage": pl.String, "suite": pl.String,
    "expectation": pl.String, "reason": pl.String,
}

# Whole files held back before any row could be read: statistics files that are not a
# table, and second copies of a document already in the inbox.
READ_PROBLEMS_SQL = f"""
select 'statistics' as source_kind, file as source_file, reason
from raw.statistics_file_errors
union all
select 'document', document_name, reason
from raw.ingest_errors
where error_kind = '{DUPLICATE_DOCUMENT}'
"""

# The rows dbt reads: everything landed, less the rows the gate held back.
ACCEPTED_FIGURES_SQL = """
select figures.*
from raw.figure_records as figures
anti join held on held.source_kind = 'document'
    and held.source_file = figures.document and held.record_number = figures.record_number
order by figures.document_id, figures.record_number
"""
ACCEPTED_STATISTICS_SQL = f"""
select rows.file, rows.file_sha256, rows.row_number,
       {code_in_force("rows.region_code")} as region_code, rows.year,
       rows.indicator, rows.value, rows.value_resolution, rows.unit, rows.source, rows.quote
from raw.statistics_rows as rows
anti join held on held.source_kind = 'statistics'
    and held.source_file = rows.file and held.record_number = rows.row_number
order by rows.file, rows.row_number
"""


def _quarantine_rows(rows: dict[int, dict], decision, suite: str) -> pl.DataFrame:
    """One row per held-back record or row: where it came from, what it said, and why."""
    held = []
    for row_id, findings in sorted(decision.quarantined.items()):
        row = rows[row_id]
        held.append({
            "source_kind": row["source_kind"], "source_file": row["source_file"],
            "document_id": row["document_id"], "record_number": int(row["record_number"]),
            "region_code": row["region_code"], "indicator": row["indicator"],
            "year": row["year_text"], "kind": row["kind"], "value": row["value_label"],
            "unit": row["unit"], "quote": row["quote"], "source_url": row["source"],
            "stage": "validate", "suite": suite,
            "expectation": "; ".join(expectation for expectation, _ in findings),
            "reason": "; ".join(reason for _, reason in findings),
        })
    return pl.DataFrame([{key: (None if _missing(value) else value) for key, value in row.items()}
                         for row in held], schema=QUARANTINE_SCHEMA, orient="row")


def _missing(value) -> bool:
    return value is None or value != value  # NaN and pandas' missing values are not equal


def _description(lines: list[str], docs_page) -> str:
    """Findings for the Dagster UI and `minzheng run`'s message, cut short, then the Data Docs page."""
    text = "\n".join(lines).splitlines()
    if len(text) > MAX_DESCRIPTION_LINES:
        text = text[:MAX_DESCRIPTION_LINES] + [f"... ({len(text) - MAX_DESCRIPTION_LINES} more "
                                               "lines: see raw.quarantine and the Data Docs)"]
    return "\n".join([*text, f"Data Docs: {docs_page}"])


def _held_summary(quarantine: pl.DataFrame, source_kind: str) -> list[str]:
    held = quarantine.filter(pl.col("source_kind") == source_kind)
    return [f"{source_label(source_kind, row['source_file'], row['record_number'])}: {row['reason']}"
            for row in held.iter_rows(named=True)]


@dg.multi_asset(
    specs=[
        dg.AssetSpec(FIGURES, deps=[*GATE_INPUTS, *REFERENCE_KEYS], group_name="ingest",
                     kinds={"duckdb"}, description="Figure records that passed the raw suite."),
        dg.AssetSpec(STATISTICS, deps=[*GATE_INPUTS, *REFERENCE_KEYS], group_name="ingest",
                     kinds={"duckdb"}, description="Statistics rows that passed the raw suite."),
        dg.AssetSpec(QUARANTINE, deps=[*GATE_INPUTS, *REFERENCE_KEYS], group_name="quality",
                     kinds={"duckdb"},
                     description="Records, rows and files held back, with source and reason."),
    ],
    check_specs=[
        dg.AssetCheckSpec(RAW_CHECK, asset=key, blocking=True,
                          description="The raw suite (expectations/raw.py): fails with ERROR "
                                      "and stops the run when the policy blocks, WARN when "
                                      "rows were only quarantined.")
        for key in (FIGURES, STATISTICS)
    ],
)
def raw_quality_gate(context: dg.AssetExecutionContext, inputs: PipelineInputs,
                     build_db: DuckDBResource, run_guard: RunGuard):
    """Validate the landed rows with the raw suite; land the good ones, quarantine the rest."""
    from expectations import gate, raw

    paths = inputs.paths()
    # The first validation of a run: the Data Docs start afresh, so they show this run.
    quality = gate.QualityContext(paths.great_expectations, paths.data_docs_of(context.run.run_id),
                                   fresh=True)
    with build_db.get_connection() as con:
        staged = raw.stage(con)
        read_problems = con.sql(READ_PROBLEMS_SQL).pl()
        result = quality.validate(raw.raw_suite(paths.reference), staged.batches(), context.run.run_id)
        pause_point("raw-gate")  # the fault tests kill a run here, its rows staged in the build file
        rows = staged.rows(gate.failing_row_ids(result))
    decision = gate.decide(result, rows)
    quarantine = pl.concat([
        _quarantine_rows(rows, decision, result.suite),
        read_problems.with_columns(pl.lit("read").alias("stage"))
        .select([pl.col(name) if name in read_problems.columns or name == "stage"
                 else pl.lit(None, dtype=dtype).alias(name)
                 for name, dtype in QUARANTINE_SCHEMA.items()]),
    ])
    # The accepted rows go from table to table inside DuckDB: a large statistics file's rows
    # never pass through Python a second time.
    with build_db.get_connection() as con:
        con.register("held", quarantine.filter(pl.col("stage") == "validate"))
        landed = replace_tables(con, {"figures": ACCEPTED_FIGURES_SQL,
                                      "annual_statistics": ACCEPTED_STATISTICS_SQL,
                                      "quarantine": quarantine})
        con.unregister("held")
    yield dg.MaterializeResult(asset_key=FIGURES, metadata={"rows": landed["figures"]})
    yield dg.MaterializeResult(asset_key=STATISTICS, metadata={"rows": landed["annual_statistics"]})
    yield dg.MaterializeResult(asset_key=QUARANTINE, metadata={
        "rows": quarantine.height, "data_docs": dg.MetadataValue.path(str(result.docs_page))})
    for key, source_kind in ((FIGURES, "document"), (STATISTICS, "statistics")):
        held = _held_summary(quarantine, source_kind)
        metadata = {"quarantined": len(held), "rows_checked": result.rows,
                    "data_docs": dg.MetadataValue.path(str(result.docs_page))}
        if decision.blocked:
            yield dg.AssetCheckResult(
                asset_key=key, check_name=RAW_CHECK, passed=False,
                severity=dg.AssetCheckSeverity.ERROR, metadata=metadata,
                description=_description(decision.blocking, result.docs_page))
        else:
            yield dg.AssetCheckResult(
                asset_key=key, check_name=RAW_CHECK, passed=not held, metadata=metadata,
                severity=dg.AssetCheckSeverity.WARN,
                description=_description([f"{len(held)} held back in raw.quarantine:", *held],
                                         result.docs_page) if held else None)


@dg.asset_check(
    asset=OBSERVATIONS_MART,
    name=MARTS_CHECK,
    blocking=True,
    description="The marts suite (expectations/marts.py) on every observation; any failure "
                "stops the run before publish.",
)
def marts_observations_suite(context: dg.AssetCheckExecutionContext, inputs: PipelineInputs,
                             build_db: DuckDBResource, run_guard: RunGuard
                             ) -> dg.AssetCheckResult:
    """Validate the marts with the marts suite; every failure blocks the publish."""
    from expectations import gate, marts

    paths = inputs.paths()
    quality = gate.QualityContext(paths.great_expectations, paths.data_docs_of(context.run.run_id))
    with build_db.get_connection() as con:
        staged = marts.stage(con)
        result = quality.validate(marts.marts_suite(), staged.batches(), context.run.run_id)
        rows = staged.rows(gate.failing_row_ids(result))
    return dg.AssetCheckResult(
        passed=result.success, severity=dg.AssetCheckSeverity.ERROR,
        metadata={"rows_checked": result.rows, "expectations": result.expectations,
                  "data_docs": dg.MetadataValue.path(str(result.docs_page))},
        description=None if result.success else _description(
            [gate.describe_failure(failure, rows) for failure in result.failures],
            result.docs_page))
