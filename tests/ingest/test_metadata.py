"""Document metadata of the sample corpus, as the documents themselves state it."""

from __future__ import annotations

import pytest

from ingest.extract import extract_file
from ingest.metadata import find_publication_date, find_title
from minzheng.paths import CORPUS_DIR, DOCUMENTS_DIR

# (file, title, region_code, kind, period label, first year, last year, publication date)
SEEDS = [
    ("000_4daa52c373716bf3.txt", "上海市民政事业发展“十四五”规划", "310000", "five_year_plan", "十四五", 2021, 2025,
     "2021-07-13"),  # 上海市人民政府办公厅 / 2021年7月13日
    ("001_cd8b1833271caf53.txt", None, "310107", "annual_work_plan", "2020", 2020, 2020, None),
    ("002_66b1147c1cebaaf5.txt", "舟山市民政事业发展“十四五”规划", "330900", "five_year_plan", "十四五", 2021, 2025, None),
    ("003_753ddc9777402cd1.txt", "杨浦区民政事业发展“十三五”规划", "310110", "five_year_plan", "十三五", 2016, 2020,
     "2016-06-29"),
    ("004_dc0136a2265e55f5.txt", "芜湖市“十四五”民政事业发展规划", "340200", "five_year_plan", "十四五", 2021, 2025,
     "2021-12-11"),  # 发布日期:2021/12/11
]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: s[0][:3])
def test_seed_metadata(seed):
    name, title, region_code, kind, label, first, last, published = seed
    metadata = extract_file(DOCUMENTS_DIR / name).metadata
    assert (metadata.title, metadata.region_code, metadata.document_kind) == (title, region_code, kind)
    assert (metadata.period_label, metadata.period_start, metadata.period_end) == (label, first, last)
    assert metadata.publication_date == published
    assert metadata.region_reason


def test_putuo_is_decided_by_context_and_says_how():
    # 普陀 names a district of Shanghai and one of Zhoushan; the work plan names 上海 and speaks as a district.
    metadata = extract_file(DOCUMENTS_DIR / "001_cd8b1833271caf53.txt").metadata
    assert metadata.region == "普陀区"
    assert "310107" in metadata.region_reason and "330903" in metadata.region_reason
    assert "上海市" in metadata.region_reason


def test_putuo_of_zhoushan_from_the_same_name():
    text = ("舟山市普陀区2021年民政工作要点\n今年,全区民政工作将围绕舟山市委、市政府部署,"
            "巩固浙江省婚俗改革试点成果,普陀区新增养老床位200张。")
    from ingest.extract import extract_text
    from ingest.records import DocumentMetadata
    metadata = extract_text(text, DocumentMetadata("p.txt", "", len(text), "utf-8")).metadata
    assert metadata.region_code == "330903"
    assert metadata.document_kind == "annual_work_plan"


def test_title_glued_to_a_flattened_text():
    assert find_title("舟山市民政事业发展“十四五”规划为促进舟山市民政事业更好更快发展,依据浙江省……") == \
        "舟山市民政事业发展“十四五”规划"


def test_title_from_a_notice():
    assert find_title("关于印发《杨浦区民政事业发展“十三五”规划》的通知 2016-06-29\n杨府发〔2016〕25号") == \
        "杨浦区民政事业发展“十三五”规划"


def test_a_policy_titled_guanyu_without_brackets_is_named_by_it():
    # 乌兰察布 (corpus/dev bv08) and 湖北 (bx02): 关于……的实施意见 on a line of its own is the policy's
    # title, so the document is a policy (its goals targets), not a news report.
    for name, title in (("bv08_ulanqab_eldercare_opinion_2015_opening_neg.txt", "关于加快发展养老服务业的实施意见"),
                        ("bx02_hubei_eco_burial_opinion_2016_neg.txt", "关于推行节地生态安葬的实施意见")):
        metadata = extract_file(CORPUS_DIR / "dev" / "docs" / name).metadata
        assert (metadata.title, metadata.document_kind) == (title, "policy")
    assert find_title("关于印发《杨浦区民政事业发展“十三五”规划》的通知\n") == "杨浦区民政事业发展“十三五”规划"


def test_a_title_with_its_years_in_brackets():
    # 厦门 民意征询 page (corpus/dev au08): 厦门市养老服务发展规划(2016-2020年) is the plan's title line,
    # its period in the brackets; so do action plans (天津市促进养老服务发展三年行动方案(2019—2021年), ba04)
    # and reports (政府工作报告（2023年）).
    metadata = extract_file(CORPUS_DIR / "dev" / "docs" / "au08_xiamen_13th_plan_background_neg.txt").metadata
    assert (metadata.title, metadata.document_kind) == ("厦门市养老服务发展规划(2016-2020年)", "five_year_plan")
    assert (metadata.period_start, metadata.period_end) == (2016, 2020)
    assert find_title("关于印发《天津市促进养老服务发展三年行动方案(2019—2021年)》的通知\n各区人民政府") == \
        "天津市促进养老服务发展三年行动方案(2019—2021年)"


def test_dates():
    assert find_publication_date("发布日期:2021/12/11 4:02:04 浏览:570") == "2021-12-11"
    assert find_publication_date("上海市人民政府办公厅\n 2021年7月13日\n正文") == "2021-07-13"
