"""The words a pattern cannot match without (ingest/literals.py): a prefilter must never hide a match."""

from __future__ import annotations

import re

import pytest

from ingest.catalogue import default_catalogue
from ingest.literals import any_required, required_literals
from ingest.normalise import _boilerplate, normalise
from ingest.numbers import TIME_RE
from ingest.prose import TOPIC_YEAR
from minzheng.paths import DOCUMENTS_DIR


@pytest.mark.parametrize(("pattern", "expected"), [
    ("由会员分享", {"由会员分享"}),
    (r"\d+页珍藏版", {"页珍藏版"}),
    (r"请在\S{0,80}上搜索", {"上搜索"}),  # the longer of two required words
    ("(原创力|豆丁)", {"原创力", "豆丁"}),
    (r"\d{1,2}月\d{1,2}日(?:电|讯)|专电", {"日电", "日讯", "专电"}),
    ("[Cc]ab", {"Cab", "cab"}),
    (r"[\u4e00-\u9fff]{2,4}\s+摄\s*$", {"摄"}),
    ("(?:社会)?组织", {"组织"}),  # an optional part requires nothing
])
def test_required_literals(pattern, expected):
    assert required_literals(re.compile(pattern)) == expected


@pytest.mark.parametrize("pattern", [r"\d+", "a|\\d", "(?i)abc", "x?y?", "[^的]"])
def test_no_required_literal(pattern):
    assert required_literals(re.compile(pattern)) is None


def test_any_required_is_none_when_one_pattern_requires_nothing():
    assert any_required([re.compile("abc"), re.compile(r"\d+")]) is None


def _patterns():
    catalogue = default_catalogue()
    yield from (p for indicator in catalogue.indicators.values() for p in indicator.wordings)
    yield from (p for indicator in catalogue.indicators.values() for _, p, _ in indicator.context_wordings)
    yield from (pattern for _, _, pattern in _boilerplate()[3])
    yield from (TIME_RE, TOPIC_YEAR)


def test_every_match_in_the_sample_documents_holds_a_required_word():
    text = "\n".join(normalise(path.read_text(encoding="utf-8")) for path in sorted(DOCUMENTS_DIR.glob("*.txt")))
    checked = 0
    for pattern in _patterns():
        words = required_literals(pattern)
        if words is None:
            continue
        for line in text.split("\n"):
            for match in pattern.finditer(line.strip()):
                assert any(word in match.group(0) for word in words), (pattern.pattern, match.group(0))
                checked += 1
    assert checked > 100
