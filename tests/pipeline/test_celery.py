"""Document partitions parsed by two dagster-celery workers publish the marts of an in-process run.

A real Redis server (Debian's redis-server, installed by orchestration/bin/broker-packages)
is started on a free loopback port in a temporary folder, and two `minzheng worker`
processes listen on it; `minzheng run --executor celery` then parses a few hundred
documents on them. Every process started here is ended, passed or failed.

The tests run in file order: the last one has the workers parse some of the cluster's
documents again, which the first must find unparsed.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pytest
import redis

from minzheng.paths import DOCUMENTS_DIR, STATISTICS_DIR
from orchestration.cluster import NoWorkers, worker_slots
from orchestration.execution import ensure_instance
from orchestration.runner import PipelineRunner
from tests.pipeline.conftest import MINZHENG, PipelineWorkspace, mart_contents, one_line
from warehouse import settings

pytestmark = [pytest.mark.pipeline, pytest.mark.celery]

# Five sample documents, each in this many copies made distinct by a last line.
COPIES = 40
WORKERS = ("w1", "w2")
# Starting a worker loads the Definitions: tens of seconds on a busy two-core machine.
WORKER_START_SECONDS = 240


@dataclass
class Cluster:
    broker: str
    workspace: PipelineWorkspace
    worker_logs: dict[str, Path]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _stop(process: subprocess.Popen) -> None:
    """End a process started here and the processes it started (its own process group)."""
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 30), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def _start_redis(folder: Path) -> tuple[subprocess.Popen, str]:
    """A Redis server on a free loopback port, keeping nothing on disk."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("redis-server is not installed: `make test` installs it "
                    "(orchestration/bin/broker-packages)")
    for _ in range(3):  # the free port may be taken before Redis binds it
        port = _free_port()
        process = subprocess.Popen(
            [server, "--bind", "127.0.0.1", "--port", str(port), "--dir", str(folder),
             "--save", "", "--appendonly", "no", "--logfile", str(folder / "redis.log")],
            start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(host="127.0.0.1", port=port)
        deadline = time.monotonic() + 20
        while process.poll() is None and time.monotonic() < deadline:
            try:
                client.ping()
                return process, f"redis://127.0.0.1:{port}/0"
            except redis.ConnectionError:
                time.sleep(0.1)
        _stop(process)
    pytest.fail(f"redis-server did not start: {(folder / 'redis.log').read_text(errors='replace')[-2000:]}")


def _distinct_copies(target: Path) -> None:
    """COPIES copies of each sample document, each made a document of its own by a last line."""
    target.mkdir(parents=True)
    # The documents only: their origin sidecars say nothing of the copies.
    for sample in sorted(DOCUMENTS_DIR.glob("*.txt")):
        for copy in range(COPIES):
            (target / f"{sample.stem}_copy{copy:03d}.txt").write_bytes(
                sample.read_bytes() + f"\ncopy {copy}\n".encode("ascii"))


def _site(root: Path, documents: Path) -> PipelineWorkspace:
    root.mkdir()
    shutil.copytree(documents, root / "documents")
    shutil.copytree(STATISTICS_DIR, root / "annual_statistics")
    return PipelineWorkspace(root)


def _worker_environment(workspace: PipelineWorkspace, broker: str) -> dict[str, str]:
    """What a worker machine sets: the shared inbox and build folder, and the broker."""
    paths = workspace.paths
    return dict(os.environ, **{
        settings.DOCUMENTS_VAR: str(paths.documents), settings.STATISTICS_VAR: str(paths.statistics),
        settings.PUBLISHED_VAR: str(paths.published), settings.BUILD_VAR: str(paths.build),
        settings.CELERY_BROKER_VAR: broker})


@pytest.fixture(scope="module")
def generated_documents(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("generated") / "documents"
    _distinct_copies(folder)
    return folder


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, generated_documents) -> Cluster:
    """Redis on loopback and two workers (one process each) serving one site."""
    root = tmp_path_factory.mktemp("cluster")
    workspace = _site(root / "site", generated_documents)
    started: list[subprocess.Popen] = []
    try:
        server, broker = _start_redis(root)
        started.append(server)
        environment = _worker_environment(workspace, broker)
        logs = {name: root / f"worker-{name}.log" for name in WORKERS}
        for name in WORKERS:
            with open(logs[name], "wb") as log:
                started.append(subprocess.Popen(
                    [MINZHENG, "worker", "--concurrency", "1", "--name", name],
                    env=environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True))
        yield Cluster(broker=broker, workspace=workspace, worker_logs=logs)
    finally:
        for process in reversed(started):
            _stop(process)


def _wait_for_workers(cluster: Cluster, monkeypatch) -> None:
    monkeypatch.setenv(settings.CELERY_BROKER_VAR, cluster.broker)
    monkeypatch.delenv(settings.CELERY_BACKEND_VAR, raising=False)
    deadline = time.monotonic() + WORKER_START_SECONDS
    slots = 0
    while time.monotonic() < deadline:
        try:
            slots = worker_slots(timeout=1.0)
        except NoWorkers:
            slots = 0
        if slots == len(WORKERS):
            return
        time.sleep(1)
    logs = "\n".join(f"--- {name}\n{path.read_text(errors='replace')[-3000:]}"
                     for name, path in cluster.worker_logs.items())
    pytest.fail(f"{slots} of {len(WORKERS)} Celery workers answered within "
                f"{WORKER_START_SECONDS} s:\n{logs}")


def _celery_workers_of(workspace: PipelineWorkspace) -> dict[str, int]:
    """Which worker ran the parse step of each parse run, counted."""
    instance = ensure_instance(workspace.paths)
    workers: dict[str, int] = {}
    runs = instance.get_runs(dg.RunsFilter(job_name="parse_documents_celery"))
    assert runs and all(run.status == dg.DagsterRunStatus.SUCCESS for run in runs)
    for run in runs:
        for record in instance.get_records_for_run(run.run_id).records:
            event = record.event_log_entry.dagster_event
            if event is not None and event.event_type == dg.DagsterEventType.ENGINE_EVENT:
                worker = event.event_specific_data.metadata.get("Celery worker")
                if worker is not None:
                    name = worker.value.split("@")[0]
                    workers[name] = workers.get(name, 0) + 1
    return workers


def _parse_seconds(workspace: PipelineWorkspace, job_name: str) -> float:
    """From the first parse run's start to the last one's end."""
    records = ensure_instance(workspace.paths).get_run_records(dg.RunsFilter(job_name=job_name))
    return max(record.end_time for record in records) - min(record.start_time for record in records)


def test_two_celery_workers_publish_the_marts_of_an_in_process_run(
        cluster, generated_documents, tmp_path, monkeypatch):
    # The reference: the same documents parsed in the run's own process (while the workers start).
    monkeypatch.setenv(settings.PARSE_WORKERS_VAR, "1")
    reference = _site(tmp_path / "reference", generated_documents)
    started = time.monotonic()
    reference_summary = PipelineRunner(reference.paths, executor="local").run()
    in_process_seconds = time.monotonic() - started
    monkeypatch.delenv(settings.PARSE_WORKERS_VAR)
    documents = len(list(generated_documents.iterdir()))
    assert len(reference_summary.documents_parsed) == documents == 5 * COPIES

    _wait_for_workers(cluster, monkeypatch)
    started = time.monotonic()
    result = cluster.workspace.run_cli("--executor", "celery")
    celery_seconds = time.monotonic() - started

    assert result.returncode == 0, result.stderr
    output = one_line(result.stdout)
    assert f"parsed this run {documents}" in output
    # Both workers took part, and every parse run succeeded.
    workers = _celery_workers_of(cluster.workspace)
    assert sorted(workers) == sorted(WORKERS), workers
    # Row for row, every mart (fact and dimension tables) of the two runs.
    assert mart_contents(cluster.workspace.paths.published) == mart_contents(reference.paths.published)
    # Figures for the reader of the test's output (`-s`); nothing is asserted on time.
    print(f"\n{documents} documents: in-process run {in_process_seconds:.1f} s (parse "
          f"{_parse_seconds(reference, 'parse_documents'):.1f} s), on two Celery workers "
          f"{celery_seconds:.1f} s (parse {_parse_seconds(cluster.workspace, 'parse_documents_celery'):.1f} s)")


def test_a_run_without_workers_says_so(cluster, tmp_path, monkeypatch):
    # Database 1 of the same server: a broker on which no worker listens.
    site = _site(tmp_path / "site", DOCUMENTS_DIR)
    broker = cluster.broker.rsplit("/", 1)[0] + "/1"

    result = subprocess.run(site.command("--executor", "celery"), capture_output=True, text=True,
                            env=site.environment(**{settings.CELERY_BROKER_VAR: broker}), check=False)

    assert result.returncode == 1
    assert (f"no Celery worker answers on the broker {broker}: start `minzheng worker`"
            in one_line(result.stderr))
    assert not site.paths.published.exists()


def test_workers_with_another_parse_cache_fail_the_run_before_it_builds(cluster, tmp_path, monkeypatch):
    # The workers serve the cluster's site: a run of another site, whose documents are also in
    # the cluster's inbox, finds none of their parses in its own parse cache.
    _wait_for_workers(cluster, monkeypatch)
    documents = tmp_path / "documents"
    documents.mkdir()
    for path in sorted(cluster.workspace.paths.documents.iterdir())[:3]:
        shutil.copy(path, documents / path.name)
    site = _site(tmp_path / "site", documents)

    result = subprocess.run(site.command("--executor", "celery"), capture_output=True, text=True,
                            env=site.environment(**{settings.CELERY_BROKER_VAR: cluster.broker}),
                            check=False)

    assert result.returncode == 1
    assert (f"the Celery workers parsed 3 documents, but this run's parse cache "
            f"{site.paths.parse_cache} holds none of their parses" in one_line(result.stderr))
    assert not site.paths.published.exists()
