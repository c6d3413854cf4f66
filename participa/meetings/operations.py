"""Every write about meetings and registrations. Flush, never commit; the actor is passed in.

Capacity and the waiting list hold under parallel requests: every operation that changes who
has a place first takes ``lock_row(Meeting, id)``, then counts; a CHECK constraint refuses a
registrations count above the places, and (meeting, person) is unique."""

import secrets
from datetime import datetime, time, timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from participa.associations.models import Association
from participa.associations.permissions import can_act_for, is_representative
from participa.core.database import lock_row
from participa.core.errors import DomainError
from participa.core.i18n import format_clock, format_day
from participa.core.models import log_action
from participa.core.permissions import is_council
from participa.core.timeutil import local_to_utc, utc_to_local
from participa.core.translated import set_translations
from participa.core.types import utcnow
from participa.extensions import db
from participa.facilities.models import Room
from participa.meetings.models import (
    EventType,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Organiser,
    Registration,
    RegistrationStatus,
)
from participa.meetings.permissions import why_not_register
from participa.meetings.queries import get_registration

FIELDS = (
    "title", "description", "place", "address", "online_url", "starts_at", "ends_at",
    "organizer", "step_free_access", "sign_language", "childcare", "accessibility_notes",
    "registrations_enabled", "capacity", "reserved_places", "registration_closes_at",
    "registration_terms", "room_id", "price", "is_all_day",
)
TEXT_FIELDS = {"title", "description", "place", "address", "online_url", "organizer",
               "accessibility_notes", "registration_terms", "price"}
LONGEST = timedelta(days=366)  # an event lasts a year at most (an exhibition, a season)
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud at the door


# the ActionLog verbs written here, as the council's log reads them
VERBS = {
    "create_meeting": _l("created a meeting"),
    "update_meeting": _l("edited a meeting"),
    "publish_meeting": _l("published a meeting"),
    "cancel_meeting": _l("cancelled a meeting"),
    "close_meeting": _l("published a meeting's minutes"),
    "mark_attendance": _l("recorded attendance at a meeting"),
}


# the statuses that hold a room: a draft books nothing yet, a cancelled meeting frees it
BOOKING = (MeetingStatus.PUBLISHED, MeetingStatus.CLOSED)


def _check(meeting):
    if meeting.ends_at <= meeting.starts_at:
        raise DomainError(_l("The end must come after the start."), field="ends_at")
    if meeting.ends_at - meeting.starts_at > LONGEST:
        raise DomainError(_l("An event can last a year at most."), field="ends_at")
    room = meeting.room
    if room is not None and meeting.capacity > room.capacity:
        raise DomainError(
            _l("The room holds %(n)s people: give a capacity of %(n)s or fewer.",
               n=room.capacity), field="capacity")
    if meeting.kind in (MeetingKind.IN_PERSON, MeetingKind.HYBRID) and not meeting.place:
        raise DomainError(_l("Say where the meeting takes place."), field="place")
    if meeting.kind in (MeetingKind.ONLINE, MeetingKind.HYBRID) and not meeting.online_url:
        raise DomainError(_l("Give the link to join online."), field="online_url")
    if meeting.capacity and meeting.reserved_places >= meeting.capacity:
        raise DomainError(_l("Reserve fewer places than the capacity."), field="reserved_places")
    if meeting.capacity and meeting.registrations_count > meeting.available_places:
        raise DomainError(
            _l("%(n)s people are already registered: the places cannot be fewer.",
               n=meeting.registrations_count),
            field="capacity",
        )


def _whole_days(meeting):
    """An all-day event runs from its first day's midnight to its last day's 23:59 (Madrid),
    whatever hours were typed: what its page and calendars show as whole days."""
    if not meeting.is_all_day or meeting.starts_at is None or meeting.ends_at is None:
        return
    first = utc_to_local(meeting.starts_at).date()
    last = utc_to_local(meeting.ends_at).date()
    meeting.starts_at = local_to_utc(datetime.combine(first, time(0, 0)))
    meeting.ends_at = local_to_utc(datetime.combine(max(last, first), time(23, 59)))


