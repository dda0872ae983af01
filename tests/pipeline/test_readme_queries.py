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


# The seven example queries, the two of regions whose code changed and the two of the review
# workflow. The query by a replaced region code (溧水县 320124) finds rows only in inputs that
# speak of 溧水, which the sample does not: test_regions_over_time.py runs it on such inputs.
QUERIES = 11
REPLACED_CODE = "'320124'"


def test_there_are_eleven_queries():
    assert len(analyst_queries()) == QUERIES
    assert sum(REPLACED_CODE in query for query in analyst_queries()) == 1


@pytest.mark.parametrize("number", range(QUERIES - 1))
def test_query_returns_rows(published, number):
    queries = [query for query in analyst_queries() if REPLACED_CODE not in query]
    assert published.query(queries[number])
