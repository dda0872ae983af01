"""Review decisions: a person's answer to what the machine was unsure of, kept as reviewed data.

A review item is a figure the parser skipped as uncertain (raw.ingest_errors,
`figure_skipped`), a row the quality gate quarantined (raw.quarantine) or a fact whose
sources disagree (marts.fct_source_conflicts). dbt gives each a stable id from its natural
key (dbt_project/macros/review_item_id.sql): `skipped-…`, `quarantined-…`, `conflict-…`.

A decision is one YAML file in the reviews folder (data/reviews/, `$MINZHENG_REVIEWS`),
named after its item (`conflict-0123456789.yaml`), with who made it (`by`), when (`at`),
why (`reason`) and what it says:

- `accept` a skipped figure or a quarantined row: the figure the file states (region,
  indicator, year, kind, value) enters the facts as a statement of its source;
- `accept` a conflict: the value the marts chose is confirmed (recorded as `value` and
  `source`, and kept canonical from then on);
- `choose` on a conflict: the statements with this `value` (and/or from this `source`) are
  the fact's canonical value;
- `reject` a statement of a conflict (`value` and/or `source`): it leaves the canonical
  choice; `reject` a skipped figure or a quarantined row: it stays out, the item is closed.

Every build lands the decisions as raw.review_decisions and applies them in dbt; a file
that is not a valid decision is refused with the reason (raw.review_refusals) and changes
nothing. Removing a file restores the machine's answer on the next run. `minzheng review`
(minzheng/review.py) writes these files after checking them here.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

import polars as pl
import yaml

from ingest.catalogue import Catalogue, load_catalogue
from warehouse.catalogue import CATALOGUE_FILE, FIRST_YEAR, LAST_YEAR
from warehouse.raw import read_regions
from warehouse.rounding import rounding_unit

SUFFIX = ".yaml"
# The item kinds, as the prefixes of their ids (the same words in macros/review_item_id.sql).
SKIPPED, QUARANTINED, CONFLICT = "skipped", "quarantined", "conflict"
ITEM_ID = re.compile(rf"(?P<kind>{SKIPPED}|{QUARANTINED}|{CONFLICT})-[0-9a-f]{{10}}")
ACCEPT, REJECT, CHOOSE = "accept", "reject", "choose"
DECISIONS = (ACCEPT, REJECT, CHOOSE)
# A figure's kind (docs/figures-contract.md).
KINDS = ("actual", "target")
# Where an accepted statement comes from: a document (by its content hash) or a statistics file.
SOURCE_KINDS = ("document", "statistics")


class DecisionRefused(ValueError):
    """A decision that is not recorded or applied; the message says why."""


@dataclass(frozen=True)
class Decision:
    """One decision file's content, checked."""

    item: str
    decision: str
    by: str
    at: str
    reason: str
    # The fact (a conflict) or the figure that enters the facts (an accepted item).
    region_code: str | None = None
    indicator: str | None = None
    year: int | None = None
    kind: str | None = None
    value: float | None = None
    # The statements of a conflict chosen or rejected: by source (a document's file name or a
    # statistics file) and/or by value. For an accepted item, where its statement comes from.
    source: str | None = None
    source_kind: str | None = None
    document_id: str | None = None
    source_url: str | None = None
    quote: str | None = None

    @property
    def item_kind(self) -> str:
        return ITEM_ID.fullmatch(self.item)["kind"]

    def to_yaml(self) -> str:
        """The file's text: the fields that are set, in the dataclass's order."""
        written = {name: value for name, value in asdict(self).items() if value is not None}
        if self.value is not None and float(self.value).is_integer():
            written["value"] = int(self.value)
        return yaml.safe_dump(written, allow_unicode=True, sort_keys=False, width=1000)


FIELDS = tuple(field.name for field in fields(Decision))
DECISION_SCHEMA = {
    "item": pl.String, "item_kind": pl.String, "decision": pl.String, "reviewed_by": pl.String,
    "reviewed_at": pl.String, "reason": pl.String, "region_code": pl.String, "indicator": pl.String,
    "year": pl.Int32, "kind": pl.String, "value": pl.Float64, "value_resolution": pl.Float64,
    "source": pl.String, "source_kind": pl.String, "document_id": pl.String, "source_url": pl.String,
    "quote": pl.String,
    "decision_file": pl.String,
}
REFUSAL_SCHEMA = {"decision_file": pl.String, "reason": pl.String}


