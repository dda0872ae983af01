"""Build data/reference/regions.csv (GB/T 2260 regions) from cpca's bundled table.

The parser resolves region names anywhere in China, so it needs the whole code
table, not only the regions of the sample corpus. cpca 0.5.5 (MIT) ships the
table as resources/adcodes.csv; this script derives parent and level from the
code structure, adds short-name aliases, applies the reviewed history of code
changes in region_history.csv (a county that became a district: the old code
leaves the table, the new one is added if cpca lacks it, and the old name becomes
an alias of the new code, so a document written before the change resolves to the
code in force today; a change whose year is not recorded has an empty `changed`) and
regions_curated.csv (curated aliases, and current regions cpca lacks that replaced no
code, such as 龙港市 330383), and writes regions.csv. Run it with the dev extra installed:

    .venv/bin/python data/reference/build_regions.py
"""

from __future__ import annotations

import csv
import importlib.resources
import re
from collections import Counter
from pathlib import Path

from ingest.regions import GENERIC_NAMES

HERE = Path(__file__).parent
# Suffixes whose removal gives the name people write ("舟山市" -> "舟山").
SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州",
            "自治县", "地区", "新区", "省", "市", "区", "县", "盟", "旗")
MUNICIPALITIES = {"11", "12", "31", "50"}
# Short names of county-level cities (太仓市 -> 太仓) are how news writes them, and are kept,
# except those that are ordinary words, lakes, rivers or mountains in civil-affairs text.
COMMON_WORDS = {"合作", "东方", "安宁", "江山", "灯塔", "沙河", "新民", "临江", "龙井", "天长", "明光",
                "海城", "东港", "永安", "大安", "和龙", "安达", "北安", "宁安", "安国", "福安", "高安",
                "凤城", "开平", "开远", "乐平", "合山", "普宁", "兴平", "新乐", "武安", "巢湖", "洪湖",
                "赤水", "庐山", "峨眉山", "井冈山", "武夷山", "韶山", "五指山", "五大连池", "长葛", "津市",
                "海阳", "栖霞", "图们", "集安", "仙桃", "文昌", "东兴", "凌海", "北镇", "调兵山", "新郑",
                # autonomous prefectures' place names that are rivers or other places' words
                # (海西: 海峡西岸 in Fujian's texts); their 州 forms (红河州, 海西州) are kept
                "红河", "怒江", "海西", "海北",
                # short names of regions renamed since cpca's table (region_history.csv) that are
                # ordinary words (友好, 上党课, 同仁), rivers (嫩江) or part of other names (东乡族,
                # 黔西南, 沙湾区)
                "友好", "三元", "东乡", "水城", "建安", "广信", "上党", "同仁", "无为", "黔西",
                "嫩江", "沙湾", "新建"}


# The peoples autonomous prefectures are named for (恩施土家族苗族自治州, 伊犁哈萨克自治州).
PEOPLES = re.compile(r"(?:(?:土家|苗|侗|布依|藏|羌|彝|傣|景颇|傈僳|白|哈尼|壮|回|朝鲜|哈萨克|蒙古|柯尔克孜)族?)+"
                     r"自治州$")


def prefecture_short_names(name: str) -> list[str]:
    """How news writes an autonomous prefecture: its place name with 州 (恩施州, 黔东南州), or alone."""
    peoples = PEOPLES.search(name)
    if peoples is None or peoples.start() < 2:
        return []
    place = name[: peoples.start()]
    return [place + "州"] + ([place] if place not in COMMON_WORDS else [])


# An autonomous county or banner as people write it: its place name with 县 or 旗 (互助土族自治县 ->
# 互助县, 围场满族蒙古族自治县 -> 围场县); the place name alone is too often an ordinary word.
# The 55 minority peoples, as their names stand before 族 in the names of autonomous areas.
MINORITY_PEOPLES = ("蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 "
                    "佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 "
                    "锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 "
                    "鄂伦春 赫哲 门巴 珞巴 基诺").split()
_PEOPLE = "|".join(sorted(MINORITY_PEOPLES, key=len, reverse=True))
AUTONOMOUS_COUNTY = re.compile(rf"^(?P<place>[\u4e00-\u9fff]{{2,}}?)(?:(?:{_PEOPLE})族)+自治(?P<kind>县|旗)$")


def autonomous_county_short_names(name: str) -> list[str]:
    """互助土族自治县 -> [互助县]; [] for any other name."""
    match = AUTONOMOUS_COUNTY.match(name)
    return [match.group("place") + match.group("kind")] if match else []


def short_name(name: str) -> str | None:
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None


def level_and_parent(code: str) -> tuple[str, str]:
    province, prefecture = code[:2], code[2:4]
    if code.endswith("0000"):
        return "province", "100000"
    if code.endswith("00"):
        return "prefecture", province + "0000"
    # Districts of the four municipalities hang directly under the municipality.
    if province in MUNICIPALITIES:
        return "district", province + "0000"
    return "district", province + prefecture + "00"


