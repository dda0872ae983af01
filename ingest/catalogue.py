"""The indicator catalogue (data/reference/indicators.yaml) and wording matching in text."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

from ingest.literals import any_required, first_characters, holds_any
from ingest.numbers import MULTIPLIERS
from minzheng.paths import REFERENCE_DIR

CATALOGUE_FILE = REFERENCE_DIR / "indicators.yaml"
# A bare wording counts when its context ends at most this many characters before it.
CONTEXT_WINDOW = 48
# Another institution named after a bare wording's context owns the word (城市日间照料中心244个,床位数4616张).
OTHER_INSTITUTION = re.compile(r"机构|中心|站|院")
BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
# Multipliers a table header writes before a count's unit word (万人, 万张).
HEADER_MULTIPLIERS = ("万", "亿")


@dataclass(frozen=True)
class Unit:
    code: str
    zh: str
    words: tuple[str, ...]
    minimum: Decimal
    maximum: Decimal
    reason: str
    integer: bool = False
    multipliers: tuple[tuple[str, Decimal], ...] = ()

    def accepts(self, value: Decimal) -> bool:
        """True when a value is plausible in this unit (bounds, and whole for counts)."""
        if not self.minimum <= value <= self.maximum:
            return False
        return not self.integer or value == value.to_integral_value()

    def scale(self, word: str | None) -> Decimal:
        """The factor a unit word applies (亿元 in the unit 元 is 1e8)."""
        return dict(self.multipliers).get(word or "", Decimal(1))

    def table_scale(self, word: str) -> Decimal | None:
        """The factor a table's unit word applies in this unit (张 1, 万张 10,000); None when not this unit's."""
        if word in self.words:
            return self.scale(word)
        for multiplier in HEADER_MULTIPLIERS:
            rest = word[len(multiplier) :]
            if self.integer and word.startswith(multiplier) and rest in self.words:
                return MULTIPLIERS[multiplier] * self.scale(rest)
        return None

    def quantity(self, number: Decimal, multiplier: str | None, word: str | None) -> Decimal:
        """A number as written (5.0721, 万, 家) in this unit: 50721."""
        return number * MULTIPLIERS.get(multiplier or "", Decimal(1)) * self.scale(word)


@dataclass(frozen=True)
class Indicator:
    code: str
    unit: Unit
    name_zh: str
    name_en: str
    description: str
    headline: bool
    wordings: tuple[re.Pattern, ...]
    # (context, wording, what must not come between them): see the catalogue file's header.
    context_wordings: tuple[tuple[re.Pattern, re.Pattern, re.Pattern | None], ...] = ()
    relatives: tuple[str, ...] = ()
    # A count of a flow that, in a sentence with one of `stock_cues`, is the stock of
    # another indicator (exam passers counted up to a date are certificate holders).
    stock_of: str | None = None
    stock_cues: re.Pattern | None = None
    # Places narrower than a region (公墓): a figure whose sentence names one after the last word
    # of its area (全省, 全市) is that place's, not the region's.
    scope_nouns: re.Pattern | None = None


@dataclass(frozen=True)
class WordingMatch:
    """A stretch of text naming an indicator; several indicators when only the unit tells them apart."""

    start: int
    end: int
    text: str
    indicators: tuple[Indicator, ...]
    by_context: bool = False  # a bare word (床位) that names the indicator only after its context


@dataclass
class Catalogue:
    units: dict[str, Unit]
    indicators: dict[str, Indicator]
    _by_first_character: dict[str, list[tuple[Indicator, re.Pattern]]] = field(init=False, repr=False)
    _first_character: re.Pattern = field(init=False, repr=False)
    _starting_with: dict[str, re.Pattern] = field(init=False, repr=False)
    _any_wording_word: re.Pattern | None = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # A scan finds where any wording may start (_next_wording_start); each indicator's own
        # patterns then decide the longest match at that position.
        alternatives = [p.pattern for i in self.indicators.values() for p in i.wordings]
        # A wording starts with one of the Han characters its pattern contains: testing that
        # one character first lets the scanner skip ordinary text quickly.
        first = {c for a in alternatives for c in a if "\u4e00" <= c <= "\u9fff"}
        # Only the wordings that can start with the character at a hit are tried there, and the
        # scanner looks only at those characters: most of the Han characters above never start one.
        wordings = [(i, p, first_characters(p)) for i in self.indicators.values() for p in i.wordings]
        if all(starts is not None for _, _, starts in wordings):
            first &= set().union(*(starts for _, _, starts in wordings))
        self._by_first_character = {c: [(i, p) for i, p, starts in wordings if starts is None or c in starts]
                                    for c in first}
        # The scan: a search for those characters as one class skips in C to the next position worth
        # a try; there, one alternation of that character's wordings tells whether any may match.
        # (A wording may appear under several characters, so wordings cannot name their groups.)
        self._first_character = re.compile(f"[{''.join(sorted(first))}]")
        self._starting_with = {c: re.compile("|".join(f"(?:{p.pattern})" for _, p in self._by_first_character[c]))
                               for c in first}
        # The words some wording needs (床位, 社会组织): text without any holds no wording (ingest/literals.py).
        self._any_wording_word = any_required(p for _, p, _ in wordings)

    @functools.cached_property
    def headline_codes(self) -> frozenset[str]:
        """The indicators marked `headline: true`: the ones the marts and `minzheng evaluate` are about."""
        return frozenset(code for code, indicator in self.indicators.items() if indicator.headline)

    @functools.cached_property
    def _any_context_wording(self) -> re.Pattern:
        """Any bare wording of any indicator: most text holds none, and needs no loop over them."""
        patterns = [p.pattern for i in self.indicators.values() for _, p, _ in i.context_wordings]
        return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)")

    @functools.cached_property
    def _any_context_word(self) -> re.Pattern | None:
        """The words some bare wording needs (床位, 持证人数): quicker to rule text out than the wordings."""
        return any_required(p for i in self.indicators.values() for _, p, _ in i.context_wordings)

    def unit_words(self) -> list[str]:
        """Every unit word of the catalogue, longest first (元/人·月 before 元)."""
        words = {word for unit in self.units.values() for word in unit.words}
        return sorted(words, key=len, reverse=True)

    @functools.cached_property
    def _wrapped_value(self) -> re.Pattern:
        words = "|".join(re.escape(w) for w in self.unit_words())
        # The line break first, then the look back: the search skips from line break to line break.
        return re.compile(rf"\n(?<=[\d万亿]\n)(?=[万亿]?(?:{words}))")

    def join_wrapped_values(self, text: str) -> str:
        """Join a number and its unit that a line break split (各类养老机构近4.5万\n家): no paragraph
        ends between them."""
        return self._wrapped_value.sub("", text)

    @functools.cached_property
    def table_unit_words(self) -> str:
        """A table's unit words as one alternation, longest first: every unit word, and 万张, 万个 of counts."""
        words = set(self.unit_words())
        words |= {m + w for m in HEADER_MULTIPLIERS for unit in self.units.values() if unit.integer
                  for w in unit.words}
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    @functools.cached_property
    def header_unit(self) -> re.Pattern:
        """A unit word ending a table row's label (养老床位 万张, 社会组织数 个), as group `unit`."""
        return re.compile(rf"(?P<unit>{self.table_unit_words})$")

    def find(self, text: str, preceding: str = "") -> list[WordingMatch]:
        """Non-overlapping indicator wordings in text, leftmost-longest, in order.

        `preceding` is the text just before `text` (the earlier clauses of its paragraph): a bare
        wording's context may be there (杭州社工持证人数6018人,……;宁波持证人数2603人).
        """
        matches: list[WordingMatch] = []
        position = 0 if holds_any(self._any_wording_word, text) else len(text)
        while True:
            start = self._next_wording_start(text, position)
            if start is None:
                break
            best_end, best = -1, []
            for indicator, pattern in self._by_first_character.get(text[start], ()):
                match = pattern.match(text, start)
                if match is None or match.end() <= start:
                    continue
                if match.end() > best_end:
                    best_end, best = match.end(), [indicator]
                elif match.end() == best_end and indicator not in best:
                    best.append(indicator)
            if not best:  # the alternation matched an empty optional prefix only
                position = start + 1
                continue
            matches.append(WordingMatch(start, best_end, text[start:best_end], tuple(best)))
            position = best_end
        return self._with_context_wordings(text, matches, preceding[-CONTEXT_WINDOW:])

    def _next_wording_start(self, text: str, position: int) -> int | None:
        """The first position from `position` on where a wording of the character there may match."""
        while (candidate := self._first_character.search(text, position)) is not None:
            start = candidate.start()
            if self._starting_with[text[start]].match(text, start):
                return start
            position = start + 1
        return None

    def _with_context_wordings(self, text: str, matches: list[WordingMatch],
                               preceding: str = "") -> list[WordingMatch]:
        """Add bare wordings (床位数) that name an indicator only right after their context (养老机构)."""
        if not holds_any(self._any_context_word, text) or not self._any_context_wording.search(text):
            return matches
        extra: list[WordingMatch] = []
        for indicator in self.indicators.values():
            for context, pattern, owner in indicator.context_wordings:
                for match in pattern.finditer(text):
                    if match.end() == match.start():
                        continue
                    before = (preceding + text[: match.start()])[-CONTEXT_WINDOW:]
                    overlaps = any(m.start < match.end() and match.start() < m.end for m in matches + extra)
                    contexts = list(context.finditer(before))
                    # Another institution named after the context owns the bare word (养老机构备案的
                    # 医养结合机构达到1125家,总床位33万张).
                    # What brackets list are kinds of the context's institution (养老服务机构(敬老院、
                    # 居家养老服务中心或托老所)仅544个,拥有床位数4.0869万张), not another owner.
                    if overlaps or not contexts:
                        continue
                    if not (owner and owner.search(BRACKETED.sub("", before[contexts[-1].end():]))):
                        extra.append(WordingMatch(match.start(), match.end(), match.group(0), (indicator,), True))
        return sorted(matches + extra, key=lambda m: m.start) if extra else matches


