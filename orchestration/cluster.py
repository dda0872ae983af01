"""Document partitions parsed on other machines: dagster-celery's executor and its workers.

The `parse_documents_celery` job (orchestration/automation.py) runs on dagster-celery's
`celery_executor`: the run's one step, the parse of its partition range, is sent to the
broker as a Celery task, and a worker started by `minzheng worker` on any machine runs it
with the same Definitions. Broker and result backend come from the environment
(MINZHENG_CELERY_BROKER, MINZHENG_CELERY_BACKEND; warehouse/settings.py), alike for the
run and the workers, which must also share the inbox, the parse cache and the Dagster
instance (README, "Running on a cluster").
"""

from __future__ import annotations

import os

from celery import Celery
from dagster_celery import celery_executor
from dagster_celery.executor import CeleryExecutor
from dagster_celery.make_app import make_app
from dagster_celery.tasks import create_task

from warehouse import settings

# Celery settings of the executor and the workers alike. A worker acknowledges a task once
# done and holds one unacknowledged task per process, so it takes a task only when it has a
# free process: a parse waits for an idle worker rather than queued behind a busy one.
CELERY_SETTINGS = {"worker_prefetch_multiplier": 1, "task_acks_late": True}

# Configured from the environment when a run starts, not in the run's configuration, where
# the UI would show a broker's password.
celery_parse_executor = celery_executor.configured(
    lambda _: {"broker": settings.celery_broker(), "backend": settings.celery_backend(),
               "config_source": CELERY_SETTINGS},
    name="celery",
    config_schema={},
)


class NoWorkers(RuntimeError):
    """No Celery worker answers on the broker (or the broker cannot be reached)."""


def celery_app() -> Celery:
    """The Celery app of the workers: dagster-celery's, on the configured broker."""
    executor = CeleryExecutor.for_cli(broker=settings.celery_broker(),
                                      backend=settings.celery_backend(),
                                      config_source=CELERY_SETTINGS)
    app = make_app(executor.app_args())
    create_task(app)  # the task that runs a step of a run
    return app


def worker_slots(timeout: float = 2.0) -> int:
    """How many parses the workers listening on the broker can run at once; NoWorkers if none."""
    app = celery_app()
    broker = settings.celery_broker()
    try:
        stats = app.control.inspect(timeout=timeout).stats() or {}
    except Exception as error:  # noqa: BLE001 - kombu's errors differ by transport
        raise NoWorkers(f"the Celery broker {_without_password(broker)} cannot be reached: "
                        f"{type(error).__name__}: {error}") from error
    finally:
        app.close()
    if not stats:
        raise NoWorkers(f"no Celery worker answers on the broker {_without_password(broker)}: "
                        "start `minzheng worker` on the machines that parse")
    return sum(int(worker.get("pool", {}).get("max-concurrency", 1)) for worker in stats.values())


def _without_password(url: str) -> str:
    """A broker URL as it may be printed."""
    scheme, sep, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    return f"{scheme}{sep}***@{host}" if at and credentials else url


def worker_command(concurrency: int | None, name: str | None, loglevel: str) -> int:
    """`minzheng worker`: a dagster-celery worker for the parse runs, in this process."""
    from orchestration.definitions import load_definitions

    # Load the Definitions (and dbt's manifest) once, before the pool forks its processes:
    # a worker that cannot load them says so now, not at its first task.
    load_definitions()
    app = celery_app()
    argv = ["worker", f"--loglevel={loglevel}", "--prefetch-multiplier=1",
            f"--hostname={name or f'minzheng-{os.getpid()}'}@%h"]
    if concurrency:
        argv.append(f"--concurrency={concurrency}")
    app.worker_main(argv)
    return 0
