"""Builders and checks for meetings and registrations. Builders call the real operations (so every
rule they enforce holds for the rows they make) and flush, never commit."""

import itertools
from datetime import timedelta

import sqlalchemy as sa

from participa.core.types import utcnow
from participa.extensions import db
from participa.meetings import operations
from participa.meetings.models import Meeting, Registration, RegistrationStatus
from participa.processes.phases import Action, phase_allows
from tests.support import factories

_counter = itertools.count(1)


def meeting_values(**overrides) -> dict:
    """The form data of an in-person meeting a week from now (two hours long) that takes
    registrations, with ``overrides`` applied."""
    n = next(_counter)
    start = overrides.get("starts_at") or utcnow().replace(microsecond=0) + timedelta(days=7)
    data = {
        "kind": "in_person",
        "title": f"Assemblea de barri {n}",
        "description": "Parlem del **pla comunitari**.",
        "place": "Casal de barri",
        "address": "Carrer Major, 1",
        "starts_at": start,
        "ends_at": start + timedelta(hours=2),
        "organizer": "Associació de veïns",
        "registrations_enabled": True,
        "capacity": 0,
    }
    data.update(overrides)
    return data


def make_meeting(process, actor, *, publish=True, **overrides) -> Meeting:
    """A meeting made through ``create_meeting`` and (unless ``publish=False``) published."""
    meeting = operations.create_meeting(process, meeting_values(**overrides), actor=actor)
    if publish:
        operations.publish_meeting(meeting, actor=actor)
    return meeting


def meeting_data(meeting, **changes) -> dict:
    """Everything an edit form would send for ``meeting``, with ``changes`` applied."""
    data = {field: getattr(meeting, field) for field in operations.FIELDS}
    data["kind"] = meeting.kind.value
    data.update(changes)
    return data


def registering_time(meeting):
    """Now, when the process's phase takes registrations; otherwise a moment of a phase that
    did (before the meeting starts)."""
    now = utcnow()
    if phase_allows(meeting.process, Action.REGISTER, now):
        return now
    phase = min(meeting.process.phases, key=lambda p: p.starts_at)
    return phase.starts_at + timedelta(minutes=1)


def register_people(meeting, n, *, start=None, accept_terms=False) -> list:
    """``n`` new residents registering one second apart (a clear waiting order); returns
    their registrations in that order."""
    start = start or registering_time(meeting)
    registrations = []
    for i in range(n):
        person = factories.make_user()
        registrations.append(operations.register(
            meeting, actor=person, accept_terms=accept_terms, now=start + timedelta(seconds=i)))
    return registrations


def rows(meeting) -> dict:
    """How many registrations of each status the database holds for ``meeting``."""
    counts = dict(db.session.execute(
        sa.select(Registration.status, sa.func.count())
        .where(Registration.meeting_id == meeting.id).group_by(Registration.status)
    ).all())
    return {status: counts.get(status, 0) for status in RegistrationStatus}


def stored_counters(meeting) -> tuple[int, int]:
    """(registrations_count, waiting_count) as the database holds them now."""
    return tuple(db.session.execute(
        sa.select(Meeting.registrations_count, Meeting.waiting_count)
        .where(Meeting.id == meeting.id)
    ).one())


def assert_counters_match(meeting) -> None:
    counts = rows(meeting)
    assert stored_counters(meeting) == (
        counts[RegistrationStatus.CONFIRMED], counts[RegistrationStatus.WAITING]
    )


def status_of(registration) -> RegistrationStatus:
    """The registration's status as the database holds it now."""
    return db.session.scalar(
        sa.select(Registration.status).where(Registration.id == registration.id))

