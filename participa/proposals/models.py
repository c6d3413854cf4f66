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
    # published on behalf of this association by its representative (the author stays the
    # person: edit rights, limits and notifications are theirs)
    association_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("associations.id", ondelete="SET NULL"), nullable=True, index=True
    )

    process = relationship("Process")
    author = relationship("User", foreign_keys=[author_id])
    answered_by = relationship("User", foreign_keys=[answered_by_id])
    category = relationship("Category")
    neighbourhood = relationship("Neighbourhood")
    association = relationship("Association", lazy="select")
    # every invitation to co-author it (invited, accepted, declined), oldest first
    coauthors = relationship("ProposalCoauthor", back_populates="proposal",
                             cascade="all, delete-orphan", passive_deletes=True,
                             order_by="ProposalCoauthor.id", lazy="select")

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

    @property
    def accepted_coauthors(self) -> list:
        return [c for c in self.coauthors if c.is_accepted]

    def is_coauthor(self, user) -> bool:
        """Whether ``user`` is an accepted co-author in person (an association's
        representatives are not: they co-author as the association, which edits nothing)."""
        user_id = getattr(user, "id", None)
        return user_id is not None and any(
            c.is_accepted and c.user_id == user_id for c in self.coauthors)

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


MAX_COAUTHORS = 5


class CoauthorStatus(LabelledEnum):
    INVITED = "invited", _l("Waiting for an answer")
    ACCEPTED = "accepted", _l("Co-author")
    DECLINED = "declined", _l("Declined")


class ProposalCoauthor(TimestampMixin, db.Model):
    """An invitation to co-author a proposal, and its answer: to a person (by the e-mail
    address the author typed: ``user_id`` is the account that had it, if any, so the author
    is told the same whether or not there is one) or to a verified association (one of its
    representatives answers for it).

    The database guards the rules: one invitation per proposal and invitee; a waiting or
    accepted invitation holds one of the proposal's ``MAX_COAUTHORS`` places (``place``,
    unique per proposal), a declined one none. Removing a co-author or leaving deletes the
    row (the ActionLog keeps who did it)."""

    __tablename__ = "proposal_coauthors"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        sa.ForeignKey("proposals.id", ondelete="CASCADE"), nullable=False, index=True)
    # a person: the address invited (lowercase) and the account that had it, if any
    email: Mapped[str | None] = mapped_column(sa.String(254), nullable=True)
    user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=True, index=True)
    # or an association
    association_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("associations.id", ondelete="CASCADE"), nullable=True, index=True)
    status: Mapped[CoauthorStatus] = enum_column(
        CoauthorStatus, "proposal_coauthor_status", nullable=False,
        default=CoauthorStatus.INVITED)
    place: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    invited_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # who answered: the person, or the representative who answered for the association
    answered_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True)

    proposal = relationship("Proposal", back_populates="coauthors")
    user = relationship("User", foreign_keys=[user_id], lazy="joined")
    association = relationship("Association", lazy="joined")

    __table_args__ = (
        sa.UniqueConstraint("proposal_id", "email", name="uq_proposal_coauthors_person"),
        sa.UniqueConstraint("proposal_id", "association_id",
                            name="uq_proposal_coauthors_association"),
        sa.UniqueConstraint("proposal_id", "place", name="uq_proposal_coauthors_place"),
        sa.CheckConstraint("(email IS NULL) != (association_id IS NULL)",
                           name="person_or_association"),
        sa.CheckConstraint("user_id IS NULL OR email IS NOT NULL", name="account_of_person"),
        sa.CheckConstraint(f"place IS NULL OR (place >= 1 AND place <= {MAX_COAUTHORS})",
                           name="place_range"),
        sa.CheckConstraint("(place IS NOT NULL) = (status != 'declined')",
                           name="place_while_open"),
        sa.CheckConstraint("status != 'accepted' OR email IS NULL OR user_id IS NOT NULL",
                           name="accepted_by_an_account"),
    )

    @property
    def is_accepted(self) -> bool:
        return self.status == CoauthorStatus.ACCEPTED

    @property
    def is_invited(self) -> bool:
        return self.status == CoauthorStatus.INVITED

    @property
    def name(self) -> str:
        """How the proposal names it: the association's or the person's name (an invitation
        to an address, by the address: only its author sees it)."""
        if self.association is not None:
            return self.association.name
        return self.user.name if self.user is not None and self.is_accepted else self.email

    def __repr__(self):
        return f"<ProposalCoauthor {self.id} of proposal {self.proposal_id}>"
