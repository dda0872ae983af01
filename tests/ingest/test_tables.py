"""Splitting run-together table cells: only when the split is certain."""

from __future__ import annotations

from decimal import Decimal as D

from ingest.catalogue import default_catalogue
from ingest.extract import extract_text
from ingest.normalise import normalise
from ingest.records import DocumentMetadata
from ingest.tables import candidate_splits, choose_split, find_tables, table_figures
from tests.ingest.test_unseen_documents import doc_facts

PERCENT = default_catalogue().units["percent"]


def fitting(run: str, count: int, unit=PERCENT):
    return [c for c in candidate_splits(run, count) if all(v is None or unit.accepts(v) for v in c)]


def test_percent_bound_leaves_one_split():
    # 节地生态安葬率(%)586070: 5 | 860 | 70 is not a percent, 58 | 60 | 70 is.
    assert fitting("586070", 3) == [(D(58), D(60), D(70))]


def test_cells_keep_decimals_and_no_leading_zeros():
    assert (D("7.9"), D("9.5"), D(12)) in candidate_splits("7.99.512", 3)
    assert all(not str(v).startswith("0") or v == 0 or str(v).startswith("0.")
               for c in candidate_splits("1001001004", 3) for v in c)


def test_space_separated_cells_are_not_merged():
    assert candidate_splits("58 60 70", 3) == [(D(58), D(60), D(70))]
    assert candidate_splits("58 — 70", 3) == [(D(58), None, D(70))]


def test_confirmation_decides_between_splits():
    candidates = [(D(1), D(20)), (D(12), D(0))]
    chosen, why = choose_split(candidates, confirmed={D(20)})
    assert chosen == (D(1), D(20)) and "confirms" in why


def test_no_certain_split_gives_nothing():
    candidates = [(D(10), D(15)), (D(1), D(15)), (D(11), D(5))]
    chosen, why = choose_split(candidates, confirmed=set())
    assert chosen is None and "several splits" in why


def test_flattened_table_with_glued_row_numbers():
    text = ("专栏2 主要指标序号主要指标2020年实际值2022年目标值2025年目标值指标属性"
            "1养老机构护理型床位占比(%)515558约束性2节地生态安葬率(%)586070预期性3康养联合体数(个)41015预期性"
            "到2035年,新时代社会救助体系更加成熟定型。")
    tables = find_tables(text, base_year=2020, catalogue=default_catalogue())
    assert len(tables) == 1
    assert [(c.year, c.kind) for c in tables[0].columns] == [(2020, "actual"), (2022, "target"), (2025, "target")]
    notes: list[str] = []
    figures = table_figures(text, tables, default_catalogue(), {}, notes)
    got = {(f.indicator.code, f.year, f.kind, f.value, f.binding) for f in figures}
    assert got == {
        ("nursing_bed_share", 2020, "actual", D(51), "binding"),
        ("nursing_bed_share", 2022, "target", D(55), "binding"),
        ("nursing_bed_share", 2025, "target", D(58), "binding"),
        ("eco_burial_rate", 2020, "actual", D(58), "expected"),
        ("eco_burial_rate", 2022, "target", D(60), "expected"),
        ("eco_burial_rate", 2025, "target", D(70), "expected"),
    }


def test_uncertain_row_is_logged_not_guessed():
    # Two columns and "12015": 1 | 2015, 120 | 15, 12 | 15 ... all are plausible counts of centres.
    text = "序号指标名称单位属性“十二五”完成数“十三五”目标数1社区综合为老服务中心个预期性12015参考本市相关指标"
    tables = find_tables(text, base_year=2015, catalogue=default_catalogue())
    notes: list[str] = []
    assert table_figures(text, tables, default_catalogue(), {}, notes) == []
    assert notes and "not split" in notes[0]


def _figures(text: str, base_year: int = 2020) -> set[tuple]:
    figures = table_figures(text, find_tables(text, base_year, default_catalogue()), default_catalogue(), {}, [])
    return {(f.indicator.code, f.year, f.kind, f.value, f.binding) for f in figures}


def test_table_copied_one_cell_per_line():
    text = ("专栏1 主要指标\n序号\n指标名称\n2020年\n2025年\n属性\n"
            "1\n每千名老年人拥有养老床位数(张)\n35\n40\n预期性\n"
            "2\n养老机构护理型床位占比(%)\n52\n60\n约束性\n三、主要任务")
    assert _figures(text) == {
        ("elderly_care_beds_per_1k_elderly", 2020, "actual", D(35), "expected"),
        ("elderly_care_beds_per_1k_elderly", 2025, "target", D(40), "expected"),
        ("nursing_bed_share", 2020, "actual", D(52), "binding"),
        ("nursing_bed_share", 2025, "target", D(60), "binding"),
    }


