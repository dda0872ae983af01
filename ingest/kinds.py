"""Document kinds (data/reference/document_kinds.yaml) and plan periods (data/reference/plan_periods.csv).

A kind says how a document is recognised, which year its 目前/今年 mean, and how
the kind of each of its figures (actual or target) is decided. The rules are named
in the data file; code reads their names, never the names of kinds.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

import yaml

from ingest.literals import any_required, holds_any
from minzheng.paths import REFERENCE_DIR

KINDS_FILE = REFERENCE_DIR / "document_kinds.yaml"
PERIODS_FILE = REFERENCE_DIR / "plan_periods.csv"
OCCASIONS_FILE = REFERENCE_DIR / "annual_occasions.csv"
CONGRESSES_FILE = REFERENCE_DIR / "party_congresses.csv"
SESSIONS_FILE = REFERENCE_DIR / "national_sessions.csv"
# A document cited by its title (《……纲要》提出, 随着《……“十三五”规划》工作的推进): a body never
# names its own document so, so the cited title's words do not make the text of that kind.
CITED_TITLE = re.compile(r"《[^《》\n]{1,80}》")

# What a title may carry after its document type: its years or its status (……规划(2021-2025年),
# 政府工作报告(2023年), ……规划(草案), ……办法(试行)). Kinds are recognised on the title without it.
TITLE_SUFFIX = (r"(?:\s*[(（](?:\d{4}\s*(?:[-—–~～至到]+\s*\d{4})?\s*年?(?:度)?"
                r"|草案|摘要|试行|暂行|征求意见稿|送审稿|修订稿?)[)）])")
TITLE_SUFFIX_END = re.compile(TITLE_SUFFIX + "$")

PERIOD_RULES = {"five_year", "annual", "span", "reported", "cited", "none"}
NOW_RULES = {"period_start", "base_year", "reported", "published"}
FIGURE_RULES = {"by_base_year", "actual", "by_cues"}
UNTIMED_RULES = {"result", "period_end", "present"}


@dataclass(frozen=True)
class DocumentKind:
    code: str
    name_zh: str
    title: tuple[re.Pattern, ...]
    text: tuple[re.Pattern, ...]
    period: str
    now: str
    figures: str
    sections: bool
    untimed: tuple[str, ...]
    review_span: int | None
    fallback: bool = False

    def matches_title(self, title: str) -> bool:
        title = TITLE_SUFFIX_END.sub("", title)
        return any(p.search(title) for p in self.title)

    def matches_text(self, head: str) -> bool:
        return any(holds_any(words, head) and p.search(head) for words, p in self._screened_text)

    @functools.cached_property
    def _screened_text(self) -> tuple[tuple[re.Pattern | None, re.Pattern], ...]:
        """Each text pattern after the words it needs (今年, 工作计划): a head without them is not searched
        line by line (ingest/literals.py)."""
        return tuple((any_required([p]), p) for p in self.text)


@dataclass(frozen=True)
class KindTable:
    kinds: tuple[DocumentKind, ...]

    def __getitem__(self, code: str) -> DocumentKind:
        for kind in self.kinds:
            if kind.code == code:
                return kind
        raise KeyError(code)

    @property
    def fallback(self) -> DocumentKind:
        return next(kind for kind in self.kinds if kind.fallback)

    @functools.cached_property
    def title_ending(self) -> str:
        """A regular expression for the words a document's title ends with (规划, 统计公报,
        实施意见, 通知): every kind's title patterns, as the end of a title line."""
        patterns = {p.pattern.removesuffix("$") for kind in self.kinds for p in kind.title}
        return "(?:" + "|".join(sorted(patterns, key=len, reverse=True)) + ")"

    def recognise(self, title: str | None, head: str) -> DocumentKind:
        """The kind of a document: by its title first, then by the head of its text."""
        if title:
            for kind in self.kinds:
                if kind.matches_title(title):
                    return kind
        # A plan the text quotes (《……第十四个五年规划和2035年远景目标纲要》提出) does not make the
        # text a plan; its title line, read above, does.
        head = CITED_TITLE.sub("《》", head)
        for kind in self.kinds:
            if kind.matches_text(head):
                return kind
        return self.fallback


def _check(path, code: str, name: str, value, allowed: set[str]) -> None:
    if value not in allowed:
        raise ValueError(f"{path}: kind {code}: {name} '{value}' is not one of {sorted(allowed)}")


def load_kinds(path=KINDS_FILE) -> KindTable:
    """Read and check the kinds file."""
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    kinds = []
    for entry in spec["kinds"]:
        code = entry["code"]
        _check(path, code, "period", entry["period"], PERIOD_RULES)
        _check(path, code, "now", entry["now"], NOW_RULES)
        _check(path, code, "figures", entry["figures"], FIGURE_RULES)
        for rule in entry["untimed"]:
            _check(path, code, "untimed", rule, UNTIMED_RULES)
        kinds.append(DocumentKind(
            code=code, name_zh=entry["name_zh"],
            title=tuple(re.compile(p) for p in entry["title"]),
            text=tuple(re.compile(p, re.M) for p in entry["text"]),
            period=entry["period"], now=entry["now"], figures=entry["figures"],
            sections=bool(entry["sections"]), untimed=tuple(entry["untimed"]),
            review_span=None if entry["review_span"] is None else int(entry["review_span"]),
            fallback=bool(entry.get("fallback")),
        ))
    if sum(kind.fallback for kind in kinds) != 1:
        raise ValueError(f"{path}: exactly one kind must be the fallback")
    return KindTable(tuple(kinds))


@functools.lru_cache(maxsize=1)
def default_kinds() -> KindTable:
    return load_kinds()


def load_occasions(path=OCCASIONS_FILE) -> dict[str, tuple[int, str]]:
    """Days held once a year and counted (第15个国际社工日): name -> (first year, the counter word)."""
    with path.open(encoding="utf-8") as handle:
        return {row["name"]: (int(row["first_year"]), row["counted_as"]) for row in csv.DictReader(handle)}


def load_congresses(path=CONGRESSES_FILE) -> dict[str, int]:
    """National party congresses by their short name (十八大) -> the year each was held."""
    with path.open(encoding="utf-8") as handle:
        return {row["name"]: int(row["year"]) for row in csv.DictReader(handle)}


def load_sessions(path=SESSIONS_FILE) -> dict[tuple[str, str], int]:
    """Terms of the national congresses (十二届全国人大): (body, term) -> the year of its first session."""
    with path.open(encoding="utf-8") as handle:
        return {(row["body"], row["term"]): int(row["first_year"]) for row in csv.DictReader(handle)}


def load_periods(path=PERIODS_FILE) -> dict[str, tuple[int, int]]:
    """Plan periods: label (十四五) -> (first year, last year)."""
    with path.open(encoding="utf-8") as handle:
        return {row["label"]: (int(row["first_year"]), int(row["last_year"])) for row in csv.DictReader(handle)}
