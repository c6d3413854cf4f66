from datetime import datetime, timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participa.core.enums import LabelledEnum
from participa.core.models import TimestampMixin, WrittenInMixin, enum_column
from participa.core.types import UTCDateTime, utcnow
from participa.extensions import db


class ProposalState(LabelledEnum):
    PUBLISHED = "published", _l("Not answered yet")  # not answered yet
    EVALUATING = "evaluating", _l("Being evaluated")
    ACCEPTED = "accepted", _l("Accepted")
    REJECTED = "rejected", _l("Rejected")
    WITHDRAWN = "withdrawn", _l("Withdrawn")


ANSWER_STATES = (ProposalState.EVALUATING, ProposalState.ACCEPTED, ProposalState.REJECTED)


class Proposal(WrittenInMixin, TimestampMixin, db.Model):
    __tablename__ = "proposals"

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
    neighbourhood_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("neighbourhoods.id", ondelete="SET NULL"), nullable=True, index=True
    )
    address: Mapped[str] = mapped_column(sa.String(200), nullable=False, default="")
    # lowercase, accent-free title and body: what the search box matches
    search_text: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    state: Mapped[ProposalState] = enum_column(
        ProposalState, "proposal_state", nullable=False, default=ProposalState.PUBLISHED
    )
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # counters people see, kept in the same transaction as the rows they count
    supports_count: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    comments_count: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    # the official answer; state changes to answer_state only when the answer is published
    answer: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    answer_state: Mapped[ProposalState | None] = enum_column(
        ProposalState, "proposal_answer_state", nullable=True
    )
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    answered_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True
    )
    answer_published_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    process = relationship("Process")
    author = relationship("User", foreign_keys=[author_id])
    answered_by = relationship("User", foreign_keys=[answered_by_id])
    category = relationship("Category")
    neighbourhood = relationship("Neighbourhood")

    __table_args__ = (
        sa.CheckConstraint("supports_count >= 0", name="supports_count_positive"),
        sa.CheckConstraint("comments_count >= 0", name="comments_count_positive"),
        # the index's sorts and filters, each led by the process
        sa.Index("ix_proposals_process_recent", "process_id", "id"),
        sa.Index("ix_proposals_process_supports", "process_id", "supports_count", "id"),
        sa.Index("ix_proposals_process_comments", "process_id", "comments_count", "id"),
        sa.Index("ix_proposals_process_state", "process_id", "state", "id"),
    )

    @property
    def is_withdrawn(self) -> bool:
        return self.state == ProposalState.WITHDRAWN

    @property
    def is_answer_published(self) -> bool:
        return self.answer_published_at is not None

    @property
    def reached_threshold(self) -> bool:
        threshold = self.process.support_threshold
        return bool(threshold) and self.supports_count >= threshold

    def edit_deadline(self) -> datetime:
        return self.created_at + timedelta(minutes=self.process.proposal_edit_minutes)

    def __repr__(self):
        return f"<Proposal {self.id}>"


class Support(db.Model):
    """One person's support for one proposal (the database refuses a second one)."""

    __tablename__ = "supports"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        sa.ForeignKey("proposals.id", ondelete="CASCADE"), nullable=False, index=True
    )
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )
    process_id: Mapped[int] = mapped_column(
        sa.ForeignKey("processes.id", ondelete="CASCADE"), nullable=False, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)

    __table_args__ = (
        sa.UniqueConstraint("proposal_id", "user_id"),
        # "how many supports has this person given in this process" is one index range
        sa.Index("ix_supports_user_process", "user_id", "process_id"),
    )

    def __repr__(self):
        return f"<Support {self.id}>"
