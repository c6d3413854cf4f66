"""Volunteering: opportunities an association (through an accepted representative of a
verified one) or the council posts, and the residents who sign up.

``Opportunity`` is one call for volunteers: what, when (once, or recurring within a period,
described in a line such as "Saturdays 10:00–13:00"), where (a place and address, optionally a
facility, and a neighbourhood), how many places, the skills wanted and a contact. ``Signup`` is
one person's place, or place on the waiting list, at one opportunity (one row per opportunity
and person: unique).

The database guards what must never happen: no places, an end before the start, a recurring
opportunity without its rule, more confirmed volunteers than places, negative counters, two
sign-ups of one person to one opportunity. The counters people see (``signups_count``,
``waiting_count``) are kept in the same transaction as the sign-ups (``operations``, under a
row lock on the opportunity)."""

from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participa.core.enums import LabelledEnum
from participa.core.models import TimestampMixin, WrittenInMixin, enum_column
from participa.core.types import UTCDateTime
from participa.extensions import db

TITLE_LIMIT = 200
DESCRIPTION_LIMIT = 10_000
RECURRENCE_LIMIT = 200
PLACE_LIMIT = 200
ADDRESS_LIMIT = 300
SKILLS_LIMIT = 500
CONTACT_LIMIT = 200
MAX_PLACES = 10_000


class OpportunityStatus(LabelledEnum):
    DRAFT = "draft", _l("Draft")
    PUBLISHED = "published", _l("Open")
    CLOSED = "closed", _l("Closed")
    CANCELLED = "cancelled", _l("Cancelled")


class Schedule(LabelledEnum):
    ONCE = "once", _l("Once")
    RECURRING = "recurring", _l("Recurring")


class SignupStatus(LabelledEnum):
    CONFIRMED = "confirmed", _l("Signed up")
    WAITING = "waiting", _l("On the waiting list")
    LEFT = "left", _l("Left")


opportunity_areas = sa.Table(
    "volunteering_opportunity_areas",
    db.metadata,
    sa.Column("opportunity_id", sa.ForeignKey("volunteering_opportunities.id",
                                              ondelete="CASCADE"), primary_key=True),
    sa.Column("area_id", sa.ForeignKey("areas_of_work.id", ondelete="CASCADE"),
              primary_key=True, index=True),
)


class Opportunity(WrittenInMixin, TimestampMixin, db.Model):
    """A call for volunteers. ``association_id`` None: the council organises it.
    ``language``: the one it was written in (its author's)."""

    __tablename__ = "volunteering_opportunities"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(TITLE_LIMIT), nullable=False)
    description: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    association_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("associations.id", ondelete="CASCADE"), nullable=True, index=True)
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True)
    schedule: Mapped[Schedule] = enum_column(Schedule, "volunteering_schedule", nullable=False,
                                             default=Schedule.ONCE)
    # once: the start and end; recurring: the first day and the end of the period
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    recurrence: Mapped[str] = mapped_column(sa.String(RECURRENCE_LIMIT), nullable=False,
                                            default="")
    place: Mapped[str] = mapped_column(sa.String(PLACE_LIMIT), nullable=False, default="")
    address: Mapped[str] = mapped_column(sa.String(ADDRESS_LIMIT), nullable=False, default="")
    neighbourhood_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("neighbourhoods.id", ondelete="SET NULL"), nullable=True, index=True)
    facility_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("facilities.id", ondelete="SET NULL"), nullable=True, index=True)
    places: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    skills: Mapped[str] = mapped_column(sa.String(SKILLS_LIMIT), nullable=False, default="")
    contact: Mapped[str] = mapped_column(sa.String(CONTACT_LIMIT), nullable=False, default="")
    status: Mapped[OpportunityStatus] = enum_column(
        OpportunityStatus, "volunteering_status", nullable=False,
        default=OpportunityStatus.DRAFT)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # counters people see, kept in the same transaction as the sign-ups they count
    signups_count: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    waiting_count: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)

    association = relationship("Association")
    created_by = relationship("User")
    neighbourhood = relationship("Neighbourhood")
    facility = relationship("Facility")
    areas = relationship("AreaOfWork", secondary=opportunity_areas,
                         order_by="AreaOfWork.position, AreaOfWork.name", lazy="select")

    __table_args__ = (
        sa.CheckConstraint("places > 0", name="places_positive"),
        sa.CheckConstraint("ends_at > starts_at", name="dates_order"),
        sa.CheckConstraint("schedule = 'once' OR recurrence != ''",
                           name="recurring_has_rule"),
        sa.CheckConstraint("signups_count >= 0 AND waiting_count >= 0",
                           name="counts_positive"),
        sa.CheckConstraint("signups_count <= places", name="within_places"),
        sa.Index("ix_volunteering_opportunities_status_ends", "status", "ends_at"),
    )

    @property
    def is_council(self) -> bool:
        """Organised by the council (no association)."""
        return self.association_id is None

    @property
    def is_full(self) -> bool:
        return self.signups_count >= self.places

    @property
    def places_left(self) -> int:
        return max(self.places - self.signups_count, 0)

    def __repr__(self):
        return f"<Opportunity {self.id}>"


class Signup(TimestampMixin, db.Model):
    """One person's place (or place on the waiting list) at one opportunity."""

    __tablename__ = "volunteering_signups"

    id: Mapped[int] = mapped_column(primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(
        sa.ForeignKey("volunteering_opportunities.id", ondelete="CASCADE"), nullable=False)
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    status: Mapped[SignupStatus] = enum_column(SignupStatus, "volunteering_signup_status",
                                               nullable=False, default=SignupStatus.CONFIRMED)
    # the waiting list's order: when the person (last) signed up
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    left_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    opportunity = relationship("Opportunity")
    user = relationship("User")

    __table_args__ = (
        sa.UniqueConstraint("opportunity_id", "user_id",
                            name="uq_volunteering_signups_person"),
        sa.CheckConstraint("status != 'left' OR left_at IS NOT NULL", name="left_has_date"),
        sa.Index("ix_volunteering_signups_opportunity_status", "opportunity_id", "status",
                 "queued_at"),
    )

    @property
    def is_active(self) -> bool:
        return self.status != SignupStatus.LEFT

    def __repr__(self):
        return f"<Signup {self.id} {self.status.value}>"
