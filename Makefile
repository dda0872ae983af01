# minzheng: every everyday command. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help venv run test test-fast worker ui docs dashboards dashboards-stop lint bench clean

help: ## list the commands
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-16s %s\n", $$1, $$2}'

# The venv is (re)built whenever the project's own dependency files change.
$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP) ## create or refresh .venv from pyproject.toml + requirements.lock

run: $(STAMP) ## run the whole job on the sample corpus and publish warehouse/minzheng.duckdb
	ingest/bin/format-packages
	$(BIN)/minzheng run

test: $(STAMP) ## run every test (unit, pipeline, bad input, faults, Celery, Superset and browser)
	dashboards/bin/browser-packages
	ingest/bin/format-packages
	orchestration/bin/broker-packages
	$(BIN)/pytest

test-fast: $(STAMP) ## run the tests that need no pipeline run or Superset server
	$(BIN)/pytest -m "not pipeline and not superset"

worker: $(STAMP) ## start a Celery worker that parses for `minzheng run --executor celery`
	ingest/bin/format-packages
	$(BIN)/minzheng worker

ui: $(STAMP) ## start the Dagster UI on http://127.0.0.1:3000
	$(BIN)/minzheng ui

docs: $(STAMP) ## generate the dbt docs site into dbt_project/target
	$(BIN)/minzheng docs

dashboards: $(STAMP) ## install (if needed), start and provision Superset on 127.0.0.1:8088
	dashboards/bin/superset-up

dashboards-stop: ## stop the Superset server started by `make dashboards`
	dashboards/bin/superset-down

lint: $(STAMP) ## lint Python with ruff
	$(BIN)/ruff check .

bench: $(STAMP) ## run the benchmarks and print their figures
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_formats.py
	$(BIN)/python benchmarks/bench_statistics.py
	$(BIN)/python benchmarks/bench_pipeline.py
	$(BIN)/python benchmarks/bench_dashboard_queries.py

clean: ## remove built warehouse files and caches (keeps the venvs)
	rm -rf warehouse/build warehouse/*.duckdb dbt_project/target .pytest_cache
