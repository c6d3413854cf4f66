"""A meeting's life without HTTP: create, edit, publish, cancel and close; and the builders
the other tests start from."""

from datetime import timedelta

import pytest

from participa.core.errors import DomainError
from participa.core.types import utcnow
from participa.extensions import db
from participa.meetings import operations
from participa.meetings.models import (
    MeetingKind,
    MeetingStatus,
)
from participa.meetings.permissions import RegistrationRefusal
from tests.support.meetings import (
    CONFIRMED,
    WAITING,
    assert_counters_match,
    cancelled_meeting,
    closed_meeting,
    count_meetings,
    count_registrations,
    meeting_data,
    meeting_values,
    refused_because,
    register_people,
    status_of,
    stored_counters,
)
from tests.support.records import log_entries

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
def test_end_must_come_after_the_start(process, facilitator, hours, make_meeting):
    start = utcnow() + timedelta(days=3)
    with pytest.raises(DomainError) as error:
        make_meeting(process, facilitator, starts_at=start, ends_at=start + timedelta(hours=hours))
    assert error.value.field == "ends_at"
    assert count_meetings() == 0


@pytest.mark.parametrize("kind", ["in_person", "hybrid"])
def test_in_person_and_hybrid_need_a_place(process, facilitator, kind, make_meeting):
    with pytest.raises(DomainError) as error:
        make_meeting(process, facilitator, kind=kind, place="   ",
                     online_url="https://meet.example.org/assemblea")
    assert error.value.field == "place"
    assert count_meetings() == 0


@pytest.mark.parametrize("kind", ["online", "hybrid"])
def test_online_and_hybrid_need_a_link(process, facilitator, kind, make_meeting):
    with pytest.raises(DomainError) as error:
        make_meeting(process, facilitator, kind=kind, online_url="")
    assert error.value.field == "online_url"
    assert count_meetings() == 0


def test_each_kind_keeps_only_what_it_uses(process, facilitator, make_meeting):
    link = "https://meet.example.org/assemblea"
    online = make_meeting(process, facilitator, kind="online", online_url=link)
    assert (online.place, online.address, online.online_url) == ("", "", link)
    in_person = make_meeting(process, facilitator, kind="in_person", online_url=link)
    assert (in_person.place, in_person.online_url) == ("Casal de barri", "")
    hybrid = make_meeting(process, facilitator, kind="hybrid", online_url=link)
    assert (hybrid.place, hybrid.online_url) == ("Casal de barri", link)


@pytest.mark.parametrize("reserved", [10, 11])
def test_reserved_places_must_be_fewer_than_the_capacity(process, facilitator, reserved,
                                                         make_meeting):
    with pytest.raises(DomainError) as error:
        make_meeting(process, facilitator, capacity=10, reserved_places=reserved)
    assert error.value.field == "reserved_places"
    assert make_meeting(process, facilitator, capacity=10, reserved_places=9).available_places == 1


# --- update -------------------------------------------------------------------------------


def test_update_changes_the_meeting_bumps_the_sequence_and_logs(process, facilitator, make_meeting):
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


def test_update_checks_the_meeting_again(process, facilitator, make_meeting):
    meeting = make_meeting(process, facilitator)
    with pytest.raises(DomainError) as error:
        operations.update_meeting(meeting, meeting_data(meeting, ends_at=meeting.starts_at),
                                  actor=facilitator)
    assert error.value.field == "ends_at"


def test_a_draft_stays_a_draft_when_edited(process, facilitator, make_meeting):
    meeting = make_meeting(process, facilitator, publish=False)
    operations.update_meeting(meeting, meeting_data(meeting, title="Esborrany"), actor=facilitator)
    assert meeting.status is MeetingStatus.DRAFT


@pytest.mark.parametrize("change", [{"capacity": 2}, {"reserved_places": 3}])
def test_places_cannot_drop_below_the_registrations(process, facilitator, change, make_meeting):
    meeting = make_meeting(process, facilitator, capacity=5)
    register_people(meeting, 3)
    with pytest.raises(DomainError) as error:
        operations.update_meeting(meeting, meeting_data(meeting, **change), actor=facilitator)
    assert error.value.field == "capacity"


def test_places_may_drop_to_exactly_the_registrations(process, facilitator, make_meeting):
    meeting = make_meeting(process, facilitator, capacity=5)
    register_people(meeting, 3)
    meeting, promoted = operations.update_meeting(
        meeting, meeting_data(meeting, capacity=4, reserved_places=1), actor=facilitator)
    assert promoted == []
    assert meeting.is_full
    assert meeting.places_left == 0


def test_more_places_promote_the_waiting_list_in_order(process, facilitator, make_meeting):
    meeting = make_meeting(process, facilitator, capacity=2)
    people = register_people(meeting, 5)
    assert [r.status for r in people] == [CONFIRMED, CONFIRMED, WAITING, WAITING, WAITING]

    meeting, promoted = operations.update_meeting(meeting, meeting_data(meeting, capacity=4),
                                                  actor=facilitator)

    assert promoted == people[2:4]
    assert [status_of(r) for r in people] == [CONFIRMED] * 4 + [WAITING]
    assert stored_counters(meeting) == (4, 1)
    assert_counters_match(meeting)


def test_fewer_reserved_places_promote_the_waiting_list(process, facilitator, make_meeting):
    meeting = make_meeting(process, facilitator, capacity=4, reserved_places=2)
    people = register_people(meeting, 4)
    meeting, promoted = operations.update_meeting(
        meeting, meeting_data(meeting, reserved_places=1), actor=facilitator)
    assert promoted == [people[2]]
    assert stored_counters(meeting) == (3, 1)


def test_unlimited_capacity_promotes_everyone_waiting(process, facilitator, make_meeting):
    meeting = make_meeting(process, facilitator, capacity=1)
    people = register_people(meeting, 4)
    meeting, promoted = operations.update_meeting(meeting, meeting_data(meeting, capacity=0),
                                                  actor=facilitator)
    assert promoted == people[1:]
    assert stored_counters(meeting) == (4, 0)


@pytest.mark.parametrize("build", [cancelled_meeting, closed_meeting], ids=["cancelled", "closed"])
def test_cancelled_and_closed_meetings_cannot_be_edited(process, facilitator, build):
    meeting = build(process, facilitator)
    sequence = meeting.sequence
    with pytest.raises(DomainError):
        operations.update_meeting(meeting, meeting_data(meeting, title="Massa tard"),
                                  actor=facilitator)
    assert meeting.sequence == sequence
    assert log_entries("update_meeting") == []


# --- publish ------------------------------------------------------------------------------


def test_publish_a_draft_and_log_it(process, facilitator, make_meeting):
    meeting = make_meeting(process, facilitator, publish=False)
    operations.publish_meeting(meeting, actor=facilitator)
    assert meeting.status is MeetingStatus.PUBLISHED
    assert len(log_entries("publish_meeting", meeting)) == 1
    with pytest.raises(DomainError):
        operations.publish_meeting(meeting, actor=facilitator)


@pytest.mark.parametrize("build", [cancelled_meeting, closed_meeting], ids=["cancelled", "closed"])
def test_only_a_draft_is_published(process, facilitator, build):
    meeting = build(process, facilitator)
    status = meeting.status
    with pytest.raises(DomainError):
        operations.publish_meeting(meeting, actor=facilitator)
    assert meeting.status is status


# --- cancel -------------------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_cancelling_needs_a_reason(process, facilitator, reason, make_meeting):
    meeting = make_meeting(process, facilitator)
    with pytest.raises(DomainError) as error:
        operations.cancel_meeting(meeting, reason, actor=facilitator)
    assert error.value.field == "reason"
    assert meeting.status is MeetingStatus.PUBLISHED
    assert meeting.sequence == 0


def test_cancel_returns_the_people_to_tell(process, facilitator, make_meeting):
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


def test_no_registrations_after_a_cancellation(process, facilitator, resident, make_meeting):
    meeting = make_meeting(process, facilitator)
    (registration,) = register_people(meeting, 1)
    operations.cancel_meeting(meeting, "Pluja", actor=facilitator)

    with pytest.raises(DomainError) as error:
        operations.register(meeting, actor=resident)
    assert refused_because(error, RegistrationRefusal.NOT_OPEN)
    with pytest.raises(DomainError):
        operations.cancel_registration(meeting, actor=registration.user)
    assert count_registrations() == 1


def test_a_draft_can_be_cancelled(process, facilitator, make_meeting):
    meeting = make_meeting(process, facilitator, publish=False)
    assert operations.cancel_meeting(meeting, "Ja no cal", actor=facilitator) == []
    assert meeting.status is MeetingStatus.CANCELLED


@pytest.mark.parametrize("build", [cancelled_meeting, closed_meeting], ids=["cancelled", "closed"])
def test_cancelled_and_closed_meetings_cannot_be_cancelled(process, facilitator, build):
    meeting = build(process, facilitator)
    sequence = meeting.sequence
    with pytest.raises(DomainError):
        operations.cancel_meeting(meeting, "Un altre cop", actor=facilitator)
    assert meeting.sequence == sequence


# --- close --------------------------------------------------------------------------------


def test_close_records_what_happened(process, facilitator, make_user, make_proposal, make_meeting):
    meeting = make_meeting(process, facilitator)
    author = make_user()
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


def test_closing_again_updates_the_minutes_and_keeps_the_date(
        process, facilitator, make_user, make_proposal, make_meeting):
    meeting = make_meeting(process, facilitator)
    author = make_user()
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


def test_only_proposals_of_the_same_process_are_linked(process, facilitator, make_user,
                                                       make_process, make_proposal, make_meeting):
    meeting = make_meeting(process, facilitator)
    elsewhere = make_process()
    foreign = make_proposal(elsewhere, make_user())
    with pytest.raises(DomainError) as error:
        operations.close_meeting(meeting, {"minutes": "Acta", "proposals": [foreign]},
                                 actor=facilitator)
    assert error.value.field == "proposal_ids"


@pytest.mark.parametrize("state", ["draft", "cancelled"])
def test_drafts_and_cancelled_meetings_cannot_be_closed(process, facilitator, state, make_meeting):
    meeting = make_meeting(process, facilitator, publish=False)
    if state == "cancelled":
        operations.cancel_meeting(meeting, "Pluja", actor=facilitator)
    with pytest.raises(DomainError):
        operations.close_meeting(meeting, {"minutes": "Acta"}, actor=facilitator)
    assert meeting.status is not MeetingStatus.CLOSED


# --- the builders -------------------------------------------------------------------------


def test_meeting_values_are_valid_as_they_are(process, facilitator):
    """The builder's defaults make a meeting every other test can start from."""
    data = meeting_values()
    meeting = operations.create_meeting(process, data, actor=facilitator)
    assert meeting.kind is MeetingKind.IN_PERSON and meeting.registrations_enabled
