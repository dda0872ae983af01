"""The `minzheng` command line: extract, evaluate, run, worker, ui, docs, review."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from ingest.extract import DocumentRejected, extract_file
from minzheng.review import add_review_parser
from warehouse.inputs import is_origin_file
from warehouse.settings import CELERY_BROKER_VAR, DEFAULT_CELERY_BROKER, EXECUTOR_VAR, EXECUTORS, REVIEWS_VAR

LOG = logging.getLogger("minzheng.extract")


def _extracted(names: list[str]):
    """(name, result or None) for each file; a refused or unreadable file is named on stderr with the reason."""
    for name in names:
        path = Path(name)
        try:
            result = extract_file(path)
        except DocumentRejected as refused:
            print(f"minzheng: {name}: {refused.reason}", file=sys.stderr)
            yield name, None
            continue
        except OSError as error:
            print(f"minzheng: {name}: cannot read ({error.strerror})", file=sys.stderr)
            yield name, None
            continue
        for note in result.notes:
            LOG.info("%s: %s", name, note)
        yield name, result


def _document_files(arguments: list[str]) -> list[str]:
    """The files named, with a directory standing for the documents in it (sorted; origin sidecars are no documents)."""
    files: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            files.extend(str(p) for p in sorted(path.iterdir())
                         if p.is_file() and not p.name.startswith(".") and not is_origin_file(p))
        else:
            files.append(argument)
    return files


def cmd_extract(args: argparse.Namespace) -> int:
    """Print the figure records of each file as JSON lines; exit 2 if any file was refused."""
    if args.verbose:
        logging.basicConfig(level=logging.INFO, format="minzheng extract: note: %(message)s", stream=sys.stderr)
    status = 0
    out = sys.stdout
    for _, result in _extracted(args.files):
        if result is None:
            status = 2
            continue
        for record in result.records:
            out.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
    return status


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Score the parser on documents against gold records (ingest/evaluation.py)."""
    from ingest.catalogue import default_catalogue
    from ingest.evaluation import evaluate, print_report, read_gold

    if args.verbose:
        logging.basicConfig(level=logging.INFO, format="minzheng evaluate: note: %(message)s", stream=sys.stderr)
    try:
        gold = read_gold(args.gold)
    except (OSError, ValueError) as error:
        print(f"minzheng evaluate: {error}", file=sys.stderr)
        return 2
    # The gold file may sit beside the documents it labels: it is not one of them.
    files = [f for f in _document_files(args.documents) if Path(f).resolve() != Path(args.gold).resolve()]
    names = {Path(f).name for f in files}
    unknown = sorted({g["document"] for g in gold} - names)
    if unknown and not args.allow_missing:
        print(f"minzheng evaluate: {args.gold} labels documents not given: {', '.join(unknown)}", file=sys.stderr)
        return 2
    predicted = [record.to_json() for _, result in _extracted(files) if result for record in result.records]
    result = evaluate([g for g in gold if g["document"] in names], predicted, set(default_catalogue().headline_codes))
    print_report(result, sys.stdout, details=not args.quiet)
    if args.min_f1 is not None and result.total.f1 < args.min_f1:
        print(f"minzheng evaluate: F1 {result.total.f1:.3f} is below the required {args.min_f1:.3f}", file=sys.stderr)
        return 1
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """Run the whole pipeline in-process and publish the warehouse (orchestration/runner.py)."""
    from orchestration.runner import run_command

    return run_command(args.documents, args.statistics, args.warehouse, force=args.force,
                       verbose=args.verbose, executor=args.executor, reviews=args.reviews)


def cmd_worker(args: argparse.Namespace) -> int:
    """Start a dagster-celery worker that parses documents for `run --executor celery`."""
    from orchestration.cluster import worker_command

    return worker_command(concurrency=args.concurrency, name=args.name, loglevel=args.loglevel)


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
    extract.add_argument("-v", "--verbose", action="store_true",
                         help="also print on stderr what was deliberately not taken, and why")
    extract.set_defaults(handler=cmd_extract)
    evaluate = commands.add_parser(
        "evaluate", help="score the parser against hand-labelled gold figures",
        description="Extract the documents and compare their headline figures with the gold records: a figure "
                    "matches when document, region_code, indicator, year and kind are equal and the value is "
                    "within 0.5%%.")
    evaluate.add_argument("--gold", type=Path, required=True, metavar="GOLD.jsonl",
                          help="gold figure records, one JSON object a line")
    evaluate.add_argument("documents", nargs="+", metavar="DOC", help="document files, or folders of them")
    evaluate.add_argument("--min-f1", type=float, metavar="F1", help="exit 1 when F1 is below this")
    evaluate.add_argument("--allow-missing", action="store_true",
                          help="score only the documents given, even if the gold labels others")
    evaluate.add_argument("-q", "--quiet", action="store_true", help="print the tables and the summary only")
    evaluate.add_argument("-v", "--verbose", action="store_true",
                          help="also print on stderr what was deliberately not taken, and why")
    evaluate.set_defaults(handler=cmd_evaluate)
    run = commands.add_parser("run", help="parse, build, test and publish the warehouse")
    run.add_argument("--documents", type=Path, metavar="DIR", help="documents inbox")
    run.add_argument("--statistics", type=Path, metavar="DIR", help="annual statistics files")
    run.add_argument("--warehouse", type=Path, metavar="FILE", help="published DuckDB file")
    run.add_argument("--reviews", type=Path, metavar="DIR",
                     help=f"review decisions (default ${REVIEWS_VAR}, else data/reviews)")
    run.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    run.add_argument("--verbose", action="store_true", help="show Dagster and dbt logs")
    run.add_argument("--executor", choices=EXECUTORS,
                     help="parse on this machine's cores (local) or on the Celery workers "
                          f"(celery); default ${EXECUTOR_VAR}, else local")
    run.set_defaults(handler=cmd_run)
    worker = commands.add_parser(
        "worker", help="start a Celery worker that parses documents for `run --executor celery`",
        description=f"A dagster-celery worker on the broker ${CELERY_BROKER_VAR} (default "
                    f"{DEFAULT_CELERY_BROKER}). It must see the same inbox, parse cache and Dagster "
                    "instance as the runs it serves: see the README, Running on a cluster.")
    worker.add_argument("--concurrency", type=int, metavar="N",
                        help="documents parsed at once (default: the cores)")
    worker.add_argument("--name", help="the worker's name, before @host (default minzheng-<pid>)")
    worker.add_argument("--loglevel", default="INFO", help="Celery's log level (default INFO)")
    worker.set_defaults(handler=cmd_worker)
    ui = commands.add_parser("ui", help="start the Dagster UI on 127.0.0.1")
    ui.add_argument("--port", type=int, default=3000)
    ui.set_defaults(handler=cmd_ui)
    docs = commands.add_parser("docs", help="generate the dbt docs site")
    docs.add_argument("--serve", action="store_true", help="serve it on 127.0.0.1 afterwards")
    docs.add_argument("--port", type=int, default=8080)
    docs.set_defaults(handler=cmd_docs)
    add_review_parser(commands)
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
