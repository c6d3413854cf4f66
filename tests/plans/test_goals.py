"""A plan's goals, without HTTP: creating, editing, reordering and deleting them, each written
to the ActionLog, and every refusal changing nothing."""

import pytest
import sqlalchemy as sa

from participa.core.errors import DomainError
from participa.core.models import ActionLog
from participa.extensions import db
from participa.plans import operations
from participa.plans.models import Goal, Indicator, Measurement
from tests.support import factories
from tests.support.plans import make_goal, make_indicator, measure


def verbs():
    return [entry.verb for entry in db.session.scalars(sa.select(ActionLog).order_by(ActionLog.id))]


def count(model):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


@pytest.fixture
def council():
    return factories.make_user("council")


@pytest.fixture
def plan():
    return factories.make_plan()


def test_goals_are_created_in_order_and_logged(plan, council):
    first = make_goal(plan, actor=council, title="Conviure millor")
    second = make_goal(plan, actor=council, title="Cuidar la gent gran")
    assert [g.title for g in plan.goals] == ["Conviure millor", "Cuidar la gent gran"]
    assert (first.position, second.position) == (0, 1)
    entry = db.session.scalar(sa.select(ActionLog).where(ActionLog.verb == "create_goal"))
    assert (entry.actor_id, entry.target_type, entry.data["plan_id"]) == (
        council.id, "goal", plan.id)


def test_a_goal_is_edited(plan, council):
    goal = make_goal(plan)
    operations.update_goal(goal, {"title": "  Un barri per a tothom ", "description": "**Sí**"},
                           actor=council)
    assert (goal.title, goal.description) == ("Un barri per a tothom", "**Sí**")
    assert verbs()[-1] == "update_goal"


@pytest.mark.parametrize("data", [
    {"title": ""}, {"title": "   "}, {"title": "x" * 201}, {"title": "Dues\nlínies"},
    {"title": "Nul\x00"}, {"title": "Bé", "description": "x" * 5001},
    {"title": "Bé", "description": "nul\x00"},
])
def test_a_bad_goal_is_refused(plan, council, data):
    with pytest.raises(DomainError) as refused:
        operations.create_goal(plan, data, actor=council)
    assert refused.value.field in ("title", "description")
    db.session.rollback()
    assert count(Goal) == 0 and "create_goal" not in verbs()


def test_goals_move_up_and_down(plan, council):
    a, b, c = (make_goal(plan, title=t) for t in "ABC")
    operations.move_goal(c, "up", actor=council)
    assert [g.title for g in sorted(plan.goals, key=lambda g: g.position)] == ["A", "C", "B"]
    operations.move_goal(a, "down", actor=council)
    assert [g.title for g in sorted(plan.goals, key=lambda g: g.position)] == ["C", "A", "B"]
    assert verbs().count("move_goal") == 2


@pytest.mark.parametrize("which, direction", [(0, "up"), (2, "down"), (1, "sideways")])
def test_a_goal_cannot_move_past_the_ends(plan, council, which, direction):
    goals = [make_goal(plan, title=t) for t in "ABC"]
    with pytest.raises(DomainError):
        operations.move_goal(goals[which], direction, actor=council)


def test_deleting_a_goal_takes_its_indicators_and_measurements(plan, council):
    keep = make_goal(plan, title="Es queda")
    gone = make_goal(plan, title="Se'n va")
    last = make_goal(plan, title="Darrer")
    indicator = make_indicator(gone)
    measure(indicator, "120")
    db.session.commit()
    operations.delete_goal(gone, actor=council)
    db.session.commit()
    db.session.expire_all()
    assert [g.title for g in db.session.scalars(sa.select(Goal).order_by(Goal.position))] == [
        "Es queda", "Darrer"]
    assert (keep.position, last.position) == (0, 1)
    assert count(Indicator) == 0 and count(Measurement) == 0
    entry = db.session.scalar(sa.select(ActionLog).where(ActionLog.verb == "delete_goal"))
    assert entry.data["title"] == "Se'n va"


def test_every_verb_is_named_for_the_councils_log():
    from participa.core.models import verb_label

    for verb in operations.VERBS:
        assert verb_label(verb) is not verb
