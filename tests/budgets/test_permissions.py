"""Who may do what with a budget, as a grid: role × phase × budget state (open with its rules
still editable, open and frozen by a first ballot, closed, results published)."""

import pytest
from flask_login import AnonymousUserMixin

from participa.budgets import operations
from participa.budgets.permissions import (
    VoteRefusal,
    can_change_rules,
    can_close_budget,
    can_enter_paper_count,
    can_manage_budget,
    can_publish_results,
    can_see_results,
    can_view_budget,
    why_not_vote,
)
from participa.core.types import utcnow
from participa.extensions import db
from participa.processes.models import PhaseKind
from tests.support import factories
from tests.support.budgets import make_budget

ROLES = ("visitor", "resident", "blocked", "other_facilitator", "facilitator", "council")
PHASES = (PhaseKind.VOTING, PhaseKind.PROPOSALS, None)
STATES = ("open", "frozen", "closed", "published")
MANAGERS = {"facilitator", "council"}


def budget_in(phase, state):
    council = factories.make_user("council")
    budget = make_budget(factories.make_process(phases=factories.phases_now(phase)),
                         actor=council)
    if state != "open":
        budget.frozen_at = utcnow()  # as a first ballot does (tests/budgets/test_operations.py)
        db.session.flush()
    if state in ("closed", "published"):
        operations.close_budget(budget, actor=council)
    if state == "published":
        operations.publish_results(budget, actor=council)
    return budget


GRID = [(role, phase, state) for role in ROLES for phase in PHASES for state in STATES]


def _id(case):
    role, phase, state = case
    return f"{role}-{phase.value if phase else 'nophase'}-{state}"


@pytest.mark.parametrize("case", GRID, ids=[_id(c) for c in GRID])
def test_the_grid(app, case):
    role, phase, state = case
    budget = budget_in(phase, state)
    user = factories.in_role(role, budget.process)
    manager = role in MANAGERS
    assert can_view_budget(user, budget)  # a published process shows its budgets to all
    assert can_manage_budget(user, budget) is manager
    assert can_change_rules(user, budget) is (manager and state == "open")
    assert can_close_budget(user, budget) is (role == "council" and state in ("open", "frozen"))
    assert can_publish_results(user, budget) is (role == "council" and state == "closed")
    assert can_see_results(user, budget) is (state == "published"
                                             or (state == "closed" and manager))
    assert can_enter_paper_count(user, budget) is (manager and state != "published")

    refusal = why_not_vote(user, budget, None)
    if state in ("closed", "published"):
        assert refusal is VoteRefusal.CLOSED
    elif phase is not PhaseKind.VOTING:
        assert refusal is VoteRefusal.PHASE
    elif role == "visitor":
        assert refusal is VoteRefusal.SIGN_IN
    elif role == "blocked":
        assert refusal is VoteRefusal.BLOCKED
    else:  # every signed-in person may vote, the council and facilitators too
        assert refusal is None


def test_an_unpublished_process_hides_its_budgets_from_all_but_its_managers(app):
    council = factories.make_user("council")
    budget = make_budget(factories.make_process(phases=((PhaseKind.VOTING, -5, 5),),
                                                published=False), actor=council)
    resident = factories.make_user()
    assert not can_view_budget(resident, budget)
    assert not can_view_budget(AnonymousUserMixin(), budget)
    assert can_view_budget(council, budget)
    assert why_not_vote(resident, budget, None) is not None


def test_a_budget_without_projects_takes_no_ballots(app):
    council = factories.make_user("council")
    budget = make_budget(factories.make_process(phases=((PhaseKind.VOTING, -5, 5),)),
                         actor=council, costs=())
    assert why_not_vote(factories.make_user(), budget, None) is VoteRefusal.NO_PROJECTS
