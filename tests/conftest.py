"""The suite runs on every core with pytest-xdist (`-n auto --dist loadgroup`, pyproject.toml),
with one worker more than cores (`pytest_xdist_auto_num_workers`).

Each worker is a pytest session of its own, so what the tests share across processes is
settled here, before and while the workers run:

- dbt's manifest (dbt_project/target) is parsed once by the controller before any worker
  starts; `prepare_manifest` also holds a lock, so no process reads it half written.
- Tests marked `xdist_group(name)` run on one worker, one after the other: the tests of the
  one Superset server (port 8088, dashboards/.state) are `xdist_group("superset")`.
- So do the tests of a module that share a module-scoped fixture (a pipeline run, a Redis
  broker and its workers, a browser), in file order: the fixture is built once, and tests
  that follow from the ones before them (tests/pipeline/test_celery.py) still follow them.
- The session's sample run (tests/pipeline/conftest.py) is made by the first worker that
  needs it and read by the others.

The groups are handed to the scheduler here rather than by xdist's own loadgroup: with
pytest 9.2 its way of passing them (a suffix written into each test's id) no longer takes
effect, and every test is scheduled alone (pytest-xdist issue 1386). Each worker writes the
group of every test it collected to a file; the controller's scheduler reads it.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Scopes wider than a test and narrower than the session: a worker builds such a fixture for
# each module it runs tests of, so a module's tests that share one are kept together.
_SHARED_SCOPES = ("package", "module", "class")
_GROUPS_DIR = "minzheng_xdist_groups"
_GROUPS_FILE = "groups.json"
_groups_key = pytest.StashKey[Path]()


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: one worker more than there are cores.

    Much of a worker's time is spent waiting (on a `minzheng run` it started, on Superset, a
    browser or Celery workers starting): with a worker per core, a core sat idle about a
    quarter of the time.
    """
    return len(os.sched_getaffinity(0)) + 1


def _is_controller(config: pytest.Config) -> bool:
    """The process that hands tests to xdist's workers (not a worker, not a run in one process)."""
    return not hasattr(config, "workerinput") and config.pluginmanager.has_plugin("dsession")


def _groups_folder(config: pytest.Config) -> Path:
    """The controller's folder for the workers' group files, made on first use."""
    if _groups_key not in config.stash:
        config.stash[_groups_key] = Path(tempfile.mkdtemp(prefix="minzheng-xdist-groups-"))
    return config.stash[_groups_key]


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = config.stash.get(_groups_key, None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:
    """Tell each worker where to write its tests' groups."""
    node.workerinput[_GROUPS_DIR] = str(_groups_folder(node.config))


def pytest_sessionstart(session: pytest.Session) -> None:
    if _is_controller(session.config):
        from orchestration.dbt_models import prepare_manifest

        prepare_manifest()  # before the workers start; they find it current


def _group(item: pytest.Item) -> str | None:
    mark = item.get_closest_marker("xdist_group")
    if mark is not None:
        return str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
    definitions = getattr(item, "_fixtureinfo", None)
    if definitions is not None and any(
            defs and defs[-1].scope in _SHARED_SCOPES for defs in definitions.name2fixturedefs.values()):
        return item.nodeid.split("::", 1)[0]
    return None


@pytest.hookimpl(trylast=True)  # the test ids as the controller will see them
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    folder = getattr(config, "workerinput", {}).get(_GROUPS_DIR)
    if folder is None:
        return
    groups = {item.nodeid: group for item in items if (group := _group(item)) is not None}
    # Every worker collects the same tests and writes the same file; each replaces it whole.
    partial = Path(folder) / f"{_GROUPS_FILE}.{os.getpid()}"
    partial.write_text(json.dumps(groups), encoding="utf-8")
    os.replace(partial, Path(folder) / _GROUPS_FILE)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    groups_file = _groups_folder(config) / _GROUPS_FILE

    class GroupScheduling(LoadGroupScheduling):
        """xdist's loadgroup, with the groups the workers wrote; the largest group goes first."""

        _groups: dict[str, str] | None = None

        def _split_scope(self, nodeid: str) -> str:
            if self._groups is None:  # read once all workers have collected (schedule())
                self._groups = json.loads(groups_file.read_text(encoding="utf-8"))
            return self._groups.get(nodeid) or super()._split_scope(nodeid)

    return GroupScheduling(config, log)