@dataclass(frozen=True)
class Reference:
    """What a decision is checked against: the catalogue (units and their bounds) and the regions."""

    catalogue: Catalogue
    region_codes: frozenset[str]

    @classmethod
    def read(cls, reference_dir: Path) -> Reference:
        regions = read_regions(reference_dir)
        return cls(load_catalogue(Path(reference_dir) / CATALOGUE_FILE),
                   frozenset(regions["region_code"].to_list()))


def _text(fields_: dict, name: str) -> str | None:
    value = fields_.get(name)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _number(name: str, value: object) -> Decimal:
    try:
        number = Decimal(str(value).replace(",", ""))
    except InvalidOperation:
        raise DecisionRefused(f"{name} {value!r} is not a number") from None
    if not number.is_finite():
        raise DecisionRefused(f"{name} {value!r} is not a number")
    return number


def check(fields_: dict, reference: Reference) -> Decision:
    """The decision these fields state, or DecisionRefused naming what is wrong."""
    unknown = sorted(set(fields_) - set(FIELDS))
    if unknown:
        raise DecisionRefused(f"unknown field {unknown[0]!r} (a decision has {', '.join(FIELDS)})")
    item = _text(fields_, "item") or ""
    if not ITEM_ID.fullmatch(item):
        raise DecisionRefused(f"item {item!r} is no review item id (skipped-, quarantined- or "
                              "conflict- and 10 hex digits)")
    decision = _text(fields_, "decision")
    if decision not in DECISIONS:
        raise DecisionRefused(f"decision {decision!r} is not one of {', '.join(DECISIONS)}")
    for name in ("by", "reason"):
        if not _text(fields_, name):
            raise DecisionRefused(f"no {name}: a decision says who made it and why")
    at = _text(fields_, "at") or ""
    try:
        datetime.fromisoformat(at)
    except ValueError:
        raise DecisionRefused(f"at {at!r} is not a time written YYYY-MM-DDTHH:MM:SS+HH:MM") from None
    kind_of_item = ITEM_ID.fullmatch(item)["kind"]
    if decision == CHOOSE and kind_of_item != CONFLICT:
        raise DecisionRefused("choose picks a value among the statements of a conflict, and this is a "
                              f"{'skipped figure' if kind_of_item == SKIPPED else 'quarantined row'}: "
                              "accept or reject it instead")
    checked = {name: _text(fields_, name) for name in FIELDS}
    checked["decision"] = decision
    checked["at"] = at
    value = None if fields_.get("value") is None else _number("value", fields_["value"])
    states_a_figure = decision != REJECT and kind_of_item != CONFLICT
    if kind_of_item == CONFLICT or states_a_figure:
        missing = [name for name in ("region_code", "indicator", "year", "kind") if not checked[name]]
        if states_a_figure and value is None:
            missing.append("value")
        if missing:
            raise DecisionRefused(f"no {', '.join(missing)}: a decision on {item} states the "
                                  f"{'fact' if kind_of_item == CONFLICT else 'figure that enters the facts'}")
        checked["year"] = _year(checked["year"])
        if checked["kind"] not in KINDS:
            raise DecisionRefused(f"kind {checked['kind']!r} is not one of {', '.join(KINDS)}")
        if checked["region_code"] not in reference.region_codes:
            raise DecisionRefused(f"region code {checked['region_code']!r} is not in data/reference/regions.csv")
        indicator = reference.catalogue.indicators.get(checked["indicator"])
        if indicator is None:
            raise DecisionRefused(f"indicator {checked['indicator']!r} is not in the catalogue "
                                  "(data/reference/indicators.yaml)")
        if value is not None and not indicator.unit.accepts(value):
            unit = indicator.unit
            raise DecisionRefused(
                f"value {value} is outside what {unit.code} can be for {indicator.code} "
                f"({unit.minimum} to {unit.maximum}{', whole' if unit.integer else ''}: {unit.reason})")
    if kind_of_item == CONFLICT and decision != ACCEPT and value is None and not checked["source"]:
        raise DecisionRefused(f"{decision} on a conflict names the statements: give a value or a source")
    if kind_of_item == CONFLICT and decision == ACCEPT and (value is None or not checked["source"]):
        raise DecisionRefused("accept on a conflict records the value and source it confirms")
    if states_a_figure:
        if checked["source_kind"] not in SOURCE_KINDS:
            raise DecisionRefused(f"source_kind {checked['source_kind']!r} is not one of {', '.join(SOURCE_KINDS)}")
        if checked["source_kind"] == "document" and not checked["document_id"]:
            raise DecisionRefused("no document_id: an accepted figure of a document names the document")
        if checked["source_kind"] == "statistics" and not (checked["source"] and checked["source_url"]):
            raise DecisionRefused("no source or source_url: an accepted statistics row names its file "
                                  "and where it was published")
    checked["value"] = None if value is None else float(value)
    return Decision(**checked)


