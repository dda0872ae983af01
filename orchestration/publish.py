"""The last step of a build: record what was built, then replace the published warehouse file."""


import os
from datetime import UTC, datetime

import dagster as dg
from dagster_duckdb import DuckDBResource

from orchestration.resources import PipelineInputs, RunGuard
from warehouse.inputs import parser_version
from warehouse.publish import publish

# A build that could not land every document of its inputs (one was edited after it was
# parsed) is published under a fingerprint no input set has, so the next run rebuilds.
INCOMPLETE_PREFIX = "incomplete-"
# What the published file was built from, so that a run can tell it is already up to date.
BUILD_INFO_SQL = """
create or replace table raw.build_info as
select
    ? as fingerprint,
    ? as parser_version,
    ? as dagster_run_id,
    cast(? as timestamptz) as built_at,
    (select count(*) from raw.documents) as documents,
    (select count(*) from raw.figures) as figures,
    (select count(*) from raw.annual_statistics) as statistics_rows
"""


def build_published_warehouse(dbt_models: dg.AssetsDefinition) -> dg.AssetsDefinition:
    """The publish step, downstream of every model (and test) of `dbt_models`."""

    @dg.asset(
        key=["published_warehouse"],
        # After every dbt model and test: a failed test fails the dbt step and this never runs.
        deps=list(dbt_models.keys),
        group_name="publish",
        kinds={"duckdb"},
        description="warehouse/minzheng.duckdb: the checked build file, swapped in atomically.",
    )
    def published_warehouse(context: dg.AssetExecutionContext, inputs: PipelineInputs,
                            build_db: DuckDBResource, run_guard: RunGuard) -> dg.MaterializeResult:
        paths = inputs.paths()
        fingerprint = run_guard.fingerprint
        with build_db.get_connection() as con:
            landed = {row[0] for row in con.execute("select document_id from raw.documents").fetchall()}
            if not run_guard.document_ids <= landed:
                context.log.warning("some documents of this run's inputs were not landed (edited "
                                    "during the run); the next run builds again")
                fingerprint = INCOMPLETE_PREFIX + fingerprint
            con.execute(BUILD_INFO_SQL, [fingerprint, parser_version(paths.reference),
                                         context.run.run_id, datetime.now(UTC).isoformat()])
        published = publish(paths.build, paths.published)
        return dg.MaterializeResult(metadata={
            "path": dg.MetadataValue.path(str(published)),
            "size_bytes": os.path.getsize(published),
            "fingerprint": fingerprint,
        })

    return published_warehouse
