"""Superset is locked down: read-only warehouse, no file access, no default login, loopback only."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

import duckdb
import psutil
import pytest
import requests

from dashboards import instance, server
from minzheng.paths import PROJECT_ROOT

# One Superset server (port 8088, dashboards/.state) serves all these tests: they run on one worker.
pytestmark = [pytest.mark.superset, pytest.mark.xdist_group("superset")]

# Refused by DuckDB, opened as registered (external access off).
REFUSED_BY_DUCKDB = {
    "read_csv": "select * from read_csv('/etc/passwd')",
    "glob": "select * from glob('/etc/*')",
}
# Refused by Superset before DuckDB sees them: SQL Lab runs queries only (superset_config.py).
REFUSED_STATEMENTS = {
    "attach": ("ATTACH '/tmp/minzheng-attack.duckdb' AS attack", "ATTACH"),
    "install": ("INSTALL httpfs", "LOAD"),
    "enable_external_access": ("SET enable_external_access = true", "SET"),
    "raise_memory_limit": ("SET memory_limit = '20GB'", "SET"),
    "copy_to_file": ("COPY (select 1) TO '/tmp/minzheng-leak.csv'", "COPY"),
    "pragma": ("PRAGMA database_list", "PRAGMA"),
    "call": ("CALL pragma_database_size()", "CALL"),
    "behind_a_query": ("select 1 as one; PRAGMA database_list", "PRAGMA"),
}
# Ways to make DuckDB name the published file, the paths it may touch or the server's home.
PATH_PROBES = {
    "pragma_database_list": "PRAGMA database_list",
    "pragma_database_list_view": "from pragma_database_list",
    "duckdb_databases": "select * from duckdb_databases()",
    "duckdb_databases_view": "from duckdb_databases",
    "qualified_view": "select path from system.main.duckdb_databases",
    "duckdb_settings": "select name, value from duckdb_settings()",
    "pg_settings": "select * from pg_catalog.pg_settings",
    "allowed_paths": "select current_setting('allowed_paths') as paths",
    "temp_directory": "select current_setting('temp_directory') as directory",
    "query_string": "select * from query('select path from duckdb_databases()')",
    "query_table": "select * from query_table('duckdb_databases')",
    "extensions": "select * from duckdb_extensions()",
    "extension_repositories": "select * from duckdb_extension_repositories()",
    "secrets": "select * from duckdb_secrets()",
    "serialized_statement": "select * from json_execute_serialized_sql("
                            "json_serialize_sql('select path from duckdb_databases()'))",
}


def _server_paths(published_warehouse: Path) -> tuple[str, str]:
    """The warehouse's folder and DuckDB's folder in the home of the user running Superset."""
    return str(published_warehouse.parent), str(Path.home() / ".duckdb")


@pytest.fixture(scope="module")
def database_id(client, specs) -> int:
    db_id = client.find_by_uuid("database", specs.database_uuid)
    assert db_id is not None
    return db_id


def _sqllab(client, database_id: int, sql: str, timeout: float = 60) -> requests.Response:
    return client.request("POST", "/api/v1/sqllab/execute/", ok=tuple(range(200, 600)),
                          timeout=timeout,
                          json={"database_id": database_id, "sql": sql, "runAsync": False,
                                "schema": "marts", "tab": "tests"})


def _error(response: requests.Response) -> dict:
    """The one error of a refused SQL Lab request."""
    assert response.status_code >= 400, response.text[:300]
    (error,) = response.json()["errors"]
    return error


def test_sql_lab_reads_the_marts(client, database_id):
    """The control: the same route does run queries on the warehouse's own tables."""
    response = _sqllab(client, database_id, "select count(*) as n from marts.fct_target_attainment")
    assert response.status_code == 200, response.text
    assert response.json()["data"][0]["n"] > 0
    # The tables the dashboards read are there to query too.
    response = _sqllab(client, database_id, "select count(*) as n from reporting.target_attainment")
    assert response.status_code == 200, response.text
    assert response.json()["data"][0]["n"] > 0
    # DESCRIBE, SHOW and EXPLAIN are queries too.
    for sql in ("describe marts.dim_region", "show tables", "explain select 1"):
        assert _sqllab(client, database_id, sql).status_code == 200, sql


@pytest.mark.parametrize("sql", REFUSED_BY_DUCKDB.values(), ids=REFUSED_BY_DUCKDB.keys())
def test_sql_lab_refuses_file_system_access(client, database_id, sql):
    response = _sqllab(client, database_id, sql)
    assert "disabled by configuration" in _error(response)["message"]
    assert "root:" not in response.text


