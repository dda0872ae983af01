"""Superset settings for minzheng, loaded through SUPERSET_CONFIG_PATH by dashboards/server.py.

Secrets and the metadata database live in dashboards/.state (never committed);
the server binds 127.0.0.1 only (see server.py).
"""

import os
from pathlib import Path

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

# Queries run in the web worker; there is no Celery here.
SQLLAB_ASYNC_TIME_LIMIT_SEC = 60
SQLLAB_TIMEOUT = 60
SUPERSET_WEBSERVER_TIMEOUT = 60
# Superset's own timeout is a Python signal, which a query running inside DuckDB's C++ code
# never sees. DuckDB stops a query when its connection is interrupted, so every statement
# on a DuckDB engine gets a timer that does that; the user sees DuckDB's "Interrupted" error.
DUCKDB_STATEMENT_TIMEOUT_SEC = SQLLAB_TIMEOUT - 5


def _interrupt_runaway_duckdb_statements() -> None:
    import threading

    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "before_cursor_execute")
    def start_timer(conn, cursor, statement, parameters, context, executemany):
        if conn.dialect.name != "duckdb":
            return
        # duckdb_engine's connection wrapper hands attribute look-ups to the DuckDB connection.
        interrupt = getattr(conn.connection.dbapi_connection, "interrupt", None)
        if interrupt is None:
            return
        timer = threading.Timer(DUCKDB_STATEMENT_TIMEOUT_SEC, interrupt)
        timer.daemon = True
        conn.info["minzheng_interrupt_timer"] = timer
        timer.start()

    def stop_timer(conn, *args, **kwargs):
        timer = conn.info.pop("minzheng_interrupt_timer", None)
        if timer is not None:
            timer.cancel()

    event.listen(Engine, "after_cursor_execute", stop_timer)

    @event.listens_for(Engine, "handle_error")
    def stop_timer_on_error(context):
        if context.connection is not None:
            stop_timer(context.connection)


_interrupt_runaway_duckdb_statements()

BABEL_DEFAULT_LOCALE = "en"
LANGUAGES = {"en": {"flag": "us", "name": "English"}, "zh": {"flag": "cn", "name": "简体中文"}}

FEATURE_FLAGS = {"DASHBOARD_NATIVE_FILTERS": True}

# Never phone home or fetch map tiles from outside: the machine has no internet.
MAPBOX_API_KEY = ""
