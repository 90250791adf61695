# The two commands of the README: `make demo` and `make test`. Both set up .venv first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# Stanza's English tokenizer models; on a developer's or CI's machine they sit in ../shared.
SHARED_MODELS := $(abspath ../shared/stanza_resources)
ifneq ($(wildcard $(SHARED_MODELS)/resources.json),)
export STANZA_RESOURCES_DIR ?= $(SHARED_MODELS)
endif

.PHONY: demo test bench setup
setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $@

demo: setup
	$(BIN)/claims extract seeds/

# The store's tests run on SQLite and on a real PostgreSQL 15: scripts/postgres.sh installs it from
# Debian's packages if needed, starts it on 127.0.0.1 and prints the URL (unless one is given).
test: setup
	CLAIMS_TEST_POSTGRES="$${CLAIMS_TEST_POSTGRES:-$$(bash scripts/postgres.sh)}" $(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/extract.py
