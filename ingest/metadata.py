"""What a document is: its title, region (and how that was decided), kind, plan period and date."""

from __future__ import annotations

import re
from collections import Counter

from ingest.kinds import TITLE_SUFFIX, DocumentKind, default_kinds, load_occasions, load_sessions
from ingest.literals import any_required, holds_any
from ingest.numbers import (
    LABELLED_DATE,
    PERIOD_RE,
    PERIODS,
    PRESENT_WORDS,
    PUBLISHED_DATE,
    is_year,
    parse_chinese_number,
    period_label,
)
from ingest.records import DocumentMetadata
from ingest.regions import COUNTRY_CODE, LEVEL_RANK, RegionTable, news_outlets, province_abbreviations

HEAD_CHARACTERS = 3000
# Region names are counted in the head of a long document: enough to know its region.
REGION_CONTEXT_CHARACTERS = 8000
# What a title ends with: the title words of every kind in data/reference/document_kinds.yaml.
DOCUMENT_TYPE = default_kinds().title_ending
# A title as a line of its own, after site decoration such as 【要闻】 or "X分享|".
TITLE_LINE = re.compile(
    rf"^(?:【[^】]{{1,8}}】|[^|]{{1,20}}\|)?\s*(?P<title>[^,。;:!?]{{4,60}}?{DOCUMENT_TYPE}{TITLE_SUFFIX}?)"
    r"\s*(?:/?[(（]?全文[)）]?)?"
    # A page of a title split over several pages: 株洲县2012年国民经济和社会发展统计公报(2).
    r"\s*(?:[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3}|上|中|下|续)[)）])?\s*$"
)
# The words a title line ends with (规划, 通知): a line without any is tried no further (ingest/literals.py).
TITLE_WORD = any_required([TITLE_LINE])
# A title labelled as such: 标 题:国务院办公厅关于……的指导意见 (the metadata block of gov.cn pages),
# or the original's title a repost gives (原标题:深圳建成养老床位12000多张).
LABELLED_TITLE = re.compile(r"^\s*原?标\s*题\s*[:：]\s*(?P<title>[^|\n]{4,80}?)\s*(?:\||$)", re.M)
# The title named in a notice: 关于印发《X》的通知.
NOTICE_TITLE = re.compile(rf"印发《(?P<title>[^》]{{4,60}}?{DOCUMENT_TYPE}{TITLE_SUFFIX}?)》")
# A title glued to the first sentence of a flattened document.
GLUED_TITLE = re.compile(rf"^(?P<title>[^,。;:!?《》]{{4,40}}?{DOCUMENT_TYPE})(?=[为根按依])")

SIGNATURE_DATE = re.compile(r"(?:^|\s)(\d{4})年(\d{1,2})月(\d{1,2})日(?:印发|发布)?\s*$", re.M)
# A signature or page line with the month only (成都市民政局 2023年2月): the year the text is written in.
MONTH_LINE = re.compile(r"(?:^|\s)(\d{4})年(\d{1,2})月\s*$", re.M)
# Date patterns open with a digit class, the look-behind after it: a search then skips to digits
# (a look-behind or a counted repeat first made it try every position of the head).
ISO_DATE = re.compile(r"(\d(?<!\d\d)\d{3})-(\d{1,2})-(\d{1,2})(?!\d)")
# A server's clock on the page is when it was fetched, not published: a forum footer
# (GMT+8, 2025-1-28 03:27 , Processed in 0.05 second(s)), an error page's header line (Date: | 2025/10/23 02:52:19 |).
FETCH_CLOCK = re.compile(r"GMT\+\d{1,2}, [^\n]{0,20}Processed in|^\s*Date:\s*\|?[^\n]*", re.M)
# The address of the original a repost gives (文章来源:http://trade.swchina.org/trends/2017/0622/29304.shtml):
# news sites file an article under its date (/2014/03/19/, /2015-02/15/, /t20140319_).
URL_DATE = re.compile(r"https?://[^\s|]*?[/t](\d{4})[-/]?(\d{2})[-/]?(\d{2})(?=[/_])")
# A page's date as news sites print it: 2016/07/14, 2016.07.14, or 2016年07月14日 with a clock
# time, the source or the weekday after it (2016年07月14日10:05  来源:健康报网; a newspaper's
# e-edition: 2018年02月13日 星期二; gov.cn's clock in words: 2012年01月11日 17时00分).
NUMERIC_DATE = re.compile(r"(?:^|\s)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?=\s|$)", re.M)
PAGE_DATE = re.compile(r"(\d\d{3})年(\d{1,2})月(\d{1,2})日\s*"
                       r"(?:\d{1,2}[:：]\d{2}|\d{1,2}时\d{1,2}分|来源|来自|作者|编辑|浏览|星期[一二三四五六日天]|周[一二三四五六日]"
                       # or the source's name alone: 2013年3月11日 人民网.
                       r"|[\u4e00-\u9fff]{1,8}(?:网|报)(?=\s|$))", re.M)
