"""Every write about evaluations. Flush, never commit; the actor, the clock and the town's date
are passed in.

The snapshot (``take_snapshot``) is what an evaluation looks back at, frozen in its own tables:

- each indicator of the plan with its baseline and target, and its value at the end of the
  period: the latest measurement on or before the period's last day (none: no value);
- each published result of the plan that existed by the end of the period, with its status and
  progress then, read from its timeline (the last entry on or before that day that set them).
  A result is done when its status was the built-in "done", discarded when it was "discarded",
  pending otherwise.

It is taken when the evaluation opens and whenever its period changes or the council refreshes
it, and never again once the evaluation is published.

One answer per person under parallel requests: answering takes ``lock_row(User, actor.id)``
(one person's requests queue up) and ``lock_row(Evaluation, …)`` (an answer and the
questionnaire's closing cannot cross); the unique (evaluation, person) refuses a second row
anyway."""

from datetime import UTC, datetime, time, timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from participa.accounts.models import User
from participa.core.database import lock_row
from participa.core.errors import DomainError
from participa.core.models import log_action
from participa.core.text import text_value
from participa.core.timeutil import LOCAL_TZ
from participa.core.types import utcnow
from participa.evaluations.models import (
    COMMENT_LIMIT,
    SCALE_MAX,
    SCALE_MIN,
    SCALE_NAMES,
    TEXT_LIMIT,
    Evaluation,
    EvaluationIndicator,
    EvaluationResult,
    EvaluationState,
    GoalAssessment,
    QuestionnaireAnswer,
    Rating,
)
from participa.evaluations.permissions import (
    can_close_questionnaire,
    can_edit_evaluation,
    can_open_evaluation,
    can_open_questionnaire,
    can_publish_evaluation,
    why_not_answer,
)
from participa.extensions import db
from participa.plans.models import CommunityPlan, Goal, Indicator, Measurement
from participa.results.models import DISCARDED, DONE, Result, ResultStatus, ResultUpdate

# the ActionLog verbs written here, as the council's log reads them
VERBS = {
    "open_evaluation": _l("opened an evaluation of a plan"),
    "update_evaluation": _l("edited an evaluation"),
    "refresh_evaluation": _l("took an evaluation's snapshot again"),
    "assess_goal": _l("assessed a goal in an evaluation"),
    "open_questionnaire": _l("opened an evaluation's questionnaire"),
    "close_questionnaire": _l("closed an evaluation's questionnaire"),
    "publish_evaluation": _l("published an evaluation"),
    "answer_questionnaire": _l("answered an evaluation's questionnaire"),
    "change_questionnaire_answer": _l("changed their answer to an evaluation's questionnaire"),
}

COUNCIL_ONLY = _l("Only the council evaluates plans.")
PUBLISHED = _l("This evaluation has been published: it can no longer change.")


# --- the evaluation --------------------------------------------------------------------------

def _period(plan, data, *, today, evaluation=None):
    """The period asked for, checked: whole, in order, over, and overlapping no other
    evaluation of the plan."""
    starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
    if not starts_on:
        raise DomainError(_l("Give the first day of the period."), field="starts_on")
    if not ends_on:
        raise DomainError(_l("Give the last day of the period."), field="ends_on")
    if ends_on < starts_on:
        raise DomainError(_l("The period cannot end before it starts."), field="ends_on")
    if ends_on > today:
        raise DomainError(_l("The period cannot end after today: an evaluation looks back at "
                             "what has been done."), field="ends_on")
    query = sa.select(Evaluation.title).where(
        Evaluation.plan_id == plan.id, Evaluation.starts_on <= ends_on,
        Evaluation.ends_on >= starts_on)
    if evaluation is not None and evaluation.id is not None:
        query = query.where(Evaluation.id != evaluation.id)
    other = db.session.scalar(query.limit(1))
    if other is not None:
        raise DomainError(_l("This period overlaps another evaluation of the plan "
                             "(“%(title)s”): each evaluation looks at a period of its own.",
                             title=other), field="starts_on")
    return starts_on, ends_on


