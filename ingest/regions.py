"""GB/T 2260 regions (data/reference/regions.csv): finding region names in text and resolving them.

Names repeat across China (普陀区 is a district of Shanghai and of Zhoushan; 芜湖
is a city and, until 2020, a county). A name alone gives candidates; the text
around it decides between them (see `RegionTable.resolve`).
"""

from __future__ import annotations

import csv
import functools
import re
from collections import Counter
from dataclasses import dataclass

import ahocorasick

from ingest.normalise import publisher_suffix
from minzheng.paths import REFERENCE_DIR

REGIONS_FILE = REFERENCE_DIR / "regions.csv"
# The one-character abbreviations that open provinces' document numbers (苏办发〔2017〕51号).
ABBREVIATIONS_FILE = REFERENCE_DIR / "province_abbreviations.csv"
# Ordinary words that contain a region's name (示范县 holds 范县): matched as words, never as regions.
TRAPS_FILE = REFERENCE_DIR / "region_name_traps.csv"
# Newspapers and news sites whose names hold no region's name (市场星报, 齐鲁晚报), with their region.
NEWS_OUTLETS_FILE = REFERENCE_DIR / "news_outlets.csv"
COUNTRY_CODE = "100000"
LEVEL_RANK = {"country": 0, "province": 1, "prefecture": 2, "district": 3}
# One-character aliases (沪, 浙) are fine in a table but too ambiguous in running text.
MIN_ALIAS_LENGTH = 2
# Full names that are also ordinary words in civil-affairs text (新建城区, 矿区治理).
GENERIC_NAMES = {"城区", "矿区", "郊区"}
# A short name that opens a street's name is no mention of the region (延吉's 河南街道, 中山路, 南京路).
STREET_AFTER = re.compile(r"路|大道|大街|街道|街(?![头面])|巷|胡同")


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    parent_code: str | None
    level: str


@dataclass(frozen=True)
class Resolution:
    region: Region
    reason: str


class RegionTable:
    def __init__(self, regions: dict[str, Region], names: dict[str, list[tuple[str, bool]]],
                 traps: tuple[str, ...] = ()):
        self.regions = regions
        self._names = names  # written name -> [(code, is full name)]
        # Names that are no region's full name (河南, 中山): the ones a street's name may open.
        self._short_names = {written for written, entries in names.items() if not any(full for _, full in entries)}
        # Aho-Corasick: thousands of names found in one pass over the text. The longest match
        # wins, so a trap word (示范县) hides the name inside it (范县); traps are then dropped.
        self._automaton = ahocorasick.Automaton()
        for written in (*names, *traps):
            self._automaton.add_word(written, written)
        self._automaton.make_automaton()
        self._runs = _name_runs((*names, *traps))

    def ancestors(self, code: str) -> list[Region]:
        chain = []
        parent = self.regions[code].parent_code
        while parent:
            chain.append(self.regions[parent])
            parent = self.regions[parent].parent_code
        return chain

    def mentions(self, text: str, publishers: bool = False) -> Counter:
        """How often each written name (full name or alias) occurs in text, longest match first."""
        return Counter(written for _, _, written in self.find(text, publishers))

    def find(self, text: str, publishers: bool = False) -> list[tuple[int, int, str]]:
        """(start, end, written name) of every region name in text, longest match first.

        A name that is part of a publisher's name (北京商报, 湖北日报) is not a mention
        of what the text is about; `publishers=True` gives those names only.
        """
        if not text:
            return []
        publisher = publisher_suffix()
        return [(end + 1 - len(written), end + 1, written)
                for end, written in self._longest(text)
                if written in self._names and bool(publisher.match(text, end + 1)) == publishers
                and not (written in self._short_names and STREET_AFTER.match(text, end + 1))]

    def _longest(self, text: str) -> list[tuple[int, str]]:
        """(end, word) of what the automaton's longest-match search finds in text, run by run.

        The automaton looks a character up among the first characters of all names one by
        one, and most characters of a text are in no name at all: looking them up was most of
        its time. No match spans a character that is in no name, and the search resumes after
        it as it starts on a new text; a character that starts no name is passed over at the
        start. So the search over each run that opens with a first character and holds only
        the names' characters (self._runs) finds what the search over the whole text finds.
        """
        found = []
        for run in self._runs.finditer(text):
            offset = run.start()
            found += [(offset + end, written) for end, written in self._automaton.iter_long(run.group())]
        return found

    def candidates(self, written: str) -> list[tuple[Region, bool]]:
        return [(self.regions[code], full) for code, full in self._names.get(written, [])]

    def resolve(self, written: str, text: str, mentions: Counter | None = None) -> Resolution | None:
        """The region a written name means in a document.

        A full name beats an alias; between equal candidates, the one whose parent,
        grandparent ... the document names most often wins (普陀区 in a text naming
        上海 is Shanghai's); when nothing tells them apart, the higher level wins
        (芜湖 is the city rather than the county).
        """
        found = self.candidates(written)
        if not found:
            return None
        if any(full for _, full in found):
            found = [item for item in found if item[1]]
        regions = [region for region, _ in found]
        if len(regions) == 1:
            return Resolution(regions[0], f"'{written}' names only {regions[0].name} {regions[0].code}")
        mentions = mentions if mentions is not None else self.mentions(text)
        scores = self._scores(regions, mentions)
        best_score, _, best, support = scores[0]
        others = ", ".join(f"{r.code} ({r.name})" for _, _, r, _ in scores[1:])
        publisher = ""
        if not best_score or best_score == scores[1][0]:
            # 深圳新闻网……南山区: when the text names no parent, its publisher's name may.
            by_publisher = self._scores(regions, self.mentions(text, publishers=True))
            if by_publisher[0][0] > by_publisher[1][0]:
                best_score, _, best, support = by_publisher[0]
                others = ", ".join(f"{r.code} ({r.name})" for _, _, r, _ in by_publisher[1:])
                publisher = "'s publisher"
        if best_score and best_score > scores[1][0] or publisher:
            named = ", ".join(f"{name} {count}x" for name, count in support.items())
            reason = f"'{written}' is ambiguous ({best.code} or {others}); the text{publisher} names {named}"
        else:
            reason = (f"'{written}' is ambiguous ({best.code} or {others}); "
                      "nothing in the text decides, took the higher level")
        return Resolution(best, reason)


    def _scores(self, regions: list[Region], mentions: Counter) -> list[tuple[int, int, Region, dict[str, int]]]:
        """(mentions of its parents, -level, region, the parents named) for each candidate, best first.

        A name that means the candidate alone (舟山市普陀区 for 普陀 in 舟山新闻) supports it as its
        parents' names do.
        """
        scores = []
        for region in regions:
            support = {}
            for ancestor in self.ancestors(region.code):
                count = sum(n for name, n in mentions.items()
                            if any(code == ancestor.code for code, _ in self._names.get(name, [])))
                if count and ancestor.code != COUNTRY_CODE:
                    support[ancestor.name] = count
            for name, n in mentions.items():
                if {code for code, _ in self._names.get(name, [])} == {region.code}:
                    support[name] = n
            scores.append((sum(support.values()), -LEVEL_RANK[region.level], region, support))
        scores.sort(key=lambda item: (item[0], item[1]), reverse=True)
        return scores


