"""Where the project's own files live (the installation's inbox and warehouse: warehouse/settings.py)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = PROJECT_ROOT / "data"
DOCUMENTS_DIR = DATA_DIR / "documents"
STATISTICS_DIR = DATA_DIR / "annual_statistics"
REFERENCE_DIR = DATA_DIR / "reference"
# People's decisions on what the machine was unsure of (warehouse/reviews.py).
REVIEWS_DIR = DATA_DIR / "reviews"
# The labelled corpora minzheng evaluate is measured on (corpus/seeds, corpus/dev).
CORPUS_DIR = PROJECT_ROOT / "corpus"


def formats_corpus() -> Path:
    """The real PDF, DOCX, HTML and ZIP files the format tests and benchmark read.

    They are never copied into the project: they sit in `shared/corpus/formats` beside the
    checkout (or beside a folder above it), or where MINZHENG_FORMATS_CORPUS points.
    """
    if os.environ.get("MINZHENG_FORMATS_CORPUS"):
        return Path(os.environ["MINZHENG_FORMATS_CORPUS"])
    for folder in PROJECT_ROOT.parents:
        candidate = folder / "shared" / "corpus" / "formats"
        if candidate.is_dir():
            return candidate
    return PROJECT_ROOT.parent / "shared" / "corpus" / "formats"