@pytest.mark.parametrize(("sql", "kind"), REFUSED_STATEMENTS.values(), ids=REFUSED_STATEMENTS.keys())
def test_sql_lab_runs_queries_only(client, database_id, sql, kind):
    error = _error(_sqllab(client, database_id, sql))
    assert error["error_type"] == "DML_NOT_ALLOWED_ERROR"
    assert error["message"] == (f"Only queries (SELECT, EXPLAIN) run on this database; "
                                f"{kind} statements are refused.")


@pytest.mark.parametrize("sql", PATH_PROBES.values(), ids=PATH_PROBES.keys())
def test_sql_lab_does_not_name_server_paths(client, database_id, published_warehouse, sql):
    response = _sqllab(client, database_id, sql)
    assert response.status_code >= 400, response.text[:300]
    for path in _server_paths(published_warehouse):
        assert path not in response.text


@pytest.mark.parametrize("sql", PATH_PROBES.values(), ids=PATH_PROBES.keys())
def test_duckdb_itself_would_name_them(warehouse, published_warehouse, sql):
    """The control: DuckDB opened as registered answers every probe with one of the paths,
    so it is Superset's refusal above that keeps them hidden."""
    try:
        answer = str(warehouse.execute(sql).fetchall())
    except duckdb.Error as error:
        answer = str(error)
    assert any(path in answer for path in _server_paths(published_warehouse)), answer[:300]


def test_database_is_the_published_file_read_only(client, database_id, published_warehouse,
                                                  specs):
    connection = client.get(f"/api/v1/database/{database_id}/connection")["result"]
    assert connection["sqlalchemy_uri"] == f"duckdb:///{published_warehouse}"
    connect_args = json.loads(connection["extra"])["engine_params"]["connect_args"]
    assert connect_args == specs.connect_args
    assert connect_args["read_only"] is True
    config = connect_args["config"]
    assert config["enable_external_access"] is False and config["lock_configuration"] is True
    assert {"max_execution_time", "memory_limit", "threads"} <= config.keys()
    assert connection["allow_dml"] is False
    assert connection["allow_file_upload"] is False


# The second line: what DuckDB itself refuses, with the registered settings.
ENGINE_REFUSED_SQL = {
    **REFUSED_BY_DUCKDB,
    **{key: REFUSED_STATEMENTS[key][0] for key in
       ("attach", "install", "enable_external_access", "raise_memory_limit", "copy_to_file")},
    "write": "create table marts.leak as select 1 as x",
    "more_threads": "SET threads = 8",
}


@pytest.mark.parametrize("sql", ENGINE_REFUSED_SQL.values(), ids=ENGINE_REFUSED_SQL.keys())
def test_engine_refuses_with_the_registered_settings(client, database_id, published_warehouse,
                                                     sql):
    """Superset's own checks aside, DuckDB opened as registered refuses these statements."""
    extra = json.loads(client.get(f"/api/v1/database/{database_id}/connection")
                       ["result"]["extra"])
    con = duckdb.connect(str(published_warehouse), **extra["engine_params"]["connect_args"])
    try:
        assert con.execute("select count(*) from marts.dim_region").fetchone()[0] > 0
        with pytest.raises(duckdb.Error):
            con.execute(sql).fetchall()
    finally:
        con.close()


def test_engine_runs_one_thread_within_the_memory_limit(warehouse, specs):
    """DuckDB opened as registered: the limits hold and cannot be raised (locked)."""
    config = specs.connect_args["config"]
    assert warehouse.execute("select current_setting('threads')").fetchone() == (config["threads"],)
    limit = warehouse.execute("select memory_limit from pragma_database_size()").fetchone()[0]
    with duckdb.connect() as unlimited:
        default = unlimited.execute("select memory_limit from pragma_database_size()").fetchone()[0]
    assert limit != default
    for sql in ("SET threads = 8", "SET memory_limit = '20GB'", "RESET lock_configuration"):
        with pytest.raises(duckdb.Error, match="locked"):
            warehouse.execute(sql)


# Run in Superset's venv: the settings of a connection Superset itself opens to the
# warehouse, through the engine SQL Lab and the charts use.
SUPERSET_ENGINE_SETTINGS = """
import json, sys
from superset.app import create_app
with create_app().app_context():
    from superset.extensions import db
    from superset.models.core import Database
    database = db.session.query(Database).filter_by(uuid=sys.argv[1]).one()
    with database.get_sqla_engine() as engine, engine.connect() as con:
        names = sys.argv[2:]
        values = con.exec_driver_sql(
            "select " + ", ".join(f"current_setting('{name}')" for name in names)).fetchone()
print(json.dumps(dict(zip(names, [str(value) for value in values]))))
"""


