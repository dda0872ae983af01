"""`minzheng review`: list what the machine was unsure of, and record a person's decision on it.

The items and their ids come from the published warehouse (marts.fct_review_items); a
decision is checked (warehouse/reviews.py) and written to the reviews folder as one file,
which the next `minzheng run` applies. Nothing here writes to the warehouse.
"""

from __future__ import annotations

import argparse
import getpass
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from warehouse.reviews import (
    ACCEPT,
    CHOOSE,
    CONFLICT,
    ITEM_ID,
    REJECT,
    DecisionRefused,
    Reference,
    check,
    read_decisions,
    write_decision,
)
from warehouse.settings import Paths


class ReviewRefused(Exception):
    """A review command that cannot be carried out; the message says why."""


def _connect(published: Path) -> duckdb.DuckDBPyConnection:
    if not published.exists():
        raise ReviewRefused(f"no published warehouse at {published}: run `minzheng run` first")
    return duckdb.connect(str(published), read_only=True)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, parameters: list) -> list[dict]:
    cursor = con.execute(sql, parameters)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _item(con: duckdb.DuckDBPyConnection, item_id: str) -> dict:
    if not ITEM_ID.fullmatch(item_id):
        raise ReviewRefused(f"{item_id!r} is no review item id (skipped-, quarantined- or conflict- "
                            "and 10 hex digits): `minzheng review` lists the open items")
    found = _rows(con, "select * from marts.fct_review_items where review_item_id = ?", [item_id])
    if not found:
        raise ReviewRefused(f"unknown review item {item_id}: the published warehouse has no such item "
                            "(`minzheng review` lists the open ones)")
    return found[0]


def _reviewer(given: str | None) -> str:
    """--by, else git's user.name, else the login name."""
    if given and given.strip():
        return given.strip()
    try:
        name = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True,
                              check=False).stdout.strip()
    except OSError:
        name = ""
    return name or getpass.getuser()


def _same_value(a: float, b: float) -> bool:
    """Equal as numbers (floating-point noise aside), as int_fact_statements.sql matches a decision."""
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1)


def _statements(con: duckdb.DuckDBPyConnection, item: dict) -> list[dict]:
    """A conflict's statements: value and source as a decision names them."""
    return _rows(con, """
        select statements.value, coalesce(statements.document_name, statements.statistics_file) as source,
               statements.record_number, statements.statistics_row_number
        from marts.bridge_fact_statements as statements
        inner join marts.fct_source_conflicts as conflicts using (fact_id)
        where conflicts.review_item_id = ?
        order by statements.precedence, statements.statement_number""", [item["review_item_id"]])


def _described(statements: list[dict]) -> str:
    return "; ".join(f"{_number(s['value'])} ({s['source']})" for s in statements)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _named_statements(con, item: dict, args: argparse.Namespace) -> list[dict]:
    """The statements of a conflict that --value and --source name; refused when none does."""
    if args.value is None and not args.source:
        raise ReviewRefused(f"{args.action} on a conflict names the statements: give --value or --source")
    statements = _statements(con, item)
    named = [s for s in statements
             if (args.value is None or _same_value(s["value"], float(args.value)))
             and (not args.source or s["source"] == args.source)]
    if not named:
        asked = [f"value {args.value}" if args.value is not None else "",
                 f"source {args.source}" if args.source else ""]
        raise ReviewRefused(f"no statement of {item['review_item_id']} has {' and '.join(filter(None, asked))}; "
                            f"its statements are {_described(statements)}")
    if args.action == CHOOSE and len({s["value"] for s in named}) > 1:
        raise ReviewRefused(f"the statements of source {args.source} differ ({_described(named)}): "
                            "give --value too")
    if args.action == REJECT and len(named) == len(statements):
        raise ReviewRefused(f"that rejects every statement of {item['review_item_id']} "
                            f"({_described(statements)}); reject fewer, or choose one")
    return named


def _figure_fields(item: dict, args: argparse.Namespace) -> dict:
    """The figure an accepted skipped figure or quarantined row enters the facts as: the item
    as written, with what the reviewer gave in its place."""
    fields = {"region_code": args.region_code or item["region_code"],
              "indicator": args.indicator or item["indicator"],
              "year": args.year if args.year is not None else item["year"],
              "kind": args.kind or item["kind"],
              "value": args.value if args.value is not None else item["value"],
              "source_kind": item["source_kind"], "quote": args.quote or item["quote"] or item["reason"],
              "source_url": args.source_url or item["source_url"]}
    if item["source_kind"] == "document":
        fields["document_id"] = item["document_id"]
    else:
        fields["source"] = item["source_file"]
    missing = [name for name in ("indicator", "year", "kind", "value") if fields[name] in (None, "")]
    if missing:
        options = ", ".join(f"--{name}" for name in missing)
        raise ReviewRefused(f"accepting {item['review_item_id']} enters a figure in the facts: give {options} "
                            "(what the source states)")
    return fields


def decide(paths: Paths, args: argparse.Namespace) -> Path:
    """Check a decision against the published warehouse and the reference data; write its file."""
    with _connect(paths.published) as con:
        item = _item(con, args.item)
        kind = item["item_kind"]
        fields = {"item": args.item, "decision": args.action, "by": _reviewer(args.by),
                  "at": datetime.now(UTC).isoformat(timespec="seconds"), "reason": args.reason}
        # choose on anything but a conflict is refused by check(), with the reason.
        if kind == CONFLICT:
            fields |= {"region_code": item["region_code"], "indicator": item["indicator"],
                       "year": item["year"], "kind": item["kind"]}
            if args.action == ACCEPT:
                # The value the marts show now is confirmed, and stays canonical from now on.
                fields |= {"value": item["value"], "source": item["source_file"]}
            else:
                named = _named_statements(con, item, args)
                fields |= {"value": named[0]["value"] if args.value is not None or args.action == CHOOSE else None,
                           "source": args.source}
        elif args.action == ACCEPT:
            fields |= _figure_fields(item, args)
    try:
        decision = check(fields, Reference.read(paths.reference))
        return write_decision(paths.reviews, decision)
    except DecisionRefused as refused:
        raise ReviewRefused(f"{args.item}: {refused}") from None


