"""A meeting in a facility's room, through the meetings' operations: the place and address come
from the facility, the capacity stays within the room's, and two published meetings never hold
one room at overlapping times (drafts, cancelled and hidden meetings hold nothing)."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from participa.core.errors import DomainError
from participa.core.timeutil import utc_to_local
from participa.core.types import utcnow
from participa.extensions import db
from participa.facilities import operations as facilities
from participa.meetings import operations
from participa.meetings.models import Meeting, MeetingStatus
from tests.support.meetings import meeting_data, meeting_values

START = utcnow().replace(microsecond=0, second=0) + timedelta(days=10)


@pytest.fixture
def room(make_facility):
    facility = make_facility("Centre Cívic del Nord", address="Plaça del Mercat, 3",
                             rooms=(("Sala 2", 24), ("Sala d'actes", 80)))
    return facility.rooms[0]  # by name: "Sala 2"


def test_the_facility_gives_the_place_and_address(process, facilitator, room, make_meeting_in):
    meeting = make_meeting_in(room, process, facilitator, place="Un altre lloc",
                              address="Enlloc, 1")
    assert meeting.room_id == room.id
    assert meeting.place == "Centre Cívic del Nord — Sala 2"
    assert meeting.address == "Plaça del Mercat, 3"
    assert meeting.capacity == 24  # none given: the room's


def test_the_capacity_cannot_exceed_the_rooms(process, facilitator, room, make_meeting_in):
    with pytest.raises(DomainError) as refused:
        make_meeting_in(room, process, facilitator, capacity=25)
    assert refused.value.field == "capacity"
    assert "24" in str(refused.value.message)
    meeting = make_meeting_in(room, process, facilitator, capacity=20)
    with pytest.raises(DomainError) as refused:
        operations.update_meeting(meeting, meeting_data(meeting, capacity=30),
                                  actor=facilitator)
    assert refused.value.field == "capacity"


def test_online_meetings_take_no_room(process, facilitator, room, make_meeting_in):
    meeting = make_meeting_in(room, process, facilitator, kind="online",
                              online_url="https://meet.example.org/sala")
    assert meeting.room_id is None and meeting.place == ""


def test_an_overlapping_booking_is_refused_naming_the_other_time(
        process, facilitator, room, make_meeting_in):
    first = make_meeting_in(room, process, facilitator, title="Assemblea", start=START)
    with pytest.raises(DomainError) as refused:
        make_meeting_in(room, process, facilitator, start=START + timedelta(hours=1))
    assert refused.value.field == "room_id"
    message = str(refused.value.message)
    assert "Assemblea" in message
    start = utc_to_local(START)
    assert f"{start.hour}:{start.minute:02d}" in message  # the other meeting's start, town time
    assert first.status is MeetingStatus.PUBLISHED


def test_back_to_back_meetings_and_other_rooms_are_fine(
        process, facilitator, room, make_meeting_in):
    make_meeting_in(room, process, facilitator, start=START)
    make_meeting_in(room, process, facilitator, start=START + timedelta(hours=2))
    make_meeting_in(room.facility.rooms[1], process, facilitator, start=START)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Meeting)) == 3


def test_drafts_book_nothing_until_published(process, facilitator, room, make_meeting_in):
    first = make_meeting_in(room, process, facilitator, start=START, publish=False)
    second = make_meeting_in(room, process, facilitator, start=START, publish=False)
    operations.publish_meeting(first, actor=facilitator)
    with pytest.raises(DomainError) as refused:
        operations.publish_meeting(second, actor=facilitator)
    assert refused.value.field == "room_id"


def test_moving_a_meeting_onto_a_booking_is_refused(process, facilitator, room, make_meeting_in):
    make_meeting_in(room, process, facilitator, start=START)
    other_room = room.facility.rooms[1]
    later = make_meeting_in(other_room, process, facilitator, start=START)
    with pytest.raises(DomainError) as refused:  # into the booked room
        operations.update_meeting(later, meeting_data(later, room_id=room.id, capacity=10),
                                  actor=facilitator)
    assert refused.value.field == "room_id"
    db.session.rollback()


def test_a_cancelled_or_hidden_meeting_frees_the_room(
        process, facilitator, room, make_meeting_in):
    cancelled = make_meeting_in(room, process, facilitator, start=START)
    operations.cancel_meeting(cancelled, "Pluja", actor=facilitator)
    hidden = make_meeting_in(room, process, facilitator, start=START)
    hidden.hidden_at = utcnow()  # hidden by moderation
    db.session.flush()
    make_meeting_in(room, process, facilitator, start=START)


def test_the_rooms_capacity_cannot_drop_below_a_meeting_in_it(
        council, process, facilitator, room, make_meeting_in):
    make_meeting_in(room, process, facilitator, capacity=20, title="Taller dels horts")
    with pytest.raises(DomainError) as refused:
        facilities.update_room(room, {"name": room.name, "capacity": 15}, actor=council)
    assert refused.value.field == "capacity" and "Taller dels horts" in str(
        refused.value.message)
    db.session.rollback()


def test_meetings_follow_their_facilitys_new_address(
        council, process, facilitator, room, make_meeting_in):
    meeting = make_meeting_in(room, process, facilitator)
    sequence = meeting.sequence
    facility = room.facility
    facilities.update_facility(facility, {"name": "Centre Cívic Nord", "kind": "civic_centre",
                                          "address": "Plaça del Mercat, 5"}, actor=council)
    db.session.refresh(meeting)
    assert meeting.place == "Centre Cívic Nord — Sala 2"
    assert meeting.address == "Plaça del Mercat, 5"
    assert meeting.sequence == sequence + 1


def test_an_unknown_room_is_no_room(process, facilitator):
    meeting = operations.create_meeting(process, meeting_values(room_id=None), actor=facilitator)
    assert meeting.room_id is None and meeting.place == "Casal de barri"
