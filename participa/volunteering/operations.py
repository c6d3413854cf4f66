"""Every write about volunteering. Flush, never commit; the actor and the clock are passed in.

Places and the waiting list hold under parallel requests: every operation that changes who has
a place first takes ``lock_row(Opportunity, id)``, then counts; a CHECK constraint refuses more
confirmed volunteers than places, and (opportunity, person) is unique. Posting for an
association needs an accepted representative of a verified one (``why_not_post``); anything
refused raises a DomainError with a translated message and changes nothing."""

from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from participa.associations.models import AreaOfWork
from participa.core.database import lock_row
from participa.core.errors import DomainError
from participa.core.models import log_action, written_in
from participa.core.text import text_value
from participa.core.types import utcnow
from participa.extensions import db
from participa.facilities.models import Facility
from participa.neighbourhoods.models import Neighbourhood
from participa.volunteering.models import (
    ADDRESS_LIMIT,
    CONTACT_LIMIT,
    DESCRIPTION_LIMIT,
    MAX_PLACES,
    PLACE_LIMIT,
    RECURRENCE_LIMIT,
    SKILLS_LIMIT,
    TITLE_LIMIT,
    Opportunity,
    OpportunityStatus,
    Schedule,
    Signup,
    SignupStatus,
)
from participa.volunteering.permissions import (
    can_manage_opportunity,
    why_not_post,
    why_not_sign_up,
)
from participa.volunteering.queries import get_signup

# the ActionLog verbs written here, as the council's log reads them
VERBS = {
    "create_opportunity": _l("posted a volunteering opportunity"),
    "update_opportunity": _l("edited a volunteering opportunity"),
    "publish_opportunity": _l("published a volunteering opportunity"),
    "close_opportunity": _l("closed a volunteering opportunity"),
    "cancel_opportunity": _l("cancelled a volunteering opportunity"),
    "email_volunteers": _l("wrote to the volunteers of an opportunity"),
}

SUBJECT_LIMIT = 150
MESSAGE_LIMIT = 5_000
REASON_LIMIT = 2_000

_ONE_LINE = _l("Write this on one line, without line breaks or invisible characters.")


def _single_line(data, name, limit):
    """An optional one-line text: refused with a clear message when it breaks a line or is
    too long."""
    value = data.get(name)
    if value is not None and not isinstance(value, str):
        raise DomainError(_ONE_LINE, field=name)
    return text_value(data, name, limit,
                      _l("Write this on one line, without line breaks or invisible "
                         "characters, in at most %(n)s characters.", n=limit),
                      required=False, one_line=True)