def _apply_text(evaluation, data):
    evaluation.title = text_value(data, "title", 200, _l("Write a title of at most 200 "
                                                    "characters."))
    evaluation.conclusions = text_value(
        data, "conclusions", TEXT_LIMIT,
        _l("Write a text of at most %(n)s characters.", n=TEXT_LIMIT), required=False)


def open_evaluation(plan, data: dict, *, actor, today, now=None) -> Evaluation:
    """A draft evaluation of ``plan`` over a period that has ended, with its snapshot."""
    if not can_open_evaluation(actor, plan):
        raise DomainError(_l("Only the council evaluates plans, and only public ones."))
    now = now or utcnow()
    lock_row(CommunityPlan, plan.id)  # two periods opened at once cannot overlap
    evaluation = Evaluation(plan_id=plan.id, created_by_id=actor.id, snapshot_at=now,
                            state=EvaluationState.DRAFT, is_questionnaire_open=False)
    _apply_text(evaluation, data)
    evaluation.starts_on, evaluation.ends_on = _period(plan, data, today=today)
    evaluation.plan = plan
    db.session.add(evaluation)
    take_snapshot(evaluation, now=now)
    log_action("open_evaluation", evaluation, actor=actor, plan_id=plan.id,
               starts_on=evaluation.starts_on, ends_on=evaluation.ends_on)
    return evaluation


def _lock(evaluation):
    lock_row(Evaluation, evaluation.id)
    db.session.refresh(evaluation)


def _editable(evaluation, actor):
    _lock(evaluation)
    if evaluation.is_published:
        raise DomainError(PUBLISHED)
    if not can_edit_evaluation(actor, evaluation):
        raise DomainError(COUNCIL_ONLY)


def update_evaluation(evaluation, data: dict, *, actor, today, now=None) -> Evaluation:
    """Its title, conclusions and period (a new period takes a new snapshot)."""
    _editable(evaluation, actor)
    lock_row(CommunityPlan, evaluation.plan_id)
    period = _period(evaluation.plan, data, today=today, evaluation=evaluation)
    _apply_text(evaluation, data)
    moved = period != (evaluation.starts_on, evaluation.ends_on)
    evaluation.starts_on, evaluation.ends_on = period
    if moved:
        take_snapshot(evaluation, now=now or utcnow())
    db.session.flush()
    log_action("update_evaluation", evaluation, actor=actor, plan_id=evaluation.plan_id,
               period_changed=moved)
    return evaluation


def refresh_evaluation(evaluation, *, actor, now=None) -> Evaluation:
    """Take the snapshot again (a measurement recorded late, a result's timeline corrected)."""
    _editable(evaluation, actor)
    take_snapshot(evaluation, now=now or utcnow())
    log_action("refresh_evaluation", evaluation, actor=actor, plan_id=evaluation.plan_id)
    return evaluation


def period_end(evaluation) -> datetime:
    """The first instant after the period (midnight in the town, as UTC)."""
    return datetime.combine(evaluation.ends_on + timedelta(days=1), time(),
                            tzinfo=LOCAL_TZ).astimezone(UTC)


def take_snapshot(evaluation, *, now) -> None:
    """Freeze the plan's indicators and results as they stood at the end of the period (the
    module says how). Replaces an earlier snapshot."""
    evaluation.indicators.clear()
    evaluation.results.clear()
    db.session.flush()
    evaluation.indicators.extend(_indicator_rows(evaluation))
    evaluation.results.extend(_result_rows(evaluation))
    evaluation.snapshot_at = now
    db.session.flush()


