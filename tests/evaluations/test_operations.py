"""Evaluations without HTTP: the snapshot (values at the end of the period, frozen), the results
done and pending then, assessments, the rules of publishing, the questionnaire and its summary,
and the comparison with the evaluation before."""

from datetime import timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from participa.core.errors import DomainError
from participa.core.models import ActionLog
from participa.core.timeutil import local_date
from participa.evaluations import operations, queries
from participa.evaluations.comparison import compare
from participa.evaluations.models import EvaluationState, QuestionnaireAnswer, Rating
from participa.extensions import db
from participa.plans.models import PlanStatus
from tests.support import factories
from tests.support.evaluations import (
    answer,
    assess_every_goal,
    days_ago,
    open_evaluation,
    plan_to_evaluate,
    published_evaluation,
)
from tests.support.plans import measure
from tests.support.results import record


@pytest.fixture
def council():
    return factories.make_user("council")


@pytest.fixture
def plan(council):
    return plan_to_evaluate(council=council)


def verbs():
    return list(db.session.scalars(sa.select(ActionLog.verb).order_by(ActionLog.id)))


def values(evaluation):
    return [(row.name, row.value) for row in evaluation.indicators]


def test_the_snapshot_holds_each_indicator_at_the_end_of_the_period(plan, council):
    evaluation = open_evaluation(plan, actor=council)
    assert evaluation.state == EvaluationState.DRAFT
    assert values(evaluation) == [("Indicador 1", Decimal("120")), ("Indicador 2", Decimal("40"))]
    first = evaluation.indicators[0]
    assert first.measured_on == days_ago(40) and first.goal_title == "Objectiu 1"
    assert (first.baseline_value, first.target_value) == (Decimal("100"), Decimal("150"))
    assert first.progress == 40  # from 100 towards 150, at 120
    assert verbs()[-1] == "open_evaluation"


def test_an_indicator_without_a_measurement_by_then_has_no_value(plan, council):
    evaluation = open_evaluation(plan, actor=council, starts_on=days_ago(500),
                                 ends_on=days_ago(380))
    assert [row.value for row in evaluation.indicators] == [None, None]


def test_later_measurements_and_changes_leave_the_snapshot_as_it_was(plan, council):
    evaluation = open_evaluation(plan, actor=council)
    indicator = plan.goals[0].indicators[0]
    measure(indicator, "999", days_ago(25))  # inside the period, but recorded after it opened
    indicator.target_value = Decimal("500")
    record(_result(plan, "Horts del Rec"), actor=council, status="done")
    db.session.flush()
    db.session.expire_all()
    evaluation = queries.get_evaluation(plan, evaluation.id)
    assert values(evaluation)[0] == ("Indicador 1", Decimal("120"))
    assert evaluation.indicators[0].target_value == Decimal("150")
    assert [r.title for r in evaluation.results if r.is_done] == ["Arranjar la plaça"]
    # until the council takes it again (a draft only)
    operations.refresh_evaluation(evaluation, actor=council)
    assert values(evaluation)[0] == ("Indicador 1", Decimal("999"))


def _result(plan, title):
    from participa.results.models import Result

    return db.session.scalar(sa.select(Result).where(Result.plan_id == plan.id,
                                                     Result.title == title))


def test_results_done_pending_and_discarded_as_they_stood_at_the_end(plan, council):
    evaluation = open_evaluation(plan, actor=council)
    by_title = {r.title: r for r in evaluation.results}
    assert by_title["Arranjar la plaça"].is_done
    assert by_title["Horts del Rec"].is_pending and by_title["Horts del Rec"].progress == 40
    assert by_title["Horts del Rec"].status_key == "in_progress"
    assert by_title["Piscina olímpica"].is_discarded
    # 55 days ago the square was not done yet: it was pending, not started
    again = plan_to_evaluate(council=council)
    earlier = open_evaluation(again, actor=council, starts_on=days_ago(600),
                              ends_on=days_ago(55))
    square = next(r for r in earlier.results if r.title == "Arranjar la plaça")
    assert square.is_pending and (square.status_key, square.progress) == ("not_started", 0)


def test_drafts_and_results_made_after_the_period_are_left_out(plan, council):
    from tests.support.results import make_result

    make_result(plan, actor=council)  # a draft
    make_result(plan, actor=council, publish=True, title="Nou")  # made today
    evaluation = open_evaluation(plan, actor=council)
    assert len(evaluation.results) == 3


@pytest.mark.parametrize("data, field", [
    ({"starts_on": days_ago(10), "ends_on": days_ago(20)}, "ends_on"),
    ({"ends_on": local_date() + timedelta(days=1)}, "ends_on"),
    ({"title": ""}, "title"),
    ({"title": "x" * 201}, "title"),
    ({"starts_on": None}, "starts_on"),
    ({"conclusions": "x" * 10_001}, "conclusions"),
])
def test_a_bad_period_or_text_is_refused(plan, council, data, field):
    with pytest.raises(DomainError) as refused:
        open_evaluation(plan, actor=council, **data)
    assert refused.value.field == field


