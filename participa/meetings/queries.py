"""Reads about meetings: a process's list, the town's agenda, calendar feeds, registrations.

Lists load what they show in a fixed number of queries (process and plan joined in, the
processes' neighbourhoods, phases and categories in one SELECT each), never one per row."""

from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.orm import aliased, contains_eager, joinedload

from participa.core.pagination import Page, page_of
from participa.core.types import utcnow
from participa.extensions import db
from participa.facilities.models import Room
from participa.meetings.models import (
    Meeting,
    MeetingStatus,
    Organiser,
    Registration,
    RegistrationStatus,
    meeting_proposals,
)
from participa.processes.models import Process
from participa.proposals.models import Proposal

WHEN = ("upcoming", "past")
FEED_HISTORY = timedelta(days=366)  # feeds carry a year of past meetings, not the whole archive
PUBLIC = (MeetingStatus.PUBLISHED, MeetingStatus.CANCELLED, MeetingStatus.CLOSED)


def _public_in_published_processes():
    return sa.and_(Meeting.status.in_(PUBLIC), Process.is_published.is_(True),
                   Meeting.hidden_at.is_(None))


_DISCUSSED_IN = (
    sa.select(Meeting.id, Meeting.title, Meeting.starts_at)
    .join(meeting_proposals, meeting_proposals.c.meeting_id == Meeting.id)
    .where(meeting_proposals.c.proposal_id == sa.bindparam("proposal_id"),
           Meeting.status == MeetingStatus.CLOSED, Meeting.hidden_at.is_(None))
    .order_by(Meeting.starts_at, Meeting.id)
)


def meetings_that_discussed(proposal) -> list:
    """The held meetings that discussed a proposal (its page links them): id, title and start
    of each, never a meeting hidden by moderation."""
    return db.session.execute(_DISCUSSED_IN, {"proposal_id": proposal.id}).all()


def _upcoming(now):
    """Not over yet and not held: published (or cancelled, so people see it is off)."""
    return sa.and_(
        Meeting.ends_at > now,
        Meeting.status.in_((MeetingStatus.PUBLISHED, MeetingStatus.CANCELLED)),
    )


def _past(now):
    """Over (or already closed with its minutes), and not cancelled."""
    return sa.or_(
        Meeting.status == MeetingStatus.CLOSED,
        sa.and_(Meeting.ends_at <= now, Meeting.status == MeetingStatus.PUBLISHED),
    )


def _with_process(query):
    return query.join(Meeting.process).options(joinedload(Meeting.process))


def get_meeting(process, meeting_id: int) -> Meeting | None:
    """One meeting of this process (any status: the view decides who may see it)."""
    return db.session.scalar(
        sa.select(Meeting).where(Meeting.process_id == process.id, Meeting.id == meeting_id)
    )


def get_registration(meeting, user) -> Registration | None:
    return db.session.scalar(sa.select(Registration).where(
        Registration.meeting_id == meeting.id, Registration.user_id == user.id))


def get_meeting_by_id(meeting_id: int) -> Meeting | None:
    return db.session.scalar(
        sa.select(Meeting).where(Meeting.id == meeting_id).options(joinedload(Meeting.process))
    )


def list_process_meetings(process, *, include_drafts=False, now=None,
                          past_page=1, per_page=20) -> tuple[list[Meeting], Page]:
    """A process's meetings: every upcoming one (drafts only for its managers), soonest
    first, and one page of past ones, latest first."""
    now = now or utcnow()
    base = sa.select(Meeting).where(Meeting.process_id == process.id, Meeting.hidden_at.is_(None))
    upcoming = _upcoming(now)
    if include_drafts:
        upcoming = sa.or_(upcoming, sa.and_(Meeting.status == MeetingStatus.DRAFT,
                                            Meeting.ends_at > now))
    upcoming_rows = list(db.session.scalars(
        base.where(upcoming).order_by(Meeting.starts_at, Meeting.id)
    ))
    past = _past(now)
    if include_drafts:
        past = sa.or_(past, sa.and_(Meeting.status == MeetingStatus.DRAFT,
                                    Meeting.ends_at <= now))
    past_rows = list(db.session.scalars(
        base.where(past).order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        .limit(per_page + 1).offset((past_page - 1) * per_page)
    ))
    return upcoming_rows, page_of(past_rows, past_page, per_page)


