"""`minzheng run`: the whole job without a daemon, with a progress display and a summary.

1. Plan (orchestration/planning.py, the same plan the inbox sensor follows); add a
   Dagster partition for every new document hash.
2. Run `parse_documents` over the partitions not yet parsed by this parser version
   (consecutive partitions share one run; with much to parse, pieces of the ranges run
   in several processes at once, see planning.parse_batches). With the celery executor,
   `parse_documents_celery` runs them, one piece per free worker process, each piece's
   parse on a dagster-celery worker (orchestration/cluster.py).
3. Unless the published warehouse was built from exactly these inputs, run
   `build_warehouse`: land raw tables, the quality gate's raw suite, `dbt build`, the
   marts suite, and publish if every test and blocking check passed. The build run holds
   the run lock (orchestration/resources.py's RunGuard, its one owner), so two builds
   never interleave; parses may, since each writes its cache entry atomically.
"""

import contextlib
import multiprocessing
import os
import shutil
import sys
import threading
import time
import traceback
import uuid
import warnings
from concurrent.futures import ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg
import duckdb
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from orchestration.cluster import NoWorkers, worker_slots
from orchestration.definitions import (
    load_definitions,
    parse_documents_celery_job_def,
    parse_documents_job_def,
)
from orchestration.documents import DOCUMENT_PARTITIONS
from orchestration.planning import Plan, parse_batches, plan
from orchestration.quality import MARTS_CHECK, OBSERVATIONS_MART
from warehouse import settings
from warehouse.faults import pause_point
from warehouse.parse_cache import ParseCache
from warehouse.raw import REFUSED_FILE, REFUSED_ORIGIN, source_label
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
# A document saved twice has every record held back: the summary names a few per file.
QUARANTINE_SHOWN_PER_FILE = 5


# Free space below which a folder the run writes to counts as full.
LOW_DISK_BYTES = 8 * 1024 * 1024


class PipelineFailed(RuntimeError):
    """A run stopped before publishing; the message says where and why, to follow
    "minzheng run failed at " (`<where>: <why>`, then what else to know, a line each)."""


@dataclass
class RunSummary:
    """What a run did and what the published warehouse now holds."""

    published: Path
    up_to_date: bool = False
    documents_in_inbox: int = 0
    documents_by_format: list[tuple[str, int]] = field(default_factory=list)
    documents_parsed: list[str] = field(default_factory=list)
    documents_refused: list[tuple[str, str]] = field(default_factory=list)
    # Origin sidecars (warehouse/origins.py) read, and those refused with the reason.
    origins: int = 0
    origins_refused: list[tuple[str, str]] = field(default_factory=list)
    figures: int = 0
    figures_skipped: int = 0
    statistics_rows: int = 0
    # (source kind, file, record or row number or None for a whole file, reason)
    quarantined: list[tuple[str, str, int | None, str]] = field(default_factory=list)
    mart_rows: dict[str, int] = field(default_factory=dict)
    # Review decisions applied (data/reviews/), those refused with the reason, and items still open.
    reviews: int = 0
    reviews_refused: list[tuple[str, str]] = field(default_factory=list)
    review_items_open: int = 0
    seconds: float = 0.0

    @property
    def documents_skipped(self) -> int:
        return self.documents_in_inbox - len(self.documents_parsed)


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


