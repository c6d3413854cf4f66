from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participa.core.enums import LabelledEnum
from participa.core.models import TimestampMixin, enum_column
from participa.core.translated import Translated
from participa.core.types import UTCDateTime
from participa.extensions import db
from participa.facilities.models import Room

PRICE_LIMIT = 120


class MeetingKind(LabelledEnum):
    IN_PERSON = "in_person", _l("In person")
    ONLINE = "online", _l("Online")
    HYBRID = "hybrid", _l("Hybrid")


class EventType(LabelledEnum):
    """What sort of gathering it is (the agenda filters by it). Not ``kind``, which says how
    people attend (in person, online, hybrid)."""

    MEETING = "meeting", _l("Meeting")
    ASSEMBLY = "assembly", _l("Assembly")
    WORKSHOP = "workshop", _l("Workshop")
    FAIR = "fair", _l("Fair")
    FESTIVAL = "festival", _l("Festival")
    EXHIBITION = "exhibition", _l("Exhibition")
    TALK = "talk", _l("Talk")
    SPORT = "sport", _l("Sport")


# the cultural events, as the agenda groups them
CULTURAL_EVENTS = (EventType.FAIR, EventType.FESTIVAL, EventType.EXHIBITION, EventType.TALK,
                   EventType.SPORT)


class Organiser(LabelledEnum):
    """Who organises it: the person who created it, an association (published by one of its
    representatives, ``association_id``) or the council."""

    PERSON = "person", _l("A person")
    ASSOCIATION = "association", _l("An association")
    COUNCIL = "council", _l("The council")


class MeetingStatus(LabelledEnum):
    DRAFT = "draft", _l("Draft")
    PUBLISHED = "published", _l("Published")
    CANCELLED = "cancelled", _l("Cancelled")
    CLOSED = "closed", _l("Held")  # held, with its minutes


class RegistrationStatus(LabelledEnum):
    CONFIRMED = "confirmed", _l("Registered")
    WAITING = "waiting", _l("On the waiting list")
    CANCELLED = "cancelled", _l("Cancelled")


meeting_proposals = sa.Table(
    "meeting_proposals",
    db.metadata,
    sa.Column("meeting_id", sa.ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "proposal_id", sa.ForeignKey("proposals.id", ondelete="CASCADE"), primary_key=True,
        index=True,
    ),
)


