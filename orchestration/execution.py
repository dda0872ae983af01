"""The Dagster side of `minzheng run`: the instance, the parse runs and the build run,
executed in-process with a progress display (orchestration/runner.py plans first and
comes here only when there is something to parse or build).

Importing this module imports Dagster, dagster-dbt and the gate's modules (seconds):
a run with nothing to do never does.
"""

import contextlib
import multiprocessing
import os
import threading
import time
import uuid
import warnings
from concurrent.futures import ProcessPoolExecutor, wait

import dagster as dg
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from orchestration.cluster import NoWorkers, worker_slots
from orchestration.definitions import (
    load_definitions,
    parse_documents_celery_job_def,
    parse_documents_job_def,
)
from orchestration.documents import DOCUMENT_PARTITIONS
from orchestration.planning import Plan, parse_batches
from orchestration.quality import MARTS_CHECK, OBSERVATIONS_MART
from orchestration.runner import PipelineFailed, PipelineRunner
from warehouse import settings
from warehouse.faults import pause_point
from warehouse.parse_cache import ParseCache
from warehouse.settings import Paths

# The daemon (minzheng ui) queues build runs one at a time; telemetry stays off.
DAGSTER_YAML = """\
telemetry:
  enabled: false
run_coordinator:
  module: dagster.core.run_coordinator
  class: QueuedRunCoordinator
  config:
    tag_concurrency_limits:
      - key: minzheng/warehouse
        limit: 1
"""
# The run tags that make one run of a range of partitions (Dagster's single-run backfills).
PARTITION_RANGE_START_TAG = "dagster/asset_partition_range_start"
PARTITION_RANGE_END_TAG = "dagster/asset_partition_range_end"
LANDING_STEPS = ("raw_reference_tables", "raw_annual_statistics", "raw_document_tables", "raw_review_decisions")
PUBLISH_STEP = "published_warehouse"
DBT_STEP = "dbt_models"
GATE_STEP = "raw_quality_gate"


def ensure_instance(paths: Paths) -> dg.DagsterInstance:
    """The persistent Dagster instance beside the warehouse (shared with `minzheng ui`)."""
    paths.dagster_home.mkdir(parents=True, exist_ok=True)
    config = paths.dagster_home / "dagster.yaml"
    if not config.exists():
        config.write_text(DAGSTER_YAML, encoding="utf-8")
    return dg.DagsterInstance.from_config(str(paths.dagster_home))


class _EventWatcher(threading.Thread):
    """Follows a run's events in the instance (and calls `tick`) to move the progress bars."""

    def __init__(self, instance: dg.DagsterInstance, run_id: str, on_event, tick=None):
        super().__init__(daemon=True)
        self.instance, self.run_id, self.on_event, self.tick = instance, run_id, on_event, tick
        self.stopped = threading.Event()
        # What stopped the watcher early (the event log unreadable, a full disk): the run's
        # own failure says the rest.
        self.error: Exception | None = None

    def run(self) -> None:
        try:
            self._follow()
        except Exception as error:  # noqa: BLE001 - progress bars must never crash the run
            self.error = error

    def _follow(self) -> None:
        cursor = None
        while True:
            done = self.stopped.is_set()
            connection = self.instance.get_records_for_run(self.run_id, cursor=cursor)
            cursor = connection.cursor
            for record in connection.records:
                event = record.event_log_entry.dagster_event
                if event is not None:
                    self.on_event(event)
            if self.tick:
                self.tick()
            if done:
                return
            self.stopped.wait(0.25)


def _range_tags(first: str, last: str) -> dict[str, str]:
    return {PARTITION_RANGE_START_TAG: first, PARTITION_RANGE_END_TAG: last}