def list_town_meetings(*, when="upcoming", neighbourhood_id=None, plan_id=None, kind=None,
                       page=1, per_page=20, now=None) -> Page:
    """The whole town's agenda (published processes, no drafts): upcoming ones soonest first,
    or past ones latest first. Filters: a neighbourhood of the process, its plan, the kind."""
    now = now or utcnow()
    query = _with_process(sa.select(Meeting)).where(_public_in_published_processes())
    if when == "past":
        query = query.where(_past(now)).order_by(Meeting.starts_at.desc(), Meeting.id.desc())
    else:
        query = query.where(_upcoming(now)).order_by(Meeting.starts_at, Meeting.id)
    if neighbourhood_id:
        query = query.where(Process.neighbourhoods.any(id=neighbourhood_id))
    if plan_id:
        query = query.where(Process.plan_id == plan_id)
    if kind is not None:
        query = query.where(Meeting.kind == kind)
    rows = list(db.session.scalars(query.limit(per_page + 1).offset((page - 1) * per_page)))
    return page_of(rows, page, per_page)


def list_upcoming_meetings(limit=5, now=None) -> list[Meeting]:
    """The next published meetings in the town (the home page), cancelled ones left out."""
    now = now or utcnow()
    query = (
        _with_process(sa.select(Meeting))
        .where(_public_in_published_processes(), Meeting.ends_at > now,
               Meeting.status == MeetingStatus.PUBLISHED)
        .order_by(Meeting.starts_at, Meeting.id)
        .limit(limit)
    )
    return list(db.session.scalars(query))


def _in_facility(facility):
    return Meeting.room_id.in_(sa.select(Room.id).where(Room.facility_id == facility.id))


def list_facility_meetings(facility, *, limit=20, now=None) -> list[Meeting]:
    """The next published meetings held in a facility's rooms (its page), soonest first: of
    published processes, never hidden, cancelled ones left out."""
    now = now or utcnow()
    return list(db.session.scalars(
        _with_process(sa.select(Meeting))
        .where(_public_in_published_processes(), _in_facility(facility), Meeting.ends_at > now,
               Meeting.status == MeetingStatus.PUBLISHED)
        .order_by(Meeting.starts_at, Meeting.id)
        .limit(limit)
    ))


def list_room_meetings_over(room, *, now=None) -> list[Meeting]:
    """The meetings still to come in ``room`` (drafts and published) whose capacity is above
    the room's: what stops the room's capacity being lowered."""
    now = now or utcnow()
    return list(db.session.scalars(
        sa.select(Meeting).where(
            Meeting.room_id == room.id, Meeting.ends_at > now,
            Meeting.status.in_((MeetingStatus.DRAFT, MeetingStatus.PUBLISHED)),
            Meeting.capacity > room.capacity,
        ).order_by(Meeting.starts_at, Meeting.id)
    ))


def list_meetings_at(facility, *, now=None) -> list[Meeting]:
    """The meetings still to come in a facility's rooms (drafts and published), with their
    rooms: those whose place follows the facility's name and address."""
    now = now or utcnow()
    return list(db.session.scalars(
        sa.select(Meeting).where(
            _in_facility(facility), Meeting.ends_at > now,
            Meeting.status.in_((MeetingStatus.DRAFT, MeetingStatus.PUBLISHED)),
        ).options(joinedload(Meeting.room).joinedload(Room.facility))
    ))


