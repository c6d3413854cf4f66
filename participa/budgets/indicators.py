"""What budgets (and polls, and everything below them) offer the plans' indicators
(``participa.plans.sources``): the people taking part in the plan's processes, the ballots
cast and the turnout. Aggregate queries only: nothing is loaded row by row."""

from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from participa.budgets.models import Budget, BudgetVoter, PaperCount
from participa.comments.models import Comment
from participa.extensions import db
from participa.meetings.models import Meeting, Registration, RegistrationStatus
from participa.neighbourhoods.models import Neighbourhood
from participa.plans.models import plan_neighbourhoods
from participa.plans.sources import end_of_day, process_ids_of, register_indicator_source
from participa.polls.models import Poll, PollVoter
from participa.proposals.models import Proposal, Support


def _voters(plan, on: date) -> list:
    """Who voted online in the plan's budgets and polls by ``on``: selects of user ids, for a
    UNION (SQLite takes no UNION nested in another)."""
    processes = process_ids_of(plan)
    return [
        sa.select(BudgetVoter.user_id).join(Budget, Budget.id == BudgetVoter.budget_id)
        .where(Budget.process_id.in_(processes), BudgetVoter.voted_on <= on),
        sa.select(PollVoter.user_id).join(Poll, Poll.id == PollVoter.poll_id)
        .where(Poll.process_id.in_(processes), PollVoter.voted_on <= on),
    ]


def participants(plan, on: date) -> Decimal:
    """Distinct people who, by the end of ``on``, proposed, supported, commented, registered
    for a meeting or voted online in the plan's processes."""
    processes, until = process_ids_of(plan), end_of_day(on)
    people = sa.union(
        sa.select(Proposal.author_id).where(Proposal.process_id.in_(processes),
                                            Proposal.created_at < until,
                                            Proposal.deleted_at.is_(None)),
        sa.select(Support.user_id).where(Support.process_id.in_(processes),
                                         Support.created_at < until),
        sa.select(Comment.author_id).where(Comment.process_id.in_(processes),
                                           Comment.created_at < until,
                                           Comment.deleted_at.is_(None)),
        sa.select(Registration.user_id).join(Meeting, Meeting.id == Registration.meeting_id)
        .where(Meeting.process_id.in_(processes), Registration.created_at < until,
               Registration.status != RegistrationStatus.CANCELLED),
        *_voters(plan, on),
    ).subquery()
    return Decimal(db.session.scalar(sa.select(sa.func.count()).select_from(people)) or 0)


def ballots_cast(plan, on: date) -> Decimal:
    """Ballots cast by ``on`` in the plan's budgets (online and the paper boxes' totals) and
    polls."""
    processes = process_ids_of(plan)
    online = sa.select(sa.func.count()).select_from(BudgetVoter).join(
        Budget, Budget.id == BudgetVoter.budget_id).where(
        Budget.process_id.in_(processes), BudgetVoter.voted_on <= on).scalar_subquery()
    paper = sa.select(sa.func.coalesce(sa.func.sum(PaperCount.ballots), 0)).join(
        Budget, Budget.id == PaperCount.budget_id).where(
        Budget.process_id.in_(processes), PaperCount.created_at < end_of_day(on)
    ).scalar_subquery()
    polls = sa.select(sa.func.count()).select_from(PollVoter).join(
        Poll, Poll.id == PollVoter.poll_id).where(
        Poll.process_id.in_(processes), PollVoter.voted_on <= on).scalar_subquery()
    return Decimal(db.session.scalar(sa.select(online + paper + polls)) or 0)


def turnout(plan, on: date) -> Decimal | None:
    """People who voted online in the plan's budgets or polls, per hundred residents of its
    neighbourhoods (their population); None when no population is known."""
    population = db.session.scalar(
        sa.select(sa.func.sum(Neighbourhood.population))
        .join(plan_neighbourhoods, plan_neighbourhoods.c.neighbourhood_id == Neighbourhood.id)
        .where(plan_neighbourhoods.c.plan_id == plan.id))
    if not population:
        return None
    voters = db.session.scalar(
        sa.select(sa.func.count()).select_from(sa.union(*_voters(plan, on)).subquery())) or 0
    return (Decimal(voters) * 100 / Decimal(population)).quantize(Decimal("0.01"))


def register() -> None:
    register_indicator_source("participants",
                              _l("people taking part in the plan's processes"), participants)
    register_indicator_source("ballots_cast", _l("ballots cast in the plan's budgets and polls"),
                              ballots_cast)
    register_indicator_source(
        "turnout", _l("turnout in the plan's votes (per hundred residents)"), turnout)