# A news dateline: 2023年3月24日讯, 新华社北京2016年1月25日电.
DATELINE = re.compile(r"(\d\d{3})年(\d{1,2})月(\d{1,2})日\s*(?:讯|电|消息)")
# A news lead opening with the day it reports (2021年3月16日,是第15个国际社工日; 2021年2月28日上午9:30,
# 国家统计局发布……), at the start of a line or after the 讯 of a dateline and its reporters (东北新闻网讯
# (记者 张三)2010年8月3日,……).
LEAD_DATE = re.compile(r"(?:^|讯[)）]?\s*(?:[(（][^()（）\n]{1,40}[)）])?\s*)"
                       r"(\d{4})年(\d{1,2})月(\d{1,2})日(?=[,，是上下晚]|\s)", re.M)
# A date written day first, as some news sites print it: 30.08.2017.
# Dates this few lines apart are items of a list (a link list may put a separator line, a title
# line and a date line to each item: 人民网 2020, bn08).
LISTED_DATE_LINES = 3
DAY_FIRST_DATE = re.compile(r"(\d(?<![\d.]\d)\d?)\.(\d{1,2})\.(\d{4})(?![\d.])")
# The opening of an undated news report names the year it speaks in (全市2023年社会工作主题宣传活动);
# a year after 到/至 is a goal, after 比/较/与 a comparison, after 自/从 a start: none is the present
# (养老床位总数比2012年底的416.5万张翻了近1番 in a 2022 report).
OPENING_CHARACTERS = 400
# Not a year of the future the text forecasts (2020年将达到2.43亿,2025年将突破3亿) or plans for.
# Nor the first year of a span (2012年—2021年,全国城乡低保平均标准分别增长了1.2倍): the text looks back
# over the span from later. 到了2008年 is 到 too (美国2000年有56000个基金会,而到了2008年则已经达到75000个);
# a start (浙江省在2012年就开始了放开登记管理试点, 2012年起) is no present either.
STATED_YEAR = re.compile(r"(?<![到至~\-—－比较与自从由])(?<!到了)(?<!\d)(\d{4})年"
                         r"(?!\d{1,2}月|前|以前|之前|目标|以来|远景|起|就|开始"
                         r"|(?:底|末)?(?:将|要|预计|有望|可望|或将|前后)|\s*[-—－~～至到]\s*\d{4})")
# Statistics of a year's end (截至2016年底,辽宁共有60岁以上老年人925.3万) are published in the year
# after it: a text citing them as its latest figures speaks in that later year.
YEAR_END_RESULT = re.compile(r"(?:截至|截止到?)\s*(\d{4})\s*年(?:底|末)")
# A text on a plan period brought to its close (国新办“高质量完成‘十四五’规划”系列主题新闻发布会;
# 首都“十四五”规划高质量收官; 介绍“十四五”期间民政发展取得的成就) speaks in the period's last year.
_QUOTE = r"[“”‘’\"'「」]*"
PERIOD_CONCLUDED = re.compile(
    rf"(?:高质量|圆满|全面)完成{_QUOTE}(?P<done>{PERIOD_RE.pattern}){_QUOTE}"
    rf"|(?P<closed>{PERIOD_RE.pattern}){_QUOTE}(?:规划)?{_QUOTE}(?:高质量|圆满|胜利)?收官"
    rf"|(?P<achieved>{PERIOD_RE.pattern}){_QUOTE}(?:期间|时期)[^。;；,，]{{0,16}}?取得的?(?:成就|成效|成绩)")
# A year of another country's figures (美国2000年有56000个基金会, in a 2011 piece on 深圳) is not the
# year the text speaks in.
FOREIGN_SUBJECT = re.compile(r"(?:美国|日本|英国|法国|德国|韩国|俄罗斯|新加坡|加拿大|澳大利亚|瑞典"
                             r"|国外|西方国家|发达国家)[的在]?$")
# Lines up to this long without a full stop at the head of a text are its headlines, not its body.
HEADLINE_LENGTH = 48
# The words of a text's present: a year named after them (截至目前,重庆市共有社会组织16965家。2017年,
# 全市新登记……) tells that year's events, not the year the text speaks in.
PRESENT_WORD = re.compile(PRESENT_WORDS)
# A day held once a year and counted (3月20日是第12个国际社工日) dates the report of it: the
# occasions and their first years are in data/reference/annual_occasions.csv.
OCCASIONS = load_occasions()
OCCASION_COUNTERS = "|".join(sorted({counter for _, counter in OCCASIONS.values()}))
OCCASION = re.compile(rf"第(?P<count>\d{{1,3}}|[一二三四五六七八九十]{{1,4}})(?P<counter>{OCCASION_COUNTERS})"
                      rf"[“\"「]?(?P<name>{'|'.join(OCCASIONS)})")