def _apply(meeting, data):
    meeting.kind = MeetingKind(data["kind"])
    if data.get("event_type"):
        meeting.event_type = EventType(data["event_type"])
    elif meeting.event_type is None:
        meeting.event_type = EventType.MEETING
    for field in FIELDS:
        if field in data:
            value = data[field]
            if field in TEXT_FIELDS:
                value = (value or "").strip()
            elif field in ("capacity", "reserved_places"):
                value = value or 0
            setattr(meeting, field, value)
    if meeting.kind == MeetingKind.ONLINE:  # no venue: no room, no address, no step-free entrance
        meeting.place = meeting.address = ""
        meeting.step_free_access = False
        meeting.room_id = None
    elif meeting.kind == MeetingKind.IN_PERSON:
        meeting.online_url = ""
    meeting.is_all_day = bool(meeting.is_all_day)
    _whole_days(meeting)
    _take_room(meeting)


def _set_organiser(meeting, data, *, actor):
    """Who organises it: ``data["organised_by"]`` (person, association or council) and, for an
    association, ``data["association_id"]``. A new organiser is checked: the council only by
    a council member, an association only by an accepted representative of it while it is
    verified; an organiser it already has is kept (a facilitator may edit an association's
    event). Who may create or edit at all is the views' question (``permissions``)."""
    if "organised_by" not in data:
        if meeting.organised_by is None:
            meeting.organised_by = Organiser.PERSON
        return
    organised_by = Organiser(data["organised_by"])
    association_id = data.get("association_id") if organised_by == Organiser.ASSOCIATION \
        else None
    unchanged = (organised_by == meeting.organised_by
                 and association_id == meeting.association_id)
    if organised_by == Organiser.COUNCIL and not unchanged and not is_council(actor):
        raise DomainError(_l("Only the council can publish in its own name."),
                          field="organiser")
    association = None
    if organised_by == Organiser.ASSOCIATION:
        association = (db.session.get(Association, association_id)
                       if isinstance(association_id, int) else None)
        if association is None:
            raise DomainError(_l("Choose the association that organizes it."),
                              field="organiser")
        if not unchanged and not can_act_for(actor, association):
            if is_representative(actor, association):
                raise DomainError(_l("This association has not been verified by the council "
                                     "yet, so it cannot publish on the platform."),
                                  field="organiser")
            raise DomainError(_l("You do not represent this association, so you cannot act "
                                 "on its behalf."), field="organiser")
    meeting.organised_by = organised_by
    meeting.association = association
    meeting.association_id = association.id if association is not None else None


def _take_room(meeting):
    """A meeting in a room takes its place and address from the facility, and its capacity
    (when it gives none) from the room."""
    room = db.session.get(Room, meeting.room_id) if meeting.room_id else None
    meeting.room = room
    if room is None:
        return
    meeting.place = room.label
    meeting.address = room.facility.address
    if not meeting.capacity:
        meeting.capacity = room.capacity


def _lock_wanted_room(data):
    """Lock the room a meeting is about to take before the meeting points at it. On PostgreSQL,
    writing a meeting's ``room_id`` takes a share lock on the room's row (its foreign key): two
    requests that each held one and then asked for the room's row ``FOR UPDATE`` would wait for
    each other for ever."""
    room_id = data.get("room_id") if data.get("kind") != MeetingKind.ONLINE.value else None
    if isinstance(room_id, int) and not isinstance(room_id, bool):
        lock_row(Room, room_id)


