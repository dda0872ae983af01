"""The read document and the dispatch from a sniffed format to its reader."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.decoding import detect_and_decode
from ingest.formats import sniff
from ingest.records import DocumentRejected

# Between the cells of a table row, as a line of text: the table reader splits on it.
CELL_SEPARATOR = " | "
# A page mark printed in the body of Word files and PDFs: —17—, - 3 -, 第3页, 3/13.
PAGE_MARK = re.compile(r"^\s*(?:[—–\-－]\s*\d{1,4}\s*[—–\-－]|第\s*\d{1,4}\s*页(?:\s*[,，/共]\s*共?\s*\d{1,4}\s*页)?"
                       r"|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})\s*$")
WRAP = re.compile(r"[ \t]*\n[ \t]*(?:(?<=[A-Za-z]\n)(?=[A-Za-z])())?")
SPACES = re.compile(r"[ \t\u3000\u00a0\u2002\u2003\u2009]+")
# A cell that labels the next one (发布日期：|2018年12月02日): the two are one statement.
LABEL_CELL = re.compile(r"[:：]\s*$")


@dataclass
class ReadDocument:
    """A document's text in reading order, the format it came in, and its members if it is an archive."""

    text: str
    format: str
    encoding: str
    members: list[tuple[str, ReadDocument]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    truncated_tail: bool = False
    # Lines of the text with where they sit in the file ("page 3", "table 2, row 4"): a record's
    # quote is looked up among them to say where its figure stands.
    located: list[tuple[str, str]] = field(default_factory=list)


def located_table(lines: list[str], where: str) -> list[tuple[str, str]]:
    """Each line of a table with its place: `where`, row n (the header row is row 1)."""
    return [(line, f"{where}, row {number}") for number, line in enumerate(lines, 1)]


def clean_cell(text: str) -> str:
    """A cell's text on one line, its spaces collapsed. A line break inside a cell is where a
    narrow column wrapped its text (2020年 / 实际值): the parts join without a space, except
    between two Latin words."""
    return SPACES.sub(" ", WRAP.sub(lambda m: " " if m.group(1) is not None else "", text)).strip()


@dataclass(frozen=True)
class Cell:
    """A table cell as the file gives it: its text and how many rows and columns it spans."""

    text: str
    rowspan: int = 1
    colspan: int = 1


def expand_spans(rows: list[list[Cell]]) -> list[list[tuple[str, bool]]]:
    """The grid a table shows: a cell spanning rows stands in each of them; a cell spanning
    columns fills each column, its copies marked True so a line names it once."""
    grid: list[list[tuple[str, bool]]] = []
    pending: dict[int, tuple[str, int]] = {}  # column -> (text, rows still covered)
    for row in rows:
        line: list[tuple[str, bool]] = []
        cells = iter(row)
        column = 0
        while True:
            if column in pending:
                text, left = pending[column]
                line.append((text, False))
                pending[column] = (text, left - 1)
                if left - 1 == 0:
                    del pending[column]
                column += 1
                continue
            cell = next(cells, None)
            if cell is None:
                break
            text = clean_cell(cell.text)
            for offset in range(max(1, cell.colspan)):
                line.append((text, offset > 0))
                if cell.rowspan > 1:
                    pending[column] = (text, cell.rowspan - 1)
                column += 1
        # Rows covered below the last cell of this row.
        while column in pending:
            text, left = pending.pop(column)
            line.append((text, False))
            if left > 1:
                pending[column] = (text, left - 1)
            column += 1
        grid.append(line)
    return grid


def table_lines(rows: list[list[Cell]]) -> list[str]:
    """A table as lines of text: one row a line, cells joined by CELL_SEPARATOR.

    Spans are expanded (expand_spans). A cell that labels the next (发布日期：) is
    joined to it. A table of one column, or whose rows each hold one text, is a
    layout box: its cells are paragraphs, not a table.
    """
    grid = [row for row in expand_spans(rows) if any(text for text, _ in row)]
    if not grid:
        return []
    if all(len({text for text, _ in row if text}) <= 1 for row in grid):
        return [next(text for text, _ in row if text) for row in grid]
    lines = []
    for row in grid:
        cells: list[str] = []
        for text, copy in row:
            if copy:
                continue
            if cells and LABEL_CELL.search(cells[-1]):
                cells[-1] += text
                continue
            cells.append(text)
        lines.append(CELL_SEPARATOR.join(cell for cell in cells if cell))
    return lines


def without_page_marks(lines: list[str]) -> list[str]:
    """Drop lines that are only a page mark."""
    return [line for line in lines if not PAGE_MARK.match(line)]


def read_document(data: bytes, depth: int = 0) -> ReadDocument:
    """Read document bytes of any supported format; raise DocumentRejected naming the reason."""
    # Imported here: each reader pulls in its library only when a file of its format comes.
    kind = sniff.sniff_format(data)
    if kind == sniff.TEXT:
        decoded = detect_and_decode(data)
        return ReadDocument(decoded.text, sniff.TEXT, decoded.encoding, truncated_tail=decoded.truncated_tail)
    if kind == sniff.HTML:
        from ingest.formats.html import read_html
        return read_html(data)
    if kind == sniff.PDF:
        from ingest.formats.pdf import read_pdf
        return read_pdf(data)
    if kind == sniff.DOCX:
        from ingest.formats.word import read_docx
        return read_docx(data)
    if kind == sniff.XLSX:
        from ingest.formats.sheets import read_xlsx
        return read_xlsx(data)
    if kind in (sniff.OLE, sniff.OPEN_DOCUMENT):
        from ingest.formats.legacy import read_legacy
        return read_legacy(data, kind)
    if kind == sniff.ZIP:
        from ingest.formats.archive import read_archive
        return read_archive(data, depth)
    raise DocumentRejected(f"unknown format {kind}")
