"""Document origins: the `<file>.origin.yaml` sidecar beside a document in the inbox.

Modelled on the `meta.origin` of OWID's snapshots: where the document was published
(`url`), by whom (`publisher`), under what `title`, when it was `published`, when it was
`retrieved`, and under which `licence`. Every field is optional: what a sidecar lacks,
the parser's metadata fills (title and publication date) in the warehouse, and the
document's SHA-256 is kept whatever the sidecar says. A sidecar is reviewed data, read
when the documents are landed, never parsed as a document; editing it rebuilds the
warehouse without parsing anything again.

A sidecar that cannot be read (not UTF-8, bad YAML, an unknown field, a date that is no
date, a URL that is no web address) is refused with the reason and its file named; its
document lands with the parser's metadata only, and the rest of the batch goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import yaml

from warehouse.inputs import ORIGIN_SUFFIX, Inbox, InboxRefused, read_inbox_file

TEXT_FIELDS = ("url", "publisher", "title", "licence")
DATE_FIELDS = ("published", "retrieved")
FIELDS = ("url", "publisher", "title", "published", "retrieved", "licence")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
WEB_ADDRESS = re.compile(r"https?://[^\s/]+\S*")


class OriginRefused(Exception):
    """A sidecar that is not a valid origin; the message says why."""


@dataclass(frozen=True)
class Origin:
    """What a sidecar says of its document's origin; None where it says nothing."""

    file: str
    url: str | None = None
    publisher: str | None = None
    title: str | None = None
    published: date | None = None
    retrieved: date | None = None
    licence: str | None = None


@dataclass(frozen=True)
class OriginProblem:
    """A sidecar refused, with the document it stands beside (None when there is none)."""

    file: str
    document_id: str | None
    reason: str


def origin_file_of(document: Path) -> Path:
    """Where a document's sidecar sits: beside it, named after it (plan.txt.origin.yaml)."""
    return document.with_name(document.name + ORIGIN_SUFFIX)


class _Loader(yaml.SafeLoader):
    """Safe YAML that leaves dates as written, so that a bad date is reported as one."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _date(name: str, value: object) -> date:
    written = str(value).strip()
    if not ISO_DATE.fullmatch(written):
        raise OriginRefused(f"{name} {written!r} is not a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(written)
    except ValueError as error:
        raise OriginRefused(f"{name} {written!r} is not a date: {error}") from error


def parse_origin(text: str, file: str, today: date | None = None) -> Origin:
    """The origin a sidecar's text states; raises OriginRefused with the reason."""
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader without timestamps
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" at line {where.line + 1}" if where is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        raise OriginRefused(f"not valid YAML{line}: {problem}") from error
    if not isinstance(data, dict):
        raise OriginRefused("an origin is a mapping of " + ", ".join(FIELDS)
                            + (" (the file is empty)" if data is None else ""))
    unknown = sorted(str(key) for key in data if key not in FIELDS)
    if unknown:
        raise OriginRefused(f"unknown field{'s' if len(unknown) > 1 else ''} "
                            + ", ".join(repr(key) for key in unknown)
                            + f" (an origin has {', '.join(FIELDS)})")
    values: dict[str, object] = {}
    for name in TEXT_FIELDS:
        value = data.get(name)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            raise OriginRefused(f"{name} must be text, not {value!r}")
        values[name] = value.strip()
    if "url" in values and not WEB_ADDRESS.fullmatch(values["url"]):
        raise OriginRefused(f"url {values['url']!r} is not a web address (http:// or https://)")
    for name in DATE_FIELDS:
        if data.get(name) is not None:
            values[name] = _date(name, data[name])
    today = today or datetime.now(UTC).date()
    for name in DATE_FIELDS:
        if name in values and values[name] > today:
            raise OriginRefused(f"{name} {values[name]} is after today ({today})")
    if "published" in values and "retrieved" in values and values["published"] > values["retrieved"]:
        raise OriginRefused(f"published {values['published']} is after retrieved {values['retrieved']}")
    return Origin(file=file, **values)


def read_origin(path: Path, inbox: Path) -> Origin:
    """The origin of a sidecar file in the inbox; raises OriginRefused with the reason."""
    try:
        data = read_inbox_file(path)
    except InboxRefused as error:
        raise OriginRefused(str(error)) from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise OriginRefused(f"not UTF-8 text (byte {error.start})") from error
    return parse_origin(text, str(path.relative_to(inbox)))


def read_origins(inbox: Inbox, directory: Path) -> tuple[dict[str, Origin], list[OriginProblem]]:
    """(origin by document id, sidecars refused) for the documents of a scanned inbox.

    A document's origin is its own sidecar, else that of a copy of it under another name.
    A sidecar with no document beside it is refused too, so that a renamed document does
    not silently lose its origin.
    """
    root = Path(directory).resolve()
    sidecars = set(inbox.sidecars)
    origins: dict[str, Origin] = {}
    problems: list[OriginProblem] = []
    claimed: set[Path] = set()
    for doc_id, document in inbox.documents.items():
        for path in (document.path, *document.copies):
            sidecar = origin_file_of(path)
            if sidecar not in sidecars:
                continue
            claimed.add(sidecar)
            if doc_id in origins:
                continue
            try:
                origins[doc_id] = read_origin(sidecar, root)
            except OriginRefused as error:
                problems.append(OriginProblem(str(sidecar.relative_to(root)), doc_id, str(error)))
    refused_documents = {entry.path for entry in inbox.refused}
    for sidecar in sorted(sidecars - claimed):
        document = sidecar.with_name(sidecar.name.removesuffix(ORIGIN_SUFFIX))
        reason = (f"its document {document.name} was refused" if document in refused_documents
                  else f"no document {document.name} beside it")
        problems.append(OriginProblem(str(sidecar.relative_to(root)), None, reason))
    return origins, problems
