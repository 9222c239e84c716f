# Teilhabe developer and CI entry points. `make help` lists them.
# Recipes run in bash with -e and pipefail so a failing step fails the target.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The stamp carries the lock's hash: a changed lock (e.g. after git pull) reinstalls,
# an unchanged one makes `make venv` a no-op.
LOCK_HASH := $(shell sha256sum requirements.lock | cut -c1-16)
STAMP := $(VENV)/.installed-$(LOCK_HASH)
MANAGE := $(BIN)/python manage.py
# Parallel on every core (pytest-xdist); tests marked xdist_group (the demo story)
# stay together on one worker, so the demo is loaded once per run.
PYTEST := $(BIN)/python -m pytest -n auto --dist loadgroup

.PHONY: help venv run test lint messages lock system-deps

help:
	@echo "make run          migrate, load the demo data, serve on http://127.0.0.1:8000 (with the mail worker; PORT=8001 for another port)"
	@echo "make test         lint, then the suite on SQLite (with browser tests) and on PostgreSQL"
	@echo "make lint         ruff, djlint, app layers, mypy, missing migrations, German translations"
	@echo "make messages     update and compile the .po files (de, en)"
	@echo "make lock         re-pin requirements.lock from pyproject.toml"
	@echo "make system-deps  install the Debian packages the tests need"

venv: $(STAMP)

# uv installs the lock in seconds instead of pip's ~20 s; pip stays the fallback
# (venvs made by uv have no pip, hence ensurepip). uv is told to trust the system's
# CA store, which pip also uses, so both work behind a TLS-inspecting proxy.
$(STAMP): export UV_SYSTEM_CERTS := 1
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	if [ ! -x $(BIN)/uv ]; then \
	  $(BIN)/python -m pip --version >/dev/null 2>&1 || $(BIN)/python -m ensurepip >/dev/null; \
	  $(BIN)/python -m pip install -q --disable-pip-version-check uv \
	    || echo "venv: could not install uv, falling back to pip"; \
	fi
	if [ -x $(BIN)/uv ] \
	  && $(BIN)/uv pip install -q --python $(BIN)/python -r requirements.lock \
	  && $(BIN)/uv pip install -q --python $(BIN)/python --no-deps -e .; then :; \
	else \
	  $(BIN)/python -m pip --version >/dev/null 2>&1 || $(BIN)/python -m ensurepip >/dev/null; \
	  $(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.lock; \
	  $(BIN)/python -m pip install -q --disable-pip-version-check --no-deps -e .; \
	fi
	rm -f $(VENV)/.installed-*
	touch $@

# Data stays in ./var between runs: migrate and load_demo are both idempotent.
# The task worker (it sends the mail) runs in the background next to the server and
# is stopped with it, however the server ends (Ctrl+C, error, kill).
# `make run PORT=8001` serves on another port; links in e-mails and messages follow it
# (SITE_URL), unless TEILHABE_SITE_URL is set explicitly.
PORT ?= 8000
run: export TEILHABE_DEBUG := 1
run: export TEILHABE_DEMO := 1
run: export TEILHABE_SITE_URL ?= http://127.0.0.1:$(PORT)
run: venv
	mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	@echo "Teilhabe runs at $(TEILHABE_SITE_URL) (links in e-mails point there)"
	$(MANAGE) db_worker & worker=$$!; \
	$(MANAGE) runserver 127.0.0.1:$(PORT) & server=$$!; \
	trap 'kill $$server $$worker 2>/dev/null || true; wait' EXIT INT TERM; \
	wait $$server

# Every stage runs even when an earlier one fails, so one CI run reports lint
# problems and both databases' results; the target fails if any stage failed.
# Browser tests (marker e2e) run only in the SQLite pass: they drive the UI through
# live_server, which behaves the same on both databases, and a second run would
# only double the slowest part of the suite. Everything else runs on both.
test: venv system-deps
	rm -rf test-artifacts/screenshots
	failed=""; \
	echo "== Lint =="; \
	$(MAKE) --no-print-directory lint || failed="$$failed lint"; \
	echo "== SQLite =="; \
	$(PYTEST) -ra || failed="$$failed sqlite"; \
	echo "== PostgreSQL =="; \
	bash scripts/with-postgres.sh $(PYTEST) -ra -m "not e2e" || failed="$$failed postgresql"; \
	if [ -n "$$failed" ]; then echo "== FAILED:$$failed =="; exit 1; fi; \
	echo "== All passed (screenshots in test-artifacts/screenshots/) =="

# djlint runs as a linter only: its formatter rewrites every one-line
# {% block title %}…{% endblock %} into three lines, noise without a bug behind it.
# makemigrations gets an in-memory SQLite: the check needs no data, and var/ may not
# exist yet (fresh clone in CI).
lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint --lint src/teilhabe
	$(BIN)/python scripts/kernify.py --check src/teilhabe
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy
	TEILHABE_SQLITE_PATH=:memory: $(MANAGE) makemigrations --check --dry-run
	$(BIN)/python scripts/check_translations.py

# Run from the package directory: makemessages then scans only src/teilhabe and
# writes to LOCALE_PATHS[0] (src/teilhabe/locale), and compilemessages does not
# wander into .venv and recompile Django's own catalogues.
messages: venv
	cd src/teilhabe && $(abspath $(BIN))/python $(abspath manage.py) makemessages \
	  -l de -l en --no-obsolete --ignore=.venv --ignore=tests --ignore="migrations/*"
	cd src/teilhabe && $(abspath $(BIN))/python $(abspath manage.py) compilemessages

# Pinned for the CI Python (3.11) whatever Python the developer runs.
lock: venv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

system-deps:
	bash scripts/system-deps.sh