def _places(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_PLACES:
        raise DomainError(_l("Give a number of places between 1 and %(max)s.", max=MAX_PLACES),
                          field="places")
    return value


def _moment(data, name) -> datetime:
    value = data.get(name)
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise DomainError(_l("Give a date and time."), field=name)
    return value


def _apply(opportunity, data):
    """Check every field of ``data`` and copy it onto ``opportunity`` (nothing is copied when
    one is refused: the caller's transaction rolls back anyway)."""
    title = text_value(data, "title", TITLE_LIMIT,
                       _l("Give a title on one line, of at most %(n)s characters.",
                          n=TITLE_LIMIT), one_line=True)
    description = text_value(data, "description", DESCRIPTION_LIMIT,
                             _l("The description is too long: at most %(n)s characters.",
                                n=DESCRIPTION_LIMIT), required=False)
    try:
        schedule = Schedule(data.get("schedule") or Schedule.ONCE.value)
    except ValueError:
        raise DomainError(_l("Not a valid choice."), field="schedule") from None
    starts_at, ends_at = _moment(data, "starts_at"), _moment(data, "ends_at")
    if ends_at <= starts_at:
        raise DomainError(_l("The end must come after the start."), field="ends_at")
    recurrence = _single_line(data, "recurrence", RECURRENCE_LIMIT)
    if schedule == Schedule.RECURRING and not recurrence:
        raise DomainError(_l("Say when it repeats, for example “Saturdays 10:00–13:00”."),
                          field="recurrence")
    place = _single_line(data, "place", PLACE_LIMIT)
    address = _single_line(data, "address", ADDRESS_LIMIT)
    skills = _single_line(data, "skills", SKILLS_LIMIT)
    contact = _single_line(data, "contact", CONTACT_LIMIT)
    places = _places(data.get("places"))

    facility = None
    if data.get("facility_id"):
        facility = db.session.get(Facility, data["facility_id"])
        if facility is None:
            raise DomainError(_l("Not a valid choice."), field="facility_id")
    neighbourhood_id = data.get("neighbourhood_id") or None
    if neighbourhood_id and db.session.get(Neighbourhood, neighbourhood_id) is None:
        raise DomainError(_l("Not a valid choice."), field="neighbourhood_id")
    area_ids = sorted(set(data.get("area_ids") or []))
    areas = list(db.session.scalars(sa.select(AreaOfWork).where(AreaOfWork.id.in_(area_ids)))) \
        if area_ids else []
    if len(areas) != len(area_ids):
        raise DomainError(_l("Not a valid choice."), field="area_ids")

    if facility is not None:  # the facility gives the place, its address and its neighbourhood
        place = place or facility.name
        address = facility.address
        neighbourhood_id = neighbourhood_id or facility.neighbourhood_id
    if not place:
        raise DomainError(_l("Say where the volunteers meet."), field="place")

    opportunity.title, opportunity.description = title, description
    opportunity.schedule = schedule
    opportunity.starts_at, opportunity.ends_at = starts_at, ends_at
    opportunity.recurrence = recurrence if schedule == Schedule.RECURRING else ""
    opportunity.place, opportunity.address = place, address
    opportunity.facility_id = facility.id if facility is not None else None
    opportunity.neighbourhood_id = neighbourhood_id
    opportunity.skills, opportunity.contact = skills, contact
    opportunity.places = places
    opportunity.areas = areas


def _organiser_may(actor, association):
    refusal = why_not_post(actor, association)
    if refusal is not None:
        raise DomainError(refusal.label, field="organiser")


def _may_manage(actor, opportunity):
    if not can_manage_opportunity(actor, opportunity):
        if opportunity.association is not None:
            _organiser_may(actor, opportunity.association)
        raise DomainError(_l("You cannot change this opportunity."))


def _log(verb, opportunity, actor, **data):
    log_action(verb, opportunity, actor=actor, association_id=opportunity.association_id,
               **data)


def create_opportunity(data: dict, *, actor, association=None) -> Opportunity:
    """A draft opportunity organised by ``association`` (None: the council), posted by
    ``actor``, who must be the council or act for the (verified) association."""
    _organiser_may(actor, association)
    opportunity = Opportunity(
        association_id=association.id if association is not None else None,
        created_by_id=actor.id, status=OpportunityStatus.DRAFT, signups_count=0,
        waiting_count=0, language=written_in(actor))
    _apply(opportunity, data)
    db.session.add(opportunity)
    db.session.flush()
    _log("create_opportunity", opportunity, actor)
    return opportunity


def _locked(opportunity):
    lock_row(Opportunity, opportunity.id)
    db.session.refresh(opportunity)
    return opportunity


def update_opportunity(opportunity, data: dict, *, actor) -> tuple[Opportunity, list[Signup]]:
    """Save changes; returns the opportunity and anyone moved up from the waiting list (when
    places were added). The places cannot drop below the volunteers already signed up."""
    _may_manage(actor, _locked(opportunity))
    if opportunity.status not in (OpportunityStatus.DRAFT, OpportunityStatus.PUBLISHED):
        raise DomainError(_l("A closed or cancelled opportunity cannot be edited."))
    with db.session.no_autoflush:
        _apply(opportunity, data)
        if opportunity.places < opportunity.signups_count:
            raise DomainError(
                _l("%(n)s volunteers have already signed up: the places cannot be fewer.",
                   n=opportunity.signups_count), field="places")
    db.session.flush()
    promoted = _fill_places(opportunity)
    _log("update_opportunity", opportunity, actor)
    return opportunity, promoted


def publish_opportunity(opportunity, *, actor, now=None) -> Opportunity:
    _may_manage(actor, _locked(opportunity))
    now = now or utcnow()
    if opportunity.status != OpportunityStatus.DRAFT:
        raise DomainError(_l("Only a draft can be published."))
    if opportunity.ends_at <= now:
        raise DomainError(_l("This opportunity has already ended: change its dates before "
                             "publishing it."))
    opportunity.status = OpportunityStatus.PUBLISHED
    opportunity.published_at = now
    db.session.flush()
    _log("publish_opportunity", opportunity, actor)
    return opportunity


def close_opportunity(opportunity, *, actor, now=None) -> Opportunity:
    """Stop taking volunteers: those signed up (and waiting) keep their place."""
    _may_manage(actor, _locked(opportunity))
    if opportunity.status != OpportunityStatus.PUBLISHED:
        raise DomainError(_l("Only an open opportunity can be closed."))
    opportunity.status = OpportunityStatus.CLOSED
    opportunity.closed_at = now or utcnow()
    db.session.flush()
    _log("close_opportunity", opportunity, actor)
    return opportunity


def cancel_opportunity(opportunity, reason: str = "", *, actor, now=None) -> list[Signup]:
    """Cancel it; returns the active sign-ups whose people must be told."""
    _may_manage(actor, _locked(opportunity))
    if opportunity.status not in (OpportunityStatus.DRAFT, OpportunityStatus.PUBLISHED):
        raise DomainError(_l("This opportunity cannot be cancelled."))
    reason = text_value({"reason": reason}, "reason", REASON_LIMIT,
                        _l("The reason is too long: at most %(n)s characters.",
                           n=REASON_LIMIT), required=False)
    opportunity.status = OpportunityStatus.CANCELLED
    opportunity.cancelled_at = now or utcnow()
    db.session.flush()
    _log("cancel_opportunity", opportunity, actor, reason=reason)
    return _active_signups(opportunity)


def _active_signups(opportunity, statuses=(SignupStatus.CONFIRMED, SignupStatus.WAITING)):
    return list(db.session.scalars(
        sa.select(Signup).where(Signup.opportunity_id == opportunity.id,
                                Signup.status.in_(statuses))
        .order_by(Signup.queued_at, Signup.id)))


def _recount(opportunity):
    counts = dict(db.session.execute(
        sa.select(Signup.status, sa.func.count())
        .where(Signup.opportunity_id == opportunity.id)
        .group_by(Signup.status)
    ).all())
    opportunity.signups_count = counts.get(SignupStatus.CONFIRMED, 0)
    opportunity.waiting_count = counts.get(SignupStatus.WAITING, 0)


def sign_up(opportunity, *, actor, now=None) -> Signup:
    """A place while places remain, otherwise a place on the waiting list."""
    _locked(opportunity)
    now = now or utcnow()
    signup = get_signup(opportunity, actor)
    refusal = why_not_sign_up(actor, opportunity, signup=signup, now=now)
    if refusal is not None:
        raise DomainError(refusal.label)
    status = SignupStatus.WAITING if opportunity.is_full else SignupStatus.CONFIRMED
    if signup is None:
        signup = Signup(opportunity_id=opportunity.id, user_id=actor.id)
        db.session.add(signup)
    signup.status = status
    signup.queued_at = now
    signup.left_at = None
    db.session.flush()
    _recount(opportunity)
    db.session.flush()
    return signup


def _fill_places(opportunity) -> list[Signup]:
    """Give free places to the people waiting longest; return those moved up."""
    promoted = []
    _recount(opportunity)
    while opportunity.waiting_count and not opportunity.is_full:
        first = db.session.scalar(
            sa.select(Signup)
            .where(Signup.opportunity_id == opportunity.id,
                   Signup.status == SignupStatus.WAITING)
            .order_by(Signup.queued_at, Signup.id).limit(1))
        first.status = SignupStatus.CONFIRMED
        db.session.flush()
        promoted.append(first)
        _recount(opportunity)
    db.session.flush()
    return promoted


def leave(opportunity, *, actor, now=None) -> list[Signup]:
    """Give up a place (or a place in the queue); returns the people moved up into it."""
    _locked(opportunity)
    now = now or utcnow()
    signup = get_signup(opportunity, actor)
    if signup is None or signup.status == SignupStatus.LEFT:
        raise DomainError(_l("You have not signed up for this opportunity."))
    if opportunity.status not in (OpportunityStatus.PUBLISHED, OpportunityStatus.CLOSED) \
            or now >= opportunity.ends_at:
        raise DomainError(_l("You can no longer leave this opportunity."))
    signup.status = SignupStatus.LEFT
    signup.left_at = now
    db.session.flush()
    return _fill_places(opportunity)


def email_volunteers(opportunity, data: dict, *, actor) -> tuple[str, str, list[Signup]]:
    """Check a message to the volunteers (and, if ``data["include_waiting"]``, those waiting)
    and return (subject, body, recipients): ``notifications.send_message`` queues it."""
    _may_manage(actor, opportunity)
    if opportunity.status == OpportunityStatus.DRAFT:
        raise DomainError(_l("A draft has no volunteers yet."))
    subject = text_value(data, "subject", SUBJECT_LIMIT,
                         _l("Give a subject on one line, of at most %(n)s characters.",
                            n=SUBJECT_LIMIT), one_line=True)
    body = text_value(data, "body", MESSAGE_LIMIT,
                      _l("Write a message of at most %(n)s characters.", n=MESSAGE_LIMIT))
    statuses = (SignupStatus.CONFIRMED, SignupStatus.WAITING) if data.get("include_waiting") \
        else (SignupStatus.CONFIRMED,)
    recipients = _active_signups(opportunity, statuses)
    if not recipients:
        raise DomainError(_l("Nobody has signed up yet: there is nobody to write to."))
    _log("email_volunteers", opportunity, actor, recipients=len(recipients),
         include_waiting=bool(data.get("include_waiting")))
    return subject, body, recipients