def _unit(code: str, spec: dict) -> Unit:
    multipliers = tuple((word, Decimal(str(factor))) for word, factor in (spec.get("multiplier") or {}).items())
    return Unit(code=code, zh=spec["zh"], words=tuple(spec["words"]), minimum=Decimal(str(spec["min"])),
                maximum=Decimal(str(spec["max"])), reason=spec["reason"], integer=bool(spec.get("integer")),
                multipliers=multipliers)


def load_catalogue(path: Path = CATALOGUE_FILE) -> Catalogue:
    """Read and check the catalogue file."""
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    units = {code: _unit(code, unit) for code, unit in spec["units"].items()}
    indicators: dict[str, Indicator] = {}
    for entry in spec["indicators"]:
        code = entry["code"]
        if code in indicators:
            raise ValueError(f"{path}: indicator {code} is defined twice")
        if entry["unit"] not in units:
            raise ValueError(f"{path}: indicator {code} has unknown unit {entry['unit']}")
        indicators[code] = Indicator(
            code=code,
            unit=units[entry["unit"]],
            name_zh=entry["name_zh"],
            name_en=entry["name_en"],
            description=entry.get("description", ""),
            headline=bool(entry.get("headline")),
            wordings=tuple(re.compile(w) for w in entry["wordings"]),
            context_wordings=tuple(
                (re.compile(c["context"]), re.compile(c["wording"]),
                 re.compile(c.get("not_after", OTHER_INSTITUTION.pattern)) if c.get("not_after", "-") else None)
                for c in entry.get("context_wordings", [])),
            relatives=tuple(entry.get("relatives", [])),
            stock_of=entry.get("stock_of"),
            stock_cues=re.compile(entry["stock_cues"]) if entry.get("stock_cues") else None,
            scope_nouns=re.compile(entry["scope_nouns"]) if entry.get("scope_nouns") else None,
        )
    for code, indicator in indicators.items():
        if indicator.stock_of and indicator.stock_of not in indicators:
            raise ValueError(f"{path}: indicator {code} is the stock of unknown {indicator.stock_of}")
    if not any(indicator.headline for indicator in indicators.values()):
        raise ValueError(f"{path}: no indicator is marked headline: true")
    return Catalogue(units=units, indicators=indicators)


@functools.lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    return load_catalogue()
