"""The dashboard specs load, name reporting tables and their columns, and exposures.yml is current.

No Superset or warehouse needed: the specs are checked against the reporting layer's dbt
models (dbt_project/models/reporting/_reporting.yml); that the tables hold what the yml
says is dbt's test, and that the charts' queries run on a real build is
tests/pipeline/test_reporting.py's.
"""

from __future__ import annotations

import shutil

import pytest
import yaml

from dashboards import exposures, spec
from dashboards.spec import SpecError, load

SPECS = load()


def test_one_dashboard_per_fact_an_overview_and_one_for_conflicts_and_coverage():
    tables = {board.dataset.relation for board in SPECS.dashboards}
    assert tables == {"reporting.elderly_care_beds", "reporting.social_orgs_per_10k",
                      "reporting.certified_social_workers", "reporting.eco_burial_rate",
                      "reporting.target_attainment", "reporting.source_conflicts"}


def test_every_dataset_is_a_reporting_model_and_every_model_a_dataset():
    models = spec.reporting_models()
    assert {dataset.table_name for dataset in SPECS.datasets.values()} == set(models)
    for dataset in SPECS.datasets.values():
        assert dataset.description.startswith("One row per"), dataset.key
        assert dataset.columns == tuple(c["name"] for c in models[dataset.table_name]["columns"])


def test_datasets_hold_no_sql():
    raw = yaml.safe_load((spec.SPECS_DIR / "datasets.yaml").read_text(encoding="utf-8"))
    for item in [*raw["datasets"], *raw["templates"].values()]:
        assert not {"sql", "marts"} & set(item), item


def test_a_column_the_table_lacks_is_refused(tmp_path):
    edited = tmp_path / "specs"
    shutil.copytree(spec.SPECS_DIR, edited)
    board = edited / "dashboards" / "4_eco_burial_rate.yaml"
    board.write_text(board.read_text(encoding="utf-8").replace(
        "series: [region_label, kind_label]", "series: [region_label, kind_name]", 1),
        encoding="utf-8")
    with pytest.raises(SpecError, match="kind_name not among the columns of "
                                        "reporting.eco_burial_rate"):
        load(edited)


def test_a_table_outside_the_reporting_layer_is_refused(tmp_path):
    edited = tmp_path / "specs"
    shutil.copytree(spec.SPECS_DIR, edited)
    datasets = edited / "datasets.yaml"
    datasets.write_text(datasets.read_text(encoding="utf-8").replace(
        "table: reporting.eco_burial_rate", "table: marts.fct_eco_burial_rate"), encoding="utf-8")
    with pytest.raises(SpecError, match="dataset eco_burial_rate: table must be a model"):
        load(edited)


def test_titles_are_chinese_with_english_subtitles():
    for board in SPECS.dashboards:
        for title in [board.title, *(chart.title for chart in board.charts)]:
            chinese, _, english = title.partition(" | ")
            assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese), title
            assert english.isascii() and english, title


def test_every_dashboard_links_values_to_sources_and_filters_region_and_year():
    for board in SPECS.dashboards:
        tables = [chart for chart in board.charts if chart.type == "table"]
        assert any({"source_document", "target_document_title"} & set(t.columns) for t in tables)
        columns = {native.column for native in board.filters}
        assert "region_label" in columns and {"year", "target_year"} & columns


@pytest.mark.parametrize("chart", SPECS.charts, ids=[c.key for c in SPECS.charts])
def test_every_shown_column_has_a_label(chart):
    for column in chart.groupby:
        assert column in chart.dataset.labels, f"{column} has no label"


def test_exposures_file_is_generated_from_the_specs():
    assert exposures.main(["--check"]) == 0
    generated = yaml.safe_load(exposures.EXPOSURES_FILE.read_text(encoding="utf-8"))
    depends = {ref for exposure in generated["exposures"] for ref in exposure["depends_on"]}
    assert depends == {f"ref('{dataset.table_name}')" for dataset in SPECS.datasets.values()}
