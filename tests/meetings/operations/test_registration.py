"""Registering and cancelling a registration without HTTP: places, the waiting list and
promotion in order, refusals and why, codes, and counters that equal the rows."""

import random
from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from participa.core.errors import DomainError
from participa.core.types import utcnow
from participa.extensions import db
from participa.meetings import operations
from participa.meetings.models import Registration
from participa.meetings.permissions import RegistrationRefusal
from participa.processes.models import PhaseKind
from tests.support import factories
from tests.support.meetings import (
    CANCELLED,
    CONFIRMED,
    WAITING,
    assert_counters_match,
    cancelled_meeting,
    closed_meeting,
    count_registrations,
    make_meeting,
    meeting_data,
    refused_because,
    register_people,
    rows,
    status_of,
    stored_counters,
)

# --- register -----------------------------------------------------------------------------


def test_places_first_then_the_waiting_list(process, facilitator, make_meeting):
    meeting = make_meeting(process, facilitator, capacity=2)
    people = register_people(meeting, 4)

    assert [r.status for r in people] == [CONFIRMED, CONFIRMED, WAITING, WAITING]
    assert stored_counters(meeting) == (2, 2)
    assert meeting.is_full
    assert meeting.places_left == 0
    assert_counters_match(meeting)
    assert all(r.queued_at is not None and r.attended_at is None for r in people)


def test_unlimited_capacity_never_fills(process, facilitator, make_meeting):
    meeting = make_meeting(process, facilitator, capacity=0)
    people = register_people(meeting, 25)
    assert {r.status for r in people} == {CONFIRMED}
    assert not meeting.is_full
    assert meeting.places_left is None
    assert meeting.available_places == 0  # 0 = unlimited
    assert stored_counters(meeting) == (25, 0)


def test_reserved_places_are_not_offered(process, facilitator, make_meeting):
    meeting = make_meeting(process, facilitator, capacity=5, reserved_places=2)
    assert (meeting.available_places, meeting.places_left) == (3, 3)
    people = register_people(meeting, 4)
    assert [r.status for r in people] == [CONFIRMED] * 3 + [WAITING]
    assert meeting.places_left == 0


def test_terms_must_be_accepted_when_set(process, facilitator, resident, make_meeting):
    meeting = make_meeting(process, facilitator, registration_terms="Accepto les normes.")
    with pytest.raises(DomainError) as error:
        operations.register(meeting, actor=resident)
    assert error.value.field == "accept_terms"
    assert count_registrations() == 0

    registration = operations.register(meeting, actor=resident, accept_terms=True)
    assert registration.status is CONFIRMED


def test_no_terms_no_acceptance_needed(process, facilitator, resident, make_meeting):
    meeting = make_meeting(process, facilitator)
    assert operations.register(meeting, actor=resident).status is CONFIRMED


def _disabled(process, facilitator):
    return make_meeting(process, facilitator, registrations_enabled=False), None


def _draft(process, facilitator):
    return make_meeting(process, facilitator, publish=False), None


def _cancelled_meeting(process, facilitator):
    return cancelled_meeting(process, facilitator), None


def _closed_meeting(process, facilitator):
    return closed_meeting(process, facilitator), None


def _after_closing_time(process, facilitator):
    meeting = make_meeting(process, facilitator,
                           registration_closes_at=utcnow() + timedelta(days=1))
    return meeting, meeting.registration_closes_at


def _at_the_start(process, facilitator):
    meeting = make_meeting(process, facilitator, starts_at=utcnow() + timedelta(days=2))
    return meeting, meeting.starts_at


def _after_the_start(process, facilitator):
    meeting = make_meeting(process, facilitator, starts_at=utcnow() + timedelta(days=2))
    return meeting, meeting.starts_at + timedelta(minutes=10)


def _no_active_phase(process, facilitator):
    other = factories.make_process(phases=((PhaseKind.PROPOSALS, -20, -10),))
    return make_meeting(other, factories.make_user("council")), None


def _unpublished_process(process, facilitator):
    other = factories.make_process(published=False)
    return make_meeting(other, factories.make_user("council")), None