def _year(value: object) -> int:
    try:
        year = int(str(value))
    except ValueError:
        raise DecisionRefused(f"year {value!r} is not a year") from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DecisionRefused(f"year {year} is outside {FIRST_YEAR}-{LAST_YEAR}")
    return year


def decision_file(folder: Path, item: str) -> Path:
    return Path(folder) / f"{item}{SUFFIX}"


def read_decision(path: Path, reference: Reference) -> Decision:
    """The decision of one file, or DecisionRefused naming what is wrong with it."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DecisionRefused("not UTF-8 text") from None
    try:
        # BaseLoader keeps every scalar as written (a region code stays '310110', a time a string).
        loaded = yaml.load(text, Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds no objects
    except yaml.YAMLError as error:
        raise DecisionRefused(f"not YAML ({str(error).splitlines()[0]})") from None
    if not isinstance(loaded, dict):
        raise DecisionRefused("not a mapping of fields")
    decision = check(loaded, reference)
    if path.name != decision_file(path.parent, decision.item).name:
        raise DecisionRefused(f"a decision on {decision.item} is named {decision.item}{SUFFIX}")
    return decision


def read_decisions(folder: Path, reference: Reference) -> tuple[list[Decision], list[tuple[str, str]]]:
    """Every decision file in the folder, and the files refused with the reason.

    Only `*.yaml` files at the folder's top are decisions (a README beside them is not);
    hidden files are ignored.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return [], []
    decisions, refused = [], []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        if path.name.startswith(".") or not path.is_file():
            continue
        try:
            decisions.append(read_decision(path, reference))
        except (DecisionRefused, OSError) as problem:
            refused.append((path.name, str(problem)))
    return decisions, refused


def write_decision(folder: Path, decision: Decision) -> Path:
    """Write a checked decision as its item's file; an item already decided is refused."""
    path = decision_file(folder, decision.item)
    if path.exists():
        raise DecisionRefused(f"{decision.item} already has a decision ({path}); remove that file "
                              "to decide it again")
    folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.tmp")
    partial.write_text("# A review decision: see the README, Reviewing what the machine was unsure of.\n"
                       + decision.to_yaml(), encoding="utf-8")
    partial.replace(path)
    return path


def decision_tables(decisions: list[Decision], refused: list[tuple[str, str]]) -> dict[str, pl.DataFrame]:
    """raw.review_decisions (with each stated value's rounding unit, read from its quote as the
    parser's are) and raw.review_refusals."""
    rows = [{
        **{name: getattr(decision, name) for name in FIELDS if name not in ("by", "at")},
        "item_kind": decision.item_kind, "reviewed_by": decision.by, "reviewed_at": decision.at,
        "value_resolution": rounding_unit(decision.value, decision.quote),
        "decision_file": decision_file(Path(), decision.item).name,
    } for decision in decisions]
    return {
        "review_decisions": pl.DataFrame(rows, schema=DECISION_SCHEMA, orient="row"),
        "review_refusals": pl.DataFrame([{"decision_file": name, "reason": reason} for name, reason in refused],
                                        schema=REFUSAL_SCHEMA, orient="row"),
    }