def list_feed_meetings(*, process=None, plan=None, facility=None, now=None) -> list[Meeting]:
    """What a calendar feed carries: published, cancelled and held meetings (never drafts) of
    published processes, from a year ago on, oldest first."""
    now = now or utcnow()
    query = (
        _with_process(sa.select(Meeting))
        .where(_public_in_published_processes(), Meeting.ends_at > now - FEED_HISTORY)
        .options(joinedload(Meeting.association))
        .order_by(Meeting.starts_at, Meeting.id)
    )
    if process is not None:
        query = query.where(Meeting.process_id == process.id)
    if plan is not None:
        query = query.where(Process.plan_id == plan.id)
    if facility is not None:
        query = query.where(_in_facility(facility))
    return list(db.session.scalars(query))


def list_association_meetings(association, *, limit=20, now=None) -> list[Meeting]:
    """What an association organises (its page), in one query: the public ones of published
    processes, never hidden — those still to come first (soonest first), then past ones
    (latest first)."""
    now = now or utcnow()
    coming = Meeting.ends_at > now
    return list(db.session.scalars(
        _with_process(sa.select(Meeting))
        .where(_public_in_published_processes(), Meeting.association_id == association.id)
        .order_by(sa.case((coming, 0), else_=1), sa.case((coming, Meeting.starts_at)),
                  Meeting.starts_at.desc(), Meeting.id)
        .limit(limit)
    ))


def list_agenda_meetings(*, since, until, neighbourhood_id=None, plan_id=None,
                         event_type=None, facility_id=None, association_id=None,
                         council=False, limit=None) -> list[Meeting]:
    """The town's agenda (``since``/``until``: UTC; ``until`` None: no end): every published,
    cancelled or held meeting or event of a published process that overlaps the period, never
    a draft nor one hidden by moderation, soonest first, in one query with its process, room,
    facility, association and creator. Filters: the process's neighbourhood or plan, the
    type, the facility, the organising association (or ``council``)."""
    query = (
        _with_process(sa.select(Meeting))
        .where(_public_in_published_processes(), Meeting.ends_at > since)
        .options(joinedload(Meeting.room).joinedload(Room.facility),
                 joinedload(Meeting.association), joinedload(Meeting.created_by))
        .order_by(Meeting.starts_at, Meeting.id)
    )
    if until is not None:
        query = query.where(Meeting.starts_at < until)
    if neighbourhood_id:
        query = query.where(Process.neighbourhoods.any(id=neighbourhood_id))
    if plan_id:
        query = query.where(Process.plan_id == plan_id)
    if event_type is not None:
        query = query.where(Meeting.event_type == event_type)
    if facility_id:
        query = query.where(Meeting.room_id.in_(
            sa.select(Room.id).where(Room.facility_id == facility_id)))
    if council:
        query = query.where(Meeting.organised_by == Organiser.COUNCIL)
    elif association_id:
        query = query.where(Meeting.association_id == association_id)
    if limit is not None:
        query = query.limit(limit)
    return list(db.session.scalars(query))


def list_registrations(meeting) -> dict[RegistrationStatus, list[Registration]]:
    """Everyone registered: confirmed (in order of registration) and waiting (in queue order),
    with their accounts, in one query."""
    rows = db.session.scalars(
        sa.select(Registration)
        .where(Registration.meeting_id == meeting.id,
               Registration.status != RegistrationStatus.CANCELLED)
        .order_by(Registration.queued_at, Registration.id)
        .options(joinedload(Registration.user))
    )
    grouped = {RegistrationStatus.CONFIRMED: [], RegistrationStatus.WAITING: []}
    for registration in rows:
        grouped[registration.status].append(registration)
    return grouped


def list_process_proposals(process) -> list[Proposal]:
    """The proposals a meeting's minutes can link to (the process's, not deleted)."""
    return list(db.session.scalars(
        sa.select(Proposal)
        .where(Proposal.process_id == process.id, Proposal.deleted_at.is_(None))
        .order_by(Proposal.id)
    ))


def get_proposals(process, ids) -> list[Proposal]:
    if not ids:
        return []
    return list(db.session.scalars(
        sa.select(Proposal)
        .where(Proposal.process_id == process.id, Proposal.deleted_at.is_(None),
               Proposal.id.in_(list(ids)))
        .order_by(Proposal.id)
    ))


