"""Figures stated in sentences: 到2025年,节地生态安葬率达到70%.

A figure is an indicator wording followed by its value, joined only by the words
Chinese plans put between them: linking verbs (达到, 提高至, 共有), comparators
(不低于), time phrases (到2025年, “十三五”期末), scope words (全市, 总床位的) and
definitions (即……之比). Anything else between them (其中, 比上年增长, another
noun) breaks the link, so a number is never borrowed from a neighbouring phrase.
Counts may also stand before their wording after a stock verb (建成320家社区综合为老服务中心).

Each value gets a year and a kind (actual or target) from, in order: the time
phrase nearest to it in its sentence, the part of the document it sits in
(review of results, or goals and tasks; see sections.py), the words of its
sentence (已/共有 against 力争/到), and finally the kind of document.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from ingest.catalogue import CONTEXT_WINDOW, Catalogue, Indicator, WordingMatch
from ingest.kinds import DocumentKind
from ingest.literals import any_required, holds_any
from ingest.normalise import MANGLED_MARK
from ingest.numbers import (
    CHINESE_NUMBER,
    COMPARATOR_AFTER_RE,
    MULTIPLIER_RE,
    MULTIPLIERS,
    NUMBER,
    TIME_RE,
    TimeExpression,
    comparator_after,
    comparator_before,
    ends_with_relative,
    find_time_expressions,
    parse_number,
)
from ingest.sections import OUTLOOK, REVIEW, TARGETS, SectionMap

# A run of encoding noise (MANGLED_MARK) ends a sentence: nothing is read across it, and
# it often stands where a full stop was (指标?!笆奈濉逼陂g for 指标。“十四五”期间).
SENTENCE = re.compile(rf"[^。!！?？;；\n{MANGLED_MARK}]+[。!！?？;；{MANGLED_MARK}]?")
DIGIT = re.compile(rf"\d|{CHINESE_NUMBER}")
# The characters a DIGIT match starts with: a class the search skips to, where DIGIT's
# alternatives were tried at every position of a sentence without numbers.
NUMBER_CHARACTER = re.compile(r"[\d一二两三四五六七八九十百千万]")
NUMBER_START = re.compile(CHINESE_NUMBER)

LINK_VERBS = (
    "已经|已|共有|共计|合计|总计|累计|达到|达|为|是|增至|增加到|增加至|增长到|增长至|发展到|发展至|"
    "提高到|提高至|提升到|提升至|上升到|上升至|扩大到|扩大至|下降到|下降至|减少到|减少至|降至|"
    # A fall states the level reached as a rise does (全国社会组织总量降到了87.18万个; 总数更是滑到了83.4万家).
    "降到|降为|滑到|滑至|滑落到|滑落至|跌到|跌至|回落到|回落至|"
    # A series of yearly results varies its verbs: 跃升至43.9万, 继续增加到53.1万, 攀升至.
    "跃升至|跃升到|攀升至|攀升到|升至|增长为|增加为|继续|进一步|"
    "保持在|稳定在|控制在|实现|要|将|力争|争取|确保|拥有|有|计|共|由|从|仅|只有|均|分别|"
    "大约|接近|将近|约|近|逾|超过|超(?![出额])|突破|不到|不足|不低于|不少于|至少|不小于|不高于|不超过|不大于|低于|高于|大于|多于|少于|在|"
    "必须|应当|应|或|也|还|更是|最高|最低"
)
SCOPE_WORDS = "全市|全区|全省|全国|全县|本市|本区|本县|我市|我区|我省|我国|城乡|各类|目前|现有|届时|年底|年末|期末"
# 每人每月1138元: the period stands before the number, the bare 元 after it.
PER_PERIOD = "每人每月|每人每年|每月|每年"
PER_PERIOD_UNIT = {"月": "元/月", "年": "元/年"}
# A change stated on the way to the total (持证社会工作者的数量大幅增加了13.8万人,达到了66.9万人): the
# total follows it, after a comma and a verb of reaching.
CHANGE_ON_THE_WAY = re.compile(
    r"(?:比上年|较上年|比去年|较去年|同比)?(?:大幅|共)?(?:增加|增长|新增|提高|上升)了?\s*[\d.]+\s*[万亿]?"
    r"(?:[张个家人名]|%|个百分点)(?=[,，]\s*(?:总数|总量)?\s*(?:已)?\s*(?:达到|达|增至|增加到|升至|突破))")
# What a text says of a figure before it gives it: low, short, growing fast.
JUDGEMENT = (r"(?:仍然|仍|还|依然|明显|较为|相对)?"
             r"(?:不容乐观|偏低|较低|不高|不足|偏少|较少|发展迅速|迅速发展|快速发展|快速增长|稳步增长|不断壮大)")
CONNECTOR = re.compile(
    rf"\s+|[,，、:：“”\"]"
    rf"|(?P<time>{TIME_RE.pattern})"
    rf"|(?:到了?|至|于|截至|截止|截止到|比|与|较)(?=\d{{4}}年|“?十)"
    # 社会组织数量于2023年达到历史峰值1717家.
    rf"|(?:历史)?(?:峰值|新高)"
    rf"|{LINK_VERBS}|{SCOPE_WORDS}"
    # A trend named before the pair (护理型床位占比逐年提高,由2022年底的53.51%提高到目前的57%).
    rf"|(?:逐年|逐步|不断|持续|稳步)(?:提高|提升|增长|增加|上升)"
    # A milestone passed on the way (跨越90万大关,达到93.1万): the figure follows it.
    rf"|(?:跨越|突破|迈过|越过|站上)[\d.]+[万亿]?(?:大关|关口)"
    rf"|{CHANGE_ON_THE_WAY.pattern}"
    # A judgement of the figure before it, in a clause of its own (节地生态安葬率不容乐观,2016年度仅为36.6%).
    rf"|{JUDGEMENT}(?=[,，])"
    rf"|总[\u4e00-\u9fff]{{1,4}}的|数量|总数|总人数|总量|人数|规模|比例|比重|的"
    # The aspect mark of a verb (已经达到了约93万人, 增加到了32.7万人), and a series that names its
    # figure again (为28.8万人,而到了2017年,这一数字已经增加到了32.7万人).
    rf"|了|而|(?:这一|这个|该|此)(?:数字|数据|数值)"
    rf"|{PER_PERIOD}"
    rf"|(?P<definition>即[^。;；]{{0,80}}?(?:之比|的比例|的比重|比率)"
    rf"|[(（][^()（）。;；]{{2,40}}[)）](?=\s*(?:{LINK_VERBS})))"
)
MAX_GAP = 36  # characters of connectors, not counting a definition

# Unit words documents put after numbers that belong to no indicator here; such a
# number is not the figure and ends the search (0.6平方米 inside a definition excepted).
OTHER_UNITS = (
    "平方米|平方公里|㎡|人次|万人次|周岁|岁|个月|小时|分钟|公里|千米|米|年|月|天|日|次|项|件|例|对|份|倍|"
    "套|辆|台|批|期|届|级|星|A级|G|条|门|支|节|公斤|吨"
)
RANGE_SEPARATOR = r"\s*(?:~|～|-|—|–|至)\s*"
# Text between an earlier value and a later one of a from-to pair (从A发展到B).
# The rate of the change may stand between the pair (从2008年的3355家,以11.79%的年平均增长率增长至2018年的10230家).
FROM_TO = re.compile(r"\s*(?:[,，]?\s*以[^,，。;；]{0,16}?(?:增长率|增速|速度|幅度)\s*)?"
                     r"(?:(?:发展|提高|增长|增加|上升|提升|扩大|下降|减少|降低|调整|达)(?:到|至)|到|至|增至|降至)")
# 共登记成立584家社会组织 (白云区 2014): registered in all, the stock; a year's 登记成立 alone is a flow.
STOCK_VERBS = ("已建成|共有|拥有|现有|已有|建成|建有|完成|达到|共计|合计|总计|(?:共|累计)登记(?:成立|注册)?|累计|培育"
               # A plan's stock stated before its noun (至2035年规划超2万张养老床位, 闵行 2024).
               "|发展|形成|包含|达|含|有|共|规划")
# Verbs of a flow: 新增5000张养老床位 counts beds added, not the stock.
FLOW_VERBS = "新增|新建|增加|增设|新设|改建|新登记|新成立"
COMPARATOR_WORDS = "不少于|不低于|不小于|至少|超过|超(?![出额])|约|近|逾"
COUNT_BEFORE = re.compile(
    rf"(?P<value>{NUMBER})\s*(?P<mult>{MULTIPLIER_RE})?(?P<unit>[\u4e00-\u9fff%‰/·]{{1,4}}?)(?:的)?$"
)
# A count whose scope a bracket widens or narrows: right after the value (4836个(含备案)), or a part
# excluded earlier in the sentence (养老服务机构119处(不含农村敬老院),床位总量达10744张).
SCOPE_NOTE_AFTER = re.compile(r"\s*[(（](?:不含|含|包括|不包括)[^)）]{1,20}[)）]")
EXCLUSION_NOTE = re.compile(r"[(（](?:不含|不包括)[^)）]{1,20}[)）]")
# A clause that gives the total after a flow (新增床位数1.4万张,总数达到8万张), and what may stand
# between the flow's wording and it: the flow's own value.
VALUE_THEN_BREAK = re.compile(r"[^,，;；。]*")
TOTAL_AFTER_FLOW = re.compile(r"[,，]\s*(?:总数|总量|总计|合计|累计)\s*(?:将|已)?\s*"
                              r"(?:达到|达|为|增至|增加到|增加至|提高到|提高至|突破|超过)?\s*")
# 社会工作专业人才总量超过6万人,其中2.6万人取得社会工作者职业水平证书: 其中 opens a count of a
# narrower kind as a verb of having does.
VERB_BEFORE = re.compile(rf"(?P<verb>{FLOW_VERBS}|{STOCK_VERBS}|其中[,，]?)\s*(?:{COMPARATOR_WORDS})?\s*$")
FIRST_VERB = re.compile(rf"{FLOW_VERBS}|{STOCK_VERBS}")
CLAUSE_BREAKS = ",，;；。:："
# The thousand may be in digits (平均每1000名老年人20张以上床位).
PER_CAPITA = re.compile(r"每[万千百]|每个|每[一]?名|每\s*\d+\s*名|每户|人均")
# A rate written around its count (每千名老年人拥有30张养老床位, 平均每1000名老年人20张以上床位): the
# count, its unit and a bound, right before the count's wording.
COUNT_INSIDE_RATE = re.compile(rf"(?P<value>{NUMBER})\s*[\u4e00-\u9fff]?(?:以上|以下)?的?$")
# A row of a table: its label, cells apart by tabs, wide spaces or bars, and another cell after the first.
ROW_CELLS_BETWEEN = re.compile(r"\s*(?:[(（][^()（）]{0,8}[)）])?(?:\t|\s{2,}|\s*[|｜])\s*")
NEXT_CELL = re.compile(r"\s*(?:%|‰|[\u4e00-\u9fff]{1,2})?(?:\t|\s{2,}|\s*[|｜])\s*[≥≤><]?\d")
# A wording that ends its noun phrase: followed by punctuation, the end, or a verb.
WORDING_END = re.compile(r"$|[,，。;；、:：)）\s]|(?:的|和|及|与|等|并|,)")
# A figure a local text quotes as the nation's standard or goal is no figure of the local region
# (安庆 2018: 今年将提前实现国家民政事业发展“十三五”规划提出的“每千名老人拥有床位数40张”的目标任务;
# 厦门 2017: 33.85张(国家2020年千名老人35-40张的标准)).
NATIONAL_STANDARD_BEFORE = re.compile(r"国家[^,，。;；()（）]{0,32}$")
NATIONAL_STANDARD_AFTER = re.compile(r"\s*[”\"’]?的?(?:标准|要求|目标)")
# Sentences that estimate or forecast (预计, 需建成, 按……计算): their numbers are neither results nor targets.
# A gap (缺口) makes an estimate of the numbers of its own clause only (床位缺口仍有50多万张), not of
# the stock a later clause states (镇江 2013: 社会工作者专业人才缺口较大,目前具有助理社工师以上资格的仅有283人).
ESTIMATE = re.compile(r"预计|预测|测算|估算|按照?[^。;]{0,24}计算|需建成|需要建成|需新增|缺口(?=[^,，;；:：]*\d)")
# Words of a goal in a sentence of the text's present year (not the 到 of a span, 2008年到2018年).
# 达到 alone is none (news reports results with it: 全市养老机构和各类养老床位分别达到357家、8.15万张),
# nor 要 in 重要/主要, nor 以上 of an age (60岁以上老人), nor 提高到 right after the value it rose
# from: a pair of values (民营养老床位占比由30%提高到60%, 福建 2018) reports a change that has come
# about. 到 a day's date is the date of a count, as 截至 is (佛山 2012 interview: 到2011年12月31日,
# 我市在民政部门注册登记的社会组织2332个,位列全省第三).
# 到 a year (not after one: 2008年到2018年, nor before its day: 到2011年12月31日).
GOAL_YEAR = r"(?<!\d年)到\d{4}年(?!\d{1,2}月\d{1,2}日)"
TARGET_CUES = re.compile(
    rf"{GOAL_YEAR}|到“?十|力争|争取|确保|目标|计划(?!财务|生育)|将|(?<![重主需只纪必])要(?![求点素])"
    r"|新增|新建|(?<![\d%‰张个人家])提高(?:到|至)"
    r"|不低于|不少于|(?<=[\d%张个人家所])以上"
)
# 今年以来, 近年来, 五年来: what has come about up to now.
ACTUAL_CUES = re.compile(r"已|共有|现有|累计|截至|截止|目前|现为|建成了|达到了|完成了|超过了|实现了|超额完成|提前完成"
                         r"|以来|(?<=[\d一二三四五六七八九十多近几])年来"
                         # A part of the year already past (上半年,全市养老机构新增床位1980张).
                         r"|上半年|前三季度|一季度")
# A goal a plan states, reported after its year has passed (北京 2022: 2015年《北京市养老服务设施专项规划》
# 提及……“至2020年,实现全市机构养老床位数量达到16万张”): still the plan's goal, not the year's result.
PLAN_STATES = re.compile(r"(?:规划|方案|意见|纲要|计划)》?中?(?:提出|提及|明确|要求|确定)")
# Words that make an undated sentence of a news report a goal rather than the present state.
# 余 or 多 after a number: more than it (66万余人, 6400多人, 30余万人).
MORE_THAN = "余|多"
# A verb's own count and its noun, as the first item of a list of counts (已有|近22万个养老服务机构和设施).
COUNTED_ITEM = re.compile(rf"\s*(?:{COMPARATOR_WORDS})?\s*(?:{NUMBER})\s*(?:{MULTIPLIER_RE})?(?:{MORE_THAN})?"
                          r"[\u4e00-\u9fff]{2,16}")
# A value named as the goal itself (实现了养老床位千分之三十的规划目标): a target whatever its year.
TARGET_AFTER = re.compile(r"的?(?:规划|发展|预期|既定|奋斗|工作)?目标")
# A change stated without 已 and without a year (护理型床位占比提高到73%) is a goal as often as a result.
# Words that set a goal whatever verb follows (将, 力争, 到2025年), unlike a bare 提高到.
FIRM_GOAL_CUES = rf"{GOAL_YEAR}|到“?十|力争|争取|确保|目标|计划|将|要|预期|规划|有望|届时"
# Words that state the present state (现有持证社工5000人, 目前已达).
PRESENT_STATE = re.compile(r"现有|目前|当前|已有|已达|截至目前")
GOAL_CUES = re.compile(rf"{FIRM_GOAL_CUES}|(?<!已)(?<!已经)(?:提高|提升|增加|扩大)(?:到|至)")
# A verb's 了 (新增改造提升了10家……,护理型床位占比达到72%): what has been done, when no goal is set firmly.
PAST_TENSE = re.compile(r"(?<=[\u4e00-\u9fff])(?<![为除])了(?!解)")
YEAR_RANGE = re.compile(r"(\d{4})年?\s*(?:到|至|-|—|–|~)\s*(\d{4})年")
# Indicators listed together, then their values in order: 养老床位总数和每千名老年人拥有养老床位数分别达到5万张和35张.
WORDING_JOIN = re.compile(r"\s*(?:[、和及与]|以及)\s*")
RESPECTIVELY = re.compile(r"(?:的?(?:数量|人数|总数|总量))?\s*(?:均)?分别(?:"
                          # 分别增加了11.2万人和9.2万人,达到了43.9万人和53.1万人: the stocks after the flows.
                          r"(?:增加|增长|新增)了?[^,，。;；]{1,40}[,，]\s*(?:达到了?|达|为|增至|增加到)"
                          r"|为|是|达到|达|有|提高到|提高至|增至|增加到|占|降至)?\s*")
VALUE_JOIN = re.compile(r"\s*(?:[、,，和及与]|以及)\s*")
# Names listed before the last of them, within one clause: 工作者和 (before 持证社工分别).
LIST_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{2,12}(?:和|、|及|与))+$")
# A sentence that states the figure of an indicator named in the sentence before (这一指标必须达到55%).
ANAPHOR = re.compile(r"这一指标|这项指标|这个指标|该指标|此项指标|此指标")
ANAPHOR_LOOKBACK = 200
# A total whose noun the sentence before named (全国持证社会工作者数量持续攀升。截至2025年底,持证总人数已突破
# 百万大关): the subject of its clause, standing for that sentence's last indicator.
ELLIPTIC_TOTAL = re.compile(r"(?<![\u4e00-\u9fff])(?:持证总人数|总人数|总数|总量)")
# Elderly-care institutions, unqualified, named after 其中 among all facilities (全市共建成各类养老服务设施958处,
# 其中养老机构120处、床位2.4万张): the beds after them are the institutions' beds, not a part of theirs.
INSTITUTIONS_AMONG_FACILITIES = re.compile(rf"设施\s*(?:{NUMBER})\s*万?\s*[处个家所][,，]\s*其中\s*养老(?:服务)?机构"
                                           rf"\s*(?:{NUMBER})\s*[处个家所][、,，]\s*$")
# A part of a count named after 其中 with a qualifier of its own (其中社区留宿和日间照料床位64.1万张):
# not the total. 其中持证社工 (no qualifier) is the headline itself.
# The qualifier may be a count of the part's units: (其中34家养老机构床位计9074张).
PART_OF = re.compile(r"其中[:：,，]?\s*(?P<qualifier>(?:\d+\s*[家个所座])?[\u4e00-\u9fff]{2,}|\d+\s*[家个所座])$")
# A sentence whose subject is a street, town or village (“街道已形成……各类社会组织近20家) speaks
# of a place below the regions that have codes.
# So does one that opens with a town's topic (枫桥镇社会组织蓬勃发展,现有各类社会组织280家).
SUBUNIT_SUBJECT = re.compile(r"^\s*[“\"]?[\u4e00-\u9fff]{0,6}(?:街道|镇|乡|村)(?:已|共有|现有|目前|拥有|建有|有)"
                             r"|^\s*[“\"]?[\u4e00-\u9fff]{1,6}(?:街道|镇)(?:社会组织|养老服务|社会工作)[^,，。;；]{0,8}[,，]")
# A sentence that opens with a date (2024年12月31日,记者……获悉): its present is that date.
DATE_OPENING = re.compile(r"\s*\d{4}年\d{1,2}月(?:\d{1,2}日)?")
# A count of a series that its own verb follows counts those who did something else
# (河南持证社工5731名 今年4948人参加社工考试): not the next year of the series.
ANOTHER_PREDICATE = re.compile(r"\s*(?:了)?(?:参加|报考|参考|报名|通过|参与|接受|完成|获得|取得)")
# The items of the list a sentence continues: the text since the last full stop or line break,
# when it ends with a semicolon.
EARLIER_ITEMS = re.compile(r"[^。!?！？\n]*[;；]\s*$")
# A count that ends a list of numbers (分别有9561、15934、5990人): one value among several.
VALUE_LIST_END = re.compile(r"\d\s*[、,，]\s*$")
# The groups provinces count their regions in: 13个设区市, 88个县(市、区), 115个县市区, 18个市(州), 16个地市.
REGION_GROUPS = r"设区的?市|地级?市|市[(（]?州[)）]?|县[(（]市、?区[)）]|县市区|县区|区县"
# Each region of a group as a sentence's subject (平均每个设区市, 各县(市、区)): what follows is a norm for
# each of them (a province's goal relayed by one of its cities, 柳州 2023).
EACH_REGION = re.compile(rf"(?:平均)?(?:每个|各)(?:{REGION_GROUPS})")
# How many regions pass a mark (19个地区床位数超过10万张).
# So does a group of regions (两地社会组织总量6.2万家; 市内四区千名老人拥有床位数35张; 川渝, 京津冀,
# 华东地区): it has no code.
REGION_COUNT = re.compile(rf"(?:\d+个(?:{REGION_GROUPS}|地区|省份|省区市|省|城市|市|县|区)"
                          r"|(?<!第)(?:两|三|四|五|几)(?:地|省|市|省市|省区市|区|县)(?![长委政])"
                          r"|川渝|京津冀|长三角|珠三角|粤港澳|[东西南北中]部地区|(?:华东|华北|华中|华南|西南|西北|东北)地区)"
                          r"[^,，。;；]{0,12}$")
GOAL_YEAR_OPENING = re.compile(r"(?<!\d年)(?:到|至)\s*(?:\d{4}年(?:底|末)?|“?十[一二三四五六七]五”?(?:期末|末)?)[,，]?"
                               r"|“?十[一二三四五六七]五”?(?:期间|期末|末)[,，]?")
# A value its own verb sets as a goal (今年底每千名老年人拥有养老床位将达到35张, 比例要达到65%) is a
# target whatever the text's present, unless a result word (已) stands with it.
GOAL_VERB = re.compile(r"(?<!已)(?:将|要|力争|争取|确保)(?:进一步)?"
                       r"(?:达到|达|提高|提升|增加|增长|突破|超过|保持|稳定|不低于|不少于)")
# A count after a flow verb in its own noun phrase (增加各类基层养老床位2.4万张) is a flow, not the stock.
# So are organisations incubated or settled in a base (累计培育孵化入驻社会组织69家), and those
# struck off or banned (每年撤销登记社会组织40多家, 打击整治非法社会组织69家).
# Organisations applying to be graded (申报参评社会组织21家), those registered directly since a
# reform (直接登记的社会组织约3万个) and one facility's own beds (该项目……内设养老床位约120张) are
# no region's count either.
# The verb may govern two kinds joined (新增日间照料床位和机构养老床位9000张).
# 增 alone after a word of the future adds too (泉州晚报 2018 headline: 今年将增养老床位3840张).
FLOW_VERB = rf"(?:{FLOW_VERBS}|(?:将|拟|再)增(?![长强速幅至到加值]))"
# A noun and its count in a list one verb governs (民营养老机构不少于2家, 助餐场所201个).
LISTED_COUNT = (rf"[\u4e00-\u9fff“”\"]{{1,14}}?(?:{COMPARATOR_WORDS})?\s*(?:{NUMBER})\s*(?:{MULTIPLIER_RE})?"
                r"[\u4e00-\u9fff]{1,2}")
FLOW_LEAD = re.compile(rf"(?:{FLOW_VERB}|孵化|培育|入驻|撤销|注销|取缔|打击"
                       r"|查处|清理|整治|引导|动员|参评|内设|直接登记)"
                       # the verb may govern a list of counts (海安 2023: 新增民营养老机构不少于2家、养老床位
                       # 不少于300张)
                       rf"(?:{LISTED_COUNT}、)*"
                       # or a list of qualifiers (清理低效、无效社会组织2549家; 整治“僵尸型”社会组织), in brackets
                       # too (上海 2025: 新增(立项、开工、续建、投用)养老机构29家)
                       rf"[\u4e00-\u9fff、“”\"()（）]{{0,14}}$")
# A flow verb over counts listed with commas, the wording's own count among them with no verb of its own
# (上海 2022: 2021年上海新增社区综合为老服务中心51家,助餐场所201个,养老床位5084张).
FLOW_OVER_LIST = re.compile(rf"{FLOW_VERB}(?:{LISTED_COUNT}(?:以上)?[,，、]\s*)+$")
# The wording's count right after it, bare: with a bound of its own (认知障碍照护床位不低于1.5万张) an item says more.
COUNT_NEXT = re.compile(r"\s*\d")
# Parts listed after a total: a place named among them (其中福州市达到85%) makes a figure of its own.
PARTS_LISTED = re.compile(r"其中|包括")
PLACE_NAMED = re.compile(r"[\u4e00-\u9fff](?:省|市|县|区|州|旗|盟)(?![\u4e00-\u9fff]?级)")
# How a text names its whole area as a subject (全省, 我市).
AREA_WORD = re.compile(r"全市|全省|全县|全区|全州|全国|全旗|全盟|我市|我省|我县|我区|我国|本市|本省")
# A count of all a region has, then what some of them do (全市216家社会组织中,建立社会组织党组织27个).
PARTITIVE_AFTER = re.compile(r"中(?![心央国小学层型期])")
AREA_BEFORE_COUNT = re.compile(rf"(?:{AREA_WORD.pattern})\s*(?:共|近|约|现有)?\s*$")
# Places listed together with the last one's level (厦门、泉州、福州市): the regions a figure after them is of.
PLACE_LIST = re.compile(r"[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})+(?:市|县|区|州)")
# Beds named right after a count of one owner's institutions are that owner's (长春 2017: 长春市区内共有各类
# 民办养老机构207家,养老床位25600张): a part, whatever their own wording.
OWNERS_INSTITUTIONS_BEFORE = re.compile(r"(?:公办|民办|公建民营|社会办|民营)[\u4e00-\u9fff]{0,6}机构\s*"
                                        rf"(?:{NUMBER})\s*万?\s*[家个所处]\s*[,，、]\s*$")
# Beds of a number of institutions that opens its clause, with no area word (锡林郭勒 2018: ……3处示范性牧民
# 养老服务机构的建设和发展,3家养老机构床位总数达到了2660张) are those institutions' beds: a part.
COUNTED_INSTITUTIONS_LEAD = re.compile(
    rf"^\s*(?:这|上述|以上)?(?:{NUMBER})\s*[家个所处](?:[\u4e00-\u9fff]{{0,8}}机构)?\s*$")
# A qualifier of age or size right before a count wording (成立10年以上社会组织) names a part.
# So does a grade (有效期内的3A级以上社会组织有270家).
# So does the level an organisation works at (全国性的社会组织仅有约100家,地方性的社会组织有约6000家;
# 省级社会组织), or a mark of distinction (在全国有影响力的社会组织达到50家左右; 示范性, 品牌, 枢纽型).
# So does a survey of party building (有1名党员但未建党组织的社会组织1家,无党员的社会组织11家).
AGE_QUALIFIER = re.compile(r"(?:(?:全国|地方|省|市|县|区)(?:性|级)|有影响力|示范性?|品牌|骨干|枢纽型|党(?:员|组织|支部)"
                           r"|\d+\s*(?:年|岁|周岁|张|人)(?:以上|以下|以内|及以上)"
                           r"|(?:[1-5]\s*A|A{1,5})\s*(?:等?级)?(?:及?以上)?)的?$")
# Organisations filed with a street or community rather than registered (昆都仑区 2018: 街道备案的社会组织
# 1380家), and those that took part in something (参与各级政府购买项目的社会组织21家; 参与民政厅支持项目的
# 昆区社会组织共18家), are parts of the registered total.
FILED_OR_TAKING_PART = re.compile(r"备案(?:类|管理)?的?$|(?:参与|参加|承接)[^,，。;；]{1,24}的")
# A sentence that goes on with a series: it opens with the year of its value.
# The date of a sentence's results (……提到,截至2024年底,).
RESULT_DATE = re.compile(r"(?:截至|截止到|截止)\s*(?P<year>\d{4})\s*年")
# A count up to a year that is already reached: 截至2023年,……已达.
RESULT_AT = re.compile(r"(?:截至|截止到|截止)\s*(?P<year>\d{4})\s*年[^。;；]*?(?:已|累计)")
# The year that opens a list split by semicolons: 到2020年, or 截至2012年底 (截至2020年12月底), (at most
# a clause before it), or the year of the statistics the list gives (浙江社会工作师协会2014年统计,杭州……;宁波……).
LIST_GOAL = re.compile(r"^[^;；。]{0,60}?(?:(?:到|(?P<result>截至|截止到|截止))(?P<year>\d{4})年"
                       r"(?:\d{1,2}月(?:底|末|\d{1,2}日)?|底|末)?"
                       r"|(?P<statistics>\d{4})年(?:底|末)?的?(?:统计|数据)(?:显示|表明)?)[,，]")
# A paragraph that opens with its year (2022年,全市民政系统……。全市共有养老机构120家) speaks of
# that year in the sentences that follow it, up to the paragraph's end: work summaries, government
# work reports and news write a year's results this way. Not 2022年以来 (a span up to the present).
# The year may follow a lead-in (会议指出,2023年全市民政工作……; 记者从柳州民政局获悉,2022年,) and be followed by the
# sentence's subject instead of a comma; a plan period (根据规划,“十三五”期间,……) counts as its end.
TOPIC_YEAR = re.compile(r"^\s*(?:[^,，。;；:：\d]{1,14}[,，]|[^,，。;；:：\d]{1,24}[:：])?"
                        r"(?P<year>(?:(?:到|至|截至|截止到?)?(?:20|19)\d{2}年(?:度|底|末)?|去年|上年|今年"
                        r"|(?:到|至)?“?十[一二三四五六七]五”?(?:期间|期末|末|时期))"
                        r"(?:全年|上半年)?)(?:[,，]|(?=全市|全省|全县|全区|全国|我市|我省|我县|我区|我国|本市))")
# The words TOPIC_YEAR needs (20, 今年): a sentence without any needs no match (ingest/literals.py).
TOPIC_WORD = any_required([TOPIC_YEAR])
TOPIC_REACH = 400  # characters a paragraph's opening year reaches in a text without line breaks
# A paragraph that opens by looking back as many years as the period the paragraph before
# opened with speaks of that period (南昌 2025: “十四五”期间,南昌民政系统……。\n五年来,……
# 完成养老服务床位总数达1.5万张): the period's topic goes on past the line break.
PERIOD_LOOKBACK = re.compile(r"^\s*(?P<years>[一二三四五六七八九十]|\d{1,2})年(?:来|以来)[,，]")
SERIES_OPENING = re.compile(r"\s*(?P<time>\d{4}年(?:底|末)?)")
# A sentence that is nothing but a series of dated values (2012年突破41万个,2014年突破56万个,……):
# it counts what the sentence before it named, with or without a figure of its own
# (我国的社会组织数量就开始以每年5万以上的速度在增长。2012年突破41万个,……).
BARE_SERIES_ITEM = (rf"\d{{4}}年(?:底|末)?[,，]?(?:{LINK_VERBS}){{0,2}}\s*(?:{NUMBER})\s*(?:{MULTIPLIER_RE})?"
                    rf"(?:{MORE_THAN})?[\u4e00-\u9fff%‰]?")
BARE_SERIES = re.compile(rf"\s*{BARE_SERIES_ITEM}(?:[,，、;；]\s*{BARE_SERIES_ITEM}){{2,}}\s*[。;；,，]?\s*$")
# A sentence that opens with 其中 and a subject of its own describes a part of the total before it.
PART_SENTENCE = re.compile(r"\s*其中[:：,，]?(?P<subject>.+)$", re.S)
HAN = re.compile(r"[\u4e00-\u9fff]+")
SPAN_OF_YEARS = re.compile(r"\d{4}年?(?:[至到~\-—－]\d{4}年)?(?:间|期间|以来)?")
# 其中通过考试持证的……: how the part qualifies, not a narrower part.
SCOPE_ONLY = re.compile(rf"(?:{SCOPE_WORDS}|的|通过考试)+")
COMPARISON = re.compile(r"(?:比|与|较)(?=\d{4}年|“?十|上年|去年)")


@dataclass(frozen=True)
class DocumentFrame:
    """What the prose rules need to know about the document as a whole: its kind, period and present."""

    kind: DocumentKind
    period_start: int | None
    period_end: int | None
    reference_year: int | None  # the year of its publication or dateline (or the year its opening names)
    # Whether reference_year is a date the text gives itself. A year its opening only names
    # (2021年吉林省……持续发力) may be the year before the text's own: 去年 then counts from nothing.
    dated: bool = True

    @property
    def now_year(self) -> int | None:
        """The year the document speaks in: what 目前 means, and the last year of its results."""
        rule = self.kind.now
        if rule == "period_start":
            return self.period_start
        if rule == "base_year":
            return None if self.period_start is None else self.period_start - 1
        if rule == "reported":
            return self.period_end if self.period_end is not None else (
                None if self.reference_year is None else self.reference_year - 1)
        return self.reference_year

    @property
    def base_year(self) -> int | None:
        """The last year of results: figures up to it are actuals (a plan's 基期, a bulletin's year)."""
        if self.kind.now in ("period_start", "base_year"):
            if self.period_start is not None:
                return self.period_start - 1
            return None if self.reference_year is None else self.reference_year - 1
        return self.now_year

    @property
    def target_year(self) -> int | None:
        return self.period_end

    def times(self, text: str) -> list[TimeExpression]:
        """The time expressions of `text`, 今年/去年/目前 counted from this document's present."""
        return find_time_expressions(text, self.relative_origin, shifts=self.dated)

    @property
    def relative_origin(self) -> int | None:
        """The year 今年/去年/目前 count from; a five-year plan's 今年 is no year of its period in particular."""
        return None if self.kind.now == "base_year" else self.now_year


