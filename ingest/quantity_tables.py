"""Tables of one column of quantities: 指标 | 单位 | 数量, the form of 民政 statistical reports.

Civil-affairs departments publish their monthly and quarterly statistics (社会服务统计月报,
季报, 民政统计数据) as a list of indicators, each with its unit and its quantity:

    指 标 单 位 数 量
    每千老年人口养老床位数 张/千人 24.5
    养老机构床位万张11.3

The header says the form; a row counts when its label is an indicator's wording from its
first character (为老年人与残疾人提供服务床位数 is not 养老床位), its unit cell is one of
the indicator's units (万 scaling it), and the quantity is plausible in that unit. Every
figure is a result of the period the report covers (the document's present): a row of
another column (上年数据, 同比) is never read, as only the first number after the unit is.
"""

from __future__ import annotations

import re

from ingest.catalogue import Catalogue
from ingest.numbers import MULTIPLIER_RE, NUMBER, parse_number
from ingest.tables import TableFigure

# A statistical bulletin's table is the same form: 指标 | 计量单位 | 绝对量 (绝对数, or the year) | 比上年增长(%).
HEADER = re.compile(
    r"^[^\n]{0,20}?指\s*标(?:\s*名\s*称)?\s*\|?\s*(?:计\s*量\s*)?单\s*位\s*\|?[^\n]{0,20}?"
    r"(?:数\s*量|数\s*值|本\s*期|本\s*月|合\s*计|绝\s*对\s*[数量]|(?P<year>\d{4})\s*年(?![^\n]*\d{4}\s*年))", re.M)
ROW = re.compile(r"^[ \t\u3000|]*(?:[(（]?[\d一二三四五六七八九十]{1,3}[.、)）]\s*)?(?P<label>[^\n]*)$", re.M)
# Rows this far below the header still belong to its table.
MAX_TABLE_CHARACTERS = 20_000


def quantity_table_figures(text: str, catalogue: Catalogue, year: int | None,
                           notes: list[str]) -> list[TableFigure]:
    """Figures of the 指标 | 单位 | 数量 tables of a text, dated `year` (the report's period) unless the
    quantity column is headed by its own year."""
    figures: list[TableFigure] = []
    for header in HEADER.finditer(text):
        end = min(len(text), header.end() + MAX_TABLE_CHARACTERS)
        following = HEADER.search(text, header.end())
        if following:
            end = min(end, following.start())
        # A column headed by its year (指标名称 计量单位 2023年 比上年增长%) is that year's.
        stated = int(header.group("year")) if header.group("year") else year
        for row in ROW.finditer(text, header.end(), end):
            figure = _row_figure(row, catalogue, stated, notes)
            if figure is not None:
                figures.append(figure)
    return figures


def _row_figure(row: re.Match, catalogue: Catalogue, year: int | None, notes: list[str]) -> TableFigure | None:
    label = row.group("label")
    found = [m for m in catalogue.find(label) if m.start == 0]
    if not found:
        return None
    wording = max(found, key=lambda m: m.end)
    for indicator in wording.indicators:
        unit = indicator.unit
        words = "|".join(sorted({re.escape(w) for w in (*unit.words, unit.zh)}, key=len, reverse=True))
        cell = re.match(rf"\s*\|?\s*(?P<mult>{MULTIPLIER_RE})?(?P<unit>{words})\s*\|?\s*(?P<value>{NUMBER})(?![\d.])",
                        label[wording.end:])
        if cell is None:
            continue
        number = parse_number(cell.group("value"))
        if number is None:
            continue
        value = unit.quantity(number, cell.group("mult"), cell.group("unit"))
        if not unit.accepts(value):
            continue
        if year is None:
            notes.append(f"'{wording.text}' {value} in a 指标/单位/数量 table: the report's period "
                         "could not be decided, not taken")
            return None
        quote = re.sub(r"\s+", " ", label.replace("|", " ")).strip()
        return TableFigure(indicator=indicator, label=wording.text, year=year, kind="actual", value=value,
                           binding=None, quote=quote, start=row.start())
    return None
