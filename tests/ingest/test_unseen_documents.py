"""How news, bulletins, policies and reports give years, regions and wordings.

Each case is a sentence (or the head of a page) from a real document of the
development corpus (corpus/dev, sources in its SOURCES.md); the expected figure
is what the document says, read by hand.
"""

from __future__ import annotations

from decimal import Decimal as D

from ingest.catalogue import default_catalogue
from ingest.extract import extract_text
from ingest.numbers import find_time_expressions
from ingest.records import DocumentMetadata
from minzheng.paths import CORPUS_DIR

CORPUS_DOCS = CORPUS_DIR / "dev" / "docs"


def records(text: str):
    result = extract_text(text, DocumentMetadata("t.txt", "", len(text), "utf-8"))
    return result


def facts(text: str) -> set[tuple]:
    return {(r.region_code, r.indicator, r.year, r.kind, r.value, r.comparator) for r in records(text).records}


# -- the year of news: 目前, 去年, 截至目前 count from the dateline or the page's date -------------

def test_present_of_a_news_report_is_its_publication_year():
    # 泉州晚报 2023-03-23 (a12): 目前 is 2023, not the year before.
    text = ("泉州晚报 2023-03-23\n本报讯 22日,全市2023年社会工作主题宣传活动启动仪式在德化举行。"
            "近年来,泉州市民政局把社会工作作为重要渠道。目前,全市有持证社会工作者6555人,社会工作服务机构81家。")
    assert ("350500", "certified_social_workers", 2023, "actual", D(6555), "=") in facts(text)


def test_an_undated_report_takes_the_year_its_opening_names():
    # The same report without its date line: the opening names 2023.
    text = ("本报讯 22日,全市2023年社会工作主题宣传活动启动仪式在德化举行。泉州市民政局介绍,"
            "目前,全市有持证社会工作者6555人。")
    assert ("350500", "certified_social_workers", 2023, "actual", D(6555), "=") in facts(text)


def test_last_year_counts_from_the_page_date():
    # 人民网 interview, 日期:2010-09-25 (a15): 去年年底 is the end of 2009; the text speaks for the country.
    text = ("我国养老机构总床位数266万\n日期:2010-09-25 来源:人民网\n"
            "全国老龄办副主任吴玉韶做客人民网。吴玉韶说,到去年年底,养老机构的总床位数是266万张。")
    assert facts(text) == {("100000", "elderly_care_beds", 2009, "actual", D(2660000), "=")}


def test_day_first_page_date():
    # 长沙 news dated 30.08.2017 (a13); counts in Chinese numerals, 近 is about.
    text = ("长沙市第二届“三社联动”社区服务供需对接会举行\n30.08.2017  13:23\n"
            "市民政局介绍,目前全市登记注册的社会组织近五千家,全市持证社工近四千人。")
    assert facts(text) == {("430100", "social_orgs", 2017, "actual", D(5000), "~"),
                           ("430100", "certified_social_workers", 2017, "actual", D(4000), "~")}


def test_a_headline_repeating_the_body_without_its_year_is_one_fact():
    # 金羊网 2022-01-14 (a03): the headline has no year, the body says 截至2021年底.
    text = ("广州市登记社会组织达8030个\n2022-01-14\n"
            "截至2021年底,广州市登记社会组织达8030个,其中社会团体3467个。")
    assert facts(text) == {("440100", "social_orgs", 2021, "actual", D(8030), "=")}


def test_a_preliminary_result_of_a_year_over_is_an_actual():
    # 农民日报 2016-01-26 on the 民政部 press conference (b05): 预计 of 2015 in January 2016.
    text = ("2016-01-26 来源:农民日报\n民政部举行新闻发布会。“十二五”时期,我国养老服务体系建设取得显著成效,"
            "预计到2015年底,每千名老年人拥有养老服务床位数达到30.3张。")
    assert ("100000", "elderly_care_beds_per_1k_elderly", 2015, "actual", D("30.3"), "=") in facts(text)


def test_a_forecast_is_not_a_figure():
    # The same conference on the future: 预计 of a year to come is neither result nor target.
    text = ("2016-01-26 来源:农民日报\n民政部举行新闻发布会。预计到2020年,全国养老床位总数达到900万张。")
    assert facts(text) == set()


# -- regions: who a text speaks for ---------------------------------------------------------------

def test_a_national_plan_reported_from_beijing_is_national():
    # 經濟通 2026-03-09 (b17): 北京专电 names where the report was filed.
    text = ("2026-03-09\n北京專電》國家發改委社會發展司司長在國新辦吹風會上表示,「十五五」規劃綱要草案提出,"
            "發展社區嵌入式養老服務,養老機構護理型床位佔比達到73%。")
    assert facts(text) == {("100000", "nursing_bed_share", 2030, "target", D(73), "=")}


def test_a_provincial_text_with_a_variant_character_keeps_its_province():
    # 各界导报 2021-04-01 (b06): 陜 is a variant OpenCC leaves; 经营性公墓节地生态安葬比例 is a share
    # within commercial cemeteries, not the province's eco-burial rate.
    result = records("我省鼓励引导群众清明文明低碳祭扫\n2021-04-01\n省民政厅制定了《陜西省殡葬事业发展“十四五”规划》。"
                     "“十四五”期间,经营性公墓节地生态安葬比例不低于80%。")
    assert result.metadata.region_code == "610000"
    assert not [r for r in result.records if r.indicator == "eco_burial_rate"]


def test_a_local_text_citing_national_bodies_speaks_for_itself():
    text = ("2020年是决胜全面建成小康社会的关键一年。今年,普陀民政工作将全面落实区委、区政府工作要求,"
            "贯彻民政部、国务院部署,全区新增养老床位600张。上海市民政局。")
    assert records(text).metadata.region_code == "310107"


# -- wordings and what is not the total -----------------------------------------------------------

def test_certificate_holders_are_certified_social_workers():
    # 深圳特区报 2023-03-24 (a02) and 湖北日报 (a07).
    assert ("440300", "certified_social_workers", 2023, "actual", D(36874), "=") in facts(
        "2023-03-24 来源:深圳特区报\n据深圳市社会工作者协会统计,2023年3月,深圳持有社会工作职业水平证书人数达36874人。")
    assert ("420000", "certified_social_workers", 2018, "actual", D(12922), "=") in facts(
        "湖北日报\n截至2018年底,全省有社会工作专业人才30149人,其中,取得全国社会工作者职业水平考试证书的12922人。"
        "湖北省民政厅发布。")


def test_the_indicator_named_in_the_sentence_before():
    # 新华社 on the national 十四五 民政 plan (b03): 这一指标 stands for 护理型床位占比.
    text = ("2021-06-20\n数据里看“十四五”民政事业发展规划\n在“十四五”期间的25项主要指标中,有5项为约束性指标,"
            "到2025年必须达到。其中包括养老机构护理型床位占比。这一指标必须达到或超过55%。我国老龄化程度加深,国务院印发规划。")
    assert ("100000", "nursing_bed_share", 2025, "target", D(55), ">=") in facts(text)


def test_a_qualified_part_is_not_the_total():
    # 楚天都市报 2022-12-28 (b01): 普惠性养老床位 is a part of the 6万 beds.
    text = ("2022-12-28\n方案提出,到2025年,武汉全市养老机构床位总数将达到6万张,其中普惠性养老床位将超过2.1万张,"
            "护理型床位数占养老机构床位比例达到65%以上。")
    found = facts(text)
    assert {f for f in found if f[1] in ("elderly_care_beds", "nursing_bed_share")} == {
        ("420100", "elderly_care_beds", 2025, "target", D(60000), "="),
        ("420100", "nursing_bed_share", 2025, "target", D(65), ">=")}
    assert ("420100", "inclusive_elderly_care_beds", 2025, "target", D(21000), ">=") in found


def test_beds_added_are_not_the_stock():
    # 齐鲁晚报 2013-02-28 (b22): 增加各类基层养老床位2.4万张 is a flow.
    text = ("2013-02-28\n济宁市民政工作会议召开。在养老服务方面,到“十二五”末,增加各类基层养老床位2.4万张,"
            "改造40%以上现有床位。")
    assert not [f for f in facts(text) if f[1] == "elderly_care_beds"]


def test_a_definition_in_brackets_between_wording_and_value():
    # 中国社会报 2022-02-21 on 贵阳's 十四五 funeral plan (b02).
    text = ("2022-02-21 中国社会报\n《贵阳贵安“十四五”殡葬服务体系专项规划》明确“十四五”期间重点完成5项工作指标,"
            "即节地生态安葬率(墓穴占地面积在0.6平方米以下的节地葬式)达到9%。贵阳市民政局。")
    assert ("520100", "eco_burial_rate", 2025, "target", D(9), "=") in facts(text)


def test_a_reported_plan_gives_its_goals_its_end_year():
    # 海南日报 2019-04-05 (b07): the goals of 《……行动计划(2019-2023年)》 without a year are 2023's.
    text = ("时间:2019-04-05 来源:海南日报\n近日,省委办公厅、省政府办公厅联合印发《海南省推行绿色殡葬五年行动计划"
            "(2019-2023年)》。第四阶段将巩固殡葬陋习治理成效,节地生态安葬和文明祭扫成为殡葬活动主流,"
            "节地生态安葬比例达到50%以上。")
    assert facts(text) == {("460000", "eco_burial_rate", 2023, "target", D(50), ">=")}


def test_encoding_noise_ends_a_sentence():
    # The traditional copy of b03: 。“十四五” came through as ?!笆奈濉逼; the noise stands for a
    # full stop, so 这一指标 still finds 护理型床位占比 in the sentence before it.
    text = ("數(shù)據(jù)里看“十四五”民政事業(yè)發(fā)展規(guī)劃\n時間:2021-06-20\n  此外,為貫徹實施積極應(yīng)對人口老齡化國家戰(zhàn)略,"
            "不再保留“每千名老年人擁有養(yǎng)老床位數(shù)”指標,轉(zhuǎn)而設(shè)置“養(yǎng)老機構(gòu)護理型床位占比”指標?!笆奈濉逼陂g,"
            "這一指標必須達到或超過55%。我國老齡化程度加深,國務院印發規劃。")
    assert ("100000", "nursing_bed_share", 2025, "target", D(55), ">=") in facts(text)


def test_a_share_written_in_words_and_named_as_the_goal():
    # 民政部 press conference of 2016 (b05): 千分之三十 is 30 beds per thousand older people, and
    # 实现了……的规划目标 makes it the 十二五 target, though the sentence also says 预计.
    text = ("記者日前從民政部召開的2016年第一季度新聞發佈會上獲悉,“十二五”期間,養老服務床位數預計達到669.8萬張,"
            "每千名老年人擁有養老服務床位數達到30.3張,比2010年底增長了70.3%,實現了養老床位千分之三十的規劃目標。"
            "全國老齡辦。")
    found = facts(text)
    assert ("100000", "elderly_care_beds_per_1k_elderly", 2015, "target", D(30), "=") in found
    assert ("100000", "elderly_care_beds_per_1k_elderly", 2015, "actual", D("30.3"), "=") in found
    assert not [f for f in found if f[1] == "elderly_care_beds_per_1k_elderly" and f[4] == 30 and f[3] == "actual"]


def test_more_than_after_the_number_and_a_page_date_with_its_clock():
    # 民政部 press conference, reposted with 发布时间:2021/11/8 17:08:15 (m01): 截至目前 is 2021,
    # 66万余人 is more than 660,000 certificate holders; 报名人数82.9万 are exam candidates.
    text = ("2021年度社工考试报名近82.9万人\n阅读量:   发布时间:2021/11/8 17:08:15   来源:民政部\n"
            "民政部慈善事业促进和社会工作司副司长陈军在发布会上介绍,今年考试报名人数跃升至82.9万,比上年增长36%。"
            "截至目前,我国取得社会工作者职业水平证书的人员已达到66万余人,开发设置社会工作专业岗位超过44万个。")
    found = {f for f in facts(text) if f[1].startswith("certified")}
    assert found == {("100000", "certified_social_workers", 2021, "actual", D(660000), ">=")}


# -- exam passers, certificate levels, publishers, parts and attributes (corpus/dev c, d, f) -------

def test_passers_counted_up_to_a_date_are_the_certified_social_workers():
    # 0517网 on 世界社工日 (d03): 截至2017年底 … 共869人通过 counts the holders; the text speaks
    # as the city (全市) and names only two of its districts, so the figure is 淮安市's.
    text = ("本报讯 21日,淮阴区公益社工师事务所的社工们在营北社区宣传。当天,清江浦区惠民社会工作服务中心的"
            "社工们走进石塔湖小学。\n据悉,截至2017年底,全市共869人通过全国社会工作者职业水平考试。"
            "目前,全市共有社工行业协会9家。")
    assert ("320800", "certified_social_workers", 2017, "actual", D(869), "=") in facts(text)


def test_a_years_passers_are_not_the_certified_social_workers():
    # The same wording without a cumulative word: one year's passers, a flow.
    text = "舟山市民政局 2024年1月5日\n2023年,全市共有352人通过全国社会工作者职业水平考试。"
    assert not {fact for fact in facts(text) if fact[1] == "certified_social_workers"}


def test_the_two_certificate_levels_named_together_are_the_certified_social_workers():
    # 嘉兴 (d17): 社会工作师和助理社会工作师 are the holders of both levels of the certificate.
    text = "截至2019年底,嘉兴市共有社会工作师和助理社会工作师10611人,总量位列全省第二。"
    assert facts(text) == {("330400", "certified_social_workers", 2019, "actual", D(10611), "=")}


def test_a_publishers_region_is_not_the_subject_but_the_fallback():
    # 北京商报 on the national 老龄事业发展公报 (c07): 全国, not 北京.
    national = ("截至2022年末全国共有各类养老机构和设施38.7万个\n出处:北京商报 2023-12-14\n"
                "北京商报(记者 赵博宇)12月14日,民政部发布公报。截至2022年末,全国共有各类养老机构和设施38.7万个,"
                "养老床位合计829.4万张。")
    assert facts(national) == {("100000", "elderly_care_beds", 2022, "actual", D(8294000), "=")}
    # 北京青年报 (a14): a report that names no region but its paper's is about Beijing.
    local = ("2018-04-08 11:09:11 来源:北京青年报\n北京青年报记者了解到,目前全市33家经营性墓地均有开设生态葬区。"
             "据统计,去年全市节地生态安葬年安葬率已达44%。")
    assert ("110000", "eco_burial_rate", 2017, "actual", D(44), "=") in facts(local)


def test_a_sentence_opening_with_qizhong_states_a_part():
    # c07: 其中,注册登记的养老机构……床位518.3万张 is a part of the 829.4万 total.
    text = ("民政部 2023年12月14日\n截至2022年末,全国养老床位合计829.4万张。\n"
            "其中,注册登记的养老机构4.1万个,比上年增长1.6%,床位518.3万张,比上年增长2.9%;")
    assert facts(text) == {("100000", "elderly_care_beds", 2022, "actual", D(8294000), "=")}


def test_a_number_describing_another_noun_is_not_the_figure():
    # 公益时报 (d21): 社会组织数量超过3万家的只有12个省份 counts provinces, not organisations.
    text = "2021年1月22日\n截至目前,社会组织数量超过3万家的只有12个省份,分别是江苏、广东、浙江。"
    assert not facts(text)


def test_an_undated_rise_without_yi_is_not_the_present():
    # 政府工作报告 2026 on the 纲要草案 (f12): 提高到73% states the plan's goal, not a 2026 result.
    text = "2026年3月5日\n积极应对人口老龄化,养老机构护理型床位占比提高到73%;"
    assert not facts(text)


def test_a_county_that_became_a_district_resolves_to_the_code_in_force():
    # data/reference/region_history.csv: 溧水县 320124 became 溧水区 320117 in 2013, 长乐市
    # 350182 became 长乐区 350112 in 2017; a document written before the change names the old one.
    text = "溧水县民政局 2012年3月1日\n截至2011年底,全县共有社会组织186个。"
    assert facts(text) == {("320117", "social_orgs", 2011, "actual", D(186), "=")}
    # 长乐新闻网 (f05): 我区 … 持证社工232人, on a page of 长乐区's 2019 social-work week.
    text = ("长乐区2019年社会工作宣传周启动\n2019-03-20\n"
            "截至到目前我区专业社工从业人数有458人,持证社工232人。")
    assert facts(text) == {("350112", "certified_social_workers", 2019, "actual", D(232), "=")}


