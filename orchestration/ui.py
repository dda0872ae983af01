"""`minzheng ui`: the Dagster UI and daemon on 127.0.0.1, on the instance `minzheng run` uses."""

import subprocess
import sys
from pathlib import Path

from minzheng.paths import PROJECT_ROOT
from orchestration.execution import ensure_instance
from warehouse.settings import Paths


def ui_command(port: int = 3000) -> int:
    """Start `dagster dev` on 127.0.0.1; the schedule and the inbox sensor run in its daemon."""
    paths = Paths.from_env()
    paths.export()
    ensure_instance(paths)
    dagster = Path(sys.executable).parent / "dagster"
    command = [str(dagster), "dev", "-m", "orchestration.definitions",
               "--host", "127.0.0.1", "--port", str(port)]
    print(f"Dagster UI on http://127.0.0.1:{port} (instance {paths.dagster_home}); "
          "Ctrl-C stops it.")
    try:
        return subprocess.call(command, cwd=PROJECT_ROOT)
    except KeyboardInterrupt:
        return 0
