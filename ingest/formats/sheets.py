"""Spreadsheets (XLSX): every sheet's rows as a table, merged cells as spans.

A plan's 主要指标 table is often published as a workbook. Each sheet becomes its
name on a line, then its rows; a sheet without text is skipped and said so.
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

from ingest.formats.document import Cell, ReadDocument, located_table, table_lines
from ingest.records import DocumentRejected

MAX_CELLS = 2_000_000


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        # 58.0 is written 58; 1.1 stays 1.1 (not 1.1000000000000001).
        number = Decimal(repr(value))
        return str(int(number)) if number == number.to_integral_value() else format(number.normalize(), "f")
    if hasattr(value, "year") and hasattr(value, "month"):
        return f"{value.year}年{value.month}月{getattr(value, 'day', 1)}日"
    return str(value)


def read_xlsx(data: bytes) -> ReadDocument:
    """Every sheet of a workbook as lines of table rows."""
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise DocumentRejected(f"a workbook that cannot be opened ({type(error).__name__}: {error})") from None
    lines, notes, cells, located = [], [], 0, []
    for sheet in workbook.worksheets:
        cells += (sheet.max_row or 0) * (sheet.max_column or 0)
        if cells > MAX_CELLS:
            raise DocumentRejected(f"a workbook of more than {MAX_CELLS:,} cells")
        spans = {}
        covered = set()
        for merged in sheet.merged_cells.ranges:
            spans[(merged.min_row, merged.min_col)] = (merged.max_row - merged.min_row + 1,
                                                       merged.max_col - merged.min_col + 1)
            covered |= {(r, c) for r in range(merged.min_row, merged.max_row + 1)
                        for c in range(merged.min_col, merged.max_col + 1)} - {(merged.min_row, merged.min_col)}
        rows = []
        for row in sheet.iter_rows():
            out = []
            for cell in row:
                if (cell.row, cell.column) in covered:
                    continue
                rowspan, colspan = spans.get((cell.row, cell.column), (1, 1))
                out.append(Cell(_cell_text(cell.value), rowspan, colspan))
            rows.append(out)
        sheet_lines = table_lines(rows)
        if not sheet_lines:
            notes.append(f"sheet {sheet.title}: no text")
            continue
        lines += [sheet.title, *sheet_lines]
        located += located_table(sheet_lines, f"sheet {sheet.title}")
    workbook.close()
    if not lines:
        raise DocumentRejected("a workbook whose sheets hold no text")
    return ReadDocument("\n".join(lines), "xlsx", "utf-8", notes=notes, located=located)
