"""Pause points for the fault tests: a run can be held at a named step, then killed or let go.

Inert unless MINZHENG_PAUSE_AT is set, which only tests/faults does. With
`MINZHENG_PAUSE_AT=publish:/tmp/x/paused`, a run that reaches the step `publish` writes
its pid to /tmp/x/paused and waits until that file is deleted: the test can kill the
run at exactly that point (SIGKILL), or delete the file to let it go on.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

PAUSE_VAR = "MINZHENG_PAUSE_AT"
POLL_SECONDS = 0.05


def pause_point(step: str) -> None:
    """Hold here while the marker file exists, if MINZHENG_PAUSE_AT names this step."""
    setting = os.environ.get(PAUSE_VAR)
    if not setting:
        return
    name, _, marker = setting.partition(":")
    if name != step or not marker:
        return
    marker_path = Path(marker)
    marker_path.write_text(str(os.getpid()), encoding="utf-8")
    while marker_path.exists():
        time.sleep(POLL_SECONDS)