class Meeting(Translated, TimestampMixin, db.Model):
    __tablename__ = "meetings"
    TRANSLATED = ("title", "description")

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        sa.ForeignKey("processes.id", ondelete="CASCADE"), nullable=False
    )
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True
    )
    title: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    description: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    kind: Mapped[MeetingKind] = enum_column(MeetingKind, "meeting_kind", nullable=False,
                                            default=MeetingKind.IN_PERSON, index=True)
    status: Mapped[MeetingStatus] = enum_column(MeetingStatus, "meeting_status", nullable=False,
                                                default=MeetingStatus.DRAFT)
    place: Mapped[str] = mapped_column(sa.String(200), nullable=False, default="")
    address: Mapped[str] = mapped_column(sa.String(300), nullable=False, default="")
    online_url: Mapped[str] = mapped_column(sa.String(500), nullable=False, default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    organizer: Mapped[str] = mapped_column(sa.String(200), nullable=False, default="")
    # what sort of gathering, who organises it (an association: ``association_id``), and
    # its price in a few words (empty: free)
    event_type: Mapped[EventType] = enum_column(EventType, "meeting_event_type", nullable=False,
                                                default=EventType.MEETING, index=True)
    organised_by: Mapped[Organiser] = enum_column(Organiser, "meeting_organiser",
                                                  nullable=False, default=Organiser.PERSON)
    association_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("associations.id", ondelete="RESTRICT"), nullable=True)
    price: Mapped[str] = mapped_column(sa.String(PRICE_LIMIT), nullable=False, default="")
    # all day: shown and exported as whole days (from the first day's midnight to the last
    # day's 23:59, Madrid time), without hours
    is_all_day: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=False)
    step_free_access: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=False)
    sign_language: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=False)
    childcare: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=False)
    accessibility_notes: Mapped[str] = mapped_column(sa.String(500), nullable=False, default="")
    # registration settings (capacity 0 = unlimited)
    registrations_enabled: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=False)
    capacity: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    reserved_places: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    registration_closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    registration_terms: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    # counters people see, kept in the same transaction as the registrations they count
    registrations_count: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    waiting_count: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    # cancellation and closing
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    cancellation_reason: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    minutes: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    attendees_count: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    attending_organizations: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    # the visible comments, kept in the same transaction as the comments themselves
    comments_count: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # bumped on every change people's calendars should pick up (iCalendar SEQUENCE)
    sequence: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    # the facility's room it takes place in (its place and address come from there); a room is
    # never booked twice at once by published meetings (``operations``, under a row lock)
    room_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("facility_rooms.id", ondelete="RESTRICT"), nullable=True)

    process = relationship("Process")
    created_by = relationship("User")
    room = relationship(Room)
    association = relationship("Association")
    proposals = relationship("Proposal", secondary=meeting_proposals, order_by="Proposal.id",
                             backref="meetings")

    __table_args__ = (
        sa.CheckConstraint("ends_at > starts_at", name="dates_order"),
        sa.CheckConstraint("capacity >= 0 AND reserved_places >= 0", name="capacity_positive"),
        sa.CheckConstraint("registrations_count >= 0 AND waiting_count >= 0",
                           name="counts_positive"),
        sa.CheckConstraint("comments_count >= 0", name="comments_count_positive"),
        sa.CheckConstraint("capacity = 0 OR registrations_count <= capacity - reserved_places",
                           name="within_capacity"),
        sa.Index("ix_meetings_process_starts", "process_id", "starts_at"),
        sa.Index("ix_meetings_status_starts", "status", "starts_at"),
        sa.Index("ix_meetings_room_starts", "room_id", "starts_at"),
        sa.Index("ix_meetings_association_starts", "association_id", "starts_at"),
        sa.Index("ix_meetings_ends", "ends_at"),
        sa.CheckConstraint(
            "(organised_by = 'association') = (association_id IS NOT NULL)",
            name="organiser_association"),
    )

    @property
    def available_places(self) -> int:
        """Places people can take (capacity less the reserved ones); 0 means unlimited."""
        return max(self.capacity - self.reserved_places, 0) if self.capacity else 0

    @property
    def is_full(self) -> bool:
        return bool(self.capacity) and self.registrations_count >= self.available_places

    @property
    def places_left(self) -> int | None:
        return max(self.available_places - self.registrations_count, 0) if self.capacity else None

    @property
    def is_free(self) -> bool:
        return not self.price

    @property
    def is_cultural(self) -> bool:
        return self.event_type in CULTURAL_EVENTS

    def __repr__(self):
        return f"<Meeting {self.id}>"


class Registration(TimestampMixin, db.Model):
    """One person's place (or place in the queue) at one meeting."""

    __tablename__ = "registrations"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False
    )
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    status: Mapped[RegistrationStatus] = enum_column(
        RegistrationStatus, "registration_status", nullable=False,
        default=RegistrationStatus.CONFIRMED,
    )
    code: Mapped[str] = mapped_column(sa.String(12), nullable=False)
    # the waiting list's order: when the person (last) asked for a place
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    attended_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    meeting = relationship("Meeting")
    user = relationship("User")

    __table_args__ = (
        sa.UniqueConstraint("meeting_id", "user_id"),
        sa.UniqueConstraint("meeting_id", "code"),
        sa.Index("ix_registrations_meeting_status", "meeting_id", "status", "queued_at"),
    )

    def __repr__(self):
        return f"<Registration {self.id} {self.status.value}>"