def test_a_month_line_gives_the_year_of_an_undated_text():
    # Policies and bureau reports sign with the month only (……民政局 2023年2月): a figure of
    # 2022 in such a text is a result, not a goal of its present year.
    text = ("成都市民政局关于社会工作发展情况的报告\n2022年全市持证社工达到1.6万人,"
            "社会工作服务机构持续发展。\n成都市民政局\n2023年2月")
    assert facts(text) == {("510100", "certified_social_workers", 2022, "actual", D(16000), "=")}


def test_a_notice_sending_out_a_plan_is_the_plan_and_speaks_for_its_issuer():
    # 国发〔2021〕35号: the notice's title names the national plan; its goal is the country's.
    text = ("国务院关于印发“十四五”国家老龄事业发展和养老服务体系规划的通知\n国发〔2021〕35号\n"
            "2021年12月30日\n到2025年,养老机构护理型床位占比达到55%。")
    result = records(text)
    assert result.metadata.title == "国务院关于印发“十四五”国家老龄事业发展和养老服务体系规划的通知"
    assert facts(text) == {("100000", "nursing_bed_share", 2025, "target", D(55), "=")}
    # The same sent out as 印发《……规划》的通知: the title is the plan's own.
    text = text.replace("印发“十四五”国家老龄事业发展和养老服务体系规划的通知",
                        "印发《“十四五”国家老龄事业发展和养老服务体系规划》的通知")
    assert records(text).metadata.title == "“十四五”国家老龄事业发展和养老服务体系规划"


def test_a_series_split_by_semicolons_goes_on_with_its_indicator():
    # 公益时报 2021-01-22 (d21): one sentence per year after the first, each opening with its year.
    text = ("时间:2021-01-22 10:49:00来源:公益时报\n中国社会组织网的数据显示,2012年我国社会组织总量只有32万家;"
            "2013年达到39万家;2014年超过46万家。")
    assert facts(text) == {("100000", "social_orgs", 2012, "actual", D(320000), "="),
                           ("100000", "social_orgs", 2013, "actual", D(390000), "="),
                           ("100000", "social_orgs", 2014, "actual", D(460000), ">=")}


def test_beds_of_a_kind_of_institution_and_organisations_of_an_age_are_parts():
    # 北京商报 on the 2022 national bulletin (c07): community institutions' beds are a part.
    text = ("民政部 2023-12-14\n截至2022年末,全国共有各类养老机构和设施38.7万个,养老床位合计829.4万张。\n"
            "社区养老服务机构和设施34.7万个,床位311.1万张;")
    assert facts(text) == {("100000", "elderly_care_beds", 2022, "actual", D(8294000), "=")}
    # 公益时报 (d21): organisations founded ten years ago or more are a part of all.
    text = "时间:2021-01-22 来源:公益时报\n全国成立10年以上社会组织只有24万家,5-10年的近30万家。"
    assert not facts(text)


def test_holders_of_both_certificate_levels_are_the_certified_social_workers():
    # 中国社会工作 repost (g08): 截止2017年底 in a 2018 article is 2017.
    text = ("2018-03-21 来源:中国社会工作\n据统计,截止2017年底,本市持有助理社会工作师、社会工作师职业水平"
            "考试证书人数达到16912人。上海市民政局介绍了全市社会工作发展情况。")
    assert ("310000", "certified_social_workers", 2017, "actual", D(16912), "=") in facts(text)


def test_a_page_naming_no_place_and_no_area_speaks_of_the_country():
    # 社工证持证人数, an exam portal's page (m03): no region, no 全市/我县, national figures.
    text = ("社工证持证人数\n近年来,持证社会工作者人数呈现出逐年增长的趋势。\n"
            "截至2023年,持证社会工作者人数已达93.1万,而这一数字还在不断增长之中。")
    assert facts(text) == {("100000", "certified_social_workers", 2023, "actual", D(931000), "=")}


def test_a_yearly_series_with_varied_verbs_is_read_year_by_year():
    # m03: the verbs change from year to year (增长至, 跃升至, 继续增加到); the opening year and a
    # 将 far later make no work plan of it; 跨越90万大关 is a milestone passed on the way to 93.1万,
    # and the series of results goes on as results (新增 in its last item is no goal).
    text = ("社工证持证人数\n近年来,持证社会工作者人数呈现出逐年增长的趋势,从2016年的28.8万人到2023年有望突破百万。"
            "本文将从不同年份的持证人数数据入手。\n"
            "2016年,持证社会工作者数量为28.8万,新增持证人数8.2万;2017年增长至32.7万,新增3.8万;"
            "2018年跃升至43.9万,新增11.2万;2019年继续增加到53.1万,新增9.2万;2020年达到66.9万,新增13.8万;"
            "2021年为73.7万,新增6.8万;2022年跨越90万大关,达到93.1万,新增19.4万。")
    assert facts(text) == {("100000", "certified_social_workers", year, "actual", D(value), "=")
                           for year, value in ((2016, 288000), (2017, 327000), (2018, 439000), (2019, 531000),
                                               (2020, 669000), (2021, 737000), (2022, 931000))}


def test_a_local_text_without_its_place_name_gives_nothing():
    # 云阳县 news (d14) speaks of 我县 and a 街道 but never names the county: no region, no figure.
    text = ("3月20日,县民政局、青龙街道办事处在张家坝社区联合开展宣传活动。据了解,截至目前,"
            "我县已建成了社会工作专业人才队伍,其中持证社会工作专业人才38人。")
    assert facts(text) == set()


def test_a_goal_year_opening_a_list_holds_for_each_item():
    # 央广网 2016-08-18 on 安徽's 实施意见 (e12, reposted through a synonym spinner): 到2020年 opens a
    # list of goals split by semicolons; the eco-burial share is its last item.
    text = ("安徽推行节地生态安葬\n时间:2016-08-19 03:04\n央广网合肥8月18日消息 记者从安徽省人民政府得知,"
            "安徽省民政等9部门日前联合印发《关于推行节地生态埋葬的实行看法》。\n"
            "据了解,到2020年,安徽平均尸体火葬率达到87.5%;完成50%以上的市、县殡仪馆迁建、改扩建任务;"
            "全省垣乡住户免费享有基本殡葬服务;骨灰格位寄存、草坪葬、江葬、树葬等节地生态埋葬比例达50%。")
    assert ("340000", "eco_burial_rate", 2020, "target", D(50), "=") in facts(text)


def test_synonym_spun_text_is_read_back():
    # 央视网 item re-spun by a content farm (e18): 埋葬 for 安葬, 年夜 for 大, 不雅 for 观, spaces
    # scattered through words. The country's 2020 goal (到2020年 kept here in its sentence).
    text = ("各地革新 殡葬方法 推广生态安葬\n来源:网络整理日期:2019-04-16 13:21\n"
            "依据 我国人口基数年夜 、人均资源少的基本国情,跟公园的景不雅 融为一体。"
            "到2020年,全国火化 区的骨灰格位寄存 、树葬、海葬等节地生态埋葬 比例将达到 50%以上。")
    assert ("100000", "eco_burial_rate", 2020, "target", D(50), ">=") in facts(text)


def test_the_spun_name_of_eco_burial_marks_a_spun_text():
    from ingest.normalise import normalise

    # 福建 2019 repost (aa05), spun with only one other mark (两年夜类 for 两大类): 节地生态埋葬 is the
    # spinner's, so the text is read back, its scattered spaces too.
    text = normalise((CORPUS_DOCS / "aa05_fujian_cities_ecoburial_2018_spun.txt").read_text(encoding="utf-8"))
    assert "其中厦门、泉州、福州市节地生态安葬率均达90%以上" in text
    assert "两大类" in text


def test_real_words_of_an_unspun_text_stay():
    from ingest.normalise import normalise

    # 深圳特区报 (a02) is no spun text: its 具有 stays.
    text = "走出了一条具有深圳特点的本土社会工作之路,被民政部授予“创建全国社会工作发展和社会工作人才队伍建设示范区”称号。"
    assert normalise(text) == text


def test_a_district_paper_naming_only_its_city_gives_no_region():
    # 金坛时报 (d12): 我区 and 区民政局 speak as a district, the only place named is 常州. The
    # figure is some district's, which the text never names: nothing rather than 常州's.
    text = ("本报讯 10月15日,我区社会组织培育发展中心正式开园。\n近年来,我区社会组织蓬勃发展,截至2017年12月31日,"
            "在民政部门依法注册登记的社会组织达432家。为促进社会组织健康发展,今年,区民政局制定出台了"
            "《社会组织重大事项报告制度》,我区成为常州首先推行此制度的地区。")
    assert facts(text) == set()


def test_a_bare_series_counts_what_the_sentence_before_named():
    # 公益时报 2018-02-13 (c08): the e-edition's date line with its weekday dates the page; the
    # series of milestones follows a sentence that names the count but states no figure.
    text = ("我国社会组织突破80万,县级最多\n新闻内容\n2018年02月13日 星期二上一期下一期\n"
            "截至2月7日15时,平台收录的社会组织已达80.5190万个,其中民政部登记的社会组织2312个。"
            "数据分析显示,自2011年开始,我国的社会组织数量就开始以每年5万以上的速度在增长。\n"
            "2012年突破41万个,2014年突破56万个,2015年突破63万个,2016年突破72万个,2017年突破80万个。")
    assert facts(text) == {
        ("100000", "social_orgs", 2018, "actual", D(805190), "="),
        *{("100000", "social_orgs", year, "actual", D(value), ">=")
          for year, value in ((2012, 410000), (2014, 560000), (2015, 630000), (2016, 720000), (2017, 800000))},
    }


def test_a_milestone_in_the_headline_gives_way_to_the_exact_figure():
    # c08's headline rounds the body's 80.5190万 down to 突破80万: one fact, the exact one.
    text = ("我国社会组织突破80万,县级最多\n2018年02月13日 星期二\n"
            "截至2月7日15时,平台收录的社会组织已达80.5190万个。")
    assert facts(text) == {("100000", "social_orgs", 2018, "actual", D(805190), "=")}


def test_a_bare_series_in_another_unit_is_not_the_count_named_before():
    # The sentence before names beds; a series of centres (个) is not a series of beds.
    text = ("2018年1月5日讯 全省养老床位稳步增长。"
            "2015年建成120个,2016年建成150个,2017年建成180个。")
    assert facts(text) == set()


# -- figures region by region: 其中A市X、B市Y; A、B分别为X和Y --------------------------------------
# The form of provincial bulletins and reports: the province's figure, then its cities'.
def test_community_beds_named_after_institutions_beds_are_no_total():
    # 宁夏's 2016 bulletin (bm02) counts 养老床位 不包括社区养老床位: community beds are a part. Named after
    # the institutions' beds, their bare 床位 is no second total of the same year.
    text = "南京养老服务\n发布时间:2021-05-10\n全市机构养老床位2.8万张,社区养老床位3.7万张。"
    assert D(37000) not in {fact[4] for fact in facts(text)}



def test_cities_listed_after_the_provinces_figure_each_get_their_own():
    text = ("2019年1月5日讯 江苏省民政厅消息,截至2018年底,全省登记社会组织9.1万个,"
            "其中南京市1.2万个、苏州市1.1万个、无锡市6500个。")
    assert facts(text) == {("320000", "social_orgs", 2018, "actual", D(91000), "="),
                           ("320100", "social_orgs", 2018, "actual", D(12000), "="),
                           ("320500", "social_orgs", 2018, "actual", D(11000), "="),
                           ("320200", "social_orgs", 2018, "actual", D(6500), "=")}


def test_cities_named_first_and_their_values_after_respectively_pair_in_order():
    text = ("2019年1月5日讯 截至2018年底,全省持证社会工作者3.2万人。其中,南京市、苏州市分别为8500人和7200人。")
    assert facts(text) == {("320000", "certified_social_workers", 2018, "actual", D(32000), "="),
                           ("320100", "certified_social_workers", 2018, "actual", D(8500), "="),
                           ("320500", "certified_social_workers", 2018, "actual", D(7200), "=")}


def test_regions_as_subject_with_respective_values_are_not_all_given_the_first():
    text = "2019年1月5日讯 浙江省民政厅消息,截至2018年底,舟山市、湖州市和丽水市节地生态安葬率分别达到60%、55%和50%。"
    assert facts(text) == {("330900", "eco_burial_rate", 2018, "actual", D(60), "="),
                           ("330500", "eco_burial_rate", 2018, "actual", D(55), "="),
                           ("331100", "eco_burial_rate", 2018, "actual", D(50), "=")}


def test_respective_values_fewer_than_the_regions_give_nothing():
    text = "2019年1月5日讯 浙江省民政厅消息,截至2018年底,舟山市、湖州市和丽水市节地生态安葬率分别达到60%、55%。"
    assert facts(text) == set()


def test_indicators_listed_together_take_their_respective_values():
    text = "2019年1月5日讯 江苏省民政厅消息,截至2018年底,全省养老床位总数和每千名老年人拥有养老床位数分别达到5万张和35张。"
    assert facts(text) == {("320000", "elderly_care_beds", 2018, "actual", D(50000), "="),
                           ("320000", "elderly_care_beds_per_1k_elderly", 2018, "actual", D(35), "=")}


def test_years_listed_together_take_their_respective_values():
    # A page on the social-work exam (bg01): 在2018年和2019年,持证社会工作者的数量分别增加了11.2万人和9.2万人,
    # 达到了43.9万人和53.1万人 — each year its stock, the flows before them not taken.
    found = doc_facts("bg01_cn_certified_sw_series_contentfarm.txt")
    assert ("100000", "certified_social_workers", 2018, "actual", D(439000), "=") in found
    assert ("100000", "certified_social_workers", 2019, "actual", D(531000), "=") in found
    assert not any(fact[4] in (D(112000), D(92000)) for fact in found)


def test_years_listed_with_fewer_values_give_nothing():
    # The sentence above cut to one value: no year may take it on a guess (it was given the last year).
    text = "全国社工证\n发布时间:2021-05-10\n在2018年和2019年,全国持证社会工作者的数量分别达到了43.9万人。"
    assert facts(text) == set()


def test_a_place_outside_the_figures_region_takes_no_number():
    # 上海 is not in 江苏: a comparison, not a part of the province's figure.
    text = "2019年1月5日讯 江苏省民政厅消息 截至2018年底,全省持证社会工作者3.2万人,南京市8500人、上海市9000人。"
    assert facts(text) == {("320000", "certified_social_workers", 2018, "actual", D(32000), "=")}


# -- the n batch: municipal and national news, statistical reports (corpus/dev SOURCES.md) ----------

def test_certified_talent_and_a_cited_plan_that_is_not_the_document():
    # n01 (渭南, 2024-12-31): 持证社会工作人才 is the certified count; 印发《…计划》等政策性文件
    # cites a plan and does not make the news report a work plan (its figure a target).
    text = ("2024年12月31日,记者从市委社会工作部获悉,截至目前,全市持证社会工作人才1362人,其中,"
            "助理社会工作师884人,社会工作师478人。\n近年来,渭南市加快推进社会工作人才队伍建设,"
            "印发《渭南市社会工作专业人才培养提升计划》等政策性文件。")
    assert facts(text) == {("610500", "certified_social_workers", 2024, "actual", D(1362), "=")}


def test_the_count_before_the_certificate_and_a_list_of_dated_links():
    # n03 (中国青年报, April 2022): the related-news list at the foot of the page, each item
    # with its own date and time, does not date the page; the press conference's year does.
    text = ("全國73.7萬人取得社工職業資格證書\n本報北京4月26日電 在今天舉行的民政部2022年第二季度例行新聞發布會上,"
            "目前全國已有73.7萬人取得社會工作者職業資格證書。\n相关新闻\n"
            "养老服务新政出台 2024年12月26日 16:47:10\n社区工作者招录 2024年12月26日 13:43:48\n"
            "民政部发布统计数据 2024年12月26日 11:59:28\n")
    assert facts(text) == {("100000", "certified_social_workers", 2022, "actual", D(737000), "=")}


def test_a_municipality_is_a_city_against_the_footer_of_another_city():
    # n08: 天津 news (2012-01-08) on a 大连 ferry site, whose footer names 大连 five times;
    # the text speaks as a city (市民政局, 全市), and 天津 is a municipality.
    text = (CORPUS_DOCS / "n08_tianjin_beds_2012.txt").read_text(encoding="utf-8")
    found = facts(text)
    assert ("120000", "elderly_care_beds", 2012, "actual", D(33637), "=") in found
    assert {fact[0] for fact in found} == {"120000"}


