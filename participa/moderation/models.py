import enum
import functools
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participa.core.models import enum_column
from participa.core.types import UTCDateTime, utcnow
from participa.extensions import db


class ReportableKind(enum.Enum):
    """What can be reported; the value is also the URL segment where it has one."""

    PROPOSAL = "proposals"
    DEBATE = "debates"
    COMMENT = "comments"
    MEETING = "meetings"
    USER = "people"

    @property
    def label(self):
        return KIND_LABELS[self]

    @property
    def hidden_label(self):
        return HIDDEN_LABELS[self]

    @property
    def model(self):
        return _models()[self]

    @classmethod
    def of(cls, item) -> "ReportableKind":
        kind = _kinds().get(type(item))
        if kind is None:
            raise TypeError(f"{item!r} cannot be reported")
        return kind


@functools.cache
def _models() -> dict:
    from participa.accounts.models import User
    from participa.comments.models import Comment
    from participa.debates.models import Debate
    from participa.meetings.models import Meeting
    from participa.proposals.models import Proposal

    return {ReportableKind.PROPOSAL: Proposal, ReportableKind.DEBATE: Debate,
            ReportableKind.COMMENT: Comment, ReportableKind.MEETING: Meeting,
            ReportableKind.USER: User}


@functools.cache
def _kinds() -> dict:
    return {model: kind for kind, model in _models().items()}


KIND_LABELS = {
    ReportableKind.PROPOSAL: _l("Proposal"),
    ReportableKind.DEBATE: _l("Debate"),
    ReportableKind.COMMENT: _l("Comment"),
    ReportableKind.MEETING: _l("Meeting"),
    ReportableKind.USER: _l("Profile"),
}


HIDDEN_LABELS = {
    ReportableKind.PROPOSAL: _l("This proposal has been hidden by moderation."),
    ReportableKind.DEBATE: _l("This debate has been hidden by moderation."),
    ReportableKind.COMMENT: _l("This comment was hidden by moderation."),
    ReportableKind.MEETING: _l("This meeting has been hidden by moderation."),
    ReportableKind.USER: _l("This profile has been hidden by moderation."),
}


class ReportReason(enum.Enum):
    SPAM = "spam"
    OFFENSIVE = "offensive"
    DOES_NOT_BELONG = "does_not_belong"
    OTHER = "other"

    @property
    def label(self):
        return REASON_LABELS[self]


REASON_LABELS = {
    ReportReason.SPAM: _l("Spam"),
    ReportReason.OFFENSIVE: _l("Offensive"),
    ReportReason.DOES_NOT_BELONG: _l("Does not belong here"),
    ReportReason.OTHER: _l("Other"),
}


class ModerationStatus(enum.Enum):
    PENDING = "pending"  # reported, nobody has decided yet
    HIDDEN = "hidden"  # by reports or by a moderator
    RESTORED = "restored"  # was hidden, a moderator brought it back
    IGNORED = "ignored"  # a moderator dismissed the reports

    @property
    def label(self):
        return STATUS_LABELS[self]


STATUS_LABELS = {
    ModerationStatus.PENDING: _l("Waiting for a decision"),
    ModerationStatus.HIDDEN: _l("Hidden"),
    ModerationStatus.RESTORED: _l("Restored"),
    ModerationStatus.IGNORED: _l("Reports dismissed"),
}


class HideCause(enum.Enum):
    REPORTS = "reports"
    MODERATOR = "moderator"


class Moderation(db.Model):
    """One reported item: its open reports, whether it is hidden, the decision and the appeal.
    The row is what parallel reports lock, so the automatic hiding happens exactly once."""

    __tablename__ = "moderations"

    id: Mapped[int] = mapped_column(primary_key=True)
    target_kind: Mapped[ReportableKind] = enum_column(ReportableKind, "moderation_target_kind",
                                                      nullable=False)
    target_id: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    # the process the item belongs to (None for a person's profile: the council moderates it)
    process_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("processes.id", ondelete="CASCADE"), nullable=True
    )
    author_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True
    )
    status: Mapped[ModerationStatus] = enum_column(
        ModerationStatus, "moderation_status", nullable=False, default=ModerationStatus.PENDING
    )
    hide_cause: Mapped[HideCause | None] = enum_column(HideCause, "moderation_hide_cause",
                                                       nullable=True)
    reports_count: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    first_reported_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False,
                                                        default=utcnow)
    last_reported_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False,
                                                       default=utcnow)
    # when a moderator first decided (hide, restore or dismiss): the public median uses it
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    appeal: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    appealed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    appeal_answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    process = relationship("Process")
    author = relationship("User")
    reports = relationship("Report", back_populates="moderation", order_by="Report.id",
                           cascade="all, delete-orphan")

    __table_args__ = (
        sa.UniqueConstraint("target_kind", "target_id"),
        sa.CheckConstraint("reports_count >= 0", name="reports_count_positive"),
        sa.Index("ix_moderations_process_status", "process_id", "status", "id"),
        sa.Index("ix_moderations_status", "status", "id"),
    )

    @property
    def open_appeal(self) -> bool:
        return self.appealed_at is not None and self.appeal_answered_at is None

    def __repr__(self):
        return f"<Moderation {self.id} {self.target_kind.value}:{self.target_id}>"


class Report(db.Model):
    """One person's report of one item (the database refuses a second)."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    moderation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("moderations.id", ondelete="CASCADE"), nullable=False
    )
    reporter_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    reason: Mapped[ReportReason] = enum_column(ReportReason, "report_reason", nullable=False)
    details: Mapped[str] = mapped_column(sa.String(1000), nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    # set when a moderator dismissed it (ignore or restore): it no longer counts
    dismissed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    moderation = relationship("Moderation", back_populates="reports")
    reporter = relationship("User")

    __table_args__ = (sa.UniqueConstraint("moderation_id", "reporter_id"),)

    def __repr__(self):
        return f"<Report {self.id} {self.reason.value}>"
