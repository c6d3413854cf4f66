#!/usr/bin/env bash
# The whole suite on SQLite, then again on a throwaway PostgreSQL; browser tests in both runs.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export PG_PORT=${PG_PORT:-25432}
export PG_DIR=$(pwd)/.test-run/pg
rm -rf .test-run/tmp && mkdir -p .test-run/tmp

echo "== Test suite on SQLite"
PARTICIPA_TEST_DATABASE_URL="" $BIN/pytest -q

echo "== Test suite on PostgreSQL (127.0.0.1:$PG_PORT)"
trap 'bash scripts/postgres.sh stop' EXIT
bash scripts/postgres.sh start
bash scripts/postgres.sh createdb participa_test
bash scripts/postgres.sh createdb participa_browser
PARTICIPA_TEST_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/participa_test" \
PARTICIPA_BROWSER_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/participa_browser" \
  $BIN/pytest -q
