"""Jobs, the nightly schedule and the inbox sensor.

Two jobs split the work the way the partitions do: `parse_documents` runs document
partitions (one or a range), `build_warehouse` lands everything, runs dbt and
publishes; `parse_documents_celery` is the parse job on dagster-celery's workers
(orchestration/cluster.py), for MINZHENG_EXECUTOR=celery. The inbox sensor does what
orchestration/planning.py's plan says: it adds a partition for each new file hash, asks
for its parse (on the job of the configured executor), and once every document in the
inbox is parsed asks for one build of the new inputs. The schedule rebuilds every night
at 02:00 Beijing time.
"""


import dagster as dg

from orchestration.cluster import celery_parse_executor
from orchestration.documents import DOCUMENT_PARTITIONS, documents
from orchestration.planning import plan
from orchestration.resources import PipelineInputs
from warehouse import settings

# The daemon queues build runs on this tag one at a time (see orchestration/execution.py's
# dagster.yaml); the run lock refuses any that get past it.
BUILD_CONCURRENCY_TAG = "minzheng/warehouse"

parse_documents_job = dg.define_asset_job(
    name="parse_documents",
    selection=dg.AssetSelection.assets(documents),
    partitions_def=DOCUMENT_PARTITIONS,
    description="Parse document partitions into the parse cache.",
)

parse_documents_celery_job = dg.define_asset_job(
    name="parse_documents_celery",
    selection=dg.AssetSelection.assets(documents),
    executor_def=celery_parse_executor,
    description="Parse document partitions into the parse cache on the Celery workers.",
)

# The parse job of each executor (warehouse/settings.py's EXECUTORS).
PARSE_JOBS = {"local": parse_documents_job, "celery": parse_documents_celery_job}

build_warehouse_job = dg.define_asset_job(
    name="build_warehouse",
    selection=dg.AssetSelection.all() - dg.AssetSelection.assets(documents),
    # One process: DuckDB allows one writer, and the run lock is held for the whole run.
    executor_def=dg.in_process_executor,
    tags={BUILD_CONCURRENCY_TAG: "build"},
    description="Land raw tables, run dbt build, and publish the warehouse if every test passed.",
)

nightly_build = dg.ScheduleDefinition(
    name="nightly_build",
    job=build_warehouse_job,
    cron_schedule="0 2 * * *",
    execution_timezone="Asia/Shanghai",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Rebuild and publish the warehouse every night at 02:00 Asia/Shanghai.",
)


@dg.sensor(
    jobs=[*PARSE_JOBS.values(), build_warehouse_job],
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Parse new or changed inbox files, then rebuild once all of them are parsed.",
)
def inbox_sensor(context: dg.SensorEvaluationContext, inputs: PipelineInputs) -> dg.SensorResult:
    todo = plan(inputs.paths())
    parse_job = PARSE_JOBS[settings.executor()]
    # run_key makes each request once: a document once per parser version, a build once
    # per set of inputs. A failed build is not retried until an input changes.
    requests = [
        dg.RunRequest(job_name=parse_job.name, partition_key=key,
                      run_key=f"parse-{key}-{todo.parser_version}")
        for key in todo.unparsed
    ]
    if todo.build_due:
        requests.append(dg.RunRequest(job_name=build_warehouse_job.name,
                                      run_key=f"build-{todo.fingerprint}"))
    new_partitions = todo.new_partitions(context.instance.get_dynamic_partitions(DOCUMENT_PARTITIONS.name))
    partition_requests = [DOCUMENT_PARTITIONS.build_add_request(new_partitions)] if new_partitions else []
    return dg.SensorResult(run_requests=requests, dynamic_partitions_requests=partition_requests)
