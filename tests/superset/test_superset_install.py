"""`make dashboards` where Superset is not installed and cannot be: one line saying what is
missing and how to install it. Needs no server: the install fails before one starts."""

from __future__ import annotations

import os
import subprocess

import pytest

from dashboards import server
from minzheng.paths import PROJECT_ROOT
from warehouse.settings import PUBLISHED_VAR

# The failed install writes dashboards/.state/install.log, as the real install of the Superset
# tests' server does on a first run: they run on the same worker, one after the other.
pytestmark = pytest.mark.xdist_group("superset")


@pytest.mark.parametrize("venv_state", ["absent", "python gone"])
def test_superset_that_cannot_be_installed_is_one_line(tmp_path, venv_state):
    venv = tmp_path / "venv-superset"
    if venv_state == "python gone":
        # Installed once, then the Python it was made from was removed or upgraded away.
        (venv / "bin").mkdir(parents=True)
        (venv / "bin" / "python").symlink_to(tmp_path / "removed" / "python3")
        (venv / server.VENV_STAMP.name).write_text(server._install_digest() + "\n")
    published = tmp_path / "minzheng.duckdb"
    published.touch()
    # A machine cut off from the package index: pip finds nothing to install.
    env = dict(os.environ, **{server.VENV_VAR: str(venv), PUBLISHED_VAR: str(published),
                              "PIP_NO_INDEX": "1", "PIP_CONFIG_FILE": os.devnull})
    done = subprocess.run([str(PROJECT_ROOT / "dashboards" / "bin" / "superset-up")], env=env,
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600)

    assert done.returncode == 1
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"superset: Superset is missing from {venv} and could not be "
                           "installed: ERROR: "), line
    assert _first_requirement() in line  # pip's reason names what it could not install
    assert line.endswith(f"(see {server.INSTALL_LOG}); install it with `make dashboards`, "
                         "which needs the package index"), line


def _first_requirement() -> str:
    """The first pin of dashboards/requirements-superset.txt (Superset itself)."""
    lines = server.REQUIREMENTS.read_text(encoding="utf-8").splitlines()
    return next(line.strip() for line in lines if line.strip() and not line.startswith("#"))