def _room_is_free(meeting):
    """Refuse a second booking of the room at overlapping times. Every operation that makes a
    meeting hold a room (publishing it, editing its room or times) calls this after locking the
    meeting: the room's row is locked first (``SELECT … FOR UPDATE`` on PostgreSQL), so two
    parallel requests check one after the other and the second sees the first's booking."""
    if meeting.room_id is None or meeting.status not in BOOKING or meeting.hidden_at is not None:
        return
    lock_row(Room, meeting.room_id)
    other = db.session.scalar(
        sa.select(Meeting).where(
            Meeting.room_id == meeting.room_id, Meeting.id != meeting.id,
            Meeting.status.in_(BOOKING), Meeting.hidden_at.is_(None),
            Meeting.starts_at < meeting.ends_at, Meeting.ends_at > meeting.starts_at,
        ).order_by(Meeting.starts_at).limit(1)
    )
    if other is not None:
        raise DomainError(
            _l("The room is already booked on %(day)s from %(start)s to %(end)s "
               "(“%(title)s”). Choose another room or another time.",
               day=format_day(other.starts_at, "full"), start=format_clock(other.starts_at),
               end=format_clock(other.ends_at), title=other.title),
            field="room_id")


def create_meeting(process, data: dict, *, actor, translations=None) -> Meeting:
    meeting = Meeting(process=process, created_by_id=actor.id, status=MeetingStatus.DRAFT,
                      capacity=0, reserved_places=0, registrations_count=0, waiting_count=0,
                      sequence=0, organised_by=None, event_type=None, is_all_day=False)
    _set_organiser(meeting, data, actor=actor)
    _lock_wanted_room(data)
    _apply(meeting, data)
    set_translations(meeting, translations)
    _check(meeting)
    _room_is_free(meeting)
    db.session.add(meeting)
    db.session.flush()
    log_action("create_meeting", meeting, actor=actor, process_id=process.id)
    return meeting


def update_meeting(meeting, data: dict, *, actor,
                   translations=None) -> tuple[Meeting, list[Registration]]:
    """Save changes; returns the meeting and anyone promoted from the waiting list (when
    places were added). ``translations``: its title and description in the other languages
    (``None`` keeps those it has)."""
    lock_row(Meeting, meeting.id)
    db.session.refresh(meeting)
    if meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.CLOSED):
        raise DomainError(_l("A cancelled or held meeting cannot be edited."))
    _set_organiser(meeting, data, actor=actor)
    _lock_wanted_room(data)
    _apply(meeting, data)
    set_translations(meeting, translations)
    _check(meeting)
    _room_is_free(meeting)
    meeting.sequence += 1
    db.session.flush()
    promoted = _fill_places(meeting)  # more places may free the waiting list
    log_action("update_meeting", meeting, actor=actor, process_id=meeting.process_id)
    return meeting, promoted


def publish_meeting(meeting, *, actor) -> Meeting:
    lock_row(Meeting, meeting.id)
    db.session.refresh(meeting)
    if meeting.status != MeetingStatus.DRAFT:
        raise DomainError(_l("Only a draft meeting can be published."))
    meeting.status = MeetingStatus.PUBLISHED
    _room_is_free(meeting)  # publishing books its room
    db.session.flush()
    log_action("publish_meeting", meeting, actor=actor, process_id=meeting.process_id)
    return meeting


def cancel_meeting(meeting, reason: str, *, actor) -> list[Registration]:
    """Cancel with a reason; returns the registrations whose people must be told."""
    lock_row(Meeting, meeting.id)
    db.session.refresh(meeting)
    if meeting.status not in (MeetingStatus.DRAFT, MeetingStatus.PUBLISHED):
        raise DomainError(_l("This meeting cannot be cancelled."))
    if not (reason or "").strip():
        raise DomainError(_l("Say why the meeting is cancelled."), field="reason")
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancelled_at = utcnow()
    meeting.cancellation_reason = reason.strip()
    meeting.sequence += 1
    db.session.flush()
    log_action("cancel_meeting", meeting, actor=actor, process_id=meeting.process_id)
    return list(db.session.scalars(
        sa.select(Registration).where(
            Registration.meeting_id == meeting.id,
            Registration.status != RegistrationStatus.CANCELLED,
        ).order_by(Registration.id)
    ))


