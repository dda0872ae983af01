"""Figures a text gives region by region: 其中南京市1.2万个、苏州市1.1万个; A市、B市分别为X和Y;
重庆共有社会组织1.8万家,四川约有4.4万家.

A provincial bulletin or a national report follows a figure with the same figure for its
cities or provinces (全省登记社会组织9.1万个,其中南京市1.2万个、苏州市1.1万个; 山东(5.0721万)、
浙江(5.0656万)). Each item is a fact of the region named before its number, with the
figure's indicator, year and kind. Names listed first and numbers after them with 分别
(其中南京市、苏州市分别为8500人和7200人) pair in order, and only when they are as many.
To keep a stray place name from taking a number:
- the items form a run of at least two, each a region name and a number, joined by 、 , ; 和;
- every region lies inside the figure's own region (a province lists its cities, the
  country its provinces);
- the unit word is one of the indicator's, or the number stands in brackets after the name;
- the value is plausible in the indicator's unit.
A region of the same level as the figure's own, named after it in the same sentence with a verb
of having and a value in the indicator's unit word (重庆共有社会组织1.8万家,四川约有4.4万家), is a
peer stating the same figure.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from ingest.numbers import MULTIPLIER_RE, NUMBER, comparator_before, parse_number
from ingest.prose import ProseFigure, quote_around
from ingest.regions import COUNTRY_CODE, Region, RegionTable

# Where the run may sit: the rest of the figure's sentence, and the next sentence when it
# opens with 其中 (全省持证社会工作者3.2万人。其中,南京市8500人、苏州市7200人。).
SENTENCE_END = re.compile(r"[。!！?？\n]")
PART_OPENING = re.compile(r"\s*其中")
ITEM_LINK = r"(?P<link>为|有|达|达到|共有|是|约|近|超过|逾)?"
JOINER = re.compile(r"\s*(?:[、,，;；]\s*(?:和|及)?|和|及|与)\s*")
MIN_ITEMS = 2
NAME_JOIN = re.compile(r"\s*[、,，和及与]\s*")
# A peer's clause opens right after a comma and has its verb of having right after its name.
PEER_OPENING = re.compile(r"[,，;；]\s*$")
PEER_LINK = ("约有", "共有", "现有", "拥有", "有")
RESPECTIVELY = re.compile(r"\s*分别(?:为|是|达到|达|有|提高到|提高至|增至|占)?\s*")


@dataclass(frozen=True)
class RegionFigure:
    """One item of a region-by-region run: the figure it follows, with its own region and value."""

    figure: ProseFigure
    region: Region
    value: Decimal
    comparator: str
    quote: str


def _item_value(figure: ProseFigure) -> re.Pattern:
    return _item_value_for(figure.indicator.unit.words)


@functools.lru_cache(maxsize=32)
def _item_value_for(unit_words: tuple[str, ...]) -> re.Pattern:
    # Once per unit, not per figure: building the pattern cost more than matching it.
    words = "|".join(sorted(map(re.escape, unit_words), key=len, reverse=True))
    return re.compile(
        rf"\s*{ITEM_LINK}\s*(?:(?P<open>[(（])\s*)?(?P<value>{NUMBER})\s*(?P<mult>{MULTIPLIER_RE})?"
        rf"\s*(?P<unit>{words})?(?P<more>余|多)?\s*(?(open)[)）])")


def respective_values(text: str, position: int, figure: ProseFigure) -> list[tuple[int, Decimal, str]]:
    """The values listed from position on (8500人和7200人; 60%、55%和50%): (end, value, comparator) each."""
    item_value = _item_value(figure)
    values = []
    while True:
        match = item_value.match(text, position)
        if match is None or match.group("link"):
            return values
        number = parse_number(match.group("value"))
        if number is None:
            return values
        value = figure.indicator.unit.quantity(number, match.group("mult"), match.group("unit"))
        values.append((match.end(), value, ">=" if match.group("more") else "="))
        join = NAME_JOIN.match(text, match.end())
        if join is None:
            return values
        position = join.end()


def _scope_end(text: str, start: int) -> int:
    end_mark = SENTENCE_END.search(text, start)
    end = end_mark.end() if end_mark else len(text)
    if PART_OPENING.match(text, end):
        following = SENTENCE_END.search(text, end)
        end = following.end() if following else len(text)
    return end


def lies_inside(regions: RegionTable, region: Region, outer_code: str) -> bool:
    """Whether region is one of outer_code's own (its cities, or the country's provinces), not outer itself."""
    if region.code == outer_code:
        return False
    return outer_code == COUNTRY_CODE or any(a.code == outer_code for a in regions.ancestors(region.code))


def _respective_runs(scope: str, names: list[tuple[int, int, str]], figure: ProseFigure) -> list[list[tuple]]:
    """南京市、苏州市分别为8500人和7200人: runs of (start, end, name, value, comparator), names and values paired."""
    runs = []
    index = 0
    while index < len(names):
        group = [names[index]]
        while index + 1 < len(names) and NAME_JOIN.fullmatch(scope[group[-1][1]:names[index + 1][0]]):
            index += 1
            group.append(names[index])
        index += 1
        respectively = RESPECTIVELY.match(scope, group[-1][1])
        if len(group) < MIN_ITEMS or respectively is None or "分别" not in respectively.group(0):
            continue
        values = respective_values(scope, respectively.end(), figure)
        if len(values) == len(group):
            runs.append([(start, values[-1][0], written, value, comparator)
                         for (start, _, written), (_, value, comparator) in zip(group, values, strict=True)])
    return runs


def _direct_runs(scope: str, names: list[tuple[int, int, str]], figure: ProseFigure) -> list[list[tuple]]:
    """南京市1.2万个、苏州市1.1万个; 山东(5.0721万)、浙江(5.0656万): runs of (start, end, name, value, comparator)."""
    item_value = _item_value(figure)
    unit = figure.indicator.unit
    runs: list[list[tuple]] = []
    for name_start, name_end, written in names:
        match = item_value.match(scope, name_end)
        if match is None or not (match.group("unit") or match.group("open")):
            continue
        number = parse_number(match.group("value"))
        if number is None:
            continue
        value = unit.quantity(number, match.group("mult"), match.group("unit"))
        comparator = ">=" if match.group("more") else (comparator_before(match.group("link") or "") or "=")
        item = (name_start, match.end(), written, value, comparator)
        if runs and JOINER.fullmatch(scope[runs[-1][-1][1]:name_start]):
            runs[-1].append(item)
        else:
            runs.append([item])
    return [run for run in runs if len(run) >= MIN_ITEMS]


def region_breakdown(text: str, figure: ProseFigure, region_code: str, limit: int,
                     regions: RegionTable, mentions: Counter) -> list[RegionFigure]:
    """The region-by-region items that follow a figure of region_code, up to limit at most."""
    end = min(limit, _scope_end(text, figure.start))
    # From the figure's own number on: a name before it is the figure's subject, not an item.
    scope = text[figure.start:end]
    names = regions.find(scope)
    found: list[RegionFigure] = []
    for run in [*_direct_runs(scope, names, figure), *_respective_runs(scope, names, figure)]:
        resolved = [regions.resolve(written, text, mentions) for _, _, written, *_ in run]
        if any(r is None or not lies_inside(regions, r.region, region_code) for r in resolved):
            continue
        if not all(figure.indicator.unit.accepts(item[3]) for item in run):
            continue
        # The quote runs from the figure's sentence to the end of the run: total and item together.
        sentence = text[figure.sentence_start:end]
        for (item_start, item_end, _, value, comparator), resolution in zip(run, resolved, strict=True):
            offset = figure.start - figure.sentence_start + item_start
            found.append(RegionFigure(figure, resolution.region, value, comparator,
                                      quote_around(sentence, offset, offset + item_end - item_start)))
    return found


def peer_figures(text: str, figure: ProseFigure, region_code: str, regions: RegionTable,
                 mentions: Counter) -> list[RegionFigure]:
    """Regions of region_code's level that state the figure after it in its sentence (,四川约有4.4万家)."""
    own = regions.regions.get(region_code)
    if own is None:
        return []
    end_mark = SENTENCE_END.search(text, figure.start)
    scope = text[figure.start : end_mark.end() if end_mark else len(text)]
    item_value = _item_value(figure)
    found = []
    for start, end, written in regions.find(scope):
        link = next((word for word in PEER_LINK if scope.startswith(word, end)), None)
        if link is None or not PEER_OPENING.search(scope[:start]):
            continue
        match = item_value.match(scope, end + len(link))
        resolution = regions.resolve(written, text, mentions)
        if match is None or not match.group("unit") or resolution is None:
            continue
        region = resolution.region
        if region.code == region_code or region.level != own.level:
            continue
        number = parse_number(match.group("value"))
        if number is None:
            continue
        unit = figure.indicator.unit
        value = unit.quantity(number, match.group("mult"), match.group("unit"))
        if not unit.accepts(value):
            continue
        comparator = "~" if link == "约有" or match.group("link") in ("约", "近") else (
            ">=" if match.group("more") else "=")
        sentence = text[figure.sentence_start : figure.start + len(scope)]
        offset = figure.start - figure.sentence_start + start
        found.append(RegionFigure(figure, region, value, comparator,
                                  quote_around(sentence, offset, offset + match.end() - start)))
    return found
