#!/usr/bin/env bash
# The whole suite on SQLite, then again on a throwaway PostgreSQL; browser tests in both runs.
# Each run is spread over the machine's cores by pytest-xdist (PYTEST_WORKERS, default auto);
# every worker has its own databases (participa_test_gw0, participa_browser_gw0, ... on
# PostgreSQL, made by the fixtures), temporary folders, outbox and live-server port.
# Extra arguments go to pytest: scripts/test.sh tests/proposals -k support
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export PG_PORT=${PG_PORT:-25432}
export PG_DIR=$(pwd)/.test-run/pg
WORKERS=${PYTEST_WORKERS:-auto}
rm -rf .test-run/tmp && mkdir -p .test-run/tmp

run_pytest() {
  # exit code 5 means "no tests collected" (a selection that matches nothing): not a failure
  local status=0
  $BIN/pytest -q -n "$WORKERS" "$@" || status=$?
  if [ "$status" -eq 5 ]; then echo "(no tests selected)"; status=0; fi
  return "$status"
}

echo "== Test suite on SQLite"
PARTICIPA_TEST_DATABASE_URL="" PARTICIPA_BROWSER_DATABASE_URL="" run_pytest "$@"

echo "== Test suite on PostgreSQL (127.0.0.1:$PG_PORT)"
trap 'bash scripts/postgres.sh stop' EXIT
bash scripts/postgres.sh start
PARTICIPA_TEST_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/participa_test" \
PARTICIPA_BROWSER_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/participa_browser" \
  run_pytest "$@"
