"""PDF with a text layer (pdfplumber), and scanned PDF by OCR (Tesseract, simplified Chinese).

A PDF holds positioned lines, not sentences. Lines are joined back into
paragraphs: a line that runs to the right margin continues on the next line
unless that one is indented (a new paragraph), and the last full line of a page
continues on the next page. Lines repeated at the top or bottom of most pages
(running headers, footers) and page numbers (- 1 -) are dropped. Ruled tables
are read as tables (pdfplumber's table finder) and their text is not read again
as prose. The spaces a PDF leaves between a number and the Chinese around it
(常住人口 866.60 万人) are removed, so a figure is read whole.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from ingest.decoding import check_is_chinese_text
from ingest.formats.document import PAGE_MARK, Cell, ReadDocument, table_lines
from ingest.records import DocumentRejected

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A space with a Chinese character on one side and a Chinese character, digit or sign on the other.
SPACE_BY_HAN = re.compile(rf"(?<=[{HAN}，。、；：%（）“”])\s+(?=[{HAN}\d(（“])"
                          rf"|(?<=[\d.%)）”])\s+(?=[{HAN}，。、；：（）])")
DIGITS = re.compile(r"\d+")
# A line ends within this many points of the right margin when it runs on to the next.
RIGHT_MARGIN_SLACK = 18
# A line starting this many points right of the left margin opens a paragraph.
INDENT = 8
# Running headers and footers sit in this share of the page's height at its top or bottom.
MARGIN_BAND = 0.09
OCR_LANGUAGE = "chi_sim"
OCR_DPI = 300
# An OCR line at least this share of the page's longest line is a full line that runs on.
OCR_FULL_LINE = 0.8
OCR_INSTALL = "apt-get install tesseract-ocr tesseract-ocr-chi-sim"
MAX_PAGES = 2_000


def _compact(text: str) -> str:
    return SPACE_BY_HAN.sub("", text).strip()


def _page_items(page) -> list[dict]:
    """A page's lines outside its tables (text, x0, x1, top, and `edge`: the digit-blind text of
    a line in the top or bottom band, else None) and its tables (lines of rows), top to bottom.
    Page marks are dropped here; running headers once all pages are read (_without_running)."""
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]

    def outside(obj) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    body = page.filter(outside) if boxes else page
    band = MARGIN_BAND * page.height
    items = []
    for line in body.extract_text_lines(strip=True, return_chars=False):
        text = _compact(line["text"])
        if not text or PAGE_MARK.match(text):
            continue
        at_edge = line["top"] < band or line["bottom"] > page.height - band
        items.append({"text": text, "x0": line["x0"], "x1": line["x1"], "top": line["top"],
                      "edge": DIGITS.sub("#", text) if at_edge else None})
    for table in tables:
        rows = [[Cell(cell or "") for cell in row] for row in table.extract()]
        items.append({"table": table_lines(rows), "top": table.bbox[1]})
    items.sort(key=lambda item: item["top"])
    return items


def _without_running(pages: list[list[dict]]) -> list[list[dict]]:
    """The pages without their running headers and footers: lines at a page's top or bottom edge
    that recur on at least half of the pages (digits ignored, so 第3页 matches 第4页)."""
    counts = Counter(edge for page in pages for edge in {item.get("edge") for item in page} if edge)
    running = {edge for edge, count in counts.items() if len(pages) >= 3 and count >= len(pages) / 2}
    return [[item for item in page if item.get("edge") not in running] for page in pages]


def _paragraphs(pages: list[list[dict]]) -> list[tuple[str, str]]:
    """Lines joined into paragraphs across line and page breaks, each with the page it starts on."""
    items = [{**line, "page": number} for number, page in enumerate(pages, 1) for line in page]
    body = [line for line in items if "text" in line]
    if not body:
        return [(row, f"page {item['page']}, table, row {n}")
                for item in items for n, row in enumerate(item["table"], 1)]
    left = min(line["x0"] for line in body)
    right = Counter(round(line["x1"]) for line in body).most_common(1)[0][0]
    right = max(right, max(round(line["x1"]) for line in body if line["x1"] <= right + RIGHT_MARGIN_SLACK))
    paragraphs: list[list[str]] = []
    open_line = False
    for line in items:
        if "table" in line:
            paragraphs.extend([row, f"page {line['page']}, table, row {n}"] for n, row in enumerate(line["table"], 1))
            open_line = False
            continue
        indented = line["x0"] > left + INDENT
        if open_line and not indented and paragraphs:
            paragraphs[-1][0] += line["text"]
        else:
            paragraphs.append([line["text"], f"page {line['page']}"])
        open_line = line["x1"] >= right - RIGHT_MARGIN_SLACK and not line["text"].endswith(("。", "：", ":"))
    return [(text, where) for text, where in paragraphs]


def _printed_width(line: str) -> float:
    """A line's width in em as printed: digits and Latin letters are half as wide as Chinese
    characters and the punctuation OCR gives back in ASCII (, for ，)."""
    half = sum(1 for c in line if c.isascii() and (c.isalnum() or c in ".% "))
    return len(line) - half / 2


def _joined_ocr_lines(lines: list[str]) -> list[str]:
    """OCR lines joined into paragraphs: a line nearly as long as the page's longest runs on."""
    if not lines:
        return []
    full = max(map(_printed_width, lines))
    paragraphs = [lines[0]]
    for previous, line in zip(lines, lines[1:], strict=False):
        if _printed_width(previous) >= OCR_FULL_LINE * full and not previous.endswith(("。", "：", ":")):
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
    return paragraphs


