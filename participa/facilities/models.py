"""Proximity facilities (civic centres, casals, libraries, schools, sports halls, markets): where
they are, when they open (weekly hours, with exceptions for holidays), how accessible they are
and the rooms they lend, each with its capacity. Meetings take place in a room (the meetings
package links them); nothing here knows about meetings."""

from datetime import date, time

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participa.core.enums import LabelledEnum
from participa.core.models import TimestampMixin, enum_column
from participa.core.translated import Translated
from participa.extensions import db


class FacilityKind(LabelledEnum):
    CIVIC_CENTRE = "civic_centre", _l("Civic centre")
    CASAL = "casal", _l("Casal (community centre)")
    LIBRARY = "library", _l("Library")
    SCHOOL = "school", _l("School")
    SPORTS_HALL = "sports_hall", _l("Sports hall")
    MARKET = "market", _l("Market")
    OTHER = "other", _l("Other facility")


MAX_ROOM_CAPACITY = 100_000

WEEKDAYS = (  # Monday first, as datetime.weekday() counts
    _l("Monday"), _l("Tuesday"), _l("Wednesday"), _l("Thursday"), _l("Friday"),
    _l("Saturday"), _l("Sunday"),
)


class Facility(Translated, TimestampMixin, db.Model):
    """A facility of the town. Its description and accessibility notes are the council's texts,
    given in the other languages too (``translations``)."""

    __tablename__ = "facilities"
    TRANSLATED = ("description", "accessibility_notes")

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(80), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(sa.String(120), nullable=False)
    kind: Mapped[FacilityKind] = enum_column(FacilityKind, "facility_kind", nullable=False,
                                             default=FacilityKind.OTHER, index=True)
    neighbourhood_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("neighbourhoods.id", ondelete="SET NULL"), nullable=True, index=True)
    address: Mapped[str] = mapped_column(sa.String(300), nullable=False)
    accessibility_notes: Mapped[str] = mapped_column(sa.String(500), nullable=False, default="")
    description: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")

    neighbourhood = relationship("Neighbourhood")
    rooms = relationship("Room", back_populates="facility", order_by="Room.name",
                         cascade="all, delete-orphan")
    hours = relationship("OpeningHours", back_populates="facility",
                         order_by="(OpeningHours.weekday, OpeningHours.opens)",
                         cascade="all, delete-orphan")
    exceptions = relationship("OpeningException", back_populates="facility",
                              order_by="OpeningException.day", cascade="all, delete-orphan")

    __table_args__ = (sa.Index("ix_facilities_name", "name"),)

    def __repr__(self):
        return f"<Facility {self.id} {self.slug}>"


class Room(TimestampMixin, db.Model):
    """A room a facility lends for meetings and events; no meeting in it has more places."""

    __tablename__ = "facility_rooms"

    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(
        sa.ForeignKey("facilities.id", ondelete="CASCADE"), nullable=False, index=True)
    name: Mapped[str] = mapped_column(sa.String(60), nullable=False)
    capacity: Mapped[int] = mapped_column(sa.Integer, nullable=False)

    facility = relationship("Facility", back_populates="rooms")

    __table_args__ = (
        sa.CheckConstraint("capacity > 0", name="capacity_positive"),
        sa.UniqueConstraint("facility_id", "name"),
    )

    @property
    def label(self) -> str:
        """The room as a meeting's place reads it: "Centre Cívic del Nord — Sala 2"."""
        return f"{self.facility.name} — {self.name}"

    def __repr__(self):
        return f"<Room {self.id} {self.name!r}>"


class OpeningHours(db.Model):
    """One interval a facility is open on a weekday (0 = Monday); several a day are allowed
    (morning and afternoon), never overlapping (the operations check)."""

    __tablename__ = "facility_hours"

    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(
        sa.ForeignKey("facilities.id", ondelete="CASCADE"), nullable=False, index=True)
    weekday: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    opens: Mapped[time] = mapped_column(sa.Time, nullable=False)
    closes: Mapped[time] = mapped_column(sa.Time, nullable=False)

    facility = relationship("Facility", back_populates="hours")

    __table_args__ = (
        sa.CheckConstraint("weekday >= 0 AND weekday <= 6", name="weekday_range"),
        sa.CheckConstraint("closes > opens", name="closes_after_opens"),
        sa.UniqueConstraint("facility_id", "weekday", "opens"),
    )

    def __repr__(self):
        return f"<OpeningHours {self.id} {self.weekday} {self.opens}-{self.closes}>"


class OpeningException(Translated, db.Model):
    """A day the usual hours do not hold: closed (a public holiday), or open only at the
    special hours given. Its note ("Festa major") is the council's text."""

    __tablename__ = "facility_exceptions"
    TRANSLATED = ("note",)

    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(
        sa.ForeignKey("facilities.id", ondelete="CASCADE"), nullable=False)
    day: Mapped[date] = mapped_column(sa.Date, nullable=False)
    is_closed: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=True)
    opens: Mapped[time | None] = mapped_column(sa.Time, nullable=True)
    closes: Mapped[time | None] = mapped_column(sa.Time, nullable=True)
    note: Mapped[str] = mapped_column(sa.String(200), nullable=False, default="")

    facility = relationship("Facility", back_populates="exceptions")

    __table_args__ = (
        sa.UniqueConstraint("facility_id", "day"),
        sa.CheckConstraint(
            "(is_closed AND opens IS NULL AND closes IS NULL) OR "
            "(NOT is_closed AND opens IS NOT NULL AND closes IS NOT NULL AND closes > opens)",
            name="closed_or_hours"),
    )

    def __repr__(self):
        return f"<OpeningException {self.id} {self.day}>"
