"""The project's not_null_columns test on a real build: a null fails it, and the build's
failure message names the model and the column."""

from __future__ import annotations

import json
import shutil

import duckdb
import pytest

from orchestration.dbt_models import describe_failures
from tests.pipeline.conftest import dbt_test

pytestmark = pytest.mark.pipeline


def test_a_null_in_a_listed_column_fails_and_is_named(published, tmp_path):
    build = tmp_path / "build.duckdb"
    shutil.copyfile(published.paths.published, build)
    selector = "test_name:not_null_columns,fct_eco_burial_rate"
    passed = dbt_test(build, selector)
    assert passed.returncode == 0, passed.stdout[-2000:]
    with duckdb.connect(str(build)) as con:
        con.execute("update marts.fct_eco_burial_rate set value = null "
                    "where observation_id = (select min(observation_id) from marts.fct_eco_burial_rate)")
    failed = dbt_test(build, selector)
    assert failed.returncode == 1, failed.stdout[-2000:]
    run_results = json.loads((tmp_path / "target" / "run_results.json").read_text(encoding="utf-8"))
    message = describe_failures(run_results, build)
    assert message.startswith("dbt test not_null_columns_fct_eco_burial_rate_"), message
    assert message.endswith("(null_column value, null_rows 1)"), message
