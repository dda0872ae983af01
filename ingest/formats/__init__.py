"""Document bytes in the formats governments publish, read into text for the parser.

The format is recognised from the bytes, never from the file name (`sniff.py`).
Each reader gives a `ReadDocument`: the text in reading order, with every table
written one row a line and its cells joined by `CELL_SEPARATOR`, so the table
reader sees real cells and never has to split digits that ran together. Rowspans
and colspans are expanded, so a header cell stands above every column it names.

    text (as before) | HTML (html.py) | DOCX (word.py) | PDF (pdf.py)
    | XLSX (sheets.py) | DOC, WPS, XLS, ODS, ODT (legacy.py: LibreOffice headless)
    | ZIP of any of these (archive.py: each member its own document)
"""

from __future__ import annotations

from ingest.formats.document import CELL_SEPARATOR, ReadDocument, read_document

__all__ = ["CELL_SEPARATOR", "ReadDocument", "read_document"]
