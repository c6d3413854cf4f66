"""Database wiring: Flask-SQLAlchemy, Flask-Migrate and SQLite pragmas (WAL, foreign keys)."""

from sqlalchemy import event
from sqlalchemy.engine import Engine

from participa import ROOT
from participa.extensions import db, migrate


def init_app(app):
    db.init_app(app)
    migrate.init_app(
        app, db, directory=str(ROOT / "migrations"), render_as_batch=True, compare_type=True,
        render_item=render_item,
    )
    # import every model so metadata is complete for migrations and the schema test
    import participa.models  # noqa: F401


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