class PipelineRunner:
    """Runs the jobs of orchestration.definitions in-process on one set of paths."""

    def __init__(self, paths: Paths, console: Console | None = None, verbose: bool = False,
                 executor: str | None = None):
        self.paths = paths
        self.console = console or Console(file=sys.stderr)
        self.verbose = verbose
        # Where documents are parsed: settings.EXECUTORS, $MINZHENG_EXECUTOR when not given.
        self.executor = executor or settings.executor()
        self.log_file = paths.build_dir / "logs" / "last_run.log"
        # Where the run is, for the one line that says where it failed ("failed at ...").
        self.step = "start-up"

    def _execute(self, job_name: str, progress_handler, tick=None,
                 **kwargs) -> dg.ExecuteInProcessResult:
        run_id = str(uuid.uuid4())

        def on_event(event) -> None:
            if event.event_type == dg.DagsterEventType.STEP_START:
                self.step = f"step {event.step_key}"
            progress_handler(event)

        watcher = _EventWatcher(self.instance, run_id, on_event, tick)
        watcher.start()
        # dbt's own output (which dagster-dbt echoes to stdout) and what Dagster writes to
        # stderr (a log call it could not store, on a full disk) go to the run log, not the
        # terminal, unless --verbose asks for them. The progress display keeps the terminal:
        # its console holds the stderr it was given, not whatever sys.stderr is.
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_file, "a", encoding="utf-8") as log, contextlib.ExitStack() as quiet:
            if not self.verbose:
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
        level = "INFO" if self.verbose else "CRITICAL"
        return {"loggers": {"console": {"config": {"log_level": level}}}}

    def run(self, force: bool = False) -> RunSummary:
        """Parse what is new, build and publish unless already up to date; raise PipelineFailed."""
        started = time.monotonic()
        self.paths.export()
        self.log_file.unlink(missing_ok=True)
        warnings.filterwarnings("ignore", category=dg.BetaWarning)
        warnings.filterwarnings("ignore", category=dg.PreviewWarning)
        self.instance = ensure_instance(self.paths)
        summary = RunSummary(published=self.paths.published)
        self.step = "the inbox scan"
        todo = plan(self.paths, self.instance)
        summary.documents_in_inbox = len(todo.inbox)
        self.instance.add_dynamic_partitions(DOCUMENT_PARTITIONS.name, todo.new_partitions)
        pause_point("start-up")  # the fault tests kill a run here, before anything is parsed
        with self._progress() as progress:
            if todo.unparsed:
                self.step = "the parse of documents"
                self._parse(progress, todo)
            summary.documents_parsed = sorted(todo.inbox[key].path.name for key in todo.unparsed)
            if todo.up_to_date and not force:
                summary.up_to_date = True
            else:
                self.step = "the build"
                self._build(progress)
        self.step = "the summary of the published warehouse"
        self._read_published(summary)
        summary.seconds = time.monotonic() - started
        return summary

    def _progress(self) -> Progress:
        return Progress(SpinnerColumn(), TextColumn("{task.description:<28}"), BarColumn(),
                        MofNCompleteColumn(), TimeElapsedColumn(), console=self.console,
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
        if self.executor == "celery":
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
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_write_to,
                                 initargs=(str(self.log_file),)) as pool:
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
                f"dbt's full output: {self.log_file}"
            )

    def _read_published(self, summary: RunSummary) -> None:
        """Fill the summary from the published file, as a reader sees it."""
        with duckdb.connect(str(self.paths.published), read_only=True) as con:
            summary.documents_refused = con.execute(
                "select document_name, rejected_reason from raw.documents where status <> 'parsed' "
                "union all select document_name, reason from raw.ingest_errors "
                f"where error_kind = '{REFUSED_FILE}' order by document_name").fetchall()
            summary.origins = con.execute("select count(*) from raw.document_origins").fetchone()[0]
            summary.origins_refused = con.execute(
                "select document_name, reason from raw.ingest_errors "
                f"where error_kind = '{REFUSED_ORIGIN}' order by document_name").fetchall()
            summary.documents_by_format = con.execute(
                "select coalesce(format, 'unread'), count(*) from raw.documents group by 1 order by 2 desc, 1"
            ).fetchall()
            summary.figures = con.execute("select count(*) from raw.figures").fetchone()[0]
            summary.figures_skipped = con.execute(
                "select count(*) from raw.ingest_errors where error_kind = 'figure_skipped'"
            ).fetchone()[0]
            summary.statistics_rows = con.execute(
                "select count(*) from raw.annual_statistics").fetchone()[0]
            summary.quarantined = con.execute(
                "select source_kind, source_file, record_number, reason from raw.quarantine "
                "order by source_kind, source_file, record_number nulls first").fetchall()
            # The fact marts and the reporting tables the dashboards read.
            tables = [f"{schema}.{name}" for schema, name in con.execute(
                "select schema_name, table_name from duckdb_tables() "
                "where (schema_name = 'marts' and table_name like 'fct_%') "
                "or schema_name = 'reporting' order by schema_name, table_name"
            ).fetchall()]
            summary.mart_rows = {
                table: con.execute(f"select count(*) from {table}").fetchone()[0]
                for table in tables}
            summary.reviews = con.execute("select count(*) from raw.review_decisions").fetchone()[0]
            summary.reviews_refused = con.execute(
                "select decision_file, reason from raw.review_refusals order by 1").fetchall()
            summary.review_items_open = con.execute(
                "select count(*) from marts.fct_review_items where status = 'open'").fetchone()[0]


