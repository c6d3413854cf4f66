"""search: one search document per row people can find (proposals, debates, meetings, comments,
processes, plans) with its folded words, and the database's own full-text index over it (SQLite:
an FTS5 table kept by triggers; PostgreSQL: a generated tsvector column with a GIN index);
existing content is indexed here (participa/search/)

Revision ID: d5f7a9c1e3b6
Revises: b8d0f2a4c6e8
Create Date: 2026-12-03 10:15:00

"""
import re
import unicodedata

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd5f7a9c1e3b6'
down_revision = 'b8d0f2a4c6e8'
branch_labels = None
depends_on = None


SQLITE_FULL_TEXT = (
    # external content: the words live in search_documents; FTS5 keeps only its index
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_documents', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_documents BEGIN "
    "INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_documents BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER search_fts_update AFTER UPDATE OF title, body ON search_documents BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); "
    "INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
)
POSTGRESQL_FULL_TEXT = (
    # the words are folded by the application: the 'simple' configuration only splits them
    "ALTER TABLE search_documents ADD COLUMN search_fts_vector tsvector GENERATED ALWAYS AS "
    "(setweight(to_tsvector('simple'::regconfig, title), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, body), 'B')) STORED",
    "CREATE INDEX search_fts_index ON search_documents USING gin (search_fts_vector)",
)


def upgrade():
    op.create_table('search_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=True),
    sa.Column('neighbourhood_ids', sa.String(length=500), nullable=False),
    sa.Column('inherits_places', sa.Boolean(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('is_public', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['process_id'], ['processes.id'], name=op.f('fk_search_documents_process_id_processes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_documents')),
    sa.UniqueConstraint('kind', 'target_id', name=op.f('uq_search_documents_kind_target_id'))
    )
    with op.batch_alter_table('search_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_documents_process_id'), ['process_id'], unique=False)

    bind = op.get_bind()
    for statement in (SQLITE_FULL_TEXT if bind.dialect.name == "sqlite"
                      else POSTGRESQL_FULL_TEXT):
        op.execute(statement)
    _index_existing_content(bind)


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_fts")  # its triggers go with search_documents
    with op.batch_alter_table('search_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_documents_process_id'))

    op.drop_table('search_documents')


# -- the content there is already: indexed as participa/search/kinds.py does it ------------

_GEMINATE = re.compile(r"l[.\u00b7\u2027\u22c5\u2022\u0387]l")
_DOUBLE_L = re.compile(r"l{2,}")
_WORD = re.compile(r"[^\W_]+")


def _fold(text):
    """participa.search.folding.fold, as it was when this revision was written."""
    normalized = unicodedata.normalize("NFKD", text or "")
    plain = "".join(ch for ch in normalized if not unicodedata.combining(ch)).lower()
    plain = _DOUBLE_L.sub("l", _GEMINATE.sub("l", plain))
    return " ".join(_WORD.findall(plain))


def _places(ids):
    ids = sorted({int(i) for i in ids if i})
    return "," + ",".join(map(str, ids)) + "," if ids else ""


def _index_existing_content(bind):
    def rows(sql):
        return bind.execute(sa.text(sql)).mappings().all()

    process_places, plan_places = {}, {}
    for row in rows("SELECT process_id, neighbourhood_id FROM process_neighbourhoods"):
        process_places.setdefault(row["process_id"], []).append(row["neighbourhood_id"])
    for row in rows("SELECT plan_id, neighbourhood_id FROM plan_neighbourhoods"):
        plan_places.setdefault(row["plan_id"], []).append(row["neighbourhood_id"])

    documents = []

    def add(kind, target_id, process_id, title, body, public, own_places=()):
        inherits = not own_places and process_id is not None and kind != "processes"
        places = process_places.get(process_id, ()) if inherits else own_places
        documents.append({
            "kind": kind, "target_id": target_id, "process_id": process_id,
            "neighbourhood_ids": _places(places), "inherits_places": inherits,
            "title": _fold(title), "body": _fold(body), "is_public": bool(public)})

    targets = {}
    for row in rows("SELECT id, process_id, title, body, neighbourhood_id, "
                    "hidden_at IS NULL AND deleted_at IS NULL AS public FROM proposals"):
        own = (row["neighbourhood_id"],) if row["neighbourhood_id"] else ()
        targets["proposals", row["id"]] = (bool(row["public"]), own)
        add("proposals", row["id"], row["process_id"], row["title"], row["body"],
            row["public"], own)
    for row in rows("SELECT id, process_id, title, body, conclusion, "
                    "hidden_at IS NULL AND deleted_at IS NULL AS public FROM debates"):
        targets["debates", row["id"]] = (bool(row["public"]), ())
        add("debates", row["id"], row["process_id"], row["title"],
            "\n".join([row["body"], row["conclusion"]]), row["public"])
    for row in rows("SELECT id, process_id, title, description, place, address, organizer, "
                    "minutes, status <> 'draft' AND hidden_at IS NULL AS public FROM meetings"):
        targets["meetings", row["id"]] = (bool(row["public"]), ())
        add("meetings", row["id"], row["process_id"], row["title"],
            "\n".join([row["description"], row["place"], row["address"], row["organizer"],
                       row["minutes"]]), row["public"])
    for row in rows("SELECT id, title, summary, description, is_published FROM processes"):
        add("processes", row["id"], row["id"], row["title"],
            "\n".join([row["summary"], row["description"]]), row["is_published"],
            tuple(process_places.get(row["id"], ())))
    for row in rows("SELECT id, title, summary, body, status <> 'draft' AS public "
                    "FROM community_plans"):
        add("plans", row["id"], None, row["title"], "\n".join([row["summary"], row["body"]]),
            row["public"], tuple(plan_places.get(row["id"], ())))
    for row in rows("SELECT id, process_id, target_kind, target_id, body, "
                    "hidden_at IS NULL AND deleted_at IS NULL AS public FROM comments"):
        public, own = bool(row["public"]), ()
        if row["target_kind"] in ("proposals", "debates", "meetings"):
            target = targets.get((row["target_kind"], row["target_id"]))
            public = public and target is not None and target[0]
            own = target[1] if target is not None else ()
        add("comments", row["id"], row["process_id"], "", row["body"], public, own)

    table = sa.table("search_documents", *(sa.column(name) for name in (
        "kind", "target_id", "process_id", "neighbourhood_ids", "inherits_places", "title",
        "body", "is_public")))
    for start in range(0, len(documents), 2000):
        bind.execute(sa.insert(table), documents[start:start + 2000])
