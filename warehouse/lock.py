"""The run lock: one pipeline run at a time writes the build file and publishes.

An advisory `flock` on `warehouse/.run.lock`. The kernel drops it when the holder
exits, even on SIGKILL, so a killed run never leaves a stale lock behind. A build run
takes it from its first write to its publish (orchestration/resources.py's RunGuard is
its one owner; `minzheng docs` takes it to read the build file). It is re-entrant
within one process.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path

_held: dict[Path, tuple[int, int]] = {}  # path -> (file descriptor, depth)
_guard = threading.Lock()


class RunLocked(RuntimeError):
    """Another process holds the run lock."""


def _holder(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError:
        text = ""
    return text or "another process"


@contextmanager
def run_lock(path: Path, wait_seconds: float = 0.0):
    """Hold the run lock at `path`; raise RunLocked if another process holds it `wait_seconds`."""
    path = Path(path).resolve()
    with _guard:
        if path in _held:
            fd, depth = _held[path]
            _held[path] = (fd, depth + 1)
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield
        finally:
            with _guard:
                fd, depth = _held[path]
                _held[path] = (fd, depth - 1)
        return

    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                raise RunLocked(
                    f"another minzheng run is building this warehouse ({_holder(path)}; "
                    f"lock file {path}); try again when it has finished"
                ) from None
            time.sleep(0.2)
    # Who holds it, for the message the next run prints.
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode(), 0)
    with _guard:
        _held[path] = (fd, 1)
    try:
        yield
    finally:
        with _guard:
            fd, depth = _held[path]
            if depth > 1:
                _held[path] = (fd, depth - 1)
            else:
                del _held[path]
                os.ftruncate(fd, 0)
                fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)