# A plenary session of a national congress, held each March (十二届全国人大一次会议 -> 2013): the terms
# are in data/reference/national_sessions.csv. Not a standing committee's sessions (常委会第三十七次会议).
SESSIONS = load_sessions()
NATIONAL_SESSION = re.compile(r"(?P<term>[十一二三四五六七八九]{1,3}届)全国(?P<body>人大|人民代表大会|政协)"
                              r"第?(?P<session>[一二三四五])次(?:全体)?会议")
# A report of a yearly statistical bulletin (国家统计局发布中华人民共和国2020年国民经济和社会发展统计公报):
# its figures are of the bulletin's year, not of the day it was published.
CITED_BULLETIN = re.compile(r"发布(?:了)?《?[^。,，;《》\n]{0,20}?(\d{4})年度?[^。,，;《》\n]{0,20}?统计公报")
PLAN_YEARS = re.compile(r"(20\d\d)\s*[-—–~～至到]?\s*(20\d\d)年")
OPENING_YEAR = re.compile(r"^\s*(\d{4})年(?:是|,|，)", re.M)
# A policy without a span in its title sets its goals by a year: 到2025年,全市……
GOAL_YEAR = re.compile(r"(?:到|至)\s*(20\d\d)\s*年(?:底|末)?\s*[,，]")

# A plan a report cites: 印发《X》, 《X》提出. Only titles of plans and programmes carry a period.
CITED_TITLE = re.compile(r"《([^》]{4,60}(?:规划|计划|方案|纲要)[^》]{0,16})》")
NATIONAL = re.compile(r"全国|中国|我国|国家|民政部")
# How many provinces named as peers make a text national rather than one province's.
PEER_PROVINCES = 3
# How a text speaks for the whole country: national bodies, national plans, 全国/我国 as a subject.
NATIONAL_VOICE = re.compile(
    r"国务院|国新办|国家发改委|国家发展改革委|国家统计局|民政部|全国老龄办|全国人大|中共中央|党中央|"
    r"规划纲要|我国|全国(?:共有|各类|城乡|养老|社会组织|持证|节地|范围)"
)
# Words of a local text that names no place of its own (本地, 当地, 我省 are caught as cues).
LOCAL_WORDS = re.compile(r"本地|当地|本辖区|辖区内|街道|社区居委会|乡镇")
# A dateline names where a report was filed, not what it is about: 北京专电, 新华社北京3月9日电.
# Lines up to this long that a page repeats are its chrome (menus, banners), not its text.
REPEATED_LINE = 40
DATELINE_PLACE = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,3})(?:\d{1,2}月\d{1,2}日(?:电|讯)|专电)")
# The words a dateline needs (日电, 专电): a text without any has none (ingest/literals.py).
DATELINE_WORD = any_required([DATELINE_PLACE])
# Who wrote it, from how a text speaks of its own area (全区 = a district bureau).
# 全省 in a ranking or comparison is the area above the author (南昌 2025: 南昌在全省率先……,
# 居全省首位): a city measuring itself against its province, not a province speaking.
# 全 comes before the look back at what precedes it: every alternative of a cue then starts with a
# character, and the search skips to those characters instead of trying every position.
_NOT_COMPARED = (r"全(?<![在居占列于跑超]全)(?:{})(?!率先|首位|首个|首家|第一|前列|领先|排名|之首|平均|同期)")
AUTHOR_LEVEL_CUES = {
    # A banner (旗) of Inner Mongolia is a county: 全旗, 旗委.
    "district": re.compile(r"区委|区政府|本区|我区|区民政局|县委|县政府|本县|我县|旗委|旗政府|我旗|本旗|"
                           + _NOT_COMPARED.format("区|县|旗")),
    # An autonomous prefecture (州) or league (盟) speaks as a city does: 州委、州政府, 全州.
    "prefecture": re.compile(r"市委|市政府|本市|我市|市民政局|州委|州政府|本州|我州|州民政局|盟委|"
                             + _NOT_COMPARED.format("市|州|盟")),
    "province": re.compile(r"省委|省政府|本省|我省|省民政厅|" + _NOT_COMPARED.format("省")),
}
# A district's own bodies: an autonomous region has a 民政厅 and a 党委 (自治区党委, 区党委), not these.
DISTRICT_BODIES = re.compile(r"(?<!自治)区民政局|(?<![自治党])区委(?!员)")
# A document number: the issuer's code, the year in brackets, the number (粤办发〔2017〕52号); the
# issuer's code opens after anything but a Chinese character (……意见》(苏办发〔2017〕51号)).
DOCUMENT_NUMBER = re.compile(r"(?<![\u4e00-\u9fff])(?P<issuer>[\u4e00-\u9fff]{2,6})"
                             r"[〔\[［]\d{4}[〕\]］]\s*\d{1,4}\s*号")
