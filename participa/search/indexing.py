"""Keeping the search index in step with the content (not an operation: a listener and the
rebuild the CLI runs; what people do goes through the features' operations).

Every flush that adds, changes or deletes a proposal, debate, meeting, comment, process or plan
re-reads those rows with plain SQL and rewrites their search documents in the same transaction
(``index_flushed_changes``, an ORM ``after_flush`` listener): whatever operation hid, deleted,
published or edited them — moderation, an author, the council — the index follows. What changes
a row's public state also rewrites the documents that depend on it (a hidden proposal's
comments; a process's neighbourhoods for what it holds). ``rebuild_index`` makes it all anew."""

from collections import defaultdict

import sqlalchemy as sa

from participa.comments.models import Comment
from participa.search.kinds import (
    BY_MODEL,
    BY_VALUE,
    SEARCH_KINDS,
    document_for,
    places_of_processes,
)
from participa.search.models import SearchDocument

DOCUMENTS = SearchDocument.__table__
BATCH = 2000
COMMENTED = ("proposals", "debates", "meetings")  # kinds whose state their comments follow
PG_INDEX = "search_fts_index"  # PostgreSQL's GIN index (the migration makes it)


def reindex(connection, kind, ids) -> None:
    """Rewrite the documents of ``kind``'s rows ``ids`` (rows that are gone lose theirs)."""
    ids = sorted({int(i) for i in ids if i is not None})
    for start in range(0, len(ids), BATCH):
        _reindex_batch(connection, kind, ids[start:start + BATCH])


def _reindex_batch(connection, kind, ids) -> None:
    d = DOCUMENTS.c
    sources = kind.sources(connection, ids)
    inheriting = {s.process_id for s in sources if s.process_id and not s.own_places}
    process_places = places_of_processes(connection, inheriting)
    documents = {s.id: document_for(kind, s, process_places) for s in sources}
    existing = {row.target_id: row for row in connection.execute(
        sa.select(d.id, d.target_id, d.title, d.body, d.is_public, d.neighbourhood_ids,
                  d.process_id, d.inherits_places)
        .where(d.kind == kind.value, d.target_id.in_(ids)))}

    stale = [row.id for target_id, row in existing.items()
             if target_id not in documents
             or (row.title, row.body) != (documents[target_id]["title"],
                                          documents[target_id]["body"])]
    if stale:  # gone, or its words changed: the full-text index is rewritten with the row
        connection.execute(sa.delete(DOCUMENTS).where(d.id.in_(stale)))
    fresh = [doc for target_id, doc in documents.items()
             if target_id not in existing or existing[target_id].id in stale]
    if fresh:
        connection.execute(sa.insert(DOCUMENTS), fresh)
    flags = [{"row_id": existing[target_id].id, **_flags(doc)}
             for target_id, doc in documents.items()
             if target_id in existing and existing[target_id].id not in stale
             and _flags(existing[target_id]._mapping) != _flags(doc)]
    if flags:
        connection.execute(
            sa.update(DOCUMENTS).where(d.id == sa.bindparam("row_id"))
            .values({name: sa.bindparam(name) for name in _FLAGS}), flags)

    if kind.value in COMMENTED:
        moved = [target_id for target_id in ids
                 if _followed(existing.get(target_id), documents.get(target_id))]
        if moved:
            _reindex_comments_on(connection, kind.value, moved)
    elif kind.value == "processes":
        for target_id, doc in documents.items():
            old = existing.get(target_id)
            if old is not None and old.neighbourhood_ids != doc["neighbourhood_ids"]:
                connection.execute(
                    sa.update(DOCUMENTS)
                    .where(d.process_id == target_id, d.inherits_places.is_(True))
                    .values(neighbourhood_ids=doc["neighbourhood_ids"]))


_FLAGS = ("process_id", "neighbourhood_ids", "inherits_places", "is_public")


def _flags(doc) -> dict:
    """What a document holds beside its words (rewritten in place when only these change)."""
    return {name: bool(doc[name]) if name in ("is_public", "inherits_places") else doc[name]
            for name in _FLAGS}


def _followed(old, new) -> bool:
    """Whether what the comments on a row take from it (being public, its neighbourhoods)
    changed."""
    if old is None or new is None:
        return old is not new
    return (bool(old.is_public), old.neighbourhood_ids) != (new["is_public"],
                                                            new["neighbourhood_ids"])


def _reindex_comments_on(connection, target_kind: str, target_ids) -> None:
    c = Comment.__table__.c
    comment_ids = connection.execute(
        sa.select(c.id).where(c.target_kind == target_kind, c.target_id.in_(target_ids))
    ).scalars().all()
    reindex(connection, BY_VALUE["comments"], comment_ids)


def remove(connection, kind, ids) -> None:
    d = DOCUMENTS.c
    connection.execute(sa.delete(DOCUMENTS).where(d.kind == kind.value,
                                                  d.target_id.in_(list(ids))))


def index_flushed_changes(session, _flush_context) -> None:
    """After every flush: rewrite the documents of the searchable rows it added, changed or
    deleted (in the same transaction, with plain SQL: nothing of the session is touched)."""
    changed, deleted = defaultdict(set), defaultdict(set)
    for obj in session.new:
        kind = BY_MODEL.get(type(obj))
        if kind is not None:
            changed[kind].add(obj.id)
    for obj in session.dirty:
        kind = BY_MODEL.get(type(obj))
        if kind is not None and session.is_modified(obj):
            changed[kind].add(obj.id)
    for obj in session.deleted:
        kind = BY_MODEL.get(type(obj))
        if kind is not None:
            deleted[kind].add(obj.id)
    if not (changed or deleted):
        return
    connection = session.connection()
    for kind in SEARCH_KINDS:
        if deleted.get(kind):
            remove(connection, kind, deleted[kind])
            if kind.value in COMMENTED:
                _reindex_comments_on(connection, kind.value, deleted[kind])
        if changed.get(kind):
            reindex(connection, kind, changed[kind])


def rebuild_index(connection, *, kinds=None) -> dict[str, int]:
    """Make the whole index anew (``participa search reindex``): every row of every kind (or of
    ``kinds``). Returns how many documents each kind now has."""
    counts = {}
    whole = connection.dialect.name == "postgresql" and not kinds
    if whole:  # one GIN index built at the end costs far less than 300,000 updates of it
        connection.exec_driver_sql("SET LOCAL statement_timeout = 0")
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS {PG_INDEX}")
    for kind in SEARCH_KINDS:
        if kinds and kind.value not in kinds:
            continue
        connection.execute(sa.delete(DOCUMENTS).where(DOCUMENTS.c.kind == kind.value))
        table = kind.model.__table__
        ids = connection.execute(sa.select(table.c.id).order_by(table.c.id)).scalars().all()
        for start in range(0, len(ids), BATCH):
            chunk = ids[start:start + BATCH]
            sources = kind.sources(connection, chunk)
            inheriting = {s.process_id for s in sources if s.process_id and not s.own_places}
            places = places_of_processes(connection, inheriting)
            documents = [document_for(kind, source, places) for source in sources]
            if documents:
                connection.execute(sa.insert(DOCUMENTS), documents)
        counts[kind.value] = len(ids)
    if whole:
        connection.exec_driver_sql(
            f"CREATE INDEX {PG_INDEX} ON search_documents USING gin (search_fts_vector)")
    return counts
