"""Who may do what with an evaluation, as a grid: role × plan state (draft, active, closed) ×
evaluation state (a draft, a draft with its questionnaire open, published)."""

import pytest

from participa.core.timeutil import local_date
from participa.evaluations import operations
from participa.evaluations.permissions import (
    AnswerRefusal,
    can_close_questionnaire,
    can_edit_evaluation,
    can_manage_evaluations,
    can_open_evaluation,
    can_open_questionnaire,
    can_publish_evaluation,
    can_read_comments,
    can_view_evaluation,
    can_view_questionnaire,
    why_not_answer,
)
from participa.extensions import db
from participa.plans.models import PlanStatus
from tests.support import factories
from tests.support.evaluations import days_ago
from tests.support.plans import make_goal

ROLES = ("visitor", "resident", "blocked", "other_facilitator", "facilitator", "council")
PLAN_STATES = (PlanStatus.DRAFT, PlanStatus.ACTIVE, PlanStatus.CLOSED)
STATES = ("draft", "questionnaire", "published")


def evaluation_in(plan_state, state):
    council = factories.make_user("council")
    plan = factories.make_plan()
    goal = make_goal(plan)
    evaluation = operations.open_evaluation(
        plan, {"title": "Avaluació", "starts_on": days_ago(300), "ends_on": days_ago(1),
               "conclusions": "Fet."}, actor=council, today=local_date())
    if state == "questionnaire":
        operations.open_questionnaire(evaluation, actor=council)
    if state == "published":
        operations.assess_goal(evaluation, goal, {"rating": "achieved", "reasons": "Sí."},
                               actor=council)
        operations.publish_evaluation(evaluation, actor=council)
    plan.status = plan_state
    db.session.flush()
    return evaluation


GRID = [(role, plan_state, state) for role in ROLES for plan_state in PLAN_STATES
        for state in STATES]


def _id(case):
    role, plan_state, state = case
    return f"{role}-{plan_state.value}-{state}"


@pytest.mark.parametrize("case", GRID, ids=[_id(c) for c in GRID])
def test_the_grid(app, case):
    role, plan_state, state = case
    evaluation = evaluation_in(plan_state, state)
    plan = evaluation.plan
    user = factories.in_role(role, factories.make_process(plan=plan))
    council = role == "council"
    public_plan = plan_state != PlanStatus.DRAFT
    published = state == "published"
    draft = not published
    questionnaire = state == "questionnaire"

    assert can_manage_evaluations(user, plan) is council
    assert can_open_evaluation(user, plan) is (council and public_plan)
    assert can_view_evaluation(user, evaluation) is (council or (published and public_plan))
    assert can_edit_evaluation(user, evaluation) is (council and draft)
    assert can_publish_evaluation(user, evaluation) is (council and draft and public_plan)
    assert can_open_questionnaire(user, evaluation) is (
        council and state == "draft" and public_plan)
    assert can_close_questionnaire(user, evaluation) is (council and questionnaire)
    assert can_read_comments(user, evaluation) is (council or (published and public_plan))
    assert can_view_questionnaire(user, evaluation) is (
        council or (public_plan and (questionnaire or published)))

    expected = None
    if role == "blocked":
        expected = AnswerRefusal.BLOCKED
    elif role == "visitor":
        expected = AnswerRefusal.SIGN_IN
    elif not (questionnaire and public_plan):
        expected = AnswerRefusal.NOT_OPEN
    assert why_not_answer(user, evaluation) is expected