CITY_VOICE = re.compile(r"市委|市政府|全市|本市|我市|市民政局")


def find_title(text: str) -> str | None:
    """The document's own title: a labelled title (标题:, a gov.cn page's metadata), a title line,
    else the name in 关于印发《》, else a title glued to the text."""
    head = text[:HEAD_CHARACTERS]
    labelled = LABELLED_TITLE.search(head)
    if labelled:
        sent = NOTICE_TITLE.search(labelled.group("title"))
        return sent.group("title") if sent else labelled.group("title").strip()
    lines = [line.strip() for line in head.split("\n") if line.strip()]
    for line in lines:
        match = TITLE_LINE.match(line) if holds_any(TITLE_WORD, line) else None
        # A line that closes a 《 it never opened is the tail of a wrapped title line. A notice
        # that sends a document out (关于印发《X》的通知) is named by it, below; a 关于……的意见 line
        # without 《》 is a title of its own.
        if match and not line.startswith(("关于印发", "《")) and not ("》" in line and "《" not in line) \
                and not (line.startswith("关于") and "《" in line):
            # ……关于印发《X规划》的通知: the document is the plan it sends out.
            sent = NOTICE_TITLE.search(line)
            return sent.group("title") if sent else match.group("title").strip()
    # 关于印发《X》的通知 sends X out; a news report that 印发《X计划》等政策性文件 only cites it.
    for match in NOTICE_TITLE.finditer(head):
        if head.startswith(("的通知", "通知"), match.end()) or head.endswith("关于", 0, match.start()):
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


def _content_mentions(table: RegionTable, text: str, mentions: Counter) -> Counter:
    """Region mentions less those of site chrome and datelines.

    A dateline names where a report was filed (北京专电), not what it is about; a line
    a page repeats word for word (惠州颐讯微信公众号 twice) is the site's, counted once.
    """
    discount = Counter()
    datelines = DATELINE_PLACE.finditer(text) if holds_any(DATELINE_WORD, text) else ()
    for match in datelines:
        for _, _, written in table.find(match.group("place")):
            discount[written] += 1
    lines = Counter(line.strip() for line in text.split("\n") if 0 < len(line.strip()) <= REPEATED_LINE)
    for line, copies in lines.items():
        if copies > 1:
            for _, _, written in table.find(line):
                discount[written] += copies - 1
    if not discount:
        return mentions
    return Counter({name: count - discount[name] for name, count in mentions.items() if count > discount[name]})


def _speaks_nationally(national: int, cue_counts: dict[str, int], region_mentions: int) -> bool:
    """A text for the whole country: national cues outnumber both the regions it names and its local voice.

    A local text cites national bodies (民政部印发……) but speaks as itself (全区, 区委).
    """
    return national >= 2 and national > max(cue_counts.values()) and national > region_mentions


def _names_peers(table: RegionTable, scored: Counter) -> bool:
    """Several provinces named as peers, none of them the text's own (江苏省……福建省……山东省……陕西省):
    in a text that speaks for no area (no 全省, 全市), a national report's examples."""
    provinces = sorted((n for code, n in scored.items() if table.regions[code].level == "province"), reverse=True)
    return len(provinces) >= PEER_PROVINCES and provinces[0] <= 2 * provinces[1]


def find_region(table: RegionTable, title: str | None, text: str,
                mentions: Counter | None = None) -> tuple[str, str, str] | None:
    """(code, name, reason): the region a document is about.

    The title decides when it names a region. Otherwise the text's own voice does:
    a district bureau writes 全区/区委, a city 全市; among the regions the text names
    at that level, the most mentioned wins, and ambiguous names are settled by the
    parent regions the text names. A text that names no region but its publisher's
    (北京青年报记者了解到,目前全市……) is about the publisher's region, and so is one from a
    paper whose name holds none (星报讯 …… 我省: 安徽's 市场星报) when it speaks as that region.
    """
    found = _region_of_content(table, title, text, mentions)
    if found is not None:
        return found
    publishers = table.mentions(text, publishers=True)
    resolved = {r.region.code: (r.region.name, written) for written in publishers
                if (r := table.resolve(written, text, publishers)) is not None}
    if len(resolved) == 1:
        ((code, (name, written)),) = resolved.items()
        return code, name, f"the text names no region but its publisher's ({written}…)"
    return _region_of_its_paper(table, text) or _province_of_its_documents(table, text)


