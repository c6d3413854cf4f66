"""Every write about results. Flush, never commit; the actor and the clock are passed in.

The roll-up rule (``roll_up``): a result with parts (child results) takes its figures from
them, at every level up to the top:

- planned budget: the sum of its parts' planned budgets, leaving out discarded parts;
- executed budget: the sum of all its parts' executed budgets (money spent stays spent);
- progress: the mean of its parts' progress, leaving out discarded parts, weighted by their
  planned budgets when every part counted has one (a 90,000 € part weighs nine times a
  10,000 € one), the plain mean otherwise; rounded to the nearest whole percent. With every part
  discarded it is 0.

Those figures cannot be set by hand on a result with parts (its status can); each change they
undergo is a timeline entry on the parent, naming the part that moved it."""

from math import floor

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from participa.budgets.models import Budget, BudgetProject, BudgetState
from participa.core.database import lock_row
from participa.core.errors import DomainError
from participa.core.models import log_action
from participa.core.text import text_value
from participa.core.types import utcnow
from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood
from participa.plans.models import Goal
from participa.processes.models import Category, Process
from participa.proposals.models import Proposal, ProposalState
from participa.results.models import (
    DEFAULT_STATUSES,
    MAX_AMOUNT,
    NOT_STARTED,
    TEXT_LIMIT,
    UPDATE_LIMIT,
    Result,
    ResultStatus,
    ResultUpdate,
)
from participa.results.permissions import (
    can_edit_result,
    can_manage_results,
    can_publish_result,
    can_record_update,
    can_unpublish_result,
)

# the ActionLog verbs written here, as the council's log reads them
VERBS = {
    "create_result": _l("created a result"),
    "update_result": _l("edited a result"),
    "record_result_update": _l("recorded a result's progress"),
    "publish_result": _l("published a result"),
    "unpublish_result": _l("withdrew a result from publication"),
    "results_from_outcomes": _l("turned a process's outcomes into results"),
    "create_result_status": _l("added a result status"),
    "update_result_status": _l("edited a result status"),
}

COUNCIL_ONLY = _l("Only the council keeps the results.")
ROLLED_UP = _l("This result's progress and budget come from its parts: change those instead.")


# --- validation ------------------------------------------------------------------------------

def _whole(data, name, low, high, message, *, optional=False):
    value = data.get(name)
    if value in (None, "") and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise DomainError(message, field=name)
    return value


def _progress(data, *, optional=True):
    return _whole(data, "progress", 0, 100, _l("Give the progress as a percentage between 0 "
                                                "and 100."), optional=optional)


def _euros(data, name, *, optional=True):
    return _whole(data, name, 0, MAX_AMOUNT,
                  _l("Give the amount in whole euros: zero or more."), optional=optional)


def _status(data, *, required=False) -> ResultStatus | None:
    status_id = data.get("status_id")
    if status_id in (None, ""):
        if required:
            raise DomainError(_l("Choose a status."), field="status_id")
        return None
    status = db.session.get(ResultStatus, status_id) if isinstance(status_id, int) else None
    if status is None:
        raise DomainError(_l("Choose one of the statuses."), field="status_id")
    return status


def _apply(result, plan, data):
    """The words, the links and the dates of a result (not its status, progress or budget)."""
    result.title = text_value(data, "title", 200, _l("Write a title of at most 200 characters."))
    result.description = text_value(data, "description", TEXT_LIMIT,
                               _l("Write a text of at most %(n)s characters.", n=TEXT_LIMIT),
                               required=False)
    result.responsible = text_value(data, "responsible", 300,
                               _l("Name who is responsible in at most 300 characters."),
                               required=False)
    process_id = data.get("process_id") or None
    if process_id is not None:
        owner = db.session.execute(sa.select(Process.plan_id).where(
            Process.id == process_id)).first()
        if owner is None or owner.plan_id not in (None, plan.id):
            raise DomainError(_l("Choose one of this plan's processes or a town-wide one."),
                              field="process_id")
    result.process_id = process_id
    category_id = data.get("category_id") or None
    if category_id is not None and (process_id is None or db.session.scalar(
            sa.select(Category.process_id).where(Category.id == category_id)) != process_id):
        raise DomainError(_l("Choose a category of the result's process."), field="category_id")
    result.category_id = category_id
    neighbourhood_id = data.get("neighbourhood_id") or None
    if neighbourhood_id is not None and db.session.get(Neighbourhood, neighbourhood_id) is None:
        raise DomainError(_l("Choose one of the neighbourhoods."), field="neighbourhood_id")
    result.neighbourhood_id = neighbourhood_id
    starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
    if starts_on and ends_on and ends_on < starts_on:
        raise DomainError(_l("The end date cannot be before the start date."), field="ends_on")
    result.starts_on, result.ends_on = starts_on or None, ends_on or None
    ids = set(data.get("goal_ids") or [])
    goals = list(db.session.scalars(sa.select(Goal).where(
        Goal.id.in_(ids), Goal.plan_id == plan.id))) if ids else []
    if len(goals) != len(ids):
        raise DomainError(_l("Choose only goals of this result's plan."), field="goal_ids")
    result.goals = goals


