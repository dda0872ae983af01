"""Review decisions (warehouse/reviews.py): the files of the reviews folder, landed as raw tables
for dbt to apply."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from orchestration.resources import PipelineInputs, RunGuard
from warehouse.raw import replace_tables
from warehouse.reviews import Reference, decision_tables, read_decisions

REVIEW_KEYS = [dg.AssetKey(["raw", "review_decisions"]), dg.AssetKey(["raw", "review_refusals"])]


@dg.multi_asset(
    specs=[dg.AssetSpec(key, group_name="reviews", kinds={"duckdb"}) for key in REVIEW_KEYS],
    description="People's decisions on skipped figures, quarantined rows and source conflicts "
                "(data/reviews/), and the decision files refused with the reason.",
)
def raw_review_decisions(context: dg.AssetExecutionContext, inputs: PipelineInputs,
                         build_db: DuckDBResource, run_guard: RunGuard):
    paths = inputs.paths()
    decisions, refused = read_decisions(paths.reviews, Reference.read(paths.reference))
    for name, reason in refused:
        context.log.warning(f"refused review {name}: {reason}")
    with build_db.get_connection() as con:
        counts = replace_tables(con, decision_tables(decisions, refused))
    for name, count in counts.items():
        yield dg.MaterializeResult(asset_key=["raw", name], metadata={"rows": count})