def waiting_position(registration) -> int:
    """Where this person stands on the waiting list (1 = next to get a place)."""
    return 1 + db.session.scalar(
        sa.select(sa.func.count()).select_from(Registration).where(
            Registration.meeting_id == registration.meeting_id,
            Registration.status == RegistrationStatus.WAITING,
            sa.or_(
                Registration.queued_at < registration.queued_at,
                sa.and_(Registration.queued_at == registration.queued_at,
                        Registration.id < registration.id),
            ),
        )
    )


def meeting_figures(process, now=None) -> tuple[int, int, int]:
    """(public, upcoming, open to registration) meetings of ``process``, in one query: the
    upcoming ones are published and not over; registration is open while it is enabled and
    its closing time (if any) has not passed."""
    now = now or utcnow()
    upcoming = sa.and_(Meeting.status == MeetingStatus.PUBLISHED, Meeting.ends_at > now)
    registering = sa.and_(upcoming, Meeting.registrations_enabled.is_(True),
                          sa.or_(Meeting.registration_closes_at.is_(None),
                                 Meeting.registration_closes_at > now))
    public, coming, open_ = db.session.execute(
        sa.select(sa.func.count(), sa.func.count().filter(upcoming),
                  sa.func.count().filter(registering))
        .where(Meeting.process_id == process.id, Meeting.hidden_at.is_(None),
               Meeting.status.in_(PUBLIC))
    ).one()
    return public or 0, coming or 0, open_ or 0


# -- the reader's own places: "my participation" and the meeting cards ------------------------


def _position_in_queue():
    """Where a waiting registration stands (1 = next), as a column correlated to the
    registration of the row."""
    ahead = aliased(Registration)
    return 1 + (
        sa.select(sa.func.count()).select_from(ahead)
        .where(ahead.meeting_id == Registration.meeting_id,
               ahead.status == RegistrationStatus.WAITING,
               sa.or_(ahead.queued_at < Registration.queued_at,
                      sa.and_(ahead.queued_at == Registration.queued_at,
                              ahead.id < Registration.id)))
        .correlate(Registration).scalar_subquery()
    )


def registration_states(user, meeting_ids) -> dict:
    """{meeting id: (status, waiting position or None)} of the person's live registrations
    (confirmed or waiting) among these meetings, in one query: what their cards say."""
    ids = list(meeting_ids)
    if not ids:
        return {}
    waiting = Registration.status == RegistrationStatus.WAITING
    rows = db.session.execute(
        sa.select(Registration.meeting_id, Registration.status,
                  sa.case((waiting, _position_in_queue()), else_=None))
        .where(Registration.user_id == user.id, Registration.meeting_id.in_(ids),
               Registration.status != RegistrationStatus.CANCELLED)
    )
    return {meeting_id: (status, position) for meeting_id, status, position in rows}


def list_registrations_of(user, *, limit: int, offset: int = 0, now=None) -> list[tuple]:
    """The person's places (confirmed or waiting) at meetings of published processes, with
    each meeting and its process and, on a waiting list, the position — one query: meetings
    still to come first (soonest first), then past ones (latest first)."""
    now = now or utcnow()
    coming = Meeting.ends_at > now
    waiting = Registration.status == RegistrationStatus.WAITING
    return [tuple(row) for row in db.session.execute(
        sa.select(Registration, Meeting, sa.case((waiting, _position_in_queue()), else_=None))
        .join(Meeting, Meeting.id == Registration.meeting_id)
        .join(Process, Process.id == Meeting.process_id)
        .where(Registration.user_id == user.id,
               Registration.status != RegistrationStatus.CANCELLED,
               Process.is_published.is_(True), Meeting.status != MeetingStatus.DRAFT)
        .options(contains_eager(Meeting.process))
        .order_by(sa.case((coming, 0), else_=1), sa.case((coming, Meeting.starts_at)),
                  Meeting.starts_at.desc(), Registration.id.desc())
        .limit(limit).offset(offset)
    )]
