"""Facilities without HTTP: the council's writes (each logged; bad input refused on its field and
nothing changed), the database's own guards, and the schedule: exceptions applied, several
intervals a day, and "open now" on both sides of the clock changes."""

from datetime import UTC, date, datetime, time

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from participa.core.errors import DomainError
from participa.core.models import ActionLog
from participa.extensions import db
from participa.facilities import hours as opening
from participa.facilities import operations
from participa.facilities.models import (
    Facility,
    FacilityKind,
    OpeningException,
    OpeningHours,
    Room,
)


def logged(verb) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(ActionLog)
                             .where(ActionLog.verb == verb))


def count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_create_and_edit_a_facility(council, make_neighbourhood):
    barri = make_neighbourhood("Barri Vell")
    facility = operations.create_facility({
        "name": "Casal de Barri Vell", "kind": "casal", "address": "Carrer de la Font, 12",
        "neighbourhood_id": barri.id, "accessibility_notes": " Entrada sense graons. ",
        "description": "El casal del **barri**.",
    }, actor=council, translations={"es": {"description": "El casal del barrio."}})
    assert facility.slug == "casal-de-barri-vell"
    assert facility.kind is FacilityKind.CASAL
    assert facility.accessibility_notes == "Entrada sense graons."
    assert facility.text_in("description", "es") == "El casal del barrio."
    assert logged("create_facility") == 1

    operations.update_facility(facility, {"name": "Casal del Barri Vell", "kind": "casal",
                                          "address": "Carrer de la Font, 14"}, actor=council)
    assert (facility.name, facility.address, facility.neighbourhood_id) == (
        "Casal del Barri Vell", "Carrer de la Font, 14", None)
    assert logged("update_facility") == 1


@pytest.mark.parametrize("field, value", [
    ("name", "Casal\nde barri"), ("name", ""), ("name", "x" * 121),
    ("address", "Carrer\x00Major"), ("address", "Carrer\u2028Major"),
    ("accessibility_notes", "Rampa\rmòbil"), ("kind", "castle"),
])
def test_bad_facility_input_is_refused_on_its_field(council, field, value):
    data = {"name": "Biblioteca", "kind": "library", "address": "Avinguda del Riu, 45"}
    data[field] = value
    with pytest.raises(DomainError) as refused:
        operations.create_facility(data, actor=council)
    assert refused.value.field == field
    assert count(Facility) == 0 and logged("create_facility") == 0


def test_a_taken_slug_is_refused(council, make_facility):
    make_facility("Biblioteca", slug="biblioteca")
    with pytest.raises(DomainError) as refused:
        operations.create_facility({"name": "Altra", "kind": "library", "address": "Riu, 1",
                                    "slug": "biblioteca"}, actor=council)
    assert refused.value.field == "slug"


def test_rooms(council, make_facility):
    facility = make_facility(rooms=())
    room = operations.add_room(facility, {"name": "Sala d'actes", "capacity": 80}, actor=council)
    assert logged("add_room") == 1
    for bad in (0, -3, None, 100_001, True):
        with pytest.raises(DomainError) as refused:
            operations.add_room(facility, {"name": "Sala 2", "capacity": bad}, actor=council)
        assert refused.value.field == "capacity"
    with pytest.raises(DomainError) as refused:
        operations.add_room(facility, {"name": "Sala d'actes", "capacity": 10}, actor=council)
    assert refused.value.field == "name"
    with pytest.raises(DomainError) as refused:
        operations.add_room(facility, {"name": "Sala\t2", "capacity": 10}, actor=council)
    assert refused.value.field == "name"
    operations.update_room(room, {"name": "Sala gran", "capacity": 90}, actor=council)
    assert (room.name, room.capacity) == ("Sala gran", 90)
    assert logged("update_room") == 1
    assert count(Room) == 1


def test_the_database_refuses_a_room_without_places(make_facility):
    facility = make_facility(rooms=())
    db.session.add(Room(facility_id=facility.id, name="Armari", capacity=0))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_weekly_hours(council, make_facility):
    facility = make_facility()
    operations.add_opening_hours(facility, {"weekday": 0, "opens": time(9), "closes": time(14)},
                                 actor=council)
    # a second interval the same day
    operations.add_opening_hours(facility, {"weekday": 0, "opens": time(16), "closes": time(21)},
                                 actor=council)
    assert logged("add_opening_hours") == 2
    with pytest.raises(DomainError) as refused:  # closes before it opens
        operations.add_opening_hours(facility, {"weekday": 1, "opens": time(14),
                                                "closes": time(9)}, actor=council)
    assert refused.value.field == "closes"
    with pytest.raises(DomainError) as refused:  # overlaps the afternoon
        operations.add_opening_hours(facility, {"weekday": 0, "opens": time(20),
                                                "closes": time(22)}, actor=council)
    assert refused.value.field == "opens" and "16:00–21:00" in str(refused.value.message)
    with pytest.raises(DomainError) as refused:
        operations.add_opening_hours(facility, {"weekday": 7, "opens": time(9),
                                                "closes": time(10)}, actor=council)
    assert refused.value.field == "weekday"
    assert count(OpeningHours) == 2

    morning = facility.hours[0]
    operations.remove_opening_hours(morning, actor=council)
    assert count(OpeningHours) == 1 and logged("remove_opening_hours") == 1