def _region_of_its_paper(table: RegionTable, text: str) -> tuple[str, str, str] | None:
    """A news text that names no region but comes from a paper of one, and speaks as that region
    does: 市场星报 2011 (星报讯 ……目前,我省已处于人口老龄化的快速发展阶段) is 安徽's."""
    pattern, outlets = news_outlets()
    found = {outlets[match.group(0)]: match.group(0) for match in pattern.finditer(text)}
    if len(found) != 1:
        return None
    ((code, outlet),) = found.items()
    region = table.regions[code]
    cues = _voice_cues(text)
    level = next(level for level, rank in LEVEL_RANK.items() if rank == _voice_rank(region))
    if not cues.get(level) or cues[level] < max(cues.values()):
        return None  # 星报讯 ……全市: a city of the paper's province, which the text does not name
    return code, region.name, f"the text names no region but comes from {outlet}, a paper of {region.name}"


def _province_of_its_documents(table: RegionTable, text: str) -> tuple[str, str, str] | None:
    """A province's text that never names it (全省, 我厅) but cites its own documents by number:
    江苏 2020 (省委办公厅、省政府办公厅出台《……》(苏办发〔2017〕51号)) is 江苏's."""
    cues = _voice_cues(text)
    if not cues["province"] or cues["province"] < max(cues.values()):
        return None
    abbreviations = province_abbreviations()
    provinces = {abbreviations[number.group("issuer")[0]]: number.group(0)
                 for number in DOCUMENT_NUMBER.finditer(text) if number.group("issuer")[0] in abbreviations}
    if len(provinces) != 1:
        return None
    ((code, number),) = provinces.items()
    return code, table.regions[code].name, f"the text speaks as a province and cites its documents ({number})"


def _voice_cues(text: str) -> dict[str, int]:
    """How often the text speaks as each level of region (全区, 市委, 我省): AUTHOR_LEVEL_CUES counted."""
    return {level: len(pattern.findall(text)) for level, pattern in AUTHOR_LEVEL_CUES.items()}


def _voice_rank(region, city_voice: bool = True, district_bodies: bool = False) -> int:
    """The level a region's own texts speak at: a municipality (上海市) speaks as a city does, and
    so does a county-level city (太仓市) in a text that speaks as a 市 (全市, 市民政局), not as a 州;
    an autonomous region (内蒙古自治区) speaks as a district does (全区, 区党委), unless the text
    speaks through a district's own bodies (区委, 区民政局), which an autonomous region has not."""
    if region.name.endswith("市") and (region.level == "province" or (region.level == "district" and city_voice)):
        return LEVEL_RANK["prefecture"]
    if region.level == "province" and region.name.endswith("自治区") and not district_bodies:
        return LEVEL_RANK["district"]  # 内蒙古, 宁夏: 全区, 区党委, 我区
    return LEVEL_RANK[region.level]


def _first_cue(level: str, text: str) -> str:
    """The first word by which the text speaks as a region of `level` (全市, 区委)."""
    found = AUTHOR_LEVEL_CUES[level].search(text)
    return found.group() if found else ""


