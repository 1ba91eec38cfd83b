# OpenOM: `make run` and `make test` are the two commands; everything else here serves them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= config.settings.embedded

.PHONY: run test setup lint typecheck lock clean

run: setup
	@$(BIN)/openom migrate --no-input -v 0
	@$(BIN)/openom load_offences --if-changed
	@$(BIN)/openom demo --if-empty
	@$(BIN)/openom demo_logins --url http://$(HOST):$(PORT)/
	@$(BIN)/openom runserver $(HOST):$(PORT)

test: setup
	@DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/pytest

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements/lock.txt pyproject.toml
	@echo "Setting up the Python environment in $(VENV) ..."
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	@$(BIN)/uv pip install --quiet --python $(BIN)/python --require-hashes -r requirements/lock.txt
	@$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	@touch $@

node_modules/.installed: package.json package-lock.json
	@echo "Installing the GOV.UK and MoJ front-end assets ..."
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

lint: setup
	@$(BIN)/ruff check .
	@$(BIN)/ruff format --check .

typecheck: setup
	@$(BIN)/mypy

# Re-resolve the lock after changing pyproject.toml (always for Python 3.11).
lock: setup
	@$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes \
		--quiet -o requirements/lock.txt

clean:
	rm -rf $(VENV) node_modules var/*.sqlite3*
