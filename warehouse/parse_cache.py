"""Parsed documents on disk: one JSON file per document id, written by its Dagster partition.

The cache is what makes an unchanged document cost nothing: a document is parsed
once per parser version, and every later build lands the figures from here.
"""

from __future__ import annotations

import hashlib
import json
import os
import traceback
from datetime import UTC, datetime
from pathlib import Path

from ingest.extract import DocumentRejected, extract_bytes
from warehouse.inputs import InboxDocument, InboxRefused, document_id, read_inbox_file

PARSED, REJECTED, FAILED = "parsed", "rejected", "failed"


def parse_document(document: InboxDocument, parser_version: str) -> dict:
    """Parse one inbox file into a cache entry; a refused or crashing file becomes an entry too.

    The file is read once and the entry is keyed by the hash of the bytes that were
    parsed, not by the hash its partition was scanned with: a file edited after the
    scan is cached as its new content, which the next scan of the inbox finds.
    """
    entry = {
        "document_id": document.document_id,
        "sha256": document.sha256,
        "document_name": document.path.name,
        "parser_version": parser_version,
        "parsed_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "status": PARSED,
        "reason": None,
        "metadata": None,
        "records": [],
        "notes": [],
    }
    try:
        data = read_inbox_file(document.path)
    except InboxRefused as refused:
        return entry | {"status": REJECTED, "reason": str(refused)}
    sha256 = hashlib.sha256(data).hexdigest()
    entry |= {"document_id": document_id(sha256), "sha256": sha256}
    try:
        result = extract_bytes(data, document.path.name)
    except DocumentRejected as refused:
        return entry | {"status": REJECTED, "reason": refused.reason}
    except Exception as error:  # noqa: BLE001 - one broken document must not sink the batch
        where = traceback.extract_tb(error.__traceback__)[-1]
        reason = (f"parser failed: {type(error).__name__}: {error} "
                  f"({Path(where.filename).name}:{where.lineno})")
        return entry | {"status": FAILED, "reason": reason}
    return entry | {
        "metadata": result.metadata.to_json(),
        "records": [record.to_json() for record in result.records],
        "notes": list(result.notes),
    }


class ParseCache:
    """The folder of cache entries, named `<document_id>.json`."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def path_for(self, doc_id: str) -> Path:
        return self.directory / f"{doc_id}.json"

    def read(self, doc_id: str) -> dict | None:
        try:
            return json.loads(self.path_for(doc_id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def is_current(self, doc_id: str, parser_version: str) -> bool:
        """Whether this document was parsed by this version of the parser."""
        entry = self.read(doc_id)
        return entry is not None and entry.get("parser_version") == parser_version

    def written_since(self, timestamp: float) -> int:
        """How many entries were written at or after `timestamp` (seconds since the epoch)."""
        if not self.directory.is_dir():
            return 0
        with os.scandir(self.directory) as entries:
            return sum(1 for entry in entries
                       if entry.name.endswith(".json") and entry.stat().st_mtime >= timestamp)

    def write(self, entry: dict) -> Path:
        """Store an entry atomically, so a reader never sees half a file."""
        self.directory.mkdir(parents=True, exist_ok=True)
        target = self.path_for(entry["document_id"])
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, target)
        return target
