# IQ Lernplattform. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

.PHONY: help setup run test lint format lock messages bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -qq --upgrade pip
	$(BIN)/pip install -qq -r requirements.lock
	touch $@

node_modules/.installed: package.json package-lock.json .npmrc
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p node_modules && touch $@

# Compiled only when the catalogue changed, so two test runs side by side (.ci/run)
# never write a catalogue the other is reading.
MO_FILES := locale/de/LC_MESSAGES/django.mo locale/en/LC_MESSAGES/django.mo
locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(BIN)/.installed
	$(BIN)/pybabel compile --use-fuzzy -d locale -D django -l $* --statistics 2>&1 | tail -n 1

setup: $(BIN)/.installed node_modules/.installed $(MO_FILES) ## Install Python and npm dependencies, compile translations

run: setup ## Set up, migrate, load demo data and serve on http://127.0.0.1:8000 (SQLite)
	$(PY) manage.py migrate --no-input
	$(PY) manage.py seed_demo
	@echo "Serving on http://127.0.0.1:8000, H5P/SCORM content on http://localhost:8000 (the task worker runs alongside)."
	trap 'kill 0' INT TERM EXIT; \
	$(PY) manage.py task_worker & \
	$(PY) manage.py runserver 127.0.0.1:8000

test: setup ## Set up and run every check and test (DATABASE_URL selects the database)
	sh scripts/ensure-chromium.sh
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=learning.settings.test $(PY) manage.py makemigrations --check --dry-run
	SECRET_KEY=check-deploy-only-$$(date +%s)-not-a-real-secret-0123456789abcdefghij \
	  CERTIFICATE_SIGNING_KEY=$$($(PY) -c "import base64, os; print(base64.b64encode(os.urandom(32)).decode())") \
	  CERTIFICATE_RSA_SIGNING_KEY=$$($(PY) scripts/new-rsa-key.py) \
	  ALLOWED_HOSTS=lernen.example.org BASE_URL=https://lernen.example.org \
	  CONTENT_ORIGIN=https://inhalte.example.org TRUSTED_PROXY_COUNT=1 REDIS_URL=redis://127.0.0.1:6379/0 \
	  DJANGO_SETTINGS_MODULE=learning.settings.production \
	  $(PY) manage.py check --deploy --fail-level WARNING
	DJANGO_SETTINGS_MODULE=learning.settings.test DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -q

# The peer the benchmark compares with (wagtail-lms), in its own environment; the
# project's lock file pins every package the two share.
PEER_VENV := bench/.peer-venv
$(PEER_VENV)/.installed: bench/peer/requirements.txt requirements.lock
	$(PYTHON) -m venv $(PEER_VENV)
	$(PEER_VENV)/bin/pip install -qq --upgrade pip
	$(PEER_VENV)/bin/pip install -qq -r bench/peer/requirements.txt -c requirements.lock
	touch $@

bench: setup $(PEER_VENV)/.installed ## Benchmarks (gunicorn, PostgreSQL, Redis; beside wagtail-lms); writes bench/results/
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	command -v redis-server >/dev/null || (apt-get update -qq && apt-get install -y -qq redis-server)
	$(PY) bench/run.py && $(PY) bench/certificates.py --count $${BENCH_CERTIFICATES:-1000}

lint: ## Lint and check formatting
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format: ## Format the code
	$(BIN)/ruff check --fix . && $(BIN)/ruff format .

lock: ## Re-pin Python dependencies after editing pyproject.toml
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --quiet -o requirements.lock

messages: ## Extract translatable strings into the .po files
	DJANGO_SETTINGS_MODULE=learning.settings.test $(PY) manage.py makemessages -l de -l en --ignore=.venv --ignore=node_modules --ignore=tests

clean: ## Remove the virtual environment, node modules and local database
	rm -rf $(VENV) node_modules db.sqlite3 media-test
