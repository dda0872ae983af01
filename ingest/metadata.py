"""What a document is: its title, region (and how that was decided), kind, plan period and date."""

from __future__ import annotations

import re
from collections import Counter

from ingest.numbers import PERIOD_RE, PERIODS, is_year
from ingest.records import DocumentMetadata
from ingest.regions import COUNTRY_CODE, LEVEL_RANK, RegionTable

HEAD_CHARACTERS = 3000
# Region names are counted in the head of a long document: enough to know its region.
REGION_CONTEXT_CHARACTERS = 8000
DOCUMENT_TYPE = r"(?:发展规划|规划|工作计划|计划|工作要点|要点|统计公报|公报|工作安排|工作思路|实施方案)"
# A title as a line of its own, after site decoration such as 【要闻】 or "X分享|".
TITLE_LINE = re.compile(rf"^(?:【[^】]{{1,8}}】|[^|]{{1,20}}\|)?\s*(?P<title>[^,。;:!?]{{4,60}}?{DOCUMENT_TYPE})\s*$")
# The title named in a notice: 关于印发《X》的通知.
NOTICE_TITLE = re.compile(rf"印发《(?P<title>[^》]{{4,60}}?{DOCUMENT_TYPE})》")
# A title glued to the first sentence of a flattened document.
GLUED_TITLE = re.compile(rf"^(?P<title>[^,。;:!?《》]{{4,40}}?{DOCUMENT_TYPE})(?=[为根按依])")

SIGNATURE_DATE = re.compile(r"(?:^|\s)(\d{4})年(\d{1,2})月(\d{1,2})日(?:印发|发布)?\s*$", re.M)
LABELLED_DATE = re.compile(r"(?:发布日期|发布时间|印发日期|成文日期)[:：]?\s*(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})")
ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
PLAN_YEARS = re.compile(r"(20\d\d)\s*[-—–~～至到]?\s*(20\d\d)年")
OPENING_YEAR = re.compile(r"^\s*(\d{4})年(?:是|,|，)", re.M)

NATIONAL = re.compile(r"全国|中国|我国|国家|民政部")
WORK_PLAN_WORDS = re.compile(r"工作计划|工作要点|工作安排|工作思路|年度计划")
BULLETIN_WORDS = re.compile(r"统计公报|发展统计公报|统计数据")
# Who wrote it, from how a text speaks of its own area (全区 = a district bureau).
AUTHOR_LEVEL_CUES = {
    "district": re.compile(r"区委|区政府|全区|本区|我区|区民政局|县委|县政府|全县|本县|我县"),
    "prefecture": re.compile(r"市委|市政府|全市|本市|我市|市民政局"),
    "province": re.compile(r"省委|省政府|全省|本省|我省|省民政厅"),
}


def find_title(text: str) -> str | None:
    """The document's own title: a title line, else the name in 关于印发《》, else a title glued to the text."""
    head = text[:HEAD_CHARACTERS]
    lines = [line.strip() for line in head.split("\n") if line.strip()]
    for line in lines:
        match = TITLE_LINE.match(line)
        if match and not line.startswith(("关于", "《")):
            return match.group("title").strip()
    match = NOTICE_TITLE.search(head)
    if match:
        return match.group("title")
    for line in lines[:3]:
        match = GLUED_TITLE.match(line)
        if match:
            return match.group("title")
    return None


def _most_specific_region(table: RegionTable, text: str, context: str,
                          context_mentions: Counter) -> tuple[str, str, str] | None:
    """(code, name, reason) for the most specific region named in `text`, judged with `context`."""
    mentions = table.mentions(text)
    best = None
    for written in mentions:
        resolution = table.resolve(written, context, context_mentions)
        if resolution is None or resolution.region.code == COUNTRY_CODE:
            continue
        rank = LEVEL_RANK[resolution.region.level]
        if best is None or rank > best[0]:
            best = (rank, resolution)
    if best is None:
        return None
    resolution = best[1]
    return resolution.region.code, resolution.region.name, resolution.reason


