"""Counting the SQL statements a piece of work sends."""

import contextlib

from sqlalchemy import event

from participa.extensions import db


@contextlib.contextmanager
def counting(app):
    """Collect, in the yielded list, every statement the app's engine executes meanwhile."""
    statements = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)
