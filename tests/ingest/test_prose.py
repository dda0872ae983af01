"""Figures from sentences: how plans, bulletins and news word values, years and kinds."""

from __future__ import annotations

from decimal import Decimal as D

from ingest.extract import extract_text
from ingest.records import DocumentMetadata

PLAN = "舟山市民政事业发展“十四五”规划"


def facts(body: str, title: str = PLAN) -> set[tuple]:
    text = f"{title}\n{body}\n"
    result = extract_text(text, DocumentMetadata("t.txt", "", len(text), "utf-8"))
    return {(r.indicator, r.year, r.kind, r.value, r.value_high, r.comparator) for r in result.records}


def test_target_with_year_and_percent():
    assert facts("到2025年,节地生态安葬率达到70%。") == {("eco_burial_rate", 2025, "target", D(70), None, "=")}


def test_wan_expanded_and_qualifier():
    assert facts("到“十四五”末,养老床位总量达到17.8万张以上。") == \
        {("elderly_care_beds", 2025, "target", D(178000), None, ">=")}


def test_percent_sign_lost():
    assert facts("到2025年底,养老机构护理型床位比不低于55。") == \
        {("nursing_bed_share", 2025, "target", D(55), None, ">=")}


def test_a_lost_sign_is_not_assumed_for_counts():
    assert facts("到2025年,养老床位总数达到16000。") == set()


def test_range():
    assert facts("到2025年,每千名老年人拥有养老床位数达到35~40张。") == \
        {("elderly_care_beds_per_1k_elderly", 2025, "target", D(35), D(40), "=")}


def test_about():
    assert facts("到2025年,持证社会工作者达到4.5万名左右。") == \
        {("certified_social_workers", 2025, "target", D(45000), None, "~")}


def test_review_from_to_is_the_reviewed_period():
    body = "(一)发展基础\n“十三五”时期,全市社会组织从1.3万家发展到1.7万家。"
    assert facts(body) == {("social_orgs", 2015, "actual", D(13000), None, "="),
                           ("social_orgs", 2020, "actual", D(17000), None, "=")}


def test_review_without_year_is_the_base_year():
    body = "一、规划背景\n(一)发展基础\n全市共有养老机构86家,机构床位10635张,护理型床位占比51%。"
    assert facts(body) >= {("elderly_care_beds", 2020, "actual", D(10635), None, "="),
                           ("nursing_bed_share", 2020, "actual", D(51), None, "=")}


def test_series_of_years():
    body = "生活不能自理的特困老年人集中供养率2022年达到90%,2025年达到95%。护理型床位占比2022年达到55%,2025年达到58%。"
    assert facts(body) == {("nursing_bed_share", 2022, "target", D(55), None, "="),
                           ("nursing_bed_share", 2025, "target", D(58), None, "=")}


def test_definition_between_wording_and_value():
    body = ("到2025年,全市经营性公墓节地生态安葬率,即当年度新开墓区单个墓位占地面积不大于0.6平方米的安葬量"
            "与当年度总安葬量之比不低于90%。")
    assert facts(body) == {("eco_burial_rate", 2025, "target", D(90), None, ">=")}


def test_close_relatives_keep_their_own_codes():
    body = ("新增养老床位600张,认知障碍照护床位不低于1.5万张,社区工作者中持证社会工作者占比提高至20%以上,"
            "全市持证儿童福利社会工作者达到500名以上,节地生态安葬点覆盖率达61.3%。")
    codes = {f[0] for f in facts(body)}
    assert codes == {"new_elderly_care_beds", "dementia_care_beds", "certified_share_of_community_workers",
                     "certified_child_welfare_social_workers", "eco_burial_site_coverage"}


def test_number_of_a_subgroup_is_not_borrowed():
    body = ("一、“十二五”期间本区民政事业发展回顾\n全区共有社会组织664家,其中,社会团体132家、民办非企业单位532家。"
            "108家社会组织获得规范化建设评估等级(其中:5A级9家、4A级32家)。建成10家社会组织孵化园。")
    assert facts(body, "杨浦区民政事业发展“十三五”规划") == {("social_orgs", 2015, "actual", D(664), None, "=")}


def test_change_is_not_a_level():
    body = "截至2019年底,全国社会组织总量为86.63万个,与2018年的81.74万个相比,增长了4.89万个。"
    assert facts(body, "全国2019年民政事业发展统计公报") == {
        ("social_orgs", 2019, "actual", D(866300), None, "="),
        ("social_orgs", 2018, "actual", D(817400), None, "="),
    }