def _region_of_content(table: RegionTable, title: str | None, text: str,
                       mentions: Counter | None) -> tuple[str, str, str] | None:
    mentions = table.mentions(text) if mentions is None else mentions
    mentions = _content_mentions(table, text, mentions)
    if title:
        found = _most_specific_region(table, title, text, mentions)
        if found:
            code, name, reason = found
            return code, name, f"named in the title '{title}'; {reason}"
        if NATIONAL.search(title):
            return COUNTRY_CODE, table.regions[COUNTRY_CODE].name, f"the title '{title}' speaks of the whole country"
    national = len(NATIONAL_VOICE.findall(text))
    cue_counts = _voice_cues(text)
    if not mentions:
        if _speaks_nationally(national, cue_counts, 0):
            country = table.regions[COUNTRY_CODE].name
            return COUNTRY_CODE, country, f"the text speaks for the whole country ({national} cues)"
        if not any(cue_counts.values()) and not LOCAL_WORDS.search(text):
            # No place, no 全市/我县, no 本地: a text on the profession as a whole (社工证持证人数
            # of a national exam portal) speaks of the country.
            country = table.regions[COUNTRY_CODE].name
            return COUNTRY_CODE, country, "the text names no place and speaks for no area: the whole country"
        return None
    resolved = {written: table.resolve(written, text, mentions) for written in mentions}
    if all(r is None or r.region.code == COUNTRY_CODE for r in resolved.values()):
        if any(cue_counts.values()) and not _speaks_nationally(national, cue_counts, 0):
            # 全国 in the name of a national exam or honour (2023年全国社会工作者职业资格考试成绩公布,
            # 我市新增持证社工……) in a text that speaks as its own area (全市, 我市): the area is
            # the publisher's (衡阳日报), not the country.
            return None
        country = table.regions[COUNTRY_CODE].name
        return COUNTRY_CODE, country, "the text names no region but the whole country (全国/我国)"
    author_level = max(cue_counts, key=cue_counts.get) if any(cue_counts.values()) else None
    scored: Counter = Counter()
    reasons = {}
    for written, count in mentions.items():
        resolution = resolved[written]
        if resolution is None or resolution.region.code == COUNTRY_CODE:
            continue
        scored[resolution.region.code] += count
        reasons.setdefault(resolution.region.code, resolution.reason)
    country_named = any(r is not None and r.region.code == COUNTRY_CODE for r in resolved.values())
    if not scored or _speaks_nationally(national, cue_counts, max(scored.values(), default=0)) or (
            (national or country_named) and not any(cue_counts.values()) and _names_peers(table, scored)):
        if national or country_named:
            return (COUNTRY_CODE, table.regions[COUNTRY_CODE].name,
                    f"the text speaks for the whole country ({national} cues such as 国务院/民政部/我国), "
                    f"more than it names any region")
        return None
    # A municipality (天津市) speaks as a city (全市, 市民政局): it is at a city's level.
    city_voice = len(CITY_VOICE.findall(text)) * 2 > cue_counts["prefecture"]
    # 区委社会工委区民政局 …… 新疆喀什返京旅游人员: a district's text, not 新疆's.
    district_bodies = DISTRICT_BODIES.search(text) is not None
    at_level = {code: n for code, n in scored.items()
                if author_level
                and _voice_rank(table.regions[code], city_voice, district_bodies) == LEVEL_RANK[author_level]}
    if author_level and not at_level:
        # A city's report (全市) that names only districts of that city (淮阴区, 清江浦区)
        # is about the city, which it never names.
        above = {ancestor.code for code in scored for ancestor in table.ancestors(code)
                 if ancestor.level == author_level}
        if len(above) == 1:
            (parent,) = above
            region = table.regions[parent]
            named = ", ".join(table.regions[code].name for code in scored)
            return parent, region.name, (
                f"no title names a region; the text speaks as a {author_level} "
                f"({cue_counts[author_level]} cues such as {_first_cue(author_level, text)}) and names only places in "
                f"{region.name} ({named})")
        # A district's paper (我区, 区民政局) that names only its city (常州) is about some district
        # of it, which it never names: no region rather than the city's. A municipality
        # (上海市, 重庆市) is a province that speaks as a city (全市, 本市).
        if all(_voice_rank(table.regions[code], city_voice, district_bodies) < LEVEL_RANK[author_level]
               for code in scored):
            return None
    pool = dict(at_level or scored)
    # A prefecture's text names its seat, a county-level city (黔东南州 and 凯里市): the
    # prefecture, unless its city is named twice as often.
    for code in list(pool):
        parent = table.regions[code].parent_code
        if (table.regions[code].level == "district" and table.regions[code].name.endswith("市")
                and parent in pool and pool[code] < 2 * pool[parent]):
            del pool[code]
    code = max(pool, key=lambda c: (pool[c], LEVEL_RANK[table.regions[c].level]))
    if not at_level:
        # A report that speaks as no area (no 全区, 全市) and names its place with the province
        # above it (浙江省绍兴市上虞区 …… 上虞区 …… 浙江): the place, when named about as often.
        while below := [c for c in pool if code in {a.code for a in table.ancestors(c)}
                        and pool[c] * 4 >= pool[code] * 3]:
            code = min(below, key=lambda c: (LEVEL_RANK[table.regions[c].level], -pool[c]))
    region = table.regions[code]
    if at_level:
        how = (f"no title names a region; the text speaks as a {author_level} "
               f"({cue_counts[author_level]} cues such as {_first_cue(author_level, text)}) "
               f"and names {region.name} {scored[code]}x")
    else:
        how = f"no title names a region; {region.name} is the region the text names most ({scored[code]}x)"
    return code, region.name, f"{how}; {reasons[code]}"


def find_document_kind(title: str | None, text: str) -> DocumentKind:
    """The kind of a document (data/reference/document_kinds.yaml): by its title, else by its head."""
    return default_kinds().recognise(title, text[:HEAD_CHARACTERS])


