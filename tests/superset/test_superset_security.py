"""Superset is locked down: read-only warehouse, no file access, no default login, loopback only."""

from __future__ import annotations

import json
import os
import stat
import subprocess

import duckdb
import psutil
import pytest
import requests

from dashboards import server

pytestmark = pytest.mark.superset

REFUSED_SQL = {
    "read_csv": "select * from read_csv('/etc/passwd')",
    "attach": "ATTACH '/tmp/minzheng-attack.duckdb' AS attack",
    "install": "INSTALL httpfs",
    "enable_external_access": "SET enable_external_access = true",
}


@pytest.fixture(scope="module")
def database_id(client, specs) -> int:
    db_id = client.find_by_uuid("database", specs.database_uuid)
    assert db_id is not None
    return db_id


def _sqllab(client, database_id: int, sql: str) -> requests.Response:
    return client.request("POST", "/api/v1/sqllab/execute/", ok=tuple(range(200, 600)),
                          json={"database_id": database_id, "sql": sql, "runAsync": False,
                                "schema": "marts", "tab": "tests"})


def test_sql_lab_reads_the_marts(client, database_id):
    """The control: the same route does run queries on the warehouse's own tables."""
    response = _sqllab(client, database_id, "select count(*) as n from marts.fct_target_attainment")
    assert response.status_code == 200, response.text
    assert response.json()["data"][0]["n"] > 0


@pytest.mark.parametrize("sql", REFUSED_SQL.values(), ids=REFUSED_SQL.keys())
def test_sql_lab_refuses_file_system_access(client, database_id, sql):
    response = _sqllab(client, database_id, sql)
    assert response.status_code >= 400, response.text
    message = json.dumps(response.json()["errors"])
    assert "disabled by configuration" in message or "Cannot enable external access" in message
    assert "root:" not in response.text


def test_database_is_the_published_file_read_only(client, database_id, published_warehouse):
    connection = client.get(f"/api/v1/database/{database_id}/connection")["result"]
    assert connection["sqlalchemy_uri"] == f"duckdb:///{published_warehouse}"
    connect_args = json.loads(connection["extra"])["engine_params"]["connect_args"]
    assert connect_args == {"read_only": True, "config": {"enable_external_access": False}}
    assert connection["allow_dml"] is False
    assert connection["allow_file_upload"] is False


ENGINE_REFUSED_SQL = {
    **REFUSED_SQL,
    "copy_to_file": "COPY (select 1) TO '/tmp/minzheng-leak.csv'",
    "write": "create table marts.leak as select 1 as x",
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
                 if c.status == psutil.CONN_LISTEN and c.laddr.port == server.PORT]
    assert listening, f"nothing listens on port {server.PORT}"
    assert {c.laddr.ip for c in listening} == {"127.0.0.1"}


def test_secrets_are_private_and_ignored(superset):
    assert stat.S_IMODE(os.stat(server.STATE).st_mode) == 0o700
    private = [server.SECRET_KEY_FILE]
    if not os.environ.get(server.PASSWORD_ENV):
        private.append(server.PASSWORD_FILE)
    for path in private:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path
        ignored = subprocess.run(["git", "check-ignore", "-q", str(path)], cwd=server.ROOT)
        assert ignored.returncode == 0, f"{path} is not git-ignored"


def test_table_charts_show_quotes_as_text(client, specs):
    """A quote copied from a web page may hold markup: table charts never render it as HTML."""
    tables = [chart for board in specs.dashboards for chart in board.charts if chart.type == "table"]
    assert tables
    for chart in tables:
        params = json.loads(client.get(f"/api/v1/chart/{client.find_by_uuid('chart', chart.uuid)}")["result"]["params"])
        assert params["allow_render_html"] is False, chart.key


def test_sql_lab_stops_a_runaway_query(client, database_id):
    """A cross join of two 300,000-row ranges would run for many minutes: it is stopped, by
    SQLLAB_TIMEOUT or by gunicorn's worker timeout (90 s), and the server goes on answering."""
    sql = "select count(*) from range(300000) as a, range(300000) as b where a.range <> b.range"
    try:
        response = client.request(
            "POST", "/api/v1/sqllab/execute/", ok=tuple(range(200, 600)), timeout=240,
            json={"database_id": database_id, "runAsync": False, "schema": "marts", "tab": "tests", "sql": sql})
    except requests.exceptions.ConnectionError:
        pass  # the worker running it was killed at the worker timeout: the query is gone with it
    else:
        assert response.status_code >= 400, response.text[:300]
    assert _sqllab(client, database_id, "select 1 as one").status_code == 200
