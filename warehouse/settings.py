"""Where the pipeline reads its inputs and writes the build and published warehouse files.

Every location comes from one environment variable, so Dagster's resources, dbt's
profiles.yml and the command line all agree on the same files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from minzheng.paths import DOCUMENTS_DIR, PROJECT_ROOT, REFERENCE_DIR, REVIEWS_DIR, STATISTICS_DIR

DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
# The published DuckDB file analysts and Superset open read-only.
DEFAULT_PUBLISHED = PROJECT_ROOT / "warehouse" / "minzheng.duckdb"

# Environment variables (one per location). Reference data has none: the parser reads
# data/reference itself, and the warehouse must describe the same catalogue and regions.
DOCUMENTS_VAR = "MINZHENG_DOCUMENTS"
STATISTICS_VAR = "MINZHENG_STATISTICS"
# Review decisions, one file per item (warehouse/reviews.py): reviewed data every build applies.
REVIEWS_VAR = "MINZHENG_REVIEWS"
PUBLISHED_VAR = "MINZHENG_WAREHOUSE_PUBLISHED"
# The build file: dbt's profiles.yml and Dagster's DuckDB resource both read this one.
BUILD_VAR = "MINZHENG_WAREHOUSE"
# DuckDB's memory limit for the build (the gate's staged rows, dbt's models): beyond it
# DuckDB spills to disk, so a run's memory stays bounded whatever the size of its inputs.
MEMORY_LIMIT_VAR = "MINZHENG_DUCKDB_MEMORY_LIMIT"
DEFAULT_MEMORY_LIMIT = "512MB"
# How many runs of each job keep what they leave on disk (Dagster's record of the run with
# its event and compute logs, a build's dbt target folder and Data Docs); older ones are
# pruned at the end of every build. Two weeks of nightly builds by default.
KEEP_RUNS_VAR = "MINZHENG_KEEP_RUNS"
DEFAULT_KEEP_RUNS = 14


def duckdb_memory_limit() -> str:
    """The build's DuckDB memory limit: $MINZHENG_DUCKDB_MEMORY_LIMIT, else DEFAULT_MEMORY_LIMIT."""
    return os.environ.get(MEMORY_LIMIT_VAR) or DEFAULT_MEMORY_LIMIT


# How many processes parse documents at once; unset or 0: as many as the cores, the memory
# and the work allow (orchestration/planning.py).
PARSE_WORKERS_VAR = "MINZHENG_PARSE_WORKERS"


def parse_workers() -> int:
    """$MINZHENG_PARSE_WORKERS as a whole number (0 when unset: decide from the machine)."""
    return _count(PARSE_WORKERS_VAR, 0, minimum=0)


# Where `minzheng run` parses documents: "local" (this machine's cores) or "celery" (the
# dagster-celery workers listening on the broker; see orchestration/cluster.py).
EXECUTOR_VAR = "MINZHENG_EXECUTOR"
EXECUTORS = ("local", "celery")
# The Celery broker the workers listen on, and where they leave each step's result (the
# broker itself unless set).
CELERY_BROKER_VAR = "MINZHENG_CELERY_BROKER"
CELERY_BACKEND_VAR = "MINZHENG_CELERY_BACKEND"
DEFAULT_CELERY_BROKER = "redis://127.0.0.1:6379/0"


def executor() -> str:
    """$MINZHENG_EXECUTOR: one of EXECUTORS, "local" when unset."""
    chosen = os.environ.get(EXECUTOR_VAR, "").strip() or EXECUTORS[0]
    if chosen not in EXECUTORS:
        raise ValueError(f"{EXECUTOR_VAR}={chosen!r}: must be one of {', '.join(EXECUTORS)}")
    return chosen


def celery_broker() -> str:
    """$MINZHENG_CELERY_BROKER, else a Redis server on this machine."""
    return os.environ.get(CELERY_BROKER_VAR) or DEFAULT_CELERY_BROKER


def celery_backend() -> str:
    """$MINZHENG_CELERY_BACKEND, else the broker."""
    return os.environ.get(CELERY_BACKEND_VAR) or celery_broker()


def keep_runs() -> int:
    """Runs kept per job: $MINZHENG_KEEP_RUNS (a whole number, at least 1), else DEFAULT_KEEP_RUNS."""
    return _count(KEEP_RUNS_VAR, DEFAULT_KEEP_RUNS, minimum=1)


def _count(var: str, default: int, minimum: int) -> int:
    text = os.environ.get(var, "").strip()
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        value = minimum - 1
    if value < minimum:
        raise ValueError(f"{var}={text!r}: must be a whole number of at least {minimum}")
    return value


