"""Reads about facilities: the register (filtered, in a fixed number of queries), one facility
with its rooms, hours and this week's exceptions, and the rooms a meeting can book."""

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from participa.extensions import db
from participa.facilities.models import (
    Facility,
    FacilityKind,
    OpeningException,
    OpeningHours,
    Room,
)


def list_facilities(*, neighbourhood_id: int | None = None,
                    kind: FacilityKind | None = None) -> list[Facility]:
    """Every facility (a town has tens, not thousands), by name, with its neighbourhood and
    rooms: two queries whatever their number."""
    query = (sa.select(Facility)
             .options(joinedload(Facility.neighbourhood), selectinload(Facility.rooms))
             .order_by(Facility.name, Facility.id))
    if neighbourhood_id:
        query = query.where(Facility.neighbourhood_id == neighbourhood_id)
    if kind is not None:
        query = query.where(Facility.kind == kind)
    return list(db.session.scalars(query))


def get_facility_by_slug(slug: str) -> Facility | None:
    """One facility with its neighbourhood, rooms and weekly hours."""
    return db.session.scalar(
        sa.select(Facility).where(Facility.slug == slug)
        .options(joinedload(Facility.neighbourhood), selectinload(Facility.rooms),
                 selectinload(Facility.hours))
    )


def get_facility(facility_id: int) -> Facility | None:
    return db.session.get(Facility, facility_id)


def list_exceptions(facility, *, since: date | None = None,
                    until: date | None = None) -> list[OpeningException]:
    """A facility's exceptions, by day (``since``/``until``: inclusive bounds)."""
    query = sa.select(OpeningException).where(OpeningException.facility_id == facility.id)
    if since is not None:
        query = query.where(OpeningException.day >= since)
    if until is not None:
        query = query.where(OpeningException.day <= until)
    return list(db.session.scalars(query.order_by(OpeningException.day)))


def get_room(facility, room_id: int) -> Room | None:
    return db.session.scalar(sa.select(Room).where(Room.facility_id == facility.id,
                                                   Room.id == room_id))


def get_room_by_id(room_id: int) -> Room | None:
    return db.session.scalar(sa.select(Room).where(Room.id == room_id)
                             .options(joinedload(Room.facility)))


def get_hours(facility, hours_id: int) -> OpeningHours | None:
    return db.session.scalar(sa.select(OpeningHours).where(
        OpeningHours.facility_id == facility.id, OpeningHours.id == hours_id))


def get_exception(facility, exception_id: int) -> OpeningException | None:
    return db.session.scalar(sa.select(OpeningException).where(
        OpeningException.facility_id == facility.id, OpeningException.id == exception_id))


def list_bookable_rooms() -> list[Room]:
    """Every room, grouped by facility (by name), with its facility: what a meeting's form
    offers (one query)."""
    return list(db.session.scalars(
        sa.select(Room).join(Room.facility).options(joinedload(Room.facility))
        .order_by(Facility.name, Facility.id, Room.name, Room.id)
    ))