REFUSALS = {
    "registrations-disabled": (_disabled, RegistrationRefusal.NO_REGISTRATION),
    "draft": (_draft, RegistrationRefusal.NOT_OPEN),
    "cancelled": (_cancelled_meeting, RegistrationRefusal.NOT_OPEN),
    "closed": (_closed_meeting, RegistrationRefusal.NOT_OPEN),
    "after-registration-closes": (_after_closing_time, RegistrationRefusal.CLOSED),
    "at-the-start": (_at_the_start, RegistrationRefusal.CLOSED),
    "after-the-start": (_after_the_start, RegistrationRefusal.CLOSED),
    "no-active-phase": (_no_active_phase, RegistrationRefusal.PHASE),
    "unpublished-process": (_unpublished_process, RegistrationRefusal.PHASE),
}


@pytest.mark.parametrize("case", REFUSALS)
def test_registration_is_refused(process, facilitator, resident, case):
    build, reason = REFUSALS[case]
    meeting, now = build(process, facilitator)
    with pytest.raises(DomainError) as error:
        operations.register(meeting, actor=resident, now=now)
    assert refused_because(error, reason), error.value.message
    assert count_registrations() == 0
    assert_counters_match(meeting)


def test_registration_just_before_it_closes(process, facilitator, resident, make_meeting):
    closes = utcnow() + timedelta(days=1)
    meeting = make_meeting(process, facilitator, registration_closes_at=closes)
    registration = operations.register(meeting, actor=resident,
                                       now=closes - timedelta(seconds=1))
    assert registration.status is CONFIRMED


@pytest.mark.parametrize("capacity, status", [(1, CONFIRMED), (1, WAITING), (0, CONFIRMED)])
def test_nobody_registers_twice(process, facilitator, resident, capacity, status, make_meeting):
    meeting = make_meeting(process, facilitator, capacity=capacity)
    if status is WAITING:
        register_people(meeting, 1)
    assert operations.register(meeting, actor=resident).status is status
    before = rows(meeting)

    with pytest.raises(DomainError) as error:
        operations.register(meeting, actor=resident)
    assert refused_because(error, RegistrationRefusal.ALREADY)
    assert rows(meeting) == before
    assert_counters_match(meeting)


def test_registering_again_reuses_the_row_at_the_back_of_the_queue(
        process, facilitator, make_meeting):
    meeting = make_meeting(process, facilitator, capacity=1)
    first, second = register_people(meeting, 2)
    row_id, code, queued_at = first.id, first.code, first.queued_at
    start = first.queued_at

    assert operations.cancel_registration(meeting, actor=first.user,
                                          now=start + timedelta(seconds=10)) == [second]
    again = operations.register(meeting, actor=first.user, now=start + timedelta(seconds=20))
    (third,) = register_people(meeting, 1, start=start + timedelta(seconds=30))

    assert again.id == row_id
    assert again.code == code
    assert again.queued_at == start + timedelta(seconds=20) != queued_at
    assert again.cancelled_at is None
    assert (again.status, third.status) == (WAITING, WAITING)
    assert count_registrations() == 3
    assert_counters_match(meeting)


def test_codes_are_short_unambiguous_and_unique_per_meeting(process, facilitator, make_meeting):
    meeting = make_meeting(process, facilitator)
    codes = [r.code for r in register_people(meeting, 40)]
    assert len(set(codes)) == len(codes)
    for code in codes:
        assert len(code) == 6
        assert set(code) <= set(operations.CODE_ALPHABET)
    assert not set(operations.CODE_ALPHABET) & set("01OI")


def test_the_database_refuses_a_repeated_code_or_person(process, facilitator, make_user,
                                                        make_meeting):
    meeting = make_meeting(process, facilitator)
    (registration,) = register_people(meeting, 1)
    for duplicate in (
        {"user_id": make_user().id, "code": registration.code},
        {"user_id": registration.user_id, "code": "ZZZZZZ"},
    ):
        with pytest.raises(IntegrityError), db.session.begin_nested():
            db.session.add(Registration(meeting_id=meeting.id, queued_at=utcnow(), **duplicate))
            db.session.flush()
    assert count_registrations() == 1


def test_the_same_code_may_serve_two_meetings(process, facilitator, resident, make_meeting):
    first, second = make_meeting(process, facilitator), make_meeting(process, facilitator)
    mine = operations.register(first, actor=resident)
    db.session.add(Registration(meeting_id=second.id, user_id=resident.id, code=mine.code,
                                queued_at=utcnow()))
    db.session.flush()
    assert count_registrations() == 2


# --- cancel a registration ----------------------------------------------------------------


