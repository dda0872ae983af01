"""How Chinese civil-affairs documents write numbers, years, periods and comparisons.

Everything here is about the writing, not about any indicator: 15.9万 is 159000,
十三五 ends in 2020, 不低于 means at least, 35~40 is a range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ingest.kinds import load_congresses, load_periods
from ingest.literals import any_required, holds_any

# Five-year plan periods: label -> (first year, last year), from data/reference/plan_periods.csv.
PERIODS = load_periods()
PERIOD_RE = re.compile("|".join(sorted(PERIODS, key=len, reverse=True)))
# A party congress dates what happened on its eve or while it sat (党的十八大前夕 -> 2012), not
# what has happened since (十八大以来 is a span up to the present).
CONGRESSES = load_congresses()
CONGRESS_RE = "|".join(CONGRESSES)
# The long form of a period's name: 第十三个五年规划 is 十三五.
LONG_PERIOD_RE = re.compile(r"第(十[一二三四五六七八九])个五年")


def period_label(text: str) -> str | None:
    """The five-year period a text names, short (十四五) or long (第十四个五年规划)."""
    short = PERIOD_RE.search(text)
    if short:
        return short.group(0)
    long = LONG_PERIOD_RE.search(text)
    return f"{long.group(1)}五" if long and f"{long.group(1)}五" in PERIODS else None

MULTIPLIERS = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "千万": Decimal(10) ** 7,
               "百万": Decimal(10) ** 6, "万": Decimal(10) ** 4}
MULTIPLIER_RE = "万亿|千万|百万|亿|万"

# Comparators as documents word them (contract: >= <= ~ =). 超过/逾 are strict in
# Chinese but the contract has no strict form; "at least" is the closest reading.
COMPARATOR_BEFORE = [
    # A bare 超 (节地生态安葬率超60%) is 超过; 超出 is a difference, not a bound.
    (">=", "不低于|不少于|不小于|至少|超过|多于|高于|大于|突破|逾|超(?![出额])|≥|>="),
    ("<=", "不高于|不超过|不大于|控制在|少于|低于|不到|不足|≤|<="),
    ("~", "大约|接近|将近|约|近"),
]
COMPARATOR_AFTER = [
    (">=", "及以上|以上"),
    ("<=", "及以下|以下|以内"),
    ("~", "左右|上下"),
]
COMPARATOR_BEFORE_RE = re.compile("|".join(f"(?P<b{i}>{words})" for i, (_, words) in enumerate(COMPARATOR_BEFORE)))
COMPARATOR_AFTER_RE = re.compile("|".join(f"(?P<a{i}>{words})" for i, (_, words) in enumerate(COMPARATOR_AFTER)))

NUMBER = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?"
# A year as documents write it; 二〇二五 and 二0二五 included.
CHINESE_DIGITS = {"〇": "0", "零": "0", "○": "0", "O": "0", "0": "0", "一": "1", "二": "2", "三": "3",
                  "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
CHINESE_YEAR_RE = re.compile(r"[一二][〇零○O0一二三四五六七八九]{3}(?=年)")
MIN_YEAR, MAX_YEAR = 1949, 2100


# A count written in Chinese numerals (近五千家, 两万人, 一万二千张): it ends in a magnitude,
# so 一是 or 十四五 are not read as numbers.
CHINESE_NUMBER = ("[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*[十百千万亿]"
                  # A round number with its one left out after 近, 逾, 超, 过, 破: 持证社会工作者近千人 (~1000),
                  # 近百万 (~1,000,000), 持证社工过万人.
                  # (The look back follows the character: see TENTHS.)
                  "|[百千万](?<=[近逾超过破][百千万])")
CHINESE_NUMERALS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                    "八": 8, "九": 9}
CHINESE_MAGNITUDES = {"十": 10, "百": 100, "千": 1000}
CHINESE_SECTIONS = {"万": 10**4, "亿": 10**8}


def parse_chinese_number(text: str) -> Decimal | None:
    """'五千' -> 5000, '一万二千' -> 12000, '十二' -> 12; None when it is not a Chinese numeral."""
    total, section, digit = 0, 0, None
    for character in text:
        if character in CHINESE_NUMERALS:
            digit = CHINESE_NUMERALS[character]
        elif character in CHINESE_MAGNITUDES:
            section += (1 if digit is None else digit) * CHINESE_MAGNITUDES[character]
            digit = None
        elif character in CHINESE_SECTIONS:
            # A bare 万 (社会组织超万家) is one 万.
            total = ((total + section + (digit or 0)) or 1) * CHINESE_SECTIONS[character]
            section, digit = 0, None
        else:
            return None
    return Decimal(total + section + (digit or 0))


# A share written in words: 百分之五十 (50%), 千分之三十 (30‰), 百分之九十点五 (90.5%).
FRACTION_WORDS = re.compile(r"(?P<base>[百千])分之(?P<num>\d+(?:\.\d+)?"
                            r"|[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)")
FRACTION_SIGNS = {"百": "%", "千": "‰"}


# Tenths: 生态安葬率已近3成 (about 30%); not 成员, 成为, 成立 and the like.
# The look back follows the digit, so that the search skips to digits (see normalise.PINYIN_ANNOTATION).
TENTHS = re.compile(r"(?P<num>\d(?<![\d.]\d)(?:\.\d)?)成(?![员为功本立果交就效绩长熟型])")


def fractions_to_signs(text: str) -> str:
    """Write shares given in words with their sign: 千分之三十 -> 30‰, 百分之五十 -> 50%, 3成 -> 30%."""
    def sign(match: re.Match) -> str:
        number = match.group("num")
        if not number[0].isdigit():
            whole, _, decimals = number.partition("点")
            value = parse_chinese_number(whole)
            if value is None:
                return match.group(0)
            number = str(value) + ("." + "".join(CHINESE_DIGITS[c] for c in decimals) if decimals else "")
        return number + FRACTION_SIGNS[match.group("base")]

    text = TENTHS.sub(lambda m: format((Decimal(m.group("num")) * 10).normalize(), "f") + "%", text)
    # Every share in words holds 分之; most texts have none, and need no search of [百千].
    return FRACTION_WORDS.sub(sign, text) if "分之" in text else text


def parse_number(text: str) -> Decimal | None:
    """'1,155' -> 1155, '65.2' -> 65.2, '五千' -> 5000; None when it is not a number."""
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return parse_chinese_number(text)


def chinese_years_to_digits(text: str) -> str:
    """Write years given in Chinese numerals with digits: 二〇三五年 -> 2035年."""
    return CHINESE_YEAR_RE.sub(lambda m: "".join(CHINESE_DIGITS[c] for c in m.group(0)), text)


def comparator_before(words: str) -> str | None:
    """The comparator a word before a value expresses (不低于 -> '>='), if any."""
    matches = list(COMPARATOR_BEFORE_RE.finditer(words))
    if not matches:
        return None
    match = matches[-1]
    return next(COMPARATOR_BEFORE[int(k[1:])][0] for k, v in match.groupdict().items() if v)


def comparator_after(words: str) -> str | None:
    """The comparator a word right after a value expresses (以上 -> '>='), if any."""
    match = COMPARATOR_AFTER_RE.match(words)
    if match is None:
        return None
    return next(COMPARATOR_AFTER[int(k[1:])][0] for k, v in match.groupdict().items() if v)


def is_year(value: int) -> bool:
    return MIN_YEAR <= value <= MAX_YEAR


@dataclass(frozen=True)
class TimeExpression:
    """A year a stretch of text refers to: 到2025年 -> 2025, “十三五”期末 -> 2020, 今年 -> the document year."""

    start: int
    end: int
    year: int
    period_start: int | None = None  # for a whole period (“十三五”期间): its first year


# Words that count from the document's own year; every other relative word (目前) is that year.
# 过去一年 is how a government work report reviews the year before it (过去一年,全市新增养老床位2000张).
# 过去五年 reviews the five years up to the one before (a 2023 report's 过去五年 ends with 2022): what it
# says has been reached (过去5年,……3.7万家社会组织) is that year's.
RELATIVE_YEARS = {"明年": 1, "去年": -1, "上年": -1, "过去一年": -1, "过去的一年": -1,
                  "过去五年": -1, "过去5年": -1, "过去的五年": -1}
RELATIVE_WORDS = "|".join(sorted(RELATIVE_YEARS, key=len, reverse=True))
# The date of publication is preferred to the date of writing (a gov.cn page gives both: 成文日期, 发布日期).
# A forum post's 发表于 2013-8-28 is its date of publication too.
# The label may stand in brackets (【发布时间】2023.05.12).
PUBLISHED_DATE = re.compile(
    r"(?:发布日期|发布时间|发表于|发表时间)[】\]]?[:：]?\s*(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})")
LABELLED_DATE = re.compile(
    r"(?:印发日期|成文日期|发文日期|日期|时间)[】\]]?[:：]?\s*(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})")
# The words of a text's present (目前, 今年): what 今年/目前 count from.
PRESENT_WORDS = "目前|今年|当前|现阶段|如今|眼下|时至今日"
TIME_RE = re.compile(
    # Not 2012年以来, 从2015年开始, 自2015年起,: since that year, up to the present.
    r"(?P<year>\d{4})年(?!以来|开始|起[,，])(?:度)?(?:底|末|年底|年末|前|以前|上半年|年初|全年)?"
    rf"|“?(?P<period>{PERIOD_RE.pattern})”?(?P<part>期末|末|时期|期间|期)?"
    rf"|(?P<relative>{RELATIVE_WORDS}|截至目前|截止目前|到目前为止|{PRESENT_WORDS}"
    # A part of the present year (上半年,全市养老机构新增床位1980张): not the year a paragraph opened with.
    r"|(?<!年)(?:上半年|前三季度|一季度))"
    rf"|(?:党的)?(?P<congress>{CONGRESS_RE})(?:召开)?(?:前夕|之际|期间|前)"
)


# The words some time expression needs (年, 十三五, 目前): most clauses a sentence is cut into hold
# none, and need no search of TIME_RE's alternatives (ingest/literals.py).
TIME_WORD = any_required([TIME_RE])


def ends_with_relative(text: str) -> bool:
    """Whether the last time expression of `text` counts from the document's year (目前, 去年)."""
    matches = list(TIME_RE.finditer(text)) if holds_any(TIME_WORD, text) else []
    return bool(matches) and matches[-1].group("relative") is not None


def find_time_expressions(text: str, document_year: int | None = None,
                          shifts: bool = True) -> list[TimeExpression]:
    """All time expressions of a stretch of text, in order (years outside 1949-2100 are not years).

    今年/去年/目前 resolve only when the year they are counted from is known (see DocumentFrame.relative_origin);
    去年/明年 only with `shifts`, when that year is a date rather than a guess.
    """
    found = []
    if not holds_any(TIME_WORD, text):
        return found
    for match in TIME_RE.finditer(text):
        if match.group("year"):
            year = int(match.group("year"))
            if is_year(year):
                found.append(TimeExpression(match.start(), match.end(), year))
        elif match.group("congress"):
            found.append(TimeExpression(match.start(), match.end(), CONGRESSES[match.group("congress")]))
        elif match.group("period"):
            first, last = PERIODS[match.group("period")]
            found.append(TimeExpression(match.start(), match.end(), last, first))
        elif document_year is not None:
            offset = RELATIVE_YEARS.get(match.group("relative"), 0)
            if offset and not shifts:
                continue
            found.append(TimeExpression(match.start(), match.end(), document_year + offset))
    return found
