"""Documents: one dynamic partition per document (keyed by content hash), then the raw tables.

`documents` parses the files of its partitions into the parse cache; a partition
is a document's bytes, so an unchanged file is never parsed again and a new file
runs alone. `raw_document_tables` lands the cached parses of every document now in
the inbox into raw.documents, raw.figure_records and raw.ingest_errors, for the
quality gate (orchestration/quality.py) to check, and the origin sidecars beside them
(warehouse/origins.py) into raw.document_origins.
"""


import warnings

import dagster as dg
from dagster_duckdb import DuckDBResource

from orchestration.resources import PipelineInputs, RunGuard
from warehouse.faults import pause_point
from warehouse.inputs import parser_version, scan_documents, scan_inbox
from warehouse.origins import read_origins
from warehouse.parse_cache import PARSED, ParseCache, parse_document
from warehouse.raw import document_tables, replace_tables

DOCUMENT_PARTITIONS = dg.DynamicPartitionsDefinition(name="documents")
# Single-run backfills are what let many new documents parse in one run; the API is beta.
warnings.filterwarnings("ignore", message=".*backfill_policy.*", category=dg.BetaWarning)
RAW_DOCUMENT_KEYS = [dg.AssetKey(["raw", name])
                     for name in ("documents", "figure_records", "document_origins", "ingest_errors")]


@dg.asset(
    partitions_def=DOCUMENT_PARTITIONS,
    # Many new documents parse in one run (one step), not one run each.
    backfill_policy=dg.BackfillPolicy.single_run(),
    group_name="ingest",
    kinds={"python"},
    description="A document of the inbox, parsed into figure records (partition = content hash).",
)
def documents(context: dg.AssetExecutionContext, inputs: PipelineInputs) -> dg.MaterializeResult:
    paths = inputs.paths()
    version = parser_version(paths.reference)
    inbox = scan_documents(paths.documents)
    missing = [key for key in context.partition_keys if key not in inbox]
    if missing:
        raise dg.Failure(
            f"no file in {paths.documents} has content hash {', '.join(missing)}: "
            "it was edited or removed after its partition was added"
        )
    cache = ParseCache(paths.parse_cache)
    statuses: dict[str, int] = {}
    figures = 0
    for key in context.partition_keys:
        pause_point("parse")
        entry = parse_document(inbox[key], version)
        cache.write(entry)
        if entry["document_id"] != key:
            context.log.warning(f"{inbox[key].path.name} changed after the inbox was scanned: "
                                f"its new content was parsed, as document {entry['document_id']}")
        statuses[entry["status"]] = statuses.get(entry["status"], 0) + 1
        figures += len(entry["records"])
        if entry["status"] != PARSED:
            context.log.warning(f"{inbox[key].path.name}: {entry['status']}: {entry['reason']}")
    metadata: dict[str, object] = {"documents": len(context.partition_keys), "figures": figures,
                                   "parser_version": version, **statuses}
    if len(context.partition_keys) == 1:
        metadata["file"] = inbox[context.partition_keys[0]].path.name
    return dg.MaterializeResult(metadata=metadata)


@dg.multi_asset(
    specs=[dg.AssetSpec(key, deps=[documents], group_name="ingest", kinds={"duckdb"})
           for key in RAW_DOCUMENT_KEYS],
    description="The parses of every document in the inbox and their origins, landed as raw tables.",
)
def raw_document_tables(context: dg.AssetExecutionContext, inputs: PipelineInputs,
                        build_db: DuckDBResource, run_guard: RunGuard):
    paths = inputs.paths()
    version = parser_version(paths.reference)
    cache = ParseCache(paths.parse_cache)
    pause_point("land")
    entries, pending, outdated = [], [], []
    inbox = scan_inbox(paths.documents)
    for entry in inbox.refused:
        context.log.warning(f"refused {entry.path}: {entry.reason}")
    for doc_id, document in inbox.documents.items():
        entry = cache.read(doc_id)
        if entry is None:
            pending.append(document.path.name)
            continue
        if entry["parser_version"] != version:
            outdated.append(document.path.name)
        entries.append((document, entry))
    # Documents whose partition has not run yet wait for the inbox sensor or `minzheng run`;
    # an older parser's parse is landed rather than nothing, and says which parser made it.
    if pending:
        context.log.warning(f"not parsed yet, left out of this build: {', '.join(pending)}")
    if outdated:
        context.log.warning(f"parsed by an older parser version: {', '.join(outdated)}")
    origins, origin_problems = read_origins(inbox, paths.documents)
    for problem in origin_problems:
        context.log.warning(f"refused origin {problem.file}: {problem.reason}")
    tables = document_tables(entries, paths.documents, inbox.refused, origins, origin_problems)
    with build_db.get_connection() as con:
        counts = replace_tables(con, tables)
    for name, count in counts.items():
        yield dg.MaterializeResult(asset_key=["raw", name], metadata={
            "rows": count, "pending_documents": len(pending), "outdated_parses": len(outdated)})
