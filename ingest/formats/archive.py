"""ZIP archives of documents, read within bounds that stop a ZIP bomb.

Each member is read as a document of its own (its format from its bytes). An
archive is refused when it holds more members than MAX_MEMBERS, or when a member
or all members together would expand beyond MAX_MEMBER_BYTES or
MAX_ARCHIVE_BYTES: the sizes are checked while reading, not trusted from the
archive's directory. A member that cannot be read is named in the notes and the
others are still read.
"""

from __future__ import annotations

import io
import zipfile

from ingest.records import DocumentRejected

MAX_MEMBERS = 2_000
MAX_MEMBER_BYTES = 200 * 1024 * 1024
MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024
MAX_DEPTH = 2  # an archive inside an archive is read; one more level is refused
CHUNK = 1024 * 1024


class ExpandsTooFar(DocumentRejected):
    """A member that expands beyond the bytes allowed for it."""


def bounded_read(package: zipfile.ZipFile, name: str | zipfile.ZipInfo, limit: int = MAX_MEMBER_BYTES) -> bytes:
    """A member's bytes, refusing one that expands beyond `limit` whatever its header claims."""
    info = name if isinstance(name, zipfile.ZipInfo) else package.getinfo(name)
    if info.file_size > limit:
        raise ExpandsTooFar(f"member {info.filename} expands to {info.file_size:,} bytes (limit {limit:,})")
    out = io.BytesIO()
    with package.open(info) as member:
        while chunk := member.read(CHUNK):
            out.write(chunk)
            if out.tell() > limit:
                raise ExpandsTooFar(f"member {info.filename} expands beyond {limit:,} bytes")
    return out.getvalue()


def _member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its creator wrote it: Chinese names from Windows tools are GBK without the UTF-8 flag."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def read_archive(data: bytes, depth: int = 0):
    """Each document in a ZIP archive, read with its own format, as members of one ReadDocument."""
    from ingest.formats.document import ReadDocument, read_document

    if depth >= MAX_DEPTH:
        raise DocumentRejected("an archive nested too deep")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise DocumentRejected(f"a ZIP file that cannot be opened ({error})") from None
    with package:
        infos = [info for info in package.infolist() if not info.is_dir()]
        if len(infos) > MAX_MEMBERS:
            raise DocumentRejected(f"an archive of {len(infos):,} members (limit {MAX_MEMBERS:,})")
        archive = ReadDocument("", "zip", "")
        total = 0
        for info in sorted(infos, key=_member_name):
            name = _member_name(info)
            if name.rsplit("/", 1)[-1].startswith((".", "~$")) or name.startswith("__MACOSX/"):
                continue  # hidden files and the lock files Office leaves beside an open document
            left = MAX_ARCHIVE_BYTES - total
            try:
                member = bounded_read(package, info, min(MAX_MEMBER_BYTES, left))
                total += len(member)
                archive.members.append((name, read_document(member, depth + 1)))
            except ExpandsTooFar as refused:
                if left < MAX_MEMBER_BYTES:
                    raise DocumentRejected(f"an archive that expands beyond {MAX_ARCHIVE_BYTES:,} bytes") from None
                archive.notes.append(f"{name}: {refused.reason}")
            except DocumentRejected as refused:
                archive.notes.append(f"{name}: {refused.reason}")
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as error:
                archive.notes.append(f"{name}: cannot be read from the archive ({error})")
    if not archive.members:
        raise DocumentRejected("an archive without a readable document" +
                               (f" ({'; '.join(archive.notes[:3])})" if archive.notes else ""))
    return archive
