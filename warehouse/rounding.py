"""How precisely a statement writes its value: the rounding unit of the number as written.

15.9万 is 159,000 written to the nearest 1,000; 159,012 to the nearest 1; 8,000 to the
nearest 1 (digits are taken as written, trailing zeros included); 五千 to the nearest
1,000; 8.3 under a table's 亿元 column is 830,000,000 to the nearest 10,000,000. Two
statements of one fact agree when they differ by no more than half the coarser unit
(dbt_project/macros/values_agree.sql): 15.9万 and 159,012 agree, 8,000 and 8,358 do not.

The figure record gives the value with 万 and 亿 expanded (docs/figures-contract.md), so
the unit is read back from its quote: the written number whose value is the record's,
with the parser's own patterns for numbers and multipliers (ingest/numbers.py).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ingest.numbers import CHINESE_NUMBER, MULTIPLIER_RE, MULTIPLIERS, NUMBER, parse_number

WRITTEN = re.compile(rf"(?P<number>{NUMBER}|{CHINESE_NUMBER})(?:\s*(?P<multiplier>{MULTIPLIER_RE}))?")
# Digits of a value as a reader wrote it; Chinese numerals name their magnitudes instead.
DIGITS = re.compile(r"[\d,.]+")
# A value read back is the value when it differs by no more than this share (float noise).
SAME = Decimal("1e-9")


def _decimal(value: float | int) -> Decimal:
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def _unit_of_digits(number: Decimal) -> Decimal:
    """10 to the power of the last written place: 15.9 -> 0.1, 8000 -> 1."""
    exponent = number.as_tuple().exponent
    return Decimal(1).scaleb(min(exponent, 0))


def _unit_of_numerals(number: Decimal) -> Decimal:
    """The smallest magnitude a Chinese numeral names: 五千 -> 1000, 一万零五 -> 1."""
    unit = Decimal(1)
    while number and number % (unit * 10) == 0:
        unit *= 10
    return unit


def _same(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= SAME * max(Decimal(1), abs(b))


def written_units(value: float | int, quote: str) -> list[Decimal]:
    """The rounding units of every number in `quote` that, as written, is `value`."""
    target = _decimal(value)
    units = []
    for match in WRITTEN.finditer(quote):
        written = match.group("number")
        number = parse_number(written)
        if number is None:
            continue
        multiplier = MULTIPLIERS.get(match.group("multiplier") or "", Decimal(1))
        if not _same(number * multiplier, target):
            continue
        plain = DIGITS.fullmatch(written) is not None
        units.append((_unit_of_digits(number) if plain else _unit_of_numerals(number)) * multiplier)
    return units


def rounding_unit(value: float | int | None, quote: str | None) -> float | None:
    """The rounding unit of a stated value, read from its quote; None without a value.

    The coarsest unit of the numbers in the quote that are the value as written. When none
    is (a table row run together, 8.38.5 under 亿元), the value as the quote's largest
    multiplier writes it (8.3亿: 10,000,000); else the value's own digits, whole numbers to 1.
    """
    if value is None:
        return None
    quote = quote or ""
    units = written_units(value, quote)
    if units:
        return float(max(units))
    target = _decimal(value)
    for word, multiplier in sorted(MULTIPLIERS.items(), key=lambda item: -item[1]):
        if word in quote and abs(target) >= multiplier:
            return float(_unit_of_digits((target / multiplier).normalize()) * multiplier)
    try:
        return float(_unit_of_digits(target.normalize() if target != target.to_integral() else Decimal(1)))
    except InvalidOperation:
        return None
