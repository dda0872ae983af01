"""Faults and concurrency with the real `minzheng run`: kills, two runs at once, readers.

Each test starts the command line in a session of its own on a copy of the session's
published workspace with one new document, so that a run has something to build.
Runs are held at a named step with MINZHENG_PAUSE_AT (warehouse/faults.py): the run
writes a marker file when it gets there and waits while the file exists, so a test
can SIGKILL it at exactly that step, or delete the marker to let it go on.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import psutil
import pytest

from minzheng.paths import DOCUMENTS_DIR, STATISTICS_DIR
from tests.pipeline.conftest import (
    NEW_BULLETIN,
    PipelineWorkspace,
    mart_contents,
    one_line,
    sha256,
)
from warehouse.faults import PAUSE_VAR
from warehouse.inputs import document_id, file_sha256
from warehouse.parse_cache import ParseCache

pytestmark = [pytest.mark.pipeline, pytest.mark.timeout(900)]

BULLETIN = "zhoushan_2023_bulletin.txt"
# A second new document, for the run that is refused while another one builds.
SECOND_BULLETIN = textwrap.dedent("""\
    杨浦区2023年民政事业发展统计公报

    上海市杨浦区民政局 2024年3月20日

    截至2023年底,全区共有社会组织620家。全区持证社会工作者1890人。
    """)
OBSERVATIONS_SQL = "select count(*) from marts.fct_indicator_observations"


class PausedRun:
    """`minzheng run` in its own session, held at `step` until released or killed."""

    def __init__(self, workspace: PipelineWorkspace, step: str):
        self.workspace = workspace
        self.marker = workspace.root / f"paused-at-{step}"
        self.log = workspace.root / f"run-paused-at-{step}.log"
        with open(self.log, "w", encoding="utf-8") as log:
            self.process = subprocess.Popen(
                workspace.command(), stdout=log, stderr=subprocess.STDOUT,
                env=workspace.environment(**{PAUSE_VAR: f"{step}:{self.marker}"}),
                start_new_session=True)
        self._wait_until_paused()

    def _wait_until_paused(self) -> None:
        while not self.marker.exists():
            if self.process.poll() is not None:
                pytest.fail(f"the run ended before its pause point:\n{self.output()}")
            time.sleep(0.05)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def child_commands(self) -> list[list[str]]:
        """The command lines of the processes the run started (dbt), as the kernel sees them."""
        commands = []
        for child in psutil.Process(self.process.pid).children(recursive=True):
            try:
                commands.append(child.cmdline())
            except psutil.Error:  # ended meanwhile
                continue
        return commands

    def kill(self) -> None:
        """SIGKILL the whole session: the run and dbt, with no chance to clean up."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def release(self) -> int:
        self.marker.unlink()
        return self.process.wait()


def workspace_with_bulletin(published: PipelineWorkspace, root: Path) -> PipelineWorkspace:
    workspace = published.copy_to(root / "site")
    (workspace.paths.documents / BULLETIN).write_text(NEW_BULLETIN, encoding="utf-8")
    return workspace


def observations(path: Path) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(OBSERVATIONS_SQL).fetchone()[0]


@pytest.fixture(scope="module")
def clean_marts(tmp_path_factory) -> dict[str, list[tuple]]:
    """The marts of a clean run, from nothing, on the sample corpus and the new bulletin."""
    root = tmp_path_factory.mktemp("clean") / "site"
    root.mkdir()
    shutil.copytree(DOCUMENTS_DIR, root / "documents")
    shutil.copytree(STATISTICS_DIR, root / "annual_statistics")
    (root / "documents" / BULLETIN).write_text(NEW_BULLETIN, encoding="utf-8")
    workspace = PipelineWorkspace(root)
    result = workspace.run_cli()
    assert result.returncode == 0, result.stderr
    return mart_contents(workspace.paths.published)


