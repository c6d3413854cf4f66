"""Reads about budgets: a process's budgets, the roll (who voted) and the box (what was chosen),
each read on its own — nothing here joins one to the other."""

import sqlalchemy as sa
from sqlalchemy.orm import contains_eager, selectinload

from participa.budgets.models import (
    Budget,
    BudgetBallot,
    BudgetProject,
    BudgetState,
    BudgetVoter,
    PaperCount,
)
from participa.budgets.models import budget_project_proposals as project_proposals
from participa.census.models import CensusEntry
from participa.extensions import db
from participa.processes.models import Process
from participa.proposals.models import ProposalState


def list_budgets(process) -> list[Budget]:
    return list(db.session.scalars(
        sa.select(Budget).where(Budget.process_id == process.id)
        .options(selectinload(Budget.projects), selectinload(Budget.neighbourhood))
        .order_by(Budget.id)
    ))


def count_budgets(process) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Budget)
                             .where(Budget.process_id == process.id)) or 0


def get_budget(process, budget_id: int, *, sources: bool = True) -> Budget | None:
    """The budget with its projects, and (``sources``) the proposals they come from."""
    projects = selectinload(Budget.projects)
    return db.session.scalar(
        sa.select(Budget).where(Budget.process_id == process.id, Budget.id == budget_id)
        .options(projects.selectinload(BudgetProject.proposals) if sources else projects)
    )


def get_project(budget, project_id: int) -> BudgetProject | None:
    return db.session.scalar(sa.select(BudgetProject).where(
        BudgetProject.budget_id == budget.id, BudgetProject.id == project_id))


def has_voted(budget, user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return db.session.scalar(sa.select(sa.exists().where(
        BudgetVoter.budget_id == budget.id, BudgetVoter.user_id == user.id))) or False


def voted_budget_ids(process, user) -> set[int]:
    """Which of the process's budgets ``user`` has voted in."""
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(db.session.scalars(
        sa.select(BudgetVoter.budget_id).join(Budget, Budget.id == BudgetVoter.budget_id)
        .where(Budget.process_id == process.id, BudgetVoter.user_id == user.id)))


def voters_count(budget) -> int:
    """People who voted online: the ballots in the box (as many as the roll's names, and
    also right for a budget imported from a file, which has no roll)."""
    return db.session.scalar(sa.select(sa.func.count()).select_from(BudgetBallot)
                             .where(BudgetBallot.budget_id == budget.id)) or 0


def voters_by_neighbourhood(budget) -> dict:
    """Online voters by the neighbourhood they voted from (None: not known)."""
    rows = db.session.execute(
        sa.select(BudgetVoter.neighbourhood_id, sa.func.count())
        .where(BudgetVoter.budget_id == budget.id).group_by(BudgetVoter.neighbourhood_id))
    return dict(rows.all())


def get_ballot(budget, key: str) -> BudgetBallot | None:
    return db.session.get(BudgetBallot, key)


def ballots(budget) -> list[BudgetBallot]:
    """The box, in key order: the keys are keyed hashes, so this order tells nothing."""
    return list(db.session.scalars(
        sa.select(BudgetBallot).where(BudgetBallot.budget_id == budget.id)
        .order_by(BudgetBallot.key)))


def paper_counts(budget) -> list[PaperCount]:
    return list(db.session.scalars(
        sa.select(PaperCount).where(PaperCount.budget_id == budget.id)
        .options(selectinload(PaperCount.meeting)).order_by(PaperCount.id)))


def budget_projects_from(proposal) -> list[BudgetProject]:
    """The budget projects that come from ``proposal`` (its page links to them). Only accepted
    proposals become projects: any other proposal's page asks nothing."""
    if proposal.state is not ProposalState.ACCEPTED:
        return []
    link = project_proposals
    return list(db.session.scalars(
        sa.select(BudgetProject).join(link, link.c.project_id == BudgetProject.id)
        .where(link.c.proposal_id == proposal.id)
        .options(selectinload(BudgetProject.budget)).order_by(BudgetProject.id)))


def eligible_residents(budget, on) -> int | None:
    """How many people of the census may vote in ``budget`` (its neighbourhood, its minimum
    age) on the day ``on``: the turnout's denominator, where the census decides who votes."""
    if not budget.census_required:
        return None
    query = sa.select(sa.func.count()).select_from(CensusEntry)
    if budget.neighbourhood_id:
        query = query.where(CensusEntry.neighbourhood_id == budget.neighbourhood_id)
    if budget.minimum_age:
        query = query.where(CensusEntry.birth_year <= on.year - budget.minimum_age)
    return db.session.scalar(query) or None


def budget_figures(process) -> tuple[int, int, int]:
    """(budgets, open to voting with projects to choose, results published) of ``process``,
    in one query."""
    has_projects = sa.exists().where(BudgetProject.budget_id == Budget.id)
    total, open_, published = db.session.execute(
        sa.select(sa.func.count(),
                  sa.func.count().filter(sa.and_(Budget.state == BudgetState.OPEN,
                                                 has_projects)),
                  sa.func.count().filter(Budget.state == BudgetState.PUBLISHED))
        .where(Budget.process_id == process.id)
    ).one()
    return total or 0, open_ or 0, published or 0


def list_budgets_voted_by(user, *, limit: int, offset: int = 0) -> list[tuple]:
    """(budget, day voted) for each budget of a published process the person is on the roll
    of, latest vote first, with the budgets' processes, in one query. It reads the roll only:
    where and when someone voted, never what (nothing joins the roll to the box)."""
    return [tuple(row) for row in db.session.execute(
        sa.select(Budget, BudgetVoter.voted_on)
        .join(BudgetVoter, BudgetVoter.budget_id == Budget.id)
        .join(Process, Process.id == Budget.process_id)
        .where(BudgetVoter.user_id == user.id, Process.is_published.is_(True))
        .options(contains_eager(Budget.process))
        .order_by(BudgetVoter.voted_on.desc(), Budget.id.desc())
        .limit(limit).offset(offset)
    )]