def _check_parent(result, plan, parent_id) -> Result | None:
    """The parent asked for: of the same plan, and neither the result nor one of its parts."""
    if parent_id in (None, ""):
        return None
    parent = db.session.get(Result, parent_id) if isinstance(parent_id, int) else None
    if parent is None or parent.plan_id != plan.id:
        raise DomainError(_l("Choose a result of the same plan as its parent."),
                          field="parent_id")
    ancestor = parent
    while ancestor is not None:
        if result.id is not None and ancestor.id == result.id:
            raise DomainError(_l("A result cannot be a part of itself or of one of its own "
                                 "parts."), field="parent_id")
        ancestor = ancestor.parent
    return parent


# --- statuses ----------------------------------------------------------------------------------

def ensure_default_statuses() -> list[ResultStatus]:
    """The statuses, making the four built-in ones when there are none (a fresh database has
    them from its migration)."""
    statuses = list(db.session.scalars(sa.select(ResultStatus)
                                       .order_by(ResultStatus.position, ResultStatus.id)))
    if statuses:
        return statuses
    for position, (key, _label, progress) in enumerate(DEFAULT_STATUSES):
        db.session.add(ResultStatus(key=key, name="", default_progress=progress,
                                    position=position))
    db.session.flush()
    return ensure_default_statuses()


def default_status() -> ResultStatus:
    """A new result's status: "not started" (or the first one, if the council removed it)."""
    statuses = ensure_default_statuses()
    return next((s for s in statuses if s.key == NOT_STARTED), statuses[0])


def _apply_status(status, data):
    status.name = text_value(data, "name", 120, _l("Name the status in at most 120 characters."),
                        required=status.key is None)
    status.default_progress = _whole(
        data, "default_progress", 0, 100,
        _l("Give the progress as a percentage between 0 and 100."), optional=True)
    status.position = _whole(data, "position", 0, 1000, _l("Give a number between 0 and "
                                                          "1,000."), optional=True) or 0


def create_status(data: dict, *, actor) -> ResultStatus:
    if not can_manage_results(actor):
        raise DomainError(COUNCIL_ONLY)
    status = ResultStatus()
    _apply_status(status, data)
    db.session.add(status)
    db.session.flush()
    log_action("create_result_status", status, actor=actor)
    return status


def update_status(status, data: dict, *, actor) -> ResultStatus:
    if not can_manage_results(actor):
        raise DomainError(COUNCIL_ONLY)
    _apply_status(status, data)
    db.session.flush()
    log_action("update_result_status", status, actor=actor)
    return status


# --- results -----------------------------------------------------------------------------------

def create_result(plan, data: dict, *, actor, now=None) -> Result:
    """A result drafted by hand, with its first timeline entry (where it starts from)."""
    if not can_manage_results(actor):
        raise DomainError(COUNCIL_ONLY)
    now = now or utcnow()
    result = Result(plan_id=plan.id, created_by_id=actor.id)
    _apply(result, plan, data)
    parent = _check_parent(result, plan, data.get("parent_id"))
    status = _status(data) or default_status()
    progress = _progress(data)
    result.status = status
    result.progress = progress if progress is not None else (status.default_progress or 0)
    result.planned_budget = _euros(data, "planned_budget") or 0
    result.executed_budget = _euros(data, "executed_budget") or 0
    result.parent = parent
    db.session.add(result)
    db.session.flush()
    _first_entry(result, actor, now, text_value(data, "text", UPDATE_LIMIT, _too_long(),
                                           required=False))
    log_action("create_result", result, actor=actor, plan_id=plan.id)
    roll_up(parent, child=result, actor=actor, now=now)
    return result


def _too_long():
    return _l("Write at most %(n)s characters.", n=UPDATE_LIMIT)


def _first_entry(result, actor, now, text=""):
    db.session.add(ResultUpdate(
        result_id=result.id, author_id=getattr(actor, "id", None), text=text,
        status_id=result.status_id, progress=result.progress,
        planned_budget=result.planned_budget, executed_budget=result.executed_budget,
        created_at=now))


