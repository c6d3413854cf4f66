"""Reads about results: lists (eager-loaded, paginated), a result with its timeline, what the
proposal and budget project pages show, and the open data."""

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from participa.core.pagination import page_of
from participa.extensions import db
from participa.plans.models import CommunityPlan, PlanStatus
from participa.processes.models import Process
from participa.proposals.models import ProposalState
from participa.results.models import Result, ResultStatus, ResultUpdate

PER_PAGE = 30


def get_plan_alone(slug: str) -> CommunityPlan | None:
    """A plan by its address, without its processes or neighbourhoods (a dashboard reads its
    figures apart)."""
    return db.session.scalar(sa.select(CommunityPlan).where(CommunityPlan.slug == slug))


def list_statuses() -> list[ResultStatus]:
    return list(db.session.scalars(sa.select(ResultStatus)
                                   .order_by(ResultStatus.position, ResultStatus.id)))


def _public(query):
    """Only what everyone may read: published results of public plans and, when they belong
    to a process, of published processes."""
    return (query.join(CommunityPlan, CommunityPlan.id == Result.plan_id)
            .outerjoin(Process, Process.id == Result.process_id)
            .where(Result.published_at.is_not(None), CommunityPlan.status != PlanStatus.DRAFT,
                   sa.or_(Result.process_id.is_(None), Process.is_published.is_(True))))


def list_results(*, plan=None, process=None, status_id=None, neighbourhood_id=None,
                 drafts=False, page=1, per_page=PER_PAGE):
    """One page of results (a ``Page``), oldest first; ``drafts``: the council's view, with
    drafts. Whatever the page holds, it costs the same few queries."""
    query = sa.select(Result)
    if not drafts:
        query = _public(query)
    if plan is not None:
        query = query.where(Result.plan_id == plan.id)
    if process is not None:
        query = query.where(Result.process_id == process.id)
    if status_id:
        query = query.where(Result.status_id == status_id)
    if neighbourhood_id:
        query = query.where(Result.neighbourhood_id == neighbourhood_id)
    query = (query.options(joinedload(Result.status), joinedload(Result.neighbourhood),
                           joinedload(Result.category), joinedload(Result.plan),
                           joinedload(Result.parent))
             .order_by(Result.id).offset((page - 1) * per_page).limit(per_page + 1))
    return page_of(list(db.session.scalars(query)), page, per_page)


def get_result(result_id: int) -> Result | None:
    """A result with what its page shows: status, goals, parts, parent, origin and timeline."""
    return db.session.scalar(
        sa.select(Result).where(Result.id == result_id)
        .options(joinedload(Result.status), joinedload(Result.plan),
                 joinedload(Result.neighbourhood), joinedload(Result.category),
                 joinedload(Result.parent), selectinload(Result.goals),
                 selectinload(Result.children).joinedload(Result.status),
                 joinedload(Result.proposal), joinedload(Result.budget_project),
                 selectinload(Result.updates).options(joinedload(ResultUpdate.author),
                                                      joinedload(ResultUpdate.status),
                                                      joinedload(ResultUpdate.child))))


def parent_choices(plan, result=None) -> list[tuple]:
    """The plan's results a result may be a part of (not itself)."""
    query = sa.select(Result.id, Result.title).where(Result.plan_id == plan.id)
    if result is not None:
        query = query.where(Result.id != result.id)
    return [(rid, title) for rid, title in db.session.execute(query.order_by(Result.id))]


def result_for_proposal(proposal) -> Result | None:
    """The published result a proposal became, directly or through a winning budget project
    that carries it (its page shows the result's status and progress). Only accepted proposals
    become results or projects: any other proposal's page asks nothing."""
    from participa.budgets.models import budget_project_proposals as link

    if proposal.state is not ProposalState.ACCEPTED:
        return None

    through_project = sa.select(link.c.project_id).where(link.c.proposal_id == proposal.id)
    return db.session.scalar(
        _public(sa.select(Result))
        .where(sa.or_(Result.proposal_id == proposal.id,
                      Result.budget_project_id.in_(through_project)))
        .options(joinedload(Result.status)).order_by(Result.id).limit(1))


def results_for_projects(projects) -> dict:
    """project id → its published result, for a budget's pages (one query)."""
    ids = [p.id for p in projects]
    if not ids:
        return {}
    rows = db.session.scalars(_public(sa.select(Result))
                              .where(Result.budget_project_id.in_(ids))
                              .options(joinedload(Result.status)))
    return {r.budget_project_id: r for r in rows}


def export_results(*, plan=None) -> list[Result]:
    """Every published result (of ``plan``) for the open data, with what its rows show."""
    query = _public(sa.select(Result))
    if plan is not None:
        query = query.where(Result.plan_id == plan.id)
    return list(db.session.scalars(
        query.options(joinedload(Result.status), joinedload(Result.plan),
                      joinedload(Result.neighbourhood), joinedload(Result.category),
                      joinedload(Result.process), selectinload(Result.goals))
        .order_by(Result.plan_id, Result.id)))


def count_results(process) -> int:
    return db.session.scalar(_public(sa.select(sa.func.count(Result.id)))
                             .where(Result.process_id == process.id)) or 0
