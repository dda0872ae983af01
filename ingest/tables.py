"""Indicator tables, including flattened ones whose cells run together (586070 for 58 | 60 | 70).

A table is recognised by its header: 序号/指标 followed by year or period columns
(2020年实际值, 2025年目标值, “十三五”目标数). The header says which column is which
year and kind, and whether a unit column, an attribute column (约束性/预期性) or a
basis column stands beside the values. Each row is read as row number, label
(with its unit), attribute, the value cells, and whatever follows; the next row's
number may be glued to the last cell.

Run-together cells are split only when the split is certain: every candidate
split must respect the unit (a percent is at most 100, a count is whole), and
among several candidates one must be confirmed by the same figure stated
elsewhere in the document, or be far more regular than the rest (58 | 60 | 70
rather than 5 | 860 | 70). Otherwise the row yields nothing and a note says why:
a wrong number is worse than a missing one.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal

from ingest.catalogue import Catalogue, Indicator
from ingest.numbers import PERIODS, comparator_after, comparator_before, is_year

# Where a header may begin; parse_header decides whether a table follows (two year columns at least).
# A bilingual yearbook's header may have only its English word (Item 2005 2006 2006年比).
HEADER_START = re.compile(r"序号|主要指标|指标名称|统计项目|(?:^|(?<=\n))[ \t]*(?:项\s*目|指\s*标|Item)(?=[\s|｜])")
HEADER_WORD = re.compile(
    r"\s+|[|｜/]|序号|主要指标|指标名称|指标属性|指标性质|指标依据|指标类别|指\s*标|项\s*目|计量单位|单位|属性|性质"
    r"|类别|备注|领域|类型|Item"
)
# A base-year estimate (预计) is an actual only up to the plan's base year; see _column_kind.
ESTIMATE_WORDS = "预计值|预计"
ACTUAL_WORDS = f"实际值|实际数|实际|完成情况|完成值|完成数|现状值|现状|基数|基期值|基准值|{ESTIMATE_WORDS}"
TARGET_WORDS = "目标值|目标数|目标|规划值|规划目标|预期值|预期目标"
COLUMN = re.compile(
    rf"“?(?P<period>十[一二三四五六]五)”?(?:期末|末)?(?P<pkind>{ACTUAL_WORDS}|{TARGET_WORDS})?"
    rf"|(?P<year>\d{{4}}) ?年(?:末|底)? ?(?P<ykind>{ACTUAL_WORDS}|{TARGET_WORDS})?"
    # A year without 年, as a yearbook heads its columns (Item | 2007 | 2008): a cell of its own.
    r"|(?P<bare>\d{4})(?=[ \t]*[|｜\n]|[ \t]+\d{4})"
    # The kind first, the year in brackets: 现状值（2020年）, 目标值（2025年）.
    rf"|(?P<kfirst>{ACTUAL_WORDS}|{TARGET_WORDS})[(（](?P<kyear>\d{{4}})年?(?:末|底)?[)）]"
)
# A column of the change between the year columns (比上年增长(%), 2008年比2007年增减%, as statistical
# yearbooks and bulletins add after them): it holds a cell of each row and gives no figure.
CHANGE_COLUMN = re.compile(
    r"(?:\d{4}\s*年?\s*比[\s|｜]*(?:\d{4}\s*年?)?|比上年|较上年|同比)?[\s|｜]*"
    r"(?:(?:增减|增长|增速|增幅|增加)(?:率|幅度)?[\s|｜]*(?:[(（]\s*%\s*[)）]|%)?)?"
    # The bilingual yearbook's English under it: Change in 2008 over 2007, Increase of 2006 over.
    r"(?:[\s|｜]*(?:Change in|Increase of)[\s|｜]*\d{4}\s*over(?:[\s|｜]*\d{4}(?!\s*[.\d]))?)?")
CHANGE = "change"
BINDING_WORDS = {"约束性": "binding", "预期性": "expected"}
# A header's second row of kind words under its years, and the rule line under a header written as markdown.
KIND_ROW = re.compile(rf"(?:[\s|｜]*(?:{ACTUAL_WORDS}|{TARGET_WORDS}))+[ \t|｜]*(?=\n)")
MARKDOWN_RULE = re.compile(r"[\s|｜]*(?::?-{3,}:?[ \t]*[|｜][ \t]*)+(?::?-{3,}:?)?[ \t|｜]*(?=\n|$)")
ATTRIBUTE = re.compile(r"\s*(约束性|预期性)")
# A cell may carry its bound and its unit (≥60, 45以上, >90, 48%, 40张, ＞22件): such a cell stands
# alone, never split, and its unit must be the row's indicator's.
CELL_BOUND_BEFORE = "≥|≤|>=|<=|>|<"
CELL_BOUND_AFTER = "及以上|以上|及以下|以下|左右"


@dataclass(frozen=True)
class CellPatterns:
    """How a row's cells are written, with the unit words a cell may carry."""

    # The run of cells after a row's label: numbers, dashes for empty cells, and whatever separates
    # cells in a copied table (spaces, tabs, line breaks, | bars).
    values: re.Pattern
    chunk: re.Pattern  # one part of the run: bound, number, unit, bound
    unit_after_space: re.Pattern  # the space between a number and its unit (16 件)


