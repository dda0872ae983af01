"""The inbox is a boundary: links, FIFOs, devices and vanished files are refused, the rest read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from minzheng.paths import DOCUMENTS_DIR
from warehouse.inputs import (
    InboxRefused,
    read_inbox_file,
    refused_label,
    scan_inbox,
    statistics_files,
    walk_inbox,
)
from warehouse.parse_cache import PARSED, REJECTED, parse_document
from warehouse.settings import Paths

SAMPLE = sorted(DOCUMENTS_DIR.glob("*.txt"))[0]


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """A real inbox with one sample document, and a secret file outside it."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    (tmp_path / "secret.txt").write_text("上海市养老床位总量达到99万张。\n", encoding="utf-8")
    return folder


def reasons(folder: Path) -> dict[str, str]:
    return {refused_label(entry, folder): entry.reason for entry in scan_inbox(folder).refused}


def test_a_link_to_a_file_outside_the_inbox_is_refused(inbox):
    (inbox / "outside.txt").symlink_to(inbox.parent / "secret.txt")
    scanned = scan_inbox(inbox)
    assert [document.path.name for document in scanned.documents.values()] == [SAMPLE.name]
    reason = reasons(inbox)["outside.txt"]
    assert "symbolic link" in reason and "outside the inbox" in reason
    assert str(inbox.parent / "secret.txt") in reason


def test_a_link_inside_the_inbox_and_a_linked_folder_are_refused_too(inbox, tmp_path):
    (inbox / "again.txt").symlink_to(inbox / SAMPLE.name)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "plan.txt").write_bytes(SAMPLE.read_bytes())
    (inbox / "more").symlink_to(elsewhere, target_is_directory=True)
    found = reasons(inbox)
    assert "inside the inbox" in found["again.txt"]
    assert "outside the inbox" in found["more"]
    # Nothing under the linked folder was read.
    assert all("elsewhere" not in str(path) for path in walk_inbox(inbox)[0])


def test_a_fifo_is_refused_without_blocking(inbox):
    os.mkfifo(inbox / "pipe.txt")
    assert reasons(inbox) == {"pipe.txt": "a FIFO (named pipe): the inbox takes regular files only"}
    with pytest.raises(InboxRefused, match="FIFO"):
        read_inbox_file(inbox / "pipe.txt")


def test_a_device_is_refused(inbox):
    try:
        os.mknod(inbox / "null.txt", 0o600 | 0o020000, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("creating a device node needs CAP_MKNOD here")
    assert reasons(inbox) == {"null.txt": "a device: the inbox takes regular files only"}


def test_a_file_that_vanishes_between_scan_and_read_is_refused(inbox):
    (document,) = scan_inbox(inbox).documents.values()
    document.path.unlink()
    entry = parse_document(document, "test")
    assert (entry["status"], entry["reason"]) == (REJECTED, "vanished before it could be read")


def test_a_file_swapped_for_a_link_after_the_scan_is_not_followed(inbox):
    (document,) = scan_inbox(inbox).documents.values()
    document.path.unlink()
    document.path.symlink_to(inbox.parent / "secret.txt")
    entry = parse_document(document, "test")
    assert entry["status"] == REJECTED and "symbolic link" in entry["reason"]
    assert entry["records"] == []


def test_regular_files_are_still_read(inbox):
    (document,) = scan_inbox(inbox).documents.values()
    assert parse_document(document, "test")["status"] == PARSED


def test_the_statistics_folder_is_a_boundary_too(tmp_path):
    folder = tmp_path / "statistics"
    folder.mkdir()
    (folder / "good.csv").write_text("region_code,year\n", encoding="utf-8")
    (folder / "passwd.csv").symlink_to("/etc/passwd")
    os.mkfifo(folder / "pipe.csv")
    assert statistics_files(folder) == [folder / "good.csv"]
    assert sorted(refused_label(entry, folder) for entry in walk_inbox(folder)[1]) == [
        "passwd.csv", "pipe.csv"]


def test_the_paths_default_inbox_has_nothing_refused():
    assert scan_inbox(Paths.from_env().documents).refused == []
