"""Who may see a plan's goals and who keeps them, as a grid: role × plan state."""

import pytest
from flask_login import AnonymousUserMixin

from participa.core.types import utcnow
from participa.plans.models import PlanStatus
from participa.plans.permissions import can_manage_plan_goals, can_view_plan
from tests.support import factories

ROLES = ("visitor", "resident", "blocked", "other_facilitator", "facilitator",
         "unpublished_facilitator", "council")
STATES = tuple(PlanStatus)
MANAGERS = {"facilitator", "unpublished_facilitator", "council"}


def person(role, plan):
    if role == "visitor":
        return AnonymousUserMixin()
    if role == "facilitator":
        return factories.make_user("facilitator", process=factories.make_process(plan=plan))
    if role == "unpublished_facilitator":  # of a process of the plan not yet published
        return factories.make_user("facilitator", process=factories.make_process(
            plan=plan, published=False))
    if role == "other_facilitator":
        return factories.make_user("facilitator", process=factories.make_process(
            plan=factories.make_plan()))
    user = factories.make_user("resident" if role == "blocked" else role)
    if role == "blocked":
        user.blocked_at = utcnow()
    return user


GRID = [(role, state) for role in ROLES for state in STATES]


@pytest.mark.parametrize("case", GRID, ids=[f"{r}-{s.value}" for r, s in GRID])
def test_the_grid(app, case):
    role, state = case
    plan = factories.make_plan(status=state)
    factories.make_process(plan=plan)  # a process nobody here facilitates
    user = person(role, plan)
    assert can_view_plan(user, plan) is (state != PlanStatus.DRAFT or role == "council")
    assert can_manage_plan_goals(user, plan) is (role in MANAGERS)


def test_a_plan_without_processes_is_the_councils_alone(app):
    plan = factories.make_plan()
    facilitator = factories.make_user("facilitator", process=factories.make_process())
    assert not can_manage_plan_goals(facilitator, plan)
    assert can_manage_plan_goals(factories.make_user("council"), plan)