def _name_runs(words) -> re.Pattern:
    """Runs of text that may hold one of `words`: a character some word starts with, then
    characters of the words, as long as the shortest word at least (RegionTable._longest)."""
    def one_of(characters) -> str:
        return "[" + "".join(map(re.escape, sorted(characters))) + "]"

    shortest = min(map(len, words))
    return re.compile(f"{one_of({word[0] for word in words})}{one_of(set(''.join(words)))}{{{shortest - 1},}}")


@functools.lru_cache(maxsize=1)
def default_regions() -> RegionTable:
    """The region table of data/reference/regions.csv."""
    regions: dict[str, Region] = {}
    names: dict[str, list[tuple[str, bool]]] = {}
    with REGIONS_FILE.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = row["region_code"]
            regions[code] = Region(code, row["region"], row["parent_code"] or None, row["level"])
            if row["region"] not in GENERIC_NAMES:
                names.setdefault(row["region"], []).append((code, True))
            for alias in filter(None, row["aliases"].split("|")):
                if len(alias) >= MIN_ALIAS_LENGTH and alias != row["region"]:
                    # A qualified alias (上海市普陀区) is as good as a full name.
                    names.setdefault(alias, []).append((code, len(alias) > len(row["region"])))
    for written, entries in names.items():
        names[written] = list(dict.fromkeys(entries))
    with TRAPS_FILE.open(encoding="utf-8") as handle:
        traps = tuple(row["word"] for row in csv.DictReader(handle))
    return RegionTable(regions, names, traps)


@functools.lru_cache(maxsize=1)
def province_abbreviations() -> dict[str, str]:
    """Abbreviation -> province code, from data/reference/province_abbreviations.csv (粤 -> 440000)."""
    with ABBREVIATIONS_FILE.open(encoding="utf-8") as handle:
        return {row["abbreviation"]: row["region_code"] for row in csv.DictReader(handle)}


@functools.lru_cache(maxsize=1)
def news_outlets() -> tuple[re.Pattern, dict[str, str]]:
    """(pattern finding any outlet's name, outlet -> region code), from data/reference/news_outlets.csv.

    A site's name is not matched inside a longer word (东南网络).
    """
    with NEWS_OUTLETS_FILE.open(encoding="utf-8") as handle:
        outlets = {row["outlet"]: row["region_code"] for row in csv.DictReader(handle)}
    names = "|".join(map(re.escape, sorted(outlets, key=len, reverse=True)))
    return re.compile(f"(?:{names})(?![络格点站购])"), outlets