@functools.lru_cache(maxsize=8)
def cell_patterns(unit_words: str = "") -> CellPatterns:
    """The cell patterns for a catalogue's unit words (Catalogue.table_unit_words); none by default."""
    unit = rf"(?:\s?(?:{unit_words}))?" if unit_words else ""
    # A marked cell ends where a cell ends; glued text (低保标准城乡一体化程度(%)1001001004万人拥有……) is
    # digits only, the next row's label taking its words back.
    marked = rf"(?:{CELL_BOUND_BEFORE})?[\d.]+{unit}(?:{CELL_BOUND_AFTER})?(?=[\s|｜]|$|约束性|预期性)"
    return CellPatterns(
        values=re.compile(rf"(?:{marked}|[\d.]+|[—–\-/](?=[\s\d—–\-/|｜]|$)|[\s|｜]+)+"),
        chunk=re.compile(rf"(?P<before>{CELL_BOUND_BEFORE})?(?P<number>[\d.]+)"
                         rf"(?P<unit>{unit_words or '(?!)'})?(?P<after>{CELL_BOUND_AFTER})?"),
        unit_after_space=re.compile(rf"(?<=\d)\s(?={unit_words or '(?!)'})"),
    )
CELL_SEPARATORS = re.compile(r"[\s|｜]+")
# A dash standing for an empty cell, between separators, and the characters that set cells apart.
EMPTY_CELL = re.compile(r"[—–]+(?=[\s|｜])")
CELL_GAP = " \t|｜\n"
# The English a bilingual yearbook writes after a row's Chinese label (社会组织总数(万个) Number of NGOs
# (10000 units)): not part of the label, whose unit is then its last bracket again.
ENGLISH_LABEL = re.compile(r"(?<=[\u4e00-\u9fff)）])\s*[A-Za-z][A-Za-z0-9 ,.()'&/-]*$")
# A bilingual yearbook's section row (一、社会组织 NGO), read into the label of the row under it.
SECTION_ROW = re.compile(r"^[一二三四五六七八九十]+、[\u4e00-\u9fff]+[\s|｜]*[A-Za-z][A-Za-z ]*[\s|｜]*"
                         r"(?=[\u4e00-\u9fff])")