def update_result(result, data: dict, *, actor, now=None) -> Result:
    """Edit a result's words, links, dates and parent (its figures change by ``record_update``).
    Moving it under another parent rolls both parents up."""
    if not can_edit_result(actor, result):
        raise DomainError(COUNCIL_ONLY)
    now = now or utcnow()
    plan = result.plan
    _apply(result, plan, data)
    old_parent = result.parent
    parent = _check_parent(result, plan, data.get("parent_id"))
    result.parent = parent
    db.session.flush()
    log_action("update_result", result, actor=actor, plan_id=plan.id)
    if old_parent is not parent:
        roll_up(old_parent, child=result, actor=actor, now=now)
        roll_up(parent, child=result, actor=actor, now=now)
    return result


def _lock(result) -> None:
    """Lock the result's row until the transaction ends and read it again as it now stands
    (another request may have changed its figures since it was loaded)."""
    lock_row(Result, result.id)
    db.session.refresh(result)


def has_parts(result) -> bool:
    return db.session.scalar(sa.select(sa.exists().where(Result.parent_id == result.id))) \
        or False


def record_update(result, data: dict, *, actor, now=None) -> ResultUpdate:
    """A change of status, progress or budget, with a short text: one timeline entry. A new
    status brings its default progress unless a progress is given. Returns the entry
    (``entry.status_id`` is set when the status changed)."""
    if not can_record_update(actor, result):
        raise DomainError(COUNCIL_ONLY)
    now = now or utcnow()
    _lock(result)
    text = text_value(data, "text", UPDATE_LIMIT, _too_long(), required=False)
    status = _status(data)
    progress = _progress(data)
    planned = _euros(data, "planned_budget")
    executed = _euros(data, "executed_budget")
    new_status = status if status is not None and status.id != result.status_id else None
    rolled = has_parts(result)
    if rolled and any(value is not None and value != getattr(result, name) for name, value in
                      (("progress", progress), ("planned_budget", planned),
                       ("executed_budget", executed))):
        raise DomainError(ROLLED_UP)
    if progress is None and new_status is not None and not rolled:
        progress = new_status.default_progress
    changes = {}
    if progress is not None and progress != result.progress:
        changes["progress"] = progress
    if planned is not None and planned != result.planned_budget:
        changes["planned_budget"] = planned
    if executed is not None and executed != result.executed_budget:
        changes["executed_budget"] = executed
    if new_status is None and not changes:
        raise DomainError(_l("Nothing has changed: give a new status, progress or budget."))
    if new_status is not None:
        result.status = new_status
    for name, value in changes.items():
        setattr(result, name, value)
    entry = ResultUpdate(result_id=result.id, author_id=actor.id, text=text,
                         status_id=new_status.id if new_status else None, created_at=now,
                         **changes)
    db.session.add(entry)
    db.session.flush()
    log_action("record_result_update", result, actor=actor, plan_id=result.plan_id,
               status=new_status.key or new_status.name if new_status else None, **changes)
    roll_up(result.parent, child=result, actor=actor, now=now)
    return entry


def roll_up(result, *, child, actor, now) -> None:
    """Recompute ``result``'s figures from its parts (see the module's rule), and its parent's,
    up to the top; every change is a timeline entry naming ``child``."""
    while result is not None:
        _lock(result)  # parts changing at once roll up one after the other
        parts = list(db.session.scalars(sa.select(Result).where(Result.parent_id == result.id)
                                        .options(selectinload(Result.status))))
        if not parts:
            return
        figures = rolled_up_figures(parts)
        changes = {name: value for name, value in figures.items()
                   if getattr(result, name) != value}
        if not changes:
            return
        for name, value in changes.items():
            setattr(result, name, value)
        db.session.add(ResultUpdate(result_id=result.id, author_id=getattr(actor, "id", None),
                                    child_id=child.id, created_at=now, **changes))
        db.session.flush()
        child, result = result, result.parent


def rolled_up_figures(parts) -> dict:
    """Progress and budgets of a result made of ``parts`` (the module's rule)."""
    counted = [p for p in parts if not p.status.is_discarded]
    planned = sum(p.planned_budget for p in counted)
    executed = sum(p.executed_budget for p in parts)
    if not counted:
        progress = 0
    elif all(p.planned_budget > 0 for p in counted):
        progress = sum(p.progress * p.planned_budget for p in counted) / planned
    else:
        progress = sum(p.progress for p in counted) / len(counted)
    return {"progress": min(100, floor(progress + 0.5)), "planned_budget": planned,
            "executed_budget": executed}


