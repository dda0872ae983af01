"""Every headline fact the five sample documents state, written down by reading them.

`minzheng extract` must report all of these and nothing else under the eight
headline codes. Each expectation quotes the words of the document it comes from.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from decimal import Decimal

import pytest

from ingest.catalogue import HEADLINE_CODES, default_catalogue
from minzheng.paths import DOCUMENTS_DIR

SHANGHAI = "000_4daa52c373716bf3.txt"   # 上海市民政事业发展“十四五”规划 (news repost, traditional script)
PUTUO = "001_cd8b1833271caf53.txt"      # 普陀区 (Shanghai) 2020 annual work plan
ZHOUSHAN = "002_66b1147c1cebaaf5.txt"   # 舟山市民政事业发展“十四五”规划 (document-sharing copy)
YANGPU = "003_753ddc9777402cd1.txt"     # 杨浦区民政事业发展“十三五”规划
WUHU = "004_dc0136a2265e55f5.txt"       # 芜湖市“十四五”民政事业发展规划 (one page of a news site)

# (document, region_code, indicator, year, kind, value, comparator, words of the document)
EXPECTED = [
    # Shanghai: the 十三五 review, then 十四五 targets.
    (SHANGHAI, "310000", "elderly_care_beds", 2020, "actual", "159000", "=", "全市养老床位总数达到15.9万张"),
    (SHANGHAI, "310000", "elderly_care_beds", 2025, "target", "178000", ">=", "到“十四五”末,养老床位总量达到17.8万张以上"),
    (SHANGHAI, "310000", "nursing_bed_share", 2022, "target", "60", ">=", "提高护理型床位占比,2022年不低于总床位的60%"),
    (SHANGHAI, "310000", "social_orgs", 2015, "actual", "13000", "=", "全市社会组织从1.3万家发展到1.7万家"),
    (SHANGHAI, "310000", "social_orgs", 2020, "actual", "17000", "=", "全市社会组织从1.3万家发展到1.7万家"),
    (SHANGHAI, "310000", "certified_social_workers", 2025, "target", "45000", "~", "到2025年,持证社会工作者达到4.5万名左右"),
    (SHANGHAI, "310000", "eco_burial_rate", 2025, "target", "90", ">=",
     "到2025年,全市经营性公墓节地生态安葬率,即……之比不低于90%"),
    # Zhoushan: the 十三五 review prose, table 专栏1 (2015 / 2020 target / 2020 result),
    # table 专栏2 (2020 actual / 2022 target / 2025 target) and the 十四五 goals.
    (ZHOUSHAN, "330900", "elderly_care_beds", 2020, "actual", "10635", "=", "机构床位10635张"),
    (ZHOUSHAN, "330900", "nursing_bed_share", 2020, "actual", "51", "=", "护理型床位占比51%; 专栏1 51; 专栏2 51"),
    (ZHOUSHAN, "330900", "nursing_bed_share", 2015, "actual", "42", "=", "专栏1 护理型床位占机构床位比率(%)4251512"),
    (ZHOUSHAN, "330900", "nursing_bed_share", 2020, "target", "51", "=", "专栏1 2020年目标值 51"),
    (ZHOUSHAN, "330900", "nursing_bed_share", 2022, "target", "55", "=", "专栏2 养老机构护理型床位占比(%)515558约束性"),
    (ZHOUSHAN, "330900", "nursing_bed_share", 2025, "target", "58", "=", "专栏2 2025年目标值 58"),
    (ZHOUSHAN, "330900", "elderly_care_beds_per_1k_elderly", 2015, "actual", "40", "=", "每千名老年人拥有社会养老床位数(张)406565.2"),
    (ZHOUSHAN, "330900", "elderly_care_beds_per_1k_elderly", 2020, "target", "65", "=", "专栏1 2020年目标值 65"),
    (ZHOUSHAN, "330900", "elderly_care_beds_per_1k_elderly", 2020, "actual", "65.2", "=", "专栏1 2020年完成情况 65.2"),
    (ZHOUSHAN, "330900", "social_orgs", 2020, "actual", "4836", "=", "社会组织数量达到4836家"),
    (ZHOUSHAN, "330900", "social_orgs_per_10k", 2015, "actual", "7.9", "=", "万人拥有社会组织数量(个)7.99.5125"),
    (ZHOUSHAN, "330900", "social_orgs_per_10k", 2020, "target", "9.5", "=", "专栏1 2020年目标值 9.5"),
    (ZHOUSHAN, "330900", "social_orgs_per_10k", 2020, "actual", "12", "=", "专栏1 12; 专栏2 每万人拥有登记社会组织数(个)121313"),
    (ZHOUSHAN, "330900", "social_orgs_per_10k", 2022, "target", "13", "=", "专栏2 2022年目标值 13"),
    (ZHOUSHAN, "330900", "social_orgs_per_10k", 2025, "target", "13", "=", "专栏2 2025年目标值 13"),
    (ZHOUSHAN, "330900", "certified_social_workers", 2020, "actual", "1155", "=", "持证社会工作者1155人"),
    (ZHOUSHAN, "330900", "certified_social_workers", 2025, "target", "1600", "=", "(三)发展目标到2025年……持证社会工作者达到1600人"),
    (ZHOUSHAN, "330900", "certified_social_workers_per_10k", 2020, "actual", "10", "=", "每万人持证社会工作专业人才数(人)101215"),
    (ZHOUSHAN, "330900", "certified_social_workers_per_10k", 2022, "target", "12", "=", "专栏2 2022年目标值 12"),
    (ZHOUSHAN, "330900", "certified_social_workers_per_10k", 2025, "target", "15", "=", "专栏2 2025年目标值 15"),
    (ZHOUSHAN, "330900", "eco_burial_rate", 2020, "actual", "58", "=", "节地生态安葬率(%)586070预期性"),
    (ZHOUSHAN, "330900", "eco_burial_rate", 2022, "target", "60", "=", "专栏2 2022年目标值 60"),
    (ZHOUSHAN, "330900", "eco_burial_rate", 2025, "target", "70", "=", "到2025年,节地生态安葬率达到70%"),
    # Yangpu: the 十二五 review (2015) and 附件1 核心指标 (十二五完成数 / 十三五目标数).
    (YANGPU, "310110", "elderly_care_beds", 2015, "actual", "8358", "=", "全区共有养老床位8358张"),
    (YANGPU, "310110", "elderly_care_beds", 2015, "actual", "8000", "=", "附件1 养老床位数……张约束性800010800"),
    (YANGPU, "310110", "elderly_care_beds", 2020, "target", "10800", "=", "至2020年,本区养老机构床位总数达到10800张"),
    (YANGPU, "310110", "social_orgs", 2015, "actual", "664", "=", "全区共有社会组织664家"),
    (YANGPU, "310110", "social_orgs_per_10k", 2015, "actual", "7.1", "=", "每万名户籍人口拥有社会组织数为7.1家"),
    (YANGPU, "310110", "social_orgs_per_10k", 2020, "target", "9", "=", "附件1 每万人(户籍人口)拥有社会组织数个预期性7.19"),
    # Wuhu: one 十四五 target whose % sign the site lost.
    (WUHU, "340200", "nursing_bed_share", 2025, "target", "55", ">=", "到2025年底,养老机构护理型床位比不低于55"),
    # Putuo's 2020 work plan states no headline fact (新增养老床位600张 is beds added).
]

BINDING = {
    (ZHOUSHAN, "nursing_bed_share", 2022): "binding",   # 专栏2 … 约束性
    (ZHOUSHAN, "eco_burial_rate", 2022): "expected",    # 专栏2 … 预期性
    (YANGPU, "elderly_care_beds", 2020): "binding",     # 附件1 … 约束性
    (YANGPU, "social_orgs_per_10k", 2020): "expected",  # 附件1 … 预期性
}

REGION_NAMES = {"310000": "上海市", "330900": "舟山市", "310110": "杨浦区", "340200": "芜湖市"}


def key(document, region_code, indicator, year, kind, value, comparator):
    return (document, region_code, indicator, year, kind, Decimal(value), comparator)


@pytest.fixture(scope="module")
def records() -> list[dict]:
    files = sorted(str(p) for p in DOCUMENTS_DIR.glob("*.txt"))
    run = subprocess.run([sys.executable, "-m", "minzheng.cli", "extract", *files],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    return [json.loads(line) for line in run.stdout.splitlines()]


def test_every_headline_fact_found_and_nothing_else(records):
    found = Counter(
        key(r["document"], r["region_code"], r["indicator"], r["year"], r["kind"], str(r["value"]), r["comparator"])
        for r in records if r["indicator"] in HEADLINE_CODES
    )
    expected = Counter(key(*row[:7]) for row in EXPECTED)
    missing = expected - found
    invented = found - expected
    assert not missing, f"not found: {sorted(missing)}"
    assert not invented, f"reported but not in the documents: {sorted(invented)}"


def test_putuo_work_plan_has_no_headline_fact(records):
    assert [r for r in records if r["document"] == PUTUO and r["indicator"] in HEADLINE_CODES] == []


def test_records_follow_the_contract(records):
    catalogue = default_catalogue()
    fields = ["document", "region", "region_code", "indicator", "indicator_text", "year", "value",
              "value_high", "unit", "kind", "comparator", "binding", "quote"]
    for record in records:
        assert list(record) == fields
        assert record["unit"] == catalogue.indicators[record["indicator"]].unit.code
        assert record["kind"] in ("actual", "target")
        assert record["comparator"] in (">=", "<=", "~", "=")
        assert record["binding"] in (None, "binding", "expected")
        assert 0 < len(record["quote"]) <= 200
        assert "〓" not in record["indicator_text"]
    for record in records:
        if record["region_code"] in REGION_NAMES:
            assert record["region"] == REGION_NAMES[record["region_code"]]


def test_binding_comes_from_the_table_attribute(records):
    for (document, indicator, year), binding in BINDING.items():
        matching = [r for r in records if (r["document"], r["indicator"], r["year"]) == (document, indicator, year)]
        assert matching and all(r["binding"] == binding for r in matching), (document, indicator, year)


def test_quotes_hold_the_stated_numbers(records):
    def quote_of(document, indicator, year, kind):
        return [r["quote"] for r in records
                if (r["document"], r["indicator"], r["year"], r["kind"]) == (document, indicator, year, kind)]

    assert any("15.9万张" in q for q in quote_of(SHANGHAI, "elderly_care_beds", 2020, "actual"))
    assert any("17.8万张以上" in q for q in quote_of(SHANGHAI, "elderly_care_beds", 2025, "target"))
    assert any("586070" in q for q in quote_of(ZHOUSHAN, "eco_burial_rate", 2022, "target"))
    assert any("7.1家" in q for q in quote_of(YANGPU, "social_orgs_per_10k", 2015, "actual"))
