"""Meeting and registration operations without HTTP: create, edit, publish, cancel, close,
register, cancel a registration, promotion from the waiting list and attendance."""

import random
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from participa.core.errors import DomainError
from participa.core.types import utcnow
from participa.extensions import db
from participa.meetings import operations
from participa.meetings.models import (
    Meeting,
    MeetingKind,
    MeetingStatus,
    Registration,
    RegistrationStatus,
)
from participa.meetings.permissions import Closed
from participa.processes.models import PhaseKind
from tests.support import factories
from tests.support.meetings import (
    assert_counters_match,
    make_meeting,
    meeting_data,
    meeting_values,
    register_people,
    rows,
    status_of,
    stored_counters,
)
from tests.support.proposals import make_proposal
from tests.support.records import log_entries

CONFIRMED, WAITING, CANCELLED = (
    RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING, RegistrationStatus.CANCELLED,
)


def count_meetings() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Meeting))


def count_registrations() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Registration))


def refused_because(error, reason: Closed) -> bool:
    return str(error.value.message) == str(reason.label)


# --- create -------------------------------------------------------------------------------


def test_create_makes_a_draft_and_logs_it(process, facilitator):
    start = utcnow().replace(microsecond=0) + timedelta(days=3)
    meeting = operations.create_meeting(process, {
        "kind": "in_person", "title": "  Trobada veïnal a la plaça ",
        "description": "Ordre del dia",
        "place": " Plaça del Mercat ", "address": "Plaça del Mercat, s/n",
        "starts_at": start, "ends_at": start + timedelta(hours=2),
        "organizer": "Servei de dinamització comunitària", "step_free_access": True,
        "childcare": True, "accessibility_notes": "Rampa a l'entrada",
        "registrations_enabled": True, "capacity": 30, "reserved_places": 5,
        "registration_terms": "Accepto que es publiqui el meu nom.",
    }, actor=facilitator)

    assert meeting.id is not None
    assert meeting.status is MeetingStatus.DRAFT
    assert meeting.kind is MeetingKind.IN_PERSON
    assert meeting.title == "Trobada veïnal a la plaça"
    assert meeting.place == "Plaça del Mercat"
    assert meeting.created_by_id == facilitator.id
    assert (meeting.starts_at, meeting.ends_at) == (start, start + timedelta(hours=2))
    assert meeting.step_free_access and meeting.childcare and not meeting.sign_language
    assert (meeting.capacity, meeting.reserved_places, meeting.available_places) == (30, 5, 25)
    assert (meeting.registrations_count, meeting.waiting_count, meeting.sequence) == (0, 0, 0)
    (entry,) = log_entries("create_meeting", meeting)
    assert entry.actor_id == facilitator.id
    assert entry.data["process_id"] == process.id


@pytest.mark.parametrize("hours", [0, -1])
def test_end_must_come_after_the_start(process, facilitator, hours):
    start = utcnow() + timedelta(days=3)
    with pytest.raises(DomainError) as error:
        make_meeting(process, facilitator, starts_at=start, ends_at=start + timedelta(hours=hours))
    assert error.value.field == "ends_at"
    assert count_meetings() == 0


@pytest.mark.parametrize("kind", ["in_person", "hybrid"])
def test_in_person_and_hybrid_need_a_place(process, facilitator, kind):
    with pytest.raises(DomainError) as error:
        make_meeting(process, facilitator, kind=kind, place="   ",
                     online_url="https://meet.example.org/assemblea")
    assert error.value.field == "place"
    assert count_meetings() == 0


@pytest.mark.parametrize("kind", ["online", "hybrid"])
def test_online_and_hybrid_need_a_link(process, facilitator, kind):
    with pytest.raises(DomainError) as error:
        make_meeting(process, facilitator, kind=kind, online_url="")
    assert error.value.field == "online_url"
    assert count_meetings() == 0


def test_each_kind_keeps_only_what_it_uses(process, facilitator):
    link = "https://meet.example.org/assemblea"
    online = make_meeting(process, facilitator, kind="online", online_url=link)
    assert (online.place, online.address, online.online_url) == ("", "", link)
    in_person = make_meeting(process, facilitator, kind="in_person", online_url=link)
    assert (in_person.place, in_person.online_url) == ("Casal de barri", "")
    hybrid = make_meeting(process, facilitator, kind="hybrid", online_url=link)
    assert (hybrid.place, hybrid.online_url) == ("Casal de barri", link)


