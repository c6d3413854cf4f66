"""Comments and replies on any commentable kind of content, their earlier versions and votes."""

from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participa.core.enums import LabelledEnum
from participa.core.models import TimestampMixin, WrittenInMixin, enum_column
from participa.core.types import UTCDateTime, utcnow
from participa.extensions import db

MAX_DEPTH = 2  # 0 = a comment, 1 = a reply, 2 = a reply to a reply: three levels in all


class Alignment(LabelledEnum):
    IN_FAVOUR = "in_favour", _l("In favour")
    NEUTRAL = "neutral", _l("Neutral")
    AGAINST = "against", _l("Against")


class CommentSort(LabelledEnum):
    OLDEST = "oldest", _l("Oldest first")
    NEWEST = "newest", _l("Newest first")
    BEST = "best", _l("Best rated")


class Comment(WrittenInMixin, TimestampMixin, db.Model):
    """A comment or a reply. Deleting is soft (the thread keeps its shape, the text goes);
    hidden comments show a placeholder, never their text."""

    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        sa.ForeignKey("processes.id", ondelete="CASCADE"), nullable=False, index=True
    )
    # what it is on: a commentable kind of content (``participa.core.content``) and its id
    target_kind: Mapped[str] = mapped_column(sa.String(32), nullable=False)
    target_id: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    author_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="RESTRICT"), nullable=False
    )
    parent_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("comments.id", ondelete="CASCADE"), nullable=True, index=True
    )
    depth: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    body: Mapped[str] = mapped_column(sa.Text, nullable=False)
    alignment: Mapped[Alignment] = enum_column(Alignment, "comment_alignment", nullable=False,
                                               default=Alignment.NEUTRAL)
    # votes, kept in the same transaction as the CommentVote rows
    up_votes: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    down_votes: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # written on behalf of this association by its representative (the author stays the
    # person; votes on comments stay personal)
    association_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("associations.id", ondelete="SET NULL"), nullable=True, index=True
    )

    author = relationship("User")
    association = relationship("Association", lazy="select")
    parent = relationship("Comment", remote_side=[id])
    process = relationship("Process")
    versions = relationship("CommentVersion", order_by="CommentVersion.id",
                            cascade="all, delete-orphan", back_populates="comment")

    __table_args__ = (
        sa.CheckConstraint(f"depth >= 0 AND depth <= {MAX_DEPTH}", name="depth_range"),
        sa.CheckConstraint("up_votes >= 0 AND down_votes >= 0", name="votes_positive"),
        # a thread is one index range; "this person's comments in their first hour" another
        sa.Index("ix_comments_target", "target_kind", "target_id", "id"),
        sa.Index("ix_comments_author_created", "author_id", "created_at"),
    )

    @property
    def is_visible(self) -> bool:
        return self.deleted_at is None and self.hidden_at is None

    @property
    def score(self) -> int:
        return self.up_votes - self.down_votes

    def __repr__(self):
        return f"<Comment {self.id}>"


class CommentVersion(db.Model):
    """A comment's text before an edit, kept for moderators."""

    __tablename__ = "comment_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(
        sa.ForeignKey("comments.id", ondelete="CASCADE"), nullable=False, index=True
    )
    body: Mapped[str] = mapped_column(sa.Text, nullable=False)
    alignment: Mapped[Alignment] = enum_column(Alignment, "comment_version_alignment",
                                               nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)

    comment = relationship("Comment", back_populates="versions")

    def __repr__(self):
        return f"<CommentVersion {self.id}>"


class CommentVote(db.Model):
    """One person's up (+1) or down (-1) vote on one comment; changeable, never doubled."""

    __tablename__ = "comment_votes"

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(
        sa.ForeignKey("comments.id", ondelete="CASCADE"), nullable=False, index=True
    )
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    value: Mapped[int] = mapped_column(sa.SmallInteger, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)

    __table_args__ = (
        sa.UniqueConstraint("comment_id", "user_id"),
        sa.CheckConstraint("value IN (-1, 1)", name="value_up_or_down"),
    )

    def __repr__(self):
        return f"<CommentVote {self.id} {self.value:+d}>"
