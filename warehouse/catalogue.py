"""The indicator catalogue the parser reads (ingest.catalogue) as raw units and indicators."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from ingest.catalogue import load_catalogue

CATALOGUE_FILE = "indicators.yaml"
# The years a figure may be of, for the raw suite and review decisions alike.
FIRST_YEAR, LAST_YEAR = 1949, 2100

UNIT_SCHEMA = {
    "unit": pl.String, "name_zh": pl.String, "min_value": pl.Float64, "max_value": pl.Float64,
    "is_count": pl.Boolean, "bounds_reason": pl.String,
}
INDICATOR_SCHEMA = {
    "indicator": pl.String, "name_zh": pl.String, "name_en": pl.String, "unit": pl.String,
    "is_headline": pl.Boolean, "description": pl.String,
}


def catalogue_tables(reference_dir: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(units, indicators) frames from data/reference/indicators.yaml."""
    catalogue = load_catalogue(Path(reference_dir) / CATALOGUE_FILE)
    units = [{"unit": unit.code, "name_zh": unit.zh, "min_value": float(unit.minimum),
              "max_value": float(unit.maximum), "is_count": unit.integer,
              "bounds_reason": unit.reason}
             for unit in catalogue.units.values()]
    indicators = [{"indicator": indicator.code, "name_zh": indicator.name_zh,
                   "name_en": indicator.name_en, "unit": indicator.unit.code,
                   "is_headline": indicator.headline, "description": indicator.description or None}
                  for indicator in catalogue.indicators.values()]
    return (pl.DataFrame(units, schema=UNIT_SCHEMA, orient="row"),
            pl.DataFrame(indicators, schema=INDICATOR_SCHEMA, orient="row"))