@pytest.mark.parametrize("reserved", [10, 11])
def test_reserved_places_must_be_fewer_than_the_capacity(process, facilitator, reserved):
    with pytest.raises(DomainError) as error:
        make_meeting(process, facilitator, capacity=10, reserved_places=reserved)
    assert error.value.field == "reserved_places"
    assert make_meeting(process, facilitator, capacity=10, reserved_places=9).available_places == 1


# --- update -------------------------------------------------------------------------------


def test_update_changes_the_meeting_bumps_the_sequence_and_logs(process, facilitator):
    meeting = make_meeting(process, facilitator, title="Primer títol")
    later = meeting.starts_at + timedelta(days=1)

    meeting, promoted = operations.update_meeting(
        meeting, meeting_data(meeting, title="Títol nou", starts_at=later,
                              ends_at=later + timedelta(hours=3)),
        actor=facilitator)
    assert promoted == []
    assert meeting.title == "Títol nou"
    assert meeting.starts_at == later
    assert meeting.sequence == 1
    assert meeting.status is MeetingStatus.PUBLISHED

    operations.update_meeting(meeting, meeting_data(meeting, place="Biblioteca"),
                              actor=facilitator)
    assert meeting.sequence == 2
    assert [e.actor_id for e in log_entries("update_meeting", meeting)] == [facilitator.id] * 2


def test_update_checks_the_meeting_again(process, facilitator):
    meeting = make_meeting(process, facilitator)
    with pytest.raises(DomainError) as error:
        operations.update_meeting(meeting, meeting_data(meeting, ends_at=meeting.starts_at),
                                  actor=facilitator)
    assert error.value.field == "ends_at"


def test_a_draft_stays_a_draft_when_edited(process, facilitator):
    meeting = make_meeting(process, facilitator, publish=False)
    operations.update_meeting(meeting, meeting_data(meeting, title="Esborrany"), actor=facilitator)
    assert meeting.status is MeetingStatus.DRAFT


@pytest.mark.parametrize("change", [{"capacity": 2}, {"reserved_places": 3}])
def test_places_cannot_drop_below_the_registrations(process, facilitator, change):
    meeting = make_meeting(process, facilitator, capacity=5)
    register_people(meeting, 3)
    with pytest.raises(DomainError) as error:
        operations.update_meeting(meeting, meeting_data(meeting, **change), actor=facilitator)
    assert error.value.field == "capacity"


def test_places_may_drop_to_exactly_the_registrations(process, facilitator):
    meeting = make_meeting(process, facilitator, capacity=5)
    register_people(meeting, 3)
    meeting, promoted = operations.update_meeting(
        meeting, meeting_data(meeting, capacity=4, reserved_places=1), actor=facilitator)
    assert promoted == []
    assert meeting.is_full
    assert meeting.places_left == 0


def test_more_places_promote_the_waiting_list_in_order(process, facilitator):
    meeting = make_meeting(process, facilitator, capacity=2)
    people = register_people(meeting, 5)
    assert [r.status for r in people] == [CONFIRMED, CONFIRMED, WAITING, WAITING, WAITING]

    meeting, promoted = operations.update_meeting(meeting, meeting_data(meeting, capacity=4),
                                                  actor=facilitator)

    assert promoted == people[2:4]
    assert [status_of(r) for r in people] == [CONFIRMED] * 4 + [WAITING]
    assert stored_counters(meeting) == (4, 1)
    assert_counters_match(meeting)


def test_fewer_reserved_places_promote_the_waiting_list(process, facilitator):
    meeting = make_meeting(process, facilitator, capacity=4, reserved_places=2)
    people = register_people(meeting, 4)
    meeting, promoted = operations.update_meeting(
        meeting, meeting_data(meeting, reserved_places=1), actor=facilitator)
    assert promoted == [people[2]]
    assert stored_counters(meeting) == (3, 1)


def test_unlimited_capacity_promotes_everyone_waiting(process, facilitator):
    meeting = make_meeting(process, facilitator, capacity=1)
    people = register_people(meeting, 4)
    meeting, promoted = operations.update_meeting(meeting, meeting_data(meeting, capacity=0),
                                                  actor=facilitator)
    assert promoted == people[1:]
    assert stored_counters(meeting) == (4, 0)


def _cancelled(process, facilitator):
    meeting = make_meeting(process, facilitator)
    operations.cancel_meeting(meeting, "Pluja", actor=facilitator)
    return meeting


def _closed(process, facilitator):
    meeting = make_meeting(process, facilitator)
    operations.close_meeting(meeting, {"minutes": "Acta"}, actor=facilitator)
    return meeting


@pytest.mark.parametrize("build", [_cancelled, _closed], ids=["cancelled", "closed"])
def test_cancelled_and_closed_meetings_cannot_be_edited(process, facilitator, build):
    meeting = build(process, facilitator)
    sequence = meeting.sequence
    with pytest.raises(DomainError):
        operations.update_meeting(meeting, meeting_data(meeting, title="Massa tard"),
                                  actor=facilitator)
    assert meeting.sequence == sequence
    assert log_entries("update_meeting") == []


# --- publish ------------------------------------------------------------------------------


def test_publish_a_draft_and_log_it(process, facilitator):
    meeting = make_meeting(process, facilitator, publish=False)
    operations.publish_meeting(meeting, actor=facilitator)
    assert meeting.status is MeetingStatus.PUBLISHED
    assert len(log_entries("publish_meeting", meeting)) == 1
    with pytest.raises(DomainError):
        operations.publish_meeting(meeting, actor=facilitator)


@pytest.mark.parametrize("build", [_cancelled, _closed], ids=["cancelled", "closed"])
def test_only_a_draft_is_published(process, facilitator, build):
    meeting = build(process, facilitator)
    status = meeting.status
    with pytest.raises(DomainError):
        operations.publish_meeting(meeting, actor=facilitator)
    assert meeting.status is status


# --- cancel -------------------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_cancelling_needs_a_reason(process, facilitator, reason):
    meeting = make_meeting(process, facilitator)
    with pytest.raises(DomainError) as error:
        operations.cancel_meeting(meeting, reason, actor=facilitator)
    assert error.value.field == "reason"
    assert meeting.status is MeetingStatus.PUBLISHED
    assert meeting.sequence == 0


def test_cancel_returns_the_people_to_tell(process, facilitator):
    meeting = make_meeting(process, facilitator, capacity=2)
    people = register_people(meeting, 4)
    operations.cancel_registration(meeting, actor=people[3].user)  # already gone: not told

    told = operations.cancel_meeting(meeting, "  Previsió de pluja forta. ", actor=facilitator)

    assert told == people[:3]
    assert [status_of(r) for r in told] == [CONFIRMED, CONFIRMED, WAITING]  # kept as they were
    assert meeting.status is MeetingStatus.CANCELLED
    assert meeting.cancellation_reason == "Previsió de pluja forta."
    assert meeting.cancelled_at is not None
    assert meeting.sequence == 1
    (entry,) = log_entries("cancel_meeting", meeting)
    assert entry.actor_id == facilitator.id


def test_no_registrations_after_a_cancellation(process, facilitator, resident):
    meeting = make_meeting(process, facilitator)
    (registration,) = register_people(meeting, 1)
    operations.cancel_meeting(meeting, "Pluja", actor=facilitator)

    with pytest.raises(DomainError) as error:
        operations.register(meeting, actor=resident)
    assert refused_because(error, Closed.NOT_OPEN)
    with pytest.raises(DomainError):
        operations.cancel_registration(meeting, actor=registration.user)
    assert count_registrations() == 1


def test_a_draft_can_be_cancelled(process, facilitator):
    meeting = make_meeting(process, facilitator, publish=False)
    assert operations.cancel_meeting(meeting, "Ja no cal", actor=facilitator) == []
    assert meeting.status is MeetingStatus.CANCELLED


@pytest.mark.parametrize("build", [_cancelled, _closed], ids=["cancelled", "closed"])
def test_cancelled_and_closed_meetings_cannot_be_cancelled(process, facilitator, build):
    meeting = build(process, facilitator)
    sequence = meeting.sequence
    with pytest.raises(DomainError):
        operations.cancel_meeting(meeting, "Un altre cop", actor=facilitator)
    assert meeting.sequence == sequence


# --- close --------------------------------------------------------------------------------


def test_close_records_what_happened(process, facilitator):
    meeting = make_meeting(process, facilitator)
    author = factories.make_user()
    discussed = [make_proposal(process, author) for _ in range(2)]
    make_proposal(process, author)  # not discussed

    operations.close_meeting(meeting, {
        "minutes": " Vam acordar **tres** coses. ", "attendees_count": 42,
        "attending_organizations": "AVV Sant Pere\nEsplai", "proposals": discussed[::-1],
    }, actor=facilitator)

    assert meeting.status is MeetingStatus.CLOSED
    assert meeting.closed_at is not None
    assert meeting.minutes == "Vam acordar **tres** coses."
    assert meeting.attendees_count == 42
    assert meeting.attending_organizations == "AVV Sant Pere\nEsplai"
    db.session.expire_all()
    assert [p.id for p in meeting.proposals] == [p.id for p in discussed]  # ordered by id
    for proposal in discussed:
        assert [m.id for m in proposal.meetings] == [meeting.id]
    (entry,) = log_entries("close_meeting", meeting)
    assert entry.data["attendees"] == 42


def test_closing_again_updates_the_minutes_and_keeps_the_date(process, facilitator):
    meeting = make_meeting(process, facilitator)
    author = factories.make_user()
    first, second = make_proposal(process, author), make_proposal(process, author)
    operations.close_meeting(meeting, {"minutes": "Esborrany", "proposals": [first]},
                             actor=facilitator)
    closed_at = meeting.closed_at

    operations.close_meeting(meeting, {"minutes": "Acta final", "attendees_count": 12,
                                       "proposals": [second]}, actor=facilitator)

    assert meeting.closed_at == closed_at
    assert meeting.minutes == "Acta final"
    db.session.expire_all()
    assert first.meetings == []
    assert [m.id for m in second.meetings] == [meeting.id]


def test_only_proposals_of_the_same_process_are_linked(process, facilitator):
    meeting = make_meeting(process, facilitator)
    elsewhere = factories.make_process()
    foreign = make_proposal(elsewhere, factories.make_user())
    with pytest.raises(DomainError) as error:
        operations.close_meeting(meeting, {"minutes": "Acta", "proposals": [foreign]},
                                 actor=facilitator)
    assert error.value.field == "proposal_ids"


@pytest.mark.parametrize("state", ["draft", "cancelled"])
def test_drafts_and_cancelled_meetings_cannot_be_closed(process, facilitator, state):
    meeting = make_meeting(process, facilitator, publish=False)
    if state == "cancelled":
        operations.cancel_meeting(meeting, "Pluja", actor=facilitator)
    with pytest.raises(DomainError):
        operations.close_meeting(meeting, {"minutes": "Acta"}, actor=facilitator)
    assert meeting.status is not MeetingStatus.CLOSED


# --- register -----------------------------------------------------------------------------


def test_places_first_then_the_waiting_list(process, facilitator):
    meeting = make_meeting(process, facilitator, capacity=2)
    people = register_people(meeting, 4)

    assert [r.status for r in people] == [CONFIRMED, CONFIRMED, WAITING, WAITING]
    assert stored_counters(meeting) == (2, 2)
    assert meeting.is_full
    assert meeting.places_left == 0
    assert_counters_match(meeting)
    assert all(r.queued_at is not None and r.attended_at is None for r in people)


def test_unlimited_capacity_never_fills(process, facilitator):
    meeting = make_meeting(process, facilitator, capacity=0)
    people = register_people(meeting, 25)
    assert {r.status for r in people} == {CONFIRMED}
    assert not meeting.is_full
    assert meeting.places_left is None
    assert meeting.available_places == 0  # 0 = unlimited
    assert stored_counters(meeting) == (25, 0)


def test_reserved_places_are_not_offered(process, facilitator):
    meeting = make_meeting(process, facilitator, capacity=5, reserved_places=2)
    assert (meeting.available_places, meeting.places_left) == (3, 3)
    people = register_people(meeting, 4)
    assert [r.status for r in people] == [CONFIRMED] * 3 + [WAITING]
    assert meeting.places_left == 0


