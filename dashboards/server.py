"""Install, start, provision and stop the project's Superset (behind `make dashboards`).

Superset lives in its own virtualenv, .venv-superset ($MINZHENG_SUPERSET_VENV to put it
elsewhere), built from dashboards/requirements-superset.txt and constraints-superset.txt
and rebuilt only when those files change or its Python is gone. Its state (SECRET_KEY, the generated admin
password, the metadata database, pid file and logs) lives in dashboards/.state,
which only its owner can read (dashboards/instance.py says where it is and how to log
in). The server binds 127.0.0.1:8088 only.

    python -m dashboards.server up      # install if needed, start, provision, print the URL
    python -m dashboards.server down    # stop the server started by `up`
    python -m dashboards.server status
"""

from __future__ import annotations

import argparse
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from dashboards import provision
from dashboards.instance import (
    DASHBOARDS,
    HOST,
    PASSWORD_ENV,
    PORT,
    STATE,
    URL,
    Credentials,
    ServerError,
    credentials,
    ensure_state_dir,
)
from dashboards.spec import published_warehouse
from minzheng.paths import PROJECT_ROOT

VENV_VAR = "MINZHENG_SUPERSET_VENV"
VENV = Path(os.environ.get(VENV_VAR) or PROJECT_ROOT / ".venv-superset")
REQUIREMENTS = DASHBOARDS / "requirements-superset.txt"
CONSTRAINTS = DASHBOARDS / "constraints-superset.txt"
VENV_STAMP = VENV / ".minzheng-installed"
INIT_STAMP = STATE / "initialised"
PID_FILE = STATE / "superset.pid"
LOG_FILE = STATE / "superset.log"
INSTALL_LOG = STATE / "install.log"
START_TIMEOUT_S = 180


def _install_digest() -> str:
    digest = hashlib.sha256(sys.version.encode())
    for path in (REQUIREMENTS, CONSTRAINTS):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def ensure_venv() -> None:
    """Build the Superset venv unless it was built from the same requirement files and its
    Python is still there; raise ServerError, one line, if it cannot be installed."""
    digest = _install_digest()
    python = VENV / "bin" / "python"  # a link to the Python it was made from, maybe gone
    if python.exists() and VENV_STAMP.exists() and VENV_STAMP.read_text().strip() == digest:
        return
    print(f"Installing Superset into {VENV} (takes a few minutes)...", flush=True)
    commands = [] if python.exists() else [[sys.executable, "-m", "venv", "--clear", str(VENV)]]
    commands.append([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                     "-r", str(REQUIREMENTS), "-c", str(CONSTRAINTS)])
    with INSTALL_LOG.open("w", encoding="utf-8") as log:
        for command in commands:
            done = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, check=False)
            if done.returncode != 0:
                raise ServerError(
                    f"Superset is missing from {VENV} and could not be installed: "
                    f"{_first_error(INSTALL_LOG)} (see {INSTALL_LOG}); install it with "
                    "`make dashboards`, which needs the package index")
    VENV_STAMP.write_text(digest + "\n")


def _first_error(log: Path) -> str:
    """The first line an installer wrote that says ERROR (pip names the package there), else
    its last line."""
    lines = [line.strip() for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("ERROR")]
    return errors[0] if errors else (lines or ["the installer failed without a word"])[-1]


def _superset_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        SUPERSET_CONFIG_PATH=str(DASHBOARDS / "superset_config.py"),
        FLASK_APP="superset.app:create_app()",
        MINZHENG_SUPERSET_STATE=str(STATE),
        PYTHONPATH="",
    )
    env.update(extra or {})
    return env


def _run_superset(*args: str) -> None:
    with LOG_FILE.open("a") as log:
        done = subprocess.run(
            [str(VENV / "bin" / "superset"), *args],
            env=_superset_env(), stdout=log, stderr=subprocess.STDOUT, cwd=STATE,
        )
    if done.returncode != 0:
        raise ServerError(f"`superset {' '.join(args)}` failed; see {LOG_FILE}")


def ensure_admin(creds: Credentials) -> None:
    """Create the admin user or reset its password to `creds.password`."""
    done = subprocess.run(
        [str(VENV / "bin" / "python"), str(DASHBOARDS / "admin_user.py")],
        env=_superset_env({PASSWORD_ENV: creds.password}), cwd=STATE,
        capture_output=True, text=True,
    )
    with LOG_FILE.open("a") as log:
        log.write(done.stdout + done.stderr)
    if done.returncode != 0:
        raise ServerError(f"could not set up the Superset admin user; see {LOG_FILE}")


