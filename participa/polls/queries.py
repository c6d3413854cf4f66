"""Reads about polls: a process's polls, one poll, whether someone has voted, the ballots of a
poll for its count, and the people eligible (for turnout)."""

import sqlalchemy as sa
from sqlalchemy.orm import contains_eager, selectinload

from participa.census.models import CensusVerification
from participa.extensions import db
from participa.polls.models import Poll, PollBallot, PollState, PollVoter
from participa.processes.models import Process


def list_polls(process, *, include_drafts=False) -> list[Poll]:
    """The process's polls, open ones first, then closed (newest first), then drafts."""
    query = sa.select(Poll).where(Poll.process_id == process.id)
    if not include_drafts:
        query = query.where(Poll.state != PollState.DRAFT)
    order = sa.case({PollState.OPEN.value: 0, PollState.CLOSED.value: 1}, value=Poll.state,
                    else_=2)
    return list(db.session.scalars(query.order_by(order, Poll.id.desc())))


def get_poll(process, poll_id: int) -> Poll | None:
    return db.session.scalar(
        sa.select(Poll).where(Poll.process_id == process.id, Poll.id == poll_id)
        .options(selectinload(Poll.options), selectinload(Poll.neighbourhoods))
    )


def has_voted(poll, user) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return db.session.get(PollVoter, (poll.id, user.id)) is not None


def get_ballot(key: str) -> PollBallot | None:
    """A ballot by its key (only its voter can find it: the key needs the ballot key)."""
    return db.session.get(PollBallot, key)


def voted_poll_ids(process, user) -> set[int]:
    """Of this process's polls, those ``user`` has voted in (one query)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return set()
    return set(db.session.scalars(
        sa.select(PollVoter.poll_id).join(Poll, Poll.id == PollVoter.poll_id)
        .where(Poll.process_id == process.id, PollVoter.user_id == user.id)
    ))


def list_ballots(poll) -> list[PollBallot]:
    """The poll's ballots in the order the database keeps them (random once it has closed)."""
    return list(db.session.scalars(sa.select(PollBallot).where(PollBallot.poll_id == poll.id)))


def count_visible(process) -> dict:
    """{"open": polls open, "visible": polls open or closed} in one query."""
    visible, open_ = db.session.execute(
        sa.select(sa.func.count(), sa.func.count().filter(Poll.state == PollState.OPEN))
        .where(Poll.process_id == process.id, Poll.state != PollState.DRAFT)
    ).one()
    return {"open": open_ or 0, "visible": visible or 0}


def count_eligible(poll, *, on) -> int | None:
    """How many verified residents may vote (census-verified, in the poll's neighbourhoods,
    old enough on the day ``on``); None when the poll does not use the census."""
    if not (poll.census_required or poll.minimum_age):
        return None
    query = sa.select(sa.func.count()).select_from(CensusVerification)
    if poll.census_required and poll.neighbourhoods:
        query = query.where(CensusVerification.neighbourhood_id.in_(
            [n.id for n in poll.neighbourhoods]))
    if poll.minimum_age:
        query = query.where(CensusVerification.birth_year <= on.year - poll.minimum_age)
    return db.session.scalar(query)


def list_polls_voted_by(user, *, limit: int, offset: int = 0) -> list[tuple]:
    """(poll, day of the last ballot) for each poll of a published process the person is on
    the roll of, latest first, with the polls' processes, in one query. The roll only: where
    and when, never what."""
    return [tuple(row) for row in db.session.execute(
        sa.select(Poll, PollVoter.voted_on)
        .join(PollVoter, PollVoter.poll_id == Poll.id)
        .join(Process, Process.id == Poll.process_id)
        .where(PollVoter.user_id == user.id, Process.is_published.is_(True))
        .options(contains_eager(Poll.process))
        .order_by(PollVoter.voted_on.desc(), Poll.id.desc())
        .limit(limit).offset(offset)
    )]
