# The front door: `make run` serves the demo portal, `make test` runs the suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
PYTEST_ARGS ?=
# `make test` runs the suite in this many processes (pytest-xdist; tests/README.md says what each needs of its own).
TEST_PROCESSES ?= 2

.DEFAULT_GOAL := help
.PHONY: help install browser-deps run serve test lint format bench bench-visits clean

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

# openapi-typescript, TypeScript and the Redocly CLI for tests/test_api_clients.py (typed clients generated
# from the live schema), pinned by tests/api_clients/package-lock.json.
API_TOOLS := tests/api_clients/node_modules/.bin/openapi-typescript
$(API_TOOLS): tests/api_clients/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix tests/api_clients --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the generated API client tests cannot run"; fi

browser-deps: $(AXE) $(API_TOOLS) ## Install the npm test tools: axe-core, OpenAPI client generators and linter; Chromium comes from `apt-get install chromium`

# Shared by run and serve, after $(1) (environment assignments): catalogues, schema, locales, roles, demo
# portal, static files; then the scheduler (scheduled go-live, expiry, health alerts) beside the server
# $(2), stopped with it.
define prepare_and_serve
	$(1) $(BIN)/python manage.py compile_catalogues
	$(1) $(BIN)/python manage.py migrate --noinput
	$(1) $(BIN)/python manage.py sync_locales
	$(1) $(BIN)/python manage.py setup_roles
	$(1) $(BIN)/python manage.py load_demo_content $(if $(DEMO_PASSWORD),--password "$(DEMO_PASSWORD)")
	$(1) $(BIN)/python manage.py load_demo_portals $(if $(DEMO_PASSWORD),--password "$(DEMO_PASSWORD)")
	$(1) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(1) $(BIN)/python manage.py run_scheduler & pid=$$!; trap 'kill $$pid 2>/dev/null' EXIT INT TERM; \
		$(1) $(2)
endef

run: install ## Development server (DEBUG on, auto-reload) with the demo portal on http://127.0.0.1:$(PORT)/
	$(call prepare_and_serve,,$(BIN)/python manage.py runserver 127.0.0.1:$(PORT))

# `make serve`: settings.production on the embedded default (SQLite, local-memory cache, media on disk)
# under gunicorn. The secret is generated once into .secret_key (git-ignored). Plain HTTP on this machine,
# so the HTTPS redirect is off; everything else is as in production. SERVE_MEDIA: no nginx in front.
SECRET_KEY_FILE := .secret_key
HOST ?= 127.0.0.1
SERVE_ENV = DJANGO_SETTINGS_MODULE=settings.production SECRET_KEY="$$(cat $(SECRET_KEY_FILE))" \
	SECURE_SSL_REDIRECT=off SERVE_MEDIA=on PORT=$(PORT) HOST=$(HOST) WEB_CONCURRENCY=$${WEB_CONCURRENCY:-2}

$(SECRET_KEY_FILE):
	umask 077 && $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@

serve: install $(SECRET_KEY_FILE) ## Production settings under gunicorn on http://$(HOST):$(PORT)/ (real 404/500 pages, hashed static files)
	$(call prepare_and_serve,$(SERVE_ENV),$(BIN)/gunicorn -c gunicorn.conf.py cms.wsgi)

test: install browser-deps ## Run the whole test suite in TEST_PROCESSES processes, browser journeys included (SQLite, or DATABASE_URL when set)
	$(BIN)/python -m pytest -n $(TEST_PROCESSES) --dist loadgroup $(PYTEST_ARGS)

lint: install ## Ruff: lint and format check; dependency audit (pip-audit; skipped with a message when offline)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	.ci/audit-dependencies

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
	rm -rf $(VENV) $(BENCH_VENV) bench-results db.sqlite3 db.sqlite3-* staticfiles media tests/browser/axe/node_modules \
		tests/api_clients/node_modules
	@# .secret_key is kept: sessions and signed links made by `make serve` stay valid.
