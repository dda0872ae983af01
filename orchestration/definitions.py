"""The one Dagster Definitions of minzheng: documents and statistics to a published warehouse.

Load it with `dagster dev -m orchestration.definitions` (what `minzheng ui` does);
`minzheng run` executes its jobs in-process.
"""

from __future__ import annotations

import dagster as dg

from orchestration.automation import (
    build_warehouse_job,
    inbox_sensor,
    nightly_build,
    parse_documents_job,
)
from orchestration.dbt_models import dbt_models, dbt_resource
from orchestration.documents import documents, raw_document_tables
from orchestration.publish import published_warehouse
from orchestration.quality import marts_observations_suite, raw_quality_gate
from orchestration.reference import raw_reference_tables
from orchestration.resources import RunGuard, build_database, pipeline_inputs
from orchestration.statistics import raw_annual_statistics

INPUTS = pipeline_inputs()

defs = dg.Definitions(
    assets=[documents, raw_document_tables, raw_reference_tables, raw_annual_statistics,
            raw_quality_gate, dbt_models, published_warehouse],
    asset_checks=[marts_observations_suite],
    jobs=[parse_documents_job, build_warehouse_job],
    schedules=[nightly_build],
    sensors=[inbox_sensor],
    resources={
        "inputs": INPUTS,
        "build_db": build_database(),
        "run_guard": RunGuard(inputs=INPUTS),
        "dbt": dbt_resource(),
    },
)