def render_summary(summary: RunSummary, console: Console) -> None:
    """Print the run's summary: documents, figures, rejections, marts, published file."""
    if summary.up_to_date:
        console.print("[bold]Inputs unchanged since the last publish:[/] "
                      "nothing to parse or build.")
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_row("documents in inbox", str(summary.documents_in_inbox))
    if summary.documents_by_format:
        table.add_row("  by format", ", ".join(f"{name} {count}" for name, count in summary.documents_by_format))
    table.add_row("  parsed this run", str(len(summary.documents_parsed)))
    table.add_row("  unchanged, not parsed", str(summary.documents_skipped))
    table.add_row("  refused", str(len(summary.documents_refused)))
    table.add_row("  origins", f"{summary.origins} read, {len(summary.origins_refused)} refused")
    skipped = summary.figures_skipped
    rows = "row" if skipped == 1 else "rows"
    table.add_row("figures landed", f"{summary.figures} ({skipped} {rows} skipped by the parser, "
                                    "see raw.ingest_errors)")
    table.add_row("statistics rows landed", str(summary.statistics_rows))
    table.add_row("quarantined", f"{len(summary.quarantined)} (see raw.quarantine)")
    table.add_row("review decisions", f"{summary.reviews} read, {len(summary.reviews_refused)} refused; "
                                      f"{summary.review_items_open} items open (minzheng review)")
    for mart, rows in summary.mart_rows.items():
        table.add_row(mart, f"{rows} rows")
    table.add_row("published", str(summary.published))
    table.add_row("took", f"{summary.seconds:.1f} s")
    console.print(table)
    for name, reason in summary.documents_refused:
        console.print(f"[yellow]refused document[/] {escape(name)}: {escape(reason)}")
    for name, reason in summary.origins_refused:
        console.print(f"[yellow]refused origin[/] {escape(name)}: {escape(reason)}", highlight=False)
    for name, reason in summary.reviews_refused:
        console.print(f"[yellow]refused review[/] {escape(name)}: {escape(reason)}", highlight=False)
    shown: dict[str, int] = {}
    for kind, file, number, reason in summary.quarantined:
        shown[file] = shown.get(file, 0) + 1
        if shown[file] > QUARANTINE_SHOWN_PER_FILE:
            continue
        console.print(f"[yellow]quarantined[/] {escape(source_label(kind, file, number))}: "
                      f"{escape(reason)}", highlight=False)
    for file, count in shown.items():
        if count > QUARANTINE_SHOWN_PER_FILE:
            console.print(f"[yellow]quarantined[/] {escape(file)}: "
                          f"{count - QUARANTINE_SHOWN_PER_FILE} more (see raw.quarantine)",
                          highlight=False)


def _cause(error: BaseException) -> str:
    """The innermost explicit cause of an error, on one line: what an operator can act on.

    Only `raise ... from` causes are followed. An error raised while another was being
    handled is the one that stopped the run: Path.mkdir(parents=True), refused a folder it
    may not create, raises EACCES while handling the ENOENT of the folder below it, and
    the ENOENT says nothing of the permission.
    """
    while error.__cause__ is not None:
        error = error.__cause__
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0] if lines else ''}"


def _disk_note(paths: Paths) -> str:
    """A note when a folder the run writes to has (almost) no space left."""
    for folder in (paths.build_dir, paths.published.parent):
        try:
            free = shutil.disk_usage(folder).free
        except OSError:
            continue
        if free < LOW_DISK_BYTES:
            return f" (the disk holding {folder} is full: {free:,} bytes free)"
    return ""


def _log_traceback(log_file: Path, error: BaseException) -> str:
    """Append the traceback to the run log; say where it is, or that it could not be written."""
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        with open(log_file, "a", encoding="utf-8") as log:
            traceback.print_exception(error, file=log)
        return f"The traceback is in {log_file}."
    except OSError as unwritable:
        return f"The traceback could not be written to {log_file} ({unwritable.strerror})."


def run_command(documents: Path | None, statistics: Path | None, warehouse: Path | None,
                force: bool = False, verbose: bool = False, executor: str | None = None,
                reviews: Path | None = None) -> int:
    """The `minzheng run` command: returns the exit status.

    A failure is one line, `minzheng run failed at <where>: <why>`, then what else the
    operator needs (the published file left as it was, where the details are).
    """
    paths = Paths.from_env().with_overrides(documents=documents, statistics=statistics,
                                            published=warehouse, reviews=reviews)
    out, err = Console(), Console(file=sys.stderr)
    runner = PipelineRunner(paths, console=err, verbose=verbose, executor=executor)
    try:
        summary = runner.run(force=force)
    except PipelineFailed as failure:
        message = str(failure)
    except Exception as error:  # noqa: BLE001 - one line for the operator, the traceback in the log
        message = (f"{runner.step}: {_cause(error)}\n"
                   f"The published warehouse {paths.published} was left as it was.\n"
                   f"{_log_traceback(runner.log_file, error)}")
    else:
        render_summary(summary, out)
        return 0
    where_why, newline, notes = message.partition("\n")
    err.print(f"[bold red]minzheng run failed at[/] {escape(where_why + _disk_note(paths))}"
              f"{newline}{escape(notes)}", highlight=False, soft_wrap=True)
    return 1