@dataclass(frozen=True)
class ProseFigure:
    indicator: Indicator
    wording: str
    year: int
    kind: str
    value: Decimal
    value_high: Decimal | None
    comparator: str
    quote: str
    start: int
    wording_start: int
    sentence_start: int
    dated: bool = True  # False when the year is the document's present, not stated with the figure


@dataclass(frozen=True)
class ValueMention:
    start: int
    end: int
    value: Decimal
    value_high: Decimal | None
    unit_word: str | None
    indicator: Indicator
    comparator: str | None
    # Written as a count of what there is (7500余人, 4000多家): a measured result, never a goal.
    measured: bool = False


def _clause_start(text: str) -> int:
    """Where the last clause of `text` begins: after its last clause break (CLAUSE_BREAKS), else 0.

    Looked up from the end (str.rfind), not by finding every break of the text.
    """
    return max(map(text.rfind, CLAUSE_BREAKS)) + 1


def follows_semicolon(text: str, position: int) -> bool:
    """Whether the last character before `position` other than white space is a semicolon.

    Walks back from `position`: text[:position].rstrip() would copy the text up to it, which
    made a long file's time grow with the square of its length.
    """
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return position > 0 and text[position - 1] in ";；"


def _unit_pattern(catalogue: Catalogue) -> str:
    return _unit_alternation(tuple(catalogue.unit_words()))


