"""Regions renamed, moved or created since cpca 0.5.5's table resolve to the code in force today.

data/reference/region_history.csv records the changes the current GB/T 2260 county table shows
(宁乡县 430124 became 宁乡市 430182); regions_curated.csv adds the regions that replaced no code
(龙港市 330383, carved out of 苍南县). build_regions.py applies both to regions.csv.
"""

from __future__ import annotations

import csv
from decimal import Decimal as D

from ingest.extract import extract_text
from ingest.records import DocumentMetadata
from ingest.regions import default_regions
from minzheng.paths import REFERENCE_DIR


def resolved(written: str, text: str = "") -> tuple[str, str]:
    resolution = default_regions().resolve(written, text or written)
    assert resolution is not None, written
    return resolution.region.code, resolution.region.level


def test_a_current_name_resolves_to_its_current_code():
    assert resolved("宁乡市") == ("430182", "district")
    assert resolved("海门区") == ("320614", "district")
    assert resolved("神木市") == ("610881", "district")
    assert resolved("钱塘区") == ("330114", "district")


def test_an_old_name_resolves_to_the_code_in_force():
    assert resolved("宁乡县") == ("430182", "district")
    assert resolved("海门市") == ("320614", "district")
    assert resolved("户县") == ("610118", "district")
    # A district merged into its neighbour (下城区 into 拱墅区, 港闸区 into 崇川区).
    assert resolved("下城区") == ("330105", "district")
    assert resolved("港闸区") == ("320613", "district")


def test_a_prefecture_that_changed_keeps_its_level_or_goes_to_its_seat():
    # 那曲地区 542400 became 那曲市 540600, and its counties were numbered under the new code.
    assert resolved("那曲地区") == ("540600", "prefecture")
    assert resolved("那曲") == ("540600", "prefecture")
    assert default_regions().regions["540621"].parent_code == "540600"
    # 莱芜市 joined 济南市: its seat 莱城区 is 莱芜区 370116, 钢城区 370117 kept its name.
    assert resolved("莱芜市") == ("370116", "district")
    assert default_regions().regions["370117"].parent_code == "370100"


def test_a_region_that_replaced_no_code_is_in_the_table():
    assert resolved("龙港市") == ("330383", "district")
    assert resolved("龙港", "龙港市民政局\n龙港全市共有养老床位1200张。") == ("330383", "district")
    # 葫芦岛's 龙港区 is written with its 区 and stays its own.
    assert resolved("龙港区") == ("211403", "district")


def test_short_names_that_are_ordinary_words_are_no_aliases():
    # 友好区 of 伊春, 上党区 of 长治 (上党课), 同仁市 (同仁 are colleagues).
    table = default_regions()
    for word in ("友好", "上党", "同仁", "东乡"):
        assert all(full for _, full in table.candidates(word)), word
    assert resolved("上党区") == ("140404", "district")
    # 大同's 城区 merged into 平城区; 城区 stays an ordinary word, no region's name.
    assert not table.candidates("城区")


def test_a_document_of_a_renamed_county_lands_on_the_current_code():
    text = "宁乡市民政局2022年工作总结\n2022年,全市共有养老床位5200张。"
    result = extract_text(text, DocumentMetadata("t.txt", "", len(text), "utf-8"))
    assert {(r.region_code, r.indicator, r.year, r.value) for r in result.records} == {
        ("430182", "elderly_care_beds", 2022, D(5200))}


def test_every_replaced_code_left_the_table_and_every_successor_is_in_it():
    with (REFERENCE_DIR / "regions.csv").open(encoding="utf-8") as handle:
        regions = {row["region_code"] for row in csv.DictReader(handle)}
    with (REFERENCE_DIR / "region_history.csv").open(encoding="utf-8") as handle:
        history = list(csv.DictReader(handle))
    assert not [row["old_code"] for row in history if row["old_code"] in regions]
    assert not [row["new_code"] for row in history if row["new_code"] not in regions]
    # A change without a year says so.
    assert all(row["changed"] or "year not recorded" in row["note"] for row in history)