def find_period(title: str | None, text: str, kind: DocumentKind) -> tuple[str | None, int | None, int | None]:
    """(label, first year, last year) of the period the document plans or reports, by its kind's period rule."""
    head = text[:HEAD_CHARACTERS]
    for source in (title or "", head):
        if kind.period == "five_year":
            label = period_label(source)
            if label:
                first, last = PERIODS[label]
                return label, first, last
            years = PLAN_YEARS.search(source)
            if years and is_year(int(years.group(1))) and int(years.group(2)) - int(years.group(1)) == 4:
                return f"{years.group(1)}-{years.group(2)}", int(years.group(1)), int(years.group(2))
        elif kind.period == "span":
            years = PLAN_YEARS.search(source) if source is title else None
            if years and is_year(int(years.group(1))) and 0 < int(years.group(2)) - int(years.group(1)) <= 10:
                return f"{years.group(1)}-{years.group(2)}", int(years.group(1)), int(years.group(2))
            goal = GOAL_YEAR.search(source) if source is head else None
            if goal and is_year(int(goal.group(1))):
                # Only the goal year is known: the period ends there.
                return goal.group(1), None, int(goal.group(1))
        elif kind.period == "cited":
            cited = _cited_plan_period(source) if source is head else None
            if cited:
                return cited
        elif kind.period in ("annual", "reported"):
            if source is title:
                # 2021年工作总结和2022年工作思路 plans 2022 and reports 2021: the plan's year counts.
                years = [int(y) for y in re.findall(r"(\d{4})年", source) if is_year(int(y))]
            else:
                opening = OPENING_YEAR.search(source) or CITED_BULLETIN.search(source[:OPENING_CHARACTERS])
                years = [int(opening.group(1))] if opening and is_year(int(opening.group(1))) else []
            if years:
                value = max(years)
                return str(value), value, value
    return None, None, None


def _cited_plan_period(text: str) -> tuple[str, int, int] | None:
    """The period of the first plan a text cites by its title (《……行动计划(2019-2023年)》, 《……“十四五”……规划》)."""
    for match in CITED_TITLE.finditer(text):
        title = match.group(1)
        label = period_label(title)
        if label:
            first, last = PERIODS[label]
            return label, first, last
        years = PLAN_YEARS.search(title)
        if years and is_year(int(years.group(1))) and 0 < int(years.group(2)) - int(years.group(1)) <= 10:
            return f"{years.group(1)}-{years.group(2)}", int(years.group(1)), int(years.group(2))
    return None


def _listed_dates(head: str, matches: list[re.Match]) -> set[int]:
    """The indices of `matches` that date items of a list of links (相关新闻, 推荐阅读), not the page.

    A date with another date a line or few away is a list item; so is one that is near such an
    item, even if it repeats the item's date (two links of the same minute).
    """
    lines = [head.count("\n", 0, match.start()) for match in matches]

    def near(a: int, b: int) -> bool:
        return a != b and abs(lines[a] - lines[b]) <= LISTED_DATE_LINES

    listed = {a for a in range(len(matches)) for b in range(len(matches))
              if near(a, b) and matches[a].group(0) != matches[b].group(0)}
    grown = True
    while grown:
        more = {a for a in range(len(matches)) if a not in listed and any(near(a, b) for b in listed)}
        listed |= more
        grown = bool(more)
    return listed


def find_publication_date(text: str) -> str | None:
    """The date a document states for itself: a labelled date, the signature line, a dateline or a page date."""
    head = FETCH_CLOCK.sub(lambda clock: " " * len(clock.group(0)), text[:HEAD_CHARACTERS])
    for pattern, order in ((PUBLISHED_DATE, "ymd"), (LABELLED_DATE, "ymd"), (SIGNATURE_DATE, "ymd"), (ISO_DATE, "ymd"),
                           (PAGE_DATE, "ymd"), (NUMERIC_DATE, "ymd"), (DATELINE, "ymd"), (LEAD_DATE, "ymd"),
                           (DAY_FIRST_DATE, "dmy"), (URL_DATE, "ymd")):
        matches = list(pattern.finditer(head))
        listed = set() if pattern in (PUBLISHED_DATE, LABELLED_DATE) else _listed_dates(head, matches)
        for index, match in enumerate(matches):
            if index in listed:
                continue
            numbers = [int(g) for g in match.groups()]
            year, month, day = numbers if order == "ymd" else numbers[::-1]
            if is_year(year) and 1 <= month <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def find_stated_year(text: str) -> int | None:
    """The year of a text that gives no full date: a month line (2023年2月), else the latest
    year its opening names as its present."""
    head = text[:HEAD_CHARACTERS]
    occasion = find_occasion_year(text[:OPENING_CHARACTERS])
    if occasion:
        return occasion
    for match in MONTH_LINE.finditer(head):
        year, month = int(match.group(1)), int(match.group(2))
        if is_year(year) and 1 <= month <= 12:
            return year
    opening = text[:OPENING_CHARACTERS]
    # Years named after the body first speaks of its present (截至目前,……) are not that present;
    # a title's 今年 (我市今年362人通过社工考试) is read with the year its body names.
    present = PRESENT_WORD.search(opening, _body_start(opening))
    if present:
        opening = opening[: present.start()]
    years = [int(m.group(1)) for m in STATED_YEAR.finditer(opening)
             if is_year(int(m.group(1))) and not FOREIGN_SUBJECT.search(opening, max(0, m.start() - 6), m.start())]
    years += [int(m.group(1)) + 1 for m in YEAR_END_RESULT.finditer(opening) if is_year(int(m.group(1)))]
    years += [PERIODS[next(label for label in m.groups() if label)][1] for m in PERIOD_CONCLUDED.finditer(opening)]
    return max(years) if years else None


