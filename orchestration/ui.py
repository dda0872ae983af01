"""`minzheng ui`: the Dagster UI (webserver and daemon) on 127.0.0.1, on the same instance as `minzheng run`."""

import subprocess
import sys
from pathlib import Path

from orchestration.runner import ensure_instance
from warehouse.settings import REPO_ROOT, Paths


def ui_command(port: int = 3000) -> int:
    """Start `dagster dev` bound to 127.0.0.1; the schedule and the inbox sensor run in its daemon."""
    paths = Paths.from_env()
    paths.export()
    ensure_instance(paths)
    dagster = Path(sys.executable).parent / "dagster"
    command = [str(dagster), "dev", "-m", "orchestration.definitions",
               "--host", "127.0.0.1", "--port", str(port)]
    print(f"Dagster UI on http://127.0.0.1:{port} (instance {paths.dagster_home}); Ctrl-C stops it.")
    try:
        return subprocess.call(command, cwd=REPO_ROOT)
    except KeyboardInterrupt:
        return 0
