"""Running a suite with Great Expectations, and the gate's decision from its results.

`QualityContext.validate` runs a suite on the batches of a staged table
(expectations/staging.py) through a GE checkpoint, which also writes the run's Data
Docs; the result lists every failed expectation with the ids of its offending rows (GE's
unexpected index list), merged over the batches. `decide` turns a raw-suite result into
the gate's decision under the policy of expectations/README.md: which rows are
quarantined and why, and whether the run is blocked.
"""

from __future__ import annotations

import math
import shutil
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from expectations.raw import BLOCK, QUARANTINE
from expectations.staging import ROW_ID

# Where a row came from, as messages name it ("zhoushan.csv row 3"), where the frame has it.
SOURCE_LABEL = "source_label"
SITE_NAME = "minzheng"
DATASOURCE = "minzheng"
# COMPLETE lists every unexpected row; the row id says which one it is. The pandas query
# that would select them again is not needed and costs a lot with many rows.
RESULT_FORMAT = {"result_format": "COMPLETE", "unexpected_index_column_names": [ROW_ID],
                 "return_unexpected_index_query": False}
# Quarantine is for a few bad rows. More than this share of a batch held back (and at least
# MIN_BLOCKING_ROWS rows) means something upstream broke: a catalogue edit, a parser
# regression, a whole file in the wrong unit. Publishing the rest would silently drop
# series from the dashboards, so the run stops instead.
MAX_QUARANTINE_SHARE = 0.10
MIN_BLOCKING_ROWS = 5
# How many offending rows a message lists per expectation (the quarantine table has all).
ROWS_SHOWN = 10


@dataclass(frozen=True)
class Failure:
    """One expectation that did not hold, and the ids of the rows that broke it."""

    suite: str
    expectation: str
    policy: str
    reason: str | None
    # A rule on repeats: its rows repeat another row that lands, so their content is not lost.
    repeat: bool
    # For a conflict rule: the columns of the key whose rows disagree; each row's message
    # names the other rows of its group and their values ({others}).
    group: tuple[str, ...]
    row_ids: tuple[int, ...]
    unexpected_count: int
    element_count: int
    observed: object = None


@dataclass
class SuiteResult:
    """A suite's validation: GE's verdict, the failures, and where the Data Docs are."""

    suite: str
    success: bool
    expectations: int
    rows: int
    failures: list[Failure]
    docs_index: Path
    # This validation's own page: static HTML, readable offline (the index needs its CDN scripts).
    docs_page: Path | None = None


@dataclass
class GateDecision:
    """What the gate does with a batch: rows held back (with their reasons), and any block."""

    quarantined: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    blocking: list[str] = field(default_factory=list)

    @property
    def blocked(self) -> bool:
        return bool(self.blocking)


def describe(config) -> str:
    """An expectation as a message names it: type, columns and row condition."""
    kwargs = config.kwargs
    columns = [kwargs[key] for key in ("column", "column_A", "column_B") if key in kwargs]
    columns += list(kwargs.get("column_list") or [])
    text = f"{config.type}({', '.join(columns)})"
    if kwargs.get("row_condition"):
        from great_expectations.expectations.row_conditions import deserialize_row_condition

        text += f" where {deserialize_row_condition(kwargs['row_condition'])!r}"
    return text


