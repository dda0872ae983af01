"""Where the project's Superset keeps its state and listens, and how to log in to it.

The server (server.py, which installs and starts it) and the client that applies the
specs (provision.py) both need these; neither imports the other for them.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

from minzheng.paths import PROJECT_ROOT

DASHBOARDS = PROJECT_ROOT / "dashboards"
STATE = DASHBOARDS / ".state"
SECRET_KEY_FILE = STATE / "secret_key"
PASSWORD_FILE = STATE / "admin-password"

HOST = "127.0.0.1"
PORT = 8088
URL = f"http://{HOST}:{PORT}"
USERNAME = "admin"
PASSWORD_ENV = "MINZHENG_SUPERSET_PASSWORD"
MIN_PASSWORD_LENGTH = 10


class ServerError(RuntimeError):
    """Superset could not be installed, started or reached."""


@dataclass(frozen=True)
class Credentials:
    """The admin login and where its password came from (for the user, never the value)."""

    username: str
    password: str
    source: str


def write_private(path, text: str) -> None:
    """Create `path` readable and writable by its owner only, then write `text`."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text + "\n")
    os.chmod(path, 0o600)


def ensure_state_dir() -> None:
    STATE.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(STATE, 0o700)
    if not SECRET_KEY_FILE.exists():
        write_private(SECRET_KEY_FILE, secrets.token_urlsafe(48))


def credentials() -> Credentials:
    """The admin password: $MINZHENG_SUPERSET_PASSWORD, else one generated once into .state."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        if from_env == USERNAME or len(from_env) < MIN_PASSWORD_LENGTH:
            raise ServerError(f"${PASSWORD_ENV} is too weak: use {MIN_PASSWORD_LENGTH}+ "
                              "characters, not the user name")
        return Credentials(USERNAME, from_env, f"${PASSWORD_ENV}")
    if not PASSWORD_FILE.exists():
        ensure_state_dir()
        write_private(PASSWORD_FILE, secrets.token_urlsafe(18))
    password = PASSWORD_FILE.read_text(encoding="utf-8").strip()
    return Credentials(USERNAME, password, str(PASSWORD_FILE))