def publish_result(result, *, actor, now=None) -> Result:
    if not can_publish_result(actor, result):
        raise DomainError(_l("Only the council publishes results, and only drafts."))
    result.published_at = now or utcnow()
    db.session.flush()
    log_action("publish_result", result, actor=actor, plan_id=result.plan_id)
    return result


def unpublish_result(result, *, actor) -> Result:
    """Back to a draft: the public no longer sees it (its timeline is kept)."""
    if not can_unpublish_result(actor, result):
        raise DomainError(_l("Only the council withdraws results, and only published ones."))
    result.published_at = None
    db.session.flush()
    log_action("unpublish_result", result, actor=actor, plan_id=result.plan_id)
    return result


# --- from outcomes -----------------------------------------------------------------------------

def winning_projects(process) -> list[BudgetProject]:
    """The projects funded by the official rule of each of the process's published budgets."""
    budgets = list(db.session.scalars(
        sa.select(Budget).where(Budget.process_id == process.id,
                                Budget.state == BudgetState.PUBLISHED)
        .options(selectinload(Budget.projects).selectinload(BudgetProject.proposals))
        .order_by(Budget.id)))
    winners = []
    for budget in budgets:
        selected = set(((budget.results or {}).get(budget.rule.value) or {}).get("selected")
                       or ())
        winners.extend(p for p in budget.projects if p.id in selected)
    return winners


def results_from_outcomes(process, plan, *, actor, now=None) -> list[Result]:
    """Turn every winning project of the process's published budgets, and every accepted
    proposal that none of them already carries, into a draft result of ``plan`` (the
    process's own plan, or any plan for a town-wide process, which belongs to none), linked
    back to where it came from. From a town-wide process a plan takes only the outcomes placed
    in one of its neighbourhoods, or in none (so each plan of the town takes its own share of a
    town budget). Idempotent: what already has a result is left alone (and the database
    refuses a second one for the same proposal or project)."""
    if not can_manage_results(actor):
        raise DomainError(COUNCIL_ONLY)
    if process.plan_id not in (None, plan.id):
        raise DomainError(_l("This process belongs to another community plan: its outcomes "
                             "become results of that plan."))
    plan_id = plan.id
    now = now or utcnow()
    lock_row(Process, process.id)  # a second click waits for the first, then finds its work
    status = default_status()
    done_proposals = set(db.session.scalars(sa.select(Result.proposal_id).where(
        Result.proposal_id.is_not(None))))
    done_projects = set(db.session.scalars(sa.select(Result.budget_project_id).where(
        Result.budget_project_id.is_not(None))))
    places = ({n.id for n in plan.neighbourhoods}
              if process.plan_id is None and plan.neighbourhoods else None)

    def here(neighbourhood_id) -> bool:
        return places is None or neighbourhood_id is None or neighbourhood_id in places

    made = []

    def make(**values):
        result = Result(plan_id=plan_id, process_id=process.id, status=status,
                        progress=status.default_progress or 0, created_by_id=actor.id,
                        **values)
        db.session.add(result)
        made.append(result)

    carried = set()  # proposals a winning project already carries
    for project in winning_projects(process):
        carried.update(p.id for p in project.proposals)
        if project.id in done_projects or not here(project.neighbourhood_id):
            continue
        make(title=project.title[:200], description=project.description,
             planned_budget=project.cost, neighbourhood_id=project.neighbourhood_id,
             category_id=project.category_id, budget_project_id=project.id)
    proposals = db.session.scalars(
        sa.select(Proposal).where(Proposal.process_id == process.id,
                                  Proposal.state == ProposalState.ACCEPTED,
                                  Proposal.deleted_at.is_(None), Proposal.hidden_at.is_(None))
        .order_by(Proposal.id))
    for proposal in proposals:
        if (proposal.id in done_proposals or proposal.id in carried
                or not here(proposal.neighbourhood_id)):
            continue
        make(title=proposal.title, description=proposal.body,
             neighbourhood_id=proposal.neighbourhood_id, category_id=proposal.category_id,
             proposal_id=proposal.id)
    try:
        db.session.flush()
    except IntegrityError as error:  # a parallel click won the race (SQLite has no row locks)
        raise DomainError(_l("These outcomes were being turned into results at the same time. "
                             "Reload the page to see them.")) from error
    for result in made:
        _first_entry(result, actor, now)
    db.session.flush()
    log_action("results_from_outcomes", process, actor=actor, plan_id=plan_id,
               results=[r.id for r in made])
    return made
