"""The README's example queries run on the published warehouse and return rows."""

from __future__ import annotations

import re

import pytest

from minzheng.paths import PROJECT_ROOT

pytestmark = pytest.mark.pipeline


def analyst_queries() -> list[str]:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## For analysts", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, flags=re.S)


# The seven example queries and the review workflow's two.
QUERIES = 9


def test_there_are_nine_queries():
    assert len(analyst_queries()) == QUERIES


@pytest.mark.parametrize("number", range(QUERIES))
def test_query_returns_rows(published, number):
    assert published.query(analyst_queries()[number])