def list_items(paths: Paths, show_all: bool, out=sys.stdout) -> None:
    """Print the open items (every item with show_all), and what the reviews folder holds
    that the published warehouse does not show yet."""
    decisions, refused = read_decisions(paths.reviews, Reference.read(paths.reference))
    waiting = {decision.item for decision in decisions}
    with _connect(paths.published) as con:
        items = _rows(con, "select * from marts.fct_review_items order by item_kind, source_file, "
                           "record_number, region_code, indicator, year, review_item_id", [])
    known = {item["review_item_id"]: item for item in items}
    shown = [item for item in items
             if show_all or (item["status"] == "open" and item["review_item_id"] not in waiting)]
    for item in shown:
        what = " ".join(str(part) for part in (item["region_code"], item["indicator"], item["year"], item["kind"])
                        if part is not None)
        value = f" = {item['value']} {item['unit'] or ''}".rstrip() if item["value"] is not None else ""
        where = item["source_file"] + (f" record {item['record_number']}" if item["record_number"] else "")
        status = "" if item["status"] == "open" else f"  [{item['status']} by {item['reviewed_by']}]"
        print(f"{item['review_item_id']}  {item['item_kind']}  {where}{status}", file=out)
        print(f"    {what}{value}", file=out)
        if item["quote"]:
            print(f"    quote: {item['quote']}", file=out)
        print(f"    reason: {item['reason']}", file=out)
    opened = sum(1 for item in items if item["status"] == "open" and item["review_item_id"] not in waiting)
    print(f"{opened} open review items in {paths.published}; decide with `minzheng review accept|reject|choose "
          "ID --reason ...`", file=out)
    pending = sorted(item for item in waiting if item in known and known[item]["status"] == "open")
    if pending:
        print(f"{len(pending)} decisions in {paths.reviews} wait for the next `minzheng run`: "
              f"{', '.join(pending)}", file=out)
    stale = sorted(waiting - set(known))
    if stale:
        print(f"{len(stale)} decisions in {paths.reviews} match no item of the published warehouse "
              f"(the item is gone): {', '.join(stale)}", file=out)
    for name, reason in refused:
        print(f"refused review {name}: {reason}", file=out)


def review_command(args: argparse.Namespace) -> int:
    """`minzheng review [list|accept|reject|choose]`: 0 when done, 2 when refused."""
    paths = Paths.from_env().with_overrides(published=args.warehouse, reviews=args.reviews)
    try:
        if args.action in (None, "list"):
            list_items(paths, show_all=getattr(args, "all", False))
            return 0
        path = decide(paths, args)
    except ReviewRefused as refused:
        print(f"minzheng review: {refused}", file=sys.stderr)
        return 2
    print(f"recorded: {args.action} {args.item} in {path}; the next `minzheng run` applies it "
          "(remove the file to undo)")
    return 0


def add_review_parser(commands) -> None:
    """The `review` command and its actions, on the main parser's subcommands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--warehouse", type=Path, metavar="FILE",
                        help="the published warehouse the items come from (default as `minzheng run`)")
    common.add_argument("--reviews", type=Path, metavar="DIR",
                        help="where decisions are kept (default $MINZHENG_REVIEWS, else data/reviews)")
    review = commands.add_parser(
        "review", parents=[common], help="list skipped figures, quarantined rows and conflicts; decide them",
        description="Review items are figures the parser skipped as uncertain, rows the quality gate "
                    "quarantined and facts whose sources disagree. Without an action, list the open ones.")
    actions = review.add_subparsers(dest="action")
    listing = actions.add_parser("list", parents=[common], help="list the open review items")
    listing.add_argument("--all", action="store_true", help="also the items already decided")

    def decision(name: str, text: str) -> argparse.ArgumentParser:
        parser = actions.add_parser(name, parents=[common], help=text, description=text)
        parser.add_argument("item", metavar="ID", help="the review item's id, as `minzheng review` lists it")
        parser.add_argument("--reason", required=True, help="why (kept with the decision)")
        parser.add_argument("--by", help="who decides (default: git's user.name, else $USER)")
        return parser

    accept = decision(ACCEPT, "accept a skipped figure or quarantined row into the facts, or confirm a "
                              "conflict's canonical value")
    accept.add_argument("--indicator", help="the figure's indicator (required for a skipped figure)")
    accept.add_argument("--year", type=int, help="the figure's year (required for a skipped figure)")
    accept.add_argument("--kind", choices=("actual", "target"), help="actual or target (required for a skipped figure)")
    accept.add_argument("--value", help="the figure's value in the catalogue's unit (required for a skipped figure)")
    accept.add_argument("--region-code", help="the figure's region (default: the row's, or the document's)")
    accept.add_argument("--quote", help="the source's words for it (default: the row's quote, or the parser's note)")
    accept.add_argument("--source-url", help="where a statistics row was published (default: the row's)")
    for name, text in ((REJECT, "reject a skipped figure or quarantined row (it stays out), or a statement "
                                "of a conflict (it leaves the canonical choice)"),
                       (CHOOSE, "choose which statement of a conflict is canonical")):
        parser = decision(name, text)
        parser.add_argument("--value", help="the statements with this value")
        parser.add_argument("--source", help="the statements of this source (document file name or statistics file)")
    review.set_defaults(handler=review_command)

