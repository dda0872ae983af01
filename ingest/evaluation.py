"""Scoring the parser against hand-labelled gold figures: `minzheng evaluate`.

A predicted record matches a gold one when document, region_code, indicator, year
and kind are equal and the value is within 0.5 % of the gold value (a document
that rounds 159,012 to 15.9万 still agrees). Each gold record is matched at most
once, so a fact reported twice counts once and its copy is an extra. Only the
headline indicators are scored: the close relatives the parser also reports
(beds added, professional social workers) are not facts of the gold files.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TextIO

VALUE_TOLERANCE = Decimal("0.005")
KEY_FIELDS = ("document", "region_code", "indicator", "year", "kind")


@dataclass
class Tally:
    """Matched, missed and extra records of one slice (an indicator, a document, or all)."""

    matched: int = 0
    gold: int = 0
    predicted: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    """The outcome of comparing predicted records with gold ones."""

    total: Tally = field(default_factory=Tally)
    by_indicator: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_document: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[dict] = field(default_factory=list)
    extras: list[dict] = field(default_factory=list)


def read_gold(path: Path) -> list[dict]:
    """The gold records of a JSON-lines file; a malformed line is an error naming its line number."""
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{path} line {number}: not JSON ({error.msg})") from None
        missing = [name for name in (*KEY_FIELDS, "value") if name not in record]
        if missing:
            raise ValueError(f"{path} line {number}: missing {', '.join(missing)}")
        records.append(record)
    return records


def _key(record: dict) -> tuple:
    return tuple(str(record[name]) for name in KEY_FIELDS)


def _close(predicted: object, gold: object) -> bool:
    p, g = Decimal(str(predicted)), Decimal(str(gold))
    if g == 0:
        return p == 0
    return abs(p - g) <= abs(g) * VALUE_TOLERANCE


def evaluate(gold: list[dict], predicted: list[dict], headline_codes: set[str]) -> Evaluation:
    """Match predicted records to gold records; only documents present in `predicted`'s run are scored."""
    result = Evaluation()
    predicted = [p for p in predicted if p["indicator"] in headline_codes]
    unmatched: dict[tuple, list[dict]] = defaultdict(list)
    for record in gold:
        unmatched[_key(record)].append(record)
    for record in gold:
        for tally in (result.total, result.by_indicator[record["indicator"]], result.by_document[record["document"]]):
            tally.gold += 1
    for record in predicted:
        tallies = (result.total, result.by_indicator[record["indicator"]], result.by_document[record["document"]])
        candidates = unmatched[_key(record)]
        # Closest gold value first, so that two statements of one fact pair off correctly.
        fitting = sorted((g for g in candidates if _close(record["value"], g["value"])),
                         key=lambda g: abs(Decimal(str(record["value"])) - Decimal(str(g["value"]))))
        for tally in tallies:
            tally.predicted += 1
        if fitting:
            candidates.remove(fitting[0])
            for tally in tallies:
                tally.matched += 1
        else:
            result.extras.append(record)
    result.misses = [g for records in unmatched.values() for g in records]
    return result


def _row(name: str, tally: Tally) -> str:
    return (f"  {name:<36} {tally.gold:>5} {tally.predicted:>5} {tally.matched:>5}"
            f"   {tally.precision:.3f}  {tally.recall:.3f}  {tally.f1:.3f}")


def _describe(record: dict) -> str:
    value = record["value"]
    high = record.get("value_high")
    shown = f"{value}~{high}" if high is not None else f"{value}"
    return (f"{record['document']}: {record.get('region', '')} {record['region_code']} {record['indicator']} "
            f"{record['year']} {record['kind']} {record.get('comparator', '=')} {shown}\n"
            f"      「{record.get('quote', '')}」")


def print_report(result: Evaluation, out: TextIO, *, details: bool = True) -> None:
    """The per-indicator and per-document tables, every miss and extra, then the one-line summary."""
    header = f"  {'':<36} {'gold':>5} {'pred':>5} {'match':>5}   prec   recall F1"
    print("By indicator", file=out)
    print(header, file=out)
    for name in sorted(result.by_indicator):
        print(_row(name, result.by_indicator[name]), file=out)
    print("\nBy document", file=out)
    print(header, file=out)
    for name in sorted(result.by_document):
        print(_row(name, result.by_document[name]), file=out)
    if details:
        print(f"\nMissed ({len(result.misses)}): in the gold, not reported", file=out)
        for record in sorted(result.misses, key=_key):
            print(f"  - {_describe(record)}", file=out)
        print(f"\nExtra ({len(result.extras)}): reported, not in the gold", file=out)
        for record in sorted(result.extras, key=_key):
            print(f"  + {_describe(record)}", file=out)
    total = result.total
    print(f"\nF1 {total.f1:.3f} (precision {total.precision:.3f}, recall {total.recall:.3f}; "
          f"{total.gold} gold, {total.predicted} predicted)", file=out)
