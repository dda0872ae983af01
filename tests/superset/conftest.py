"""Session fixtures for the Superset tests: the published warehouse, a running Superset, a client.

The server is started (and provisioned) through dashboards/bin/superset-up, the
same script as `make dashboards`; it is stopped at the end only if these tests
started it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from dashboards import instance, provision, server, spec
from minzheng.paths import PROJECT_ROOT

UP_TIMEOUT_S = 3600  # a first run installs Superset into its own venv
# The environment as the session found it. A pipeline test that runs in this process exports
# its own workspace's paths (Paths.export); which ran first depends on the order and, with
# pytest-xdist, on the worker, so the dashboards read what the session was started with.
SESSION_ENV = dict(os.environ)


@pytest.fixture(scope="session")
def published_warehouse() -> Path:
    """The published DuckDB file; `minzheng run` builds it when it is missing."""
    with pytest.MonkeyPatch.context() as patch:
        for name in set(os.environ) - set(SESSION_ENV):
            patch.delenv(name)
        for name, value in SESSION_ENV.items():
            patch.setenv(name, value)
        path = spec.published_warehouse()
    if not path.exists():
        cli = Path(sys.executable).with_name("minzheng")
        done = subprocess.run([str(cli), "run"], cwd=PROJECT_ROOT, capture_output=True, text=True,
                              env=SESSION_ENV)
        if done.returncode != 0 or not path.exists():
            pytest.fail(f"`minzheng run` did not publish {path}:\n{done.stdout}\n{done.stderr}")
    return path


@pytest.fixture(scope="session")
def superset(published_warehouse: Path):
    """The URL of a running, provisioned Superset reading the published warehouse."""
    was_running = server.is_healthy()
    done = subprocess.run([str(PROJECT_ROOT / "dashboards" / "bin" / "superset-up")], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=UP_TIMEOUT_S, env=SESSION_ENV)
    if done.returncode != 0:
        pytest.fail(f"dashboards/bin/superset-up failed:\n{done.stdout}\n{done.stderr}")
    yield instance.URL
    if not was_running:
        subprocess.run([str(PROJECT_ROOT / "dashboards" / "bin" / "superset-down")], cwd=PROJECT_ROOT,
                       capture_output=True, check=False, env=SESSION_ENV)


@pytest.fixture(scope="session")
def credentials(superset: str) -> instance.Credentials:
    return instance.credentials()


@pytest.fixture(scope="session")
def client(superset: str, credentials: instance.Credentials) -> provision.SupersetClient:
    return provision.SupersetClient(superset, credentials.username, credentials.password)


@pytest.fixture(scope="session")
def specs() -> spec.Specs:
    return spec.load()


@pytest.fixture(scope="session")
def warehouse(published_warehouse: Path, specs: spec.Specs):
    """A connection to the published file opened as Superset opens it (read-only, no files).

    DuckDB lets one process open a file with one configuration only, so every test
    connection uses this same one.
    """
    con = duckdb.connect(str(published_warehouse), **specs.connect_args)
    yield con
    con.close()