def test_periods_of_one_plan_never_overlap(plan, council):
    open_evaluation(plan, actor=council)
    with pytest.raises(DomainError) as refused:
        open_evaluation(plan, actor=council, starts_on=days_ago(30), ends_on=days_ago(5))
    assert refused.value.field == "starts_on"
    assert "Avaluació de l'any" in str(refused.value.message)  # names the one it overlaps
    open_evaluation(plan, actor=council, starts_on=days_ago(19), ends_on=days_ago(5))
    other = plan_to_evaluate(council=council)
    open_evaluation(other, actor=council)  # another plan may look at the same period


def test_only_the_council_evaluates_and_only_public_plans(plan, council):
    with pytest.raises(DomainError):
        open_evaluation(plan, actor=factories.make_user())
    draft = plan_to_evaluate(status=PlanStatus.DRAFT, council=council)
    with pytest.raises(DomainError):
        open_evaluation(draft, actor=council)
    closed = plan_to_evaluate(status=PlanStatus.CLOSED, council=council)
    assert open_evaluation(closed, actor=council).plan_id == closed.id


def test_changing_the_period_takes_the_snapshot_again(plan, council):
    evaluation = open_evaluation(plan, actor=council)
    operations.update_evaluation(
        evaluation, {"title": "Avaluació", "starts_on": days_ago(385), "ends_on": days_ago(5),
                     "conclusions": "Bé."}, actor=council, today=local_date())
    assert values(evaluation)[0] == ("Indicador 1", Decimal("130"))
    assert evaluation.conclusions == "Bé."
    assert verbs()[-1] == "update_evaluation"


def test_each_goal_is_assessed_once_and_can_be_rewritten(plan, council):
    evaluation = open_evaluation(plan, actor=council)
    goal = plan.goals[0]
    operations.assess_goal(evaluation, goal, {"rating": "achieved", "reasons": "Sí."},
                           actor=council)
    operations.assess_goal(evaluation, goal, {"rating": "partly", "reasons": "A mitges."},
                           actor=council)
    [assessment] = evaluation.assessments
    assert assessment.rating == Rating.PARTLY and assessment.reasons == "A mitges."
    assert assessment.goal_title == goal.title


@pytest.mark.parametrize("data, field", [
    ({"rating": "excellent", "reasons": "Sí."}, "rating"),
    ({"rating": None, "reasons": "Sí."}, "rating"),
    ({"rating": "achieved", "reasons": "  "}, "reasons"),
])
def test_an_assessment_needs_a_rating_and_reasons(plan, council, data, field):
    evaluation = open_evaluation(plan, actor=council)
    with pytest.raises(DomainError) as refused:
        operations.assess_goal(evaluation, plan.goals[0], data, actor=council)
    assert refused.value.field == field


def test_another_plans_goal_is_not_assessed(plan, council):
    evaluation = open_evaluation(plan, actor=council)
    other = plan_to_evaluate(council=council)
    with pytest.raises(DomainError):
        operations.assess_goal(evaluation, other.goals[0],
                               {"rating": "achieved", "reasons": "Sí."}, actor=council)


def test_publishing_needs_every_goal_assessed_and_conclusions(plan, council):
    evaluation = open_evaluation(plan, actor=council)
    operations.assess_goal(evaluation, plan.goals[0], {"rating": "achieved", "reasons": "Sí."},
                           actor=council)
    with pytest.raises(DomainError) as refused:
        operations.publish_evaluation(evaluation, actor=council)
    assert "Objectiu 2" in str(refused.value.message)
    assess_every_goal(evaluation, actor=council)
    with pytest.raises(DomainError) as refused:
        operations.publish_evaluation(evaluation, actor=council)
    assert "conclusions" in str(refused.value.message)
    evaluation.conclusions = "Un bon any."
    operations.open_questionnaire(evaluation, actor=council)
    operations.publish_evaluation(evaluation, actor=council)
    assert evaluation.is_published and evaluation.published_at is not None
    assert not evaluation.is_questionnaire_open  # publishing closes it
    assert verbs()[-1] == "publish_evaluation"


def test_a_published_evaluation_no_longer_changes(plan, council):
    evaluation = published_evaluation(plan, actor=council)
    today = local_date()
    attempts = [
        lambda: operations.update_evaluation(evaluation, {"title": "Nou",
                                                          "starts_on": days_ago(385),
                                                          "ends_on": days_ago(20)},
                                             actor=council, today=today),
        lambda: operations.refresh_evaluation(evaluation, actor=council),
        lambda: operations.assess_goal(evaluation, plan.goals[0],
                                       {"rating": "achieved", "reasons": "Sí."}, actor=council),
        lambda: operations.publish_evaluation(evaluation, actor=council),
        lambda: operations.open_questionnaire(evaluation, actor=council),
    ]
    for attempt in attempts:
        with pytest.raises(DomainError) as refused:
            attempt()
        assert refused.value.message is operations.PUBLISHED