def test_per_thousand_without_beds_after_the_bed_count():
    # n09 (每日新报, 天津): 平均千名老人13张 right after the bed count; 到2016年 the goals.
    text = ("2014年10月2日讯 记者从市民政局获悉,近年来,天津不断加快养老基础设施建设,全市养老床位由2008年底的22703张、"
            "平均千名老人13张,增加到目前的46266张、平均千名老人25张,5年间翻了一番,到2016年,"
            "全市养老床位将达到7.6万张,平均千名老人32张。")
    found = facts(text)
    assert ("120000", "elderly_care_beds_per_1k_elderly", 2008, "actual", D(13), "=") in found
    assert ("120000", "elderly_care_beds_per_1k_elderly", 2016, "target", D(32), "=") in found
    assert ("120000", "elderly_care_beds", 2016, "target", D(76000), "=") in found


def test_older_names_of_institutions_and_an_age_qualified_population():
    # n12 (2007): 老年人社会福利机构 for elderly-care institutions; 每千名60岁以上的老年人.
    text = ("2007年10月8日讯 目前我国60岁以上的老年人口已达1.43亿,而全国3.8万个老年人社会福利机构共有床位数112.9万张,"
            "平均每千名60岁以上的老年人才拥有床位8.4张。")
    assert facts(text) == {("100000", "elderly_care_beds", 2007, "actual", D(1129000), "="),
                           ("100000", "elderly_care_beds_per_1k_elderly", 2007, "actual", D("8.4"), "=")}


def test_a_result_so_far_this_year_is_no_goal():
    # n11 (嘉定, 2017): 今年以来 reports what has come about.
    text = ("嘉定区2017年9月30日讯 据介绍,今年以来,嘉定新建一家基本养老机构,床位总量超过9000张,"
            "新建综合为老服务中心2家。")
    assert ("310114", "elderly_care_beds", 2017, "actual", D(9000), ">=") in facts(text)


def test_a_statistical_report_table_of_indicator_unit_and_quantity():
    # n13: 民政部 社会服务统计季报 (2013年4季度). Beds for the elderly and the disabled together
    # are not elderly-care beds; the per-thousand row is.
    text = ("首页 > 新闻聚焦行业要闻 民政部发布2013年4季度全国社会服务统计数据\n\n民政部发布2013年4季度全国社会服务统计数据\n\n"
            "社会服务统计季报\n\n(2013年4季度)\n\n指 标 单 位 数 量\n\n一、综合\n\n镇 个 20113\n\n"
            "社会服务床位数 万张 509.5\n\n为老年人与残疾人提供服务床位数 万张 474.6\n\n"
            "每千人口社会服务床位数 张/千人 3.8\n\n每千老年人口养老床位数 张/千人 24.5\n")
    assert facts(text) == {("100000", "elderly_care_beds_per_1k_elderly", 2013, "actual", D("24.5"), "=")}


def test_a_bulletins_table_of_indicator_unit_and_absolute_quantity():
    # Statistical bulletins print their tables as 指标 | 计量单位 | 绝对量 | 比上年增长(%) (南京 2021-2024
    # compilation) or 单位 | 绝对数 (黔东南 2016): the quantity column is the bulletin's year, or the year it names.
    text = ("南京市2021年国民经济和社会发展统计公报\n表5 社会服务\n指标 | 计量单位 | 绝对量 | 比上年增长（%）\n"
            "养老床位 | 万张 | 7.45 | 4.4\n")
    assert facts(text) == {("320100", "elderly_care_beds", 2021, "actual", D(74500), "=")}
    text = ("南京市国民经济和社会发展统计公报\n表5 社会服务\n指标 | 计量单位 | 2021年 | 比上年增长（%）\n"
            "养老床位 | 万张 | 7.45 | 4.4\n")
    assert facts(text) == {("320100", "elderly_care_beds", 2021, "actual", D(74500), "=")}


# -- batch p-s: bulletins, news of results, policies and plans, interviews -----------------------

def test_a_bare_chao_before_the_value_is_at_least():
    # 中国新闻网 2021-04-04 (q06, its head): 节地生态安葬率超60% in the headline and the body, 超 is 超过.
    text = ("广东以生态安葬促移风易俗 节地生态安葬率超60%\n\n2021-04-04 10:23 中国新闻网   苑菁菁  阅读:3188 \n\n"
            "  中新网广州4月2日电 (蔡敏婕 叶金鑫)芳草清明时,花香百鸟鸣。广东省民政厅2日称,该省多地创新殡葬服务,"
            "推行节地生态安葬等绿色文明的方式缅怀先人,节地生态安葬率超60%。")
    assert facts(text) == {("440000", "eco_burial_rate", 2021, "actual", D(60), ">=")}


def test_a_county_level_city_written_without_shi_speaks_as_itself():
    # 太仓日报 2018-03-21 (q03): 太仓 is a county-level city (320585) that speaks as 全市/市民政局;
    # its figures are not its prefecture's (苏州市).
    text = (CORPUS_DOCS / "q03_taicang_certified_sw_2018.txt").read_text(encoding="utf-8")
    assert ("320585", "certified_social_workers", 2018, "actual", D(635), "=") in facts(text)


def test_a_year_opening_a_list_split_by_semicolons_holds_for_its_items():
    # 民政部 conference news (r07, 2012): 截至2012年底,…;全国各类养老机构近4.5万 / 家,养老床位431.3万张,
    # …22.24张; a number and its unit split by a line break are read whole; a forecast in the
    # opening (2025年将突破3亿) is not the text's present.
    text = (CORPUS_DOCS / "r07_cn_eldercare_conference_beds_per1k_2012.txt").read_text(encoding="utf-8")
    assert facts(text) == {("100000", "elderly_care_beds", 2012, "actual", D(4313000), "="),
                           ("100000", "elderly_care_beds_per_1k_elderly", 2012, "actual", D("22.24"), "=")}


def test_wordings_of_a_plan_news_report():
    # 福州日报 2016-05-21 (r01): 每千名老人拥有床位数 and 护理型床位占养老服务机构总床位比例.
    text = ("“十三五”期间闽养老服务设施覆盖九成以上城镇\n2016-05-21 09:01:24 来源:福州日报 作者:林晗\n"
            "近日,《福建省“十三五”民政事业发展专项规划》发布。\n根据《规划》,我省将加快养老设施建设,"
            "到“十三五”期末,我省每千名老人拥有床位数达到35张以上,护理型床位占养老服务机构总床位比例达到30%以上。")
    assert facts(text) == {("350000", "elderly_care_beds_per_1k_elderly", 2020, "target", D(35), ">="),
                           ("350000", "nursing_bed_share", 2020, "target", D(30), ">=")}


def test_a_result_up_to_a_stated_year_is_an_actual_in_any_kind():
    # r08 (新中国成立75年来…): 截至2022年底……已经超过160万,其中持证社会工作者接近93.1万.
    text = ("构成了参与社会治理的骨干中坚力量。截至2022年底,我国社会工作专业人才队伍总数已经超过160万,"
            "其中持证社会工作者接近93.1万;全国有398所高校开设了社会工作专业。\n"
            "《国民经济和社会发展第十四个五年规划和2035年远景目标纲要》提出,必须畅通并规范社会工作者参与社会治理的途径。")
    assert facts(text) == {("100000", "certified_social_workers", 2022, "actual", D(931000), "~")}


def test_hospital_beds_of_a_bulletin_are_not_elderly_care_beds():
    # 株洲县2012年国民经济和社会发展统计公报(2) (p10): 卫生机构床位1036张.
    text = (CORPUS_DOCS / "p10_zhuzhou_county_2012_bulletin_hospital_beds_neg.txt").read_text(encoding="utf-8")
    assert facts(text) == set()


def test_counts_of_fields_are_parts_and_a_report_naming_provinces_is_national():
    # s09 (《中国社会组织报告(2022)》): 教育领域社会组织数量共288341个 … is one field; the
    # provinces it names (江苏省, 福建省, 山东省, 陕西省) are examples, not its region.
    text = (CORPUS_DOCS / "s09_cn_2021_orgs_by_field_report_neg.txt").read_text(encoding="utf-8")
    result = records(text)
    assert result.metadata.region_code == "100000"
    assert [r for r in result.records if r.indicator == "social_orgs"] == []


def test_the_rate_inside_public_cemeteries_is_not_the_regions_rate():
    # s01 (宁德): 原则上新建城乡公益性公墓节地生态安葬率要达到100%.
    text = ("到2020年,宁德市节地生态安葬率达到70%。今后,到2020年,依法从严审批经营性公墓,"
            "原则上新建城乡公益性公墓节地生态安葬率要达到100%。")
    assert facts(text) == {("350900", "eco_burial_rate", 2020, "target", D(70), "=")}


# -- batch t-w: counties and districts, western provinces, 2020s plans, traps --------------------

def test_a_part_qualified_by_a_grade_and_a_streets_count_are_not_the_districts():
    # 中国江苏网 2019-05-23 (t01, 邗江区): 其中3A级以上社会组织数达80家 is a part; 街道已形成……
    # 各类社会组织近 20 家 is a street's count.
    text = (CORPUS_DOCS / "t01_hanjiang_district_social_orgs_2019.txt").read_text(encoding="utf-8")
    assert facts(text) == {("321003", "social_orgs", 2019, "actual", D(477), "=")}


def test_a_value_set_by_a_goal_verb_is_a_target():
    # 湖南 repost dated 2025 (u15): 到2020年,湖南的节地生态安葬率要达到65%, a goal, not a result of 2020.
    text = (CORPUS_DOCS / "u15_hunan_eco_burial_2020_target_repost.txt").read_text(encoding="utf-8")
    assert ("430000", "eco_burial_rate", 2020, "target", D(65), "=") in facts(text)
    # 贵州 (u06): 今年底每千名老年人拥有机构养老床位将达到35张 is no result.
    text = (CORPUS_DOCS / "u06_guizhou_beds_2019_trad.txt").read_text(encoding="utf-8")
    assert not [f for f in facts(text) if f[1] == "elderly_care_beds_per_1k_elderly" and f[3] == "actual"]


def test_beds_of_medical_care_institutions_are_not_elderly_care_beds():
    # 海报新闻 2025-12-12 (v08): 养老机构备案“两证齐全”的医养结合机构达到1125家,总床位33万张.
    text = (CORPUS_DOCS / "v08_shandong_yiyang_beds_2025_neg.txt").read_text(encoding="utf-8")
    assert [f for f in facts(text) if f[1] == "elderly_care_beds"] == []


def test_the_last_name_of_a_list_takes_the_last_value_after_fenbie():
    # 泉州 (t02): 从事社会工作服务的工作者和持证社工分别达12000人和1021人 (dated here by hand).
    text = ("泉州晚报 2015年03月18日\n本报讯 记者日前获悉,目前全市从事社会工作服务的工作者和持证社工"
            "分别达12000人和1021人,民办社工机构25家。")
    assert ("350500", "certified_social_workers", 2015, "actual", D(1021), "=") in facts(text)


def test_an_autonomous_region_speaks_as_quanqu():
    # 宁夏 (w05): 全区 is the autonomous region, not a district.
    text = (CORPUS_DOCS / "w05_ningxia_beds_2014_lmato.txt").read_text(encoding="utf-8")
    found = facts(text)
    assert ("640000", "elderly_care_beds", 2014, "actual", D(15024), "=") in found
    assert ("640000", "elderly_care_beds_per_1k_elderly", 2014, "actual", D("18.8"), "=") in found


def test_a_paragraph_opening_with_its_year_dates_a_from_to_pair_and_the_nursing_share_in_percent():
    # 宁夏 (w06): 2023年,…护理型床位由2022年的41%提升到63.2%: 41 in 2022, 63.2 in 2023.
    text = (CORPUS_DOCS / "w06_ningxia_nursing_share_2023_trad.txt").read_text(encoding="utf-8")
    found = facts(text)
    assert ("640000", "nursing_bed_share", 2022, "actual", D(41), "=") in found
    assert ("640000", "nursing_bed_share", 2023, "actual", D("63.2"), "=") in found


# -- batch x-z: bulletins, 2020s news, local plans and policies ----------------------------------

def test_less_than_is_an_upper_bound():
    # 河南 (z02): 目前,我省取得社会工作职业水平证书人员不到2000人 (dated here by hand).
    text = ("河南日报 2012年08月20日\n据统计,目前,我省取得社会工作职业水平证书人员不到2000人,"
            "社会工作专业人才队伍总量不足、分布不平衡。")
    assert facts(text) == {("410000", "certified_social_workers", 2012, "actual", D(2000), "<=")}


def test_a_rate_per_head_after_the_count_names_no_noun():
    # 衢州 人大 reply (y01): 社会组织3424家(社团…、民非…、基金会18家),每万人拥有14.95家; a grade
    # (有效期内的3A级以上社会组织有270家) is a part.
    text = (CORPUS_DOCS / "y01_quzhou_social_orgs_2023_npc_reply.txt").read_text(encoding="utf-8")
    assert {f for f in facts(text) if f[1].startswith("social_orgs")} == {
        ("330800", "social_orgs", 2023, "actual", D(3424), "="),
        ("330800", "social_orgs_per_10k", 2023, "actual", D("14.95"), "=")}


def test_a_count_before_the_short_name_of_the_certificate():
    # 湖北 (y08): 其中有65091人取得社工证书 (dated here by hand).
    text = ("湖北日报 2025年02月08日\n目前,湖北省社会工作专业人才总量超10万人,其中有65091人取得社工证书,"
            "高级社会工作师增至36人。")
    assert ("420000", "certified_social_workers", 2025, "actual", D(65091), "=") in facts(text)


def test_present_of_an_undated_text_is_no_year_for_a_value_after_it():
    # 天津 (n09, its undated opening): 由2008年底的22703张、平均千名老人13张,增加到目前的46266张、
    # 平均千名老人25张: 46266 and 25 are not figures of 2008, and 由2008年底 is not the text's present.
    text = ("每日新报记者 李海燕 今天是重阳节,记者从市民政局获悉,近年来,天津不断加快养老基础设施建设,"
            "全市养老床位由2008年底的22703张、平均千名老人13张,增加到目前的46266张、平均千名老人25张,5年间翻了一番。")
    assert facts(text) == {("120000", "elderly_care_beds", 2008, "actual", D(22703), "="),
                           ("120000", "elderly_care_beds_per_1k_elderly", 2008, "actual", D(13), "=")}


def test_a_series_goes_on_through_zuigao():
    # m04 (a paper citing the bulletins): 2011年,我国每千名老人仅拥有养老床位19.1 张,2016年最高增长至31.6 张.
    text = ("2006-2017年《社会服务发展统计公报》显示:2011年,我国每千名老人仅拥有养老床位19.1 张,"
            "2016年最高增长至31.6 张。")
    found = facts(text)
    assert ("100000", "elderly_care_beds_per_1k_elderly", 2011, "actual", D("19.1"), "=") in found
    assert ("100000", "elderly_care_beds_per_1k_elderly", 2016, "actual", D("31.6"), "=") in found


def test_a_goal_year_with_a_goal_surpassed_is_a_result():
    # y05 (bilingual, undated): 到2023年底,中国养老院的护理床位达到58.9%,超过了第14个五年计划的目标.
    text = ("到2023年,中国养老院护理床位达14个五年计划目标。\n"
            "到2023年底,中国养老院的护理床位达到58.9%,超过了第14个五年计划的目标。")
    assert facts(text) == {("100000", "nursing_bed_share", 2023, "actual", D("58.9"), "=")}


# -- batch aa-ad: places across China, rates and targets -----------------------------------------

def headline(text: str) -> set[tuple]:
    """The facts of the headline indicators only (the catalogue's `headline: true`)."""
    return {f for f in facts(text) if f[1] in default_catalogue().headline_codes}


def test_a_part_counted_in_brackets_and_a_plan_period_opening_a_paragraph():
    # 海西晨报 2017-09-21 (aa01): 各类养老床位数10951张(其中34家养老机构床位计9074张…) is the total;
    # 根据规划,“十三五”期间,…。每千名老人拥有养老床位数达38.7张 is a 2020 target.
    text = (CORPUS_DOCS / "aa01_xiamen_beds_per1k_2017.txt").read_text(encoding="utf-8")
    assert headline(text) == {("350200", "elderly_care_beds", 2017, "actual", D(10951), "="),
                              ("350200", "elderly_care_beds_per_1k_elderly", 2017, "actual", D("33.85"), "="),
                              ("350200", "elderly_care_beds_per_1k_elderly", 2020, "target", D("38.7"), "=")}


def test_graded_organisations_added_are_not_the_total():
    # 张家港 (aa12): 年内共新增等级社会组织73家,其中:新增1A等级社会组织6家.
    text = (CORPUS_DOCS / "aa12_zhangjiagang_graded_orgs_2025_trad_neg.txt").read_text(encoding="utf-8")
    assert headline(text) == set()


