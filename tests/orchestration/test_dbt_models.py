"""A build's dbt starts from the parse of the installation's last build."""

from __future__ import annotations

import os

from orchestration.dbt_models import PARTIAL_PARSE_FILE, seed_partial_parse


def test_a_build_starts_from_the_newest_parse_of_its_installation(tmp_path):
    dbt_target = tmp_path / "dbt_target"
    seed_partial_parse(dbt_target / "first-run")
    assert not (dbt_target / "first-run").exists()  # nothing to start from: dbt parses it all
    for age, run in enumerate(["newer", "older"]):
        (dbt_target / run).mkdir(parents=True)
        (dbt_target / run / PARTIAL_PARSE_FILE).write_bytes(run.encode())
        os.utime(dbt_target / run / PARTIAL_PARSE_FILE, (1_000_000 - age, 1_000_000 - age))
    seed_partial_parse(dbt_target / "next")
    assert (dbt_target / "next" / PARTIAL_PARSE_FILE).read_bytes() == b"newer"
