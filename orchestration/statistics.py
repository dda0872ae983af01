"""Annual statistics: CSV and XLSX files validated row by row and landed in the raw schema."""


import dagster as dg
import polars as pl
from dagster_duckdb import DuckDBResource

from orchestration.reference import REFERENCE_KEYS
from orchestration.resources import PipelineInputs, RunGuard
from warehouse.inputs import statistics_files
from warehouse.raw import replace_tables
from warehouse.statistics import read_statistics, validate_statistics

STATISTICS_KEYS = [dg.AssetKey(["raw", "annual_statistics"]),
                   dg.AssetKey(["raw", "annual_statistics_rejects"])]


@dg.multi_asset(
    specs=[dg.AssetSpec(key, deps=REFERENCE_KEYS, group_name="ingest", kinds={"duckdb"})
           for key in STATISTICS_KEYS],
    description="Rows of the annual statistics files, checked against regions and the catalogue.",
)
def raw_annual_statistics(context: dg.AssetExecutionContext, inputs: PipelineInputs,
                          build_db: DuckDBResource, run_guard: RunGuard):
    files = statistics_files(inputs.paths().statistics)
    rows, unreadable = read_statistics(files)
    with build_db.get_connection() as con:
        accepted, rejected = validate_statistics(con, rows)
        rejects = pl.concat([unreadable, rejected])
        replace_tables(con, {"annual_statistics": accepted, "annual_statistics_rejects": rejects})
    # Rejections do not stop the run: the good rows land and each bad one is named.
    for reject in rejects.iter_rows(named=True):
        where = f"row {reject['row_number']}" if reject["row_number"] else "whole file"
        context.log.warning(f"{reject['file']}: {where}: {reject['reason']}")
    yield dg.MaterializeResult(asset_key=STATISTICS_KEYS[0],
                               metadata={"rows": accepted.height, "files": len(files)})
    yield dg.MaterializeResult(asset_key=STATISTICS_KEYS[1], metadata={"rows": rejects.height})