def test_the_database_refuses_hours_that_close_before_they_open(make_facility):
    facility = make_facility()
    db.session.add(OpeningHours(facility_id=facility.id, weekday=2, opens=time(14),
                                closes=time(9)))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_exceptions(council, make_facility):
    facility = make_facility()
    holiday = operations.add_opening_exception(
        facility, {"day": date(2027, 1, 6), "is_closed": True, "note": "Reis"}, actor=council,
        translations={"en": {"note": "Epiphany"}})
    assert (holiday.opens, holiday.closes) == (None, None)
    assert holiday.text_in("note", "en") == "Epiphany"
    special = operations.add_opening_exception(
        facility, {"day": date(2027, 1, 7), "is_closed": False, "opens": time(10),
                   "closes": time(13)}, actor=council)
    assert not special.is_closed
    with pytest.raises(DomainError) as refused:  # one exception a day
        operations.add_opening_exception(facility, {"day": date(2027, 1, 6), "is_closed": True},
                                         actor=council)
    assert refused.value.field == "day"
    with pytest.raises(DomainError) as refused:
        operations.add_opening_exception(facility, {"day": date(2027, 1, 8), "is_closed": False,
                                                    "opens": time(13), "closes": time(10)},
                                         actor=council)
    assert refused.value.field == "closes"
    with pytest.raises(DomainError) as refused:
        operations.add_opening_exception(facility, {"day": date(2027, 1, 8), "is_closed": True,
                                                    "note": "Festa\nmajor"}, actor=council)
    assert refused.value.field == "note"
    assert logged("add_opening_exception") == 2
    operations.remove_opening_exception(special, actor=council)
    assert count(OpeningException) == 1 and logged("remove_opening_exception") == 1


def test_the_database_refuses_an_exception_both_closed_and_open(make_facility):
    facility = make_facility()
    db.session.add(OpeningException(facility_id=facility.id, day=date(2027, 5, 1),
                                    is_closed=True, opens=time(9), closes=time(12), note=""))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


# --- the schedule ---------------------------------------------------------------------------

def _hours(*rows):
    return [OpeningHours(weekday=w, opens=time.fromisoformat(o), closes=time.fromisoformat(c))
            for w, o, c in rows]


def test_a_week_applies_its_exceptions():
    hours = _hours((0, "09:00", "14:00"), (0, "16:00", "21:00"), (1, "09:00", "14:00"),
                   (2, "09:00", "14:00"))
    exceptions = [OpeningException(day=date(2027, 1, 5), is_closed=True, note="Festa"),
                  OpeningException(day=date(2027, 1, 6), is_closed=False, opens=time(10),
                                   closes=time(12), note="")]
    week = opening.week_of(hours, exceptions, date(2027, 1, 6))  # a Wednesday
    assert [d.day for d in week] == [date(2027, 1, n) for n in range(4, 11)]
    assert week[0].intervals == [(time(9), time(14)), (time(16), time(21))]
    assert week[1].is_closed and week[1].exception.note == "Festa"
    assert week[2].intervals == [(time(10), time(12))]
    assert all(day.is_closed for day in week[3:])


def test_open_now_reads_the_town_clock_across_the_spring_change():
    """Sunday 28 March 2027, 02:00 → 03:00 in Madrid: open 09:00–14:00 town time."""
    hours = _hours((6, "09:00", "14:00"), (5, "09:00", "14:00"))
    at = lambda *args: datetime(*args, tzinfo=UTC)  # noqa: E731
    # the Saturday before: winter time, UTC+1
    assert not opening.is_open_at(hours, [], at(2027, 3, 27, 7, 30))  # 08:30
    assert opening.is_open_at(hours, [], at(2027, 3, 27, 8, 30))  # 09:30
    # the Sunday: summer time, UTC+2 — 07:30 UTC is already 09:30
    assert opening.is_open_at(hours, [], at(2027, 3, 28, 7, 30))
    assert not opening.is_open_at(hours, [], at(2027, 3, 28, 6, 30))  # 08:30
    assert not opening.is_open_at(hours, [], at(2027, 3, 28, 12, 0))  # 14:00: closed


def test_open_now_across_the_autumn_change_and_an_exception():
    """Sunday 31 October 2027, 03:00 → 02:00: after it Madrid is UTC+1."""
    hours = _hours((6, "09:00", "14:00"))
    at = lambda *args: datetime(*args, tzinfo=UTC)  # noqa: E731
    assert opening.is_open_at(hours, [], at(2027, 10, 31, 12, 30))  # 13:30
    assert not opening.is_open_at(hours, [], at(2027, 10, 31, 13, 30))  # 14:30
    assert not opening.is_open_at(hours, [], at(2027, 10, 24, 12, 30))  # a week earlier: 14:30
    closed = [OpeningException(day=date(2027, 10, 31), is_closed=True, note="")]
    assert not opening.is_open_at(hours, closed, at(2027, 10, 31, 10, 0))