def _write_to(log_file: str) -> None:
    """In a parse process: stdout and stderr go to the run log."""
    log = os.open(log_file, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.close(log)


def _parse_range(dagster_home: str, first: str, last: str, run_config: dict,
                 celery: bool = False) -> str | None:
    """In a parse process: one run of the partitions first..last; where and why it failed,
    or None.

    On Celery the run is orchestrated here and its step runs on a worker, which loads the
    job where `dg.reconstructable` points (orchestration.definitions).
    """
    with dg.DagsterInstance.from_config(dagster_home) as instance:
        if celery:
            result = dg.execute_job(dg.reconstructable(parse_documents_celery_job_def), instance,
                                    run_config=run_config, tags=_range_tags(first, last))
        else:
            result = parse_documents_job_def().execute_in_process(
                instance=instance, tags=_range_tags(first, last), run_config=run_config,
                raise_on_error=False)
    return None if result.success else _failure_message(result)


def _failure_message(result: dg.ExecuteInProcessResult | dg.JobExecutionResult) -> str:
    """Where a run failed and why, to follow "minzheng run failed at ": each failed step
    (`step <key>: <error>`) and blocking check (its suite, expectations and rows), briefly."""
    failures = []
    # One check can fail on several assets with the same findings: say them once.
    checks: dict[tuple[str, str], list[str]] = {}
    for event in result.all_events:
        if event.event_type == dg.DagsterEventType.ASSET_CHECK_EVALUATION:
            evaluation = event.event_specific_data
            if not evaluation.passed and evaluation.severity == dg.AssetCheckSeverity.ERROR:
                checks.setdefault((evaluation.check_name, evaluation.description or ""), []
                                  ).append(evaluation.asset_key.to_user_string())
        elif event.event_type in (dg.DagsterEventType.STEP_FAILURE,
                                  dg.DagsterEventType.RESOURCE_INIT_FAILURE):
            data = event.event_specific_data
            where = (f"step {event.step_key}" if event.step_key
                     else f"the start of {result.job_def.name}")
            # A dg.Failure says what went wrong in its description; any other exception is
            # the cause of Dagster's wrapper error.
            description = getattr(getattr(data, "user_failure_data", None), "description", None)
            innermost = data.error
            while innermost is not None and innermost.cause is not None:
                innermost = innermost.cause
            if innermost is not None and innermost.cls_name == "DagsterAssetCheckFailedError":
                continue  # the failed check is named below, with its findings
            message = description or (innermost.message.strip().splitlines()[0] if innermost
                                      else "failed")
            failures.append(f"{where}: {message}")
    for (name, description), assets in checks.items():
        failures.append(f"blocking check {name} on {', '.join(assets)}: {description}")
    return "\nand at ".join(failures) or f"{result.job_def.name}: no step said why"


class Jobs:
    """The parse and build runs of one `minzheng run`, on the runner's paths, console and
    settings; `runner.step` follows where they are, for the line that says where a run failed."""

    def __init__(self, runner: PipelineRunner):
        self.runner = runner
        self.paths = runner.paths
        warnings.filterwarnings("ignore", category=dg.BetaWarning)
        warnings.filterwarnings("ignore", category=dg.PreviewWarning)
        self.instance = ensure_instance(self.paths)

    def run(self, todo: Plan, build: bool) -> None:
        """Register the new documents, parse what the plan says, and build if `build`."""
        known = self.instance.get_dynamic_partitions(DOCUMENT_PARTITIONS.name)
        self.instance.add_dynamic_partitions(DOCUMENT_PARTITIONS.name, todo.new_partitions(known))
        pause_point("start-up")  # the fault tests kill a run here, before anything is parsed
        with self._progress() as progress:
            if todo.unparsed:
                self.runner.step = "the parse of documents"
                self._parse(progress, todo)
            if build:
                self.runner.step = "the build"
                self._build(progress)

    def _execute(self, job_name: str, progress_handler, tick=None,
                 **kwargs) -> dg.ExecuteInProcessResult:
        run_id = str(uuid.uuid4())

        def on_event(event) -> None:
            if event.event_type == dg.DagsterEventType.STEP_START:
                self.runner.step = f"step {event.step_key}"
            progress_handler(event)

        watcher = _EventWatcher(self.instance, run_id, on_event, tick)
        watcher.start()
        # dbt's own output (which dagster-dbt echoes to stdout) and what Dagster writes to
        # stderr (a log call it could not store, on a full disk) go to the run log, not the
        # terminal, unless --verbose asks for them. The progress display keeps the terminal:
        # its console holds the stderr it was given, not whatever sys.stderr is.
        self.runner.log_file.parent.mkdir(parents=True, exist_ok=True)
        with open(self.runner.log_file, "a", encoding="utf-8") as log, contextlib.ExitStack() as quiet:
            if not self.runner.verbose:
                quiet.enter_context(contextlib.redirect_stdout(log))
                quiet.enter_context(contextlib.redirect_stderr(log))
            try:
                return load_definitions().resolve_job_def(job_name).execute_in_process(
                    instance=self.instance, run_id=run_id, raise_on_error=False,
                    run_config=self._run_config(), **kwargs)
            finally:
                watcher.stopped.set()
                watcher.join()

    def _run_config(self) -> dict:
        level = "INFO" if self.runner.verbose else "CRITICAL"
        return {"loggers": {"console": {"config": {"log_level": level}}}}

    def _progress(self) -> Progress:
        return Progress(SpinnerColumn(), TextColumn("{task.description:<28}"), BarColumn(),
                        MofNCompleteColumn(), TimeElapsedColumn(), console=self.runner.console,
                        transient=False)

    def _parse(self, progress: Progress, todo: Plan) -> None:
        task = progress.add_task("Parsing documents", total=len(todo.unparsed))
        cache = ParseCache(self.paths.parse_cache)
        started = time.time()

        # Parsed documents are counted in the cache: one Dagster event per document would
        # cost more than the parse of a short one.
        def tick() -> None:
            progress.update(task, completed=cache.written_since(started))

        ordered = self.instance.get_dynamic_partitions(DOCUMENT_PARTITIONS.name)
        if self.runner.executor == "celery":
            failures = self._parse_on_celery(todo, ordered, tick)
        else:
            failures = self._parse_here(todo, ordered, tick)
        for failure in failures:
            if failure is not None:
                raise PipelineFailed(failure)

    def _parse_here(self, todo: Plan, ordered: list[str], tick) -> list[str | None]:
        """Parse runs on this machine's cores; their failures."""
        ranges, workers = parse_batches(todo, ordered)
        if workers == 1:
            results = [self._execute("parse_documents", lambda event: None, tick=tick,
                                     tags=_range_tags(first, last)) for first, last in ranges]
            return [None if result.success else _failure_message(result) for result in results]
        return self._parse_in_processes(ranges, workers, tick)

    def _parse_on_celery(self, todo: Plan, ordered: list[str], tick) -> list[str | None]:
        """Parse runs whose steps run on the Celery workers, as many at once as the workers
        have processes (or $MINZHENG_PARSE_WORKERS); their failures."""
        try:
            slots = worker_slots()
        except NoWorkers as error:
            raise PipelineFailed(str(error)) from None
        ranges, workers = parse_batches(todo, ordered, workers=settings.parse_workers() or slots)
        failures = self._parse_in_processes(ranges, workers, tick, celery=True)
        cache = ParseCache(self.paths.parse_cache)
        if not any(failures) and not any(cache.is_current(key, todo.parser_version)
                                          for key in todo.unparsed):
            # Workers with another parse cache (or code) than this run: building now would
            # publish a warehouse without the documents they parsed.
            raise PipelineFailed(
                f"the Celery workers parsed {len(todo.unparsed)} documents, but this run's parse "
                f"cache {cache.directory} holds none of their parses by parser version "
                f"{todo.parser_version}: the workers must share it and the inbox "
                f"{self.paths.documents} (set {settings.DOCUMENTS_VAR} and {settings.BUILD_VAR} "
                "alike on every machine) and run the same code")
        return failures

    def _parse_in_processes(self, ranges: list[tuple[str, str]], workers: int,
                            tick, celery: bool = False) -> list[str | None]:
        """Runs of `ranges`, `workers` at a time, each in a process of its own; their failures.

        The parse of one run is one Dagster step, so the cores are used by several runs at
        once, as Dagster's multiprocess executor would use them for several steps. With
        `celery`, each process only orchestrates its run: the step runs on a Celery worker. Each
        process writes what Dagster and the parser print to the run log, not the terminal.
        """
        context = multiprocessing.get_context("spawn")  # no fork of a process with threads
        self.runner.log_file.parent.mkdir(parents=True, exist_ok=True)
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_write_to,
                                 initargs=(str(self.runner.log_file),)) as pool:
            futures = [pool.submit(_parse_range, str(self.paths.dagster_home), first, last,
                                   self._run_config(), celery) for first, last in ranges]
            while wait(futures, timeout=0.25).not_done:
                tick()
        tick()
        return [future.result() for future in futures]

    def _build(self, progress: Progress) -> None:
        landing = progress.add_task("Landing raw tables", total=len(LANDING_STEPS))
        gate = progress.add_task("Quality gate (raw, marts)", total=2)
        # Every model is an asset of the one dbt step, the observations mart among them.
        models = load_definitions().resolve_assets_def(OBSERVATIONS_MART).keys
        dbt = progress.add_task("dbt build", total=len(models))
        publish = progress.add_task("Publishing", total=1)

        def on_event(event) -> None:
            kind = event.event_type
            if kind == dg.DagsterEventType.STEP_SUCCESS and event.step_key in LANDING_STEPS:
                progress.advance(landing)
            elif kind == dg.DagsterEventType.STEP_SUCCESS and event.step_key == GATE_STEP:
                progress.advance(gate)
            elif (kind == dg.DagsterEventType.ASSET_CHECK_EVALUATION
                  and event.event_specific_data.check_name == MARTS_CHECK):
                progress.advance(gate)
            elif kind == dg.DagsterEventType.STEP_SUCCESS and event.step_key == PUBLISH_STEP:
                progress.advance(publish)
            elif event.step_key == DBT_STEP and kind == dg.DagsterEventType.ASSET_MATERIALIZATION:
                progress.advance(dbt)

        result = self._execute("build_warehouse", on_event)
        if not result.success:
            raise PipelineFailed(
                f"{_failure_message(result)}\n"
                f"The published warehouse {self.paths.published} was left as it was.\n"
                f"Data Docs of this run: {self.paths.data_docs_of(result.run_id) / 'index.html'}\n"
                f"dbt's full output: {self.runner.log_file}"
            )