def _indicator_rows(evaluation) -> list[EvaluationIndicator]:
    latest_day = (sa.select(Measurement.indicator_id,
                            sa.func.max(Measurement.measured_on).label("day"))
                  .where(Measurement.measured_on <= evaluation.ends_on)
                  .group_by(Measurement.indicator_id).subquery())
    rows = db.session.execute(
        sa.select(Goal, Indicator, Measurement)
        .join(Indicator, Indicator.goal_id == Goal.id)
        .outerjoin(latest_day, latest_day.c.indicator_id == Indicator.id)
        .outerjoin(Measurement, sa.and_(Measurement.indicator_id == Indicator.id,
                                        Measurement.measured_on == latest_day.c.day))
        .where(Goal.plan_id == evaluation.plan_id)
        .order_by(Goal.position, Goal.id, Indicator.position, Indicator.id)).all()
    return [
        EvaluationIndicator(
            indicator_id=indicator.id, goal_id=goal.id, goal_title=goal.title,
            name=indicator.name, unit=indicator.unit, decimals=indicator.decimals,
            direction=indicator.direction, baseline_value=indicator.baseline_value,
            baseline_on=indicator.baseline_on, target_value=indicator.target_value,
            target_on=indicator.target_on,
            value=measurement.value if measurement else None,
            measured_on=measurement.measured_on if measurement else None, position=position)
        for position, (goal, indicator, measurement) in enumerate(rows)]


def _result_rows(evaluation) -> list[EvaluationResult]:
    """The published results' status and progress at the end of the period, from their
    timelines (two queries)."""
    statuses = {s.id: s for s in db.session.scalars(sa.select(ResultStatus))}
    entries = db.session.execute(
        sa.select(Result.id, Result.title, ResultUpdate.status_id, ResultUpdate.progress)
        .join(ResultUpdate, ResultUpdate.result_id == Result.id)
        .where(Result.plan_id == evaluation.plan_id, Result.published_at.is_not(None),
               ResultUpdate.created_at < period_end(evaluation))
        .order_by(Result.id, ResultUpdate.created_at, ResultUpdate.id)).all()
    then: dict = {}
    for result_id, title, status_id, progress in entries:
        row = then.setdefault(result_id, {"title": title, "status_id": None, "progress": 0})
        if status_id is not None:
            row["status_id"] = status_id
        if progress is not None:
            row["progress"] = progress
    rows = []
    for position, (result_id, row) in enumerate(then.items()):
        status = statuses.get(row["status_id"])
        key = status.key if status else None
        rows.append(EvaluationResult(
            result_id=result_id, title=row["title"], status_key=key,
            status_name=status.name if status else "", progress=row["progress"],
            is_done=key == DONE, is_discarded=key == DISCARDED, position=position))
    return rows


# --- assessments, conclusions, publication ------------------------------------------------

def assess_goal(evaluation, goal, data: dict, *, actor) -> GoalAssessment:
    """The council's assessment of one of the plan's goals (written again: replaced)."""
    _editable(evaluation, actor)
    if goal.plan_id != evaluation.plan_id:
        raise DomainError(_l("Assess only this plan's goals."))
    try:
        rating = Rating(data.get("rating"))
    except ValueError:
        raise DomainError(_l("Say whether the goal was achieved, partly achieved or not "
                             "achieved."), field="rating") from None
    reasons = text_value(data, "reasons", TEXT_LIMIT,
                    _l("Give the reasons, in at most %(n)s characters.", n=TEXT_LIMIT))
    assessment = db.session.scalar(sa.select(GoalAssessment).where(
        GoalAssessment.evaluation_id == evaluation.id, GoalAssessment.goal_id == goal.id))
    if assessment is None:
        assessment = GoalAssessment(evaluation_id=evaluation.id, goal_id=goal.id)
        db.session.add(assessment)
    assessment.goal_title, assessment.position = goal.title, goal.position
    assessment.rating, assessment.reasons = rating, reasons
    db.session.flush()
    db.session.expire(evaluation, ["assessments"])
    log_action("assess_goal", evaluation, actor=actor, plan_id=evaluation.plan_id,
               goal_id=goal.id, rating=rating)
    return assessment