@pytest.mark.parametrize("step", ["start-up", "raw-gate", "dbt-build", "publish"])
def test_killed_run_leaves_the_published_file_and_the_next_run_completes(
        published, tmp_path, clean_marts, step):
    workspace = workspace_with_bulletin(published, tmp_path)
    paths = workspace.paths
    before, rows_before = sha256(paths.published), observations(paths.published)
    validations_before = set(paths.data_docs.iterdir())

    run = PausedRun(workspace, step)
    if step == "start-up":
        # The run has registered the bulletin with Dagster but not parsed it yet.
        bulletin = document_id(file_sha256(paths.documents / BULLETIN))
        assert ParseCache(paths.parse_cache).read(bulletin) is None
    elif step == "raw-gate":
        # The gate has validated this run's rows: their Data Docs are written.
        assert set(paths.data_docs.iterdir()) - validations_before
    elif step == "dbt-build":
        # dbt is at work on the build file when the kill comes.
        assert any(Path(part).name == "dbt" for command in run.child_commands()
                   for part in command[:2])
    else:
        # The checked copy is staged beside the published file, about to replace it.
        assert list(paths.published.parent.glob(f".{paths.published.name}.publish-*.tmp"))
    run.kill()

    # Readable and unchanged, byte for byte.
    assert sha256(paths.published) == before
    assert observations(paths.published) == rows_before
    # The next run completes on the same inputs, and builds what a clean run builds.
    rerun = workspace.run_cli()
    assert rerun.returncode == 0, rerun.stderr
    assert mart_contents(paths.published) == clean_marts
    assert not list(paths.published.parent.glob("*.tmp"))


def test_second_run_is_refused_while_one_builds_and_nothing_is_lost(published, tmp_path):
    workspace = workspace_with_bulletin(published, tmp_path)
    paths = workspace.paths
    first = PausedRun(workspace, "dbt-build")
    # A document arrives while the first run builds, and its operator starts a run for it.
    (paths.documents / "yangpu_2023_bulletin.txt").write_text(SECOND_BULLETIN, encoding="utf-8")

    second = workspace.run_cli()

    assert second.returncode == 1
    message = one_line(second.stderr)
    assert f"another minzheng run is building this warehouse (pid {first.process.pid} since" \
        in message
    assert "try again when it has finished" in message
    assert first.release() == 0, first.output()
    # The first run published what it started from: the Zhoushan bulletin.
    assert workspace.query("select document_name from marts.dim_document "
                           "where document_name like '%2023_bulletin.txt'") == [(BULLETIN,)]
    # The document the refused run came for is still in the inbox; the next run publishes it.
    third = workspace.run_cli()
    assert third.returncode == 0, third.stderr
    assert workspace.query(
        "select document_name from marts.dim_document where document_name like '%2023_bulletin.txt' "
        "order by 1") == [("yangpu_2023_bulletin.txt",), (BULLETIN,)]
    assert workspace.query(
        "select value from marts.fct_plan_figures where document_name = 'yangpu_2023_bulletin.txt' "
        "and indicator = 'social_orgs'") == [(620,)]


@pytest.mark.parametrize("step", ["parse", "land"])
def test_document_edited_during_a_run_is_published_by_this_run_or_the_next(
        published, tmp_path, step):
    """What is parsed is what is hashed: an edit is never lost behind "inputs unchanged"."""
    workspace = workspace_with_bulletin(published, tmp_path)
    bulletin = workspace.paths.documents / BULLETIN
    run = PausedRun(workspace, step)
    # The operator corrects the bulletin while the run is parsing or landing it.
    bulletin.write_text(NEW_BULLETIN.replace("社会组织5012家", "社会组织5100家"), encoding="utf-8")
    assert run.release() == 0, run.output()
    published_orgs = ("select value from marts.fct_plan_figures where document_name = ? "
                      "and indicator = 'social_orgs'")
    if step == "parse":
        # Parsed after the edit: the new content is in this run.
        assert workspace.query(published_orgs, [BULLETIN]) == [(5100,)]
    rerun = workspace.run_cli()
    assert rerun.returncode == 0, rerun.stderr
    assert workspace.query(published_orgs, [BULLETIN]) == [(5100,)]


