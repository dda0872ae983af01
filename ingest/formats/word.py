"""Word documents (DOCX): paragraphs and tables of the body in order.

python-docx opens the package; a package it refuses (a part missing or
misnamed, as in real files saved by WPS or pasted from the web) is read from
its `word/document.xml` directly. Both go through the same walk over the body's
XML, which never resolves entities, loads a DTD or touches the network.
Headers and footers live in their own parts and are never read; page marks
typed into the body (—17—) are dropped. Text boxes are read once (their
fallback copy for old Word versions is skipped).
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from ingest.decoding import check_is_chinese_text
from ingest.formats.archive import bounded_read
from ingest.formats.document import Cell, ReadDocument, located_table, table_lines, without_page_marks
from ingest.records import DocumentRejected

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
TAG = {name: f"{{{W}}}{name}" for name in ("p", "tbl", "tr", "tc", "t", "tab", "br", "cr", "gridSpan", "vMerge",
                                          "tcPr", "sdt", "sdtContent", "body", "del", "instrText")}
FALLBACK = f"{{{MC}}}Fallback"
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _body_from_python_docx(data: bytes):
    import docx  # python-docx: a package it opens is a well-formed Word file

    return docx.Document(io.BytesIO(data)).element.body


def _body_from_xml(data: bytes):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            xml = bounded_read(package, "word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError, EOFError) as error:
        raise DocumentRejected(f"a DOCX file that cannot be opened ({error})") from None
    try:
        root = etree.fromstring(xml, SAFE_XML)
    except etree.XMLSyntaxError as error:
        raise DocumentRejected(f"a DOCX file whose text part is broken ({error})") from None
    body = root.find(TAG["body"])
    if body is None:
        raise DocumentRejected("a DOCX file without a document body")
    return body


def _paragraph_text(paragraph) -> str:
    parts = []
    for element in paragraph.iter():
        if element.tag == FALLBACK:
            continue
        if any(ancestor.tag in (FALLBACK, TAG["del"]) for ancestor in element.iterancestors()):
            continue
        if element.tag == TAG["t"] and element.text:
            parts.append(element.text)
        elif element.tag == TAG["tab"]:
            parts.append(" ")
        elif element.tag in (TAG["br"], TAG["cr"]):
            parts.append("\n")
    return "".join(parts)


def _cell_properties(cell) -> tuple[int, str | None]:
    properties = cell.find(TAG["tcPr"])
    if properties is None:
        return 1, None
    span = properties.find(TAG["gridSpan"])
    merge = properties.find(TAG["vMerge"])
    colspan = int(span.get(f"{{{W}}}val", "1")) if span is not None else 1
    merged = None if merge is None else merge.get(f"{{{W}}}val", "continue")
    return max(1, min(colspan, 1000)), merged


def _table_rows(table) -> list[list[Cell]]:
    """Rows with vertical merges turned into rowspans: a `continue` cell belongs to the cell above."""
    grid: list[list[tuple[str, int, str | None]]] = []
    for row in table.iter(TAG["tr"]):
        if any(ancestor.tag == TAG["tbl"] and ancestor is not table for ancestor in row.iterancestors()):
            continue  # a row of a nested table is read with its own cell
        cells = []
        for cell in row:
            if cell.tag == TAG["sdt"]:
                cell = cell.find(f".//{TAG['tc']}")
            if cell is None or cell.tag != TAG["tc"]:
                continue
            text = "\n".join(_paragraph_text(p) for p in cell.iter(TAG["p"]))
            colspan, merged = _cell_properties(cell)
            cells.append((text, colspan, merged))
        grid.append(cells)
    # Columns by grid position, to find the cell a `continue` merges into.
    rows: list[list[Cell]] = []
    starts: dict[int, tuple[int, int]] = {}  # grid column -> (row index, cell index) of the merge's first cell
    spans: dict[tuple[int, int], int] = {}
    for row_index, cells in enumerate(grid):
        out: list[Cell | None] = []
        column = 0
        for text, colspan, merged in cells:
            if merged == "continue" and column in starts:
                first = starts[column]
                spans[first] = spans.get(first, 1) + 1
                out.append(None)
            else:
                if merged == "restart":
                    starts[column] = (row_index, len(out))
                else:
                    starts.pop(column, None)
                out.append(Cell(text, 1, colspan))
            column += colspan
        rows.append(out)
    for (row_index, cell_index), rowspan in spans.items():
        cell = rows[row_index][cell_index]
        rows[row_index][cell_index] = Cell(cell.text, rowspan, cell.colspan)
    return [[cell for cell in row if cell is not None] for row in rows]


def _body_lines(body, located: list[tuple[str, str]], counts: dict[str, int]) -> list[str]:
    """The body's lines in order; each paragraph and table row is also put in `located` with its
    place (paragraph n; table n, row m), `counts` numbering them."""
    lines: list[str] = []
    for element in body:
        if element.tag == TAG["sdt"]:
            content = element.find(TAG["sdtContent"])
            lines.extend(_body_lines(content, located, counts) if content is not None else [])
        elif element.tag == TAG["p"]:
            text = _paragraph_text(element).strip()
            if text:
                counts["paragraph"] += 1
                located.append((text, f"paragraph {counts['paragraph']}"))
            lines.extend(line.strip() for line in text.split("\n"))
        elif element.tag == TAG["tbl"]:
            rows = table_lines(_table_rows(element))
            counts["table"] += 1
            located.extend(located_table(rows, f"table {counts['table']}"))
            lines.extend(rows)
    return [line for line in lines if line]


def read_docx(data: bytes) -> ReadDocument:
    """The text of a DOCX file, tables written row by row."""
    notes = []
    try:
        body = _body_from_python_docx(data)
    except Exception as refused:  # python-docx raises many kinds for a damaged package  # noqa: BLE001
        body = _body_from_xml(data)
        notes.append(f"python-docx refused the package ({type(refused).__name__}); read from its XML")
    located: list[tuple[str, str]] = []
    text = "\n".join(without_page_marks(_body_lines(body, located, {"paragraph": 0, "table": 0})))
    check_is_chinese_text(text)
    return ReadDocument(text, "docx", "utf-8", notes=notes, located=located)
