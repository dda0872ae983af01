"""The indicator catalogue (data/reference/indicators.yaml) as two tables: units and indicators.

The catalogue is reviewed data shared with the parser: units with plausible bounds,
indicators with code, unit, names and the headline flag. Both a mapping keyed by
code and a list of entries with a `code` field are accepted.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import yaml

CATALOGUE_FILE = "indicators.yaml"

UNIT_SCHEMA = {
    "unit": pl.String, "name_zh": pl.String, "name_en": pl.String,
    "min_value": pl.Float64, "max_value": pl.Float64,
}
INDICATOR_SCHEMA = {
    "indicator": pl.String, "name_zh": pl.String, "name_en": pl.String, "unit": pl.String,
    "is_headline": pl.Boolean, "description": pl.String,
}


class CatalogueError(ValueError):
    """The catalogue file is missing or malformed."""


def _entries(section: object, what: str) -> list[tuple[str, dict]]:
    """(code, fields) pairs from a mapping keyed by code or a list of entries with `code`."""
    if isinstance(section, dict):
        return [(str(code), dict(fields or {})) for code, fields in section.items()]
    if isinstance(section, list):
        pairs = []
        for number, fields in enumerate(section, start=1):
            code = (fields or {}).get("code")
            if not code:
                raise CatalogueError(f"{what} entry {number} has no code")
            pairs.append((str(code), dict(fields)))
        return pairs
    raise CatalogueError(f"'{what}' must be a mapping or a list")


def _first(fields: dict, *names: str):
    for name in names:
        if fields.get(name) is not None:
            return fields[name]
    return None


def _bounds(fields: dict) -> tuple[float | None, float | None]:
    pair = fields.get("bounds") or fields.get("range") or fields.get("plausible")
    if isinstance(pair, dict):
        return _first(pair, "min", "low", "lower"), _first(pair, "max", "high", "upper")
    if isinstance(pair, (list, tuple)) and len(pair) == 2:
        return pair[0], pair[1]
    return _first(fields, "min", "min_value", "low", "lower"), _first(fields, "max", "max_value",
                                                                        "high", "upper")


def load_catalogue(reference_dir: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Read the catalogue; return (units, indicators) frames."""
    path = Path(reference_dir) / CATALOGUE_FILE
    if not path.exists():
        raise CatalogueError(f"{path} not found: the indicator catalogue is needed to check units")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise CatalogueError(f"{path}: not valid YAML ({error})") from error
    units = []
    for code, fields in _entries(data.get("units") or {}, "units"):
        low, high = _bounds(fields)
        units.append({
            "unit": code,
            "name_zh": _first(fields, "name_zh", "zh", "symbol_zh", "label_zh"),
            "name_en": _first(fields, "name_en", "en", "label_en", "name"),
            "min_value": None if low is None else float(low),
            "max_value": None if high is None else float(high),
        })
    indicators = []
    for code, fields in _entries(data.get("indicators") or {}, "indicators"):
        indicators.append({
            "indicator": code,
            "name_zh": _first(fields, "name_zh", "zh"),
            "name_en": _first(fields, "name_en", "en", "name"),
            "unit": _first(fields, "unit"),
            "is_headline": bool(_first(fields, "headline", "is_headline") or False),
            "description": _first(fields, "description", "definition", "note"),
        })
    if not indicators:
        raise CatalogueError(f"{path}: no indicators")
    known_units = {row["unit"] for row in units}
    unknown = sorted({row["unit"] for row in indicators} - known_units) if known_units else []
    if unknown:
        raise CatalogueError(f"{path}: indicators use units not in the catalogue: {unknown}")
    return (pl.DataFrame(units, schema=UNIT_SCHEMA, orient="row"),
            pl.DataFrame(indicators, schema=INDICATOR_SCHEMA, orient="row"))
