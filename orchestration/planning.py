"""What a run has to do: which documents are new, which to parse, whether to rebuild.

`plan` is the one answer for both `minzheng run` (orchestration/runner.py) and the inbox
sensor (orchestration/automation.py): it reads the inbox, the parse cache, the document
partitions the Dagster instance knows and the fingerprint the published warehouse was
built from, and changes none of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.documents import DOCUMENT_PARTITIONS
from warehouse.inputs import InboxDocument, input_fingerprint, parser_version, scan_documents
from warehouse.parse_cache import ParseCache
from warehouse.settings import Paths


@dataclass(frozen=True)
class Plan:
    """The state of the inputs against the parse cache, the instance and the published file."""

    inbox: dict[str, InboxDocument]
    parser_version: str
    # Document ids (content hashes), sorted.
    new_partitions: list[str]
    unparsed: list[str]
    fingerprint: str
    published_fingerprint: str | None

    @property
    def up_to_date(self) -> bool:
        """The published warehouse was built from exactly these inputs."""
        return self.fingerprint == self.published_fingerprint

    @property
    def build_due(self) -> bool:
        """Every document is parsed and the published file is not of these inputs."""
        return not self.unparsed and not self.up_to_date


def plan(paths: Paths, instance: dg.DagsterInstance) -> Plan:
    """Scan the inbox and say what is new, what to parse and whether a build is due."""
    inbox = scan_documents(paths.documents)
    version = parser_version(paths.reference)
    known = set(instance.get_dynamic_partitions(DOCUMENT_PARTITIONS.name))
    cache = ParseCache(paths.parse_cache)
    return Plan(
        inbox=inbox,
        parser_version=version,
        new_partitions=sorted(key for key in inbox if key not in known),
        unparsed=sorted(key for key in inbox if not cache.is_current(key, version)),
        fingerprint=input_fingerprint(paths, inbox),
        published_fingerprint=published_fingerprint(paths.published),
    )


def published_fingerprint(published: Path) -> str | None:
    """The input fingerprint the published warehouse was built from, if there is one."""
    if not Path(published).exists():
        return None
    try:
        with duckdb.connect(str(published), read_only=True) as con:
            row = con.execute("select fingerprint from raw.build_info").fetchone()
    except duckdb.Error:
        return None
    return row[0] if row else None
