"""The region table's run-by-run search finds what one search of the automaton over the whole text finds."""

from __future__ import annotations

import random

from ingest.regions import default_regions
from minzheng.paths import DOCUMENTS_DIR


def test_the_search_by_runs_finds_what_the_whole_text_search_finds_in_the_samples():
    table = default_regions()
    for path in sorted(DOCUMENTS_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert table._longest(text) == list(table._automaton.iter_long(text)), path.name


def test_the_search_by_runs_finds_what_the_whole_text_search_finds_in_glued_names():
    # Names glued to each other, to pieces of names and to characters in no name: where the
    # longest-match search gives up on a name and resumes matters most.
    table = default_regions()
    words = sorted(table._automaton.keys())
    characters = sorted(set("".join(words)))
    generator = random.Random(2260)
    for _ in range(2000):
        parts = []
        for _ in range(generator.randint(1, 10)):
            word = generator.choice(words)
            parts.append(generator.choice([word, word[generator.randint(1, len(word) - 1):],
                                           "".join(generator.choices(characters, k=2)), "，", "的", "1"]))
        text = "".join(parts)
        assert table._longest(text) == list(table._automaton.iter_long(text)), text
