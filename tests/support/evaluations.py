"""Builders for evaluations: they call the real operations (so every rule they enforce holds
for the rows they make) and flush, never commit."""

from datetime import timedelta

from participa.core.timeutil import local_date
from participa.core.types import utcnow
from participa.evaluations import operations
from participa.evaluations.models import Rating
from participa.plans.models import PlanStatus
from participa.results import operations as result_operations
from tests.support import factories
from tests.support.plans import make_goal, make_indicator, measure
from tests.support.results import status as result_status


def days_ago(n):
    return local_date() - timedelta(days=n)


def plan_to_evaluate(*, status=PlanStatus.ACTIVE, council=None):
    """A plan with two goals of one indicator each, measured a year ago, 40 days ago and 10
    days ago, and three published results made 200 days ago: one done 50 days ago, one in
    progress (40%) and one discarded."""
    council = council or factories.make_user("council")
    plan = factories.make_plan(status=status, starts_on=days_ago(800))
    for n, values in enumerate((("100", "120", "130"), ("50", "40", "35")), start=1):
        goal = make_goal(plan, title=f"Objectiu {n}", position=n)
        indicator = make_indicator(
            goal, name=f"Indicador {n}", direction="higher" if n == 1 else "lower",
            baseline_value=values[0], baseline_on=days_ago(400),
            target_value="150" if n == 1 else "20", target_on=days_ago(-300))
        for ago, value in zip((365, 40, 10), values, strict=True):
            measure(indicator, value, days_ago(ago))
    made = utcnow() - timedelta(days=200)
    for title, key, progress, ago in (("Arranjar la plaça", "done", None, 50),
                                      ("Horts del Rec", "in_progress", 40, 60),
                                      ("Piscina olímpica", "discarded", None, 70)):
        result = result_operations.create_result(plan, {"title": title}, actor=council,
                                                 now=made)
        result_operations.publish_result(result, actor=council, now=made)
        data = {"status_id": result_status(key).id}
        if progress is not None:
            data["progress"] = progress
        result_operations.record_update(result, data, actor=council,
                                        now=utcnow() - timedelta(days=ago))
    return plan


def open_evaluation(plan, *, actor=None, **data):
    """An evaluation of the last year (up to 20 days ago)."""
    actor = actor or factories.make_user("council")
    values = {"title": "Avaluació de l'any", "starts_on": days_ago(385),
              "ends_on": days_ago(20), "conclusions": ""}
    values.update(data)
    return operations.open_evaluation(plan, values, actor=actor, today=local_date())


def assess_every_goal(evaluation, *, actor, rating=Rating.PARTLY):
    for goal in evaluation.plan.goals:
        operations.assess_goal(evaluation, goal, {"rating": rating.value,
                                                  "reasons": "S'ha avançat **prou**."},
                               actor=actor)


def published_evaluation(plan, *, actor=None, **data):
    """An evaluation of ``plan`` with every goal assessed and conclusions, published."""
    actor = actor or factories.make_user("council")
    data.setdefault("conclusions", "Un any de feina compartida.")
    evaluation = open_evaluation(plan, actor=actor, **data)
    assess_every_goal(evaluation, actor=actor)
    return operations.publish_evaluation(evaluation, actor=actor)


def answer(evaluation, user, improved=4, took_part=3, informed=5, comment=""):
    return operations.answer_questionnaire(
        evaluation, {"improved": improved, "took_part": took_part, "informed": informed,
                     "comment": comment}, actor=user)