@functools.lru_cache(maxsize=4)
def _unit_alternation(unit_words: tuple[str, ...]) -> str:
    # Built once per catalogue, not once per document: escaping the words is a share of reading a short one.
    words = set(unit_words) | set(OTHER_UNITS.split("|"))
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=4)
def _value_pattern(units: str) -> re.Pattern:
    """A value with its multiplier and unit word: built once per catalogue's units, not per document."""
    return re.compile(
        rf"(?P<num>{NUMBER}|{CHINESE_NUMBER})(?P<more_low>{MORE_THAN})?(?:\s*(?P<mult_low>{MULTIPLIER_RE}))?"
        rf"(?:(?P<sep>{RANGE_SEPARATOR})(?P<high>{NUMBER}))?"
        rf"\s*(?P<mult>{MULTIPLIER_RE})?(?P<more>{MORE_THAN})?\s*(?P<unit>{units})?"
    )


class ProseReader:
    """Reads figures from the sentences of one document."""

    def __init__(self, catalogue: Catalogue, frame: DocumentFrame, sections: SectionMap):
        self.catalogue = catalogue
        self.frame = frame
        self.sections = sections
        # The goal year of the list of goals being read (LIST_GOAL), if any.
        self.list_goal: TimeExpression | None = None
        self.list_result = False  # whether the list opened with 截至 (results), not 到 (goals)
        self.topic_year: TimeExpression | None = None
        self.topic_goal = False  # whether the topic year opened with 到/至: a goal's year
        # The kind of the series the sentence being read continues, if it continues one.
        self.series_kind: str | None = None
        self.value_re = _value_pattern(_unit_pattern(catalogue))
        self.other_units = set(OTHER_UNITS.split("|"))

    # -- values ---------------------------------------------------------------
    def _value_at(self, text: str, position: int, candidates: tuple[Indicator, ...],
                  gap: str) -> ValueMention | None | bool:
        """The value at `position` if it fits one of the indicators; False if a number is there but does not."""
        match = self.value_re.match(text, position)
        if match is None:
            return None
        unit_word = match.group("unit")
        per_period = re.search(rf"(?:{PER_PERIOD})$", gap)
        if unit_word == "元" and per_period:
            unit_word = PER_PERIOD_UNIT[per_period.group(0)[-1]]
        following = text[match.end() : match.end() + 3]
        if unit_word in self.other_units or re.match(r"[A-Za-z\d]", following):
            return False
        multiplier = MULTIPLIERS.get(match.group("mult") or match.group("mult_low") or "", Decimal(1))
        low = parse_number(match.group("num"))
        high = parse_number(match.group("high")) if match.group("high") else None
        if low is None:
            return False
        for indicator in candidates:
            unit = indicator.unit
            if unit_word:
                if unit_word not in unit.words:
                    continue
            elif not self._unit_may_be_missing(indicator, multiplier, following):
                continue
            scale = multiplier * unit.scale(unit_word)
            value, value_high = low * scale, None if high is None else high * scale
            if not unit.accepts(value) or (value_high is not None and not unit.accepts(value_high)):
                continue
            end = match.end()
            after = COMPARATOR_AFTER_RE.match(text, end)
            comparator = comparator_after(after.group(0)) if after else comparator_before(gap)
            measured = bool(match.group("more") or match.group("more_low"))
            if comparator is None and measured:
                comparator = ">="  # 66万余人, 6400多人: more than the number written
            if after:
                end = after.end()
            if text.startswith("的", end) and not TARGET_AFTER.match(text, end):
                return False  # 社会组织数量超过3万家的只有12个省份: the number describes another noun
            return ValueMention(position, end, value, value_high, unit_word, indicator, comparator, measured)
        return False

    @staticmethod
    def _unit_may_be_missing(indicator: Indicator, multiplier: Decimal, following: str) -> bool:
        """Sites drop % and ‰ (不低于55); a count may end in 万 alone (28.8万,), and so may a milestone
        passed (全国持证社会工作者已突破百万大关). Nothing else."""
        clean_end = following == "" or following[0] in ",，。;；、)）\n 以左" or following.startswith("大关")
        if indicator.unit.code in ("percent", "permille"):
            return multiplier == 1 and clean_end
        return multiplier != 1 and clean_end and indicator.unit.integer

    # -- linking ----------------------------------------------------------------
    def _scan(self, text: str, position: int, limit: int, candidates: tuple[Indicator, ...],
              require_time: bool = False) -> tuple[ValueMention, list[TimeExpression], str] | None:
        """Follow connectors from `position` to a fitting value before `limit`."""
        gap_start, times, gap_length = position, [], 0
        while position < limit:
            connector = CONNECTOR.match(text, position)
            digit_next = position < len(text) and (text[position].isdigit() or bool(NUMBER_START.match(text, position)))
            if digit_next and not (connector and connector.group("time")):
                if require_time and not times:
                    return None
                found = self._value_at(text, position, candidates, text[gap_start:position])
                if isinstance(found, ValueMention):
                    return found, times, text[gap_start:position]
                return None
            if connector is None or connector.end() == position:
                return None
            if connector.group("time"):
                offset = connector.start("time")
                times.extend(TimeExpression(offset + t.start, offset + t.end, t.year, t.period_start)
                             for t in self.frame.times(connector.group("time")))
            if not connector.group("definition"):
                gap_length += connector.end() - position
                if gap_length > MAX_GAP:
                    return None
            position = connector.end()
        return None

    def _value_before(self, text: str, wording: WordingMatch, sentence_start: int) -> ValueMention | None:
        """A count written before its wording after a verb: 建成320家社区综合为老服务中心.

        The verb may govern a list (建成320家A、1232家B). A flow verb (新增) makes the
        count a flow: it is reported only under the flow's own indicator (新增养老床位).
        """
        before = text[max(sentence_start, wording.start - 40) : wording.start]
        count = COUNT_BEFORE.search(before)
        if count is not None and PARTITIVE_AFTER.match(text, wording.end):
            # 目前,全市216家社会组织中,建立社会组织党组织27个: the region's total, then its parts.
            area = AREA_BEFORE_COUNT.search(before[: count.start("value")])
            if area is None:
                return None
            offset = wording.start - len(before)
            found = self._value_at(text, offset + count.start("value"), wording.indicators, area.group(0))
            return found if isinstance(found, ValueMention) and found.end == offset + count.end("unit") else None
        if count is None or not WORDING_END.match(text, wording.end):
            return None  # 建成10家社会组织孵化园: the wording is only part of a longer noun
        preceding = before[: count.start("value")]
        if VALUE_LIST_END.search(preceding):
            return None  # 分别有9561、15934、5990人取得……证书: one of a list of values, not the total
        clause = preceding[_clause_start(preceding) :]
        if PER_CAPITA.search(clause):
            return None  # 每万老年人口配有20张认知障碍床位 is a rate, not a count
        verb = VERB_BEFORE.search(preceding)
        gap_start = None
        if verb is None and preceding.endswith("、"):
            clause_start = _clause_start(preceding)
            verb = FIRST_VERB.search(preceding, clause_start)
        elif verb is None and preceding.endswith((",", "，")):
            # 全国已有近22万个养老服务机构和设施,790多万张养老服务床位: the verb governs counts listed
            # with commas, when the clause before is nothing but the verb and a count of its own.
            body = preceding[:-1]
            clause_start = _clause_start(body)
            verb = FIRST_VERB.search(body, clause_start)
            if verb is not None and not COUNTED_ITEM.fullmatch(body, verb.end()):
                verb = None
            gap_start = len(body)  # the first item's bound (近22万个) is not this count's
        if verb is None:
            return None
        indicators = wording.indicators
        flow_verb = re.match(FLOW_VERBS, verb.group(0))
        if flow_verb:
            flow = flow_verb.group(0) + wording.text
            named = self.catalogue.find(flow)
            if not named or (named[0].start, named[0].end) != (0, len(flow)) or named[0].indicators == indicators:
                return None
            indicators = named[0].indicators
        offset = wording.start - len(before)
        # Only the verb's own words bound the count (超10万人,其中有65091人取得……: not 超).
        found = self._value_at(text, offset + count.start("value"), indicators,
                               preceding[verb.start() if gap_start is None else gap_start :])
        if isinstance(found, ValueMention) and found.end == offset + count.end("unit"):
            return found
        return None

    # -- years and kinds ------------------------------------------------------------
    def _year_and_kind(self, sentence: str, sentence_start: int, value: ValueMention,
                       near: list[TimeExpression]) -> tuple[int, str, bool] | None:
        """(year, kind, whether the year is stated) of a value, or None when no year can be decided."""
        frame = self.frame
        explicit = near[-1] if near else None
        if explicit is None:
            prefix = sentence[: value.start - sentence_start]
            if frame.relative_origin is None and ends_with_relative(prefix) and not DATE_OPENING.match(sentence):
                # 由2008年底的22703张……增加到目前的46266张: 目前 of an undated text is no year,
                # and the year before it is not this value's, unless it is the date the
                # sentence opens with (2024年12月31日,记者……获悉,截至目前).
                return None
            earlier = [t for t in frame.times(prefix)
                       if not COMPARISON.search(sentence[max(0, t.start - 1) : t.end])]
            # 去年全省……达到60.5%。其中,合肥市、芜湖市……均超过70%: a part speaks of its total's year.
            part_time = self.previous_time if PART_SENTENCE.match(sentence) else None
            # 到2025年,……。现有持证社工5000人: the present the goals start from, not the goal year's.
            topic = None if self.topic_goal and self._states_the_present(sentence) else self.topic_year
            explicit = earlier[-1] if earlier else (self.list_goal or part_time or topic)
            if explicit is not None and explicit is self.list_goal and self.list_result:
                return explicit.year, "actual", True  # 截至2012年底,……;……: results of that year
        if explicit is None and (dated := self.sections.dated_at(value.start)):
            section, year = dated  # 二、2020年工作计划 …… 全区养老床位达到3600张
            return year, "actual" if section == REVIEW else "target", True
        if explicit is not None and TARGET_AFTER.match(sentence, value.end - sentence_start):
            return explicit.year, "target", True
        if frame.kind.figures == "actual":
            year = explicit.year if explicit else frame.now_year
            return (year, "actual", explicit is not None) if year else None
        if (explicit is not None and explicit is self.topic_year and self.topic_goal
                and not ACTUAL_CUES.search(sentence)):
            return explicit.year, "target", True
        if explicit is not None:
            return explicit.year, self._kind_of(explicit.year, sentence), True
        if frame.kind.sections:
            section = self.sections.at(value.start)
            if section == REVIEW and frame.base_year is not None:
                return frame.base_year, "actual", True
            if section == TARGETS and frame.target_year is not None and not self._states_the_present(sentence):
                return frame.target_year, "target", True
            if section == OUTLOOK:
                return None
        goal = GOAL_CUES.search(sentence) is not None
        result = ACTUAL_CUES.search(sentence) is not None
        for rule in frame.kind.untimed:
            if rule == "result" and result and frame.now_year is not None:
                return frame.now_year, "actual", False
            if rule == "period_end" and frame.target_year is not None and not value.measured:
                return frame.target_year, "target", True
            if rule == "present" and not goal and frame.now_year is not None:
                return frame.now_year, "actual", False
        return None

    @staticmethod
    def _states_the_present(sentence: str) -> bool:
        """Whether a sentence under a goal (a goal year opening its paragraph, a targets section) states
        the present instead (现有持证社工5000人: the baseline the goals start from)."""
        return PRESENT_STATE.search(sentence) is not None and GOAL_CUES.search(sentence) is None

    def _period_looked_back(self, sentence: str, sentence_start: int) -> TimeExpression | None:
        """The period topic that ended, carried on when `sentence` looks back over as many years."""
        topic = self.topic_year
        lookback = PERIOD_LOOKBACK.match(sentence)
        if topic is None or topic.period_start is None or lookback is None:
            return None
        if parse_number(lookback.group("years")) != topic.year - topic.period_start + 1:
            return None
        return replace(topic, start=sentence_start, end=sentence_start + lookback.end())

    def _kind_of(self, year: int, sentence: str) -> str:
        """Actual or target for a figure of a known year, by the kind's rule."""
        frame = self.frame
        # 截至2023年……已达93.1万 states a result of that year, whatever year the text's
        # present was guessed to be from its opening or its kind.
        stated = RESULT_AT.search(sentence)
        if stated and int(stated.group("year")) == year:
            return "actual"
        if PLAN_STATES.search(sentence) and not ACTUAL_CUES.search(sentence):
            return "target"
        if frame.kind.figures == "by_base_year" and frame.base_year is not None:
            return "target" if year > frame.base_year else "actual"
        now = frame.now_year
        if now is not None and year != now:
            return "target" if year > now else "actual"
        if self.series_kind == "actual" and now is not None and year <= now:
            return "actual"
        if not TARGET_CUES.search(sentence) or ACTUAL_CUES.search(sentence):
            return "actual"
        return "actual" if PAST_TENSE.search(sentence) and not re.search(FIRM_GOAL_CUES, sentence) else "target"

    # -- sentences -------------------------------------------------------------------
    def read(self, text: str, excluded: list[tuple[int, int]], notes: list[str]) -> list[ProseFigure]:
        """Figures of every sentence outside the excluded spans (tables, read on their own)."""
        figures: list[ProseFigure] = []
        carried: WordingMatch | None = None
        spans = sorted(excluded)
        span_starts = [a for a, _ in spans]
        self.list_goal, self.list_result = None, False
        self.topic_year, self.topic_goal = None, False
        self.previous_time = None  # the last time the sentence before states, not in a comparison
        topic_reach = -1
        series_kind = None
        before = ""
        for sentence_match in SENTENCE.finditer(text):
            # What a sentence carries over holds for the very next sentence only.
            previous, carried = carried, None
            sentence = sentence_match.group(0)
            # Most sentences state no number; they cannot be a series of values either.
            first = NUMBER_CHARACTER.search(sentence)
            if previous is None and first is not None and BARE_SERIES.match(sentence):
                named = self.catalogue.find(before)
                if named:
                    previous = WordingMatch(0, 0, named[-1].text, named[-1].indicators)
            before = sentence
            sentence_start = sentence_match.start()
            if self.topic_year is not None and (
                    sentence_start > topic_reach or "\n" in text[self.topic_year.end : sentence_start]):
                self.topic_year, self.topic_goal = self._period_looked_back(sentence, sentence_start), False
                if self.topic_year is not None:
                    topic_reach = sentence_start + TOPIC_REACH
            topic = TOPIC_YEAR.match(sentence) if holds_any(TOPIC_WORD, sentence) else None
            if topic:
                opening = self.frame.times(topic.group("year"))
                if opening:
                    # Held by its place in the text, so that a line break ends it.
                    self.topic_year = replace(opening[0], start=sentence_start, end=sentence_start + topic.end())
                    # 到“十二五”末,全市基本建立……。全市养老机构床位数达到……40张以上: a goal's year opens the paragraph.
                    self.topic_goal = topic.group("year").startswith(("到", "至"))
                    topic_reach = sentence_start + TOPIC_REACH
            # 到2020年,A达到X;B达到Y;C达到Z。: the goal year opening a list split by semicolons
            # holds for each item of the list, up to its full stop.
            goes_on = sentence.rstrip().endswith((";", "；"))
            opening_goal = goes_on and LIST_GOAL.search(sentence)  # used only when the sentence goes on
            if opening_goal and self.list_goal is None:
                pending_goal = TimeExpression(0, 0, int(opening_goal.group("year") or opening_goal.group("statistics")))
                pending_result = opening_goal.group("year") is None or opening_goal.group("result") is not None
            else:
                pending_goal = self.list_goal if goes_on else None
                pending_result = self.list_result
            if first is None or not DIGIT.search(sentence, first.start()):
                self.previous_time = None
                continue
            start, end = sentence_match.start(), sentence_match.end()
            # The last span starting before the sentence ends: does it reach into the sentence?
            index = bisect.bisect_left(span_starts, end) - 1
            if index >= 0 and spans[index][1] > start:
                cut = spans[index][0]
                while index > 0 and spans[index - 1][1] > start:
                    index -= 1
                    cut = spans[index][0]
                sentence = text[start : max(start, cut)]
                if not sentence:
                    continue
            # A series of results goes on as results up to the text's present (…;2022年达到93.1万,新增19.4万).
            self.series_kind = series_kind if previous is not None else None
            found = self._read_sentence(text, sentence, start, notes, previous)
            figures.extend(found)
            stated = [t for t in self.frame.times(sentence)
                      if not COMPARISON.search(sentence[max(0, t.start - 1) : t.end])]
            if stated or not PART_SENTENCE.match(sentence):
                self.previous_time = stated[-1] if stated else None
            self.list_goal, self.list_result = pending_goal, pending_result
            # A series split by semicolons (2012年总量只有32万家;2013年达到39万家;): the next
            # sentence, if it opens with its year and names nothing, goes on with this indicator.
            if found and sentence.rstrip().endswith((";", "；")):
                last = found[-1]
                carried = WordingMatch(0, 0, last.wording, (last.indicator,))
                series_kind = last.kind
        return figures

    def _read_sentence(self, text: str, sentence: str, start: int, notes: list[str],
                       carried: WordingMatch | None = None) -> list[ProseFigure]:
        # The earlier items of a list split by semicolons may hold a bare wording's context.
        # Only text that ends with a semicolon can match, and the regex is slow to fail.
        earlier_items = (EARLIER_ITEMS.search(text, max(0, start - CONTEXT_WINDOW), start)
                         if follows_semicolon(text, start) else None)
        # Built directly (every field of WordingMatch): dataclasses.replace costs several times as much.
        wordings = [WordingMatch(m.start + start, m.end + start, m.text, m.indicators, m.by_context)
                    for m in self.catalogue.find(sentence, earlier_items.group(0) if earlier_items else "")]
        if not wordings:
            wordings = self._anaphor(text, sentence, start)
        if not wordings and carried is not None:
            opening = SERIES_OPENING.match(sentence)
            if opening:
                wordings = [WordingMatch(start + opening.start("time"), start + opening.start("time"),
                                         carried.text, carried.indicators)]
        if not wordings:
            return []
        end_of_sentence = start + len(sentence)
        estimate = ESTIMATE.search(sentence)
        found: list[ProseFigure] = []
        respective = self._respective(text, wordings, start, end_of_sentence)
        subunit = SUBUNIT_SUBJECT.match(sentence)
        if subunit:
            notes.append(f"'{subunit.group(0)}': a figure of a street, town or village, not of a coded region")
            return []
        for index, wording in enumerate(wordings):
            followed = index + 1 < len(wordings)
            limit = wordings[index + 1].start if followed else end_of_sentence
            rate = self._rate_around_count(text, sentence, start, wording)
            if rate is not None:
                mentions = [(rate, [])]
            elif self._names_a_part(sentence, start, wording, notes) or self._not_a_regions_figure(
                    sentence, start, wording, notes):
                continue
            elif index in respective:
                mentions = respective[index]
            else:
                mentions = self._values_of(text, wording, limit, start, followed)
            if not mentions and followed and re.match(FLOW_VERBS, wordings[index + 1].text):
                mentions = self._total_after_flow(text, wording, wordings[index + 1],
                                                  wordings[index + 2].start if index + 2 < len(wordings)
                                                  else end_of_sentence)
            for mention, times in mentions:
                if (not times and ROW_CELLS_BETWEEN.fullmatch(text, wording.end, mention.start)
                        and NEXT_CELL.match(text, mention.end)):
                    # 养老机构护理型床位占比\t68%\t73% with no header that names its columns' years: a
                    # table's row, whose cells no sentence dates.
                    notes.append(f"'{wording.text}' {mention.value}: a cell of a table row whose columns "
                                 "are not known, not taken")
                    continue
                scope = SCOPE_NOTE_AFTER.match(text, mention.end) or EXCLUSION_NOTE.search(
                    text, start, mention.start)
                if scope:
                    # 全市共有社会组织4836个(含备案); 共有养老服务机构119处(不含农村敬老院),床位总量达10744张:
                    # a count of another scope than the indicator's, left for a person to judge.
                    notes.append(f"'{wording.text}' {mention.value}: its scope is qualified "
                                 f"('{scope.group(0)}'), not taken")
                    continue
                if (NATIONAL_STANDARD_AFTER.match(text, mention.end)
                        and NATIONAL_STANDARD_BEFORE.search(text, start, wording.start)):
                    notes.append(f"'{wording.text}' {mention.value}: the nation's standard or goal the text "
                                 "quotes, not its region's figure; not taken")
                    continue
                decided = self._year_and_kind(sentence, start, mention, times)
                if decided is None:
                    notes.append(f"'{wording.text}' {mention.value}: no year could be decided for it, not taken")
                    continue
                year, kind, dated = decided
                if kind == "actual" and self.frame.kind.figures != "actual" and self._set_as_goal(
                        text, start, wording, mention):
                    kind = "target"
                named_goal = TARGET_AFTER.match(text, mention.end) is not None  # 实现了……的规划目标
                if (estimate and estimate.start() + start < mention.start and not named_goal
                        and not self._is_over(year, kind)):
                    notes.append(f"'{wording.text}' {mention.value}: an estimate or forecast "
                                 f"('{estimate.group(0)}'), not taken")
                    continue
                indicator = mention.indicator
                if indicator.stock_of and indicator.stock_cues.search(sentence):
                    indicator = self.catalogue.indicators[indicator.stock_of]
                total = next((f for f in found if f.indicator == indicator and f.year == year), None)
                listed = total and PARTS_LISTED.search(text, total.start, wording.start)
                if listed and not PLACE_NAMED.search(text, listed.end(), wording.start):
                    # 全市登记社会组织8122个,包括……,其中行业协会351个,……资格的社会组织89个: an item
                    # listed after the total of the same sentence is one of its parts.
                    notes.append(f"'{wording.text}' {mention.value}: listed after the total "
                                 f"({listed.group(0)}), a part; not taken")
                    continue
                found.append(ProseFigure(
                    indicator=indicator, wording=wording.text, year=year, kind=kind,
                    value=mention.value, value_high=mention.value_high,
                    comparator=mention.comparator or "=",
                    quote=quote_around(sentence, wording.start - start, mention.end - start), start=mention.start,
                    wording_start=wording.start, sentence_start=start, dated=dated,
                ))
        return found

    def _rate_around_count(self, text: str, sentence: str, start: int, wording: WordingMatch) -> ValueMention | None:
        """The value of a rate whose count stands inside it (每千名老年人拥有30张养老床位): the rate's
        words with the count's wording (每千名老年人拥有养老床位) must name a rate of the catalogue."""
        lead = sentence[: wording.start - start]
        lead = lead[_clause_start(lead) :]
        per = PER_CAPITA.search(lead)
        count = COUNT_INSIDE_RATE.search(lead)
        if per is None or count is None or count.start() <= per.start():
            return None
        phrase = lead[per.start() : count.start()] + wording.text
        named = self.catalogue.find(phrase)
        if not named or (named[0].start, named[0].end) != (0, len(phrase)):
            return None
        position = wording.start - len(lead) + count.start("value")
        found = self._value_at(text, position, named[0].indicators, lead[per.start() : count.start()])
        return found if isinstance(found, ValueMention) else None

    def _total_after_flow(self, text: str, wording: WordingMatch, flow: WordingMatch,
                          limit: int) -> list[tuple[ValueMention, list[TimeExpression]]]:
        """The stock a clause states right after the flow of the same thing (养老床位保持逐年增长,
        新增床位数1.4万张,总数达到8万张): 总数 is the total of `wording`."""
        total = TOTAL_AFTER_FLOW.search(text, flow.end, limit)
        if total is None or not VALUE_THEN_BREAK.fullmatch(text, flow.end, total.start()):
            return []
        found = self._value_at(text, total.end(), wording.indicators, total.group(0))
        return [(found, [])] if isinstance(found, ValueMention) else []

    def _respective(self, text: str, wordings: list[WordingMatch], sentence_start: int,
                    end_of_sentence: int) -> dict[int, list[tuple[ValueMention, list[TimeExpression]]]]:
        """Wordings listed together and their values after 分别 (A和B分别达到X和Y), paired in order;
        or years listed together and one wording's values (2018年和2019年,……分别达到43.9万人和53.1万人).

        Index of each listed wording -> its values with their times; an empty list for every
        wording of a list whose values are fewer or do not fit, so that none takes another's number.
        """
        paired: dict[int, list[tuple[ValueMention, list[TimeExpression]]]] = {}
        index = 0
        while index < len(wordings):
            group = [index]
            while (group[-1] + 1 < len(wordings)
                   and WORDING_JOIN.fullmatch(text, wordings[group[-1]].end, wordings[group[-1] + 1].start)):
                group.append(group[-1] + 1)
            index = group[-1] + 1
            respectively = RESPECTIVELY.match(text, wordings[group[-1]].end)
            if respectively is None:
                continue
            if len(group) < 2:
                # 从事社会工作服务的工作者和持证社工分别达12000人和1021人: the wording closes a list
                # of names the catalogue does not know, and takes the last of as many values.
                wording = wordings[group[0]]
                names = LIST_BEFORE.search(text, max(0, wording.start - 24), wording.start)
                if names:
                    last = self._last_of_list(text, wording, names, respectively.end(), end_of_sentence)
                    paired[group[0]] = [last] if last else []
                elif years := self._years_listed(text, sentence_start, wording.start):
                    values = self._listed_values(text, wording, respectively.end(), end_of_sentence)
                    paired[group[0]] = ([(value, [year]) for (value, _), year in zip(values, years, strict=True)]
                                        if len(values) == len(years) else [])
                continue
            values: list[tuple[ValueMention, list[TimeExpression]]] = []
            scanned = self._scan(text, respectively.end(), end_of_sentence, wordings[group[0]].indicators)
            if scanned is not None:
                values.append(scanned[:2])
                for member in group[1:]:
                    join = VALUE_JOIN.match(text, values[-1][0].end)
                    found = join and self._value_at(text, join.end(), wordings[member].indicators, "")
                    if not isinstance(found, ValueMention):
                        break
                    values.append((found, values[0][1]))
            complete = len(values) == len(group)
            paired.update({member: [values[i]] if complete else [] for i, member in enumerate(group)})
        return paired

    @staticmethod
    def _set_as_goal(text: str, sentence_start: int, wording: WordingMatch, mention: ValueMention) -> bool:
        """Whether a goal verb sets the value: its own (每千名老年人拥有养老床位将达到35张), or the one
        of the goal year or period it stands under (到2016年,全市养老床位将达到7.6万张,平均千名老人32张;
        “十三五”期间将提高到35张以上,其中,护理型床位比例为30%以上)."""
        if GOAL_VERB.search(text, wording.end, mention.start):
            return True
        goals = list(GOAL_YEAR_OPENING.finditer(text, sentence_start, wording.start))
        return bool(goals) and GOAL_VERB.search(text, goals[-1].end(), mention.start) is not None \
            and "已" not in text[goals[-1].end() : mention.start]

    def _last_of_list(self, text: str, wording: WordingMatch, names: re.Match, position: int,
                      end_of_sentence: int) -> tuple[ValueMention, list[TimeExpression]] | None:
        """The value of a wording that closes a list of `names` (A和B分别…): the last of as many
        values as names, or None when the values do not match the names."""
        count = len(VALUE_JOIN.findall(names.group(0))) + 1
        values = self._listed_values(text, wording, position, end_of_sentence)
        return values[-1] if len(values) == count else None

    def _listed_values(self, text: str, wording: WordingMatch, position: int,
                       end_of_sentence: int) -> list[tuple[ValueMention, list[TimeExpression]]]:
        """The values of `wording` listed from `position` on (9561、15934、5990人; 1200人和1500人)."""
        scanned = self._scan(text, position, end_of_sentence, wording.indicators)
        if scanned is None:
            return []
        values = [scanned[:2]]
        while True:
            join = VALUE_JOIN.match(text, values[-1][0].end)
            found = join and self._value_at(text, join.end(), wording.indicators, "")
            if not isinstance(found, ValueMention):
                break
            values.append((found, values[0][1]))
        return values

    def _years_listed(self, text: str, sentence_start: int, position: int) -> list[TimeExpression]:
        """The years listed together last before `position` in its sentence (2018年和2019年,
        2019年、2020年), each a year of its own; empty when the sentence lists no two years."""
        times = self.frame.times(text[sentence_start:position])
        listed = times[-1:]
        for earlier in reversed(times[:-1]):
            if not WORDING_JOIN.fullmatch(text, sentence_start + earlier.end, sentence_start + listed[0].start):
                break
            listed.insert(0, earlier)
        if len(listed) < 2 or any(time.period_start is not None for time in listed):
            return []
        return [replace(time, start=time.start + sentence_start, end=time.end + sentence_start) for time in listed]

    def _is_over(self, year: int, kind: str) -> bool:
        """True for an actual of a year that had ended when the document was published.

        预计达到 of such a year is the preliminary result (a January report on the
        year before); of a later year it is a forecast.
        """
        reference = self.frame.reference_year
        return kind == "actual" and reference is not None and year < reference

    def _anaphor(self, text: str, sentence: str, start: int) -> list[WordingMatch]:
        """这一指标 standing for the last indicator the text named before the sentence; a bare total
        (总数, 持证总人数) standing for the headline indicator the sentence before ends with."""
        lookback = text[max(0, start - ANAPHOR_LOOKBACK) : start]
        anaphor, total = ANAPHOR.search(sentence), None
        if anaphor is None:
            anaphor = total = ELLIPTIC_TOTAL.search(sentence)
            if total is None:
                return []
            # Only the sentence just before, and only a headline indicator: a bare total after
            # 社会团体500家 is the parts' sum or another count, never taken on a guess.
            closed = lookback.rstrip()
            lookback = lookback[closed.rfind("。", 0, len(closed) - 1) + 1 :]
        named = self.catalogue.find(lookback)
        if not named or (total and not all(indicator.headline for indicator in named[-1].indicators)):
            return []
        last = named[-1]
        return [WordingMatch(start + anaphor.start(), start + anaphor.end(), last.text, last.indicators)]

    def _names_a_part(self, sentence: str, start: int, wording: WordingMatch, notes: list[str]) -> bool:
        """A count wording that names a part (其中民办养老床位) or a flow (增加各类养老床位): not the total."""
        if not all(indicator.unit.integer for indicator in wording.indicators):
            return False
        lead = sentence[: wording.start - start]
        lead = lead[_clause_start(lead) :]
        part = PART_OF.search(sentence[: wording.start - start])
        if part and not SCOPE_ONLY.fullmatch(part.group("qualifier")):
            notes.append(f"'{part.group('qualifier')}{wording.text}': a part of the total (其中), not taken")
            return True
        # 其中 right before the bare wording names its own part (拥有社工人才2450人,其中,
        # 持有国家职业资格证书人员达739人).
        if (wording.by_context and re.search(r"其中(?![,，:：]?\s*$)", sentence[: wording.start - start])
                and not INSTITUTIONS_AMONG_FACILITIES.search(sentence[: wording.start - start])):
            # 共有养老机构80家,其中公办养老机构20家,床位8000张: the bare 床位 is the part's.
            notes.append(f"'{wording.text}' after 其中 names the part's, not the total; not taken")
            return True
        opening = PART_SENTENCE.match(sentence[: wording.start - start])
        # 其中,2016年至2022年间,持证社会工作者数量从……: a span of years, not a part, follows 其中.
        subject = "".join(HAN.findall(SPAN_OF_YEARS.sub("", opening.group("subject")))) if opening else ""
        if subject and not SCOPE_ONLY.fullmatch(subject):
            # 其中,注册登记的养老机构4.1万个,……,床位518.3万张: the whole sentence is a part.
            notes.append(f"'{wording.text}' in a sentence about a part of the total (其中……), not taken")
            return True
        owners = OWNERS_INSTITUTIONS_BEFORE.search(sentence[: wording.start - start])
        if owners and any(indicator.unit.code == "beds" for indicator in wording.indicators):
            notes.append(f"'{owners.group(0)}{wording.text}': the beds of one owner's institutions, a part; not taken")
            return True
        counted = COUNTED_INSTITUTIONS_LEAD.match(lead)
        if counted and any(indicator.unit.code == "beds" for indicator in wording.indicators):
            notes.append(f"'{lead.strip()}{wording.text}': the beds of the institutions just counted, "
                         "a part; not taken")
            return True
        attribute = AGE_QUALIFIER.search(lead) or FILED_OR_TAKING_PART.search(lead)
        if attribute:
            notes.append(f"'{attribute.group(0)}{wording.text}': a part of the total, not taken")
            return True
        flow = FLOW_LEAD.search(lead) or (COUNT_NEXT.match(sentence, wording.end - start)
                                          and not re.match(FLOW_VERBS, wording.text)
                                          and FLOW_OVER_LIST.search(sentence[: wording.start - start]))
        if flow:
            notes.append(f"'{flow.group(0)}{wording.text}': a flow (beds or units added), not the stock; not taken")
            return True
        return False

    @staticmethod
    def _not_a_regions_figure(sentence: str, start: int, wording: WordingMatch, notes: list[str]) -> bool:
        """A wording whose clause makes its value no region's figure: a count of regions past a
        mark (19个地区床位数超过10万张), or a count inside a rate the catalogue does not word
        (每万名城镇常住人口拥有社会组织数: the value is the rate's)."""
        before = sentence[: wording.start - start]
        for indicator in wording.indicators:
            scope = list(indicator.scope_nouns.finditer(before)) if indicator.scope_nouns else []
            # 对公墓……进行了专项整治,其中厦门、泉州、福州市节地生态安葬率均达90%以上: the cities', after the cemeteries.
            if scope and not (AREA_WORD.search(before, scope[-1].end()) or PLACE_LIST.search(before, scope[-1].end())):
                # 要求新建城镇公益性公墓墓区绿化覆盖率不低于50%、节地生态安葬率达到100%: the cemeteries'.
                notes.append(f"'{wording.text}' of {scope[-1].group(0)}, not of a region; not taken")
                return True
        each = EACH_REGION.search(before)
        if each:
            # 到2025年,平均每个设区市……,养老机构护理型床位在55%以上: a norm for each city, no one region's figure.
            notes.append(f"'{wording.text}' of {each.group(0)}, a norm for each region, not one region's figure; "
                         "not taken")
            return True
        lead = before[_clause_start(before) :]
        regions = REGION_COUNT.search(lead)
        if regions:
            # 19个地区床位数超过10万张: how many regions pass a mark, no region's figure.
            notes.append(f"'{regions.group(0)}{wording.text}': a count of regions past a mark, not a figure")
            return True
        rate = PER_CAPITA.search(lead)
        if rate is None or not all(indicator.unit.integer for indicator in wording.indicators):
            return False
        notes.append(f"'{lead[rate.start():]}{wording.text}': a rate per head, not a count; not taken")
        return True

    def _from_to_years(self, before: str) -> tuple[int | None, int] | None:
        """The years of a from-to pair stated without years (从1.3万家发展到1.7万家).

        A year range earlier in the sentence (2008年到2018年) gives them; otherwise a
        review of results spans the period its kind reviews (five years in a five-year
        plan, one year in an annual plan or bulletin), ending with the last year of results.
        """
        span = YEAR_RANGE.search(before)
        if span:
            return int(span.group(1)), int(span.group(2))
        stated = self.frame.times(before)
        if stated and stated[-1].period_start is not None:
            # “十三五”期间,节地生态安葬率由29.41%增长到53.2%: the pair spans the period.
            return stated[-1].period_start - 1, stated[-1].year
        if stated:
            # 截至2018年底,每千名老年人拥有养老床位由31张提高到33张: the pair ends then; when it
            # began is not said.
            return None, stated[-1].year
        end = self.frame.base_year
        if end is None:
            return None
        if self.frame.kind.review_span is None:
            return None, end
        return end - self.frame.kind.review_span, end

    def _end_of_from_to(self, sentence: str, position: int) -> int | None:
        """The year of the second value of a from-to pair whose first value alone states its year.

        A goal (将, 到2025年, a plan's targets) ends at the end of the document's period; a
        result (已, 目前, a bulletin) at the last year of results (a news report's present, a
        plan's base year). A bare 提高到 says neither: no year, unless the paragraph opened with
        its year (2023年,……护理型床位由2022年的41%提升到63.2%).
        """
        if self.topic_year is not None:
            return self.topic_year.year
        dated = RESULT_DATE.search(sentence)
        if dated:
            # 截至2024年底,……护理型床位占比从2020年的48%提高到65.7%: the pair ends at the sentence's date.
            return int(dated.group("year"))
        if re.search(FIRM_GOAL_CUES, sentence) or (
                self.frame.kind.sections and self.sections.at(position) == TARGETS):
            return self.frame.target_year
        if ACTUAL_CUES.search(sentence) or self.frame.kind.figures == "actual":
            return self.frame.base_year
        return None

    def _values_of(self, text: str, wording: WordingMatch, limit: int, sentence_start: int,
                   followed: bool) -> list[tuple[ValueMention, list[TimeExpression]]]:
        """The value(s) a wording states: one, a from-to pair, or a series of years."""
        scanned = self._scan(text, wording.end, limit, wording.indicators)
        if scanned and followed and re.fullmatch(r"的?", text[scanned[0].end : limit]):
            # "、1232家助餐服务场所": a count written before the next wording is that wording's.
            scanned = None
        # 新建2000张家庭养老床位、200个农村邻里互助养老服务点: a count after the list's mark is the next
        # item's. 其中有7992人获得了各类社工资格证书,2140人完成了注册登记: the count after the comma did
        # something else. In both, and when none follows, the wording's count is the one before it.
        if scanned is None or scanned[2].strip() in ("、", "和") or (
                re.search(r"[,，;；]", scanned[2]) and ANOTHER_PREDICATE.match(text, scanned[0].end)):
            before = self._value_before(text, wording, sentence_start)
            return [(before, [])] if before else []
        first, times, gap = scanned
        if not re.search(r"[,，;；]", gap) and ANOTHER_PREDICATE.match(text, first.end):
            # 目前35家社会组织已有8家完成了年检: the count of those that did something, not of all.
            return []
        results = [(first, times)]
        compared = COMPARISON.search(gap)
        if compared and CHANGE_ON_THE_WAY.search(gap, compared.end()):
            # 养老床位较2015年增加2万张,达到6.5万张: the value after the change is not the compared year's.
            return [(first, [t for t in times if t.start != wording.end + compared.end()])]
        if compared:
            # 比2012年底的416.5万张: the value of the compared year; what follows is a change.
            return results if times else []
        after_first = FROM_TO.match(text, first.end)
        if after_first and re.search(r"从|由", gap):
            second = self._scan(text, after_first.end(), limit, (first.indicator,))
            if second:
                later, later_times, _ = second
                if not times and not later_times:
                    span = self._from_to_years(text[sentence_start : wording.start])
                    if span is None:
                        return []
                    later_times = [TimeExpression(later.start, later.start, span[1])]
                    if span[0] is None:
                        return [(later, later_times)]
                    times = [TimeExpression(first.start, first.start, span[0])]
                elif times and not later_times:
                    # 由2018年的1000人增加到3000人: the year of the first value is not the second's.
                    end = self._end_of_from_to(text[sentence_start:limit], later.start)
                    if end is None or end <= times[-1].year:
                        return results
                    later_times = [TimeExpression(later.start, later.start, end)]
                return [(first, times), (later, later_times)]
        position = first.end
        while True:  # a series: 2022年达到90%,2025年达到95%
            following = self._scan(text, position, limit, (first.indicator,), require_time=True)
            if following is None:
                return results
            mention, mention_times, _ = following
            if ANOTHER_PREDICATE.match(text, mention.end):
                return results  # 持证社工5731名 今年4948人参加社工考试: the later count sat an exam
            results.append((mention, mention_times))
            position = mention.end


def quote_around(sentence: str, start: int, end: int, limit: int = 200) -> str:
    """The sentence, or the part of it around [start, end) that fits in `limit` characters."""
    sentence = sentence.strip()
    if len(sentence) <= limit:
        return sentence
    spare = max(0, limit - (end - start))
    left = max(0, start - spare // 2)
    right = min(len(sentence), left + limit)
    left = max(0, right - limit)
    return sentence[left:right]