def test_estimates_are_not_targets():
    body = ("二、“十三五”期间杨浦民政事业发展形势研判\n按照2020年全区户籍老年人口43.17万计算,"
            "未来五年,我区需建成养老床位10793张。")
    assert facts(body, "杨浦区民政事业发展“十三五”规划") == set()


def test_count_before_its_wording():
    body = "一、发展基础\n建成320家社区综合为老服务中心、1232家助餐服务场所。"
    assert facts(body) == {("community_elderly_service_centres", 2020, "actual", D(320), None, "="),
                           ("elderly_meal_service_sites", 2020, "actual", D(1232), None, "=")}


def test_work_plan_year():
    body = "2020年是决胜全面建成小康社会的关键一年。今年,全区民政工作将突出服务供给,新增养老床位600张。"
    assert facts(body, "普陀区民政局2020年工作要点") == {("new_elderly_care_beds", 2020, "target", D(600), None, "=")}


def test_national_figure_inside_a_local_document():
    body = "一、发展基础\n截至2020年底,全国共有各类养老机构和设施32.9万个,养老床位合计821.0万张。"
    text = f"{PLAN}\n{body}\n"
    records = extract_text(text, DocumentMetadata("t.txt", "", len(text), "utf-8")).records
    assert [(r.region_code, r.indicator, r.year, r.value) for r in records] == \
        [("100000", "elderly_care_beds", 2020, D(8210000))]


def test_flow_verb_governing_a_list_makes_beds_added():
    body = ("2022年是党的二十大召开之年。上海民政工作将推动民政事业高质量发展。\n"
            "新增50家综合为老服务中心、200家社区老年助餐服务场所、5000张养老床位,改建2000张认知障碍照护床位。")
    assert facts(body, "上海市民政局2022年工作要点") == {("new_elderly_care_beds", 2022, "target", D(5000), None, "=")}


def test_stock_verb_with_qualifier_before_the_count():
    body = "上海到2025年建成不少于17.8万张养老床位,其中护理型床位占比不小于60%,且包含至少1.5万张认知障碍老年人照护床位。"
    assert facts(body, "上海市养老服务设施布局专项规划") == {
        ("elderly_care_beds", 2025, "target", D(178000), None, ">="),
        ("nursing_bed_share", 2025, "target", D(60), None, ">="),
        ("dementia_care_beds", 2025, "target", D(15000), None, ">="),
    }


def test_bulletin_title_gives_the_year_of_sentences_without_one():
    body = ("1.提供住宿的养老服务。全国各类养老服务机构42475个,拥有床位493.7万张,比上年增长18.9%"
            "(每千名老年人拥有养老床位24.4张,比上年增长13.9%),其中社区留宿和日间照料床位64.1万张。")
    assert facts(body, "2013年社会服务发展统计公报/全文") == {
        ("elderly_care_beds", 2013, "actual", D(4937000), None, "="),
        ("elderly_care_beds_per_1k_elderly", 2013, "actual", D("24.4"), None, "="),
    }


def test_beds_of_a_subset_are_not_all_beds():
    body = "到2025年,家庭养老床位达到3000张,护理型床位达到8000张,全区社会组织数量达到1200家,社区社会组织达到800个。"
    assert facts(body) == {
        ("home_care_beds", 2025, "target", D(3000), None, "="),
        ("nursing_beds", 2025, "target", D(8000), None, "="),
        ("social_orgs", 2025, "target", D(1200), None, "="),
    }


def test_city_bulletin_sentences():
    body = ("年末全市共有各类养老机构300家,床位5.6万张,其中护理型床位占比达58.5%。全市登记社会组织1.2万家,"
            "比上年末增长3.1%,每万人拥有社会组织9.8个。全市持证社会工作者达到2.1万人。全年节地生态安葬率达到85%。"
            "全市城乡居民最低生活保障标准提高到每人每月1138元。")
    assert facts(body, "2022年杭州市国民经济和社会发展统计公报") == {
        ("elderly_care_institutions", 2022, "actual", D(300), None, "="),
        ("elderly_care_beds", 2022, "actual", D(56000), None, "="),
        ("nursing_bed_share", 2022, "actual", D("58.5"), None, "="),
        ("social_orgs", 2022, "actual", D(12000), None, "="),
        ("social_orgs_per_10k", 2022, "actual", D("9.8"), None, "="),
        ("certified_social_workers", 2022, "actual", D(21000), None, "="),
        ("eco_burial_rate", 2022, "actual", D(85), None, "="),
        ("min_living_standard_monthly", 2022, "actual", D(1138), None, "="),
    }


def test_a_count_per_capita_is_not_a_count():
    assert facts("到2025年,每万老年人口配有20张认知障碍床位。") == set()
