"""Reads about evaluations: a plan's list, one evaluation with its snapshot, the one before it,
the questionnaire's summary (aggregate queries: never every answer in Python) and comments."""

from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from participa.evaluations.models import (
    SCALE_MAX,
    SCALE_MIN,
    SCALES,
    Evaluation,
    EvaluationState,
    QuestionnaireAnswer,
)
from participa.extensions import db


def list_evaluations(plan, *, drafts=False) -> list[Evaluation]:
    """The plan's evaluations, the latest period first (``drafts``: the council's view)."""
    query = sa.select(Evaluation).where(Evaluation.plan_id == plan.id)
    if not drafts:
        query = query.where(Evaluation.state == EvaluationState.PUBLISHED)
    return list(db.session.scalars(query.order_by(Evaluation.ends_on.desc(),
                                                  Evaluation.id.desc())))


def list_open_questionnaires(plan) -> list[Evaluation]:
    return list(db.session.scalars(
        sa.select(Evaluation).where(Evaluation.plan_id == plan.id,
                                    Evaluation.state == EvaluationState.DRAFT,
                                    Evaluation.is_questionnaire_open.is_(True))
        .order_by(Evaluation.id)))


def get_evaluation(plan, evaluation_id: int) -> Evaluation | None:
    """An evaluation of ``plan`` with its snapshot and assessments (four queries)."""
    return db.session.scalar(
        sa.select(Evaluation).where(Evaluation.id == evaluation_id,
                                    Evaluation.plan_id == plan.id)
        .options(selectinload(Evaluation.indicators), selectinload(Evaluation.results),
                 selectinload(Evaluation.assessments)))


def previous_evaluation(evaluation) -> Evaluation | None:
    """The published evaluation of the same plan whose period ended last before this one's
    began: the one this is compared with."""
    return db.session.scalar(
        sa.select(Evaluation).where(Evaluation.plan_id == evaluation.plan_id,
                                    Evaluation.id != evaluation.id,
                                    Evaluation.state == EvaluationState.PUBLISHED,
                                    Evaluation.ends_on < evaluation.starts_on)
        .order_by(Evaluation.ends_on.desc(), Evaluation.id.desc()).limit(1)
        .options(selectinload(Evaluation.indicators), selectinload(Evaluation.results)))


def get_answer(evaluation, user) -> QuestionnaireAnswer | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(sa.select(QuestionnaireAnswer).where(
        QuestionnaireAnswer.evaluation_id == evaluation.id,
        QuestionnaireAnswer.user_id == user.id))


@dataclass
class ScaleSummary:
    name: str
    label: object
    mean: float | None
    # answers per value, 1 to 5
    counts: dict = field(default_factory=dict)

    @property
    def rows(self) -> list[tuple]:
        """(value, answers, percent of all) from 1 to 5."""
        total = sum(self.counts.values())
        return [(value, n, round(n * 100 / total) if total else 0)
                for value, n in sorted(self.counts.items())]


@dataclass
class Summary:
    answers: int
    scales: list[ScaleSummary]


def questionnaire_summary(evaluation) -> Summary:
    """How many answered, and per scale the mean and how many gave each value: one query."""
    a = QuestionnaireAnswer
    columns = [sa.func.count(a.id)]
    for name, _label in SCALES:
        column = getattr(a, name)
        columns.append(sa.func.avg(column))
        columns.extend(sa.func.coalesce(sa.func.sum(sa.case((column == value, 1), else_=0)), 0)
                       for value in range(SCALE_MIN, SCALE_MAX + 1))
    row = db.session.execute(sa.select(*columns).where(a.evaluation_id == evaluation.id)).one()
    values = list(row)
    total = values.pop(0)
    scales = []
    width = SCALE_MAX - SCALE_MIN + 1
    for name, label in SCALES:
        mean = values.pop(0)
        counts = dict(zip(range(SCALE_MIN, SCALE_MAX + 1), map(int, values[:width]),
                          strict=True))
        del values[:width]
        scales.append(ScaleSummary(name, label, None if mean is None else float(mean), counts))
    return Summary(total, scales)


def list_comments(evaluation) -> list[str]:
    """The questionnaire's comments, without names, in the order they came."""
    return list(db.session.scalars(
        sa.select(QuestionnaireAnswer.comment)
        .where(QuestionnaireAnswer.evaluation_id == evaluation.id,
               QuestionnaireAnswer.comment != "")
        .order_by(QuestionnaireAnswer.id)))