LABEL_UNIT = re.compile(r"[(（](?P<unit>[^()（）]{0,8})[)）]\s*$")
# A cell: 0, a whole number without a leading zero, or a number with at most two decimals.
CELL = re.compile(r"(?:0|[1-9]\d*)(?:\.\d{1,2})?")
SUB_ROW = re.compile(r"\s*其中[:：]?")
# The mark after a row's number inside its label cell (6.养老机构护理型床位占比 |).
ROW_MARK = "[.、．]"
# How far past a row that cannot be read the next numbered row is looked for: a few cells of words.
NUMBERED_ROW_REACH = 200
# A category cell before a row's number (养老服务 | 1 | 养老机构护理型床位占比 | …), written on the
# first row of its group only.
CATEGORY_CELL = r"(?:[\u4e00-\u9fff]{2,8}[\s|｜]+)?"
MAX_LABEL = 60
# A split is "far more regular" when its max/min ratio is at least this many times smaller
# than any other's, and itself at most MAX_REGULAR_RATIO: one indicator's cells across a
# plan's columns rarely differ more than fourfold.
REGULARITY_MARGIN = math.log(3)
MAX_REGULAR_SPREAD = math.log(4)


@dataclass(frozen=True)
class Column:
    year: int
    kind: str
    label: str


@dataclass
class TableRow:
    start: int
    end: int
    label: str
    unit_word: str | None
    binding: str | None
    cells: str
    # Alternative readings of the value run: without and with a glued next-row number.
    runs: list[str] = field(default_factory=list)
    # Cells set apart by bars or tabs (44.28 | ≥55 |): each part is one cell, never cut into several.
    delimited: bool = False


@dataclass
class Table:
    start: int
    end: int
    header: str
    columns: list[Column]
    rows: list[TableRow]


@dataclass(frozen=True)
class TableFigure:
    indicator: Indicator
    label: str
    year: int
    kind: str
    value: Decimal
    binding: str | None
    quote: str
    start: int
    comparator: str = "="


def _column_kind(year: int, word: str | None, base_year: int | None) -> str:
    if word and re.fullmatch(ESTIMATE_WORDS, word):
        # A base-year "estimate" column (预计) is the plan's reported result for that year.
        return "actual" if base_year is None or year <= base_year else "target"
    if word and re.fullmatch(ACTUAL_WORDS, word):
        return "actual"  # 2020年实际值: what the column says, whatever year the text is taken to plan from
    if word and re.fullmatch(TARGET_WORDS, word):
        return "target"
    return "actual" if base_year is not None and year <= base_year else "target"


def parse_header(text: str, start: int, base_year: int | None) -> tuple[int, list[Column], bool] | None:
    """(end, columns, has basis column) of a header starting at `start`, or None if it is no table header."""
    position, columns, basis = start, [], False
    while position < len(text):
        word = HEADER_WORD.match(text, position)
        if word and word.end() > position:
            basis = basis or "依据" in word.group(0) or "备注" in word.group(0)
            position = word.end()
            continue
        change = _change_column_at(text, position) if len(columns) >= 2 else None
        if change:
            columns.append(Column(0, CHANGE, change.group(0)))
            position = change.end()
            continue
        column = COLUMN.match(text, position)
        if column and column.end() > position:
            if column.group("period"):
                year, kind_word = PERIODS[column.group("period")][1], column.group("pkind")
            elif column.group("kfirst"):
                year, kind_word = int(column.group("kyear")), column.group("kfirst")
                if not is_year(year):
                    return None
            else:
                year, kind_word = int(column.group("year") or column.group("bare")), column.group("ykind")
                if not is_year(year):
                    return None
            columns.append(Column(year, _column_kind(year, kind_word, base_year), column.group(0)))
            position = column.end()
            continue
        break
    if len([c for c in columns if c.kind != CHANGE]) < 2:
        return None
    kinds = KIND_ROW.match(text, position)
    words = re.findall(rf"{ACTUAL_WORDS}|{TARGET_WORDS}", kinds.group(0)) if kinds else []
    if len(words) == len(columns):
        # A second header row names each year column's kind (2020年 | 2025年 / 基期值 | 目标值).
        columns = [Column(c.year, _column_kind(c.year, word, base_year), c.label + word)
                   for c, word in zip(columns, words, strict=True)]
        position = kinds.end()
    rule = MARKDOWN_RULE.match(text, position)
    return (rule.end() if rule else position), columns, basis


