"""Evaluations of a community plan: what the plan achieved over a period.

An evaluation freezes, when the council opens it (and again whenever it refreshes it while a
draft), each indicator's value at the end of the period (``EvaluationIndicator``: the latest
measurement on or before that day, with the baseline and target as they stood) and the plan's
published results with their status and progress at the end of the period
(``EvaluationResult``), so that later measurements and changes leave it as it was. The council
writes an assessment per goal (``GoalAssessment``) and conclusions, then publishes it: it is
read-only from then on. While it is a draft the council may open a short satisfaction
questionnaire (``QuestionnaireAnswer``: one answer per person, guarded by the database)."""

from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participa.core.enums import LabelledEnum
from participa.core.models import TimestampMixin, enum_column
from participa.core.types import DecimalNumber, UTCDateTime
from participa.extensions import db
from participa.plans.models import Direction
from participa.results.models import DEFAULT_LABELS

TEXT_LIMIT = 10_000  # characters of the conclusions and of an assessment's reasons
COMMENT_LIMIT = 2_000  # characters of a questionnaire's comment


class EvaluationState(LabelledEnum):
    DRAFT = "draft", _l("Being written")
    PUBLISHED = "published", _l("Published")


class Rating(LabelledEnum):
    """How far a goal was reached over the period."""

    ACHIEVED = "achieved", _l("Achieved")
    PARTLY = "partly", _l("Partly achieved")
    NOT_ACHIEVED = "not_achieved", _l("Not achieved")


# the questionnaire's 1–5 scales: the column, and the statement people rate
SCALES = (
    ("improved", _l("The plan has improved the neighbourhood")),
    ("took_part", _l("I could take part in the plan")),
    ("informed", _l("I was kept informed about the plan")),
)
SCALE_NAMES = tuple(name for name, _label in SCALES)
SCALE_MIN, SCALE_MAX = 1, 5


class Evaluation(TimestampMixin, db.Model):
    __tablename__ = "evaluations"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        sa.ForeignKey("community_plans.id", ondelete="CASCADE"), nullable=False, index=True)
    title: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    starts_on: Mapped[date] = mapped_column(sa.Date, nullable=False)
    ends_on: Mapped[date] = mapped_column(sa.Date, nullable=False)
    state: Mapped[EvaluationState] = enum_column(
        EvaluationState, "evaluation_state", nullable=False, default=EvaluationState.DRAFT,
        index=True)
    conclusions: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    is_questionnaire_open: Mapped[bool] = mapped_column(sa.Boolean, nullable=False,
                                                        default=False)
    snapshot_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True)

    plan = relationship("CommunityPlan")
    indicators = relationship(
        "EvaluationIndicator", back_populates="evaluation",
        order_by="EvaluationIndicator.position", cascade="all, delete-orphan",
        passive_deletes=True)
    results = relationship(
        "EvaluationResult", back_populates="evaluation", order_by="EvaluationResult.position",
        cascade="all, delete-orphan", passive_deletes=True)
    assessments = relationship(
        "GoalAssessment", back_populates="evaluation", order_by="GoalAssessment.position",
        cascade="all, delete-orphan", passive_deletes=True)

    __table_args__ = (
        sa.CheckConstraint("ends_on >= starts_on", name="period_order"),
        sa.CheckConstraint("state = 'draft' OR NOT is_questionnaire_open",
                           name="questionnaire_only_in_drafts"),
    )

    @property
    def is_published(self) -> bool:
        return self.state == EvaluationState.PUBLISHED

    def __repr__(self):
        return f"<Evaluation {self.id} of plan {self.plan_id}>"