def test_a_freed_place_goes_to_whoever_waited_longest(process, facilitator, make_meeting):
    meeting = make_meeting(process, facilitator, capacity=1)
    start = utcnow()
    a, b, c = register_people(meeting, 3, start=start)
    assert [a.status, b.status, c.status] == [CONFIRMED, WAITING, WAITING]

    # b leaves the queue and comes back: an older row, but now behind c
    assert operations.cancel_registration(meeting, actor=b.user,
                                          now=start + timedelta(seconds=10)) == []
    operations.register(meeting, actor=b.user, now=start + timedelta(seconds=20))
    assert b.id < c.id and b.queued_at > c.queued_at

    promoted = operations.cancel_registration(meeting, actor=a.user,
                                              now=start + timedelta(seconds=30))

    assert promoted == [c]
    assert [status_of(r) for r in (a, b, c)] == [CANCELLED, WAITING, CONFIRMED]
    assert a.cancelled_at == start + timedelta(seconds=30)
    assert stored_counters(meeting) == (1, 1)
    assert_counters_match(meeting)


def test_a_confirmed_person_leaving_promotes_exactly_one(process, facilitator, make_meeting):
    meeting = make_meeting(process, facilitator, capacity=2)
    people = register_people(meeting, 5)
    promoted = operations.cancel_registration(meeting, actor=people[0].user)
    assert promoted == [people[2]]
    assert [status_of(r) for r in people] == [CANCELLED, CONFIRMED, CONFIRMED, WAITING, WAITING]
    assert stored_counters(meeting) == (2, 2)


def test_a_waiting_person_leaving_promotes_nobody(process, facilitator, make_meeting):
    meeting = make_meeting(process, facilitator, capacity=1)
    people = register_people(meeting, 3)
    assert operations.cancel_registration(meeting, actor=people[1].user) == []
    assert [status_of(r) for r in people] == [CONFIRMED, CANCELLED, WAITING]
    assert stored_counters(meeting) == (1, 1)


def test_leaving_without_a_waiting_list_frees_a_place(process, facilitator, make_meeting):
    meeting = make_meeting(process, facilitator, capacity=2)
    people = register_people(meeting, 2)
    assert operations.cancel_registration(meeting, actor=people[0].user) == []
    assert meeting.places_left == 1
    assert stored_counters(meeting) == (1, 0)


@pytest.mark.parametrize("minutes", [0, 5])
def test_no_cancelling_from_the_start(process, facilitator, minutes, make_meeting):
    meeting = make_meeting(process, facilitator)
    (registration,) = register_people(meeting, 1)
    with pytest.raises(DomainError):
        operations.cancel_registration(meeting, actor=registration.user,
                                       now=meeting.starts_at + timedelta(minutes=minutes))
    assert status_of(registration) is CONFIRMED


def test_cancelling_needs_a_live_registration(process, facilitator, resident, make_meeting):
    meeting = make_meeting(process, facilitator)
    with pytest.raises(DomainError):
        operations.cancel_registration(meeting, actor=resident)
    operations.register(meeting, actor=resident)
    operations.cancel_registration(meeting, actor=resident)
    with pytest.raises(DomainError):
        operations.cancel_registration(meeting, actor=resident)
    assert_counters_match(meeting)


def test_counters_always_equal_the_rows(process, facilitator, make_user, make_meeting):
    """A long, mixed run of registrations, cancellations and edits of the places."""
    meeting = make_meeting(process, facilitator, capacity=3)
    people = [make_user() for _ in range(8)]
    chance = random.Random(20260329)
    now = utcnow()
    for step in range(60):
        now += timedelta(seconds=1)
        person = chance.choice(people)
        registration = operations.get_registration(meeting, person)
        live = registration is not None and registration.status is not CANCELLED
        roll = chance.random()
        if roll < 0.1:
            capacity = max(chance.randint(1, 5), meeting.registrations_count)
            operations.update_meeting(meeting, meeting_data(meeting, capacity=capacity),
                                      actor=facilitator)
        elif live:
            operations.cancel_registration(meeting, actor=person, now=now)
        else:
            operations.register(meeting, actor=person, now=now)

        counts = rows(meeting)
        assert_counters_match(meeting)
        assert counts[CONFIRMED] <= meeting.available_places, step
        if counts[WAITING]:  # nobody waits while a place is free
            assert counts[CONFIRMED] == meeting.available_places, step
