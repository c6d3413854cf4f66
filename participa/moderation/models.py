import enum
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participa.core.content import ContentKind, kind_named
from participa.core.enums import LabelledEnum
from participa.core.models import enum_column
from participa.core.types import UTCDateTime, utcnow
from participa.extensions import db


class ReportReason(LabelledEnum):
    SPAM = "spam", _l("Spam")
    OFFENSIVE = "offensive", _l("Offensive")
    DOES_NOT_BELONG = "does_not_belong", _l("Does not belong here")
    OTHER = "other", _l("Other")


class ModerationStatus(LabelledEnum):
    PENDING = "pending", _l("Waiting for a decision")  # reported, nobody has decided yet
    HIDDEN = "hidden", _l("Hidden")  # by reports or by a moderator
    RESTORED = "restored", _l("Restored")  # was hidden, a moderator brought it back
    IGNORED = "ignored", _l("Reports dismissed")  # a moderator dismissed the reports


class HideCause(enum.Enum):
    REPORTS = "reports"
    MODERATOR = "moderator"


class Moderation(db.Model):
    """One reported target: its open reports, whether it is hidden, the decision and the appeal.
    The row is what parallel reports lock, so the automatic hiding happens exactly once."""

    __tablename__ = "moderations"

    id: Mapped[int] = mapped_column(primary_key=True)
    # the kind of content reported (``participa.core.content``): "proposals", "people", ...
    target_kind: Mapped[str] = mapped_column(sa.String(32), nullable=False)
    target_id: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    # the process the target belongs to (None for a person's profile: the council moderates it)
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
    def kind(self) -> ContentKind | None:
        return kind_named(self.target_kind)

    @property
    def open_appeal(self) -> bool:
        return self.appealed_at is not None and self.appeal_answered_at is None

    def __repr__(self):
        return f"<Moderation {self.id} {self.target_kind}:{self.target_id}>"


class Report(db.Model):
    """One person's report of one target (the database refuses a second)."""

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


DETAILS_LIMIT = 1000  # characters of a report's details
APPEAL_LIMIT = 2000  # characters of an appeal
DECISION_REASON_LIMIT = 1000  # characters of a moderator's reason (hide, keep hidden, block)
