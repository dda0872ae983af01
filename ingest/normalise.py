"""Decoded text to clean simplified Chinese: one small function per rule.

`normalise` applies them in order. Each rule exists because real documents need
it; the docstring of each says which damage it repairs.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import opencc
import yaml

from ingest.literals import any_required, holds_any
from ingest.numbers import LABELLED_DATE, PUBLISHED_DATE, chinese_years_to_digits, fractions_to_signs

MANGLED_MARK = "〓"  # the geta mark: typesetters' sign for a character that could not be set

TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A pinyin annotation: lower-case letters with at least one tone mark, in brackets,
# glued to the character it annotates (醫(yī)療).
# The brackets may be full-width (發（fā）展): a converter writes whichever the page uses.
# The bracket is matched before the look back at the character it is glued to: a pattern that
# starts with a literal is searched by skipping to that character, one that starts with a
# look-behind is tried at every position. (So for the other look-behinds moved past a first character.)
PINYIN_ANNOTATION = re.compile(
    rf"[(（](?<=\S[(（])(?=[a-zü{TONE_VOWELS}]*[{TONE_VOWELS}])[a-zü{TONE_VOWELS}]{{1,7}}[)）]")

# Full-width ASCII forms and odd spaces that sites mix into Chinese text.
FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if code != 0xFF1F}
FULL_WIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20,
                   0x200B: None, 0xFEFF: None, 0xFFFD: ord(MANGLED_MARK)})
# A decimal point typed as the ideographic full stop or a middle dot (44。6万个). Only
# before 万/亿: elsewhere 。 between digits ends a sentence (比例约1。4.基本社会服务).
DECIMAL_FULL_STOP = re.compile(r"[。·](?<=\d[。·])(?=\d+\s*[万亿])")

# What GBK-decoding of UTF-8 bytes leaves behind: a '?' for a lost byte, then a few
# characters of noise holding stray Latin letters or ASCII punctuation (?;攫B, ?!笆奈濉逼陂g).
# A lost character may keep its pinyin, minus the opening bracket: ?fù)
MANGLED_START = re.compile(rf"\?+(?:[a-zü{TONE_VOWELS}]{{1,7}}\))?")
MANGLED_ANCHOR = re.compile(rf"[?;!A-Za-z{TONE_VOWELS}]")
MANGLED_WINDOW = 12
MANGLED_WINDOW_STOP = re.compile(r"[\s,，。、；:：“”《》（）【】]")

LINE_START_MARKER = re.compile(r"^(\s*)(\d{1,4})、")
SENTENCE_END = set("。!！?？;；:：…”’」』)）】")
# A heading is short; a page break falls inside running text.
MIN_INTERRUPTED_LINE = 30
MIN_MARKER_CHAIN = 3

# A space a spinner left inside a sentence: after a Chinese character, before a Chinese
# character, a digit or punctuation.
SPUN_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff\d,，。、;；%])")
# A space between a number and its unit or 年, as text taken from PDF and typeset pages has it
# (2016 年全国……各类养老床位680 万张; 到2020 年……要达到35~45 张).
NUMBER_UNIT_SPACE = re.compile(r"[ \u3000](?<=\d[ \u3000])[ \u3000]*(?=[年月日万亿张个家人名%‰])")
T2S_BLOCK = 1 << 20  # characters per OpenCC call
BOILERPLATE_FILE = Path(__file__).with_name("boilerplate.yaml")


@functools.lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=1)
def _spec() -> dict:
    """boilerplate.yaml, read once for every rule that uses it."""
    return yaml.safe_load(BOILERPLATE_FILE.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _boilerplate() -> tuple[tuple[str, ...], re.Pattern, int, tuple[tuple[str, int, re.Pattern], ...],
                            re.Pattern | None]:
    spec = _spec()
    rules = tuple(
        (group["name"], group["max_length"], re.compile("|".join(f"(?:{p})" for p in group["patterns"])))
        for group in spec["line_patterns"]
    )
    # Any one spam term, found in one pass: most lines have none, and need no count.
    any_term = re.compile("|".join(map(re.escape, spec["spam_terms"])))
    # The words some line pattern needs (摄, 版权所有): a line without any of them, most lines,
    # needs no search of each pattern (ingest/literals.py).
    any_rule_word = any_required(pattern for _, _, pattern in rules)
    return tuple(spec["spam_terms"]), any_term, spec["spam_min_terms"], rules, any_rule_word


@functools.lru_cache(maxsize=1)
def publisher_suffix() -> re.Pattern:
    """Words that make a region name before them the name of a publisher (北京商报), from boilerplate.yaml."""
    return re.compile(_spec()["publisher_suffix"])


def strip_pinyin(text: str) -> str:
    """Remove pinyin annotations glued after characters: 醫(yī)療 -> 醫療."""
    return PINYIN_ANNOTATION.sub("", text)


def mark_mangled(text: str) -> str:
    """Replace runs of encoding noise with one MANGLED_MARK so they are never read as clean text.

    A run starts at '?' and extends to the last noise anchor (another '?', a Latin
    letter, ';' or '!') within a short window that stops at spaces and punctuation.
    """
    if "?" not in text:
        return text
    pieces: list[str] = []
    position = 0
    for start in MANGLED_START.finditer(text):
        if start.start() < position:
            continue
        end = start.end()
        window = text[end : end + MANGLED_WINDOW]
        stop = MANGLED_WINDOW_STOP.search(window)
        if stop:
            window = window[: stop.start()]
        anchors = [m.end() for m in MANGLED_ANCHOR.finditer(window)]
        if anchors:
            end += anchors[-1]
        pieces.append(text[position : start.start()])
        pieces.append(MANGLED_MARK)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def unify_characters(text: str) -> str:
    """Full-width ASCII to ASCII, odd spaces to spaces, variants to standard forms, 44。6 to 44.6, 二〇三五年 to 2035年,
    百分之五十 to 50%.

    The full-width question mark stays: a real ？ is punctuation, a '?' is encoding noise.
    """
    characters, replacements = _characters_to_unify()
    text = characters.sub(lambda found: replacements[found.group()], text)
    return fractions_to_signs(chinese_years_to_digits(DECIMAL_FULL_STOP.sub(".", text)))


@functools.lru_cache(maxsize=1)
def _characters_to_unify() -> tuple[re.Pattern, dict[str, str]]:
    """The characters of `_character_table` as one class, and what each becomes.

    A substitution touches only those characters; str.translate looked up every character
    of the text in the table, several times slower.
    """
    replacements = {chr(code): "" if new is None else chr(new) for code, new in _character_table().items()}
    return re.compile("[" + "".join(map(re.escape, replacements)) + "]"), replacements


@functools.lru_cache(maxsize=1)
def _character_table() -> dict[int, int | None]:
    """FULL_WIDTH plus the variant characters of boilerplate.yaml that OpenCC does not convert."""
    spec = _spec()
    table = dict(FULL_WIDTH)
    table.update({ord(variant): ord(standard) for variant, standard in spec.get("variant_characters", {}).items()})
    return table


def to_simplified(text: str) -> str:
    """Traditional characters to simplified (OpenCC t2s).

    Converted in blocks cut after a line or sentence end, so a large file never needs
    OpenCC's working copies of the whole text at once, and no phrase is cut in two.
    """
    if len(text) <= T2S_BLOCK:
        return _converter().convert(text)
    blocks, position = [], 0
    while position < len(text):
        end = min(len(text), position + T2S_BLOCK)
        if end < len(text):
            cut = max(text.rfind("\n", position, end), text.rfind("。", position, end))
            end = cut + 1 if cut > position else end
        blocks.append(_converter().convert(text[position:end]))
        position = end
    return "".join(blocks)


def boilerplate_reason(line: str) -> str | None:
    """Why a line is site boilerplate rather than document text, or None if it is text."""
    stripped = line.strip()
    if not stripped:
        return None
    spam_terms, any_term, spam_min, rules, any_rule_word = _boilerplate()
    lowered = stripped.lower()
    if any_term.search(lowered) and sum(term in lowered for term in spam_terms) >= spam_min:
        return "spam"
    if not holds_any(any_rule_word, stripped):
        return None
    for name, max_length, pattern in rules:
        if len(stripped) <= max_length and pattern.search(stripped):
            return name
    return None


def drop_boilerplate_lines(lines: list[str]) -> list[str]:
    """Drop spam titles, document-sharing banners, navigation and copyright lines.

    A dropped line keeps the labelled date it carries: a government page prints its date of
    publication among the page's buttons (【字体: 发布日期:2017-12-27), and it may be the only
    date the page gives.
    """
    kept = []
    for line in lines:
        if boilerplate_reason(line) is None:
            kept.append(line)
        elif date := PUBLISHED_DATE.search(line) or LABELLED_DATE.search(line):
            kept.append(date.group(0))
    return kept


def _interrupts(previous: str) -> bool:
    previous = previous.rstrip()
    return len(previous) >= MIN_INTERRUPTED_LINE and previous[-1] not in SENTENCE_END


def remove_page_markers(lines: list[str]) -> list[str]:
    """Remove document-sharing page numbers (`12、`) that start lines and interrupt the text.

    Page markers form one sequence (n, n+1, n+2, ...) through the whole file and most
    of them cut a sentence or a table row in two. Real list numbering restarts in every
    section and follows finished sentences, so it never forms such a chain. The text on
    both sides of a removed marker is joined again.
    """
    candidates = []  # (line index, number, interrupts the previous line)
    for index, line in enumerate(lines):
        match = LINE_START_MARKER.match(line)
        if match and index > 0:
            candidates.append((index, int(match.group(2)), _interrupts(lines[index - 1])))
        elif match:
            candidates.append((index, int(match.group(2)), False))
    if len(candidates) < MIN_MARKER_CHAIN:
        return lines
    # Longest chain of consecutive numbers in file order (dynamic programming).
    best_length: list[int] = []
    previous_in_chain: list[int | None] = []
    last_seen: dict[int, int] = {}  # number -> candidate position with the longest chain so far
    for position, (_, number, _) in enumerate(candidates):
        before = last_seen.get(number - 1)
        best_length.append(1 + (best_length[before] if before is not None else 0))
        previous_in_chain.append(before)
        if number not in last_seen or best_length[position] > best_length[last_seen[number]]:
            last_seen[number] = position
    tail = max(range(len(candidates)), key=best_length.__getitem__)
    chain = []
    cursor: int | None = tail
    while cursor is not None:
        chain.append(candidates[cursor])
        cursor = previous_in_chain[cursor]
    interrupting = sum(1 for _, _, interrupts in chain if interrupts)
    if len(chain) < MIN_MARKER_CHAIN or interrupting * 2 < len(chain):
        return lines
    markers = {index: interrupts for index, _, interrupts in chain}
    result: list[str] = []
    for index, line in enumerate(lines):
        if index in markers:
            line = LINE_START_MARKER.sub("", line, count=1)
            if markers[index] and result:
                result[-1] = result[-1].rstrip() + line.lstrip()
                continue
        result.append(line)
    return result


@functools.lru_cache(maxsize=1)
def _spun_words() -> tuple[int, re.Pattern, dict[str, str], re.Pattern, dict[str, str]]:
    spec = _spec()["spun_words"]

    def alternation(words: dict[str, str]) -> re.Pattern:
        return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))

    return spec["min_marks"], alternation(spec["marks"]), spec["marks"], alternation(spec["words"]), spec["words"]


def undo_spinning(text: str) -> str:
    """Turn a content farm's synonym-spun text back (晚年人 → 老年人, 具有 → 拥有), when it is spun.

    Only a text with at least `min_marks` different spun forms that no real text uses counts
    as spun (boilerplate.yaml, spun_words); a real text keeps its 具有 and 到达.
    """
    minimum, marks, mark_words, words, plain_words = _spun_words()
    found = set(marks.findall(text))
    if len(found) < minimum:
        return text
    text = marks.sub(lambda m: mark_words[m.group()], text)
    text = words.sub(lambda m: plain_words[m.group()], text)
    # Spinners also scatter spaces through words (节地生态安葬 比例将达到 50%以上).
    return SPUN_SPACE.sub("", text)


# Markup left in a stored page's text (a WeChat post's <p style=…><span leaf="">……</span></p>): a block's
# end is a line's end; any other tag is nothing, so a value wrapped in <span> joins its sentence.
BLOCK_END_TAG = re.compile(r"<(?:br\s*/?|/(?:p|div|li|h[1-6]|tr|section|table))\s*>", re.I)
INLINE_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,1000})?/?>")


def strip_markup(text: str) -> str:
    """Text without the HTML tags a stored copy of a page kept in it."""
    if "<" not in text:
        return text
    return INLINE_TAG.sub("", BLOCK_END_TAG.sub("\n", text))


def normalise(text: str) -> str:
    """Decoded document text to clean simplified Chinese, one line per source line."""
    text = to_simplified(strip_pinyin(strip_markup(text)))
    text = NUMBER_UNIT_SPACE.sub("", undo_spinning(unify_characters(mark_mangled(text))))
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = remove_page_markers(drop_boilerplate_lines(lines))
    return "\n".join(line.rstrip() for line in lines if line.strip())
