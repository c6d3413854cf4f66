#!/usr/bin/env bash
# make loadtest: a mixed load on PostgreSQL + Redis + gunicorn (gthread), all on loopback, with
# a PostgreSQL restart and a 10-second database pause injected mid-run; then the checks (every
# acknowledged write stored, counters true, no mail lost, no 5xx but 503s during the faults).
# Arguments go to scripts/loadtest.py run (--duration S, --connections N).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(pwd)/.venv/bin
RUN=$(pwd)/.test-run/load
export PG_PORT=${LOAD_PG_PORT:-25435}
export PG_DIR=$(pwd)/.test-run/load-pg
REDIS_PORT=${LOAD_REDIS_PORT:-25436}
PORT=${LOAD_PORT:-25090}
GUNICORN="" WORKER="" REDIS=""

stop_all() {
  [ -n "$GUNICORN" ] && kill "$GUNICORN" 2>/dev/null && wait "$GUNICORN" 2>/dev/null
  [ -n "$WORKER" ] && kill "$WORKER" 2>/dev/null && wait "$WORKER" 2>/dev/null
  [ -n "$REDIS" ] && redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1
  bash scripts/postgres.sh resume >/dev/null 2>&1 || true  # a run stopped mid-pause
  bash scripts/postgres.sh stop
}
trap 'stop_all || true' EXIT

rm -rf "$RUN" && mkdir -p "$RUN/outbox"
bash scripts/postgres.sh start
bash scripts/postgres.sh createdb participa_load
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
  --pidfile "$RUN/redis.pid" --logfile "$RUN/redis.log"
REDIS=1
for _ in $(seq 1 50); do
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
  sleep 0.1
done

export PARTICIPA_ENV=production PARTICIPA_SECRET_KEY=loadtest-secret-not-for-production PARTICIPA_BALLOT_KEY=loadtest-ballot-key
export PARTICIPA_SESSION_COOKIE_SECURE=false PARTICIPA_PUBLIC_URL="http://127.0.0.1:$PORT"
export PARTICIPA_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/participa_load"
export PARTICIPA_RATELIMIT_STORAGE_URI="redis://127.0.0.1:$REDIS_PORT/0"
# the load comes from one address: rate limits are tested elsewhere
export PARTICIPA_RATELIMIT_ENABLED=false
export PARTICIPA_MAIL_BACKEND=outbox PARTICIPA_MAIL_OUTBOX_DIR="$RUN/outbox"
# argon2id at its lowest cost (as in config/testing.py): sign-ins cost no CPU the load needs
export PARTICIPA_PASSWORD_HASHING='{"time_cost": 1, "memory_cost": 8, "parallelism": 1}'

echo "Preparing the database (migrations, the demo town, the load's people and process)..."
$BIN/participa db upgrade >"$RUN/setup.log" 2>&1
$BIN/participa seed-demo >>"$RUN/setup.log" 2>&1
$BIN/python scripts/loadtest.py prepare --plan "$RUN/plan.json"

$BIN/gunicorn -k gthread -w 2 --threads 8 -b "127.0.0.1:$PORT" --log-level warning \
  'participa:create_app()' >"$RUN/gunicorn.log" 2>&1 &
GUNICORN=$!
$BIN/participa worker >"$RUN/worker.log" 2>&1 &
WORKER=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null || { echo "gunicorn did not start; see $RUN/gunicorn.log" >&2; exit 1; }

status=0
$BIN/python scripts/loadtest.py run "http://127.0.0.1:$PORT" --plan "$RUN/plan.json" \
  --database-url "postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/participa_load" \
  --outbox "$RUN/outbox" "$@" || status=$?
echo "Logs: $RUN/{gunicorn,worker,setup}.log, $PG_DIR/log"
exit $status
