"""The test databases: a SQLite file per run, or a PostgreSQL database emptied first."""

import os

import sqlalchemy as sa


def empty_postgresql(url: str) -> None:
    """Drop every table, type and sequence of the database at ``url`` (a fresh public schema)."""
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("DROP SCHEMA public CASCADE"))
            conn.execute(sa.text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


def suite_database_url(tmp_path_factory) -> str:
    """PARTICIPA_TEST_DATABASE_URL when set, else a new SQLite file."""
    url = os.environ.get("PARTICIPA_TEST_DATABASE_URL")
    if url:
        return url
    return "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite3")
