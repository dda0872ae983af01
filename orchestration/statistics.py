"""Annual statistics: CSV and XLSX files read row by row into the raw schema, for the gate to check."""


import dagster as dg
import polars as pl
from dagster_duckdb import DuckDBResource

from orchestration.resources import PipelineInputs, RunGuard
from warehouse.inputs import refused_label, walk_inbox
from warehouse.raw import replace_tables
from warehouse.statistics import FILE_ERROR_SCHEMA, read_statistics

STATISTICS_KEYS = [dg.AssetKey(["raw", "statistics_rows"]),
                   dg.AssetKey(["raw", "statistics_file_errors"])]


@dg.multi_asset(
    specs=[dg.AssetSpec(key, group_name="ingest", kinds={"duckdb"}) for key in STATISTICS_KEYS],
    description="Every row of the annual statistics files as written (typed where it can be), "
                "and the files that cannot be read at all.",
)
def raw_annual_statistics(context: dg.AssetExecutionContext, inputs: PipelineInputs,
                          build_db: DuckDBResource, run_guard: RunGuard):
    folder = inputs.paths().statistics
    files, refused_entries = walk_inbox(folder)
    rows, file_errors = read_statistics(files)
    refused = [{"file": refused_label(entry, folder), "reason": entry.reason}
               for entry in refused_entries]
    file_errors = pl.concat([file_errors, pl.DataFrame(refused, schema=FILE_ERROR_SCHEMA, orient="row")])
    with build_db.get_connection() as con:
        replace_tables(con, {"statistics_rows": rows, "statistics_file_errors": file_errors})
    # An unreadable file does not stop the run: the gate quarantines it, the rest goes on.
    for error in file_errors.iter_rows(named=True):
        context.log.warning(f"{error['file']}: {error['reason']}")
    yield dg.MaterializeResult(asset_key=STATISTICS_KEYS[0],
                               metadata={"rows": rows.height, "files": len(files)})
    yield dg.MaterializeResult(asset_key=STATISTICS_KEYS[1], metadata={"rows": file_errors.height})