def test_table_with_bars_and_tabs():
    bars = ("序号 | 指标 | 2020年 | 2025年目标 | 属性\n"
            "1 | 每万人拥有社会组织数(个) | 6.2 | 7 | 预期性\n2 | 持证社会工作者(人) | 2300 | 4000 | 预期性\n")
    assert _figures(bars) == {
        ("social_orgs_per_10k", 2020, "actual", D("6.2"), "expected"),
        ("social_orgs_per_10k", 2025, "target", D(7), "expected"),
        ("certified_social_workers", 2020, "actual", D(2300), "expected"),
        ("certified_social_workers", 2025, "target", D(4000), "expected"),
    }
    tabs = "序号\t指标名称\t2020年\t2025年\n1\t每千名老年人拥有养老床位数(张)\t35\t40\n2\t节地生态安葬率(%)\t65\t75\n"
    assert _figures(tabs) == {
        ("elderly_care_beds_per_1k_elderly", 2020, "actual", D(35), None),
        ("elderly_care_beds_per_1k_elderly", 2025, "target", D(40), None),
        ("eco_burial_rate", 2020, "actual", D(65), None),
        ("eco_burial_rate", 2025, "target", D(75), None),
    }


def _figures_with_bounds(text: str, base_year: int) -> set[tuple]:
    figures = table_figures(text, find_tables(text, base_year, default_catalogue()), default_catalogue(), {}, [])
    return {(f.indicator.code, f.year, f.kind, f.value, f.comparator) for f in figures}


def test_cells_that_carry_their_unit_and_bound():
    # The main indicators of the nation's 十五五 plan outline (2026), as its table prints them: no row
    # numbers, each cell with its unit (68%, 16 件) and the bound of a goal (＞22 件).
    text = ("主要指标\n指标\t2025 年\t2030 年\n常住人口城镇化率\t67.9%\t71%\n数字经济核心产业占 GDP 比重\t10.5%\t12.5%\n"
            "养老机构护理型床位占比\t68%\t73%\n每万人口高价值发明专利\t16 件\t＞22 件\n人均预期寿命\t79.25 岁\t80 岁\n")
    assert _figures_with_bounds(normalise(text), 2025) == {
        ("nursing_bed_share", 2025, "actual", D(68), "="),
        ("nursing_bed_share", 2030, "target", D(73), "="),
    }


def test_a_bounded_cell_is_never_split():
    # 50 ≥60: the goal's cell is 60 at least, not 5 | 0 read from the run's first part.
    text = "指标名称 2020年现状值 2025年目标值 指标属性\n养老机构护理型床位占比（%） 50 ≥60 约束性\n节地生态安葬率（%） 85 90以上 预期性\n"
    assert _figures_with_bounds(text, 2020) == {
        ("nursing_bed_share", 2020, "actual", D(50), "="),
        ("nursing_bed_share", 2025, "target", D(60), ">="),
        ("eco_burial_rate", 2020, "actual", D(85), "="),
        ("eco_burial_rate", 2025, "target", D(90), ">="),
    }


def test_rows_without_numbers_after_their_attribute():
    # A plan's table copied without its 序号 column, one cell per line: each row ends with its attribute.
    text = ("主要指标\n指标名称\n2020年\n2025年\n属性\n养老机构护理型床位占比（%）\n51\n58\n约束性\n"
            "每千名老年人拥有养老床位数（张）\n38\n42\n预期性\n三、主要任务")
    assert _figures(text) == {
        ("nursing_bed_share", 2020, "actual", D(51), "binding"),
        ("nursing_bed_share", 2025, "target", D(58), "binding"),
        ("elderly_care_beds_per_1k_elderly", 2020, "actual", D(38), "expected"),
        ("elderly_care_beds_per_1k_elderly", 2025, "target", D(42), "expected"),
    }


def test_a_category_cell_before_the_row_number():
    # 类别 | 序号 | 指标: the category written on the first row of its group only.
    text = ("类别\t序号\t指标名称\t单位\t2020年\t2025年\t属性\n养老服务\t1\t养老机构护理型床位占比\t%\t50\t60\t约束性\n"
            "\t2\t每千名老年人拥有养老床位数\t张\t40\t45\t预期性\n社会组织\t3\t每万人拥有社会组织数\t个\t9\t10\t预期性\n")
    assert {(code, year, value) for code, year, _, value, _ in _figures(text)} == {
        ("nursing_bed_share", 2020, D(50)), ("nursing_bed_share", 2025, D(60)),
        ("elderly_care_beds_per_1k_elderly", 2020, D(40)), ("elderly_care_beds_per_1k_elderly", 2025, D(45)),
        ("social_orgs_per_10k", 2020, D(9)), ("social_orgs_per_10k", 2025, D(10)),
    }


