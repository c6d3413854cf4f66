from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participa.core.enums import LabelledEnum
from participa.core.models import TimestampMixin, WrittenInMixin, enum_column
from participa.core.types import UTCDateTime
from participa.extensions import db

BODY_LIMIT = 10_000  # characters of a debate's description and of its conclusion


class DebateStatus(LabelledEnum):
    OPEN = "open", _l("Open")
    CLOSED = "closed", _l("Closed")


class Debate(WrittenInMixin, TimestampMixin, db.Model):
    """A question put to the neighbourhood; a facilitator closes it with a conclusion."""

    __tablename__ = "debates"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        sa.ForeignKey("processes.id", ondelete="CASCADE"), nullable=False
    )
    author_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    title: Mapped[str] = mapped_column(sa.String(150), nullable=False)
    body: Mapped[str] = mapped_column(sa.Text, nullable=False)
    category_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("categories.id", ondelete="SET NULL"), nullable=True, index=True
    )
    status: Mapped[DebateStatus] = enum_column(
        DebateStatus, "debate_status", nullable=False, default=DebateStatus.OPEN
    )
    conclusion: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    closed_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True
    )
    # the visible comments, kept in the same transaction as the comments themselves
    comments_count: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    process = relationship("Process")
    author = relationship("User", foreign_keys=[author_id])
    closed_by = relationship("User", foreign_keys=[closed_by_id])
    category = relationship("Category")

    __table_args__ = (
        sa.CheckConstraint("comments_count >= 0", name="comments_count_positive"),
        sa.Index("ix_debates_process_recent", "process_id", "id"),
        sa.Index("ix_debates_process_comments", "process_id", "comments_count", "id"),
    )

    @property
    def is_open(self) -> bool:
        return self.status == DebateStatus.OPEN

    def __repr__(self):
        return f"<Debate {self.id}>"