def main() -> None:
    table = importlib.resources.files("cpca") / "resources" / "adcodes.csv"
    rows: dict[str, dict[str, str]] = {
        "100000": {"region_code": "100000", "region": "全国", "parent_code": "",
                   "level": "country", "aliases": "中国|全国|中华人民共和国|我国"},
    }
    with table.open(encoding="utf-8") as handle:
        for raw in csv.DictReader(handle):
            code, name = raw["adcode"][:6], raw["name"].strip()
            # "市辖区" and "县" are statistical placeholders, not regions.
            if name in {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}:
                continue
            level, parent = level_and_parent(code)
            # Short names of districts and counties are too often ordinary words (新建, 和平,
            # 长安) to find in running text; only curated ones are kept for them, and those of
            # county-level cities (太仓市 -> 太仓) that are no ordinary word.
            alias = short_name(name) if level != "district" or name.endswith("市") else None
            if level == "district" and alias in COMMON_WORDS:
                alias = None
            aliases = [alias] if alias else []
            aliases += [a for a in prefecture_short_names(name) + autonomous_county_short_names(name)
                        if a not in aliases]
            rows[code] = {"region_code": code, "region": name, "parent_code": parent,
                          "level": level, "aliases": "|".join(aliases)}
    # Prefecture-less parents (e.g. county-level cities directly under a province).
    for row in rows.values():
        if row["parent_code"] and row["parent_code"] not in rows:
            row["parent_code"] = row["region_code"][:2] + "0000"
    with (HERE / "region_history.csv").open(encoding="utf-8") as handle:
        for change in csv.DictReader(handle):
            rows.pop(change["old_code"], None)
            # A prefecture can be replaced too (那曲地区 542400 became 那曲市 540600).
            new = rows.setdefault(change["new_code"], {
                "region_code": change["new_code"], "region": change["new_name"],
                "parent_code": change["parent_code"], "level": level_and_parent(change["new_code"])[0],
                "aliases": ""})
            aliases = [a for a in new["aliases"].split("|") if a]
            short = short_name(change["new_name"])
            # As in cpca's table, a county keeps no short name (比如县 is no 比如).
            short = None if short in COMMON_WORDS or change["new_name"].endswith("县") else short
            # 城区 and 矿区 (大同's, merged into 平城区 and 云冈区) are ordinary words, no aliases.
            for alias in (change["old_name"], short):
                if alias and alias not in aliases and alias not in GENERIC_NAMES:
                    aliases.append(alias)
            new["aliases"] = "|".join(aliases)
    for extra in ("regions_curated.csv",):
        path = HERE / extra
        with path.open(encoding="utf-8") as handle:
            for raw in csv.DictReader(handle):
                row = rows.setdefault(raw["region_code"], {"region_code": raw["region_code"]})
                for key in ("region", "parent_code", "level"):
                    row[key] = raw[key]
                merged = [a for a in (row.get("aliases") or "").split("|") if a]
                merged += [a for a in raw["aliases"].split("|") if a and a not in merged]
                row["aliases"] = "|".join(merged)
    # A county-level city's short name that another region already goes by (恩施 the prefecture,
    # 大理 the prefecture) stays the other region's.
    taken = Counter(alias for row in rows.values() for alias in (row.get("aliases") or "").split("|") if alias)
    taken.update(row["region"] for row in rows.values())
    for row in rows.values():
        if row.get("level") == "district" and row["region"].endswith("市"):
            aliases = [a for a in row["aliases"].split("|") if a]
            short = short_name(row["region"])
            if short in aliases and taken[short] > 1:
                row["aliases"] = "|".join(a for a in aliases if a != short)
        # 海南 is the province, the prefecture only 海南州 (its own seat, 恩施市, does not count).
        for short in prefecture_short_names(row["region"])[1:]:
            others = [r for r in rows.values() if r is not row and r.get("parent_code") != row["region_code"]
                      and (r["region"] == short or short in (r.get("aliases") or "").split("|"))]
            if others:
                row["aliases"] = "|".join(a for a in row["aliases"].split("|") if a and a != short)
    # 河南县 (河南蒙古族自治县) reads as the province's counties in 河南县域, 河南县级: no alias.
    provinces = {short_name(row["region"]) for row in rows.values() if row.get("level") == "province"}
    for row in rows.values():
        for short in autonomous_county_short_names(row["region"]):
            if short[:-1] in provinces:
                row["aliases"] = "|".join(a for a in row["aliases"].split("|") if a and a != short)
    out = HERE / "regions.csv"
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["region_code", "region", "parent_code", "level", "aliases"])
        writer.writeheader()
        for code in sorted(rows):
            writer.writerow(rows[code])
    print(f"wrote {len(rows)} regions to {out}")


if __name__ == "__main__":
    main()