def test_headers_that_name_the_kind_first_or_open_with_xiangmu():
    kind_first = "指标\t现状值（2020年）\t目标值（2025年）\n节地生态安葬率（%）\t70\t85\n"
    assert _figures(kind_first) == {("eco_burial_rate", 2020, "actual", D(70), None),
                                    ("eco_burial_rate", 2025, "target", D(85), None)}
    xiangmu = "项目\t单位\t2020年\t2025年\t性质\n养老床位总数\t万张\t2.8\t3.5\t预期性\n"
    assert _figures(xiangmu) == {("elderly_care_beds", 2020, "actual", D(28000), "expected"),
                                 ("elderly_care_beds", 2025, "target", D(35000), "expected")}


def test_a_row_outside_any_known_table_is_not_read_as_prose():
    # The same row of the 十五五 outline with no header naming its columns' years: 68% is a cell of an
    # unknown year, not the plan's goal.
    text = "国民经济和社会发展第十五个五年规划纲要\n到2030年,基本实现社会主义现代化。\n养老机构护理型床位占比\t68%\t73%\n"
    result = extract_text(text, DocumentMetadata("t.txt", "", len(text), "utf-8"))
    assert not any(r.indicator == "nursing_bed_share" for r in result.records)
    assert any("a cell of a table row" in note for note in result.notes)


# Rows of the 广西 民政 十四五 plan's table (co03), in the layouts other copies of such tables take.
GUANGXI_ROWS = [("养老机构护理型床位占比", "%", "44.28", "≥55", "约束性"),
                ("乡镇(街道)范围具备综合功能的养老服务机构覆盖率", "%", "—", "60", "预期性"),
                ("城乡低保标准年度增速", "%", "城市:13.5", "不低于居民上年度人均消费支出增速", "预期性")]
GUANGXI_SHARE = {("nursing_bed_share", 2020, "actual", D("44.28"), "="),
                 ("nursing_bed_share", 2025, "target", D(55), ">=")}


def test_a_table_written_as_markdown():
    lines = ["| 序号 | 主要指标 | 单位 | 2020年 | 2025年 | 指标属性 |", "| --- | --- | --- | --- | --- | --- |"]
    lines += [f"| {n} | {' | '.join(row)} |" for n, row in enumerate(GUANGXI_ROWS, start=1)]
    assert _figures_with_bounds("\n".join(lines) + "\n", 2020) == GUANGXI_SHARE


def test_a_second_header_row_names_the_columns_kinds():
    lines = ["序号\t主要指标\t单位\t2020年\t2025年\t属性", "\t\t\t实际值\t目标值\t"]
    lines += [f"{n}\t" + "\t".join(row) for n, row in enumerate(GUANGXI_ROWS, start=1)]
    assert _figures_with_bounds("\n".join(lines) + "\n", None) == GUANGXI_SHARE


def test_a_row_with_a_cell_of_words_does_not_end_the_table():
    # The row of words first, the nursing share after it; a dash for an empty cell is no part of a label.
    rows = [GUANGXI_ROWS[2], GUANGXI_ROWS[1], GUANGXI_ROWS[0]]
    text = "序号\t主要指标\t单位\t2020年实际值\t2025年目标值\t属性\n" + "".join(
        f"{n}\t" + "\t".join(row) + "\n" for n, row in enumerate(rows, start=1))
    tables = find_tables(text, 2020, default_catalogue())
    assert [row.label for row in tables[0].rows][-2:] == ["乡镇(街道)范围具备综合功能的养老服务机构覆盖率",
                                                          "养老机构护理型床位占比"]
    assert _figures_with_bounds(text, 2020) == GUANGXI_SHARE


def test_a_bilingual_yearbook_table_with_a_change_column():
    # 国家统计局's Key Statistics on Development of Civil Affairs (s03: 2007/2008, one cell a line) and a
    # traditional copy of the 2005/2006 table (n06): columns headed by bare years, then a change column
    # (2008年比2007年增减% / Change in 2008 over 2007) whose cell is no year's; each row's English label
    # follows its Chinese one, and the unit is the Chinese label's bracket (万个).
    assert {fact[:5] for fact in doc_facts("s03_cn_2008_key_stats_table_orgs.txt")} >= {
        ("100000", "social_orgs", 2007, "actual", D(387000)), ("100000", "social_orgs", 2008, "actual", D(414000))}
    found = {fact[:5] for fact in doc_facts("n06_cn_ngos_2005_2006_key_stats_trad_bilingual.txt")}
    assert found >= {("100000", "social_orgs", 2005, "actual", D(320000)),
                     ("100000", "social_orgs", 2006, "actual", D(354000))}
    assert not any(fact[4] in (D(106000), D("10.6")) for fact in found)