@dataclass(frozen=True)
class Paths:
    """The inbox, reference data and warehouse files of one pipeline installation."""

    documents: Path
    statistics: Path
    reference: Path
    reviews: Path
    published: Path
    build: Path
    # Dagster's instance (runs, partitions) lives beside the warehouse it builds.
    dagster_home: Path

    @classmethod
    def at(cls, documents: Path, statistics: Path, published: Path, build: Path | None = None,
           dagster_home: Path | None = None, reviews: Path | None = None) -> Paths:
        """The paths of one installation; the build file and Dagster's instance default to
        `build/` beside the published file, the review decisions to data/reviews."""
        published = Path(published).resolve()
        build = Path(build).resolve() if build else build_path_for(published)
        return cls(documents=Path(documents).resolve(), statistics=Path(statistics).resolve(),
                   reference=REFERENCE_DIR.resolve(), reviews=Path(reviews or REVIEWS_DIR).resolve(),
                   published=published, build=build,
                   dagster_home=Path(dagster_home).resolve() if dagster_home
                   else build.parent / "dagster_home")

    @classmethod
    def from_env(cls) -> Paths:
        """Paths from the environment, with the repository's sample data as defaults."""
        return cls.at(documents=os.environ.get(DOCUMENTS_VAR) or DOCUMENTS_DIR,
                      statistics=os.environ.get(STATISTICS_VAR) or STATISTICS_DIR,
                      published=os.environ.get(PUBLISHED_VAR) or DEFAULT_PUBLISHED,
                      build=os.environ.get(BUILD_VAR) or None,
                      dagster_home=os.environ.get("DAGSTER_HOME") or None,
                      reviews=os.environ.get(REVIEWS_VAR) or None)

    def with_overrides(self, documents: Path | None = None, statistics: Path | None = None,
                       published: Path | None = None, reviews: Path | None = None) -> Paths:
        """These paths with some replaced; a new published file brings its own build file."""
        keep = not published
        return Paths.at(documents or self.documents, statistics or self.statistics,
                        published or self.published, build=self.build if keep else None,
                        dagster_home=self.dagster_home if keep else None,
                        reviews=reviews or self.reviews)

    def export(self) -> None:
        """Write these paths to the environment, where dbt and Dagster's EnvVar read them."""
        os.environ[DOCUMENTS_VAR] = str(self.documents)
        os.environ[STATISTICS_VAR] = str(self.statistics)
        os.environ[REVIEWS_VAR] = str(self.reviews)
        os.environ[PUBLISHED_VAR] = str(self.published)
        os.environ[BUILD_VAR] = str(self.build)
        os.environ[MEMORY_LIMIT_VAR] = duckdb_memory_limit()
        os.environ["DAGSTER_HOME"] = str(self.dagster_home)

    @property
    def build_dir(self) -> Path:
        return self.build.parent

    @property
    def parse_cache(self) -> Path:
        """One JSON file per parsed document, named by its content hash."""
        return self.build_dir / "parsed"

    @property
    def great_expectations(self) -> Path:
        """The Great Expectations project the quality gate validates with (rebuilt each run)."""
        return self.build_dir / "great_expectations"

    @property
    def data_docs(self) -> Path:
        """Great Expectations Data Docs, one folder per build run (see data_docs_of)."""
        return self.build_dir / "data_docs"

    def data_docs_of(self, run_id: str) -> Path:
        """The Data Docs of one build run: open index.html in a browser."""
        return self.data_docs / run_id

    @property
    def dbt_target(self) -> Path:
        """dbt's target folders (compiled SQL, manifest, run results), one per build run."""
        return self.build_dir / "dbt_target"

    @property
    def run_lock(self) -> Path:
        """Held by a run from its first write to its publish, so two runs never interleave."""
        return self.published.parent / ".run.lock"


def build_path_for(published: Path) -> Path:
    """The working file a run builds into before it replaces `published`."""
    return published.parent / "build" / f"{published.stem}.build.duckdb"


def export_defaults() -> Paths:
    """Fill in any unset location variables (for `dagster dev` and dbt started by hand)."""
    paths = Paths.from_env()
    for var, value in ((DOCUMENTS_VAR, paths.documents), (STATISTICS_VAR, paths.statistics),
                       (REVIEWS_VAR, paths.reviews),
                       (PUBLISHED_VAR, paths.published), (BUILD_VAR, paths.build),
                       (MEMORY_LIMIT_VAR, duckdb_memory_limit())):
        os.environ.setdefault(var, str(value))
    return paths