def _display(value: object) -> str:
    """A cell as a message shows it: nothing for null, whole numbers without '.0'."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


class QualityContext:
    """A Great Expectations file context in the build folder, with one Data Docs site.

    Create it before building a suite: GE attaches suites to the active context. `fresh`
    forgets the validations of earlier runs, so the Data Docs show this run's only.
    """

    def __init__(self, root: Path, docs: Path, fresh: bool = False):
        self.root, self.docs = Path(root), Path(docs)
        if fresh:
            shutil.rmtree(self.root, ignore_errors=True)
            shutil.rmtree(self.docs, ignore_errors=True)
        self.context = self._open()

    def _open(self):
        import great_expectations as gx

        context = gx.get_context(mode="file", project_root_dir=self.root)
        context.variables.progress_bars = {"globally": False}
        for name in list(context.list_data_docs_sites()):
            if name != SITE_NAME:
                context.delete_data_docs_site(name)
        if SITE_NAME not in context.list_data_docs_sites():
            context.add_data_docs_site(site_name=SITE_NAME, site_config={
                "class_name": "SiteBuilder",
                "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                                  "base_directory": str(self.docs)},
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            })
        return context

    def validate(self, suite, batches: Iterable[pd.DataFrame], run_name: str) -> SuiteResult:
        """Validate every batch against `suite` (GE checkpoint with Data Docs); list the failures.

        The failures of one expectation in several batches are one failure with the rows
        of all of them.
        """
        import great_expectations as gx
        from great_expectations.core.run_identifier import RunIdentifier

        context = self.context
        # The suite is rebuilt from code every run: replace, never merge, what the project
        # holds under its name (GE's add_or_update compares every expectation pairwise).
        for store in (context.checkpoints, context.validation_definitions, context.suites):
            if any(item.name == suite.name for item in store.all()):
                store.delete(name=suite.name)
        suite = context.suites.add(suite)
        source = context.data_sources.add_or_update_pandas(f"{DATASOURCE}_{suite.name}")
        batch = source.add_dataframe_asset(suite.name).add_batch_definition_whole_dataframe("whole")
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(name=suite.name, data=batch, suite=suite))
        checkpoint = context.checkpoints.add(gx.Checkpoint(
            name=suite.name, validation_definitions=[definition], result_format=RESULT_FORMAT,
            actions=[gx.checkpoint.UpdateDataDocsAction(name="data_docs",
                                                        site_names=[SITE_NAME])]))
        success, rows, checked = True, 0, 0
        failures: dict[str, Failure] = {}
        for frame in batches:
            outcome = checkpoint.run(batch_parameters={"dataframe": frame},
                                     run_id=RunIdentifier(run_name=run_name))
            (validation,) = outcome.run_results.values()
            success, rows, checked = success and validation.success, rows + len(frame), len(validation.results)
            for result in validation.results:
                if result.success:
                    continue
                found = _failure(suite.name, result)
                key = result.expectation_config.id or found.expectation
                failures[key] = _merged(failures[key], found) if key in failures else found
        pages = sorted((self.docs / "validations" / suite.name / run_name).rglob("*.html"))
        return SuiteResult(suite=suite.name, success=success, expectations=checked, rows=rows,
                           failures=list(failures.values()), docs_index=self.docs / "index.html",
                           docs_page=pages[-1] if pages else None)


def _merged(earlier: Failure, later: Failure) -> Failure:
    return replace(earlier, policy=BLOCK if BLOCK in (earlier.policy, later.policy) else earlier.policy,
                   row_ids=earlier.row_ids + later.row_ids,
                   unexpected_count=earlier.unexpected_count + later.unexpected_count,
                   element_count=earlier.element_count + later.element_count,
                   observed=later.observed if later.observed is not None else earlier.observed)


def _failure(suite: str, result) -> Failure:
    config = result.expectation_config
    meta = config.meta or {}
    detail = result.result or {}
    # An expectation that raised (a missing column) is a failure of the suite itself: block.
    raised = bool(result.exception_info and result.exception_info.get("raised_exception"))
    return Failure(
        suite=suite,
        expectation=describe(config),
        policy=BLOCK if raised else meta.get("policy", BLOCK),
        reason=meta.get("reason"),
        repeat=bool(meta.get("repeat")),
        group=tuple(meta.get("group") or ()),
        row_ids=tuple(int(row[ROW_ID]) for row in detail.get("unexpected_index_list") or []),
        unexpected_count=int(detail.get("unexpected_count") or 0),
        element_count=int(detail.get("element_count") or 0),
        observed=(result.exception_info.get("exception_message") if raised
                  else detail.get("observed_value")),
    )


def failing_row_ids(result: SuiteResult) -> set[int]:
    """The ids of every row some expectation of the result found unexpected."""
    return {row_id for failure in result.failures for row_id in failure.row_ids}


def offending_rows(failure: Failure, rows: dict[int, dict]) -> list[tuple[dict, str, bool]]:
    """The rows an expectation holds back: (row, reason filled in from the row, content lost).

    A repeat's content is not lost: the row it repeats lands (its message names it). For a
    conflict rule, each row's message names the other rows of its group and their values.
    """
    found = [rows[row_id] for row_id in sorted(failure.row_ids)]
    template = failure.reason or failure.expectation
    if not failure.group:
        return [(row, _fill(template, row), not failure.repeat) for row in found]
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for row in found:
        groups[tuple(_display(row[column]) for column in failure.group)].append(row)
    held = []
    for group in groups.values():
        for row in group:
            others = "; ".join(f"row {other['record_number']}: {_display(other.get('value_label'))}"
                               for other in group if other is not row)
            held.append((row, _fill(template, row | {"others": others}), not failure.repeat))
    return held


def _fill(template: str, row: dict) -> str:
    return template.format_map({key: _display(value) for key, value in row.items()})


def decide(result: SuiteResult, rows: dict[int, dict]) -> GateDecision:
    """The gate's decision on a raw batch: quarantine rows, and block when the policy says so.

    `rows` holds at least the failing rows (StagedRows.rows of failing_row_ids).
    """
    decision = GateDecision()
    # Rows whose content is lost: a repeat is held back but its first copy lands, so a
    # document saved twice never counts towards the threshold.
    lost: set[int] = set()
    for failure in result.failures:
        if failure.policy == QUARANTINE:
            for row, reason, content_lost in offending_rows(failure, rows):
                row_id = int(row[ROW_ID])
                decision.quarantined.setdefault(row_id, []).append((failure.expectation, reason))
                if content_lost:
                    lost.add(row_id)
        else:
            decision.blocking.append(describe_failure(failure, rows))
    total = result.rows
    if len(lost) >= MIN_BLOCKING_ROWS and len(lost) > MAX_QUARANTINE_SHARE * total:
        decision.blocking.append(
            f"{len(lost)} of {total} rows ({len(lost) / total:.0%}) failed the suite "
            f"{result.suite}, more than the {MAX_QUARANTINE_SHARE:.0%} a run may quarantine:\n"
            + "\n".join(describe_failure(failure, rows) for failure in result.failures
                        if failure.policy == QUARANTINE and not failure.repeat))
    return decision


def describe_failure(failure: Failure, rows: dict[int, dict]) -> str:
    """Suite, expectation and offending rows (where each came from, and why) of one failure."""
    head = (f"suite {failure.suite}, expectation {failure.expectation}: "
            f"{failure.unexpected_count} of {failure.element_count} rows unexpected")
    if failure.observed is not None and not failure.row_ids:
        return f"{head} (observed: {failure.observed})"
    lines = [head]
    shown = offending_rows(failure, rows)
    for row, reason, _ in shown[:ROWS_SHOWN]:
        where = f"{row[SOURCE_LABEL]}: " if row.get(SOURCE_LABEL) else ""
        lines.append(f"  {where}{reason}")
    if len(shown) > ROWS_SHOWN:
        lines.append(f"  ... and {len(shown) - ROWS_SHOWN} more")
    return "\n".join(lines)
