"""Links and FIFOs in the inboxes through the real `minzheng run`: refused, named, the rest published."""

from __future__ import annotations

import os

import pytest

from tests.pipeline.conftest import NEW_BULLETIN, one_line

pytestmark = pytest.mark.pipeline

# A figure no sample states, so that finding it anywhere means the outside file was read.
SECRET = "上海市2023年民政事业发展统计公报\n\n截至2023年底,全市共有社会组织98765家。\n"


def test_links_and_fifos_are_refused_and_the_batch_goes_on(published, tmp_path):
    workspace = published.copy_to(tmp_path / "site")
    paths = workspace.paths
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (paths.documents / "linked.txt").symlink_to(outside / "secret.txt")
    os.mkfifo(paths.documents / "pipe.txt")
    (paths.documents / "zhoushan_bulletin_2023.txt").write_text(NEW_BULLETIN, encoding="utf-8")
    (paths.statistics / "passwd.csv").symlink_to("/etc/passwd")

    result = workspace.run_cli()

    assert result.returncode == 0, result.stderr
    report = one_line(result.stdout)
    # The terminal may wrap the long link target; the table holds it whole.
    assert "refused document linked.txt: a symbolic link (to" in report
    assert "refused document pipe.txt: a FIFO (named pipe)" in report
    assert "quarantined passwd.csv (whole file): a symbolic link (to /etc/passwd" in report
    assert workspace.query(
        "select document_name, reason from raw.ingest_errors "
        "where error_kind = 'file_refused' order by 1") == [
        ("linked.txt", f"a symbolic link (to {outside / 'secret.txt'}, outside the inbox): "
                       "links are not followed, the inbox takes regular files only"),
        ("pipe.txt", "a FIFO (named pipe): the inbox takes regular files only")]
    # Nothing of the outside files landed; the new bulletin did (5012 organisations, as it says).
    assert workspace.query("select count(*) from raw.figure_records where value = 98765") == [(0,)]
    assert workspace.query("select count(*) from raw.statistics_rows where file = 'passwd.csv'") == [(0,)]
    assert workspace.query(
        "select value from marts.fct_plan_figures where document_name = 'zhoushan_bulletin_2023.txt' "
        "and indicator = 'social_orgs'") == [(5012,)]
