"""Reference tables: regions, population, the indicator catalogue and the precedence of sources,
landed from data/reference."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from orchestration.resources import PipelineInputs, RunGuard
from warehouse.raw import reference_tables, replace_tables

REFERENCE_KEYS = [dg.AssetKey(["raw", name])
                  for name in ("regions", "region_history", "population", "units", "indicators",
                               "source_precedence")]


@dg.multi_asset(
    specs=[dg.AssetSpec(key, group_name="reference", kinds={"duckdb"}) for key in REFERENCE_KEYS],
    description="GB/T 2260 regions and their code changes, population with sources, the "
                "indicator catalogue, and which source a fact's canonical value is taken from.",
)
def raw_reference_tables(inputs: PipelineInputs, build_db: DuckDBResource, run_guard: RunGuard):
    tables = reference_tables(inputs.paths().reference)
    with build_db.get_connection() as con:
        counts = replace_tables(con, tables)
    for name, count in counts.items():
        yield dg.MaterializeResult(asset_key=["raw", name], metadata={"rows": count})
