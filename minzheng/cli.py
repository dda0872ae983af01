"""The `minzheng` command line: extract, run, ui, docs."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ingest.extract import DocumentRejected, extract_file


def cmd_extract(args: argparse.Namespace) -> int:
    """Print the figure records of each file as JSON lines; exit 2 if any file was refused."""
    status = 0
    out = sys.stdout
    for name in args.files:
        path = Path(name)
        try:
            result = extract_file(path)
        except DocumentRejected as refused:
            print(f"minzheng extract: {name}: {refused.reason}", file=sys.stderr)
            status = 2
            continue
        except OSError as error:
            print(f"minzheng extract: {name}: cannot read ({error.strerror})", file=sys.stderr)
            status = 2
            continue
        for record in result.records:
            out.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
    return status


def cmd_run(args: argparse.Namespace) -> int:
    """Run the whole pipeline in-process and publish the warehouse (orchestration/runner.py)."""
    from orchestration.runner import run_command

    return run_command(args.documents, args.statistics, args.warehouse, force=args.force,
                       verbose=args.verbose)


def cmd_ui(args: argparse.Namespace) -> int:
    """Start the Dagster UI on 127.0.0.1 (orchestration/ui.py)."""
    from orchestration.ui import ui_command

    return ui_command(port=args.port)


def cmd_docs(args: argparse.Namespace) -> int:
    """Generate (and optionally serve) the dbt docs site (orchestration/dbt_models.py)."""
    from orchestration.dbt_models import docs_command

    return docs_command(serve=args.serve, port=args.port)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="minzheng", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="print the figure records of documents as JSON lines")
    extract.add_argument("files", nargs="+", metavar="FILE")
    extract.set_defaults(handler=cmd_extract)
    run = commands.add_parser("run", help="parse, build, test and publish the warehouse")
    run.add_argument("--documents", type=Path, metavar="DIR", help="documents inbox")
    run.add_argument("--statistics", type=Path, metavar="DIR", help="annual statistics files")
    run.add_argument("--warehouse", type=Path, metavar="FILE", help="published DuckDB file")
    run.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    run.add_argument("--verbose", action="store_true", help="show Dagster and dbt logs")
    run.set_defaults(handler=cmd_run)
    ui = commands.add_parser("ui", help="start the Dagster UI on 127.0.0.1")
    ui.add_argument("--port", type=int, default=3000)
    ui.set_defaults(handler=cmd_ui)
    docs = commands.add_parser("docs", help="generate the dbt docs site")
    docs.add_argument("--serve", action="store_true", help="serve it on 127.0.0.1 afterwards")
    docs.add_argument("--port", type=int, default=8080)
    docs.set_defaults(handler=cmd_docs)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except BrokenPipeError:
        # The reader went away (`minzheng extract ... | head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
