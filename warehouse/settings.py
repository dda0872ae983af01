"""Where the pipeline reads its inputs and writes the build and published warehouse files.

Every location comes from one environment variable, so Dagster's resources, dbt's
profiles.yml and the command line all agree on the same files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"

# Environment variables (one per location).
DOCUMENTS_VAR = "MINZHENG_DOCUMENTS"
STATISTICS_VAR = "MINZHENG_STATISTICS"
REFERENCE_VAR = "MINZHENG_REFERENCE"
PUBLISHED_VAR = "MINZHENG_WAREHOUSE_PUBLISHED"
# The build file: dbt's profiles.yml and Dagster's DuckDB resource both read this one.
BUILD_VAR = "MINZHENG_WAREHOUSE"

DEFAULT_DOCUMENTS = REPO_ROOT / "data" / "documents"
DEFAULT_STATISTICS = REPO_ROOT / "data" / "annual_statistics"
DEFAULT_REFERENCE = REPO_ROOT / "data" / "reference"
DEFAULT_PUBLISHED = REPO_ROOT / "warehouse" / "minzheng.duckdb"


@dataclass(frozen=True)
class Paths:
    """The inbox, reference data and warehouse files of one pipeline installation."""

    documents: Path
    statistics: Path
    reference: Path
    published: Path
    build: Path
    # Dagster's instance (runs, partitions) lives beside the warehouse it builds.
    dagster_home: Path

    @classmethod
    def from_env(cls) -> Paths:
        """Paths from the environment, with the repository's sample data as defaults."""
        published = Path(os.environ.get(PUBLISHED_VAR) or DEFAULT_PUBLISHED).resolve()
        build = Path(os.environ[BUILD_VAR]).resolve() if os.environ.get(BUILD_VAR) else None
        build = build or build_path_for(published)
        home = os.environ.get("DAGSTER_HOME")
        return cls(
            documents=Path(os.environ.get(DOCUMENTS_VAR) or DEFAULT_DOCUMENTS).resolve(),
            statistics=Path(os.environ.get(STATISTICS_VAR) or DEFAULT_STATISTICS).resolve(),
            reference=Path(os.environ.get(REFERENCE_VAR) or DEFAULT_REFERENCE).resolve(),
            published=published,
            build=build,
            dagster_home=Path(home).resolve() if home else build.parent / "dagster_home",
        )

    def with_overrides(self, documents: Path | None = None, statistics: Path | None = None,
                       published: Path | None = None) -> Paths:
        """These paths with some replaced; a new published file brings its own build file."""
        new_published = Path(published).resolve() if published else self.published
        build = build_path_for(new_published) if published else self.build
        return Paths(
            documents=Path(documents).resolve() if documents else self.documents,
            statistics=Path(statistics).resolve() if statistics else self.statistics,
            reference=self.reference,
            published=new_published,
            build=build,
            dagster_home=build.parent / "dagster_home" if published else self.dagster_home,
        )

    def export(self) -> None:
        """Write these paths to the environment, where dbt and Dagster's EnvVar read them."""
        os.environ[DOCUMENTS_VAR] = str(self.documents)
        os.environ[STATISTICS_VAR] = str(self.statistics)
        os.environ[REFERENCE_VAR] = str(self.reference)
        os.environ[PUBLISHED_VAR] = str(self.published)
        os.environ[BUILD_VAR] = str(self.build)
        os.environ["DAGSTER_HOME"] = str(self.dagster_home)

    @property
    def build_dir(self) -> Path:
        return self.build.parent

    @property
    def parse_cache(self) -> Path:
        """One JSON file per parsed document, named by its content hash."""
        return self.build_dir / "parsed"

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
                       (REFERENCE_VAR, paths.reference), (PUBLISHED_VAR, paths.published),
                       (BUILD_VAR, paths.build)):
        os.environ.setdefault(var, str(value))
    return paths
