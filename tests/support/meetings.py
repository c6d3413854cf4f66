"""Builders and checks for meetings and registrations. Builders call the real operations (so every
rule they enforce holds for the rows they make) and flush, never commit."""

import itertools
import re
from datetime import timedelta

import sqlalchemy as sa
from icalendar import Calendar

from participa.core.timeutil import utc_to_local
from participa.core.types import utcnow
from participa.extensions import db
from participa.meetings import operations
from participa.meetings.models import Meeting, Registration, RegistrationStatus
from participa.meetings.permissions import RegistrationRefusal
from participa.processes.phases import Action, phase_allows
from tests.support import factories

_counter = itertools.count(1)
CONFIRMED, WAITING, CANCELLED = (
    RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING, RegistrationStatus.CANCELLED,
)
LINK = "https://meet.example.org/assemblea-del-barri-vell"
LOCAL_FORMAT = "%Y-%m-%dT%H:%M"


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


def cancelled_meeting(process, actor) -> Meeting:
    """A published meeting ``actor`` has cancelled."""
    meeting = make_meeting(process, actor)
    operations.cancel_meeting(meeting, "Pluja", actor=actor)
    return meeting


def closed_meeting(process, actor) -> Meeting:
    """A published meeting ``actor`` has closed with its minutes."""
    meeting = make_meeting(process, actor)
    operations.close_meeting(meeting, {"minutes": "Acta"}, actor=actor)
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



def register(meeting, who, *, seconds=0, accept_terms=False):
    """``who`` registers through the operation, ``seconds`` after registration could start
    (a clear waiting order)."""
    return operations.register(meeting, actor=who, accept_terms=accept_terms,
                               now=registering_time(meeting) + timedelta(seconds=seconds))


def count_meetings() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Meeting))


def count_registrations() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Registration))


def refused_because(error, reason: RegistrationRefusal) -> bool:
    return str(error.value.message) == str(reason.label)


# --- through the test client ------------------------------------------------------------------


def url(process, meeting=None, action=None) -> str:
    base = f"/processes/{process.slug}/meetings"
    if meeting is None:
        return base + "/" + (action or "")
    return f"{base}/{meeting.id}" + (f"/{action}" if action else "")


def when_text(html) -> str:
    """What the meeting page says about when it happens (the visible text, not the attribute)."""
    return re.search(r"<time datetime=\"[^\"]+\">([^<]+)</time>", html).group(1)


def form_values(**overrides) -> dict:
    """What a facilitator types in the new-meeting form: an in-person meeting next July,
    18:00–20:00 Madrid time, with 30 places (2 reserved)."""
    year = utcnow().year + 1
    data = {
        "title": "Assemblea del Barri Vell",
        "description": "Parlem de la **plaça**.",
        "kind": "in_person",
        "place": "Casal de barri",
        "address": "Carrer Major, 1",
        "online_url": "",
        "starts_at": f"{year}-07-15T18:00",
        "ends_at": f"{year}-07-15T20:00",
        "organizer": "Associació de veïns",
        "step_free_access": "y",
        "accessibility_notes": "Bucle magnètic",
        "registrations_enabled": "y",
        "capacity": "30",
        "reserved_places": "2",
        "registration_closes_at": "",
        "registration_terms": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def edit_values(meeting, **overrides) -> dict:
    """What the edit form sends back for ``meeting`` unchanged, with ``overrides`` applied."""
    data = {
        "title": meeting.title,
        "description": meeting.description,
        "kind": meeting.kind.value,
        "place": meeting.place,
        "address": meeting.address,
        "online_url": meeting.online_url,
        "starts_at": utc_to_local(meeting.starts_at).strftime(LOCAL_FORMAT),
        "ends_at": utc_to_local(meeting.ends_at).strftime(LOCAL_FORMAT),
        "organizer": meeting.organizer,
        "registrations_enabled": "y" if meeting.registrations_enabled else None,
        "capacity": str(meeting.capacity),
        "reserved_places": str(meeting.reserved_places),
        "registration_terms": meeting.registration_terms,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def attachment(message):
    """The message's one .ics attachment."""
    (part,) = [p for p in message.iter_attachments() if p.get_filename().endswith(".ics")]
    assert part.get_content_type() == "text/calendar"
    return part


def attached_calendar(message) -> Calendar:
    """The attached calendar, parsed (the part declares charset=utf-8)."""
    return Calendar.from_ical(attachment(message).get_content())