def test_a_headline_rounding_the_bodys_figure_is_the_same_fact():
    # 湖南日报 2023-03-24 (ab03): 湖南省持证社工增至近两万人 over 截至去年底……1.96万余人.
    text = (CORPUS_DOCS / "ab03_hunan_certified_sw_2022.txt").read_text(encoding="utf-8")
    assert headline(text) == {("430000", "certified_social_workers", 2022, "actual", D(19600), ">=")}


def test_last_year_of_a_text_dated_only_by_its_opening_and_a_rate_per_head_without_its_noun():
    # 吉林 (ac07): the opening names 2021 (2021年吉林省……持续发力) but no date; 截至去年底 counts from
    # no known present, so the figures are the opening's year; 全省万人拥有率达8.3家 follows 社会组织;
    # 打击整治非法社会组织69家 is no count of registered organisations.
    text = (CORPUS_DOCS / "ac07_jilin_social_orgs_2021.txt").read_text(encoding="utf-8")
    assert headline(text) == {("220000", "social_orgs", 2021, "actual", D(20111), "="),
                              ("220000", "social_orgs_per_10k", 2021, "actual", D("8.3"), "=")}


def test_organisations_struck_off_are_a_flow():
    # 苏州 registry report (ad09): 近5年全市平均每年撤销登记社会组织40多家.
    text = (CORPUS_DOCS / "ad09_suzhou_social_orgs_registry_report_2011.txt").read_text(encoding="utf-8")
    assert headline(text) == {("320500", "social_orgs", 2011, "actual", D(3820), "=")}


def test_a_banner_speaks_as_quanqi():
    # 伊金霍洛旗 on a paper's page that lists other headlines (ac12): 全旗持证社工人数1447人.
    text = (CORPUS_DOCS / "ac12_yijinhuoluo_banner_certified_sw_2025.txt").read_text(encoding="utf-8")
    assert {f[0] for f in headline(text)} == {"150627"}


def test_a_from_to_pair_ends_at_the_time_stated_before_it():
    # 福建日报 2019-01-28 (ad10): 截至2018年底,全省每千名老年人拥有养老床位数由31张提高到33张.
    text = (CORPUS_DOCS / "ad10_fujian_beds_per1k_2018_big5.txt").read_text(encoding="utf-8")
    assert headline(text) == {("350000", "elderly_care_beds_per_1k_elderly", 2018, "actual", D(33), "=")}


def test_a_ranking_of_provinces_is_national_and_counts_of_regions_are_no_figures():
    # 智研咨询 ranking (ad12): 中国各地区…; 6个地区提供住宿的民政机构床位数超过30万张, 19个地区床位数超过10万张.
    text = (CORPUS_DOCS / "ad12_cn_provinces_civil_beds_ranking_2023_trad.txt").read_text(encoding="utf-8")
    result = records(text)
    assert result.metadata.region_code == "100000"
    assert [r for r in result.records if r.region_code == "320000"] == []
    assert not [f for f in headline(text) if f[5] == ">="]


def test_an_age_or_an_important_is_no_goal():
    # 智研咨询 ranking (ad12): 2023年,中国各地区共……其中养老机构总床位约为517.22万张,……平均每1000
    # 60岁以上老人拥有床位数约为27.7张: 以上 of an age is no goal word.
    text = (CORPUS_DOCS / "ad12_cn_provinces_civil_beds_ranking_2023_trad.txt").read_text(encoding="utf-8")
    assert ("100000", "elderly_care_beds", 2023, "actual", D(5172200), "~") in headline(text)


# -- batch ae-ah: 2008-2016 news, replies to proposals, eco-burial, organisations and workers -----

def test_tenths_are_a_percentage_and_a_regions_own_rate_named_with_de():
    # 齐鲁网 (ag07, dated by hand): 目前,山东的生态安葬率已近3成.
    text = "2018-4-6 齐鲁网\n近年来,山东加快公益性公墓建设、积极推进节地生态安葬。目前,山东的生态安葬率已近3成。"
    assert facts(text) == {("370000", "eco_burial_rate", 2018, "actual", D(30), "~")}


def test_one_of_a_list_of_yearly_values_is_no_total():
    # 广东 reply to a proposal (af01): 近三年,我省分别有9561、15934、5990人取得社会工作者职业资格证书.
    text = (CORPUS_DOCS / "af01_guangdong_hrss_reply_certified_sw_2018.txt").read_text(encoding="utf-8")
    assert [f for f in headline(text) if f[4] == 5990] == []


def test_one_facilitys_beds_and_organisations_applying_for_a_grade_are_no_totals():
    # 仙居县 reply (af02): 该项目……内设养老床位约120张; 中山年鉴 (af05): 申报参评社会组织21家,
    # 确定AAAAA级社会组织5家.
    text = (CORPUS_DOCS / "af02_xianju_reply_single_facility_beds_trad_neg.txt").read_text(encoding="utf-8")
    assert headline(text) == set()
    text = (CORPUS_DOCS / "af05_zhongshan_yearbook_social_orgs_2019.txt").read_text(encoding="utf-8")
    assert not [f for f in headline(text) if f[4] in (21, 5)]


def test_holders_of_an_unnamed_certificate_named_as_social_workers():
    # 李立国 at the 2013 NPC press conference (aj02, dated by hand): 到去年年底,通过职业水平考试获得
    # 职业资格证书的专业社工已经有8万多人.
    text = ("2013-03-11 10:02 来源:人民网\n民政部部长李立国说,到去年年底,通过职业水平考试获得职业资格证书的"
            "专业社工已经有8万多人。")
    assert facts(text) == {("100000", "certified_social_workers", 2012, "actual", D(80000), ">=")}


def test_a_date_line_with_the_source_name_alone_dates_the_page():
    # The same answer under a date line that names only its source (2013年3月11日 人民网).
    text = ("2013年3月11日 人民网\n民政部部长李立国说,到去年年底,通过职业水平考试获得职业资格证书的"
            "专业社工已经有8万多人。")
    assert facts(text) == {("100000", "certified_social_workers", 2012, "actual", D(80000), ">=")}


def test_a_plan_named_in_passing_does_not_make_a_text_a_plan():
    # 昆明 政协 inspection (aj07): 相关部门要将社工岗位开发和社工队伍建设纳入“十三五”规划, far into the
    # text; its 全市各类社会组织达8897个 is no 十三五 target.
    text = (CORPUS_DOCS / "aj07_kunming_cppcc_inspection_sw_orgs_undated.txt").read_text(encoding="utf-8")
    result = records(text)
    assert result.metadata.document_kind == "news_report"
    assert [r for r in result.records if r.kind == "target" and r.year == 2020] == []


def test_organisations_registered_directly_are_a_part():
    # g04 (2014): 全国直接登记的社会组织约3万个,占同期登记的社会组织40%以上.
    text = (CORPUS_DOCS / "g04_cn_direct_registration_orgs_2014_neg.txt").read_text(encoding="utf-8")
    assert headline(text) == set()


def test_values_under_a_goal_year_and_its_verb_are_targets():
    # 每日新报 (n09): 到2016年,全市养老床位将达到7.6万张,平均千名老人32张: both are goals.
    text = ("2014年10月2日 每日新报\n记者从市民政局获悉,近年来,天津不断加快养老基础设施建设。"
            "到2016年,全市养老床位将达到7.6万张,平均千名老人32张,实现全市3%的老年人入住养老服务机构养老。")
    assert headline(text) == {("120000", "elderly_care_beds", 2016, "target", D(76000), "="),
                              ("120000", "elderly_care_beds_per_1k_elderly", 2016, "target", D(32), "=")}


# -- batch ak-al: papers and commentary, reposts in traditional characters -----------------------

def test_a_span_of_past_years_in_a_paper_citing_a_plan_is_results():
    # 上海 paper (al08): 随着《上海社会组织发展“十三五”规划》工作的有序推进 cites a plan; 2008年到2018年,
    # 上海社会组织数量由8943个增长到16232个 are results.
    text = (CORPUS_DOCS / "al08_shanghai_social_orgs_2008_2018_trad.txt").read_text(encoding="utf-8")
    found = headline(text)
    assert ("310000", "social_orgs", 2018, "actual", D(16232), "=") in found
    assert not [f for f in found if f[3] == "target"]


def test_wordings_of_commentary_and_a_county_list_of_additions():
    # 中国乡村之声 (ak05): 我国将实现到2020年节地生态葬的比例达50%的目标 (dated by hand).
    text = "2018-04-04 10:00 来源:中国乡村之声\n我国将实现到2020年节地生态葬的比例达50%的目标,节地生态葬已得到各地越来越多的认可。"
    assert facts(text) == {("100000", "eco_burial_rate", 2020, "target", D(50), "=")}
    # 漳州 (al03): 漳州将新增日间照料床位和机构养老床位9000张 adds beds; 每千名老人拥有养老机构床位数达到30张以上.
    text = (CORPUS_DOCS / "al03_zhangzhou_beds_per1k_target_2015_trad.txt").read_text(encoding="utf-8")
    found = headline(text)
    assert [f for f in found if f[1] == "elderly_care_beds"] == []
    assert [f for f in found if f[1] == "elderly_care_beds_per_1k_elderly" and f[4] == 30]


# -- dates a news page gives in other ways ----------------------------------------------------------

def test_a_news_lead_opening_with_its_day_dates_the_report():
    # 常州 2021 (ad07): the report opens with the day it reports; 目前 is 2021.
    text = ("2021年3月16日,是第15个国际社工日。在这一天,全世界的社工都会通过举办各种活动庆祝这一属于自己的节日。\n"
            "目前,我市万人拥有持证社工13名,社工师考试通过率连续多年保持全省前列。常州市民政局介绍。")
    assert ("320400", "certified_social_workers_per_10k", 2021, "actual", D(13), "=") in facts(text)


def test_a_counted_yearly_day_dates_the_report_of_it():
    # 大众网 2023 (v09): 第17个国际社工日 is 2023 (the first was held in 2007); 截至目前 is 2023.
    text = (CORPUS_DOCS / "v09_shandong_certified_sw_2023.txt").read_text(encoding="utf-8")
    assert "为庆祝第17个国际社工日" in text
    assert ("370000", "certified_social_workers", 2023, "actual", D(59000), "=") in facts(text)
    # 深圳晚报 2021 (d07): the same day under its other name, counted from the same year.
    text = (CORPUS_DOCS / "d07_shenzhen_certified_sw_2021.txt").read_text(encoding="utf-8")
    assert "今年3月16日是第15个世界社工日" in text
    assert ("440300", "certified_social_workers", 2021, "actual", D(21106), "=") in facts(text)


def test_a_cut_off_date_opening_a_paragraph_dates_the_sentences_after_it():
    # 泉州 (bv01): 截至2017年底, opens the block of statistics; 全市养老床位30023张 two sentences on is of
    # 2017, not of the page's year. 湖北日报 2019-03-19 (a07): after 截至2018年底,…… the agencies
    # (289家,比2017年增长93%) are 2018's.
    assert ("350500", "elderly_care_beds", 2017, "actual", D(30023), "=") in doc_facts(
        "bv01_quanzhou_beds_2017_shuffled_farm.txt")
    assert ("420000", "social_work_agencies", 2018, "actual", D(289), "=") in doc_facts(
        "a07_hubei_certified_sw_2018.txt")


def test_the_first_half_of_the_year_is_the_present_years_not_the_paragraphs():
    # 烟台 2015 (bh01): 截至2014年底 dates the older population; 上半年 the beds added this year.
    found = doc_facts("bh01_yantai_beds_per1k_2015_excerpt.txt")
    assert ("370600", "new_elderly_care_beds", 2015, "actual", D(1980), "=") in found


def test_a_forum_post_is_dated_by_its_post_not_by_the_page_footer():
    # 清流社工网 (ac13): 发表于 2013-8-28 is the post; the footer's GMT+8 clock is when the page was fetched.
    text = (CORPUS_DOCS / "ac13_baotou_qingshan_certified_sw_2013_forum.txt").read_text(encoding="utf-8")
    assert "GMT+8, 2025-1-28 03:27 , Processed in" in text
    assert facts(text) == {("150204", "certified_social_workers", 2013, "actual", D(353), "=")}


def test_the_year_of_a_span_looked_back_on_is_not_the_present():
    # 中国这十年 (2022): the opening looks back over 2012年—2021年; 目前 is not 2012, and the
    # year after 比 is the compared year. The page gives no date: nothing is taken.
    text = ("兜牢民生底线 增进民生福祉\n十年来,基本民生保障标准不断提高。2012年—2021年,全国城乡低保平均标准分别"
            "增长了1.2倍和2.1倍。\n目前,全国登记管理的社会组织总量已达90万个,比2012年增长1.7倍。")
    assert not any(f[1] == "social_orgs" for f in facts(text))


def test_the_year_compared_with_before_a_change_is_not_the_totals():
    # The order of 中国这十年's comparison turned round (比2012年增长……, then the total, as work reports
    # write it): the total after the change is the present's, not 2012's. Its own value after 的
    # (与2017年的76.2万个相比, aq05) stays the compared year's.
    text = ("全国社会组织发展情况\n发布时间:2022-09-08\n"
            "目前,全国登记管理的社会组织总量比2012年增长了43万个,达到90万个。")
    assert facts(text) == {("100000", "social_orgs", 2022, "actual", D(900000), "=")}
    assert ("100000", "social_orgs", 2017, "actual", D(762000), "=") in doc_facts("aq05_cn_social_orgs_bluebook_2018.txt")


def test_a_report_of_a_yearly_bulletin_gives_the_bulletins_year():
    # 益年养老 2021-02-28 (am08): the national bulletin for 2020, published in 2021; the headline's
    # beds are of 2020.
    text = ("权威发布:全国养老机构3.8万个,养老服务床位823.8万张,增加62.4万张\n"
            "2021年2月28日上午9:30,国家统计局发布中华人民共和国2020年国民经济和社会发展统计公报,"
            "此次未公布最新人口数据。\n一、GDP突破100万亿\n初步核算,全年国内生产总值1015986亿元,比上年增长2.3%。")
    assert ("100000", "elderly_care_beds", 2020, "actual", D(8238000), "=") in facts(text)


def test_an_error_page_appended_to_a_repost_does_not_date_it():
    # 温州网 mirror of 新华网 (ad03): an appended 404 page's Date: line is when it was fetched;
    # the original's address files the article under 2014/03/19.
    text = (CORPUS_DOCS / "ad03_zhejiang_certified_sw_2014.txt").read_text(encoding="utf-8")
    assert "Date: | 2025/10/23 02:52:19 |" in text
    assert facts(text) == {("330000", "certified_social_workers", 2014, "actual", D(10000), ">=")}


def test_a_round_number_with_its_one_left_out():
    # 淮北 2025 (aa03): 持证社会工作者近千人 is about 1,000.
    text = (CORPUS_DOCS / "aa03_huaibei_certified_sw_2025.txt").read_text(encoding="utf-8")
    assert "持证社会工作者近千人" in text
    assert ("340600", "certified_social_workers", 2025, "actual", D(1000), "~") in facts(text)


def test_social_workers_named_by_their_qualification_under_a_talent_total():
    # 温州 (y03): the whole is social-work talent, its part 国家职业资格社工 is the certified count.
    text = (CORPUS_DOCS / "y03_wenzhou_certified_sw_2018.txt").read_text(encoding="utf-8")
    assert "其中国家职业资格社工5356人" in text
    assert ("330300", "certified_social_workers", 2018, "actual", D(5356), "=") in facts(text)


def test_a_later_count_with_its_own_verb_is_not_the_next_year_of_a_series():
    # 河南 2017 (d19): 今年4948人参加社工考试 sat the exam; 5731 hold the certificate.
    text = (CORPUS_DOCS / "d19_henan_certified_sw_2017.txt").read_text(encoding="utf-8")
    certified = {f for f in facts(text) if f[1] == "certified_social_workers"}
    assert certified == {("410000", "certified_social_workers", 2017, "actual", D(5731), "=")}


