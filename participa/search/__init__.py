"""The site-wide search (``/search?q=``): proposals, debates, meetings, processes, plans and
comments in one search, grouped by kind with counts, filtered by neighbourhood and kind, blind to
accents, case and the ways of writing Catalan's "l·l", ranked by relevance.

It reads the content packages (they never import it): ``kinds`` says how each kind is indexed and
shown; ``models`` holds the index table (the database's full-text index beside it: FTS5 on
SQLite, a tsvector GIN index on PostgreSQL); ``operations`` keeps it in step on every flush and
rebuilds it; ``queries`` searches; ``views`` serves the page; the ``participa search reindex``
command rebuilds the index."""

import sqlalchemy as sa
from sqlalchemy.orm import Session


def init_app(app):
    from participa.search import views
    from participa.search.indexing import index_flushed_changes

    app.register_blueprint(views.bp)
    if not sa.event.contains(Session, "after_flush", index_flushed_changes):
        sa.event.listen(Session, "after_flush", index_flushed_changes)
