"""Results: what a plan does (its actions), their statuses and their public timeline.

A result belongs to a plan, and perhaps to one of its processes; it serves some of the plan's
goals. Its status comes from a list the council keeps (``ResultStatus``); its progress, its
planned and executed budget change only through ``operations``, each change leaving a dated
``ResultUpdate`` on the timeline. A result with parts (child results) takes its progress and
budget from them (``operations.roll_up``): they are stored, so lists and exports read them as
columns. A result may come from an accepted proposal or a winning budget project, at most once
each (unique columns)."""

from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participa.core.models import TimestampMixin
from participa.core.types import UTCDateTime, utcnow
from participa.extensions import db

TEXT_LIMIT = 10_000  # characters of a result's description
UPDATE_LIMIT = 500  # characters of a timeline entry's text
MAX_AMOUNT = 1_000_000_000  # euros, as a budget's (within 32 bits)

# the statuses every town starts with (the council may rename them or add others): their key,
# their name as people read it until the council gives one, and their default progress
NOT_STARTED, IN_PROGRESS, DONE, DISCARDED = "not_started", "in_progress", "done", "discarded"
DEFAULT_STATUSES = (
    (NOT_STARTED, _l("Not started"), 0),
    (IN_PROGRESS, _l("In progress"), None),
    (DONE, _l("Done"), 100),
    (DISCARDED, _l("Discarded"), None),
)
DEFAULT_LABELS = {key: label for key, label, _progress in DEFAULT_STATUSES}


class ResultStatus(TimestampMixin, db.Model):
    """A status the council defines. The four built-in ones carry a ``key`` and read in the
    reader's language until the council names them; a named status reads as it was written
    (as every label the council types: a category, a plan's title)."""

    __tablename__ = "result_statuses"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str | None] = mapped_column(sa.String(32), nullable=True, unique=True)
    name: Mapped[str] = mapped_column(sa.String(120), nullable=False, default="")
    # the progress a result takes when it moves to this status (None: it keeps its own)
    default_progress: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    position: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)

    __table_args__ = (
        sa.CheckConstraint("default_progress IS NULL OR "
                           "(default_progress >= 0 AND default_progress <= 100)",
                           name="default_progress_percent"),
    )

    @property
    def label(self):
        return self.name or DEFAULT_LABELS.get(self.key, self.key or "")

    @property
    def is_discarded(self) -> bool:
        return self.key == DISCARDED

    def __repr__(self):
        return f"<ResultStatus {self.id} {self.key or ''}>"


result_goals = sa.Table(
    "result_goals",
    db.metadata,
    sa.Column("result_id", sa.ForeignKey("results.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("goal_id", sa.ForeignKey("plan_goals.id", ondelete="CASCADE"), primary_key=True,
              index=True),
)


class Result(TimestampMixin, db.Model):
    """One action of a plan: what is being done, by whom, with how much money, how far."""

    __tablename__ = "results"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        sa.ForeignKey("community_plans.id", ondelete="CASCADE"), nullable=False)
    process_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("processes.id", ondelete="SET NULL"), nullable=True, index=True)
    parent_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("results.id", ondelete="SET NULL"), nullable=True, index=True)
    title: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    description: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    neighbourhood_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("neighbourhoods.id", ondelete="SET NULL"), nullable=True, index=True)
    category_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("categories.id", ondelete="SET NULL"), nullable=True, index=True)
    # the people or bodies responsible, as written (associations later)
    responsible: Mapped[str] = mapped_column(sa.String(300), nullable=False, default="")
    planned_budget: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)  # euros
    executed_budget: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    starts_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    ends_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    status_id: Mapped[int] = mapped_column(
        sa.ForeignKey("result_statuses.id", ondelete="RESTRICT"), nullable=False, index=True)
    progress: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    # drafts (None) are the council's alone
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # where it comes from: at most one result per proposal and per budget project
    proposal_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("proposals.id", ondelete="SET NULL"), nullable=True, unique=True)
    budget_project_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("budget_projects.id", ondelete="SET NULL"), nullable=True, unique=True)
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True)

    plan = relationship("CommunityPlan")
    process = relationship("Process")
    neighbourhood = relationship("Neighbourhood")
    category = relationship("Category")
    status = relationship("ResultStatus")
    proposal = relationship("Proposal")
    budget_project = relationship("BudgetProject")
    parent = relationship("Result", remote_side=[id], back_populates="children")
    children = relationship("Result", back_populates="parent", order_by="Result.id")
    goals = relationship("Goal", secondary=result_goals, order_by="(Goal.position, Goal.id)")
    updates = relationship("ResultUpdate", back_populates="result",
                           order_by="(ResultUpdate.created_at.desc(), ResultUpdate.id.desc())",
                           cascade="all, delete-orphan", passive_deletes=True,
                           foreign_keys="ResultUpdate.result_id")

    __table_args__ = (
        sa.CheckConstraint("progress >= 0 AND progress <= 100", name="progress_percent"),
        sa.CheckConstraint("planned_budget >= 0 AND executed_budget >= 0",
                           name="budgets_positive"),
        sa.CheckConstraint("ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on",
                           name="period_order"),
        sa.CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_its_own_parent"),
        sa.Index("ix_results_plan_published", "plan_id", "published_at", "id"),
    )

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def __repr__(self):
        return f"<Result {self.id}>"


class ResultUpdate(db.Model):
    """One dated entry of a result's public timeline: what changed (the new status, progress
    or budget; None where it did not) and a short text saying why. ``child`` names the part
    whose change moved a result's rolled-up figures."""

    __tablename__ = "result_updates"

    id: Mapped[int] = mapped_column(primary_key=True)
    result_id: Mapped[int] = mapped_column(
        sa.ForeignKey("results.id", ondelete="CASCADE"), nullable=False, index=True)
    author_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True)
    child_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("results.id", ondelete="SET NULL"), nullable=True, index=True)
    text: Mapped[str] = mapped_column(sa.String(UPDATE_LIMIT), nullable=False, default="")
    status_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("result_statuses.id", ondelete="SET NULL"), nullable=True, index=True)
    progress: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    planned_budget: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    executed_budget: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)

    result = relationship("Result", back_populates="updates", foreign_keys=[result_id])
    child = relationship("Result", foreign_keys=[child_id])
    author = relationship("User")
    status = relationship("ResultStatus")

    def __repr__(self):
        return f"<ResultUpdate {self.id} of result {self.result_id}>"
