"""The `minzheng` command line: extract (and, as the project grows, run, ui, docs)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from ingest.extract import DocumentRejected, extract_file

LOG = logging.getLogger("minzheng.extract")


def cmd_extract(args: argparse.Namespace) -> int:
    """Print the figure records of each file as JSON lines; exit 2 if any file was refused."""
    if args.verbose:
        logging.basicConfig(level=logging.INFO, format="minzheng extract: note: %(message)s", stream=sys.stderr)
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
        for note in result.notes:
            LOG.info("%s: %s", name, note)
        for record in result.records:
            out.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
    return status


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="minzheng", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="print the figure records of documents as JSON lines")
    extract.add_argument("files", nargs="+", metavar="FILE")
    extract.add_argument("-v", "--verbose", action="store_true",
                         help="also print on stderr what was deliberately not taken, and why")
    extract.set_defaults(handler=cmd_extract)
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
