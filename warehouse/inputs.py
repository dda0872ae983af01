"""The pipeline's inputs as files and content hashes: the inbox, the statistics, the code.

A document is known by the hash of its bytes, not by its name: a renamed file is
the same document, an edited file is a new one. The hashes decide what to parse
and whether the published warehouse is already up to date.

The inbox folders are a boundary: only regular files inside them are read. Symbolic
links (which could lead anywhere on the server), devices, FIFOs and sockets are
refused with the reason, as is a file that vanishes between the scan and the read;
the rest of the batch goes on.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path

from ingest.catalogue import CATALOGUE_FILE
from ingest.kinds import CONGRESSES_FILE, KINDS_FILE, OCCASIONS_FILE, PERIODS_FILE, SESSIONS_FILE
from ingest.regions import ABBREVIATIONS_FILE, NEWS_OUTLETS_FILE, REGIONS_FILE, TRAPS_FILE
from minzheng.paths import PROJECT_ROOT
from warehouse.settings import DBT_PROJECT_DIR, Paths

STATISTICS_SUFFIXES = (".csv", ".xlsx")
# The parser's own code and the reference data it resolves names with: a change to
# any of them means every document must be parsed again.
PARSER_SOURCES = (PROJECT_ROOT / "ingest",)
# Every reference file the parser reads, as the parser's modules name them (a new document kind
# or plan period changes parses as a new wording does).
PARSER_REFERENCE_FILES = tuple(path.name for path in (
    CATALOGUE_FILE, REGIONS_FILE, ABBREVIATIONS_FILE, TRAPS_FILE, KINDS_FILE, PERIODS_FILE, OCCASIONS_FILE,
    CONGRESSES_FILE, SESSIONS_FILE, NEWS_OUTLETS_FILE))
# Code that shapes the warehouse without parsing: a change means rebuilding, not re-parsing.
BUILD_SOURCES = (PROJECT_ROOT / "warehouse", PROJECT_ROOT / "orchestration", PROJECT_ROOT / "expectations",
                 DBT_PROJECT_DIR)
CODE_SUFFIXES = (".py", ".sql", ".yml", ".yaml", ".md", ".csv")
# Generated folders inside the code trees: dbt's artefacts, caches, build output.
GENERATED_PARTS = {"__pycache__", "target", "logs", "dbt_packages", "build"}
DOCUMENT_ID_LENGTH = 16
# A document's origin (warehouse/origins.py) sits beside it as `<file>.origin.yaml`: it is
# read when documents are landed, never parsed as a document.
ORIGIN_SUFFIX = ".origin.yaml"


class InboxRefused(Exception):
    """An inbox entry that is not read; the message says why."""


@dataclass(frozen=True)
class RefusedFile:
    """An entry of an inbox folder that was not read, and why."""

    path: Path
    reason: str


def _kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _link_reason(path: Path, inbox: Path) -> str:
    target = Path(os.path.realpath(path))
    where = "inside" if target.is_relative_to(inbox) else "outside"
    return (f"a symbolic link (to {os.readlink(path)}, {where} the inbox): "
            "links are not followed, the inbox takes regular files only")


def open_inbox_file(path: Path) -> int:
    """A descriptor of `path` if it is still a regular file, never through a link; raises InboxRefused.

    The scan checked the entry, but it can change before the read: O_NOFOLLOW refuses a
    link swapped in, O_NONBLOCK keeps a FIFO from blocking the run, fstat checks what
    was opened rather than what the name pointed to a moment ago.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError as error:
        raise InboxRefused("vanished before it could be read") from error
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InboxRefused("became a symbolic link before it could be read: "
                               "links are not followed") from error
        raise InboxRefused(f"cannot read ({error.strerror})") from error
    kind = _kind_of(os.fstat(fd).st_mode)
    if kind is not None:
        os.close(fd)
        raise InboxRefused(f"{kind}: the inbox takes regular files only")
    return fd


def read_inbox_file(path: Path) -> bytes:
    """The bytes of a regular inbox file; raises InboxRefused."""
    with os.fdopen(open_inbox_file(path), "rb") as handle:
        return handle.read()


