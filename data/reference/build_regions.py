"""Build data/reference/regions.csv (GB/T 2260 regions) from cpca's bundled table.

The parser resolves region names anywhere in China, so it needs the whole code
table, not only the regions of the sample corpus. cpca 0.5.5 (MIT) ships the
table as resources/adcodes.csv; this script derives parent and level from the
code structure, adds short-name aliases, applies the reviewed history of code
changes in region_history.csv (a county that became a district: the old code
leaves the table, the new one is added if cpca lacks it, and the old name becomes
an alias of the new code, so a document written before the change resolves to the
code in force today) and the curated aliases of regions_curated.csv, and writes
regions.csv. Run it with the dev extra installed:

    .venv/bin/python data/reference/build_regions.py
"""

from __future__ import annotations

import csv
import importlib.resources
from pathlib import Path

HERE = Path(__file__).parent
# Suffixes whose removal gives the name people write ("舟山市" -> "舟山").
SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州",
            "自治县", "地区", "新区", "省", "市", "区", "县", "盟", "旗")
MUNICIPALITIES = {"11", "12", "31", "50"}


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
            # 长安) to find in running text; only curated ones are kept for them.
            alias = short_name(name) if level != "district" else None
            rows[code] = {"region_code": code, "region": name, "parent_code": parent,
                          "level": level, "aliases": alias or ""}
    # Prefecture-less parents (e.g. county-level cities directly under a province).
    for row in rows.values():
        if row["parent_code"] and row["parent_code"] not in rows:
            row["parent_code"] = row["region_code"][:2] + "0000"
    with (HERE / "region_history.csv").open(encoding="utf-8") as handle:
        for change in csv.DictReader(handle):
            rows.pop(change["old_code"], None)
            new = rows.setdefault(change["new_code"], {
                "region_code": change["new_code"], "region": change["new_name"],
                "parent_code": change["parent_code"], "level": "district", "aliases": ""})
            aliases = [a for a in new["aliases"].split("|") if a]
            short = short_name(change["new_name"])
            for alias in (change["old_name"], short):
                if alias and alias not in aliases:
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
    out = HERE / "regions.csv"
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["region_code", "region", "parent_code", "level", "aliases"])
        writer.writeheader()
        for code in sorted(rows):
            writer.writerow(rows[code])
    print(f"wrote {len(rows)} regions to {out}")


if __name__ == "__main__":
    main()