def test_a_list_of_cities_after_the_first_keeps_its_wording_year_and_regions():
    # 浙江 政协 member's text (aj01): 2014年统计 opens a list split by semicolons; the items after the
    # first drop 社工 and each opens with its city, which owns the item's figures.
    text = (CORPUS_DOCS / "aj01_zhejiang_cppcc_member_certified_sw_by_city_2014.txt").read_text(encoding="utf-8")
    assert "浙江社会工作师协会2014年统计,杭州社工持证人数6018人,注册社工机构16家;宁波持证人数2603人" in text
    certified = {f for f in facts(text) if f[1] == "certified_social_workers"}
    assert {("330100", "certified_social_workers", 2014, "actual", D(6018), "="),
            ("330200", "certified_social_workers", 2014, "actual", D(2603), "="),
            ("330300", "certified_social_workers", 2014, "actual", D(870), "="),
            ("330400", "certified_social_workers", 2014, "actual", D(911), "="),
            ("330500", "certified_social_workers", 2014, "actual", D(511), "=")} <= certified
    agencies = {(f[0], f[4]) for f in facts(text) if f[1] == "social_work_agencies"}
    assert {("330200", D(5)), ("330300", D(76))} <= agencies


def test_beds_after_elderly_care_facilities_named_as_institutions():
    # 四川 aging report (ac01): 养老服务设施机构 is one institution; its 床位 are elderly-care beds.
    text = (CORPUS_DOCS / "ac01_sichuan_13th_aging_report_beds_2020.txt").read_text(encoding="utf-8")
    assert "建成各类养老服务设施机构1.8万个、床位50.7万张" in text
    assert ("510000", "elderly_care_beds", 2020, "actual", D(507000), "=") in facts(text)


# -- rankings: the region after the words that rank it --------------------------------------------

def test_a_ranking_of_provinces_over_three_sentences():
    # 中国社会组织 platform report (c08): the first, the second, then a bracketed list; the
    # categories ranked in the next paragraph (民办非企业单位) are no regions.
    text = (CORPUS_DOCS / "c08_cn_provinces_social_orgs_platform_2018.txt").read_text(encoding="utf-8")
    assert "往下依次是山东(5.0721万)、浙江(5.0656万)" in text
    provinces = {(f[0], f[4], f[5]) for f in facts(text) if f[1] == "social_orgs" and f[0] != "100000"}
    assert provinces == {("320000", D(90000), ">="), ("440000", D(66000), ">="), ("370000", D(50721), "="),
                         ("330000", D(50656), "="), ("510000", D(43925), "="), ("420000", D(35966), "="),
                         ("430000", D(34383), "="), ("410000", D(34318), "="), ("130000", D(32483), "="),
                         ("340000", D(30538), "=")}


def test_the_top_and_bottom_of_a_ranking_in_one_sentence():
    # 民政 statistics commentary (ad12): 数量最多的福建有40张,海南最低,仅9张; the count of regions
    # past 30 is no region's figure, nor is 山东占比最高 (a share of all civil-affairs beds).
    text = (CORPUS_DOCS / "ad12_cn_provinces_civil_beds_ranking_2023_trad.txt").read_text(encoding="utf-8")
    per_1k = {(f[0], f[2], f[4]) for f in facts(text) if f[1] == "elderly_care_beds_per_1k_elderly"}
    assert per_1k == {("350000", 2023, D(40)), ("460000", 2023, D(9))}
    assert not any(f[0] == "370000" for f in facts(text))


# -- round of yearbooks, mirrors, the west and older years (batches aq-at) -------------------------

def doc(name: str) -> str:
    return (CORPUS_DOCS / name).read_text(encoding="utf-8")


def test_the_thousand_in_digits_and_a_bound_in_the_headline():
    # 智研 ranking (aq01): 平均每1000名60岁以上老人拥有床位数约为18.6张; the headline's 不足19张 is
    # the same fact bounded, and gives way to it.
    text = doc("aq01_cn_provinces_beds_ranking_2021q1.txt")
    national = {f for f in facts(text) if f[0] == "100000" and f[1] == "elderly_care_beds_per_1k_elderly"}
    assert national == {("100000", "elderly_care_beds_per_1k_elderly", 2021, "actual", D("18.6"), "~")}


def test_organisations_of_a_level_or_a_distinction_are_parts():
    # A book on charity (aq06): 全国性的社会组织仅有约100家,地方性的社会组织有约6000家 are two parts;
    # 内蒙古's plan (as15): 在全国有影响力的社会组织达到50家左右 is neither the country's nor all.
    assert not any(f[1] == "social_orgs" for f in facts(doc("aq06_cn_charity_book_orgs_history_neg.txt")))
    assert not any(f[1] == "social_orgs" and f[4] == 50 for f in facts(doc("as15_neimenggu_social_orgs_2022.txt")))


def test_a_pair_with_its_rate_of_growth_between_and_a_headline_rounding_the_body():
    # 深圳 blue book news (aq11): 从2008年的3355家,以11.79%的年平均增长率增长至2018年的10230家; the
    # headline 每万名常住人口拥有社会组织8个 rounds the body's 2018 value 8.03.
    found = facts(doc("aq11_shenzhen_social_orgs_bluebook_2018.txt"))
    assert {("440300", "social_orgs", 2008, "actual", D(3355), "="),
            ("440300", "social_orgs", 2018, "actual", D(10230), "=")} <= found
    assert not any(f[1] == "social_orgs_per_10k" and f[2] == 2019 for f in found)


def test_a_span_of_years_after_qizhong_is_no_part():
    # A Q&A page (ar07): 其中,2016年至2022年间,持证社会工作者数量从28.8万人增长至73.7万人.
    assert ("100000", "certified_social_workers", 2016, "actual", D(288000), "=") in facts(
        doc("ar07_cn_certified_sw_2022_qa_contradiction.txt"))


def test_the_certificate_named_alone_right_after_qizhong():
    # 克拉玛依 (as07): 拥有社工人才2450人,其中,持有国家职业资格证书人员达739人.
    assert ("650200", "certified_social_workers", 2023, "actual", D(739), "=") in facts(
        doc("as07_karamay_certified_sw_2023.txt"))


def test_organisations_cleared_out_and_beds_of_day_care_centres_are_not_the_stock():
    # 陕西 (as10): 清理低效、无效社会组织2549家 is a flow; 甘肃 (as12): 城市日间照料中心244个,床位数4616张
    # are the centres' beds, not all elderly-care beds.
    assert not any(f[1] == "social_orgs" and f[4] == 2549 for f in facts(doc("as10_shaanxi_social_orgs_2025.txt")))
    assert not any(f[1] == "elderly_care_beds" and f[4] == 4616 for f in facts(doc("as12_gansu_beds_per1k_2013.txt")))


def test_the_year_opening_a_paragraph_after_a_longer_lead_in():
    # 柳州 (as13): 记者从柳州民政局获悉,2022年,柳州市……;有持证社工2137人 (published 2023).
    assert ("450200", "certified_social_workers", 2022, "actual", D(2137), "=") in facts(
        doc("as13_liuzhou_certified_sw_2022.txt"))


def test_certificates_obtained_and_the_count_after_a_comma_that_did_something_else():
    # 上海 2008 (at05): 其中有7992人获得了各类社工资格证书,2140人完成了注册登记.
    certified = {f for f in facts(doc("at05_shanghai_sw_certificates_2008.txt")) if f[1] == "certified_social_workers"}
    assert certified == {("310000", "certified_social_workers", 2008, "actual", D(7992), "=")}


def test_years_of_a_start_or_of_another_country_do_not_date_an_undated_text():
    # 浙江 (at06): 今年上半年 in a text naming only 浙江省在2012年就开始了……试点; 深圳 (at07): 美国……到了2008年.
    assert not any(f[1] == "social_orgs" for f in facts(doc("at06_zhejiang_social_orgs_2013h1.txt")))
    assert not any(f[1] == "social_orgs" and f[4] == 4110 and f[2] == 2008
                   for f in facts(doc("at07_shenzhen_social_orgs_2011_registration.txt")))


def test_the_eve_of_a_party_congress_dates_a_figure():
    # 2021 article (at12): 党的十八大前夕,全国登记的社会组织达46.2万个 is 2012 (十八大: November 2012).
    found = facts(doc("at12_cn_social_orgs_18th_congress_eve_2021.txt"))
    assert ("100000", "social_orgs", 2012, "actual", D(462000), "=") in found
    assert not any(f[1] == "social_orgs" and f[4] == 462000 and f[2] != 2012 for f in found)


# -- round of nursing shares, rates per 10,000, burials and counties (batches au-ax) ---------------

def test_a_trend_named_before_a_from_to_pair():
    # 辽阳 2024 (au01): 养老机构护理型床位占比逐年提高,由2022年底的53.51%提高到目前的57%.
    found = facts(doc("au01_liaoyang_nursing_share_2024.txt"))
    assert ("211000", "nursing_bed_share", 2022, "actual", D("53.51"), "=") in found
    assert ("211000", "nursing_bed_share", 2024, "actual", D(57), "=") in found


def test_a_group_of_regions_has_no_figure_of_its_own():
    # 川渝 (av04): 重庆共有社会组织1.8万家,四川约有4.4万家,两地社会组织总量6.2万家 — 6.2万 is no one's;
    # 青岛 2009 (au06): 市内四区千名老人拥有床位数35张 is four districts', not the city's.
    chuanyu = facts(doc("av04_chuanyu_social_orgs_2024_trad.txt"))
    assert not any(f[4] == 62000 for f in chuanyu)
    # ……and the peer named after the first with its own verb of having states its own figure.
    assert {("500000", "social_orgs", 2024, "actual", D(18000), "="),
            ("510000", "social_orgs", 2024, "actual", D(44000), "~")} <= chuanyu
    assert not any(f[1] == "elderly_care_beds_per_1k_elderly"
                   for f in facts(doc("au06_qingdao_beds_excl_rural_per1k_4districts_2009_trad_neg.txt")))


def test_nursing_beds_named_as_nursing_elderly_care_beds():
    # 厦门 十四五 plan (au07): 到2025年,全市护理型养老床位占比超过70%.
    assert ("350200", "nursing_bed_share", 2025, "target", D(70), ">=") in facts(
        doc("au07_xiamen_14th_plan_beds_nursing_targets_2025.txt"))


def test_since_a_year_is_no_year_of_the_figure():
    # 蜀山区 2014 (av02): 2012年以来,全区已有127人通过……考试 is no figure of 2012.
    assert not any(f[2] == 2012 for f in facts(doc("av02_hefei_shushan_sw_exam_2014_neg.txt")))


def test_years_after_the_present_of_an_undated_abstract_do_not_date_it():
    # 重庆 abstract (av03): 截至目前,重庆市共有社会组织16965家。2017年,全市新登记社会组织1053家: the page
    # gives no date, and 2017 is the year of what follows, not the present of 截至目前.
    assert not any(f[1] == "social_orgs" for f in facts(doc("av03_chongqing_social_orgs_undated_abstract.txt")))


def test_a_year_after_yu_and_a_peak_before_the_value():
    # 眉山 (av07): 全市社会组织数量于2023年达到历史峰值1717家.
    assert ("511400", "social_orgs", 2023, "actual", D(1717), "=") in facts(doc("av07_meishan_social_orgs_2025.txt"))


# -- a heading that names its year: a work summary closing with next year's plan -----------------

def test_a_dated_review_heading_gives_its_year_to_the_figures_under_it():
    # 金华市婺城区民政局2021年工作总结和2022年工作思路 (q09): under 一、2021年工作总结 the results
    # are 2021's, although the title also names 2022.
    text = (CORPUS_DOCS / "q09_wucheng_district_2021_summary_neg.txt").read_text(encoding="utf-8")
    found = {(r.indicator, r.year, r.kind, r.value) for r in records(text).records}
    assert ("min_living_standard_monthly", 2021, "actual", D(900)) in found
    assert not any(year == 2022 for _, year, _, _ in found)


# -- round seven: rules learnt from batches ay, az and ba ---------------------------------------

def doc_facts(name: str) -> set[tuple]:
    text = (CORPUS_DOCS / name).read_text(encoding="utf-8")
    return {(r.region_code, r.indicator, r.year, r.kind, r.value, r.comparator) for r in records(text).records}


def test_a_month_end_date_opening_a_list_holds_for_every_item():
    # 新华社 on the 2020 civil-affairs statistics (ba07): 截至2020年12月底 opens the list, and the
    # bed count after the semicolon is 2020's, not the page year's.
    found = doc_facts("ba07_cn_beds_2020_trad.txt")
    assert ("100000", "elderly_care_beds", 2020, "actual", D(8238000), "=") in found
    assert not any(f[1] == "elderly_care_beds" and f[2] == 2021 for f in found)


def test_organisations_counted_by_party_building_are_a_part():
    # A town's survey of party building (ay05): 未建党组织的社会组织1家,无党员的社会组织11家 count parts.
    assert not any(f[1] == "social_orgs" for f in doc_facts("ay05_sanbing_town_social_orgs_2017_trad.txt"))


def test_a_count_written_with_yu_is_a_result_not_a_plan_goal():
    # News of 内蒙古's 十四五 civil-affairs plan (ba09): 全区持证社会工作者达到7500余人 is what the plan
    # reviews; a goal is not written as 7500余人, so it is no 2025 target.
    found = doc_facts("ba09_neimenggu_plan_certified_sw_2020.txt")
    assert not any(f[1] == "certified_social_workers" and f[3] == "target" for f in found)


def test_beds_per_thousand_named_as_a_rate_of_having():
    # 新华社西安12月26日电 (2019, ba03): 每千名老人床位拥有率达到31.9张.
    assert ("610000", "elderly_care_beds_per_1k_elderly", 2019, "actual", D("31.9"), "=") in doc_facts(
        "ba03_shaanxi_per1k_2019_trad.txt")


def test_a_count_after_qizhong_before_the_certificate_it_names():
    # 新华网 2022 (az02): 全省社会工作专业人才总量超过6万人,其中2.6万人取得社会工作者职业水平证书.
    assert ("350000", "certified_social_workers", 2022, "actual", D(26000), "=") in doc_facts(
        "az02_fujian_certified_sw_2022.txt")


def test_a_total_after_the_flow_of_the_same_beds():
    # 天津 three-year action plan news (ba04): 到2021年,我市要实现以下发展目标:……养老床位保持逐年增长,
    # 新增床位数1.4万张,总数达到8万张. 总数 is the beds' total, a goal of the year opening the paragraph.
    assert ("120000", "elderly_care_beds", 2021, "target", D(80000), "=") in doc_facts(
        "ba04_tianjin_3yr_plan_beds_2021_trad.txt")


def test_the_start_of_a_news_reports_from_to_pair_has_no_year():
    # 半岛都市报 2015 (aj06): 日间照料中心由547家增长到1032家. When the count was 547 the report does
    # not say; only the value it grew to is dated.
    text = (CORPUS_DOCS / "aj06_shandong_radio_hotline_beds_added_neg.txt").read_text(encoding="utf-8")
    assert not any(r.value == 547 for r in records(text).records)


# -- round eight: batches bd and be -----------------------------------------------------------

def test_a_counted_yearly_day_dates_last_year():
    # 济宁日报 (be02): 3月19日是第13个国际社工日 (2019); 截至去年,……持证社工达1059人 is 2018's.
    found = doc_facts("be02_jining_certified_sw_2018.txt")
    assert ("370800", "certified_social_workers", 2018, "actual", D(1059), "=") in found
    assert not any(f[1] == "certified_social_workers" and f[2] == 2019 for f in found)


def test_an_autonomous_prefecture_by_its_short_name_with_zhou():
    # 来凤县 news (bd06): 根据恩施州民政局的安排 names the prefecture 恩施土家族苗族自治州, not its seat
    # 恩施市; the county's own count (该县……社会组织总数达118家) is 来凤县's.
    found = doc_facts("bd06_laifeng_county_social_orgs_2016.txt")
    assert ("422827", "social_orgs", 2016, "actual", D(118), "=") in found
    assert not any(f[0] == "422801" for f in found)


def test_the_publisher_settles_an_ambiguous_district_name():
    # 深圳新闻网2025年12月16日讯 (bd05): 南山区 is Shenzhen's (440305), not Hegang's (230404).
    found = doc_facts("bd05_nanshan_social_orgs_2025.txt")
    assert ("440305", "social_orgs", 2025, "actual", D(714), "=") in found
    assert not any(f[0] == "230404" for f in found)


def test_a_count_whose_scope_a_bracket_changes_is_left_for_review():
    # 舟山 (bd07): 全市共有社会组织4836个(含备案) counts filed organisations too, not the registered
    # total; the rate in the same sentence is taken.
    found = doc_facts("bd07_zhoushan_welfare_lottery_13th_orgs_per10k.txt")
    assert not any(f[1] == "social_orgs" for f in found)
    assert ("330900", "social_orgs_per_10k", 2020, "actual", D(14), "=") in found
    # 青岛 (au06): 共有养老服务机构119处(不含农村敬老院),床位总量达10744张: beds without the rural homes.
    assert not any(f[1] == "elderly_care_beds" for f in doc_facts(
        "au06_qingdao_beds_excl_rural_per1k_4districts_2009_trad_neg.txt"))


