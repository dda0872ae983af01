"""Figures of regions a text ranks: 社会组织最多的是江苏,超过9万个。其次是广东,超过6.6万个。往下依次是
山东(5.0721万)、浙江(5.0656万); 每千老年人口养老床位数……数量最多的福建有40张,海南最低,仅9张.

A ranking names the region after the words that rank it (最多的是, 其次是, 依次是) and its
value right after the name, so the region is neither the subject before the wording nor
a breakdown of a total. To keep a stray place name from taking a number:
- the name opens a ranking (最多的是, 最高的, 其次是, 依次是, 往下依次是) or continues one
  (、 , after an item of the same sentence);
- the number follows the name at once: in brackets, or after 有, 为, 达, 超过, 仅 (with 最低,
  最少 between for the bottom of the ranking);
- the indicator is the one the sentence names, or for a sentence that goes on with a ranking
  (其次是, 依次是) the one the ranking's first sentence named;
- the unit word is one of the indicator's (or the number stands in brackets with 万), the
  value is plausible, and the region lies inside the document's own.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from ingest.breakdown import lies_inside
from ingest.catalogue import Catalogue, Indicator, WordingMatch
from ingest.numbers import MULTIPLIER_RE, NUMBER, TIME_RE, is_year, parse_number
from ingest.prose import TARGET_CUES, quote_around
from ingest.regions import Region, RegionTable

SENTENCE = re.compile(r"[^。!！?？\n]+[。!！?？]?")
# Words that open a ranking right before the first region's name.
RANK_OPENING = re.compile(r"(?:数量|总量|总数)?(?:最多|最高)的(?:是|为)?\s*$")
# Words that open a sentence going on with the ranking of the one before.
RANK_GOES_ON = re.compile(r"^\s*(?:[^,，。]{0,6}[,，])?(?:其次|再次|往下|随后|接下来|之后)?(?:依次)?(?:是|为)\s*$")
# A sentence without any of these words ranks nothing (and is not read further).
RANK_WORDS = re.compile(r"最多|最高|其次|再次|依次|往下|随后|接下来|之后")
# How an item after the first joins the one before it (福建有40张,海南最低,仅9张; 山东(…)、浙江(…)).
ITEM_JOIN = re.compile(r"^\s*[、,，;；]\s*$")
LINK = r"有|为|达到|达|超过|超|仅有|仅为|仅|只有"


@dataclass(frozen=True)
class RankedFigure:
    """A region's value in a ranking: the region, the indicator and the value as stated."""

    region: Region
    indicator: Indicator
    wording: str  # the words that named the indicator, in this sentence or the ranking's first
    year: int
    value: Decimal
    comparator: str
    quote: str
    start: int
    kind: str = "actual"  # a ranking compares what regions have


def _item_after(indicator: Indicator) -> re.Pattern:
    words = "|".join(sorted(map(re.escape, indicator.unit.words), key=len, reverse=True))
    return re.compile(
        rf"\s*(?:[(（]\s*(?P<bracketed>{NUMBER})\s*(?P<bracket_mult>{MULTIPLIER_RE})?\s*(?P<bracket_unit>{words})?\s*[)）]"
        rf"|[,，]?\s*(?:最低|最少|最高|最多)?[,，]?\s*(?P<link>{LINK})\s*(?P<value>{NUMBER})\s*(?P<mult>{MULTIPLIER_RE})?"
        rf"\s*(?P<unit>{words})(?P<more>余|多)?)")


def _value(match: re.Match, indicator: Indicator) -> tuple[Decimal, str] | None:
    """The value an item states, in the indicator's unit, and its comparator."""
    unit = indicator.unit
    if match.group("bracketed"):
        multiplier, word = match.group("bracket_mult"), match.group("bracket_unit")
        if not word and not (multiplier and unit.integer):
            return None  # (5.0721万) is a count; a bare (40) says nothing of its unit
        number = parse_number(match.group("bracketed"))
        comparator = "="
    else:
        multiplier, word = match.group("mult"), match.group("unit")
        number = parse_number(match.group("value"))
        comparator = ">=" if match.group("link").startswith("超") or match.group("more") else "="
    if number is None:
        return None
    value = unit.quantity(number, multiplier, word)
    return (value, comparator) if unit.accepts(value) else None


def ranked_figures(text: str, catalogue: Catalogue, regions: RegionTable, mentions: Counter,
                   region_code: str, now_year: int | None) -> list[RankedFigure]:
    """The figures of every ranking in `text`, for a document of region_code whose present is now_year."""
    found: list[RankedFigure] = []
    ranked = None  # the wording of the ranking the last sentence went on with
    for paragraph_match in re.finditer(r"[^\n]+", text):
        ranked = None
        if not RANK_WORDS.search(paragraph_match.group(0)):
            continue  # no sentence of it ranks anything (no ranking word spans two sentences)
        for sentence_match in SENTENCE.finditer(paragraph_match.group(0)):
            sentence = sentence_match.group(0)
            if not RANK_WORDS.search(sentence):
                ranked = None  # a ranking goes on sentence by sentence, each with its ranking words
                continue
            offset = paragraph_match.start() + sentence_match.start()
            wordings = catalogue.find(sentence)
            items = _sentence_items(sentence, wordings, ranked, regions, text, mentions)
            if items:
                ranked = items[0][1]
            elif wordings:
                ranked = None
            if not items or TARGET_CUES.search(sentence):
                continue
            years = {int(m.group("year")) for m in TIME_RE.finditer(sentence) if m.group("year")}
            years = {y for y in years if is_year(y)}
            year = years.pop() if len(years) == 1 else (now_year if not years else None)
            if year is None:
                continue
            for region, wording, match, start in items:
                if not lies_inside(regions, region, region_code):
                    continue
                for indicator in wording.indicators:
                    stated = _value(match, indicator)
                    if stated:
                        found.append(RankedFigure(region, indicator, wording.text, year, stated[0], stated[1],
                                                  quote_around(sentence, start, match.end()), offset + start))
                        break
    return found


Item = tuple[Region, WordingMatch, re.Match, int]


def _sentence_items(sentence: str, wordings: list[WordingMatch], ranked: WordingMatch | None,
                    regions: RegionTable, text: str, mentions: Counter) -> list[Item]:
    """(region, wording, value match, name start) of each ranked item of one sentence."""
    items: list[Item] = []
    last_end = None
    for start, end, written in regions.find(sentence):
        before_wordings = [w for w in wordings if w.end <= start]
        if before_wordings:
            wording = before_wordings[-1]
            lead = sentence[wording.end : start]
        else:
            wording, lead = ranked, sentence[:start]
        if wording is None:
            continue
        opens = RANK_OPENING.search(lead) if before_wordings else RANK_GOES_ON.match(lead)
        goes_on = last_end is not None and ITEM_JOIN.match(sentence[last_end:start])
        if not (opens or goes_on):
            continue
        match = next((m for m in (_item_after(i).match(sentence, end) for i in wording.indicators) if m), None)
        resolution = regions.resolve(written, text, mentions)
        if match is None or resolution is None:
            continue
        items.append((resolution.region, wording, match, start))
        last_end = match.end()
    return items
