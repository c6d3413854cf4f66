# Participa — the README's commands. Everything it needs, it installs itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
TRANSLATIONS := participa/translations

.PHONY: run test test-sqlite test-postgres bench loadtest lint imports venv system-deps translations compile-translations seed clean

$(BIN)/participa: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip 2>/dev/null || true
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/participa

venv: $(BIN)/participa

compile-translations: venv
	$(BIN)/pybabel compile --statistics -d $(TRANSLATIONS)

## make translations: extract the strings and update ca/es/en catalogs (then fill them in)
translations: venv
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k lazy_ngettext:1,2 --ignore-dirs='.* __pycache__' -o $(TRANSLATIONS)/messages.pot --no-location --sort-output --project=Participa .
	$(BIN)/pybabel update -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) --ignore-obsolete --no-fuzzy-matching

## make run: install, migrate a SQLite database, load the demo town, serve on 127.0.0.1:$(PORT)
## with the worker that sends its e-mails
run: compile-translations
	$(BIN)/participa db upgrade
	$(BIN)/participa seed-demo
	@echo "Participa is at http://127.0.0.1:$(PORT)/  (Ctrl+C stops it)"
	@# the worker sends the e-mails the site queues; it stops with the server
	export PARTICIPA_PUBLIC_URL=$${PARTICIPA_PUBLIC_URL:-http://127.0.0.1:$(PORT)}; \
	$(BIN)/participa worker & worker=$$!; trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(BIN)/participa run --host 127.0.0.1 --port $(PORT)

system-deps:
	bash scripts/system-deps.sh

## make test: the whole suite on SQLite, then on a throwaway PostgreSQL, browser tests included
test: system-deps compile-translations imports
	bash scripts/test.sh

## make test-sqlite: the suite on SQLite only, on every core (PYTEST_WORKERS=0: one process)
test-sqlite: compile-translations
	$(BIN)/pytest -q -n $${PYTEST_WORKERS:-auto}

bench: system-deps compile-translations
	bash scripts/bench.sh

## make loadtest: 60 s of mixed load at 64 connections on loopback (PostgreSQL, Redis, gunicorn
## gthread) with a PostgreSQL restart and a 10 s database pause mid-run; then the checks
loadtest: system-deps compile-translations
	bash scripts/loadtest.sh

## make imports: the import contract (pyproject.toml, [tool.importlinter]) — DESIGN's layers
imports: venv
	$(BIN)/lint-imports

lint: imports
	$(BIN)/ruff check participa tests

clean:
	rm -rf .test-run instance/outbox
