"""`minzheng run`: the whole job without a daemon, with a progress display and a summary.

1. Plan (orchestration/planning.py, the same plan the inbox sensor follows). With
   nothing to parse or build, the run ends here, having imported no Dagster, dbt or
   Great Expectations (orchestration/execution.py does the rest); else add a Dagster
   partition for every new document hash.
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

import shutil
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from orchestration.planning import plan
from warehouse import settings
from warehouse.raw import REFUSED_FILE, REFUSED_ORIGIN, source_label
from warehouse.settings import Paths

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

    def run(self, force: bool = False) -> RunSummary:
        """Parse what is new, build and publish unless already up to date; raise PipelineFailed.

        The plan comes first, before Dagster is imported: a run with nothing to parse or
        build reads the published file's summary and ends there.
        """
        started = time.monotonic()
        self.paths.export()
        self.log_file.unlink(missing_ok=True)
        summary = RunSummary(published=self.paths.published)
        self.step = "the inbox scan"
        todo = plan(self.paths)
        summary.documents_in_inbox = len(todo.inbox)
        summary.documents_parsed = sorted(todo.inbox[key].path.name for key in todo.unparsed)
        summary.up_to_date = todo.up_to_date and not force
        if todo.unparsed or not summary.up_to_date:
            self.step = "start-up"
            from orchestration.execution import Jobs  # Dagster, dbt's assets, the gate: seconds

            Jobs(self).run(todo, build=not summary.up_to_date)
        self.step = "the summary of the published warehouse"
        self._read_published(summary)
        summary.seconds = time.monotonic() - started
        return summary

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
