from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participa.associations import models as _associations  # noqa: F401  (PlanMember's)
from participa.core.enums import LabelledEnum
from participa.core.models import TimestampMixin, enum_column
from participa.core.translated import Translated
from participa.core.types import DecimalNumber
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


class CommunityPlan(Translated, TimestampMixin, db.Model):
    __tablename__ = "community_plans"
    TRANSLATED = ("title", "summary", "body")

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


class Goal(Translated, TimestampMixin, db.Model):
    """One of a plan's goals (objectius): what the plan means to change, in order."""

    __tablename__ = "plan_goals"
    TRANSLATED = ("title", "description")
    TEXT_LIMIT = 5000  # the goal form's

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        sa.ForeignKey("community_plans.id", ondelete="CASCADE"), nullable=False, index=True)
    title: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    description: Mapped[str] = mapped_column(sa.Text, nullable=False, default="")
    position: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)

    plan = relationship("CommunityPlan", back_populates="goals")
    indicators = relationship(
        "Indicator", back_populates="goal", order_by="(Indicator.position, Indicator.id)",
        cascade="all, delete-orphan", passive_deletes=True)

    def __repr__(self):
        return f"<Goal {self.id} of plan {self.plan_id}>"


class Direction(LabelledEnum):
    """Which way an indicator should move."""

    HIGHER = "higher", _l("Higher is better")
    LOWER = "lower", _l("Lower is better")


MAX_DECIMALS = 4  # the unit's precision: 0 (people, gardens) to 4 decimals
MAX_VALUE = Decimal("1000000000")  # values are refused beyond ± a thousand million


class Indicator(TimestampMixin, db.Model):
    """What tells whether a goal is being reached: a figure with a unit, a direction, a
    baseline and a target, and its series of measurements. ``source`` is None when people
    measure it by hand, or the key of a platform source (``participa.plans.sources``) that
    fills the series itself."""

    __tablename__ = "plan_indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(
        sa.ForeignKey("plan_goals.id", ondelete="CASCADE"), nullable=False, index=True)
    name: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    unit: Mapped[str] = mapped_column(sa.String(40), nullable=False, default="")
    decimals: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    direction: Mapped[Direction] = enum_column(
        Direction, "indicator_direction", nullable=False, default=Direction.HIGHER)
    baseline_value: Mapped[Decimal | None] = mapped_column(DecimalNumber(), nullable=True)
    baseline_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    target_value: Mapped[Decimal | None] = mapped_column(DecimalNumber(), nullable=True)
    target_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    source: Mapped[str | None] = mapped_column(sa.String(64), nullable=True)
    position: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)

    goal = relationship("Goal", back_populates="indicators")
    measurements = relationship(
        "Measurement", back_populates="indicator",
        order_by="(Measurement.measured_on, Measurement.id)",
        cascade="all, delete-orphan", passive_deletes=True)

    __table_args__ = (
        sa.CheckConstraint(f"decimals >= 0 AND decimals <= {MAX_DECIMALS}", name="decimals_range"),
        sa.CheckConstraint("(baseline_value IS NULL) = (baseline_on IS NULL)",
                           name="baseline_pair"),
        sa.CheckConstraint("(target_value IS NULL) = (target_on IS NULL)", name="target_pair"),
        sa.CheckConstraint("target_on IS NULL OR baseline_on IS NULL OR target_on >= baseline_on",
                           name="target_after_baseline"),
    )

    @property
    def is_computed(self) -> bool:
        return self.source is not None

    @property
    def latest(self):
        """The most recent measurement, or None."""
        return self.measurements[-1] if self.measurements else None

    def __repr__(self):
        return f"<Indicator {self.id} of goal {self.goal_id}>"


class Measurement(TimestampMixin, db.Model):
    """One value of an indicator on one day (one per indicator and day)."""

    __tablename__ = "plan_measurements"

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(
        sa.ForeignKey("plan_indicators.id", ondelete="CASCADE"), nullable=False)
    measured_on: Mapped[date] = mapped_column(sa.Date, nullable=False)
    value: Mapped[Decimal] = mapped_column(DecimalNumber(), nullable=False)
    source: Mapped[str] = mapped_column(sa.String(200), nullable=False, default="")
    note: Mapped[str] = mapped_column(sa.String(500), nullable=False, default="")

    indicator = relationship("Indicator", back_populates="measurements")

    __table_args__ = (
        sa.UniqueConstraint("indicator_id", "measured_on", name="uq_plan_measurements_day"),
    )

    def __repr__(self):
        return f"<Measurement {self.id} of indicator {self.indicator_id}>"


class MemberKind(LabelledEnum):
    ASSOCIATION = "association", _l("Associations")
    SERVICE = "service", _l("Public services")
    RESIDENT = "resident", _l("Residents")


class ServiceKind(LabelledEnum):
    HEALTH = "health", _l("Health")
    EDUCATION = "education", _l("Education")
    SOCIAL_SERVICES = "social_services", _l("Social services")
    CULTURE = "culture", _l("Culture")
    YOUTH = "youth", _l("Youth")
    OTHER = "other", _l("Another service")


class MemberStatus(LabelledEnum):
    REQUESTED = "requested", _l("Asked to join")
    MEMBER = "member", _l("Member")


SERVICE_NAME_LIMIT = 200
SERVICE_CONTACT_LIMIT = 300


class PlanMember(TimestampMixin, db.Model):
    """Who sits at a plan's table: an association, a public service (a name, a kind and a
    contact: not an account) or a resident who joined. Residents ask and a facilitator
    accepts (``REQUESTED`` until then); the council and facilitators add the others directly."""

    __tablename__ = "plan_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        sa.ForeignKey("community_plans.id", ondelete="CASCADE"), nullable=False, index=True)
    kind: Mapped[MemberKind] = enum_column(MemberKind, "plan_member_kind", nullable=False)
    status: Mapped[MemberStatus] = enum_column(MemberStatus, "plan_member_status",
                                               nullable=False, default=MemberStatus.MEMBER)
    association_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("associations.id", ondelete="CASCADE"), nullable=True, index=True)
    user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=True, index=True)
    name: Mapped[str] = mapped_column(sa.String(SERVICE_NAME_LIMIT), nullable=False, default="")
    service_kind: Mapped[ServiceKind | None] = enum_column(
        ServiceKind, "plan_service_kind", nullable=True)
    contact: Mapped[str] = mapped_column(sa.String(SERVICE_CONTACT_LIMIT), nullable=False,
                                         default="")
    added_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True)

    plan = relationship("CommunityPlan")
    association = relationship("Association")
    user = relationship("User", foreign_keys=[user_id])

    __table_args__ = (
        # each kind fills its own columns and no other's
        sa.CheckConstraint(
            "(kind = 'association' AND association_id IS NOT NULL AND user_id IS NULL"
            " AND service_kind IS NULL)"
            " OR (kind = 'resident' AND user_id IS NOT NULL AND association_id IS NULL"
            " AND service_kind IS NULL)"
            " OR (kind = 'service' AND name != '' AND service_kind IS NOT NULL"
            " AND association_id IS NULL AND user_id IS NULL)",
            name="kind_columns"),
        sa.CheckConstraint("status = 'member' OR kind = 'resident'", name="only_residents_ask"),
        sa.UniqueConstraint("plan_id", "association_id"),
        sa.UniqueConstraint("plan_id", "user_id"),
    )

    def __repr__(self):
        return f"<PlanMember {self.id} {self.kind.value}>"