def close_meeting(meeting, data: dict, *, actor) -> Meeting:
    """Record what happened: minutes, attendance, organizations, proposals discussed."""
    if meeting.status not in (MeetingStatus.PUBLISHED, MeetingStatus.CLOSED):
        raise DomainError(_l("Only a published meeting can be closed."))
    meeting.minutes = (data.get("minutes") or "").strip()
    meeting.attendees_count = data.get("attendees_count")
    meeting.attending_organizations = (data.get("attending_organizations") or "").strip()
    meeting.proposals = list(data.get("proposals") or [])
    if any(p.process_id != meeting.process_id for p in meeting.proposals):
        raise DomainError(_l("Link only proposals of this process."), field="proposal_ids")
    meeting.status = MeetingStatus.CLOSED
    meeting.closed_at = meeting.closed_at or utcnow()
    db.session.flush()
    log_action("close_meeting", meeting, actor=actor, process_id=meeting.process_id,
               attendees=meeting.attendees_count)
    return meeting


def _recount(meeting):
    counts = dict(db.session.execute(
        sa.select(Registration.status, sa.func.count())
        .where(Registration.meeting_id == meeting.id)
        .group_by(Registration.status)
    ).all())
    meeting.registrations_count = counts.get(RegistrationStatus.CONFIRMED, 0)
    meeting.waiting_count = counts.get(RegistrationStatus.WAITING, 0)


def _new_code(meeting) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))
        if db.session.scalar(sa.select(Registration.id).where(
                Registration.meeting_id == meeting.id, Registration.code == code)) is None:
            return code


def register(meeting, *, actor, accept_terms=False, now=None) -> Registration:
    """A place if there is one, otherwise a place on the waiting list."""
    lock_row(Meeting, meeting.id)
    db.session.refresh(meeting)
    registration = get_registration(meeting, actor)
    refusal = why_not_register(actor, meeting, registration=registration, now=now)
    if refusal is not None:
        raise DomainError(refusal.label)
    if meeting.registration_terms and not accept_terms:
        raise DomainError(_l("Accept the registration terms to register."), field="accept_terms")
    status = RegistrationStatus.WAITING if meeting.is_full else RegistrationStatus.CONFIRMED
    if registration is None:
        registration = Registration(meeting_id=meeting.id, user_id=actor.id,
                                    code=_new_code(meeting))
        db.session.add(registration)
    registration.status = status
    registration.queued_at = now or utcnow()
    registration.cancelled_at = None
    db.session.flush()
    _recount(meeting)
    db.session.flush()
    return registration


def _fill_places(meeting) -> list[Registration]:
    """Give free places to the people waiting longest; return those promoted."""
    promoted = []
    _recount(meeting)
    while meeting.waiting_count and not meeting.is_full:
        first = db.session.scalar(
            sa.select(Registration)
            .where(Registration.meeting_id == meeting.id,
                   Registration.status == RegistrationStatus.WAITING)
            .order_by(Registration.queued_at, Registration.id)
            .limit(1)
        )
        first.status = RegistrationStatus.CONFIRMED
        db.session.flush()
        promoted.append(first)
        _recount(meeting)
    db.session.flush()
    return promoted


def cancel_registration(meeting, *, actor, now=None) -> list[Registration]:
    """Give up a place (or a place in the queue); returns the people promoted into it."""
    lock_row(Meeting, meeting.id)
    db.session.refresh(meeting)
    registration = get_registration(meeting, actor)
    if registration is None or registration.status == RegistrationStatus.CANCELLED:
        raise DomainError(_l("You are not registered for this meeting."))
    if meeting.status != MeetingStatus.PUBLISHED or (now or utcnow()) >= meeting.starts_at:
        raise DomainError(_l("This registration can no longer be cancelled."))
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = now or utcnow()
    db.session.flush()
    return _fill_places(meeting)


def mark_attendance(meeting, code: str, *, actor) -> Registration:
    """Mark the person holding this code as present (codes are read at the door)."""
    code = (code or "").strip().upper()
    registration = db.session.scalar(sa.select(Registration).where(
        Registration.meeting_id == meeting.id, Registration.code == code))
    if registration is None or registration.status != RegistrationStatus.CONFIRMED:
        raise DomainError(_l("No confirmed registration has this code."), field="code")
    if registration.attended_at is None:
        registration.attended_at = utcnow()
        db.session.flush()
        log_action("mark_attendance", meeting, actor=actor, registration_id=registration.id)
    return registration


