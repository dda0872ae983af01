"""The pipeline's inputs as files and content hashes: the inbox, the statistics, the code.

A document is known by the hash of its bytes, not by its name: a renamed file is
the same document, an edited file is a new one. The hashes decide what to parse
and whether the published warehouse is already up to date.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from warehouse.settings import DBT_PROJECT_DIR, REPO_ROOT, Paths

STATISTICS_SUFFIXES = (".csv", ".xlsx")
# The parser's own code and the reference data it resolves names with: a change to
# any of them means every document must be parsed again.
PARSER_SOURCES = (REPO_ROOT / "ingest",)
PARSER_REFERENCE_FILES = ("indicators.yaml", "regions.csv")
# Code that shapes the warehouse without parsing: a change means rebuilding, not re-parsing.
BUILD_SOURCES = (REPO_ROOT / "warehouse", REPO_ROOT / "orchestration", REPO_ROOT / "expectations",
                 DBT_PROJECT_DIR)
CODE_SUFFIXES = (".py", ".sql", ".yml", ".yaml", ".md", ".csv")
# Generated folders inside the code trees: dbt's artefacts, caches, build output.
GENERATED_PARTS = {"__pycache__", "target", "logs", "dbt_packages", "build"}
DOCUMENT_ID_LENGTH = 16


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def document_id(sha256: str) -> str:
    """The document's key everywhere: its Dagster partition, its id in the marts."""
    return sha256[:DOCUMENT_ID_LENGTH]


def _visible_files(directory: Path) -> list[Path]:
    """Regular files under `directory`, skipping hidden and editor temporary files."""
    if not directory.is_dir():
        return []
    return sorted(
        path for path in directory.rglob("*")
        if path.is_file()
        and not any(part.startswith((".", "~")) for part in path.relative_to(directory).parts)
    )


@dataclass(frozen=True)
class InboxDocument:
    """One file in the documents inbox, and the other files there with the same bytes."""

    path: Path
    sha256: str
    # A repost saved twice under two names is one document: it lands once, under `path`,
    # and the quality gate reports each copy.
    copies: tuple[Path, ...] = ()

    @property
    def document_id(self) -> str:
        return document_id(self.sha256)


def scan_documents(directory: Path) -> dict[str, InboxDocument]:
    """The inbox by document id; of byte-identical files, the first name in sort order wins."""
    found: dict[str, InboxDocument] = {}
    for path in _visible_files(Path(directory).resolve()):
        digest = file_sha256(path)
        first = found.get(document_id(digest))
        if first is None:
            found[document_id(digest)] = InboxDocument(path=path, sha256=digest)
        else:
            found[first.document_id] = replace(first, copies=(*first.copies, path))
    return found


def statistics_files(directory: Path) -> list[Path]:
    """Every visible file in the statistics folder (unsupported types are rejected on load)."""
    return _visible_files(directory)


def _tree_digest(roots: tuple[Path, ...], extra: tuple[Path, ...] = ()) -> str:
    digest = hashlib.sha256()
    files = [path for root in roots for path in _visible_files(root)
             if path.suffix in CODE_SUFFIXES
             and not GENERATED_PARTS.intersection(path.relative_to(root).parts)]
    for path in sorted(files) + [p for p in extra if p.exists()]:
        digest.update(path.name.encode() + file_sha256(path).encode())
    return digest.hexdigest()[:DOCUMENT_ID_LENGTH]


def parser_version(reference_dir: Path) -> str:
    """A hash of the parser's code and reference data; parses by another version are stale."""
    return _tree_digest(PARSER_SOURCES,
                        tuple(reference_dir / name for name in PARSER_REFERENCE_FILES))


def input_fingerprint(paths: Paths, documents: dict[str, InboxDocument]) -> str:
    """One hash of everything a build depends on; equal fingerprints give equal warehouses."""
    digest = hashlib.sha256()
    digest.update(b"parser " + parser_version(paths.reference).encode())
    digest.update(b"code " + _tree_digest(BUILD_SOURCES).encode())
    # Names too: a renamed file keeps its id but shows its new name in the marts, and a new
    # copy of a document is reported.
    for doc_id in sorted(documents):
        document = documents[doc_id]
        digest.update(b"document " + document.sha256.encode() + document.path.name.encode())
        for copy in document.copies:
            digest.update(b"copy " + copy.name.encode())
    for path in statistics_files(paths.statistics):
        digest.update(b"statistics " + path.name.encode() + file_sha256(path).encode())
    for path in _visible_files(paths.reference):
        digest.update(b"reference " + path.name.encode() + file_sha256(path).encode())
    return digest.hexdigest()