# -- round nine: batches bf and bg -------------------------------------------------------------

def test_a_series_that_names_its_figure_again_with_le():
    # Exam-prep page (bg01): 截至2022年底,全国持证社会工作者的数量已经达到了约93万人; 在2016年,……为28.8万人,
    # 而到了2017年,这一数字已经增加到了32.7万人.
    found = doc_facts("bg01_cn_certified_sw_series_contentfarm.txt")
    assert ("100000", "certified_social_workers", 2022, "actual", D(930000), "~") in found
    assert ("100000", "certified_social_workers", 2017, "actual", D(327000), "=") in found


def test_the_latest_year_of_a_series_in_the_opening_is_the_texts_present():
    # Undated mirror (bg03): 2022年广西考区报考人数1.25万人,2023年2.3万人,2024年3.26万人 …… 目前,……社会工作者
    # 持证人数达2.04万: 目前 is 2024, the last year the opening names (a number right after 年 is no month).
    found = doc_facts("bg03_guangxi_certified_sw_2024_trad.txt")
    assert ("450000", "certified_social_workers", 2024, "actual", D(20400), "=") in found
    assert not any(f[1] == "certified_social_workers" and f[2] == 2022 for f in found)


def test_certified_social_workers_per_10k_with_zhuanye_inside():
    # 新华社广州电 2012 (bf07): 全省平均每万人拥有持证专业社工人数达到5人, a goal for the end of 十二五.
    assert ("440000", "certified_social_workers_per_10k", 2015, "target", D(5), "=") in doc_facts(
        "bf07_guangdong_sw_12th_targets_2012_forum.txt")


def test_a_rate_written_around_its_count():
    # 深圳 十二五 plan news, spun (f16): 全市仄均每万人具有8个社会组织 (平均每万人拥有8个社会组织): the count
    # stands inside the rate, whose words with the count's wording name social organisations per 10,000.
    assert ("440300", "social_orgs_per_10k", 2015, "target", D(8), "=") in doc_facts(
        "f16_shenzhen_12th_plan_orgs_per10k_spun.txt")


# -- round ten: batches bh and bi --------------------------------------------------------------

def test_organisations_cleaned_up_or_newly_founded_are_no_total():
    # 国新办 press conference, 2025 (bi14): 推进整治“僵尸型”社会组织7.5万家 counts an action.
    assert not any(f[1] == "social_orgs" and f[4] == D(75000) for f in doc_facts(
        "bi14_cn_14th_review_social_orgs_2025.txt"))
    # 普陀区 report (bi11): 2016年截止到目前新成立登记社会组织101个 counts those founded this year.
    assert not any(f[1] == "social_orgs" and f[4] == D(101) for f in doc_facts(
        "bi11_putuo_sh_law_report_social_orgs_2016.txt"))


def test_a_towns_count_is_no_regions_figure():
    # 诸暨市枫桥镇 (bi03): 枫桥镇社会组织蓬勃发展,现有各类社会组织280家 is the town's.
    assert not any(f[1] == "social_orgs" for f in doc_facts("bi03_fengqiao_town_orgs_2020_neg.txt"))


def test_beds_per_thousand_with_the_verb_after_the_bed_count():
    # 烟台 (bh01): 各类养老床位4.79万张,千名老人拥有32.95张: the rate is the words after the count.
    found = doc_facts("bh01_yantai_beds_per1k_2015_excerpt.txt")
    assert any(f[1] == "elderly_care_beds_per_1k_elderly" and f[4] == D("32.95") for f in found)


# -- round eleven: batches bj and bk ------------------------------------------------------------

def test_a_district_named_under_its_city_and_province():
    # 人民日报客户端浙江频道 2023 (bk03): 浙江省绍兴市上虞区第八届社工文化节 …… 上虞区……持证社工总人数达2606人.
    # A text that speaks as no area and names the district about as often as its province is the
    # district's; 总人数 stands between the wording and its verb.
    found = doc_facts("bk03_shangyu_certified_sw_2023.txt")
    assert ("330604", "certified_social_workers", 2023, "actual", D(2606), "=") in found
    assert not any(f[0] in ("330000", "330600") for f in found)


def test_organisations_guided_to_take_part_are_no_total():
    # 凉山州 (bk02): 引导社会组织18家 counts the organisations an action reached.
    assert not any(f[1] == "social_orgs" for f in doc_facts("bk02_liangshan_community_orgs_2025_neg.txt"))


def test_a_from_to_pair_ends_at_the_sentences_date():
    # 国新办 十四五 review, 2025 (bk07): 截至2024年底,……护理型床位占比从2020年的48%提高到65.7%.
    found = doc_facts("bk07_cn_14th_review_press_2025_trad_pinyin.txt")
    assert ("100000", "nursing_bed_share", 2024, "actual", D("65.7"), "=") in found
    assert ("100000", "nursing_bed_share", 2020, "actual", D(48), "=") in found


# -- round twelve: batches bl, bm and bn --------------------------------------------------------

def test_a_paragraph_looking_back_five_years_speaks_of_the_period_before_it():
    # 网易号 repost of 南昌“十四五”:民政事业亮点纷呈 (bl06): “十四五”期间,南昌民政系统……。
    # 五年来,……完成养老服务床位总数达1.5万张: the period's end, a result.
    text = ("“十四五”期间,南昌民政系统凝心聚力、精准施策,聚焦普惠性、基础性、兜底性民生工程建设。\n"
            "五年来,围绕养老服务体系,南昌出台40余项居家养老服务、老年助餐工作等配套措施,"
            "新建居住(小)区配套建设养老服务设施达标率100%,完成养老服务床位总数达1.5万张\n")
    assert ("360100", "elderly_care_beds", 2025, "actual", D(15000), "=") in facts(text)
    # A look back over another span than the period's is not the period.
    other = text.replace("五年来", "三年来")
    assert not any(f[1] == "elderly_care_beds" for f in facts(other))


def test_a_city_first_in_its_province_speaks_as_a_city():
    # bl06 again: its only 全省 is 南昌在全省率先……, a city measuring itself against its
    # province; the figures are 南昌's, not 江西's.
    found = doc_facts("bl06_nanchang_14th_fyp_beds_2025.txt")
    assert ("360100", "elderly_care_beds", 2025, "actual", D(15000), "=") in found
    assert not any(f[0] == "360000" for f in found)


def test_beds_of_public_and_private_institutions_are_parts():
    # 荆州区 2022 bulletin (bm04): 公办养老机构床位数770张 …… 民办养老机构床位数1072张, and no total.
    text = ("荆州区2022年国民经济和社会发展统计公报\n"
            "2022年末,全区公办养老机构8个,公办养老机构床位数770张,公办养老机构收养人数 389人;"
            "民办养老机构6个,民办养老机构床位数1072张,民办养老机构收养人数394人。")
    assert not any(f[1] == "elderly_care_beds" for f in facts(text))


def test_a_bulletin_title_cut_short_is_still_the_bulletin():
    # 宁夏 2016 bulletin on a mirror (bm02): 宁夏回族自治区2016年国民经济和社会发展统计公(3), then
    # the page date 2017-05-11: the beds are of 2016, the year reported.
    found = doc_facts("bm02_ningxia_2016_bulletin_beds.txt")
    assert ("640000", "elderly_care_beds", 2016, "actual", D(14070), "=") in found
    assert not any(f[2] == 2017 for f in found)


def test_dates_of_a_link_list_with_a_line_between_items_do_not_date_the_page():
    # 人民网 page (bn08): the related-news list gives each link a separator, a title and a time
    # (2018-03-02 08:58:39, the same time twice); the report is of 民政部2020年第四季度例行新闻发布会.
    found = doc_facts("bn08_cn_beds_2020h1_press_conf.txt")
    assert ("100000", "elderly_care_beds", 2020, "actual", D(7900000), ">=") in found
    assert not any(f[2] == 2018 for f in found)


def test_the_original_title_of_a_repost_names_its_region():
    # A 深圳 story reposted by a 吉林 site (bn06): the masthead lists 吉林's cities; 原标题:深圳建成养老床位12000多张.
    found = doc_facts("bn06_shenzhen_beds_2019_spun_repost.txt")
    assert found and all(f[0] == "440300" for f in found)


def test_the_nations_goal_quoted_by_a_city_is_not_the_citys():
    # 安庆 2018 (bn07): 今年将提前实现国家民政事业发展“十三五”规划提出的“每千名老人拥有床位数40张”的目标任务.
    found = doc_facts("bn07_anqing_beds_2018_cppcc_survey.txt")
    assert not any(f[1] == "elderly_care_beds_per_1k_elderly" for f in found)
    assert ("340800", "elderly_care_beds", 2018, "actual", D(31293), "=") in found


def test_a_province_that_never_names_itself_is_known_by_its_document_numbers():
    # 江苏 reply to a people's congress deputy (bn10): 全省 throughout, and its own documents cited as
    # 《……实施意见》(苏办发〔2017〕51号). Province abbreviations: data/reference/province_abbreviations.csv.
    found = doc_facts("bn10_jiangsu_npc_reply_social_orgs_2020.txt")
    assert ("320000", "social_orgs", 2020, "actual", D(97800), "=") in found
    # The nation's documents (国人部发〔2006〕71号) name no province: 广东's reply (af01) cites both.
    text = (CORPUS_DOCS / "af01_guangdong_hrss_reply_certified_sw_2018.txt").read_text(encoding="utf-8")
    assert "国人部发〔2006〕71号" in text and "粤办发〔2017〕52号" in text
    assert records(text).metadata.region_code == "440000"


def test_organisations_registered_in_all_written_before_their_noun():
    # 白云区 2014 (bo07): 目前,白云区共登记成立584家社会组织,其中组建党组织154家.
    found = doc_facts("bo07_baiyun_district_social_orgs_party_2014.txt")
    assert ("440111", "social_orgs", 2014, "actual", D(584), "=") in found
    # A few organisations that did something are no count of all (腾冲 2020, bo08).
    assert not any(f[1] == "social_orgs" for f in doc_facts("bo08_tengchong_covid_donating_orgs_2020_neg.txt"))


def test_non_public_organisations_a_party_count_covers_are_a_part():
    # 鹿泉区 2019 (bo12): 社会组织85家,已建党组织41个,覆盖非公社会组织84家.
    found = doc_facts("bo12_luquan_party_coverage_orgs_2019_doubt.txt")
    assert not any(f[1] == "social_orgs" and f[4] == 84 for f in found)


def test_a_plans_goal_reported_after_its_year_stays_a_goal():
    # A 2022 paper on 北京's beds (ak06): 2015年《北京市养老服务设施专项规划》提及……“至2020年,实现全市
    # 机构养老床位数量达到16万张”: the plan's target for 2020, not what 2020 reached.
    found = doc_facts("ak06_beijing_bed_vacancy_paper_2020_target.txt")
    assert ("110000", "elderly_care_beds", 2020, "target", D(160000), "=") in found
    assert ("110000", "elderly_care_beds", 2020, "actual", D(160000), "=") not in found


def test_another_countrys_year_is_not_the_texts_present():
    # 2011 piece on registering 深圳's organisations (at07): 美国2000年有56000个基金会 opens with a year
    # of America's figures; 深圳市登记各类社会组织4110个 (a survey, undated) is no figure of 2000.
    text = (CORPUS_DOCS / "at07_shenzhen_social_orgs_2011_registration.txt").read_text(encoding="utf-8")
    assert "美国2000年有56000个基金会" in text
    found = facts(text)
    assert not any(f[2] == 2000 for f in found)
    assert ("440300", "social_orgs", 2011, "actual", D(4213), "=") in found


def test_a_page_date_with_its_clock_in_words_dates_the_report():
    # gov.cn repost of 新华社 (bq02): 2012年01月11日 17时00分 来源:新华社, then 新华社乌鲁木齐1月11日电 without a
    # year. 至“十二五”末,基本实现新疆每千名老人拥有养老床位30张 is a goal, though the sentence says 已进入
    # 人口老龄化社会 of the population.
    found = doc_facts("bq02_xinjiang_per1k_target_2015.txt")
    assert ("650000", "elderly_care_beds_per_1k_elderly", 2015, "target", D(30), "=") in found
    assert not any(f[3] == "actual" for f in found if f[1] == "elderly_care_beds_per_1k_elderly")


def test_beds_named_after_one_owners_institutions_are_theirs():
    # 长春 2017 (bq05): 长春市区内共有各类民办养老机构207家,养老床位25600张 counts private homes' beds only.
    assert not any(f[1] == "elderly_care_beds" for f in doc_facts("bq05_changchun_private_homes_beds_2017_trad_neg.txt"))


def test_a_rate_required_of_cemeteries_is_no_regions_rate():
    # 甘肃 2017 notice (bp01): 要求新建城镇公益性公墓墓区绿化覆盖率不低于50%、节地生态安葬率达到100%.
    assert not any(f[1] == "eco_burial_rate" for f in doc_facts("bp01_gansu_cemetery_ecoburial_100pct_2017_neg.txt"))
    # Cemeteries counted before a province's rate leave it the province's (湖南 2021, b12: 城市公墓110个,……,
    # 节地生态安葬率由29.41%增长到53.2%).
    assert ("430000", "eco_burial_rate", 2020, "actual", D("53.2"), "=") in doc_facts(
        "b12_hunan_funeral_action_plan_14th.txt")


def test_beds_counted_with_ge_in_older_texts():
    # 宁波 2010 (bs03): 截至去年,我市共有养老机构176所,共有23523个床位. The page's date is only in its
    # address, so no year is decided; the beds are read all the same.
    text = (CORPUS_DOCS / "bs03_ningbo_beds_2009.txt").read_text(encoding="utf-8")
    assert any("'床位' 23523" in note for note in records(text).notes)


def test_community_organisations_filed_are_not_the_registered_total():
    # 包河区 2014 (bs04): 依法登记的社会组织已有226个,纳入备案管理的城乡基层社会组织677个.
    found = doc_facts("bs04_baohe_social_orgs_2014.txt")
    assert ("340111", "social_orgs", 2014, "actual", D(226), "=") in found
    assert not any(f[1] == "social_orgs" and f[4] == 677 for f in found)


# -- round fourteen: batches br and bs ----------------------------------------------------------

def test_a_space_between_a_number_and_its_unit_or_year():
    # Text taken from a typeset report (br05): 2016 年全国……各类养老床位680 万张; 到2020 年,每千名老人拥有的
    # 养老床位要达到35~45 张.
    found = doc_facts("br05_cn_beds_gap_2016_reportway.txt")
    assert ("100000", "elderly_care_beds", 2016, "actual", D(6800000), "=") in found
    assert any(f[:4] == ("100000", "elderly_care_beds_per_1k_elderly", 2020, "target") and f[4] == 35 for f in found)


def test_a_headlines_present_word_does_not_hide_the_year_the_lead_names():
    # 人民日报 repost (br07): the headline 三十二万多人取得社会工作者职业资格 今年报考总人数增长近三成, then
    # 本报北京6月10日电 (记者潘跃)2018年全国社会工作者职业水平考试……; 目前全国已有32.6万余人……取得了……证书.
    found = doc_facts("br07_cn_certified_sw_2018_stripped_summary.txt")
    assert ("100000", "certified_social_workers", 2018, "actual", D(326000), ">=") in found


def test_counts_listed_with_commas_after_one_verb():
    # 新华社 via 闽南网 (br01): 截至今年6月底,全国已有近22万个养老服务机构和设施,790多万张养老服务床位.
    found = doc_facts("br01_cn_beds_2020h1_presser_spam.txt")
    assert ("100000", "elderly_care_beds", 2020, "actual", D(7900000), ">=") in found


def test_a_headlines_round_goal_takes_the_bodys_bound():
    # 到2025年养老服务床位达900万张 (headline) over 到2025年,养老服务床位总量达到900万张以上 (z09): one fact, at least.
    found = doc_facts("z09_cn_eldercare_plan_2025_trad.txt")
    assert ("100000", "elderly_care_beds", 2025, "target", D(9000000), ">=") in found
    assert ("100000", "elderly_care_beds", 2025, "target", D(9000000), "=") not in found


def test_organisations_that_did_something_are_no_total():
    # 宿松县 2022 (bt09): 目前35家社会组织已有8家完成了年检 counts those inspected.
    assert not any(f[1] == "social_orgs" for f in doc_facts("bt09_susong_org_inspection_2022_trad_neg.txt"))


