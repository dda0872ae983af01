"""Legacy binary and OpenDocument files (DOC, WPS, XLS, ODT, ODS), converted by LibreOffice headless.

LibreOffice keeps tables when it converts a DOC or WPS file to DOCX, and a
workbook to XLSX; the converted file is then read like any other. The
conversion runs in a private profile and folder, with a time limit. Where
LibreOffice is missing, the file is refused with the command that installs it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ingest.formats import sniff
from ingest.records import DocumentRejected

LIBREOFFICE_INSTALL = "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui"
CONVERSION_SECONDS = 180
# What LibreOffice writes a compound file or an OpenDocument file as: a text document as DOCX.
SPREADSHEET_MARKS = (b"Workbook", b"W\x00o\x00r\x00k\x00b\x00o\x00o\x00k", b"opendocument.spreadsheet")


def _target(data: bytes) -> str:
    return "xlsx" if any(mark in data[:200_000] for mark in SPREADSHEET_MARKS) else "docx"


def read_legacy(data: bytes, kind: str):
    """A DOC, WPS, XLS, ODT or ODS file read through its conversion to DOCX or XLSX."""
    from ingest.formats.document import read_document

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        label = "an OpenDocument file" if kind == sniff.OPEN_DOCUMENT else "a legacy Word/WPS/Excel file"
        raise DocumentRejected(f"{label}; reading it needs LibreOffice: {LIBREOFFICE_INSTALL}")
    target = _target(data)
    with tempfile.TemporaryDirectory(prefix="minzheng-office-") as folder:
        source = Path(folder) / "document.bin"
        source.write_bytes(data)
        profile = Path(folder) / "profile"
        try:
            done = subprocess.run(
                [office, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                 "--convert-to", target, "--outdir", folder, str(source)],
                capture_output=True, text=True, timeout=CONVERSION_SECONDS)
        except subprocess.TimeoutExpired:
            raise DocumentRejected(f"LibreOffice did not convert the file within {CONVERSION_SECONDS} s") from None
        converted = Path(folder) / f"document.{target}"
        if done.returncode != 0 or not converted.exists():
            said = (done.stderr or done.stdout).strip()[:200]
            raise DocumentRejected(f"LibreOffice could not convert the file ({said})")
        read = read_document(converted.read_bytes())
    read.format = {"docx": "doc", "xlsx": "xls"}[target] if kind == sniff.OLE else f"od-{target}"
    return read