def _change_column_at(text: str, position: int) -> re.Match | None:
    """The header of a change column at `position`: a change word with its base or unit (比上年增长,
    增减%, 增长率), or a comparison the English spells out (2006年比 / Increase of 2006 over)."""
    change = CHANGE_COLUMN.match(text, position)
    if change is None:
        return None
    words = change.group(0)
    said = ("增" in words and re.search(r"比|%|率", words)) or re.search(r"比.*over", words, re.S)
    return change if said else None


def _read_label(text: str, position: int) -> tuple[int, str] | None:
    """The row label from `position` to the first digit outside brackets."""
    depth, end = 0, position
    # Cell separators and line breaks do not count: a copied table may give each cell a line
    # (社会组织总数(万个) |\nNumber of NGOs (10000 units) |\n38.7 |).
    while end < len(text) and end - position <= MAX_LABEL * 2:
        char = text[end]
        if char in "(（":
            depth += 1
        elif char in ")）":
            depth = max(0, depth - 1)
        elif depth == 0 and (char.isdigit() or EMPTY_CELL.match(text, end) and text[end - 1 : end] in CELL_GAP):
            break  # the first cell: a number, or a dash for an empty one (节地生态安葬率(%) | — | 80)
        elif char in "。;；":
            return None
        end += 1
    label = CELL_SEPARATORS.sub("", text[position:end])
    if len(label) > MAX_LABEL or not re.search(r"[\u4e00-\u9fff]", label):
        return None
    return end, label


# The patterns of row `number` (compiled once per number: re's own cache is shared with every
# other pattern of the parser and cannot hold them all, and each costs milliseconds to compile).
@functools.lru_cache(maxsize=256)
def _row_number_pattern(number: int) -> re.Pattern:
    return re.compile(rf"[\s|｜]*{CATEGORY_CELL}{number}{ROW_MARK}?[\s|｜]*(?=[\u4e00-\u9fff“(（])")


@functools.lru_cache(maxsize=256)
def _row_ahead_pattern(number: int, marked: bool) -> re.Pattern:
    opening = rf"{number}{ROW_MARK}" if marked else rf"(?<=\n)[ \t|｜]*{CATEGORY_CELL}{number}[ \t|｜]+"
    return re.compile(rf"(?:^|(?<=[\s|｜])){opening}(?=[\u4e00-\u9fff“(（])")


def _next_row_number(text: str, position: int, number: int) -> int | None:
    """Offset after the next row's number if the text continues with it, else None."""
    match = _row_number_pattern(number).match(text, position)
    return match.end() if match else None


def _numbered_row_ahead(text: str, position: int, number: int, marked: bool) -> int | None:
    """Offset after the number of row `number` within the next few cells, written with its mark
    (6.养老机构护理型床位占比) or opening a line: a row with a cell of words (城市:13.5 | 不低于……增速;
    50 | 达到60) is passed over, and the rows after it are still read."""
    match = _row_ahead_pattern(number, marked).search(text, position, position + NUMBERED_ROW_REACH)
    return match.end() if match else None


FIRST_ROW_NUMBER = re.compile(rf"[\s|｜]*{CATEGORY_CELL}1(?P<mark>{ROW_MARK})?[\s|｜]*(?=[\u4e00-\u9fff“(（])")