def test_a_flow_verb_governs_a_list_of_counts():
    # 海安市 2023 livelihood projects (bn05): 新增民营养老机构不少于2家、养老床位不少于300张 adds beds.
    found = doc_facts("bn05_haian_2023_livelihood_projects_progress_neg.txt")
    assert not any(f[1] == "elderly_care_beds" for f in found)
    # 嘉定 2017 (n11): 新增老年活动室10家、老年人日间服务中心3家、助餐点5个 are new ones, and 床位总量超过9000张
    # the stock.
    found = doc_facts("n11_jiading_district_beds_2017.txt")
    assert ("310114", "elderly_care_beds", 2017, "actual", D(9000), ">=") in found
    assert not any(f[1] == "elderly_day_care_centres" for f in found)


def test_year_end_statistics_date_an_undated_report_in_the_year_after():
    # 沈阳日报 (u09), dated only 12月6日: 截至2016年底,辽宁共有60岁以上老年人925.3万……。目前,辽宁共有
    # 各类养老机构1797家,养老床位26.39万张: the year-end figures are out, so 目前 is 2017.
    found = doc_facts("u09_liaoning_beds_2017.txt")
    assert ("210000", "elderly_care_beds", 2017, "actual", D(263900), "=") in found
    # 烟台 (bh01): 截至2014年底,烟台60岁以上老年人达145.4万人……目前,……各类养老床位4.79万张,千名老人拥有32.95张.
    found = doc_facts("bh01_yantai_beds_per1k_2015_excerpt.txt")
    assert ("370600", "elderly_care_beds", 2015, "actual", D(47900), "=") in found
    assert ("370600", "elderly_care_beds_per_1k_elderly", 2015, "actual", D("32.95"), "=") in found
    # 淮安 (d03): the figure stated at the year's end keeps that year.
    found = doc_facts("d03_huaian_certified_sw_2017.txt")
    assert ("320800", "certified_social_workers", 2017, "actual", D(869), "=") in found


def test_a_report_on_a_plan_period_brought_to_its_close_speaks_in_its_last_year():
    # 央视 (d11), undated: 国务院新闻办召开“高质量完成“十四五””系列新闻发布会,介绍“十四五”期间民政发展取得的
    # 成就。……全国登记注册的社会组织数量达到86.5万个.
    found = doc_facts("d11_cn_social_orgs_14th_review_2025.txt")
    assert ("100000", "social_orgs", 2025, "actual", D(865000), "=") in found
    # 北京商报 (au02), dated only 12月11日: 首都"十四五"规划高质量收官系列主题新闻发布会 …… 累计建成养老机构622家、
    # 床位11万张,护理型床位占比达68%.
    found = doc_facts("au02_beijing_14th_review_nursing_share_2025_trad.txt")
    assert ("110000", "elderly_care_beds", 2025, "actual", D(110000), "=") in found
    assert ("110000", "nursing_bed_share", 2025, "actual", D(68), "=") in found


def test_beds_per_thousand_with_only_has():
    # 宁夏 2015 (w04): 目前,宁夏各类养老服务机构只有109个、床位15024张,每千名老人只有18.8张床位,供需矛盾突出.
    found = doc_facts("w04_ningxia_beds_2015_dxbei.txt")
    assert ("640000", "elderly_care_beds_per_1k_elderly", 2015, "actual", D("18.8"), "=") in found
    assert ("640000", "elderly_care_beds", 2015, "actual", D(15024), "=") in found


def test_a_change_stated_on_the_way_to_the_total():
    # Content-farm summary of the national series (bg01): 2020年是一个关键的转折点,持证社会工作者的数量大幅
    # 增加了13.8万人,达到了66.9万人. The total is the figure, not the change before it.
    found = doc_facts("bg01_cn_certified_sw_series_contentfarm.txt")
    assert ("100000", "certified_social_workers", 2020, "actual", D(669000), "=") in found
    assert not any(f[1] == "certified_social_workers" and f[4] == D(138000) for f in found)


# -- batches bu, bv, bw: county pages, city texts, news of certified social workers --------------

def test_a_year_that_opens_a_span_is_no_figures_year():
    # 锡林郭勒日报 2018 (bu04): 从2015年开始,我盟……投入资金2.36亿元: since 2015, up to the present.
    sentence = "从2015年开始,我盟通过地方财政、彩票公益金和社会力量投入资金2.36亿元"
    assert [t.year for t in find_time_expressions(sentence)] == []
    assert [t.year for t in find_time_expressions("2015年,我盟投入资金2.36亿元")] == [2015]


def test_beds_of_the_institutions_just_counted_are_a_part():
    # bu04: ……3处示范性牧民养老服务机构的建设和发展,3家养老机构床位总数达到了2660张: three homes' beds.
    found = doc_facts("bu04_xilingol_pastoral_homes_2018_neg.txt")
    assert not any(f[1] == "elderly_care_beds" for f in found)


def test_a_year_before_which_something_happens_is_not_the_present():
    # 上海 (bv02), page date 04-11 without a year: 上海老龄化高峰预计在2035年之前来临 is no present;
    # 据悉,“十四五”全市将建成17.8万张养老床位 is a goal.
    found = doc_facts("bv02_shanghai_beds_target_2025_aggregator.txt")
    assert ("310000", "elderly_care_beds", 2025, "target", D(178000), "=") in found
    assert not any(f[1] == "elderly_care_beds" and f[3] == "actual" for f in found)


def test_will_add_is_a_flow():
    # 泉州晚报 headline (bv01): 今年将增养老床位3840张 adds beds.
    found = doc_facts("bv01_quanzhou_beds_2017_shuffled_farm.txt")
    assert not any(f[1] == "elderly_care_beds" and f[4] == D(3840) for f in found)


def test_organisations_cultivated_are_no_stock():
    # 延吉 2021 (bu02): 培育发展各类社会组织575家 counts those the bureau fostered; left for a person.
    assert not any(f[1] == "social_orgs" for f in doc_facts("bu02_yanji_orgs_575_2021_doubt.txt"))


def test_an_autonomous_county_by_its_short_name():
    # 互助县 government site (bu03): 互助县 is 互助土族自治县 630223.
    text = (CORPUS_DOCS / "bu03_huzhu_minzheng_2023_neg.txt").read_text(encoding="utf-8")
    assert records(text).metadata.region_code == "630223"


def test_a_street_named_after_a_province_is_no_mention_of_it():
    # 延吉新闻网 2020 (bu01): 河南街道白梅社会工作服务中心 is a street of 延吉, not 河南省.
    from ingest.regions import default_regions
    sentence = "调研组先后来到公园街道杨柳社会工作服务中心、河南街道白梅社会工作服务中心、进学街道娇阳社区"
    assert "河南" not in default_regions().mentions(sentence)
    assert "河南" in default_regions().mentions("记者从河南民政部门获悉")


def test_the_citys_own_figure_in_a_report_of_provincial_officials():
    # 延吉新闻网 (bu01): 省民政厅……来到延吉,……目前,全市共注册登记各类社会组织574家. The page's date is in its
    # URL (…/2020/1118/…), given here as its first line; 全市 is 延吉市, the city the text names.
    text = "2020-11-18\n" + (CORPUS_DOCS / "bu01_yanji_social_orgs_2020.txt").read_text(encoding="utf-8")
    assert ("222401", "social_orgs", 2020, "actual", D(574), "=") in facts(text)


def test_a_model_county_is_no_county():
    # 文登大众 2019 (bw03): 全省殡葬综合改革示范县 holds 范县 (410926, Henan) only as letters.
    assert not any(f[0] == "410926" for f in doc_facts("bw03_wendeng_eco_burial_30pct_2019.txt"))


def test_an_untimed_count_of_a_news_report_citing_a_plan_is_its_present():
    # 2019 news (bw09) citing 《社会工作专业人才队伍建设中长期规划(2011-2020年)》: 我国持证社工达44万人 is
    # the count of the day, not the plan's 2020 goal.
    found = doc_facts("bw09_cn_certified_sw_44wan_2018.txt")
    assert not any(f[1] == "certified_social_workers" and f[3] == "target" for f in found)
    # 2016 news (av09): 我国专业社工近50万名 (headline) is 2016's.
    found = doc_facts("av09_cn_certified_sw_2016.txt")
    assert ("100000", "professional_social_workers", 2016, "actual", D(500000), "~") in found


def test_holders_of_the_assistant_level_and_above_after_a_gap_named():
    # 金山网 2013 (bw07): 镇江市社会工作者专业人才缺口较大,目前具有助理社工师以上资格的仅有283人.
    found = doc_facts("bw07_zhenjiang_certified_sw_2013.txt")
    assert ("321100", "certified_social_workers", 2013, "actual", D(283), "=") in found


def test_a_session_of_the_national_congress_dates_its_report():
    # 人民网 (aj02), dated only 3月13日电: 十二届全国人大一次会议新闻中心……召开记者会 is March 2013, so
    # 到去年年底,通过职业水平考试获得职业资格证书的专业社工已经有8万多人 is 2012's.
    found = doc_facts("aj02_cn_npc_press_conference_certified_sw_2012.txt")
    assert ("100000", "certified_social_workers", 2012, "actual", D(80000), ">=") in found
    from ingest.metadata import find_occasion_year
    assert find_occasion_year("在十三届全国人大二次会议上") == 2019
    assert find_occasion_year("十三届全国人大常委会第三十七次会议") is None


def test_a_dated_lead_after_the_reporters_of_a_dateline():
    # 东北新闻网 (bo03) opens 东北新闻网讯(记者贺小雁)9月14日,……; the same lead with the year its page's URL
    # gives (…/2010/09/…) dates the report: 目前全省依法登记的社会组织已经达到2万多家 is 2010's.
    text = (CORPUS_DOCS / "bo03_liaoning_social_orgs_party_2010.txt").read_text(encoding="utf-8")
    dated = text.replace("东北新闻网讯(记者贺小雁)9月14日", "东北新闻网讯(记者贺小雁)2010年9月14日", 1)
    assert ("210000", "social_orgs", 2010, "actual", D(20000), ">=") in facts(dated)
    assert not any(f[1] == "social_orgs" for f in facts(text))


def test_a_heading_that_names_a_plan_period_dates_its_results():
    # 临沂 民政 review (by03) under the heading 一、“十三五”期间亮点工作: 养老机构护理型床位占比41.2% is 2020's.
    found = doc_facts("by03_linyi_13th_review_beds.txt")
    assert ("371300", "nursing_bed_share", 2020, "actual", D("41.2"), "=") in found
    from ingest.sections import REVIEW, map_sections
    assert map_sections("一、“十三五”期间亮点工作\n全市……").dated_at(3) == (REVIEW, 2020)


def test_beds_of_institutions_and_communities_for_the_old():
    # 国新办 2021 (bd04): 截至2020年底,……各类机构和社区老年床位823.8万张,同比增长7.3%.
    found = doc_facts("bd04_cn_beds_2020_press_conf.txt")
    assert ("100000", "elderly_care_beds", 2020, "actual", D(8238000), "=") in found


# -- batches bx to cb: provincial and older texts, replies, districts, the north and west ---------

def test_filed_and_taking_part_organisations_are_parts_and_a_district_by_its_short_name():
    # 昆都仑区 2018 (cb05): 截止到2018年年底,昆区正式注册的社会组织有372家,街道备案的社会组织1380家;
    # 参与各级政府购买项目的社会组织21家; 参与民政厅支持项目的昆区社会组织共18家. Only the registered total
    # counts, and it is the district's (昆区 is 昆都仑区), not 包头市's the text also names.
    found = {f for f in doc_facts("cb05_kundulun_social_orgs_2018.txt") if f[1] == "social_orgs"}
    assert found == {("150203", "social_orgs", 2018, "actual", D(372), "=")}


def test_holders_of_the_national_certificate():
    # 宁波 2021 (ca11): 据悉,宁波持有全国社会工作者职业水平证书人员10410人.
    found = doc_facts("ca11_ningbo_jiangbei_sw_week_2021_trad.txt")
    assert ("330200", "certified_social_workers", 2021, "actual", D(10410), "=") in found


def test_a_short_name_is_the_region_the_text_names_in_full():
    # 舟山 news (ca03): the lead names 舟山市普陀区, the figure's sentence only 普陀 (当前,普陀共有登记注册
    # 社会组织338家): 普陀 is 330903, not Shanghai's 310107.
    from ingest.normalise import normalise
    from ingest.regions import default_regions
    table = default_regions()
    text = normalise((CORPUS_DOCS / "ca03_putuo_zhoushan_social_orgs_2021_trad.txt").read_text(encoding="utf-8"))
    assert table.resolve("普陀", text, table.mentions(text)).region.code == "330903"


def test_a_photo_caption_is_no_text():
    from ingest.normalise import normalise

    # 延吉新闻网 2020 (bu01): 调研公园街道杨柳社会工作服务中心 翟宇佳 摄 captions a picture; the text goes on.
    text = normalise((CORPUS_DOCS / "bu01_yanji_social_orgs_2020.txt").read_text(encoding="utf-8"))
    assert "摄" not in text
    assert "调研组先后来到公园街道杨柳社会工作服务中心" in text


def test_a_plans_review_of_the_period_before_under_its_headings():
    # 江西 十三五 民政 plan (cd03): 第一节基础条件 …… 一、规划重要指标完成良好 …… 每万人拥有社会组织数达4.4个: 2015's.
    found = doc_facts("cd03_jiangxi_13th_mz_plan_12th_review.txt")
    assert ("360000", "social_orgs_per_10k", 2015, "actual", D("4.4"), "=") in found



def test_a_publication_date_among_the_page_buttons_dates_the_page():
    # 邢台市人民政府 page (cf01): its only date sits on the font-size widget's line,
    # 【字体:     发布日期:2017-12-27; 全市共有养老床位2万余张 has no time word of its own.
    found = doc_facts("cf01_xingtai_eldercare_beds_2017.txt")
    assert ("130500", "elderly_care_beds", 2017, "actual", D(20000), ">=") in found
    assert ("130500", "elderly_care_beds_per_1k_elderly", 2017, "actual", D(20), "~") in found


def test_a_judgement_of_the_figure_before_its_value():
    # 湖南日报 2017 (u14): 我省节地生态安葬率不容乐观,2016年度仅为36.6% — the rate is judged, then given.
    found = doc_facts("u14_hunan_eco_burial_2016_qingming.txt")
    assert ("430000", "eco_burial_rate", 2016, "actual", D("36.6"), "=") in found


def test_a_text_that_names_no_region_is_its_papers_when_it_speaks_as_that_region():
    # 大众日报 2022 (q10): 全省社区社会组织达18.34万个 …… 来源:大众日报 …… 我省: 山东's paper, 山东's text.
    text = (CORPUS_DOCS / "q10_shandong_community_orgs_2022_neg.txt").read_text(encoding="utf-8")
    assert records(text).metadata.region_code == "370000"
    # 市场星报 2011 (ao06): 星报讯 …… 目前,我省已处于人口老龄化的快速发展阶段: 安徽's.
    text = (CORPUS_DOCS / "ao06_anhui_12th_beds_target_2011.txt").read_text(encoding="utf-8")
    assert records(text).metadata.region_code == "340000"


def test_a_city_text_in_a_provincial_paper_is_not_the_provinces():
    # ao06's lead with 省 made 市 (市政府, 全市, 我市, 市民政局): a city of 安徽 it does not name, not 安徽.
    text = (CORPUS_DOCS / "ao06_anhui_12th_beds_target_2011.txt").read_text(encoding="utf-8")
    for province_word, city_word in (("省政府", "市政府"), ("全省", "全市"), ("我省", "我市"), ("省民政厅", "市民政局")):
        text = text.replace(province_word, city_word)
    assert records(text).metadata.region_code != "340000"


def test_a_goals_period_opening_the_sentence_before_dates_the_goal():
    # 滁州 实施办法 (z05, reposted 2024): 到“十二五”末,全市基本建立……新格局。全市养老机构床位数达到每千名老年人40张以上
    # is the goal for 2015, not a result of the repost's year.
    found = doc_facts("z05_chuzhou_eldercare_measures_12th_trad.txt")
    assert ("341100", "elderly_care_beds_per_1k_elderly", 2015, "target", D(40), ">=") in found


def test_a_milestone_passed_is_the_figure():
    # 社工考试 site 2026 (s04): 截至2025年底,全国持证社会工作者已突破百万大关 — at least a million.
    found = doc_facts("s04_cn_certified_sw_2025_million_exam_site.txt")
    assert ("100000", "certified_social_workers", 2025, "actual", D(1000000), ">=") in found


