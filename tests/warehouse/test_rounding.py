"""The rounding unit of a stated value, read back from its quote: worked cases by hand."""

from __future__ import annotations

import pytest

from warehouse.rounding import rounding_unit


@pytest.mark.parametrize(("value", "quote", "unit"), [
    # 15.9万: tenths of 万, i.e. thousands.
    (159000, "全市养老床位总数达到15.9万张", 1000),
    # Digits are taken as written: 159,012 and 8000 are exact.
    (159012, "全市养老床位159,012张", 1),
    (8358, "全区共有养老床位8358张,老年人日间服务机构19家", 1),
    (7.1, "每万名户籍人口拥有社会组织数为7.1家。", 0.1),
    (2.5, "护理型床位占比由2.50%提高", 0.01),
    # A Chinese numeral names its magnitudes: 五千 is to the nearest thousand, 一万二千 too.
    (5000, "全市社会组织近五千家", 1000),
    (12000, "新增床位一万二千张", 1000),
    # Where two numbers of the quote are the value, the coarser writing counts.
    (17000, "社会组织1.7万家(17000家)", 1000),
    # A table row run together (8.3 and 8.5 under 亿元): the value as the quote's 亿 writes it.
    (830000000, "全区福利彩票销售量亿元预期性8.38.5参考市民政局相关指标", 10000000),
    # ... and without a multiplier in the quote, the value's own digits: 8000 under 张 is exact.
    (8000, "养老床位数占户籍老年人口张约束性800010800上海市养老设施布局专项规划", 1),
    (58, "节地生态安葬率(%)586070预期性", 1),
])
def test_worked_cases(value, quote, unit):
    assert rounding_unit(value, quote) == pytest.approx(unit)


def test_no_value_has_no_unit():
    assert rounding_unit(None, "15.9万张") is None
