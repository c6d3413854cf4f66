"""Who may do what with a result, as a grid: role × plan state (draft, active, closed) ×
result state (draft, published). The council keeps results everywhere; everyone reads a
published result of a public plan; a draft, or anything of a draft plan, is the council's."""

import pytest

from participa.plans.models import PlanStatus
from participa.results.permissions import (
    can_edit_result,
    can_manage_results,
    can_publish_result,
    can_record_update,
    can_unpublish_result,
    can_view_result,
)
from tests.support import factories
from tests.support.results import make_result

ROLES = ("visitor", "resident", "blocked", "other_facilitator", "facilitator", "council")
PLAN_STATES = (PlanStatus.DRAFT, PlanStatus.ACTIVE, PlanStatus.CLOSED)
RESULT_STATES = ("draft", "published")
GRID = [(r, p, s) for r in ROLES for p in PLAN_STATES for s in RESULT_STATES]


def result_in(plan_state, result_state):
    plan = factories.make_plan(status=plan_state)
    process = factories.make_process(plan=plan)
    return make_result(plan, process_id=process.id, publish=result_state == "published")


@pytest.mark.parametrize("case", GRID, ids=["-".join([c[0], c[1].value, c[2]]) for c in GRID])
def test_the_grid(app, case):
    role, plan_state, result_state = case
    result = result_in(plan_state, result_state)
    user = factories.in_role(role, result.process)
    council = role == "council"
    public = plan_state != PlanStatus.DRAFT and result_state == "published"
    assert can_view_result(user, result) is (council or public)
    assert can_manage_results(user) is council
    assert can_edit_result(user, result) is council
    assert can_record_update(user, result) is council
    assert can_publish_result(user, result) is (council and result_state == "draft")
    assert can_unpublish_result(user, result) is (council and result_state == "published")


@pytest.mark.parametrize("role", ROLES)
def test_a_result_of_an_unpublished_process_is_hidden_but_from_its_managers(app, role):
    plan = factories.make_plan()
    process = factories.make_process(plan=plan, published=False)
    result = make_result(plan, process_id=process.id, publish=True)
    user = factories.in_role(role, process)
    assert can_view_result(user, result) is (role in ("council", "facilitator"))