def _ocr(data: bytes, pages: int) -> list[tuple[str, str]]:
    """The text of a scanned PDF by Tesseract, page by page; refused when Tesseract or its Chinese model is missing."""
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        raise DocumentRejected(f"a PDF without a text layer (scanned); reading it needs OCR: {OCR_INSTALL}")
    languages = subprocess.run([tesseract, "--list-langs"], capture_output=True, text=True).stdout.split()
    if OCR_LANGUAGE not in languages:
        raise DocumentRejected(f"a PDF without a text layer; Tesseract lacks its Chinese model: {OCR_INSTALL}")
    import pypdfium2  # installed with pdfplumber

    located: list[tuple[str, str]] = []
    document = pypdfium2.PdfDocument(data)
    with tempfile.TemporaryDirectory(prefix="minzheng-ocr-") as folder:
        for number in range(min(pages, len(document))):
            image = Path(folder) / f"page-{number + 1}.png"
            document[number].render(scale=OCR_DPI / 72).to_pil().save(image)
            # One thread per page: Tesseract's own threads only fight each other on small pages.
            done = subprocess.run([tesseract, str(image), "stdout", "-l", OCR_LANGUAGE, "--psm", "6"],
                                  capture_output=True, text=True, timeout=300,
                                  env={**os.environ, "OMP_THREAD_LIMIT": "1"})
            if done.returncode != 0:
                raise DocumentRejected(f"OCR failed on page {number + 1}: {done.stderr.strip()[:200]}")
            lines = [_compact(line) for line in done.stdout.split("\n")]
            paragraphs = _joined_ocr_lines([line for line in lines if line and not PAGE_MARK.match(line)])
            located += [(paragraph, f"page {number + 1}") for paragraph in paragraphs]
    document.close()
    return located


def read_pdf(data: bytes) -> ReadDocument:
    """The text of a PDF: its text layer joined into paragraphs, its ruled tables row by row."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        page_count = len(pdf.pages)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise DocumentRejected("an encrypted PDF (it needs a password)") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as error:
        raise DocumentRejected(f"a damaged PDF ({type(error).__name__}: {str(error)[:120]})") from None
    except Exception as error:  # pdfminer raises its own kinds for broken files  # noqa: BLE001
        if "password" in str(error).lower() or "encrypt" in str(error).lower():
            raise DocumentRejected("an encrypted PDF (it needs a password)") from None
        raise DocumentRejected(f"a PDF that cannot be opened ({type(error).__name__})") from None
    with pdf:
        if page_count > MAX_PAGES:
            raise DocumentRejected(f"a PDF of {page_count:,} pages (limit {MAX_PAGES:,})")
        try:
            if not any(page.chars for page in pdf.pages):
                located = _ocr(data, page_count)
                text = "\n".join(paragraph for paragraph, _ in located)
                check_is_chinese_text(text)
                return ReadDocument(text, "pdf", "ocr", notes=["no text layer: read by OCR"], located=located)
            pages = []
            for page in pdf.pages:
                pages.append(_page_items(page))
                page.flush_cache()
        except DocumentRejected:
            raise
        except Exception as error:  # noqa: BLE001
            raise DocumentRejected(f"a PDF whose pages cannot be read ({type(error).__name__})") from None
    located = _paragraphs(_without_running(pages))
    text = "\n".join(paragraph for paragraph, _ in located)
    check_is_chinese_text(text)
    return ReadDocument(text, "pdf", "utf-8", located=located)
