"""Who may do what with meetings. Pure predicates shared by views (403) and templates.

- A process's facilitators and the council create and manage its meetings and events.
- As residents of Decidim or CONSUL expect of a group that organises things, an accepted
  representative of a verified association also proposes events in a published process that
  has not finished — always as the association (``can_create_meeting``, given the
  associations they act for) — and manages the ones the association organises while they
  still act for it (``can_act_for``): edit, publish, cancel, registrations, minutes."""

from datetime import timedelta

from flask_babel import lazy_gettext as _l

from participa.associations.permissions import can_act_for
from participa.core.enums import LabelledEnum
from participa.core.permissions import is_signed_in
from participa.core.types import utcnow
from participa.meetings.models import MeetingKind, MeetingStatus, RegistrationStatus
from participa.processes.permissions import can_manage_process, can_view_process
from participa.processes.phases import Action, ProcessStatus, phase_allows, process_status

# the online link appears this long before the start, for the people registered
LINK_OPENS_BEFORE = timedelta(minutes=30)


class RegistrationRefusal(LabelledEnum):
    SIGN_IN = "sign_in", _l("Sign in to register for this meeting.")
    NO_REGISTRATION = "no_registration", _l("No registration needed: just come along.")
    NOT_OPEN = "not_open", _l("This meeting is not open for registration.")
    CLOSED = "closed", _l("Registration for this meeting has closed.")
    PHASE = "phase", _l("The current phase of this process does not take registrations.")
    ALREADY = "already", _l("You are already registered for this meeting.")


def can_create_meeting(user, process, associations=()) -> bool:
    """Its managers; or someone acting for an association (``associations``: the verified ones
    they represent, ``represented_associations(user)``) in a published process not finished."""
    if can_manage_process(user, process):
        return True
    return (is_signed_in(user) and not getattr(user, "is_blocked", False)
            and bool(associations) and process.is_published
            and process_status(process) != ProcessStatus.FINISHED)


def can_manage_meeting(user, meeting) -> bool:
    """The process's managers, and the representatives of the association organising it."""
    if can_manage_process(user, meeting.process):
        return True
    return meeting.association_id is not None and can_act_for(user, meeting.association)


def can_edit_meeting(user, meeting) -> bool:
    """Its managers, while it is a draft or published (not once cancelled or held)."""
    return can_manage_meeting(user, meeting) and meeting.status in (
        MeetingStatus.DRAFT, MeetingStatus.PUBLISHED)


def can_publish_meeting(user, meeting) -> bool:
    return can_manage_meeting(user, meeting) and meeting.status is MeetingStatus.DRAFT


def can_cancel_meeting(user, meeting) -> bool:
    return can_edit_meeting(user, meeting)


def can_close_meeting(user, meeting) -> bool:
    """Writing the minutes of a published meeting, or editing those of a held one."""
    return can_manage_meeting(user, meeting) and meeting.status in (
        MeetingStatus.PUBLISHED, MeetingStatus.CLOSED)


def can_view_meeting(user, meeting) -> bool:
    if not can_view_process(user, meeting.process):
        return False
    return meeting.status != MeetingStatus.DRAFT or can_manage_meeting(user, meeting)


def why_not_register(user, meeting, *, registration=None,
                     now=None) -> RegistrationRefusal | None:
    """Why ``user`` may not register (None: they may). ``registration`` is their current one."""
    now = now or utcnow()
    if not meeting.registrations_enabled:
        return RegistrationRefusal.NO_REGISTRATION
    if meeting.status != MeetingStatus.PUBLISHED or meeting.hidden_at is not None:
        return RegistrationRefusal.NOT_OPEN
    if now >= meeting.starts_at or (
        meeting.registration_closes_at is not None and now >= meeting.registration_closes_at
    ):
        return RegistrationRefusal.CLOSED
    if not is_signed_in(user):
        return RegistrationRefusal.SIGN_IN
    if not phase_allows(meeting.process, Action.REGISTER, now):
        return RegistrationRefusal.PHASE
    if registration is not None and registration.status != RegistrationStatus.CANCELLED:
        return RegistrationRefusal.ALREADY
    return None


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
