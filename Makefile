# The two commands a newcomer needs: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
NODE_DIR := tests/frontend

.PHONY: help run test install install-test migrate seed lint format messages check-messages bench clean
.DEFAULT_GOAL := help

## make help: list these commands
help:
	@sed -n 's/^## make \([a-z-]*\): /  make \1\t/p' $(MAKEFILE_LIST) | expand -t 24

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet ".[test]"
	touch $(VENV)/.installed $@

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

## make test: install what the tests need, then run the whole suite (browser tests need chromium)
test: install-test
	@if command -v npm >/dev/null 2>&1; then npm ci --silent --prefix $(NODE_DIR) >/dev/null; \
	  else echo "npm not found: accessibility (axe-core) and HTML (vnu) checks will be skipped"; fi
	$(MANAGE) compile_translations
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## make lint: ruff check and format check
lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## make format: format and autofix with ruff
format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

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
