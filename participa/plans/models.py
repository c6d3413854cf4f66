from datetime import date

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participa.core.enums import LabelledEnum
from participa.core.models import TimestampMixin, enum_column
from participa.extensions import db


class PlanStatus(LabelledEnum):
    DRAFT = "draft", _l("Draft")
    ACTIVE = "active", _l("Active")
    CLOSED = "closed", _l("Closed")


plan_neighbourhoods = sa.Table(
    "plan_neighbourhoods",
    db.metadata,
    sa.Column(
        "plan_id", sa.ForeignKey("community_plans.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column(
        "neighbourhood_id",
        sa.ForeignKey("neighbourhoods.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class CommunityPlan(TimestampMixin, db.Model):
    __tablename__ = "community_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    slug: Mapped[str] = mapped_column(sa.String(80), nullable=False, unique=True)
    summary: Mapped[str] = mapped_column(sa.String(500), nullable=False, default="")
    body: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    starts_on: Mapped[date] = mapped_column(sa.Date, nullable=False)
    ends_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    status: Mapped[PlanStatus] = enum_column(
        PlanStatus, "plan_status", nullable=False, default=PlanStatus.DRAFT, index=True
    )

    neighbourhoods = relationship(
        "Neighbourhood", secondary=plan_neighbourhoods, order_by="Neighbourhood.name",
    )
    processes = relationship("Process", back_populates="plan", order_by="Process.id")
    goals = relationship("Goal", back_populates="plan", order_by="(Goal.position, Goal.id)",
                         cascade="all, delete-orphan", passive_deletes=True)

    __table_args__ = (
        sa.CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="period_order"),
    )

    @property
    def is_public(self) -> bool:
        return self.status != PlanStatus.DRAFT

    def __repr__(self):
        return f"<CommunityPlan {self.id} {self.slug}>"


class Goal(TimestampMixin, db.Model):
    """One of a plan's goals (objectius): what the plan means to change, in order."""

    __tablename__ = "plan_goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        sa.ForeignKey("community_plans.id", ondelete="CASCADE"), nullable=False, index=True)
    title: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    description: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    position: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)

    plan = relationship("CommunityPlan", back_populates="goals")

    def __repr__(self):
        return f"<Goal {self.id} of plan {self.plan_id}>"
