# Every target installs what it needs into .venv by itself.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install generate check-generated lint typecheck test test-fast demo serve bench wheel clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[server,dev]'
	touch $(STAMP)

install: $(STAMP)

## Regenerate queen_generated/ from openapi.yaml.
generate: $(STAMP)
	$(BIN)/python generator/generate.py

## Fail if queen_generated/ differs from what openapi.yaml generates.
check-generated: $(STAMP)
	$(BIN)/python generator/generate.py --check

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy queen queen_server

typecheck: lint

## The whole suite: generated-code drift, lint, types, then every test.
test: check-generated lint
	$(BIN)/python -m pytest

## Tests only (no drift/lint checks), for quick iterations.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -x -q

demo: $(STAMP)
	$(BIN)/python examples/demo.py

serve: $(STAMP)
	$(BIN)/queen-server

bench: $(STAMP)
	$(BIN)/python -m bench

wheel: $(STAMP)
	$(BIN)/python -m build --wheel --outdir dist .

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache
