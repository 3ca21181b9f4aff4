# The two commands of the README: `make run` and `make test`. Both work on a fresh Debian machine
# with Python 3.11, as root: they install into the project's own virtual environment (.venv) exactly
# what uv.lock pins, bootstrapping uv into it, and never touch the system Python.
PYTHON ?= python3
VENV := .venv
UV := $(VENV)/bin/uv
CHROMIUM ?= /usr/bin/chromium
# `make run STORE=path/to/store.duckdb PORT=8502` opens the dashboard on a store of your own.
STORE ?=
PORT ?= 8501
TREEBANK ?= ../shared/treebank
# The uv that `make` bootstraps is the one the lock pins.
UV_VERSION := $(shell sed -n '/^name = "uv"$$/{n;s/^version = "\(.*\)"$$/\1/p;}' uv.lock)

# uv uses the machine's Python (never downloads one) and the project's .venv.
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: run test lint types sync-app sync-test chromium python-venv model bench

run: sync-app chromium
	@echo "== serving the dashboard on http://127.0.0.1:$(PORT) (store: $(or $(STORE),data/newstally.duckdb))"
	$(VENV)/bin/newstally serve $(if $(STORE),--store "$(STORE)") --port $(PORT)

test: sync-test chromium lint types
	$(VENV)/bin/python -m pytest

# Lint and format check (ruff) and types (mypy), at the strictness set in pyproject.toml.
lint: sync-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

types: sync-test
	$(VENV)/bin/mypy

# What the app needs (the lock's default dependencies). --inexact keeps the test tools of an
# earlier `make test`, so switching between the two commands does not reinstall them.
sync-app: $(UV)
	@echo "== installing the app's dependencies from uv.lock into $(VENV)"
	$(UV) sync --frozen --inexact

# What the tests need: the app, the distributed engine, and the test, lint and type tools.
sync-test: $(UV)
	@echo "== installing the test dependencies from uv.lock into $(VENV)"
	$(UV) sync --frozen --extra dask --group test

$(UV):
	@echo "== creating $(VENV) with $(PYTHON) and bootstrapping uv $(UV_VERSION) into it"
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); $(MAKE) --no-print-directory python-venv && $(PYTHON) -m venv $(VENV); }
	$(VENV)/bin/python -m pip install --disable-pip-version-check "uv==$(UV_VERSION)"

# Debian's Python makes virtual environments only with python3-venv installed.
python-venv:
	@echo "== $(PYTHON) cannot make a virtual environment: installing Debian's python3-venv"
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-venv

# Debian's chromium draws PNG and SVG chart downloads (kaleido) and runs the browser tests.
chromium:
	@test -x $(CHROMIUM) || { echo "== installing Debian's chromium (chart images, browser tests)"; \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }

# Trains the dependency parser from the UD English EWT treebank and writes it into the package.
model: sync-test
	$(VENV)/bin/newstally train-parser --treebank "$(TREEBANK)"

bench: sync-test
	$(UV) sync --frozen --inexact --extra dask --group test --group bench
	$(VENV)/bin/python bench/run_all.py