def file_sha256(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def document_id(sha256: str) -> str:
    """The document's key everywhere: its Dagster partition, its id in the marts."""
    return sha256[:DOCUMENT_ID_LENGTH]


def is_origin_file(path: Path) -> bool:
    return path.name.endswith(ORIGIN_SUFFIX)


def _hidden(name: str) -> bool:
    return name.startswith((".", "~"))


def walk_inbox(directory: Path) -> tuple[list[Path], list[RefusedFile]]:
    """(regular files under `directory`, entries refused), hidden and editor temporary files skipped.

    Nothing is followed: a linked folder is refused like a linked file.
    """
    inbox = Path(os.path.realpath(directory))
    if not inbox.is_dir():
        return [], []
    files, refused = [], []
    for root, folders, names in os.walk(inbox, followlinks=False):
        folders[:] = sorted(name for name in folders if not _hidden(name))
        for name in list(folders):
            path = Path(root) / name
            if path.is_symlink():
                folders.remove(name)
                refused.append(RefusedFile(path, _link_reason(path, inbox)))
        for name in names:
            if _hidden(name):
                continue
            path = Path(root) / name
            try:
                mode = path.lstat().st_mode
            except FileNotFoundError:
                refused.append(RefusedFile(path, "vanished before it could be read"))
                continue
            if stat.S_ISLNK(mode):
                refused.append(RefusedFile(path, _link_reason(path, inbox)))
            elif (kind := _kind_of(mode)) is not None:
                refused.append(RefusedFile(path, f"{kind}: the inbox takes regular files only"))
            else:
                files.append(path)
    return sorted(files), sorted(refused, key=lambda entry: entry.path)


def refused_label(entry: RefusedFile, inbox: Path) -> str:
    """The refused entry's name as messages give it: its path inside the inbox."""
    return str(entry.path.relative_to(Path(os.path.realpath(inbox))))


def _visible_files(directory: Path) -> list[Path]:
    """Regular files under `directory`, skipping hidden and editor temporary files."""
    if not directory.is_dir():
        return []
    return sorted(
        path for path in directory.rglob("*")
        if path.is_file()
        and not any(_hidden(part) for part in path.relative_to(directory).parts)
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


@dataclass(frozen=True)
class Inbox:
    """The documents of the inbox by id, the origin sidecars beside them, and the entries refused."""

    documents: dict[str, InboxDocument]
    refused: list[RefusedFile] = field(default_factory=list)
    sidecars: list[Path] = field(default_factory=list)


def scan_inbox(directory: Path) -> Inbox:
    """The inbox by document id; of byte-identical files, the first name in sort order wins."""
    found: dict[str, InboxDocument] = {}
    files, refused = walk_inbox(directory)
    sidecars = [path for path in files if is_origin_file(path)]
    for path in files:
        if is_origin_file(path):
            continue
        try:
            with os.fdopen(open_inbox_file(path), "rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
        except InboxRefused as error:
            refused.append(RefusedFile(path, str(error)))
            continue
        first = found.get(document_id(digest))
        if first is None:
            found[document_id(digest)] = InboxDocument(path=path, sha256=digest)
        else:
            found[first.document_id] = replace(first, copies=(*first.copies, path))
    return Inbox(found, sorted(refused, key=lambda entry: entry.path), sidecars)


def scan_documents(directory: Path) -> dict[str, InboxDocument]:
    """The documents of the inbox by id (see scan_inbox for the entries refused)."""
    return scan_inbox(directory).documents


def statistics_files(directory: Path) -> list[Path]:
    """Every regular visible file in the statistics folder (unsupported types are rejected on load)."""
    return walk_inbox(directory)[0]


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


def input_fingerprint(paths: Paths, documents: dict[str, InboxDocument], version: str | None = None) -> str:
    """One hash of everything a build depends on; equal fingerprints give equal warehouses.

    `version` is the parser's (parser_version), when the caller has it already.
    """
    digest = hashlib.sha256()
    digest.update(b"parser " + (version or parser_version(paths.reference)).encode())
    digest.update(b"code " + _tree_digest(BUILD_SOURCES).encode())
    # Names too: a renamed file keeps its id but shows its new name in the marts, and a new
    # copy of a document is reported.
    for doc_id in sorted(documents):
        document = documents[doc_id]
        digest.update(b"document " + document.sha256.encode() + document.path.name.encode())
        for copy in document.copies:
            digest.update(b"copy " + copy.name.encode())
    # A refused entry is in the fingerprint too, so that the run that meets it reports it.
    inbox_files, refused_documents = walk_inbox(paths.documents)
    statistics, refused_statistics = walk_inbox(paths.statistics)
    for entry in refused_documents + refused_statistics:
        digest.update(b"refused " + str(entry.path).encode() + entry.reason.encode())
    # An edited origin rebuilds the warehouse; it is never parsed.
    for path in inbox_files:
        if is_origin_file(path):
            digest.update(b"origin " + path.name.encode() + file_sha256(path).encode())
    for path in statistics:
        digest.update(b"statistics " + path.name.encode() + file_sha256(path).encode())
    for path in _visible_files(paths.reference):
        digest.update(b"reference " + path.name.encode() + file_sha256(path).encode())
    # A decision recorded or removed rebuilds the warehouse; nothing is parsed again.
    for path in _visible_files(paths.reviews):
        digest.update(b"review " + path.name.encode() + file_sha256(path).encode())
    return digest.hexdigest()
