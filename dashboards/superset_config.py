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

BABEL_DEFAULT_LOCALE = "en"
LANGUAGES = {"en": {"flag": "us", "name": "English"}, "zh": {"flag": "cn", "name": "简体中文"}}

FEATURE_FLAGS = {"DASHBOARD_NATIVE_FILTERS": True}

# Never phone home or fetch map tiles from outside: the machine has no internet.
MAPBOX_API_KEY = ""
