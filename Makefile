# One entry point for people and CI. `make demo` sets everything up and scans examples/;
# `make test` runs the whole suite. Both work on a fresh machine with Python >= 3.10.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: setup demo test lint typecheck rules-test vscode e2e-vscode bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# Exit code 1 only means "high-stakes code was found", which is the point of the demo.
demo: setup
	$(BIN)/stakes scan examples/ ; status=$$?; test $$status -le 1

lint: setup
	$(BIN)/ruff check server tests bench

typecheck: setup
	$(BIN)/mypy

rules-test: setup
	$(BIN)/stakes test

# The VS Code extension: type-check, unit tests, bundle, and the .vsix (needs Node 20 and npm).
vscode: setup
	PYTHON=$(CURDIR)/$(BIN)/python bash client-vscode/scripts/build.sh

test: lint typecheck rules-test vscode
	$(BIN)/pytest

# The extension in a real VS Code (code-server + headless Chromium); heavy: ~600 MB, minutes.
e2e-vscode: setup
	bash client-vscode/scripts/e2e.sh

# The full benchmarks (downloads the corpus and the peers on first use); results for docs/performance.md.
bench: setup
	bash bench/perf/setup-peers.sh
	$(BIN)/python bench/perf/throughput.py
	$(BIN)/python bench/perf/latency.py

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache
