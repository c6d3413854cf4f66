"""Who may do what with meetings: a grid of role × meeting status × phase, then the settings and
moments that change the answers (closing time, the start, the online link's window)."""

from datetime import timedelta

import pytest
from flask_login import AnonymousUserMixin

from participa.core.types import utcnow
from participa.meetings import operations
from participa.meetings.models import MeetingStatus, RegistrationStatus
from participa.meetings.permissions import (
    LINK_OPENS_BEFORE,
    RegistrationRefusal,
    can_cancel_registration,
    can_manage_meeting,
    can_see_online_link,
    can_view_meeting,
    why_not_register,
)
from participa.processes.models import PhaseKind
from tests.support import factories
from tests.support.meetings import make_meeting, register_people, registering_time

ROLES = ("visitor", "resident", "registered", "facilitator", "council")
STATUSES = tuple(MeetingStatus)
PHASES = ("phase", "no-phase")
MANAGERS = {"facilitator", "council"}
LINK = "https://meet.example.org/assemblea-de-barri"


def process_for(phase):
    """A published process with a phase running now, or whose only phase has ended."""
    if phase == "phase":
        return factories.make_process(phases=((PhaseKind.DEBATE, -5, 5),))
    return factories.make_process(phases=((PhaseKind.PROPOSALS, -20, -10),))


def meeting_in(status, phase, **settings):
    """A meeting of ``status`` in a process with or without a running phase, and a resident
    who registered for it (through the operations, while it took registrations)."""
    process = process_for(phase)
    organizer = factories.make_user("council")
    meeting = make_meeting(process, organizer, **settings)
    (registration,) = register_people(meeting, 1)
    if status is MeetingStatus.DRAFT:
        # no operation takes a meeting back to draft; the grid still asks what a registration
        # left on one would allow
        meeting.status = MeetingStatus.DRAFT
    elif status is MeetingStatus.CANCELLED:
        operations.cancel_meeting(meeting, "Pluja", actor=organizer)
    elif status is MeetingStatus.CLOSED:
        operations.close_meeting(meeting, {"minutes": "Acta"}, actor=organizer)
    return meeting, registration


def person(role, meeting, registration):
    """(user, their registration) for ``role``."""
    if role == "visitor":
        return AnonymousUserMixin(), None
    if role == "registered":
        return registration.user, registration
    if role == "facilitator":
        return factories.make_user("facilitator", process=meeting.process), None
    return factories.make_user("council" if role == "council" else "resident"), None


@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("status", STATUSES, ids=lambda s: s.value)
@pytest.mark.parametrize("role", ROLES)
def test_meeting_grid(role, status, phase):
    meeting, registration = meeting_in(status, phase)
    user, mine = person(role, meeting, registration)
    now = utcnow()

    manager = role in MANAGERS
    assert can_manage_meeting(user, meeting) is manager
    assert can_view_meeting(user, meeting) is (status is not MeetingStatus.DRAFT or manager)

    if status is not MeetingStatus.PUBLISHED:
        expected = RegistrationRefusal.NOT_OPEN
    elif role == "visitor":
        expected = RegistrationRefusal.SIGN_IN
    elif phase == "no-phase":
        expected = RegistrationRefusal.PHASE
    elif role == "registered":
        expected = RegistrationRefusal.ALREADY
    else:
        expected = None
    assert why_not_register(user, meeting, registration=mine, now=now) is expected

    may_cancel = role == "registered" and status is MeetingStatus.PUBLISHED  # in any phase
    assert can_cancel_registration(user, meeting, registration=mine, now=now) is may_cancel


@pytest.mark.parametrize("role", ROLES)
def test_unpublished_process_hides_its_meetings(role, make_user, make_process, make_meeting):
    process = make_process(published=False)
    meeting = make_meeting(process, make_user("council"))
    user, mine = person(role, meeting, None) if role != "registered" else (
        make_user(), None)
    manager = role in MANAGERS
    assert can_view_meeting(user, meeting) is manager
    assert can_manage_meeting(user, meeting) is manager
    expected = RegistrationRefusal.SIGN_IN if role == "visitor" else RegistrationRefusal.PHASE
    assert why_not_register(user, meeting, registration=mine) is expected


def test_a_facilitator_of_another_process_is_a_resident_here(make_user, make_process):
    meeting, _ = meeting_in(MeetingStatus.DRAFT, "phase")
    elsewhere = make_user("facilitator", process=make_process())
    assert not can_manage_meeting(elsewhere, meeting)
    assert not can_view_meeting(elsewhere, meeting)


def test_registrations_disabled_say_so_first(make_user, make_meeting):
    meeting = make_meeting(process_for("no-phase"), make_user("council"),
                           registrations_enabled=False)
    for user in (AnonymousUserMixin(), make_user()):
        assert why_not_register(user, meeting) is RegistrationRefusal.NO_REGISTRATION


