"""Settings read from the environment: a bad value is refused with the variable and the reason."""

from __future__ import annotations

import pytest

from warehouse.settings import KEEP_RUNS_VAR, keep_runs


@pytest.mark.parametrize("text", ["0", "-3", "two", "1.5"])
def test_keep_runs_refuses_what_is_not_a_count(monkeypatch, text):
    monkeypatch.setenv(KEEP_RUNS_VAR, text)
    with pytest.raises(ValueError, match=f"{KEEP_RUNS_VAR}='{text}'.*at least 1"):
        keep_runs()


def test_keep_runs_defaults_to_two_weeks(monkeypatch):
    monkeypatch.delenv(KEEP_RUNS_VAR, raising=False)
    assert keep_runs() == 14
    monkeypatch.setenv(KEEP_RUNS_VAR, "30")
    assert keep_runs() == 30
