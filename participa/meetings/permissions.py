"""Who may do what with meetings. Pure predicates shared by views (403) and templates."""

import enum
from datetime import timedelta

from flask_babel import lazy_gettext as _l

from participa.core.permissions import is_signed_in
from participa.core.types import utcnow
from participa.meetings.models import MeetingKind, MeetingStatus, RegistrationStatus
from participa.processes.permissions import can_manage_process, can_view_process
from participa.processes.phases import Action, phase_allows

# the online link appears this long before the start, for the people registered
LINK_OPENS_BEFORE = timedelta(minutes=30)


class Closed(enum.Enum):
    SIGN_IN = "sign_in"
    NO_REGISTRATION = "no_registration"
    NOT_OPEN = "not_open"
    CLOSED = "closed"
    PHASE = "phase"
    ALREADY = "already"

    @property
    def label(self):
        return CLOSED_LABELS[self]


CLOSED_LABELS = {
    Closed.SIGN_IN: _l("Sign in to register for this meeting."),
    Closed.NO_REGISTRATION: _l("This meeting does not take registrations: just come along."),
    Closed.NOT_OPEN: _l("This meeting is not open for registration."),
    Closed.CLOSED: _l("Registration for this meeting has closed."),
    Closed.PHASE: _l("The current phase of this process does not take registrations."),
    Closed.ALREADY: _l("You are already registered for this meeting."),
}


def can_manage_meeting(user, meeting) -> bool:
    return can_manage_process(user, meeting.process)


def can_view_meeting(user, meeting) -> bool:
    if not can_view_process(user, meeting.process):
        return False
    return meeting.status != MeetingStatus.DRAFT or can_manage_meeting(user, meeting)


def registration_closed(user, meeting, *, registration=None, now=None) -> Closed | None:
    """Why ``user`` may not register (None: they may). ``registration`` is their current one."""
    now = now or utcnow()
    if not meeting.registrations_enabled:
        return Closed.NO_REGISTRATION
    if meeting.status != MeetingStatus.PUBLISHED:
        return Closed.NOT_OPEN
    if now >= meeting.starts_at or (
        meeting.registration_closes_at is not None and now >= meeting.registration_closes_at
    ):
        return Closed.CLOSED
    if not is_signed_in(user):
        return Closed.SIGN_IN
    if not phase_allows(meeting.process, Action.REGISTER, now):
        return Closed.PHASE
    if registration is not None and registration.status != RegistrationStatus.CANCELLED:
        return Closed.ALREADY
    return None


def can_register(user, meeting, *, registration=None, now=None) -> bool:
    return registration_closed(user, meeting, registration=registration, now=now) is None


def can_cancel_registration(user, meeting, *, registration=None, now=None) -> bool:
    now = now or utcnow()
    return (
        is_signed_in(user)
        and registration is not None
        and registration.status != RegistrationStatus.CANCELLED
        and meeting.status == MeetingStatus.PUBLISHED
        and now < meeting.starts_at
    )


def can_see_online_link(user, meeting, *, registration=None, now=None) -> bool:
    """Managers always; registered people from shortly before the start until the end."""
    if meeting.kind == MeetingKind.IN_PERSON or not meeting.online_url:
        return False
    if can_manage_meeting(user, meeting):
        return True
    now = now or utcnow()
    return (
        registration is not None
        and registration.status == RegistrationStatus.CONFIRMED
        and meeting.status == MeetingStatus.PUBLISHED
        and meeting.starts_at - LINK_OPENS_BEFORE <= now < meeting.ends_at
    )
