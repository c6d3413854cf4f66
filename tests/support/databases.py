"""The test databases, one per xdist worker: a SQLite file in the worker's temporary folder, or
a PostgreSQL database of its own, named after the base URL's and the worker (participa_test_gw0),
created when missing and emptied first."""

import os

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from tests.support.workers import worker_id


def per_worker(url: str) -> str:
    """``url`` with this xdist worker's name appended to the database name (unchanged in a plain
    run): workers never share a database."""
    worker = worker_id()
    if not worker:
        return url
    parsed = make_url(url)
    return parsed.set(database=f"{parsed.database}_{worker}").render_as_string(hide_password=False)


def create_postgresql_database(url: str) -> None:
    """Create the database ``url`` names, unless it exists (through the ``postgres`` one)."""
    parsed = make_url(url)
    engine = sa.create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            exists = conn.scalar(sa.text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                 {"name": parsed.database})
            if not exists:
                conn.execute(sa.text(f'CREATE DATABASE "{parsed.database}"'))
    finally:
        engine.dispose()


def empty_postgresql(url: str) -> None:
    """Drop every table, type and sequence of the database at ``url`` (a fresh public schema)."""
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("DROP SCHEMA public CASCADE"))
            conn.execute(sa.text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


def fresh_database_url(env_var: str, folder, sqlite_name="test.sqlite3") -> str:
    """This worker's own empty database: the PostgreSQL one named by ``env_var`` (per worker,
    created if missing, emptied), or when ``env_var`` is unset a new SQLite file in ``folder``
    (one of the worker's own temporary folders)."""
    url = os.environ.get(env_var)
    if not url:
        return "sqlite:///" + str(folder / sqlite_name)
    url = per_worker(url)
    if make_url(url).get_backend_name() == "postgresql":
        create_postgresql_database(url)
        empty_postgresql(url)
    return url


def rows_in_stored_order(table: str, columns: str) -> list:
    """``columns`` of ``table``'s rows in their physical order (SQLite's rowid, PostgreSQL's
    ctid): what a reader of a copy of the database sees, whatever the ids say."""
    from participa.extensions import db

    position = "rowid" if db.engine.dialect.name == "sqlite" else "ctid"
    return db.session.execute(sa.text(
        f"SELECT {columns} FROM {table} ORDER BY {position}")).all()  # noqa: S608
