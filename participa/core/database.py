"""Database wiring: Flask-SQLAlchemy, Flask-Migrate and SQLite pragmas (WAL, foreign keys)."""

from functools import lru_cache
from pathlib import Path

import sqlalchemy as sa
from flask import current_app
from sqlalchemy import event
from sqlalchemy.engine import Engine

from participa.extensions import db, migrate

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def init_app(app):
    _timeouts(app)
    db.init_app(app)
    migrate.init_app(
        app, db, directory=str(MIGRATIONS), render_as_batch=True, compare_type=True,
        render_item=render_item,
    )
    # runs before Flask-SQLAlchemy's own teardown (teardowns run last registered first)
    app.teardown_appcontext(_end_session)


def _end_session(error=None) -> None:
    """End the request's session. A transaction that only read is committed, not rolled back:
    the two are the same to the database, but psycopg forgets every prepared statement on a
    ROLLBACK, so PostgreSQL would plan each query of every page afresh (most of its work on a
    signed-in page). Anything written and not committed is rolled back.

    The response is built by now: if the database went away meanwhile (a restart, a dropped
    connection), closing the session cannot roll back on it, and that must not turn a finished
    page into a 500. The connection is discarded (the pool checks the next one before use) and
    the session forgotten."""
    try:
        if db.session.registry.has():  # a request that never used the database has no session
            session = db.session()
            if error is None and _only_read(session):
                # each connection's own COMMIT: nothing for the session's machinery to do
                for entry in session.get_transaction()._connections.values():
                    entry[0].commit()
        db.session.remove()
    except sa.exc.DBAPIError as failure:
        current_app.logger.warning("the database went away as a request ended: %s", failure)
        db.session.registry.clear()


def _only_read(session) -> bool:
    """Whether the session's open transaction, if any, has read and nothing else: no pending
    change, and no statement but SELECT sent on its connection (``_note_writes``)."""
    if not session.in_transaction() or session.new or session.dirty or session.deleted:
        return False
    connections = session.get_transaction()._connections.values()  # (conn, trans, ...) each
    return all(not entry[0].info.get(WROTE) for entry in connections)


WROTE = "participa.wrote"


@event.listens_for(Engine, "before_cursor_execute")
def _note_writes(conn, cursor, statement, parameters, context, executemany):
    """Mark a connection whose transaction sent anything but a SELECT (forgotten at its end)."""
    if not conn.info.get(WROTE) and not statement.lstrip()[:6].upper() == "SELECT":
        conn.info[WROTE] = True


@event.listens_for(Engine, "commit")
@event.listens_for(Engine, "rollback")
def _transaction_ended(conn):
    conn.info.pop(WROTE, None)


def _timeouts(app) -> None:
    """A database that is down or stuck must not hold every request: connecting, waiting for a
    pooled connection and running one statement each have a limit (PostgreSQL), and the
    request gets a 503 page (``participa.core.errors``)."""
    options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
    options.setdefault("pool_pre_ping", True)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        options.setdefault("pool_timeout", app.config["DATABASE_CONNECT_TIMEOUT"])
        connect_args = dict(options.get("connect_args") or {})
        connect_args.setdefault("connect_timeout", app.config["DATABASE_CONNECT_TIMEOUT"])
        connect_args.setdefault(
            "options", f"-c statement_timeout={app.config['DATABASE_STATEMENT_TIMEOUT_MS']}")
        options["connect_args"] = connect_args
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options


def read_rows(statement, params=None) -> list:
    """The rows of a statement that selects plain columns (no ORM entities), through the
    session's connection but not the ORM's result machinery, fetched at once (row by row,
    a long list costs twice as much). Pending changes are not flushed first: for what pages
    read, not for operations."""
    return db.session.connection().execute(statement, params or {}).all()


def database_answers() -> bool:
    """Whether the database answers a trivial query now (``/readyz``)."""
    try:
        db.session.execute(sa.text("SELECT 1"))
        return True
    except sa.exc.SQLAlchemyError:
        db.session.rollback()
        return False


def render_item(type_, obj, autogen_context):
    """Write our column types as plain SQLAlchemy ones, so revisions import no app code."""
    from participa.core.types import UTCDateTime

    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    """Foreign keys on and WAL for every SQLite connection; nothing for other databases."""
    module = type(dbapi_connection).__module__
    if not module.startswith("sqlite3"):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def add_to_counters(obj, **deltas) -> None:
    """Add to stored counters in SQL (``counter = counter + n``), so parallel writers never lose
    an update, and let the object read them afresh on next use."""
    names = tuple(sorted(deltas))
    db.session.execute(_counters_statement(type(obj), names),
                       {"row_id": obj.id, **{f"add_{name}": deltas[name] for name in names}})
    db.session.expire(obj, list(names))


@lru_cache(maxsize=64)
def _counters_statement(model, names):
    """``add_to_counters``'s UPDATE for these counters of this model, built once."""
    return (
        sa.update(model).where(model.id == sa.bindparam("row_id"))
        .values({name: getattr(model, name) + sa.bindparam(f"add_{name}") for name in names})
        .execution_options(synchronize_session=False)
    )


def lock_row(model, row_id) -> None:
    """Serialize the writers that touch one row until the transaction ends.

    PostgreSQL: ``SELECT … FOR UPDATE`` on the row. SQLite has no row locks: a no-op UPDATE takes
    the database's write lock (reads before it ran outside any transaction, so nothing stale is
    kept). Rules like "at most N supports per person" check their counts after this call."""
    dialect = db.session.get_bind().dialect.name
    db.session.execute(_lock_statement(model, dialect), {"row_id": row_id})


@lru_cache(maxsize=64)
def _lock_statement(model, dialect):
    """``lock_row``'s statement for this model on this database, built once."""
    if dialect == "sqlite":
        return sa.update(model).where(model.id == sa.bindparam("row_id")).values(id=model.id)
    return sa.select(model.id).where(model.id == sa.bindparam("row_id")).with_for_update()