def find_region(table: RegionTable, title: str | None, text: str,
                mentions: Counter | None = None) -> tuple[str, str, str] | None:
    """(code, name, reason): the region a document is about.

    The title decides when it names a region. Otherwise the text's own voice does:
    a district bureau writes 全区/区委, a city 全市; among the regions the text names
    at that level, the most mentioned wins, and ambiguous names are settled by the
    parent regions the text names.
    """
    mentions = table.mentions(text) if mentions is None else mentions
    if title:
        found = _most_specific_region(table, title, text, mentions)
        if found:
            code, name, reason = found
            return code, name, f"named in the title '{title}'; {reason}"
        if NATIONAL.search(title):
            return COUNTRY_CODE, table.regions[COUNTRY_CODE].name, f"the title '{title}' speaks of the whole country"
    if not mentions:
        return None
    resolved = {written: table.resolve(written, text, mentions) for written in mentions}
    if all(r is None or r.region.code == COUNTRY_CODE for r in resolved.values()):
        return COUNTRY_CODE, table.regions[COUNTRY_CODE].name, "the text names no region but the whole country (全国/我国)"
    cue_counts = {level: len(pattern.findall(text)) for level, pattern in AUTHOR_LEVEL_CUES.items()}
    author_level = max(cue_counts, key=cue_counts.get) if any(cue_counts.values()) else None
    scored: Counter = Counter()
    reasons = {}
    for written, count in mentions.items():
        resolution = resolved[written]
        if resolution is None or resolution.region.code == COUNTRY_CODE:
            continue
        scored[resolution.region.code] += count
        reasons.setdefault(resolution.region.code, resolution.reason)
    if not scored:
        return None
    at_level = {code: n for code, n in scored.items()
                if author_level and table.regions[code].level == author_level}
    pool = at_level or scored
    code = max(pool, key=lambda c: (pool[c], LEVEL_RANK[table.regions[c].level]))
    region = table.regions[code]
    how = (f"no title names a region; the text speaks as a {author_level} ({cue_counts[author_level]} cues such as 全区/区委)"
           f" and names {region.name} {scored[code]}x" if at_level else
           f"no title names a region; {region.name} is the region the text names most ({scored[code]}x)")
    return code, region.name, f"{how}; {reasons[code]}"


def find_document_kind(title: str | None, text: str) -> str:
    if title:
        if BULLETIN_WORDS.search(title) or title.endswith("公报"):
            return "statistical_bulletin"
        if WORK_PLAN_WORDS.search(title) or title.endswith(("计划", "要点")):
            return "annual_work_plan"
        if title.endswith("规划"):
            return "five_year_plan"
    head = text[:HEAD_CHARACTERS]
    if BULLETIN_WORDS.search(head):
        return "statistical_bulletin"
    if WORK_PLAN_WORDS.search(head) or ("今年" in head and OPENING_YEAR.search(head)):
        return "annual_work_plan"
    if PERIOD_RE.search(head) and "规划" in head:
        return "five_year_plan"
    return "news_report"


def find_period(title: str | None, text: str, kind: str) -> tuple[str | None, int | None, int | None]:
    """(label, first year, last year) of the period the document plans or reports."""
    head = text[:HEAD_CHARACTERS]
    for source in (title or "", head):
        if kind == "five_year_plan":
            label = PERIOD_RE.search(source)
            if label:
                first, last = PERIODS[label.group(0)]
                return label.group(0), first, last
            years = PLAN_YEARS.search(source)
            if years and is_year(int(years.group(1))) and int(years.group(2)) - int(years.group(1)) == 4:
                return f"{years.group(1)}-{years.group(2)}", int(years.group(1)), int(years.group(2))
        else:
            year = re.search(r"(\d{4})年", source) if source is title else OPENING_YEAR.search(source)
            if year and is_year(int(year.group(1))):
                value = int(year.group(1))
                return str(value), value, value
    return None, None, None


def find_publication_date(text: str) -> str | None:
    """The date a document states for itself: a labelled date, else the signature date line."""
    head = text[:HEAD_CHARACTERS]
    for pattern in (LABELLED_DATE, SIGNATURE_DATE, ISO_DATE):
        match = pattern.search(head)
        if match:
            year, month, day = (int(g) for g in match.groups())
            if is_year(year) and 1 <= month <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def read_metadata(text: str, base: DocumentMetadata, table: RegionTable,
                  head_mentions: Counter | None = None) -> DocumentMetadata:
    """Fill in title, region, kind, period and date of a normalised document.

    `head_mentions` are the region names of the head of the text (REGION_CONTEXT_CHARACTERS),
    when the caller has counted them already.
    """
    base.title = find_title(text)
    region = find_region(table, base.title, text[:REGION_CONTEXT_CHARACTERS], head_mentions)
    if region:
        base.region_code, base.region, base.region_reason = region
    base.document_kind = find_document_kind(base.title, text)
    base.period_label, base.period_start, base.period_end = find_period(base.title, text, base.document_kind)
    base.publication_date = find_publication_date(text)
    return base