# Reads the published file the way Superset and analysts do, in a process of its own, until
# told to stop. `held`: one connection open the whole time, then closed and a new one opened.
# `fresh`: a new connection for every query (DuckDB shares one open file among the
# connections of a process, so the two ways need a process each).
READER = textwrap.dedent("""\
    import os, sys, time, duckdb
    mode, path, stop, out = sys.argv[1:5]
    sql = "select count(*) from marts.fct_indicator_observations"
    held = duckdb.connect(path, read_only=True) if mode == "held" else None
    stopping = False
    with open(out, "w") as log:
        while True:
            try:
                if held is not None:
                    rows = held.execute(sql).fetchone()[0]
                else:
                    with duckdb.connect(path, read_only=True) as fresh:
                        rows = fresh.execute(sql).fetchone()[0]
                print(rows, file=log, flush=True)
            except Exception as error:
                print("error", type(error).__name__, error, file=log, flush=True)
            if stopping:
                break
            stopping = os.path.exists(stop)
            time.sleep(0.01)  # pace, not timing: the loop only has to span the publish
        if held is not None:
            held.close()
            with duckdb.connect(path, read_only=True) as after:
                print("after", after.execute(sql).fetchone()[0], file=log, flush=True)
    """)


def test_readers_keep_reading_while_a_run_publishes(published, tmp_path):
    workspace = workspace_with_bulletin(published, tmp_path)
    paths = workspace.paths
    old_rows = observations(paths.published)
    stop = tmp_path / "stop-reading"
    logs = {mode: tmp_path / f"reader-{mode}.log" for mode in ("held", "fresh")}
    readers = {mode: subprocess.Popen([sys.executable, "-c", READER, mode, str(paths.published),
                                       str(stop), str(log)], stderr=subprocess.PIPE, text=True)
               for mode, log in logs.items()}
    try:
        run = PausedRun(workspace, "publish")
        assert run.release() == 0, run.output()
        new_rows = observations(paths.published)
        # Each reader goes round at least once more after the publish, then stops.
        stop.touch()
        for reader in readers.values():
            _, errors = reader.communicate(timeout=120)
            assert reader.returncode == 0, errors
    finally:
        for reader in readers.values():
            reader.kill()
    seen = {mode: log.read_text(encoding="utf-8").split("\n")[:-1] for mode, log in logs.items()}
    # The bulletin adds observations. The held connection never fails and keeps its snapshot
    # throughout; a connection opened after it closed sees the new file.
    assert new_rows > old_rows
    assert seen["held"][-1] == f"after {new_rows}"
    assert [int(line) for line in seen["held"][:-1]] == [old_rows] * (len(seen["held"]) - 1)
    # New connections see the old file, then the new one, never anything else. DuckDB reads
    # a file's header and its blocks through separate opens of the path, so a connection
    # opened at the very instant of the swap may fail (README, "For analysts"); only that
    # one, right before the first new answer, and the next connection succeeds.
    fresh = seen["fresh"]
    first_new = fresh.index(str(new_rows))
    failed = [number for number, line in enumerate(fresh) if line.startswith("error")]
    assert failed in ([], [first_new - 1]), fresh[first_new - 2:first_new + 1]
    answers = [int(line) for number, line in enumerate(fresh) if number not in failed]
    assert answers == sorted(answers) and set(answers) == {old_rows, new_rows}
    assert answers[-1] == new_rows