def ensure_metadata(creds: Credentials) -> None:
    """Migrate the metadata database and create roles once per installed Superset."""
    digest = _install_digest()
    if INIT_STAMP.exists() and INIT_STAMP.read_text().strip() == digest:
        return
    print("Initialising Superset's metadata database...", flush=True)
    _run_superset("db", "upgrade")
    _run_superset("init")
    ensure_admin(creds)
    INIT_STAMP.write_text(digest + "\n")


def is_healthy(timeout: float = 2.0) -> bool:
    try:
        return requests.get(f"{URL}/health", timeout=timeout).text.strip() == "OK"
    except requests.RequestException:
        return False


def _pid() -> int | None:
    try:
        pid = int(PID_FILE.read_text().strip())
        os.kill(pid, 0)
    except (FileNotFoundError, ValueError, ProcessLookupError, PermissionError):
        return None
    return pid


# Dashboards ask for their charts in parallel: enough workers for one dashboard at a time.
WORKERS = 6
# Longer than DuckDB's own limit (55 s, specs/database.yaml) and SQLLAB_TIMEOUT (60 s,
# superset_config.py): those stop a query first, and the worker goes on serving.
WORKER_TIMEOUT_S = 90


def start() -> None:
    """Start gunicorn in the background on 127.0.0.1:8088 and wait until /health answers."""
    if _pid() is not None and is_healthy():
        return
    if is_healthy():
        raise ServerError(f"something else already answers on {URL}; stop it first")
    print(f"Starting Superset on {URL} ...", flush=True)
    subprocess.run(
        [str(VENV / "bin" / "gunicorn"),
         "--bind", f"{HOST}:{PORT}",
         # Sync workers: each request runs in a worker's main thread, where Superset's
         # SQLLAB_TIMEOUT (a signal) can stop a query; a worker still busy after --timeout
         # seconds is killed by gunicorn, so no query outlives that.
         "--workers", str(WORKERS), "--worker-class", "sync",
         "--timeout", str(WORKER_TIMEOUT_S), "--daemon",
         "--pid", str(PID_FILE), "--control-socket", str(STATE / "gunicorn.ctl"),
         "--error-logfile", str(LOG_FILE), "--access-logfile", str(STATE / "access.log"),
         "superset.app:create_app()"],
        env=_superset_env(), cwd=STATE, check=True,
    )
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if is_healthy():
            return
        time.sleep(1)
    raise ServerError(f"Superset did not answer on {URL} in {START_TIMEOUT_S} s; see {LOG_FILE}")


def stop() -> bool:
    """Stop the server started by `start`; True if one was running."""
    pid = _pid()
    if pid is None:
        PID_FILE.unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and _pid() is not None:
        time.sleep(0.5)
    if _pid() is not None:
        os.kill(pid, signal.SIGKILL)
    PID_FILE.unlink(missing_ok=True)
    return True


def up() -> Credentials:
    """Install if needed, start if not running, provision, and return the admin login."""
    warehouse = published_warehouse()
    if not warehouse.exists():
        raise ServerError(f"no published warehouse at {warehouse}: run `make run` first")
    ensure_state_dir()
    ensure_venv()
    creds = credentials()
    ensure_metadata(creds)
    start()
    try:
        client = provision.SupersetClient(URL, creds.username, creds.password)
    except provision.LoginFailed:
        # The password changed (e.g. $MINZHENG_SUPERSET_PASSWORD was set later).
        ensure_admin(creds)
        client = provision.SupersetClient(URL, creds.username, creds.password)
    report = provision.apply(client, warehouse)
    print(report.summary())
    return creds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboards.server", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["up", "down", "status"])
    args = parser.parse_args(argv)
    try:
        if args.command == "up":
            creds = up()
            print(f"Superset: {URL}/  (user {creds.username}, password from {creds.source})")
        elif args.command == "down":
            print("Superset stopped." if stop() else "Superset was not running.")
        else:
            running = _pid() is not None and is_healthy()
            print(f"Superset is {'running on ' + URL if running else 'not running'}.")
            return 0 if running else 1
    except (ServerError, subprocess.CalledProcessError) as error:
        print(f"superset: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