def test_superset_connects_with_one_thread_within_the_memory_limit(superset, specs, warehouse):
    """SQL Lab refuses current_setting() (it would name server paths), so a query cannot show
    its thread cap: the connection Superset's own engine opens shows it instead."""
    config = specs.connect_args["config"]
    names = ["threads", "memory_limit", "max_execution_time", "lock_configuration"]
    done = subprocess.run(
        [str(server.VENV / "bin" / "python"), "-c", SUPERSET_ENGINE_SETTINGS,
         specs.database_uuid, *names],
        env=server._superset_env(), cwd=instance.STATE, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    settings = json.loads(done.stdout.strip().splitlines()[-1])
    ((memory_limit,),) = warehouse.execute("select current_setting('memory_limit')").fetchall()
    assert settings == {"threads": str(config["threads"]), "memory_limit": memory_limit,
                        "max_execution_time": str(config["max_execution_time"]),
                        "lock_configuration": "True"}


def test_default_credentials_are_refused(superset):
    response = requests.post(f"{superset}/api/v1/security/login", timeout=30, json={
        "username": "admin", "password": "admin", "provider": "db"})
    assert response.status_code == 401


def test_the_configured_password_logs_in(superset, credentials):
    response = requests.post(f"{superset}/api/v1/security/login", timeout=30, json={
        "username": credentials.username, "password": credentials.password, "provider": "db"})
    assert response.status_code == 200


def test_server_listens_on_loopback_only(superset):
    listening = [c for c in psutil.net_connections(kind="inet")
                 if c.status == psutil.CONN_LISTEN and c.laddr.port == instance.PORT]
    assert listening, f"nothing listens on port {instance.PORT}"
    assert {c.laddr.ip for c in listening} == {"127.0.0.1"}


def test_secrets_are_private_and_ignored(superset):
    assert stat.S_IMODE(os.stat(instance.STATE).st_mode) == 0o700
    private = [instance.SECRET_KEY_FILE]
    if not os.environ.get(instance.PASSWORD_ENV):
        private.append(instance.PASSWORD_FILE)
    for path in private:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path
        ignored = subprocess.run(["git", "check-ignore", "-q", str(path)], cwd=PROJECT_ROOT)
        assert ignored.returncode == 0, f"{path} is not git-ignored"


def test_table_charts_show_quotes_as_text(client, specs):
    """A quote copied from a web page may hold markup: table charts never render it as HTML."""
    tables = [chart for board in specs.dashboards for chart in board.charts if chart.type == "table"]
    assert tables
    for chart in tables:
        params = json.loads(client.get(f"/api/v1/chart/{client.find_by_uuid('chart', chart.uuid)}")["result"]["params"])
        assert params["allow_render_html"] is False, chart.key


def _workers() -> set[int]:
    """The pids of gunicorn's workers."""
    master = psutil.Process(int(server.PID_FILE.read_text().strip()))
    return {child.pid for child in master.children()}


def test_sql_lab_query_runs_under_the_registered_memory_limit(client, database_id, warehouse):
    """Superset's own connection has the limit of the registered settings (not DuckDB's
    default of 80 % of the machine), and a query that needs more fails without harm."""
    limit = warehouse.execute("select memory_limit from pragma_database_size()").fetchone()[0]
    response = _sqllab(client, database_id, "select memory_limit from pragma_database_size()")
    assert response.status_code == 200, response.text
    assert response.json()["data"] == [{"memory_limit": limit}]

    workers = _workers()
    # A list of 300 million integers takes 2.4 GB in one value.
    error = _error(_sqllab(client, database_id,
                           "select len(list(range)) as n from range(300000000)"))
    assert "Out of Memory Error" in error["message"]
    assert f"/{limit} used)" in error["message"]
    assert _sqllab(client, database_id, "select 1 as one").json()["data"] == [{"one": 1}]
    assert _workers() == workers


def test_sql_lab_stops_a_runaway_query(client, database_id, specs):
    """A cross join of two 300,000-row ranges would run for many minutes: DuckDB stops it at
    its max_execution_time, the user is told so, and the worker that ran it goes on serving
    (gunicorn's 90 s worker timeout never comes into it)."""
    seconds = specs.connect_args["config"]["max_execution_time"] // 1000
    sql = "select count(*) from range(300000) as a, range(300000) as b where a.range <> b.range"
    workers = _workers()
    error = _error(_sqllab(client, database_id, sql, timeout=240))
    assert error["error_type"] == "SQLLAB_TIMEOUT_ERROR"
    assert error["message"] == (f"The query ran longer than {seconds} seconds, the limit for "
                                "one query on this database, and was stopped.")
    assert _workers() == workers
    assert _sqllab(client, database_id, "select 1 as one").json()["data"] == [{"one": 1}]