def parse_rows(text: str, position: int, has_basis: bool, catalogue: Catalogue) -> tuple[int, list[TableRow]]:
    header_unit, cells_written = catalogue.header_unit, cell_patterns(catalogue.table_unit_words)
    rows: list[TableRow] = []
    number = 1
    first = FIRST_ROW_NUMBER.match(text, position)
    numbered, marked = first is not None, bool(first and first.group("mark"))
    if first:
        position = first.end()
        number = 2
    while True:
        label_read = _read_label(text, position)
        values = label_read and cells_written.values.match(text, label_read[0])
        if not values or not re.search(r"\d", values.group(0)):
            skipped = _numbered_row_ahead(text, position, number, marked) if numbered else None
            if skipped is None:
                break
            position, number = skipped, number + 1  # a row of words (城市:13.5 | 不低于……增速)
            continue
        label_end, label = label_read
        cells = CELL_SEPARATORS.sub(" ", cells_written.unit_after_space.sub("", values.group(0))).strip()
        end = values.end()
        label, binding = ENGLISH_LABEL.sub("", SECTION_ROW.sub("", label)).strip(), None
        attribute = re.search(r"(约束性|预期性)$", label)
        if attribute:
            binding, label = BINDING_WORDS[attribute.group(1)], label[: attribute.start()]
        after = ATTRIBUTE.match(text, end)
        if after:
            binding, end = BINDING_WORDS[after.group(1)], after.end()
        unit_word = None
        unit = LABEL_UNIT.search(label) or header_unit.search(label)
        if unit:
            unit_word = unit.group("unit") or None
            label = label[: unit.start()].strip()
        row = TableRow(start=position, end=end, label=label, unit_word=unit_word, binding=binding,
                       cells=cells, runs=[cells], delimited=bool(re.search(r"[|｜\t]", values.group(0))))
        rows.append(row)
        if has_basis:
            # The basis column is free text; it ends where the next row's number begins.
            following = re.compile(rf"(?<![\d\-—〔(（]){number}(?=[\u4e00-\u9fff“《(（])")
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            found = following.search(text, end, line_end)
            row.end = found.start() if found else line_end
            if not found:
                break
            position, number = found.end(), number + 1
            continue
        sub_row = SUB_ROW.match(text, end)
        if sub_row:
            position = sub_row.end()
            continue
        after_number = _next_row_number(text, end, number)
        if after_number is None and numbered:
            after_number = _numbered_row_ahead(text, end, number, marked)
        if after_number is not None:
            position, number = after_number, number + 1
            continue
        glued = str(number)
        if not after and cells.endswith(glued) and len(cells) > len(glued) and \
                re.match(r"[\u4e00-\u9fff“(（]", text[end : end + 1]):
            # The next row's number ran into this row's last cell, or stands as a cell of
            # its own after it: read it both ways.
            row.runs = [cells[: -len(glued)].strip(), cells]
            position, number = end, number + 1
            continue
        line_broken = _ends_its_line(values.group(0)) or text.startswith("\n", end)
        if (after is not None or line_broken) and _unnumbered_row_at(text, end, cells_written):
            # A table copied without its 序号 column: the next row's label follows this row's
            # attribute, or opens the next line.
            position = end
            continue
        break
    return (rows[-1].end if rows else position), rows


def _unnumbered_row_at(text: str, position: int, cells_written: CellPatterns) -> bool:
    """True when a whole row without a number starts at `position`: its label, its cells, then its
    attribute (约束性) or the end of its line, so the prose after a table is never read as a row.

    The caller asks only after a row that ended with its attribute or its line.
    """
    start = re.compile(r"[\s|｜]*").match(text, position)
    label_read = _read_label(text, start.end())
    if label_read is None:
        return False
    values = cells_written.values.match(text, label_read[0])
    if values is None or not re.search(r"\d", values.group(0)):
        return False
    if ATTRIBUTE.match(text, values.end()):
        return True
    return _ends_its_line(values.group(0)) or values.end() == len(text)


def _ends_its_line(run: str) -> bool:
    """True when a run of cells ends its line: the run takes the separators after its last cell
    with it, and a line break among them ends the line."""
    return "\n" in re.search(r"[\s|｜]*$", run).group(0)


