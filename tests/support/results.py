"""Builders for results: they call the real operations (so every rule they enforce holds for
the rows they make) and flush, never commit."""

from participa.budgets import operations as budget_operations
from participa.processes.models import PhaseKind
from participa.results import operations
from participa.results.models import ResultStatus
from tests.support import factories
from tests.support.budgets import make_budget, vote
from tests.support.proposals import answer, make_proposal


def status(key) -> ResultStatus:
    """One of the four built-in statuses ("not_started", "in_progress", "done", "discarded")."""
    return next(s for s in operations.ensure_default_statuses() if s.key == key)


def make_result(plan, *, actor=None, publish=False, **data):
    """A result of ``plan`` drafted by the council (``publish``: then published)."""
    actor = actor or factories.make_user("council")
    values = {"title": "Arranjar la plaça", "description": "Bancs i ombra."}
    values.update(data)
    result = operations.create_result(plan, values, actor=actor)
    if publish:
        operations.publish_result(result, actor=actor)
    return result


def record(result, *, actor=None, **data):
    """A timeline entry: ``status`` may be a key ("done") instead of ``status_id``."""
    actor = actor or factories.make_user("council")
    key = data.pop("status", None)
    if key is not None:
        data["status_id"] = status(key).id
    return operations.record_update(result, data, actor=actor)


def process_with_outcomes(plan=None, *, author=None):
    """A process of ``plan`` with two accepted proposals (one carried by a budget project),
    one rejected, and a published budget whose winners are projects 1 and 2 (project 3 loses).
    Returns (process, accepted proposals, winning projects, losing project)."""
    plan = plan or factories.make_plan()
    council = factories.make_user("council")
    process = factories.make_process(plan=plan, phases=(
        (PhaseKind.PROPOSALS, -30, -20), (PhaseKind.VOTING, -5, 5)))
    author = author or factories.make_user("resident", locale="es")
    carried = make_proposal(process, author, title="Un parc infantil")
    alone = make_proposal(process, author, title="Més fanals al carrer Major")
    rejected = make_proposal(process, factories.make_user(), title="Una piscina olímpica")
    answer(carried, council)
    answer(alone, council)
    answer(rejected, council, state="rejected")
    budget = make_budget(process, costs=(100_000, 80_000, 90_000), actor=council)
    projects = budget.projects
    budget_operations.update_project(projects[0], {"title": "Parc infantil", "cost": 100_000,
                                                   "proposal_ids": [carried.id]},
                                     actor=council)
    voters = [factories.make_user() for _ in range(3)]
    for voter in voters:
        vote(budget, voter, [projects[0], projects[1]])
    vote(budget, factories.make_user(), [projects[2]])
    budget_operations.close_budget(budget, actor=council)
    budget_operations.publish_results(budget, actor=council)
    return process, [carried, alone], [projects[0], projects[1]], projects[2]
