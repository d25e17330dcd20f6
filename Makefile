# `make report` and `make test` set everything up on a fresh machine, then run.
# `make report` installs only what the report needs; `make test` adds the test tools, `make lab` JupyterLab.
# `make test-fast` is the quick loop while editing: every test but those marked slow (notebooks, reports,
# Dask, the pipeline at scale, benchmarks, the browser, the large corpora in ../shared); `make test` runs all.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?=
OUT ?= reports

.PHONY: report test test-fast lab clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# One stamp per set of extras: each is installed again when pyproject.toml changes.
$(VENV)/.installed-report: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

$(VENV)/.installed-lab: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[lab]"
	touch $@

report: $(VENV)/.installed-report
	$(BIN)/python -m analysis report $(if $(CORPUS),--corpus "$(CORPUS)") --out "$(OUT)"

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

test-fast: $(VENV)/.installed-test
	$(BIN)/python -m pytest -m "not slow" -q

lab: $(VENV)/.installed-lab
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf $(VENV) reports build dist .pytest_cache
