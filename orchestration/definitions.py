"""The one Dagster Definitions of minzheng: documents and statistics to a published warehouse.

`load_definitions()` builds them (preparing dbt's manifest first, since the dbt assets are
defined from it); nothing is prepared when a module is imported. `dagster dev -m
orchestration.definitions` (what `minzheng ui` does) loads them through `defs`;
`minzheng run` executes their jobs in-process.
"""

from __future__ import annotations

import functools

import dagster as dg

from orchestration.automation import (
    PARSE_JOBS,
    build_warehouse_job,
    inbox_sensor,
    nightly_build,
)
from orchestration.dbt_models import build_dbt_models, dbt_resource
from orchestration.documents import documents, raw_document_tables
from orchestration.publish import build_published_warehouse
from orchestration.quality import marts_observations_suite, raw_quality_gate
from orchestration.reference import raw_reference_tables
from orchestration.resources import RunGuard, build_database, pipeline_inputs
from orchestration.reviews import raw_review_decisions
from orchestration.statistics import raw_annual_statistics


@functools.cache
def load_definitions() -> dg.Definitions:
    """The Definitions, built once per process."""
    dbt_models = build_dbt_models()
    inputs = pipeline_inputs()
    return dg.Definitions(
        assets=[documents, raw_document_tables, raw_reference_tables, raw_annual_statistics,
                raw_review_decisions, raw_quality_gate, dbt_models, build_published_warehouse(dbt_models)],
        asset_checks=[marts_observations_suite],
        jobs=[*PARSE_JOBS.values(), build_warehouse_job],
        schedules=[nightly_build],
        sensors=[inbox_sensor],
        resources={
            "inputs": inputs,
            "build_db": build_database(),
            "run_guard": RunGuard(inputs=inputs),
            "dbt": dbt_resource(),
        },
    )


@dg.definitions
def defs() -> dg.Definitions:
    """What Dagster's tools (`dagster dev -m orchestration.definitions`) load."""
    return load_definitions()


def parse_documents_job_def() -> dg.JobDefinition:
    """The parse job, as a parse process of `minzheng run` builds it."""
    return load_definitions().resolve_job_def(PARSE_JOBS["local"].name)


def parse_documents_celery_job_def() -> dg.JobDefinition:
    """The parse job on the Celery workers, as `dg.reconstructable` finds it on every machine."""
    return load_definitions().resolve_job_def(PARSE_JOBS["celery"].name)
