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

# The main job: the seed articles into the SQLite store (claims.db), then the dashboard on http://localhost:8501.
demo: setup
	$(BIN)/claims ingest seeds/
	$(BIN)/claims dashboard --server.headless true

# The store's tests run on SQLite and on a real PostgreSQL 15: scripts/postgres.sh installs it from
# Debian's packages if needed, starts it on 127.0.0.1 and prints the URL (unless one is given). The browser
# test drives Debian's chromium, which scripts/chromium.sh installs if needed.
test: setup
	CLAIMS_TEST_POSTGRES="$${CLAIMS_TEST_POSTGRES:-$$(bash scripts/postgres.sh)}" \
	CLAIMS_TEST_CHROMIUM="$${CLAIMS_TEST_CHROMIUM:-$$(bash scripts/chromium.sh 2>/dev/null)}" \
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/extract.py