def test_registration_closes_at_its_time_and_at_the_start(make_user):
    closes = utcnow() + timedelta(days=1)
    meeting, _ = meeting_in(MeetingStatus.PUBLISHED, "phase", registration_closes_at=closes)
    resident = make_user()
    assert why_not_register(resident, meeting, now=closes - timedelta(seconds=1)) is None
    assert why_not_register(resident, meeting, now=closes) is RegistrationRefusal.CLOSED
    assert why_not_register(AnonymousUserMixin(), meeting, now=closes) is RegistrationRefusal.CLOSED

    open_until_start, _ = meeting_in(MeetingStatus.PUBLISHED, "phase",
                                     starts_at=utcnow() + timedelta(days=2))
    start = open_until_start.starts_at
    assert why_not_register(resident, open_until_start, now=start - timedelta(seconds=1)) is None
    assert why_not_register(resident, open_until_start, now=start) is RegistrationRefusal.CLOSED


def test_the_phase_is_read_at_the_moment_given(make_user):
    meeting, _ = meeting_in(MeetingStatus.PUBLISHED, "no-phase")
    resident = make_user()
    assert why_not_register(resident, meeting) is RegistrationRefusal.PHASE
    assert why_not_register(resident, meeting, now=registering_time(meeting)) is None


def test_a_cancelled_registration_may_register_again():
    meeting, registration = meeting_in(MeetingStatus.PUBLISHED, "phase")
    operations.cancel_registration(meeting, actor=registration.user)
    assert registration.status is RegistrationStatus.CANCELLED
    assert why_not_register(registration.user, meeting, registration=registration) is None
    assert not can_cancel_registration(registration.user, meeting, registration=registration)


def test_waiting_people_may_leave_the_queue_until_the_start():
    meeting, _ = meeting_in(MeetingStatus.PUBLISHED, "phase", capacity=1)
    (waiting,) = register_people(meeting, 1)
    assert waiting.status is RegistrationStatus.WAITING
    start = meeting.starts_at  # cancelling does not depend on the phase (over by then)
    assert can_cancel_registration(waiting.user, meeting, registration=waiting,
                                   now=start - timedelta(seconds=1))
    assert not can_cancel_registration(waiting.user, meeting, registration=waiting, now=start)
    assert not can_cancel_registration(AnonymousUserMixin(), meeting, registration=waiting)


# --- the online link ----------------------------------------------------------------------

LINK_ROLES = ("visitor", "resident", "confirmed", "waiting", "left", "facilitator", "council")
MOMENTS = {  # minutes from the start
    "a-day-before": -24 * 60,
    "31-minutes-before": -31,
    "30-minutes-before": -30,
    "at-the-start": 0,
    "during": 90,
    "at-the-end": 120,
    "after": 180,
}
OPEN = {"30-minutes-before", "at-the-start", "during"}


def link_people(meeting):
    """Everyone the online-link rule distinguishes, by role."""
    confirmed, waiting, left = register_people(meeting, 3)
    operations.cancel_registration(meeting, actor=left.user)
    assert (confirmed.status, waiting.status) == (RegistrationStatus.CONFIRMED,
                                                  RegistrationStatus.WAITING)
    return {
        "visitor": (AnonymousUserMixin(), None),
        "resident": (factories.make_user(), None),
        "confirmed": (confirmed.user, confirmed),
        "waiting": (waiting.user, waiting),
        "left": (left.user, left),
        "facilitator": (factories.make_user("facilitator", process=meeting.process), None),
        "council": (factories.make_user("council"), None),
    }


@pytest.mark.parametrize("kind", ["online", "hybrid"])
def test_online_link_window(kind, make_user, make_meeting):
    process = process_for("phase")
    meeting = make_meeting(process, make_user("council"), kind=kind, online_url=LINK,
                           capacity=1)
    assert meeting.ends_at - meeting.starts_at == timedelta(minutes=MOMENTS["at-the-end"])
    people = link_people(meeting)
    assert LINK_OPENS_BEFORE == timedelta(minutes=30)

    for moment, minutes in MOMENTS.items():
        now = meeting.starts_at + timedelta(minutes=minutes)
        for role, (user, mine) in people.items():
            if role in MANAGERS:
                expected = True
            else:
                expected = role == "confirmed" and moment in OPEN
            assert can_see_online_link(user, meeting, registration=mine, now=now) is expected, (
                role, moment)


def test_in_person_meetings_never_show_a_link(make_user, make_meeting):
    process = process_for("phase")
    meeting = make_meeting(process, make_user("council"), kind="in_person",
                           online_url=LINK, capacity=1)
    people = link_people(meeting)
    for minutes in MOMENTS.values():
        now = meeting.starts_at + timedelta(minutes=minutes)
        for user, mine in people.values():
            assert not can_see_online_link(user, meeting, registration=mine, now=now)


def test_no_link_for_registered_people_once_cancelled(make_user, make_meeting):
    process = process_for("phase")
    organizer = make_user("council")
    meeting = make_meeting(process, organizer, kind="online", online_url=LINK)
    (registration,) = register_people(meeting, 1)
    operations.cancel_meeting(meeting, "Pluja", actor=organizer)
    during = meeting.starts_at + timedelta(minutes=10)
    assert not can_see_online_link(registration.user, meeting, registration=registration,
                                   now=during)
    assert can_see_online_link(organizer, meeting, now=during)
