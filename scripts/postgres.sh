#!/usr/bin/env bash
# A throwaway PostgreSQL on 127.0.0.1:$PG_PORT with its data under $PG_DIR.
#   scripts/postgres.sh start   → prints nothing, server up (idempotent)
#   scripts/postgres.sh stop
#   scripts/postgres.sh createdb NAME
#   scripts/postgres.sh restart → a fast restart (open connections are cut), server up again
#   scripts/postgres.sh pause   → SIGSTOP the postmaster and every child: the server hangs
#   scripts/postgres.sh resume  → SIGCONT them all
set -euo pipefail
PG_PORT=${PG_PORT:-25432}
PG_DIR=${PG_DIR:-$(pwd)/.test-run/pg}
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PG_OPTIONS="-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
wait_ready() {
  for _ in $(seq 1 30); do
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres && return 0
    sleep 0.5
  done
  echo "PostgreSQL did not start; see $PG_DIR/log" >&2; return 1
}
postmaster_pid() { head -n 1 "$PG_DIR/data/postmaster.pid"; }

case "${1:-}" in
  start)
    mkdir -p "$PG_DIR/sock"
    [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$PG_DIR"
    if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
      as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then
      as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w start -o "$PG_OPTIONS" >/dev/null
    fi
    wait_ready ;;
  stop)
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true ;;
  restart)
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -m fast -w restart -o "$PG_OPTIONS" >/dev/null
    wait_ready ;;
  pause)
    pid=$(postmaster_pid)
    kill -STOP "$pid"  # first the postmaster: it forks no new child while its children stop
    for child in $(pgrep -P "$pid"); do kill -STOP "$child" 2>/dev/null || true; done ;;
  resume)
    pid=$(postmaster_pid)
    for child in $(pgrep -P "$pid"); do kill -CONT "$child" 2>/dev/null || true; done
    kill -CONT "$pid" ;;
  createdb)
    "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "DROP DATABASE IF EXISTS \"$2\"" >/dev/null
    "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE \"$2\"" >/dev/null ;;
  *) echo "usage: $0 start|stop|restart|pause|resume|createdb NAME" >&2; exit 2 ;;
esac
