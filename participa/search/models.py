"""The search index: one document per row people can find (a proposal, a debate, a meeting, a
comment, a process, a plan), with its folded words and whether it is public.

It is kept in step with the rows on every flush (``indexing.index_flushed_changes``) and can be
rebuilt (``participa search reindex``). The database's own full-text index lives beside it, made
by the migration, outside the models: SQLite's FTS5 table ``search_fts`` (kept by triggers) and,
on PostgreSQL, the generated column ``search_fts_vector`` with its GIN index. Readers never trust
a document alone: the rows found are loaded and checked again before they are shown."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from participa.extensions import db

# the names of the full-text objects the migration makes by hand (the schema test and
# autogenerate leave them alone): SQLite's FTS5 table and its shadow tables, PostgreSQL's column
# and index
FULL_TEXT_PREFIX = "search_fts"


class SearchDocument(db.Model):
    __tablename__ = "search_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(32), nullable=False)
    target_id: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    # the process it belongs to (a process: itself): an unpublished process hides it
    process_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("processes.id", ondelete="CASCADE"), nullable=True, index=True
    )
    # ",3,7,": the neighbourhoods it is about (its own, or else its process's or plan's)
    neighbourhood_ids: Mapped[str] = mapped_column(sa.String(500), nullable=False, default="")
    # whether those are its process's (they follow the process when it changes)
    inherits_places: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=False)
    title: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")  # folded
    body: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")  # folded
    # not hidden, deleted nor a draft (nor on something that is)
    is_public: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=False)

    __table_args__ = (sa.UniqueConstraint("kind", "target_id"),)

    def __repr__(self):
        return f"<SearchDocument {self.id} {self.kind}:{self.target_id}>"
