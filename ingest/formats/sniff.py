"""Which format a document's bytes are in, from the bytes alone (magic numbers and package parts)."""

from __future__ import annotations

import io
import re
import zipfile

TEXT, HTML, PDF, DOCX, XLSX, OPEN_DOCUMENT, ZIP, OLE = "text", "html", "pdf", "docx", "xlsx", "odf", "zip", "ole"

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Word/WPS/Excel: a compound file
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
# The opening of a web page or of a page's main block saved alone (a gov.cn content div).
HTML_OPENING = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|table|p|span|section"
                          rb"|article|title|style|script)[\s>/]", re.I | re.S)
HTML_HEAD = 4096


def sniff_format(data: bytes) -> str:
    """One of TEXT, HTML, PDF, DOCX, XLSX, OPEN_DOCUMENT, ZIP, OLE."""
    head = data[:HTML_HEAD].lstrip(b"\xef\xbb\xbf")
    if data[:1024].lstrip().startswith(b"%PDF"):
        return PDF
    if data.startswith(OLE_MAGIC):
        return OLE
    if data.startswith(ZIP_MAGIC):
        return _package_format(data)
    if HTML_OPENING.match(head) or HTML_OPENING.match(_utf16_as_ascii(head)):
        return HTML
    return TEXT


def _utf16_as_ascii(head: bytes) -> bytes:
    """A UTF-16 page's opening with its zero bytes dropped, so its tags can be seen."""
    return head[2:].replace(b"\x00", b"") if head.startswith((b"\xff\xfe", b"\xfe\xff")) else b""


def _package_format(data: bytes) -> str:
    """An Office Open XML or OpenDocument package by its parts, else a plain archive."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            if "word/document.xml" in names:
                return DOCX
            if "xl/workbook.xml" in names:
                return XLSX
            if "mimetype" in names and "content.xml" in names:
                return OPEN_DOCUMENT
    except (zipfile.BadZipFile, OSError, ValueError):
        # A truncated package has no directory; its parts' local headers still name them.
        if b"word/document.xml" in data or b"word/_rels" in data:
            return DOCX
    return ZIP
