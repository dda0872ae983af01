"""Settings read from the environment: a bad value is refused with the variable and the reason."""

from __future__ import annotations

import pytest

from warehouse.settings import (
    CELERY_BACKEND_VAR,
    CELERY_BROKER_VAR,
    EXECUTOR_VAR,
    KEEP_RUNS_VAR,
    celery_backend,
    celery_broker,
    executor,
    keep_runs,
)


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


def test_executor_is_local_unless_celery_is_asked_for(monkeypatch):
    monkeypatch.delenv(EXECUTOR_VAR, raising=False)
    assert executor() == "local"
    monkeypatch.setenv(EXECUTOR_VAR, "celery")
    assert executor() == "celery"
    monkeypatch.setenv(EXECUTOR_VAR, "k8s")
    with pytest.raises(ValueError, match=f"{EXECUTOR_VAR}='k8s': must be one of local, celery"):
        executor()


def test_celery_results_go_to_the_broker_unless_set(monkeypatch):
    monkeypatch.delenv(CELERY_BROKER_VAR, raising=False)
    monkeypatch.delenv(CELERY_BACKEND_VAR, raising=False)
    assert celery_broker() == celery_backend() == "redis://127.0.0.1:6379/0"
    monkeypatch.setenv(CELERY_BROKER_VAR, "redis://broker.example:6379/2")
    assert celery_backend() == "redis://broker.example:6379/2"
    monkeypatch.setenv(CELERY_BACKEND_VAR, "redis://results.example:6379/3")
    assert (celery_broker(), celery_backend()) == ("redis://broker.example:6379/2",
                                                   "redis://results.example:6379/3")
