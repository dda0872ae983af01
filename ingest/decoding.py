"""Bytes to text: detect the encoding of a document and refuse what is not Chinese text.

Documents arrive as UTF-8 (with or without a byte-order mark), GB18030/GBK (what
Chinese government sites and Windows tools still write) or, for Hong Kong and
Taiwan sources, Big5. The encoding is detected from the bytes alone: a strict
UTF-8 decode is tried first because random GBK bytes almost never form valid
UTF-8, then the legacy encodings. A multi-byte sequence cut off at the very end
of a file (a truncated download) is dropped instead of failing the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import charset_normalizer

from ingest.records import DocumentRejected

# Runs of Han characters anywhere in the CJK blocks a document may use (runs, not single
# characters: summing the lengths of a text's few long runs is faster than finding each).
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Latin letters and control characters are ASCII: they are counted among a text's ASCII characters
# alone (bytes patterns), a much shorter string than a Chinese text.
LATIN_LETTER = re.compile(rb"[A-Za-z]")
# Control characters that never occur in text files (tab, newlines and form feed do).
CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")

MIN_HAN_CHARACTERS = 20
# Characters judged at the head and tail of a long text: enough to tell noise from Chinese.
SAMPLE_CHARACTERS = 40_000
# Share of Han characters among letters (Han + Latin) below which a file is "not Chinese".
# A word takes one or two Han characters and five or so Latin letters: a bilingual table
# (民间组织总数(万个) Number of NGOs (10000 units), 15% Han) is Chinese, an English page with
# a few Chinese words is not.
MIN_HAN_SHARE = 0.1
MAX_CONTROL_SHARE = 0.001
# At most this share of characters may be undecodable before a file counts as corrupt.
MAX_REPLACED_SHARE = 0.002
# A trailing incomplete sequence is at most 3 bytes in UTF-8 and GB18030.
MAX_TRUNCATED_TAIL = 3
# The Unicode private use area, where GB18030 puts the byte pairs of GBK's user-defined areas.
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
MAX_PRIVATE_USE_SHARE = 0.01
NOT_TEXT = "not text in UTF-8, GB18030/GBK or Big5 (binary or corrupt bytes)"


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    truncated_tail: bool = False


def _strict_decode(data: bytes, encoding: str) -> tuple[str, bool] | None:
    """Decode strictly; tolerate only an incomplete multi-byte sequence at the very end."""
    try:
        return data.decode(encoding), False
    except UnicodeDecodeError as error:
        at_end = error.start >= len(data) - MAX_TRUNCATED_TAIL and error.reason in (
            "unexpected end of data", "incomplete multibyte sequence", "illegal multibyte sequence")
        if not at_end or error.start == 0:
            return None
        try:
            return data[: error.start].decode(encoding), True
        except UnicodeDecodeError:
            return None


def decode_bytes(data: bytes) -> DecodedText | None:
    """Text from UTF-8 (BOM or not), UTF-16 with a BOM, GB18030/GBK or Big5 bytes; None if none fits.

    Only the encoding is decided here: documents are then checked to be Chinese text, while
    statistics files (mostly digits and codes) are read as they are.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = [("utf-8-sig", data)]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = [("utf-16", data)]
    else:
        candidates = [("utf-8", data), ("gb18030", data), ("big5", data)]
    for encoding, payload in candidates:
        result = _strict_decode(payload, encoding)
        if result is not None:
            if encoding == "gb18030" and (big5 := _big5_reading(data, result[0])) is not None:
                encoding, result = "big5", big5
            return DecodedText(result[0], "utf-8" if encoding == "utf-8-sig" else encoding, result[1])
    return _decode_with_few_errors(data)


def _big5_reading(data: bytes, gb_text: str) -> tuple[str, bool] | None:
    """The Big5 decoding of bytes that GB18030 accepts (it accepts nearly any byte pairs), when they
    are Big5 text; else None.

    Both decode a Big5 file without error, the one into traditional Chinese, the other
    into nonsense; charset-normalizer tells them apart by how the text reads. A short text gives
    it too little to read: there the GB18030 reading's characters of the private use area tell
    (many Big5 byte pairs fall in GBK's user-defined areas; Chinese text has none of them).
    """
    big5 = _strict_decode(data, "big5")
    if big5 is None:
        return None
    if len(PRIVATE_USE.findall(gb_text)) > MAX_PRIVATE_USE_SHARE * len(gb_text):
        return big5
    best = charset_normalizer.from_bytes(data, cp_isolation=["gb18030", "big5"]).best()
    return big5 if best is not None and best.encoding == "big5" else None


def detect_and_decode(data: bytes) -> DecodedText:
    """Decode document bytes, or raise DocumentRejected saying why they are not a text document."""
    if not data or data.isspace():
        raise DocumentRejected("empty file")
    if data.startswith(b"%PDF"):
        raise DocumentRejected("a PDF file, not text: convert it to text first")
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise DocumentRejected("an Office/ZIP file, not text: convert it to text first")
    decoded = decode_bytes(data)
    if decoded is None:
        raise DocumentRejected(NOT_TEXT)
    check_is_chinese_text(decoded.text)
    return decoded


def _decode_with_few_errors(data: bytes) -> DecodedText | None:
    """Accept a document with a few corrupt bytes; the bad spots become U+FFFD, later marked mangled."""
    best = None
    for encoding in ("utf-8", "gb18030"):
        text = data.decode(encoding, errors="replace")
        bad = text.count("\ufffd")
        if bad <= MAX_REPLACED_SHARE * len(text) and (best is None or bad < best[1]):
            best = (DecodedText(text, encoding), bad)
    return None if best is None else best[0]


def check_is_chinese_text(text: str) -> None:
    """Refuse decoded text that is binary noise or not written in Chinese."""
    half = SAMPLE_CHARACTERS // 2
    sample = text if len(text) <= SAMPLE_CHARACTERS else text[:half] + text[-half:]
    ascii_characters = sample.encode("ascii", "ignore")
    controls = len(CONTROL.findall(ascii_characters))
    if controls > max(2, MAX_CONTROL_SHARE * len(sample)):
        raise DocumentRejected(f"binary content ({controls} control characters in the text)")
    latin = len(LATIN_LETTER.findall(ascii_characters))
    han = 0
    for run in HAN_RUN.finditer(sample):
        han += run.end() - run.start()
        # Enough Han characters to pass both tests below: more cannot fail them (the share only grows).
        if han >= MIN_HAN_CHARACTERS and not han / (han + latin) < MIN_HAN_SHARE:
            return
    if han < MIN_HAN_CHARACTERS:
        raise DocumentRejected(f"not Chinese text (only {han} Chinese characters)")
    if han / (han + latin) < MIN_HAN_SHARE:
        raise DocumentRejected(
            f"not Chinese text ({han} Chinese characters against {latin} Latin letters)")