def _body_start(opening: str) -> int:
    """Where the body of a text begins: after its first line and the headline lines that follow
    (三十二万多人取得社会工作者职业资格 今年报考总人数增长近三成), at the first line that is a sentence."""
    position = opening.find("\n") + 1
    for line in opening[position:].split("\n"):
        if len(line) > HEADLINE_LENGTH or "。" in line:
            break
        position += len(line) + 1
    return min(position, len(opening))


def find_occasion_year(text: str) -> int | None:
    """The year of the first counted yearly day `text` names (第15个国际社工日 -> 2021), or of the
    first session of a national congress it names (十二届全国人大一次会议 -> 2013)."""
    for match in OCCASION.finditer(text):
        first_year, counter = OCCASIONS[match.group("name")]
        count = match.group("count")
        number = int(count) if count.isdigit() else parse_chinese_number(count)
        if match.group("counter") == counter and number and is_year(first_year + int(number) - 1):
            return first_year + int(number) - 1
    for match in NATIONAL_SESSION.finditer(text):
        body = "全国政协" if match.group("body") == "政协" else "全国人大"
        first_year = SESSIONS.get((body, match.group("term")))
        session = parse_chinese_number(match.group("session"))
        if first_year and session:
            return first_year + int(session) - 1
    return None


# A compilation of yearly documents (南京市2021~2024年统计公报汇总): each part opens with its own
# title naming its year, or with its issuer's line and the date it was issued under it.
SECTION_DATE = re.compile(r"^\s*(?:发布日期[:：]?\s*)?\d{4}(?:年\d{1,2}月(?:\d{1,2}日)?|-\d{1,2}-\d{1,2})")
ISSUER_LINE = re.compile(r"^[^,。;:!?]{2,40}(?:局|队|政府|厅|委员会|办公室|办)\s*$")
YEAR_IN_TITLE = re.compile(r"\d{4}年")
# Lines a section's opening spans: title, issuer, date.
OPENING_LINES = 4


def find_sections(text: str) -> list[int]:
    """Offsets where the parts of a compilation of several yearly documents begin; [] for one document.

    A part opens with a title line naming a year (2023年东莞市国民经济和社会发展统计公报) or
    with an issuer's line followed by a date line (南京市统计局 / 2022年4月). Two openings
    at least, dated in different years, make a compilation.
    """
    title_ending = re.compile(f"(?:{default_kinds().title_ending})\\s*$")
    lines = text.split("\n")
    offsets, position = [], 0
    for line in lines:
        offsets.append(position)
        position += len(line) + 1
    openings: list[int] = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        is_title = len(stripped) <= 60 and YEAR_IN_TITLE.search(stripped) and title_ending.search(stripped)
        is_dated = (SECTION_DATE.match(stripped) and len(stripped) <= 40 and index > 0
                    and ISSUER_LINE.match(lines[index - 1].strip()))
        if not (is_title or is_dated):
            continue
        start = index - 1 if is_dated else index
        if openings and start - openings[-1] <= OPENING_LINES:
            continue  # the same opening: a title, then its issuer and date
        openings.append(start)
    if len(openings) < 2:
        return []
    years = {find_stated_year(text[offsets[i] : offsets[i] + HEAD_CHARACTERS]) for i in openings}
    if len(years) < 2:
        return []
    return [0 if n == 0 else offsets[i] for n, i in enumerate(openings)]


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
    kind = find_document_kind(base.title, text)
    base.document_kind = kind.code
    read_dates(text, base, kind, base.title)
    return base


def read_dates(text: str, base: DocumentMetadata, kind: DocumentKind, title: str | None) -> None:
    """Fill in period, publication date and the year the text speaks in, from `text` and `title`.

    Also dates each part of a compilation; a part that states no year keeps the one `base` has.
    """
    base.period_label, base.period_start, base.period_end = find_period(title, text, kind)
    base.publication_date = find_publication_date(text)
    if base.publication_date:
        base.reference_year = int(base.publication_date[:4])
    else:
        base.reference_year = find_stated_year(text) or base.reference_year
