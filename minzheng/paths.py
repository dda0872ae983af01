"""Where the project's files live: one place for every path the stages share."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = PROJECT_ROOT / "data"
DOCUMENTS_DIR = DATA_DIR / "documents"
STATISTICS_DIR = DATA_DIR / "annual_statistics"
REFERENCE_DIR = DATA_DIR / "reference"


def published_warehouse() -> Path:
    """The published DuckDB file analysts and Superset open read-only."""
    return Path(os.environ.get("MINZHENG_WAREHOUSE_PUBLISHED", PROJECT_ROOT / "warehouse" / "minzheng.duckdb"))
