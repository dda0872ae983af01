"""Document bytes to figure records: the parser's public entry points.

(Interim: decoding and metadata only; the figure rules land next.)
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ingest.records import DocumentMetadata, DocumentRejected, ExtractionResult

__all__ = ["extract_bytes", "extract_file", "DocumentRejected"]


def extract_bytes(data: bytes, name: str) -> ExtractionResult:
    """Parse one document given as bytes; raise DocumentRejected when it is not a readable document."""
    if not data.strip():
        raise DocumentRejected("empty file")
    try:
        data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        encoding = "gb18030"
    metadata = DocumentMetadata(document=name, sha256=hashlib.sha256(data).hexdigest(),
                                size_bytes=len(data), encoding=encoding)
    return ExtractionResult(metadata=metadata)


def extract_file(path: str | Path) -> ExtractionResult:
    """Parse one document file; `document` in its records is the file's base name."""
    path = Path(path)
    return extract_bytes(path.read_bytes(), path.name)
