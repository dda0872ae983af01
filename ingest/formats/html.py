"""Web pages: the text of the page's content in reading order, its tables as tables.

The encoding comes from the bytes (a byte-order mark, else a strict decode, as
for text files) and, where the bytes fit several, from the page's `<meta>`.
Scripts, styles, navigation, forms and footers are dropped. A table that holds
tables is layout, and is walked as blocks; a table without tables inside is data
and is written row by row. gov.cn pages open with a metadata table (索引号,
发文机关, 成文日期, 发布日期): its label cells are joined to their values, so the
parser reads 发布日期：2018年12月02日 as it reads it in a text file.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from ingest.decoding import check_is_chinese_text, decode_bytes
from ingest.formats.document import Cell, ReadDocument, located_table, table_lines
from ingest.records import DocumentRejected

META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.I)
# Script and style bodies are removed before parsing: a page of 100 MB of script costs a regex pass.
SCRIPT_OR_STYLE = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.I | re.S)
DROPPED_TAGS = {"script", "style", "noscript", "template", "nav", "footer", "form", "select", "button",
                "iframe", "object", "svg", "head"}
# Class or id words of a page's chrome: menus, breadcrumbs, sharing bars, footers.
CHROME = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumb|crumb|footer|foot|share|toolbar|sidebar|topbar)"
                    r"(?:$|[\s_-])", re.I)
BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
              "article", "blockquote", "pre", "dd", "dt", "dl", "hr", "center", "tbody", "thead", "caption"}
ENCODING_NAMES = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "utf-8": "utf-8", "utf8": "utf-8",
                  "big5": "big5"}


def _decode(data: bytes) -> tuple[str, str]:
    """The page as text and the encoding it was decoded with."""
    declared = META_CHARSET.search(data[:8192])
    name = ENCODING_NAMES.get(declared.group(1).decode("ascii").lower()) if declared else None
    if name and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            pass  # the declaration is wrong: the bytes decide
    decoded = decode_bytes(data)
    if decoded is None:
        raise DocumentRejected("an HTML page in no known text encoding")
    return decoded.text, decoded.encoding


def _is_chrome(element) -> bool:
    if element.tag in DROPPED_TAGS:
        return True
    words = f"{element.get('class', '')} {element.get('id', '')}"
    return bool(words.strip()) and bool(CHROME.search(words))


def _span(element, name: str) -> int:
    try:
        return max(1, min(int(element.get(name, "1")), 1000))
    except ValueError:
        return 1


class _Walker:
    """Lines of text from an element tree, in document order."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []
        self.located: list[tuple[str, str]] = []
        self.tables = 0
        self.paragraphs = 0

    def flush(self) -> None:
        line = "".join(self.current).strip()
        if line:
            self.lines.append(line)
            self.paragraphs += 1
            self.located.append((line, f"paragraph {self.paragraphs}"))
        self.current = []

    def walk(self, element) -> None:
        if not isinstance(element.tag, str) or _is_chrome(element):
            # Comments and processing instructions: only their tail is text.
            if element.tail:
                self.current.append(element.tail)
            return
        tag = element.tag.lower()
        if tag == "table" and not element.xpath(".//table") and _is_data_table(element):
            self.flush()
            rows = table_lines(_table_rows(element))
            self.tables += 1
            self.lines.extend(rows)
            self.located.extend(located_table(rows, f"table {self.tables}"))
        else:
            if tag in BLOCK_TAGS:
                self.flush()
            if element.text:
                self.current.append(element.text)
            for child in element:
                self.walk(child)
            if tag in BLOCK_TAGS:
                self.flush()
        if element.tail:
            self.current.append(element.tail)


def _cell_text(cell) -> str:
    walker = _Walker()
    walker.walk(cell)
    walker.flush()
    return " ".join(walker.lines)


def _is_data_table(table) -> bool:
    """A table with a row of two cells holding text; a box of one cell a row is layout."""
    return any(sum(1 for cell in row if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th")
                   and cell.text_content().strip()) >= 2 for row in table.iter("tr"))


def _table_rows(table) -> list[list[Cell]]:
    rows = []
    for row in table.iter("tr"):
        rows.append([Cell(_cell_text(cell), _span(cell, "rowspan"), _span(cell, "colspan"))
                     for cell in row if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th")])
    return rows


def read_html(data: bytes) -> ReadDocument:
    """The text of a web page (or of a page's main block saved alone)."""
    text, encoding = _decode(data)
    text = SCRIPT_OR_STYLE.sub("", text)
    try:
        root = lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(
            remove_comments=True, remove_pis=True, no_network=True, huge_tree=False))
    except (etree.ParserError, ValueError) as error:
        raise DocumentRejected(f"an HTML page that cannot be parsed ({error})") from None
    title = root.findtext(".//title")
    walker = _Walker()
    body = root.find("body")
    walker.walk(body if body is not None else root)
    walker.flush()
    lines = walker.lines
    # A page's <title> is its document title only where the body does not open with one.
    if title and title.strip() and not lines:
        lines = [title.strip()]
    result = "\n".join(lines)
    check_is_chinese_text(result)
    return ReadDocument(result, "html", encoding, located=walker.located)
