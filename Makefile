# The front door: `make run` serves the demo portal, `make test` runs the suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install browser-deps run test lint format bench bench-visits clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(BIN)/.installed ## Create .venv and install the pinned dependencies

# axe-core for the browser tests' accessibility checks, pinned by tests/browser/axe/package-lock.json.
AXE := tests/browser/axe/node_modules/axe-core/axe.min.js
$(AXE): tests/browser/axe/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix tests/browser/axe --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the browser tests' accessibility checks cannot run"; fi

browser-deps: $(AXE) ## Install axe-core (npm) for the browser tests; Chromium comes from `apt-get install chromium`

run: install ## Migrate, load the demo portal and serve it on http://127.0.0.1:$(PORT)/
	$(BIN)/python manage.py compile_catalogues
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py sync_locales
	$(BIN)/python manage.py setup_roles
	$(BIN)/python manage.py load_demo_content $(if $(DEMO_PASSWORD),--password "$(DEMO_PASSWORD)")
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@# The scheduler (scheduled go-live and expiry) runs beside the server and stops with it.
	$(BIN)/python manage.py run_scheduler & pid=$$!; trap 'kill $$pid 2>/dev/null' EXIT INT TERM; \
		$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install browser-deps ## Run the whole test suite, browser journeys included (SQLite, or DATABASE_URL when set)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install ## Ruff: lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Ruff: fix what can be fixed and reformat
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench-visits: install ## Measure the visitor counter per page view and a concurrent run (REDIS_URL to include Redis)
	$(BIN)/python manage.py bench_visits

BENCH_VENV ?= .venv-bench

$(BENCH_VENV)/.installed: requirements-bench.txt
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet -r requirements-bench.txt
	touch $@

bench: install $(BENCH_VENV)/.installed ## Load-test under gunicorn at BENCH_SIZES pages; writes bench-results/report.md
	$(BENCH_VENV)/bin/python bench/run.py

clean: ## Remove the virtualenvs, the SQLite database, collected static files, media and bench results
	rm -rf $(VENV) $(BENCH_VENV) bench-results db.sqlite3 db.sqlite3-* staticfiles media tests/browser/axe/node_modules