def test_terms_must_be_accepted_when_set(process, facilitator, resident):
    meeting = make_meeting(process, facilitator, registration_terms="Accepto les normes.")
    with pytest.raises(DomainError) as error:
        operations.register(meeting, actor=resident)
    assert error.value.field == "accept_terms"
    assert count_registrations() == 0

    registration = operations.register(meeting, actor=resident, accept_terms=True)
    assert registration.status is CONFIRMED


def test_no_terms_no_acceptance_needed(process, facilitator, resident):
    meeting = make_meeting(process, facilitator)
    assert operations.register(meeting, actor=resident).status is CONFIRMED


def _disabled(process, facilitator):
    return make_meeting(process, facilitator, registrations_enabled=False), None


def _draft(process, facilitator):
    return make_meeting(process, facilitator, publish=False), None


def _cancelled_meeting(process, facilitator):
    return _cancelled(process, facilitator), None


def _closed_meeting(process, facilitator):
    return _closed(process, facilitator), None


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
    "registrations-disabled": (_disabled, Closed.NO_REGISTRATION),
    "draft": (_draft, Closed.NOT_OPEN),
    "cancelled": (_cancelled_meeting, Closed.NOT_OPEN),
    "closed": (_closed_meeting, Closed.NOT_OPEN),
    "after-registration-closes": (_after_closing_time, Closed.CLOSED),
    "at-the-start": (_at_the_start, Closed.CLOSED),
    "after-the-start": (_after_the_start, Closed.CLOSED),
    "no-active-phase": (_no_active_phase, Closed.PHASE),
    "unpublished-process": (_unpublished_process, Closed.PHASE),
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


def test_registration_just_before_it_closes(process, facilitator, resident):
    closes = utcnow() + timedelta(days=1)
    meeting = make_meeting(process, facilitator, registration_closes_at=closes)
    registration = operations.register(meeting, actor=resident,
                                       now=closes - timedelta(seconds=1))
    assert registration.status is CONFIRMED


@pytest.mark.parametrize("capacity, status", [(1, CONFIRMED), (1, WAITING), (0, CONFIRMED)])
def test_nobody_registers_twice(process, facilitator, resident, capacity, status):
    meeting = make_meeting(process, facilitator, capacity=capacity)
    if status is WAITING:
        register_people(meeting, 1)
    assert operations.register(meeting, actor=resident).status is status
    before = rows(meeting)

    with pytest.raises(DomainError) as error:
        operations.register(meeting, actor=resident)
    assert refused_because(error, Closed.ALREADY)
    assert rows(meeting) == before
    assert_counters_match(meeting)


def test_registering_again_reuses_the_row_at_the_back_of_the_queue(process, facilitator):
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


def test_codes_are_short_unambiguous_and_unique_per_meeting(process, facilitator):
    meeting = make_meeting(process, facilitator)
    codes = [r.code for r in register_people(meeting, 40)]
    assert len(set(codes)) == len(codes)
    for code in codes:
        assert len(code) == 6
        assert set(code) <= set(operations.CODE_ALPHABET)
    assert not set(operations.CODE_ALPHABET) & set("01OI")


def test_the_database_refuses_a_repeated_code_or_person(process, facilitator):
    meeting = make_meeting(process, facilitator)
    (registration,) = register_people(meeting, 1)
    for duplicate in (
        {"user_id": factories.make_user().id, "code": registration.code},
        {"user_id": registration.user_id, "code": "ZZZZZZ"},
    ):
        with pytest.raises(IntegrityError), db.session.begin_nested():
            db.session.add(Registration(meeting_id=meeting.id, queued_at=utcnow(), **duplicate))
            db.session.flush()
    assert count_registrations() == 1


def test_the_same_code_may_serve_two_meetings(process, facilitator, resident):
    first, second = make_meeting(process, facilitator), make_meeting(process, facilitator)
    mine = operations.register(first, actor=resident)
    db.session.add(Registration(meeting_id=second.id, user_id=resident.id, code=mine.code,
                                queued_at=utcnow()))
    db.session.flush()
    assert count_registrations() == 2


# --- cancel a registration ----------------------------------------------------------------


def test_a_freed_place_goes_to_whoever_waited_longest(process, facilitator):
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


