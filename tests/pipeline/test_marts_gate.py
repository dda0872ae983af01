"""The marts suite on a real build: it passes on the sample, and names what is broken in a broken one.

The raw gate keeps bad rows out, so the marts suite fails only when a model is wrong;
these tests break a copy of a real build's marts by hand, as a faulty model would.
"""

from __future__ import annotations

import shutil

import duckdb
import pytest

from expectations import gate, marts
from expectations.staging import StagedRows

pytestmark = pytest.mark.pipeline


def validate_marts(build, tmp_path):
    """(result, the failing rows by id) of the marts suite on a build, in batches of 50 rows."""
    quality = gate.QualityContext(tmp_path / "gx", tmp_path / "docs", fresh=True)
    with duckdb.connect(str(build), read_only=True) as con:
        staged = StagedRows(con, marts.FRAME_SQL, marts.STAGED_TABLE, label=marts.stage(con).label, batch_rows=50)
        result = quality.validate(marts.marts_suite(), staged.batches(), "test-run")
        return result, staged.rows(gate.failing_row_ids(result))


def test_marts_suite_passes_on_the_sample(published, tmp_path):
    result, _ = validate_marts(published.paths.published, tmp_path)
    assert result.success and result.failures == []
    ((observations,),) = published.query("select count(*) from marts.fct_indicator_observations")
    assert result.rows == observations


def test_broken_marts_are_named_with_their_rows(published, tmp_path):
    build = tmp_path / "broken.duckdb"
    shutil.copyfile(published.paths.published, build)
    with duckdb.connect(str(build)) as con:
        # A document value that lost its quote, and a statistics value its address.
        con.execute("update marts.fct_indicator_observations set quote = null "
                    "where region_code = '310000' and indicator = 'elderly_care_beds' "
                    "and year = 2025 and kind = 'target'")
        con.execute("update marts.fct_indicator_observations set source_url = null "
                    "where region_code = '100000' and indicator = 'social_orgs' and year = 2022 "
                    "and source_type = 'annual_statistics'")
        # A fact left without its canonical row.
        con.execute("update marts.fct_indicator_observations set is_canonical = false "
                    "where region_code = '310110' and indicator = 'social_orgs_per_10k' "
                    "and year = 2020 and kind = 'target'")
        # A fact that claims a source it has no row of.
        con.execute("update marts.fct_indicator_observations set source_count = 2 "
                    "where region_code = '330900' and indicator = 'eco_burial_rate' "
                    "and kind = 'target' and year = 2025")
    result, rows = validate_marts(build, tmp_path)
    assert not result.success
    found = {failure.expectation: gate.describe_failure(failure, rows) for failure in result.failures}
    assert set(found) == {
        "expect_column_values_to_not_be_null(quote) where source_type == document",
        "expect_column_values_to_not_be_null(source_url) where source_type == annual_statistics",
        "expect_column_values_to_be_between(canonical_count)",
        "expect_column_pair_values_to_be_equal(source_count, fact_rows)",
    }
    assert all(failure.policy == "block" for failure in result.failures)
    assert "310000 elderly_care_beds 2025 from document" in found[
        "expect_column_values_to_not_be_null(quote) where source_type == document"]
    assert "100000 social_orgs 2022 from statistics:" in found[
        "expect_column_values_to_not_be_null(source_url) where source_type == annual_statistics"]
    assert "310110 social_orgs_per_10k 2020 target has 0 canonical rows" in found[
        "expect_column_values_to_be_between(canonical_count)"]
    assert "330900 eco_burial_rate 2025 target says 2 sources but has 1" in found[
        "expect_column_pair_values_to_be_equal(source_count, fact_rows)"]
