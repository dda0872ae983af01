"""The catalogue's wording scanner: only the wordings that can start at a character are tried there."""

from __future__ import annotations

import re

import pytest

from ingest.catalogue import default_catalogue
from ingest.literals import first_characters
from ingest.normalise import normalise
from minzheng.paths import DOCUMENTS_DIR


@pytest.mark.parametrize(("pattern", "expected"), [
    ("社会组织", {"社"}),
    ("(各类|全部)?社会组织", {"各", "全", "社"}),
    ("(?<!公办)(?<!民办)养老(服务)?床位", {"养"}),
    ("每?万(名)?人", {"每", "万"}),
    ("(?:(?<=各类)|(?<![类型])(?<!社区))民间组织", {"民"}),
    ("[户常]住人口", {"户", "常"}),
    ("(养老机构)*护理型床位", {"养", "护"}),
    ("x?y?", {"x", "y"}),  # may match nothing: a non-empty match starts with x or y
])
def test_first_characters_of_a_wording(pattern, expected):
    assert first_characters(re.compile(pattern)) == expected


@pytest.mark.parametrize("pattern", [r"\d+人", "[\u4e00-\u9fff]{0,4}人口", "[^的]床位", "(?i)ngo", ".床位"])
def test_a_start_that_is_no_short_list_is_unknown(pattern):
    assert first_characters(re.compile(pattern)) is None


def test_every_match_in_the_sample_documents_starts_where_the_scanner_looks():
    text = "\n".join(normalise(path.read_text(encoding="utf-8")) for path in sorted(DOCUMENTS_DIR.glob("*.txt")))
    checked = 0
    for indicator in default_catalogue().indicators.values():
        for pattern in indicator.wordings:
            starts = first_characters(pattern)
            for match in pattern.finditer(text):
                if match.end() > match.start():
                    assert starts is None or text[match.start()] in starts, (pattern.pattern, match.group(0))
                    checked += 1
    assert checked > 50


def test_the_bare_wording_check_finds_a_line_exactly_when_some_bare_wording_is_in_it():
    catalogue = default_catalogue()
    bare = [pattern for i in catalogue.indicators.values() for _, pattern, _ in i.context_wordings]
    lines = [line for path in sorted(DOCUMENTS_DIR.glob("*.txt"))
             for line in normalise(path.read_text(encoding="utf-8")).splitlines()]
    held = [bool(catalogue._any_context_wording.search(line)) for line in lines]
    assert held == [any(pattern.search(line) for pattern in bare) for line in lines]
    assert any(held) and not all(held)