def test_places_listed_after_a_cemetery_are_whose_rate_it_is():
    # 福建 2018 (aa05, a spun copy): 对公墓建设运营……进行了专项整治,其中厦门、泉州、福州市节地生态埋葬率均达90%以上
    # is the three cities' rate, not the cemeteries' (the copy states no year, so no record comes of it).
    text = (CORPUS_DOCS / "aa05_fujian_cities_ecoburial_2018_spun.txt").read_text(encoding="utf-8")
    notes = records(text).notes
    assert not any("of 公墓" in note for note in notes)
    assert any("'节地生态安葬率' 90: no year" in note for note in notes)


def test_a_fall_states_the_level_reached():
    # Forum post on 民政部 figures (cg02): 截至2024年底,全国社会组织总量降到了87.18万个,比前一年少了1.11%.
    found = doc_facts("cg02_cn_social_orgs_2024_2025_forum_html.txt")
    assert ("100000", "social_orgs", 2024, "actual", D(871800), "=") in found


def test_markup_kept_in_a_stored_page_is_no_text():
    from ingest.normalise import normalise

    # A WeChat post stored with its markup (cg02): the value wrapped in <span> joins its sentence,
    # and each <p> is a line of its own.
    text = normalise((CORPUS_DOCS / "cg02_cn_social_orgs_2024_2025_forum_html.txt").read_text(encoding="utf-8"))
    assert "到了2025年底,总数更是滑到了83.4万家。" in text
    assert "\n这不是错觉,是实打实的数据。\n" in text
    assert "<span" not in "\n".join(text.splitlines()[:8])


def test_a_bare_total_stands_for_the_indicator_the_sentence_before_named():
    # Content-farm page (cg01): 全国持证社会工作者数量持续攀升。截至2025年底,持证总人数已突破百万大关。
    found = doc_facts("cg01_cn_certified_sw_2025_million_contentfarm.txt")
    assert ("100000", "certified_social_workers", 2025, "actual", D(1000000), ">=") in found


def test_a_year_after_a_reporters_lead_ending_in_a_colon_opens_the_paragraph():
    # 全国民政工作会议 report (cg03): 记者近日从全国民政工作会议上获悉:2025年我国……;……;……养老机构护理型
    # 床位占比达67.5%;…… — 2025's, not the year of the next paragraph (2026年是“十五五”开局之年).
    found = doc_facts("cg03_cn_nursing_share_2025_mz_conference_trad.txt")
    assert ("100000", "nursing_bed_share", 2025, "actual", D("67.5"), "=") in found


def test_pinyin_in_full_width_brackets_is_dropped_as_in_half_width():
    # 人民网 interview mirrored with pinyin after characters (a15, 發(fā)): the same page with the
    # full-width brackets other converters write gives the same figures.
    text = (CORPUS_DOCS / "a15_cn_beds_2009_per100_trad.txt").read_text(encoding="utf-8")
    full_width = text.translate(str.maketrans({"(": "（", ")": "）", ",": "，", ":": "："}))
    assert ("100000", "elderly_care_beds", 2009, "actual", D(2660000), "=") in facts(text)
    assert facts(full_width) == facts(text)


def test_beds_after_the_institutions_among_all_facilities_are_the_institutions_beds():
    # 临沂 十三五 review (by03): 全市共建成各类养老服务设施958处,其中养老机构120处、床位2.4万张 — the beds of
    # the city's institutions, not a part of some larger bed count.
    found = doc_facts("by03_linyi_13th_review_beds.txt")
    assert ("371300", "elderly_care_beds", 2020, "actual", D(24000), "=") in found


def test_a_regions_count_then_what_some_of_them_do():
    # 莱西 e-paper 2015 (ci01): 目前,全市216家社会组织中,建立社会组织党组织27个 — the city's total, then a part.
    found = doc_facts("ci01_laixi_social_orgs_party_2015.txt")
    assert ("370285", "social_orgs", 2015, "actual", D(216), "=") in found
    assert not any(fact[4] in (D(27), D(189)) for fact in found if fact[1] == "social_orgs")


def test_a_plans_stock_before_its_noun():
    # 闵行 2024 (ch10), in the title only: 上海闵行:至2035年规划超2万张养老床位 — a goal of at least 20,000 beds.
    found = doc_facts("ch10_minhang_facility_plan_2035.txt")
    assert ("310112", "elderly_care_beds", 2035, "target", D(20000), ">=") in found


def test_a_region_referred_back_to_owns_the_figure():
    # 中新网 2021 (q06): 广东省民政厅2日称,该省多地……,节地生态安葬率超60% is 广东's; 目前该市节地生态安葬率
    # 达到84.25% (after 广州市民政局) is 广州's.
    found = doc_facts("q06_guangdong_guangzhou_eco_burial_2021.txt")
    assert ("440000", "eco_burial_rate", 2021, "actual", D(60), ">=") in found
    assert ("440100", "eco_burial_rate", 2021, "actual", D("84.25"), "=") in found


def test_a_flow_verb_governs_counts_listed_with_commas():
    # 上海 2022 政府工作报告 news (cj11): 2021年上海新增社区综合为老服务中心51家,助餐场所201个,养老床位5084张 —
    # beds added, not the city's beds.
    found = doc_facts("cj11_shanghai_gwr_2022_beds_added_neg.txt")
    assert not any(fact[1] == "elderly_care_beds" for fact in found)


def test_an_item_listed_after_the_total_is_a_part():
    # 广州 2019 (cj04): 全市登记社会组织8122个,包括社会团体3406个,……,其中行业协会351个,登记认定慈善组织124个,
    # 确认获得公益性捐赠税前扣除资格的社会组织89个 — 8122 is the total, 89 one of its parts.
    found = doc_facts("cj04_guangzhou_social_orgs_2019_trad.txt")
    assert {fact[4] for fact in found if fact[1] == "social_orgs"} == {D(8122)}


def test_a_district_bureaus_text_is_not_an_autonomous_regions():
    # 通州 2020 work summary (cj01): 区委社会工委区民政局 …… 全区 …… 新疆喀什返京旅游人员 — a district speaks
    # through its 区委 and 区民政局; 新疆, named once, is not the text's region.
    text = (CORPUS_DOCS / "cj01_tongzhou_mzj_2020_summary_neg.txt").read_text(encoding="utf-8")
    assert records(text).metadata.region_code != "650000"


def test_a_rate_around_its_count_with_the_thousand_in_digits():
    # 湖南 2011 opinions (bf01): 到2015年,……实现平均每1000名老年人20张以上床位 — the count stands inside the
    # rate, with no verb of having and a bare 床位 after it.
    found = doc_facts("bf01_hunan_eldercare_opinions_2011_abstract.txt")
    assert ("430000", "elderly_care_beds_per_1k_elderly", 2015, "target", D(20), ">=") in found


def test_a_region_before_its_indicator_owns_the_clause_after():
    # 2021 ranking of provinces (aq01): 安徽省养老床位量相对充足,以平均每1000名老人31.8张床位数排名第1 — 安徽's
    # rate, not the nation's.
    found = doc_facts("aq01_cn_provinces_beds_ranking_2021q1.txt")
    assert ("340000", "elderly_care_beds_per_1k_elderly", 2021, "actual", D("31.8"), "=") in found
    assert not any(fact[1] == "elderly_care_beds_per_1k_elderly" and fact[4] == D("31.8") and fact[0] == "100000"
                   for fact in found)


def test_to_a_days_date_dates_a_count_as_of_then():
    # 佛山 民政局长 interview (cm01): 到2011年12月31日,我市在民政部门注册登记的社会组织2332个,位列全省第三 —
    # 到 a day's date is the date of a count, as 截至 is, not the deadline of a goal.
    found = doc_facts("cm01_foshan_director_interview_social_orgs_2011.txt")
    assert ("440600", "social_orgs", 2011, "actual", D(2332), "=") in found


def test_a_verbs_le_reports_what_was_done_in_the_texts_year():
    # 常州 民生实事完成情况 press conference, 2022-12-28 (cm08): 2022年,我们积极推动……,新增改造提升了10家……,
    # 全市新增护理型床位718张,护理型床位占比达到72% — a result of the year, though 新增 words goals elsewhere.
    found = doc_facts("cm08_changzhou_livelihood_presser_nursing_share_2022_trad.txt")
    assert ("320400", "nursing_bed_share", 2022, "actual", D(72), "=") in found
    assert not any(fact[1] == "nursing_bed_share" and fact[3] == "target" for fact in found)


def test_a_date_label_in_brackets_dates_the_page():
    # News pages and their aggregators put the label in brackets (【发布时间】2022年9月10日); the
    # sentence is 宁波's (aa08): 目前 is the page's year.
    text = ("【发布时间】2025年3月22日\n宁波社工队伍持续壮大\n"
            "记者从宁波市民政局获悉,目前全市共有46548名持证社会工作者。\n")
    assert ("330200", "certified_social_workers", 2025, "actual", D(46548), "=") in facts(text)


def test_a_pair_of_values_reports_a_change_that_came_about():
    # News reports state a change as a pair of values (福建 2018, ad10: 民营养老床位占比由30%提高到60%;
    # 九江, bv06: 集中供养率由2004年的25%提高到85%): the later value is the present one, not a goal.
    text = ("新华网2022年6月5日电 记者从杭州市民政局获悉,全市养老服务体系建设取得新进展,"
            "养老机构护理型床位占比由40%提高到55%。")
    assert ("330100", "nursing_bed_share", 2022, "actual", D(55), "=") in facts(text)


def test_a_government_work_reports_past_year_is_the_year_before_its_own():
    # A government work report opens its review with 过去一年 (or 去年) and is given early in its own year,
    # which its title states: the review's figures are the year before's results, its tasks the year's goals.
    text = ("2023年杭州市政府工作报告\n——2023年1月10日在杭州市第十四届人民代表大会第三次会议上\n"
            "过去一年,全市新增养老床位2000张,养老机构护理型床位占比达到58%。\n"
            "2023年主要目标任务:养老机构护理型床位占比达到60%。\n")
    found = facts(text)
    assert ("330100", "nursing_bed_share", 2022, "actual", D(58), "=") in found
    assert ("330100", "nursing_bed_share", 2023, "target", D(60), "=") in found


def test_a_count_of_a_provinces_cities_or_counties_is_no_regions_figure():
    # Provinces count their cities and counties as 13个设区市, 88个县(市、区), 115个县市区 (ay, bu and au
    # batches): how many pass a mark says nothing of the province's own rate.
    text = "新华网2022年6月5日电 记者从浙江省民政厅获悉,全省11个设区市节地生态安葬率均超过60%。"
    assert not any(fact[1] == "eco_burial_rate" for fact in facts(text))
    text = "新华网2022年6月5日电 记者从福建省民政厅获悉,全省84个县(市、区)节地生态安葬率均达到50%以上。"
    assert not any(fact[1] == "eco_burial_rate" for fact in facts(text))


def test_a_regions_de_before_the_nursing_share():
    # A region's own figure named with 的 (ag07: 目前,山东的生态安葬率已近3成): 湖州市的护理型床位占比 is the nursing share,
    # the 的 no part of its wording.
    text = "新华网2022年6月5日电 记者从浙江省民政厅获悉,湖州市的护理型床位占比超过60%。"
    assert ("330500", "nursing_bed_share", 2022, "actual", D(60), ">=") in facts(text)


def test_a_plans_table_one_cell_per_line_with_numbered_labels():
    # 广西 民政 十四五 plan page (co03): 类别 | 主要指标 | 单位 | 2020年 实际值 | 2025年 目标值 | 指标 属性, one
    # cell per line, rows numbered inside their label (6.养老机构护理型床位占比 | % | 44.28 | ≥55 | 约束性), a
    # row of words (城市:13.5 | 不低于……增速) passed over, and 13.5 never cut into 1 | 3.5.
    found = doc_facts("co03_guangxi_14th_mz_plan_indicator_table.txt")
    assert ("450000", "nursing_bed_share", 2020, "actual", D("44.28"), "=") in found
    assert ("450000", "nursing_bed_share", 2025, "target", D(55), ">=") in found
    assert not any(fact[4] in (D(1), D("3.5")) for fact in found)


def test_a_norm_for_each_city_is_no_one_citys_figure():
    # 柳州 2023 (co11), relaying the autonomous region's goals: 到2025年,平均每个设区市每年实施……,养老机构护理型
    # 床位在55%以上 — each city's norm, not 柳州's own goal.
    found = doc_facts("co11_liuzhou_eldercare_list_2025_doubt.txt")
    assert not any(fact[1] == "nursing_bed_share" for fact in found)


def test_a_flow_verb_before_a_bracketed_list_of_stages():
    # 上海 2025 tasks (cq02): 新增(立项、开工、续建、投用)养老机构29家 — institutions added, not all of them;
    # 金华 2024 (cj07): 新增村(社区)老年助餐服务点60个以上 — meal sites added.
    assert not any(fact[1] == "elderly_care_institutions"
                   for fact in doc_facts("cq02_shanghai_2025_eldercare_tasks_added_beds_neg.txt"))
    assert not any(fact[1] == "elderly_meal_service_sites"
                   for fact in doc_facts("cj07_jinhua_civil_affairs_tasks_2024_neg.txt"))


def test_a_count_after_a_lists_mark_is_the_next_items():
    # 北京 2025 government work report (../shared/corpus/formats, 31省区市政府工作报告.zip): 200 counts the
    # village sites that follow it, not the home beds before it (the beds' 2000 stands before their wording).
    text = ("2025年北京市政府工作报告\n积极应对人口老龄化,完善养老服务体系,在“老老人”数量较多的区域新建50个养老服务中心,"
            "优化养老助餐点布局,老楼加装电梯完工600部,新建2000张家庭养老床位、200个农村邻里互助养老服务点,"
            "引导各行业完善适老化服务。")
    assert not any(fact[4] == D(200) for fact in facts(text))


def test_beds_added_by_another_owner_are_not_elderly_care_beds():
    # 贵州 2025 government work report (../shared/corpus/formats, 31省区市政府工作报告.zip): the 470 beds are
    # the children's welfare institutions', named between the elderly-care items and the bare 新增床位.
    text = ("2025年贵州省政府工作报告\n（4）完善“一老一小”服务体系，新增100个示范性城乡社区养老服务设施，打造30个标准化养老机构，"
            "为2万名特殊困难老年人提供居家上门服务，完成8000户特殊困难老年人家庭适老化改造；实施3个市级儿童福利机构优化"
            "提质项目、新增床位470张，实施250个儿童之家服务能力提升项目。")
    assert not any(fact[4] == D(470) for fact in facts(text))
    # 天津 三年行动方案 (ba04): after the beds' own words, 新增床位数 is elderly-care beds added.
    assert ("120000", "new_elderly_care_beds", 2021, "target", D(14000), "=") in doc_facts(
        "ba04_tianjin_3yr_plan_beds_2021_trad.txt")


def test_the_present_stated_under_a_goal_is_no_goal():
    # 成都 2025 (cd08) states 当前,全市社会组织数量约1.1万家; 湖南's funeral action plan (b12) words its
    # baseline with 现有 (全省现有殡仪馆95所). Under the goals (一、工作目标 到2027年,……) such a baseline
    # is the present's, not the goal year's.
    text = ("成都市社会组织规范化建设行动方案\n发布日期:2025-04-27\n一、工作目标\n到2027年,全市社会组织数量达到1.3万家。"
            "全市现有社会组织约1.1万家,涵盖科技、教育、文化、公益慈善等多个领域。\n二、重点任务\n")
    assert facts(text) == {("510100", "social_orgs", 2027, "target", D(13000), "="),
                           ("510100", "social_orgs", 2025, "actual", D(11000), "~")}


def test_the_past_five_years_end_with_the_year_before():
    # 安徽 全省民政工作会议, 2023-02 (bx05): 会议总结过去5年和2022年全省民政工作 — the five years reviewed end
    # with 2022, as 过去一年 is the year before in a government work report.
    assert [t.year for t in find_time_expressions("会议总结过去5年和2022年全省民政工作", 2023)] == [2022, 2022]
    assert [t.year for t in find_time_expressions("过去五年,全省养老床位总数达到77万张", 2023)] == [2022]


def test_an_eco_burial_share_named_by_zhan():
    # 沈阳 2017 (aw02): 每年生态安葬逝者人数占10%左右 — the share of the dead given an ecological burial.
    assert ("210100", "eco_burial_rate", 2017, "actual", D(10), "~") in doc_facts(
        "aw02_shenyang_eco_burial_10pct_2017.txt")
    # Not the ground a grave takes (安徽 2016, e12: 节地生态安葬单人墓占地不超过半平方).
    assert not any(fact[1] == "eco_burial_rate" and fact[4] < 1
                   for fact in doc_facts("e12_anhui_ecoburial_opinion_2016_synonyms.txt"))
