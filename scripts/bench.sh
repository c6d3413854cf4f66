#!/usr/bin/env bash
# make bench: a large data set on a throwaway PostgreSQL, served by gunicorn on loopback,
# driven by wrk; every figure is also printed as a ratio to /healthz from the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(pwd)/.venv/bin
export PG_PORT=${BENCH_PG_PORT:-25433}
export PG_DIR=$(pwd)/.test-run/bench-pg
PORT=${BENCH_PORT:-25080}
export PARTICIPA_PUBLIC_URL="http://127.0.0.1:$PORT"
WORKERS=${BENCH_WORKERS:-2}
GUNICORN=""
trap 'kill $GUNICORN 2>/dev/null && wait $GUNICORN 2>/dev/null; bash scripts/postgres.sh stop' EXIT
bash scripts/postgres.sh start
bash scripts/postgres.sh createdb participa_bench
export PARTICIPA_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/participa_bench"
export PARTICIPA_ENV=production PARTICIPA_SECRET_KEY=bench-secret-not-for-production PARTICIPA_BALLOT_KEY=bench-ballot-key
export PARTICIPA_SESSION_COOKIE_SECURE=false PARTICIPA_RATELIMIT_ENABLED=false
export PARTICIPA_MAIL_BACKEND=outbox PARTICIPA_MAIL_OUTBOX_DIR=$(pwd)/.test-run/bench-outbox
$BIN/participa db upgrade >/dev/null 2>&1
echo "Seeding the benchmark data set..."
time $BIN/python scripts/bench_seed.py
$BIN/gunicorn -w "$WORKERS" -b "127.0.0.1:$PORT" --log-level warning 'participa:create_app()' &
GUNICORN=$!
for _ in $(seq 1 50); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
$BIN/python scripts/bench.py "http://127.0.0.1:$PORT" "$@"
$BIN/python scripts/bench_tally.py
