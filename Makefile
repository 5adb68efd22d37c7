# The two commands a newcomer needs: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
NODE_DIR := tests/frontend

.PHONY: help run test install install-test migrate seed lint format messages check-messages bench clean smoke worker lock
.DEFAULT_GOAL := help

## make help: list these commands
help:
	@sed -n 's/^## make \([a-z-]*\): /  make \1\t/p' $(MAKEFILE_LIST) | expand -t 24

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when pyproject.toml or the lock file changes. requirements.lock pins every
# transitive package and is used as constraints, minus what pyproject.toml pins itself: a package
# added or re-pinned in pyproject.toml still installs before `make lock` has been run again.
$(VENV)/constraints.txt: pyproject.toml requirements.lock deploy/lock_constraints.py | $(BIN)/python
	$(BIN)/python deploy/lock_constraints.py > $@

$(VENV)/.installed: pyproject.toml $(VENV)/constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c $(VENV)/constraints.txt .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c $(VENV)/constraints.txt ".[test]"
	touch $(VENV)/.installed $@

## make lock: pin the whole dependency tree (requirements.lock) after changing pyproject.toml;
## existing pins are kept (`make lock LOCK_ARGS=--upgrade` moves everything to the newest allowed)
lock: | $(BIN)/python
	$(BIN)/pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet $(LOCK_ARGS) --extra test --strip-extras --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

## make install: create .venv and install the site's dependencies
install: $(VENV)/.installed
## make install-test: the same, with what the tests need
install-test: $(VENV)/.installed-test

## make migrate: apply database migrations
migrate: install
	$(MANAGE) migrate --no-input

## make seed: migrate, then seed the demo site (keeps what exists)
seed: migrate
	$(MANAGE) seed_demo

## make run: install, migrate, seed demo content in 10 languages, serve on http://127.0.0.1:8000
run: seed
	$(MANAGE) compile_translations
	@$(MANAGE) demo_logins --url http://$(HOST):$(PORT)/
	$(MANAGE) runserver $(HOST):$(PORT)

## make test: install what the tests need, then run the whole suite (browser tests need chromium-headless-shell)
test: install-test
	@if command -v npm >/dev/null 2>&1; then npm ci --silent --prefix $(NODE_DIR) >/dev/null; \
	  else echo "npm not found: accessibility (axe-core) and HTML (vnu) checks will be skipped"; fi
	$(MANAGE) compile_translations
	$(BIN)/python -m pytest -n auto --dist loadgroup $(PYTEST_ARGS)

## make worker: run queued background tasks (with TASKS_BACKEND=database; `make run` runs them at once)
worker: migrate
	$(MANAGE) db_worker

## make smoke: production smoke test (gunicorn, worker, PostgreSQL from DATABASE_URL, Redis, SMTP on loopback)
smoke: install-test
	$(BIN)/python -m pytest -m smoke tests/smoke -p no:cacheprovider $(PYTEST_ARGS)
	@cat test-results/smoke-figures.json

## make lint: ruff, mypy (strict on services), template indentation (djhtml) and CSS (stylelint)
lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	git ls-files '*/templates/*.html' | xargs $(BIN)/djhtml --check
	git ls-files '*.css' | xargs $(NODE_DIR)/node_modules/.bin/stylelint --config-basedir $(NODE_DIR)

## make format: format and autofix with ruff, indent templates with djhtml
format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	git ls-files '*/templates/*.html' | xargs $(BIN)/djhtml

## make messages: refresh locale/*/LC_MESSAGES/django.po from the templates and code
messages: install
	$(MANAGE) makemessages --all --ignore=.venv --ignore=var --ignore=node_modules --ignore=tests --no-location

## make check-messages: fail if an interface string lacks a translation
check-messages: install
	$(MANAGE) check_messages

## make bench: run the home page benchmark (tests/bench/)
bench: install-test
	$(BIN)/python tests/bench/home_page.py

## make clean: remove .venv, var/ and the front-end test tools
clean:
	rm -rf $(VENV) var $(NODE_DIR)/node_modules