def test_one_answer_per_person_changeable_while_open(plan, council):
    evaluation = open_evaluation(plan, actor=council)
    neighbour = factories.make_user()
    with pytest.raises(DomainError):  # not open yet
        answer(evaluation, neighbour)
    operations.open_questionnaire(evaluation, actor=council)
    first, changed = answer(evaluation, neighbour, improved=2)
    assert not changed
    again, changed = answer(evaluation, neighbour, improved=5, comment="Més bancs!")
    assert changed and again.id == first.id and (again.improved, again.comment) == (5, "Més bancs!")
    assert verbs()[-2:] == ["answer_questionnaire", "change_questionnaire_answer"]
    operations.close_questionnaire(evaluation, actor=council)
    with pytest.raises(DomainError):
        answer(evaluation, neighbour, improved=1)


@pytest.mark.parametrize("data, field", [
    ({"improved": 0}, "improved"), ({"took_part": 6}, "took_part"),
    ({"informed": "5"}, "informed"), ({"informed": None}, "informed"),
    ({"comment": "x" * 2001}, "comment"),
])
def test_a_bad_answer_is_refused(plan, council, data, field):
    evaluation = open_evaluation(plan, actor=council)
    operations.open_questionnaire(evaluation, actor=council)
    values = {"improved": 3, "took_part": 3, "informed": 3, "comment": ""}
    values.update(data)
    with pytest.raises(DomainError) as refused:
        operations.answer_questionnaire(evaluation, values, actor=factories.make_user())
    assert refused.value.field == field


def test_blocked_people_do_not_answer(plan, council):
    from participa.core.types import utcnow

    evaluation = open_evaluation(plan, actor=council)
    operations.open_questionnaire(evaluation, actor=council)
    blocked = factories.make_user()
    blocked.blocked_at = utcnow()
    with pytest.raises(DomainError):
        answer(evaluation, blocked)


def test_the_database_refuses_a_second_answer_from_one_person(plan, council):
    evaluation = open_evaluation(plan, actor=council)
    person = factories.make_user()
    for _ in range(2):
        db.session.add(QuestionnaireAnswer(evaluation_id=evaluation.id, user_id=person.id,
                                           improved=3, took_part=3, informed=3, comment=""))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_the_summary_counts_means_and_distributions(plan, council):
    evaluation = open_evaluation(plan, actor=council)
    operations.open_questionnaire(evaluation, actor=council)
    for improved, comment in ((5, "Molt bé"), (4, ""), (4, "Cal més informació"), (1, "")):
        answer(evaluation, factories.make_user(), improved=improved, comment=comment)
    summary = queries.questionnaire_summary(evaluation)
    assert summary.answers == 4
    improved = summary.scales[0]
    assert improved.name == "improved" and improved.mean == pytest.approx(3.5)
    assert improved.counts == {1: 1, 2: 0, 3: 0, 4: 2, 5: 1}
    assert improved.rows[3] == (4, 2, 50)
    assert queries.list_comments(evaluation) == ["Molt bé", "Cal més informació"]
    empty = queries.questionnaire_summary(open_evaluation(
        plan, actor=council, starts_on=days_ago(600), ends_on=days_ago(400)))
    assert empty.answers == 0 and empty.scales[0].mean is None


def test_an_evaluation_is_compared_with_the_published_one_before(plan, council):
    first = published_evaluation(plan, actor=council, starts_on=days_ago(700),
                                 ends_on=days_ago(55))
    second = open_evaluation(plan, actor=council, starts_on=days_ago(54), ends_on=days_ago(5))
    assert queries.previous_evaluation(second).id == first.id
    assert queries.previous_evaluation(first) is None
    comparison = compare(second, first)
    rows = {row.name: row for row in comparison["indicators"]}
    one, two = rows["Indicador 1"], rows["Indicador 2"]
    assert (one.previous, one.current, one.change, one.trend) == (
        Decimal("100"), Decimal("130"), Decimal("30"), "better")
    assert (two.previous, two.current, two.change, two.trend) == (
        Decimal("50"), Decimal("35"), Decimal("-15"), "better")  # lower is better
    counts = {row.key: (row.previous, row.current, row.change)
              for row in comparison["results"]}
    assert counts == {"done": (0, 1, 1), "pending": (2, 1, -1), "discarded": (1, 1, 0),
                      "total": (3, 3, 0)}


def test_a_published_evaluation_outlives_the_goals_and_indicators_it_read(plan, council):
    from participa.plans import operations as plan_operations

    evaluation = published_evaluation(plan, actor=council)
    plan_operations.delete_goal(plan.goals[0], actor=council)
    db.session.flush()
    db.session.expire_all()
    evaluation = queries.get_evaluation(plan, evaluation.id)
    assert values(evaluation) == [("Indicador 1", Decimal("120")), ("Indicador 2", Decimal("40"))]
    assert evaluation.indicators[0].indicator_id is None
    assert [a.goal_title for a in evaluation.assessments] == ["Objectiu 1", "Objectiu 2"]