def find_tables(text: str, base_year: int | None, catalogue: Catalogue) -> list[Table]:
    """Every table with year columns in the text."""
    tables: list[Table] = []
    position = 0
    while True:
        start = HEADER_START.search(text, position)
        if start is None:
            return tables
        header = parse_header(text, start.start(), base_year)
        if header is None:
            position = start.end()
            continue
        header_end, columns, has_basis = header
        end, rows = parse_rows(text, header_end, has_basis, catalogue)
        tables.append(Table(start.start(), end, text[start.start():header_end].strip(), columns, rows))
        position = max(end, header_end)


def _cell_splits(chunk: str, count: int) -> list[list[str]]:
    """All ways to cut a digit run into `count` well-formed cells."""
    if count == 1:
        return [[chunk]] if CELL.fullmatch(chunk) else []
    splits = []
    for cut in range(1, len(chunk)):
        head = chunk[:cut]
        if CELL.fullmatch(head):
            splits.extend([head] + rest for rest in _cell_splits(chunk[cut:], count - 1))
    return splits


def candidate_splits(run: str, count: int,
                     cells_written: CellPatterns | None = None) -> list[tuple[Decimal | None, ...]]:
    """Every reading of a value run as `count` cells (space-separated parts stay apart; — is empty;
    a part with a bound or a unit is one cell)."""
    chunk_pattern = (cells_written or cell_patterns()).chunk
    chunks = run.split()
    if not chunks or len(chunks) > count:
        return []
    readings = []
    # Distribute the cells over the chunks, each chunk holding at least one.
    for sizes in itertools.product(range(1, count + 1), repeat=len(chunks)):
        if sum(sizes) != count:
            continue
        per_chunk = []
        for chunk, size in zip(chunks, sizes, strict=True):
            bounded = chunk_pattern.fullmatch(chunk)
            if re.fullmatch(r"[—–\-/]", chunk):
                per_chunk.append([[None]] if size == 1 else [])
            elif bounded and (bounded.group("before") or bounded.group("unit") or bounded.group("after")):
                number = bounded.group("number")
                per_chunk.append([[number]] if size == 1 and CELL.fullmatch(number) else [])
            else:
                per_chunk.append(_cell_splits(chunk, size))
        for combination in itertools.product(*per_chunk):
            cells = [cell for part in combination for cell in part]
            readings.append(tuple(None if c is None else Decimal(c) for c in cells))
    return readings


def cell_units(run: str, cells_written: CellPatterns) -> set[str]:
    """The unit words the cells of a run carry (48% 60% -> {'%'})."""
    return {bounded.group("unit") for chunk in run.split()
            if (bounded := cells_written.chunk.fullmatch(chunk)) and bounded.group("unit")}


def cell_comparators(run: str, count: int, cells_written: CellPatterns) -> tuple[str, ...]:
    """The bound each of `count` cells states (≥60 -> '>='), when the run holds one cell per part; else '='."""
    chunks = run.split()
    if len(chunks) != count:
        return ("=",) * count
    comparators = []
    for chunk in chunks:
        bounded = cells_written.chunk.fullmatch(chunk)
        before = bounded.group("before") if bounded else None
        after = bounded.group("after") if bounded else None
        comparators.append((before and (comparator_before(before) or {">": ">=", "<": "<="}[before]))
                           or (after and comparator_after(after)) or "=")
    return tuple(comparators)


def _spread(values: tuple[Decimal | None, ...]) -> float:
    present = [float(v) for v in values if v is not None]
    if not present:
        return math.inf
    if min(present) <= 0:
        return math.inf if max(present) > 0 else 0.0
    return math.log(max(present) / min(present))


