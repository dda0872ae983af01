"""What text a regular expression cannot match without: a cheap test that rules most text out.

Two readings of a pattern's parse tree: the literal words every match contains (required_literals),
and the characters a match can start with (first_characters, which the catalogue's wording scan
skips to).

Searching a pattern that starts with a class of characters or a repeat (`\\d+页珍藏版`,
`[\\u4e00-\\u9fff]{2,4}\\s+摄`) tries it at nearly every position of a line. A search for the
literal words every match must contain (页珍藏版, 摄) skips ahead in C. The words are read from
the parse tree of Python's own regex parser (re._parser, Python 3.11), so the patterns stay
where their knowledge is kept (boilerplate.yaml), and a line without the words needs no search.
"""

from __future__ import annotations

import re
from re import _constants as re_ops
from re import _parser as re_parser

# A class of at most this many characters still counts as a short list of one-character words,
# and words spelled from such classes are listed up to this many.
MAX_CLASS = 4
MAX_WORDS = 16


def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` contains; None when no such list is known.

    Case-insensitive patterns get None: their literals may match in another case.
    """
    parsed = _parsed(pattern)
    return None if parsed is None else _of_sequence(parsed)


def _parsed(pattern: re.Pattern):
    """The parse tree of `pattern`, or None when it ignores case (its literals may match in another case)."""
    parsed = re_parser.parse(pattern.pattern, pattern.flags)
    return None if parsed.state.flags & re.IGNORECASE else parsed


def any_required(patterns) -> re.Pattern | None:
    """One pattern that finds a required literal of any of `patterns`; None if one of them has none.

    Where it finds nothing, none of the patterns can match.
    """
    words: set[str] = set()
    for pattern in patterns:
        literals = required_literals(pattern)
        if not literals:
            return None
        words |= literals
    # Each alternative starts with a literal: the regex engine skips to their first characters.
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def holds_any(words: re.Pattern | None, text: str) -> bool:
    """Whether `text` holds one of `words` (an any_required pattern); True when there are none to test."""
    return words is None or words.search(text) is not None


def _of_sequence(items) -> frozenset[str] | None:
    """The most selective required list of a parsed sequence: longest shortest word, then fewest words."""
    candidates: list[frozenset[str]] = []
    # The words that consecutive literals and short classes spell (日 then [电讯]: 日电, 日讯).
    run: frozenset[str] | None = None

    def flush() -> None:
        nonlocal run
        if run:
            candidates.append(run)
        run = None

    for op, argument in items:
        if op is re_ops.LITERAL or (op is re_ops.IN and len(argument) <= MAX_CLASS
                                    and all(kind is re_ops.LITERAL for kind, _ in argument)):
            characters = [chr(argument)] if op is re_ops.LITERAL else [chr(code) for _, code in argument]
            if run is not None and len(run) * len(characters) > MAX_WORDS:
                flush()
            run = frozenset(characters) if run is None else frozenset(w + c for w in run for c in characters)
            continue
        flush()
        found = None
        if op is re_ops.SUBPATTERN and not argument[1] & re.IGNORECASE:
            found = _of_sequence(argument[-1])
        elif op is re_ops.BRANCH:
            branches = [_of_sequence(branch) for branch in argument[1]]
            if all(branches):
                found = frozenset().union(*branches)
        elif op in (re_ops.MAX_REPEAT, re_ops.MIN_REPEAT) and argument[0] >= 1:
            found = _of_sequence(argument[2])
        # Anything else (lookarounds, anchors, classes, any character) requires no literal.
        if found:
            candidates.append(found)
    flush()
    if not candidates:
        return None
    return max(candidates, key=lambda words: (min(map(len, words)), -len(words)))


def first_characters(pattern: re.Pattern) -> frozenset[str] | None:
    """The characters a non-empty match of `pattern` can start with; None when that is no short list.

    Read from the parse tree of Python's own regex parser (re._parser, Python 3.11): lookarounds
    take no character, and a part that may match nothing (养老(服务)?) lets the next part start it.
    """
    parsed = _parsed(pattern)
    if parsed is None:
        return None
    starts, _ = _starts_of(parsed)
    return None if starts is None else frozenset(starts)


def _starts_of(items) -> tuple[set[str] | None, bool]:
    """(first characters or None if unknown, whether it can match nothing) of a parsed sequence."""
    starts: set[str] = set()
    for op, argument in items:
        if op in (re_ops.ASSERT, re_ops.ASSERT_NOT, re_ops.AT):
            continue
        if op is re_ops.LITERAL:
            part, empty = {chr(argument)}, False
        elif op is re_ops.IN and all(kind is re_ops.LITERAL for kind, _ in argument):
            part, empty = {chr(code) for _, code in argument}, False
        elif op is re_ops.SUBPATTERN and not argument[1] & re.IGNORECASE:
            part, empty = _starts_of(argument[-1])
        elif op is re_ops.BRANCH:
            branches = [_starts_of(branch) for branch in argument[1]]
            if any(branch is None for branch, _ in branches):
                return None, False
            part, empty = set().union(*(branch for branch, _ in branches)), any(e for _, e in branches)
        elif op in (re_ops.MAX_REPEAT, re_ops.MIN_REPEAT):
            part, empty = _starts_of(argument[2])
            empty = empty or argument[0] == 0
        else:
            return None, False
        if part is None:
            return None, False
        starts |= part
        if not empty:
            return starts, False
    return starts, True
