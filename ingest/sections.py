"""Which part of a document a figure sits in: a review of results, an outlook, or goals and tasks.

Plans are written in a fixed order: 发展基础/回顾 (what was achieved: actuals),
形势 (outlook: forecasts, neither actual nor target), then 目标/任务/专栏 (targets).
Headings are numbered 一、 (top level) and (一) (second level); flattened web
copies keep the numbers but lose the line breaks, so headings are also found
inline after a finished sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ingest.numbers import PERIOD_RE, PERIODS

REVIEW, OUTLOOK, TARGETS = "review", "outlook", "targets"

NUMERAL = "[一二三四五六七八九十]+"
# A top-level heading's number (一、, 第二章), found by its first character (a class the search skips
# to) and then placed: it opens the text or a line, or follows a finished sentence, then white space only.
# (A pattern that opened with those look-behinds was tried at every position of the text.)
TOP_HEADING_NUMBER = re.compile(rf"[一二三四五六七八九十第]"
                                rf"(?:(?<=第){NUMERAL}(?:章|部分)|(?<!第)[一二三四五六七八九十]*、)")
TOP_HEADING_AFTER = "。;;!?”)"
SECOND_HEADING = re.compile(rf"[(（]{NUMERAL}[)）]")
BOX_CAPTION = re.compile(r"专栏\s*\d+|附件\s*\d*|附表\s*\d*")
# A short line of its own without final punctuation is a heading in plain-text copies.
STANDALONE_HEADING = re.compile(r"^[^\n,,。;;!?]{4,40}$", re.M)

HEADING_TEXT = 24
CLASSES = [
    (REVIEW, re.compile(r"发展基础|基础条件|回顾|成就|成效|完成情况|完成良好|完成较好|基本情况|工作总结|现状|取得"
                        r"|进展|背景|亮点")),
    (OUTLOOK, re.compile(r"形势|面临|机遇|挑战|研判|预测")),
    (TARGETS, re.compile(r"目标|任务|指标|重大事项|行动|措施|保障|要求|思路|原则|举措|重点|工程|计划|打算|安排"
                         r"|附件|附表|专栏")),
]
# The one year a heading's own line names (一、2019年工作完成情况; 二、2020年工作计划): a work summary
# that closes with next year's plan, a government work report's review and tasks. Not a span
# (2016—2020年, 2015年以来) and not a heading that runs on into its text.
# A plan period named so (一、“十三五”期间亮点工作: 临沂 2021) is its last year.
HEADING_YEAR = re.compile(r"[^\n。;；,，]{0,6}?(?:(?<!\d)((?:19|20)\d\d)年度?(?![\d至到—\-－~以])"
                          rf"|[“\"]?({PERIOD_RE.pattern})[”\"]?(?:期间|时期))")
# Second-level headings describe their topic in words of their own (救助工作任务依然较重
# under an outlook); only these words make one open a part of goals and tasks.
STRONG_TARGET_WORDS = re.compile(r"目标|主要任务|重点任务|主要指标|重大事项|行动计划|专栏|附件|附表")


def classify(heading: str, level: int = 1) -> str | None:
    """The part a heading opens, from its words; None when its words do not say."""
    for name, pattern in CLASSES:
        if pattern.search(heading):
            if name == TARGETS and level > 1 and not STRONG_TARGET_WORDS.search(heading):
                return None
            return name
    return None


@dataclass
class SectionMap:
    """The class in force at each offset of a text."""

    offsets: list[int]
    classes: list[str | None]
    years: list[int | None]

    def at(self, offset: int) -> str | None:
        index = bisect.bisect_right(self.offsets, offset) - 1
        return self.classes[index] if index >= 0 else None

    def dated_at(self, offset: int) -> tuple[str, int] | None:
        """(class, year) at an offset whose top-level heading names its year and says what follows."""
        index = bisect.bisect_right(self.offsets, offset) - 1
        if index < 0 or self.years[index] is None or self.classes[index] not in (REVIEW, TARGETS):
            return None
        return self.classes[index], self.years[index]


def _top_heading_ends(text: str):
    """Where each top-level heading number ends, in order, never two overlapping."""
    position = 0
    while (number := TOP_HEADING_NUMBER.search(text, position)) is not None:
        opening = number.start()
        while opening > 0 and text[opening - 1].isspace():
            opening -= 1
        if opening == 0 or text[opening - 1] in TOP_HEADING_AFTER or "\n" in text[opening : number.start()]:
            yield number.end()
            position = number.end()
        else:
            position = number.start() + 1


def map_sections(text: str) -> SectionMap:
    """Find headings and the class of each part (second-level headings inherit from their top level)."""
    headings: list[tuple[int, int, str | None]] = []  # (offset, level, class)
    heading_years: dict[int, int] = {}
    for end in _top_heading_ends(text):
        headings.append((end, 1, classify(text[end : end + HEADING_TEXT])))
        year = HEADING_YEAR.match(text, end, end + HEADING_TEXT)
        if year:
            heading_years[end] = int(year.group(1)) if year.group(1) else PERIODS[year.group(2)][1]
    for match in SECOND_HEADING.finditer(text):
        headings.append((match.end(), 2, classify(text[match.end() : match.end() + HEADING_TEXT], 2)))
    for match in BOX_CAPTION.finditer(text):
        headings.append((match.start(), 2, classify(text[match.start() : match.end() + HEADING_TEXT])))
    for match in STANDALONE_HEADING.finditer(text):
        kind = classify(match.group(0))
        if kind:  # a short line that does not say what follows does not change the part
            headings.append((match.start(), 1, kind))
    headings.sort()
    offsets, classes, years = [], [], []
    top: str | None = None
    top_year: int | None = None
    for offset, level, kind in headings:
        if level == 1:
            top, top_year = kind, heading_years.get(offset)
            current = kind
        else:
            current = kind or top
        offsets.append(offset)
        classes.append(current)
        # A part under a dated heading keeps its year only while it keeps the heading's class.
        years.append(top_year if current == top else None)
    return SectionMap(offsets, classes, years)