def test_a_confirmed_person_leaving_promotes_exactly_one(process, facilitator):
    meeting = make_meeting(process, facilitator, capacity=2)
    people = register_people(meeting, 5)
    promoted = operations.cancel_registration(meeting, actor=people[0].user)
    assert promoted == [people[2]]
    assert [status_of(r) for r in people] == [CANCELLED, CONFIRMED, CONFIRMED, WAITING, WAITING]
    assert stored_counters(meeting) == (2, 2)


def test_a_waiting_person_leaving_promotes_nobody(process, facilitator):
    meeting = make_meeting(process, facilitator, capacity=1)
    people = register_people(meeting, 3)
    assert operations.cancel_registration(meeting, actor=people[1].user) == []
    assert [status_of(r) for r in people] == [CONFIRMED, CANCELLED, WAITING]
    assert stored_counters(meeting) == (1, 1)


def test_leaving_without_a_waiting_list_frees_a_place(process, facilitator):
    meeting = make_meeting(process, facilitator, capacity=2)
    people = register_people(meeting, 2)
    assert operations.cancel_registration(meeting, actor=people[0].user) == []
    assert meeting.places_left == 1
    assert stored_counters(meeting) == (1, 0)


@pytest.mark.parametrize("minutes", [0, 5])
def test_no_cancelling_from_the_start(process, facilitator, minutes):
    meeting = make_meeting(process, facilitator)
    (registration,) = register_people(meeting, 1)
    with pytest.raises(DomainError):
        operations.cancel_registration(meeting, actor=registration.user,
                                       now=meeting.starts_at + timedelta(minutes=minutes))
    assert status_of(registration) is CONFIRMED


def test_cancelling_needs_a_live_registration(process, facilitator, resident):
    meeting = make_meeting(process, facilitator)
    with pytest.raises(DomainError):
        operations.cancel_registration(meeting, actor=resident)
    operations.register(meeting, actor=resident)
    operations.cancel_registration(meeting, actor=resident)
    with pytest.raises(DomainError):
        operations.cancel_registration(meeting, actor=resident)
    assert_counters_match(meeting)


def test_counters_always_equal_the_rows(process, facilitator):
    """A long, mixed run of registrations, cancellations and edits of the places."""
    meeting = make_meeting(process, facilitator, capacity=3)
    people = [factories.make_user() for _ in range(8)]
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


# --- attendance ---------------------------------------------------------------------------


@pytest.mark.parametrize("typed", [str.lower, lambda code: f"  {code} "],
                         ids=["lower-case", "spaces"])
def test_attendance_by_code(process, facilitator, typed):
    meeting = make_meeting(process, facilitator)
    (registration,) = register_people(meeting, 1)
    marked = operations.mark_attendance(meeting, typed(registration.code), actor=facilitator)
    assert marked == registration
    assert registration.attended_at is not None
    (entry,) = log_entries("mark_attendance", meeting)
    assert entry.data["registration_id"] == registration.id


def test_attendance_is_marked_once(process, facilitator):
    meeting = make_meeting(process, facilitator)
    (registration,) = register_people(meeting, 1)
    operations.mark_attendance(meeting, registration.code, actor=facilitator)
    attended_at = registration.attended_at
    operations.mark_attendance(meeting, registration.code.lower(), actor=facilitator)
    assert registration.attended_at == attended_at
    assert len(log_entries("mark_attendance")) == 1


def test_attendance_needs_a_confirmed_code_of_this_meeting(process, facilitator):
    meeting = make_meeting(process, facilitator, capacity=1)
    _, waiting, leaving = register_people(meeting, 3)
    operations.cancel_registration(meeting, actor=leaving.user)
    other_meeting = make_meeting(process, facilitator)
    (elsewhere,) = register_people(other_meeting, 1)

    for code in (waiting.code, leaving.code, elsewhere.code, "", "ZZZZZZZ"):
        with pytest.raises(DomainError) as error:
            operations.mark_attendance(meeting, code, actor=facilitator)
        assert error.value.field == "code"
    assert log_entries("mark_attendance") == []
    assert all(r.attended_at is None for r in (waiting, leaving, elsewhere))


def test_meeting_values_are_valid_as_they_are(process, facilitator):
    """The builder's defaults make a meeting every other test can start from."""
    data = meeting_values()
    meeting = operations.create_meeting(process, data, actor=facilitator)
    assert meeting.kind is MeetingKind.IN_PERSON and meeting.registrations_enabled