def missing_assessments(evaluation) -> list[Goal]:
    """The plan's goals the evaluation has not assessed yet."""
    assessed = sa.select(GoalAssessment.goal_id).where(
        GoalAssessment.evaluation_id == evaluation.id, GoalAssessment.goal_id.is_not(None))
    return list(db.session.scalars(
        sa.select(Goal).where(Goal.plan_id == evaluation.plan_id, Goal.id.not_in(assessed))
        .order_by(Goal.position, Goal.id)))


def publish_evaluation(evaluation, *, actor, now=None) -> Evaluation:
    """Publish it: read-only from now on, on the plan's page; its questionnaire closes."""
    _editable(evaluation, actor)
    if not can_publish_evaluation(actor, evaluation):
        raise DomainError(_l("A draft plan's evaluation cannot be published."))
    missing = missing_assessments(evaluation)
    if missing:
        raise DomainError(_l("Assess every goal before publishing. Not assessed yet: "
                             "%(goals)s.", goals=", ".join(goal.title for goal in missing)))
    if not evaluation.conclusions.strip():
        raise DomainError(_l("Write the conclusions before publishing."))
    evaluation.state = EvaluationState.PUBLISHED
    evaluation.is_questionnaire_open = False
    evaluation.published_at = now or utcnow()
    db.session.flush()
    log_action("publish_evaluation", evaluation, actor=actor, plan_id=evaluation.plan_id)
    return evaluation


# --- the questionnaire --------------------------------------------------------------------

def open_questionnaire(evaluation, *, actor) -> Evaluation:
    _editable(evaluation, actor)
    if not can_open_questionnaire(actor, evaluation):
        raise DomainError(_l("The questionnaire is already open, or the plan is not public."))
    evaluation.is_questionnaire_open = True
    db.session.flush()
    log_action("open_questionnaire", evaluation, actor=actor, plan_id=evaluation.plan_id)
    return evaluation


def close_questionnaire(evaluation, *, actor) -> Evaluation:
    _editable(evaluation, actor)
    if not can_close_questionnaire(actor, evaluation):
        raise DomainError(_l("The questionnaire is not open."))
    evaluation.is_questionnaire_open = False
    db.session.flush()
    log_action("close_questionnaire", evaluation, actor=actor, plan_id=evaluation.plan_id)
    return evaluation


def _scales(data) -> dict:
    values = {}
    for name in SCALE_NAMES:
        value = data.get(name)
        if not isinstance(value, int) or isinstance(value, bool) \
                or not SCALE_MIN <= value <= SCALE_MAX:
            raise DomainError(_l("Choose a value from 1 to 5."), field=name)
        values[name] = value
    return values


def answer_questionnaire(evaluation, data: dict, *, actor):
    """Save (or change) ``actor``'s answer. Returns (answer, changed)."""
    lock_row(User, actor.id)
    _lock(evaluation)
    refusal = why_not_answer(actor, evaluation)
    if refusal is not None:
        raise DomainError(refusal.label)
    values = _scales(data)
    values["comment"] = text_value(data, "comment", COMMENT_LIMIT,
                              _l("Write a comment of at most %(n)s characters.",
                                 n=COMMENT_LIMIT), required=False)
    answer = db.session.scalar(sa.select(QuestionnaireAnswer).where(
        QuestionnaireAnswer.evaluation_id == evaluation.id,
        QuestionnaireAnswer.user_id == actor.id))
    changed = answer is not None
    if answer is None:
        answer = QuestionnaireAnswer(evaluation_id=evaluation.id, user_id=actor.id)
        db.session.add(answer)
    for name, value in values.items():
        setattr(answer, name, value)
    try:
        db.session.flush()
    except IntegrityError as error:  # the database's backstop: one answer per person
        raise DomainError(_l("Your answer was being saved at the same time. Reload the page "
                             "to see it.")) from error
    log_action("change_questionnaire_answer" if changed else "answer_questionnaire",
               evaluation, actor=actor, plan_id=evaluation.plan_id)
    return answer, changed