def choose_split(candidates: list[tuple], confirmed: set[Decimal]) -> tuple[tuple | None, str]:
    """The one certain split, or None and the reason no split is certain."""
    if not candidates:
        return None, "no split of the cells fits the unit"
    if len(candidates) == 1:
        return candidates[0], "the only split that fits the unit"
    hits = [sum(1 for v in c if v is not None and v in confirmed) for c in candidates]
    best_hits = max(hits)
    if best_hits and hits.count(best_hits) == 1:
        return candidates[hits.index(best_hits)], "the split the document confirms elsewhere"
    pool = [c for c, h in zip(candidates, hits, strict=True) if h == best_hits]
    ranked = sorted(pool, key=_spread)
    if _spread(ranked[0]) <= MAX_REGULAR_SPREAD and _spread(ranked[1]) - _spread(ranked[0]) >= REGULARITY_MARGIN:
        return ranked[0], "far more regular than any other split"
    shown = "; ".join(" | ".join("—" if v is None else str(v) for v in c) for c in ranked[:4])
    return None, f"several splits fit ({shown})"


def _row_indicator(catalogue: Catalogue, row: TableRow,
                   cells_written: CellPatterns) -> tuple[Indicator, Decimal] | None:
    """The indicator a row label names and the scale of its unit word (the label's or its cells'), or None."""
    found = catalogue.find(row.label)
    if not found:
        return None
    match = max(found, key=lambda m: m.end - m.start)
    words = cell_units(row.runs[0], cells_written)
    if row.unit_word:
        words.add(row.unit_word)
    if not words:
        indicator = match.indicators[0]
        return indicator, indicator.unit.scale(None)
    if len(words) > 1:
        return None  # 48% beside 40张: cells of different units are no one indicator's
    # 养老床位总数(万张) 2.8 3.5: a count in ten thousands.
    word = words.pop()
    fitting = [(i, scale) for i in match.indicators if (scale := i.unit.table_scale(word)) is not None]
    return fitting[0] if fitting else None


# A row whose label names an indicator: (table, row, indicator, scale of its unit word, the splits
# of its cells that fit the unit, the bound each cell states).
RowReadings = list[tuple[Table, TableRow, Indicator, Decimal, list[tuple], tuple[str, ...]]]


def row_readings(tables: list[Table], catalogue: Catalogue) -> RowReadings:
    """The rows of `tables` that name indicators, with every split of their cells that fits the unit.

    What the document confirms elsewhere picks among the splits (table_figures); the splits
    themselves do not depend on it, and are found once for both readings of the tables.
    """
    readings = []
    cells_written = cell_patterns(catalogue.table_unit_words)
    for table in tables:
        for row in table.rows:
            named = _row_indicator(catalogue, row, cells_written)
            if named is None:
                continue
            indicator, scale = named
            candidates: list[tuple] = []
            for run in row.runs:
                candidates = [c for c in candidate_splits(run, len(table.columns), cells_written)
                              if all(v is None or indicator.unit.accepts(v * scale) for v in c)
                              and (not row.delimited or len(run.split()) == len(table.columns))]
                if candidates:
                    break
            readings.append((table, row, indicator, scale, candidates,
                             cell_comparators(run, len(table.columns), cells_written)))
    return readings


def table_figures(text: str, tables: list[Table], catalogue: Catalogue,
                  confirmed: dict[str, set[Decimal]], notes: list[str],
                  readings: RowReadings | None = None) -> list[TableFigure]:
    """Figures of the rows whose labels name catalogue indicators, split with certainty.

    `readings` are the tables' row_readings, when already found.
    """
    figures: list[TableFigure] = []
    if readings is None:
        readings = row_readings(tables, catalogue)
    for table, row, indicator, scale, candidates, comparators in readings:
        known = {v / scale for v in confirmed.get(indicator.code, set())}
        chosen, why = choose_split(candidates, known)
        row_text = text[row.start : row.end].strip()
        if chosen is None:
            notes.append(f"table row '{row_text[:60]}': cells '{row.cells}' not split ({why}); no figures taken")
            continue
        quote = f"{table.header} … {row_text}"
        if len(quote) > 200:
            quote = "…" + quote[-199:]
        for column, value, comparator in zip(table.columns, chosen, comparators, strict=True):
            if value is None or column.kind == CHANGE:
                continue
            figures.append(TableFigure(indicator, row.label, column.year, column.kind, value * scale,
                                       row.binding, quote, row.start, comparator))
    return figures
