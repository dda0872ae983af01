"""Superset settings for minzheng, loaded through SUPERSET_CONFIG_PATH by dashboards/server.py.

Secrets and the metadata database live in dashboards/.state (never committed);
the server binds 127.0.0.1 only (see server.py).
"""

import os
import re
from pathlib import Path

import duckdb
import yaml
from superset.errors import ErrorLevel, SupersetError, SupersetErrorType

STATE_DIR = Path(
    os.environ.get("MINZHENG_SUPERSET_STATE", Path(__file__).resolve().parent / ".state")
)

# Generated once per installation by `dashboards/bin/superset-up`.
SECRET_KEY = (STATE_DIR / "secret_key").read_text(encoding="utf-8").strip()

SQLALCHEMY_DATABASE_URI = f"sqlite:///{STATE_DIR / 'superset.db'}?check_same_thread=false"

# The warehouse is replaced by the nightly publish; cached chart data would keep
# showing the previous publication, and the queries take milliseconds anyway.
DATA_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
EXPLORE_FORM_DATA_CACHE_CONFIG = {"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 86400}
FILTER_STATE_CACHE_CONFIG = {"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 86400}
RATELIMIT_STORAGE_URI = "memory://"

WTF_CSRF_ENABLED = True
# No self-registration, no public role: every reader logs in.
AUTH_USER_REGISTRATION = False
PUBLIC_ROLE_LIKE = None

# The registered database (dashboards/specs/database.yaml): its name and the DuckDB limits
# every connection to it gets.
_database_spec = yaml.safe_load((Path(__file__).resolve().parent / "specs" / "database.yaml")
                                .read_text(encoding="utf-8"))
_duckdb_config = _database_spec["extra"]["engine_params"]["connect_args"]["config"]

# Queries run in the web worker; there is no Celery here. DuckDB stops a statement at its
# max_execution_time; SQL Lab's own timeout (a signal, which DuckDB turns into "Query
# interrupted") follows 5 s later as a backstop, and gunicorn kills a worker at 90 s
# (server.py) as the last one.
QUERY_TIME_LIMIT_SEC = _duckdb_config["max_execution_time"] // 1000
SQLLAB_TIMEOUT = QUERY_TIME_LIMIT_SEC + 5
SQLLAB_ASYNC_TIME_LIMIT_SEC = SQLLAB_TIMEOUT
SUPERSET_WEBSERVER_TIMEOUT = SQLLAB_TIMEOUT

# Either way a query stopped at the limit is reported as a timeout, not as an unknown error.
CUSTOM_DATABASE_ERRORS = {
    _database_spec["name"]: {
        re.compile("Query exceeded maximum execution time|Query interrupted"): (
            f"The query ran longer than {QUERY_TIME_LIMIT_SEC} seconds, the limit for one "
            "query on this database, and was stopped.",
            SupersetErrorType.SQLLAB_TIMEOUT_ERROR,
            {},
        ),
    },
}

# What SQL Lab (and any chart) refuses on the warehouse, beyond what DuckDB's settings
# refuse: whatever names the server's files. duckdb_databases() and the views
# duckdb_databases, pragma_database_list (and PRAGMA database_list, below) give the file's
# path; duckdb_settings(), current_setting() and pg_catalog.pg_settings the paths DuckDB may
# touch (allowed_paths, temp_directory, secret_directory); duckdb_extensions(),
# duckdb_extension_repositories() and duckdb_secrets() fail naming the server user's home;
# query(), query_table() and json_execute_serialized_sql() would run a name or a statement
# given as a string, out of sight of these checks. Only DuckDB is registered here, so
# Superset's lists for other engines are left out.
DISALLOWED_SQL_FUNCTIONS = {
    "duckdb": {"duckdb_databases", "duckdb_settings", "current_setting", "duckdb_extensions",
               "duckdb_extension_repositories", "duckdb_secrets", "which_secret", "query",
               "query_table", "json_execute_serialized_sql"},
}
DISALLOWED_SQL_TABLES = {"duckdb": {"duckdb_databases", "pragma_database_list", "pg_settings"}}
# Statements SQL Lab may run on DuckDB, as DuckDB's own parser classifies them: queries
# (SELECT covers DESCRIBE, SHOW, SUMMARIZE and FROM-first queries) and EXPLAIN. A PRAGMA,
# CALL, SET, ATTACH, COPY or INSTALL is refused before it reaches DuckDB.
DUCKDB_QUERY_STATEMENTS = {"SELECT", "EXPLAIN"}


def SQL_QUERY_MUTATOR(sql: str, database=None, **kwargs) -> str:  # noqa: N802 (Superset's name)
    """Refuse any statement on a DuckDB database that is not a query; change nothing."""
    if database is not None and database.backend == "duckdb":
        kinds = {statement.type.name for statement in duckdb.extract_statements(sql)}
        refused = sorted(kinds - DUCKDB_QUERY_STATEMENTS)
        if refused:
            from superset.exceptions import SupersetErrorException

            raise SupersetErrorException(SupersetError(
                message=f"Only queries (SELECT, EXPLAIN) run on this database; "
                        f"{', '.join(refused)} statements are refused.",
                error_type=SupersetErrorType.DML_NOT_ALLOWED_ERROR, level=ErrorLevel.ERROR))
    return sql


BABEL_DEFAULT_LOCALE = "en"
LANGUAGES = {"en": {"flag": "us", "name": "English"}, "zh": {"flag": "cn", "name": "简体中文"}}

FEATURE_FLAGS = {"DASHBOARD_NATIVE_FILTERS": True}

# Never phone home or fetch map tiles from outside: the machine has no internet.
MAPBOX_API_KEY = ""