@contextlib.contextmanager
def on_tmpfs(folder: Path, room: int, read_only: bool = False):
    """`folder` as a small filesystem of its own (tmpfs): its files and `room` bytes to spare,
    mounted read-only if asked; skips the test where no tmpfs can be mounted."""
    # What the files take on a tmpfs: whole pages, one at least for each file and folder (a
    # build folder holds many small files, so their sizes alone fall short).
    page = 4096
    used = sum(max(page, -(-f.stat().st_size // page) * page) for f in folder.rglob("*"))
    saved = folder.with_name(f"{folder.name}-before")
    shutil.move(str(folder), saved)
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={used + room}", "tmpfs",
                              str(folder)], capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"a tmpfs cannot be mounted here ({mounted.stderr.strip()})")
    try:
        subprocess.run(["cp", "-a", f"{saved}/.", str(folder)], check=True)
        if read_only:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture
def small_build_disk(published, tmp_path):
    """A workspace whose build folder is a small filesystem of its own (tmpfs), nearly full."""
    workspace = workspace_with_bulletin(published, tmp_path)
    with on_tmpfs(workspace.paths.build.parent, 64 * 1024 * 1024):
        yield workspace


def test_disk_full_during_dbt_is_one_line_naming_the_step(small_build_disk):
    workspace = small_build_disk
    paths = workspace.paths
    before = sha256(paths.published)
    run = PausedRun(workspace, "dbt-build")
    # The disk fills while dbt works on the build file.
    filler = paths.build.parent / "filler"
    subprocess.run(["dd", "if=/dev/zero", f"of={filler}", "bs=1M", "count=4096"], capture_output=True, check=False)
    assert run.release() == 1
    output = run.output()
    failure = [line for line in output.splitlines() if line.startswith("minzheng run failed")]
    assert len(failure) == 1, output
    # The one line names where the run was and the full disk; the traceback goes to the log.
    assert failure[0].startswith("minzheng run failed at step dbt_models: "), failure[0]
    assert "is full" in failure[0], output
    # Beside the progress display (a bar per task, "done/total elapsed"), the output is that
    # line and what else to know: nothing Dagster or dbt said on the way.
    said = [line for line in output.splitlines()
            if line.strip() and not re.search(r"\d+/\d+\s+\d+:\d\d:\d\d\s*$", line)]
    assert said == [failure[0], f"The published warehouse {paths.published} was left as it was.",
                    said[-1]], output
    assert said[-1].startswith("The traceback "), output  # is in the log, or could not be written
    assert sha256(paths.published) == before


def test_read_only_warehouse_folder_is_one_line_naming_it(published, tmp_path):
    """The warehouse's folder turned read-only (a remount, as root ignores file modes)."""
    workspace = workspace_with_bulletin(published, tmp_path)
    paths = workspace.paths
    before = sha256(paths.published)
    with on_tmpfs(paths.published.parent, 1024 * 1024, read_only=True):
        result = workspace.run_cli()
        after = sha256(paths.published)
    assert result.returncode == 1
    failure = [line for line in result.stderr.splitlines() if line.startswith("minzheng run failed")]
    assert len(failure) == 1, result.stderr
    assert "Read-only file system" in failure[0] and str(paths.published.parent) in failure[0]
    assert "Traceback" not in result.stdout + result.stderr
    assert after == before


def bound_by_file_modes(command: list[str]) -> list[str]:
    """`command` run so that file modes bind it: as root, without the capabilities that let
    root write anywhere (skips the test where setpriv, of util-linux, is missing)."""
    if os.geteuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root ignores file modes, and setpriv is not here to drop that")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--", *command]


@pytest.mark.parametrize("build_folder", ["absent", "writable"])
def test_unwritable_warehouse_folder_is_one_line_naming_it(published, tmp_path, build_folder):
    """The warehouse's folder without write permission for the user running the build. With
    no build folder yet the run cannot make one and stops at start-up; with a build folder
    it may write, the run builds and stops at the publish. Either way: one line naming the
    folder and the permission, and the published file as it was."""
    workspace = workspace_with_bulletin(published, tmp_path)
    paths = workspace.paths
    if build_folder == "absent":
        shutil.rmtree(paths.build_dir)
    before = sha256(paths.published)
    mode = paths.published.parent.stat().st_mode
    paths.published.parent.chmod(0o555)
    try:
        result = subprocess.run(bound_by_file_modes(workspace.command()), capture_output=True,
                                text=True, env=workspace.environment(), check=False)
    finally:
        paths.published.parent.chmod(mode)
    assert result.returncode == 1
    failure = [line for line in result.stderr.splitlines() if line.startswith("minzheng run failed")]
    assert len(failure) == 1, result.stderr
    where = "start-up" if build_folder == "absent" else "step published_warehouse"
    assert failure[0].startswith(f"minzheng run failed at {where}: PermissionError: "), failure[0]
    assert "Permission denied" in failure[0] and f"'{paths.published.parent}/" in failure[0]
    assert "Traceback" not in result.stdout + result.stderr
    assert sha256(paths.published) == before