class EvaluationIndicator(db.Model):
    """An indicator as it stood at the end of the evaluated period (a copy: the indicator may
    later change or go)."""

    __tablename__ = "evaluation_indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("evaluations.id", ondelete="CASCADE"), nullable=False, index=True)
    indicator_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("plan_indicators.id", ondelete="SET NULL"), nullable=True, index=True)
    goal_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("plan_goals.id", ondelete="SET NULL"), nullable=True, index=True)
    goal_title: Mapped[str] = mapped_column(sa.String(200), nullable=False, default="")
    name: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    unit: Mapped[str] = mapped_column(sa.String(40), nullable=False, default="")
    decimals: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    direction: Mapped[Direction] = enum_column(
        Direction, "evaluation_indicator_direction", nullable=False, default=Direction.HIGHER)
    baseline_value: Mapped[Decimal | None] = mapped_column(DecimalNumber(), nullable=True)
    baseline_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    target_value: Mapped[Decimal | None] = mapped_column(DecimalNumber(), nullable=True)
    target_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    # the latest measurement on or before the end of the period (None: none yet)
    value: Mapped[Decimal | None] = mapped_column(DecimalNumber(), nullable=True)
    measured_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    position: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)

    evaluation = relationship("Evaluation", back_populates="indicators")

    __table_args__ = (
        sa.CheckConstraint("(value IS NULL) = (measured_on IS NULL)", name="value_pair"),
    )

    @property
    def progress(self) -> int | None:
        """From the baseline to the target, in percent (None without the three figures)."""
        if None in (self.value, self.baseline_value, self.target_value):
            return None
        span = self.target_value - self.baseline_value
        if span == 0:
            return None
        return round((self.value - self.baseline_value) / span * 100)

    def __repr__(self):
        return f"<EvaluationIndicator {self.id} of evaluation {self.evaluation_id}>"


class EvaluationResult(db.Model):
    """A published result of the plan as it stood at the end of the period."""

    __tablename__ = "evaluation_results"

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("evaluations.id", ondelete="CASCADE"), nullable=False, index=True)
    result_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("results.id", ondelete="SET NULL"), nullable=True, index=True)
    title: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    # the status then: its key (built-in ones) and the name the council gave it, if any
    status_key: Mapped[str | None] = mapped_column(sa.String(32), nullable=True)
    status_name: Mapped[str] = mapped_column(sa.String(120), nullable=False, default="")
    progress: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    is_done: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=False)
    is_discarded: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=False)
    position: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)

    evaluation = relationship("Evaluation", back_populates="results")

    __table_args__ = (
        sa.CheckConstraint("progress >= 0 AND progress <= 100", name="progress_percent"),
        sa.CheckConstraint("NOT (is_done AND is_discarded)", name="done_or_discarded"),
    )

    @property
    def status_label(self):
        """The status's name then, or the built-in one's in the reader's language."""
        return self.status_name or DEFAULT_LABELS.get(self.status_key, self.status_key or "")

    @property
    def is_pending(self) -> bool:
        return not self.is_done and not self.is_discarded

    def __repr__(self):
        return f"<EvaluationResult {self.id} of evaluation {self.evaluation_id}>"


class GoalAssessment(TimestampMixin, db.Model):
    """The council's word on one goal: how far it was reached, and why (Markdown)."""

    __tablename__ = "evaluation_assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("evaluations.id", ondelete="CASCADE"), nullable=False)
    goal_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("plan_goals.id", ondelete="SET NULL"), nullable=True, index=True)
    goal_title: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    rating: Mapped[Rating] = enum_column(Rating, "goal_rating", nullable=False)
    reasons: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    position: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)

    evaluation = relationship("Evaluation", back_populates="assessments")

    __table_args__ = (
        sa.UniqueConstraint("evaluation_id", "goal_id", name="uq_evaluation_assessments_goal"),
    )

    def __repr__(self):
        return f"<GoalAssessment {self.id} of evaluation {self.evaluation_id}>"


class QuestionnaireAnswer(TimestampMixin, db.Model):
    """One person's answer to an evaluation's questionnaire (one per person: unique)."""

    __tablename__ = "evaluation_answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("evaluations.id", ondelete="CASCADE"), nullable=False)
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    improved: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    took_part: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    informed: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    comment: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")

    __table_args__ = (
        sa.UniqueConstraint("evaluation_id", "user_id", name="uq_evaluation_answers_person"),
        *(sa.CheckConstraint(f"{name} >= {SCALE_MIN} AND {name} <= {SCALE_MAX}",
                             name=f"{name}_scale") for name in SCALE_NAMES),
    )

    def __repr__(self):
        return f"<QuestionnaireAnswer {self.id} of evaluation {self.evaluation_id}>"
