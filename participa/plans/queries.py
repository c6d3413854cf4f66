"""Reads about community plans."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from participa.extensions import db
from participa.plans.models import CommunityPlan, Goal, Indicator, Measurement, PlanStatus


def list_public_plans(neighbourhood=None) -> list[CommunityPlan]:
    query = (
        select(CommunityPlan)
        .where(CommunityPlan.status != PlanStatus.DRAFT)
        .order_by(CommunityPlan.status, CommunityPlan.title)
        .options(selectinload(CommunityPlan.neighbourhoods))
    )
    if neighbourhood is not None:
        query = query.where(CommunityPlan.neighbourhoods.any(id=neighbourhood.id))
    return list(db.session.scalars(query))


def list_all_plans() -> list[CommunityPlan]:
    return list(db.session.scalars(
        select(CommunityPlan).order_by(CommunityPlan.title)
        .options(selectinload(CommunityPlan.neighbourhoods))
    ))


def list_public_plans_by_neighbourhood() -> list[tuple]:
    """(neighbourhood, [plans]) pairs, each neighbourhood with at least one public plan."""
    groups: dict = {}
    for plan in list_public_plans():
        for neighbourhood in plan.neighbourhoods:
            groups.setdefault(neighbourhood, []).append(plan)
    return sorted(groups.items(), key=lambda item: item[0].name)


def get_plan_by_slug(slug: str) -> CommunityPlan | None:
    return db.session.scalar(
        select(CommunityPlan)
        .where(CommunityPlan.slug == slug)
        .options(selectinload(CommunityPlan.processes),
                 selectinload(CommunityPlan.neighbourhoods))
    )


def plan_choices() -> list[tuple]:
    from flask_babel import lazy_gettext as _l

    return [(None, _l("— stands alone —"))] + [(p.id, p.title) for p in list_all_plans()]


# --- goals, indicators and measurements --------------------------------------------------------


def list_goals(plan) -> list:
    """The plan's goals with their indicators and every measurement: three queries, however
    many there are."""
    return list(db.session.scalars(
        select(Goal).where(Goal.plan_id == plan.id).order_by(Goal.position, Goal.id)
        .options(selectinload(Goal.indicators).selectinload(Indicator.measurements))
    ))


def get_goal(plan, goal_id: int):
    return db.session.scalar(select(Goal).where(Goal.plan_id == plan.id, Goal.id == goal_id))


def get_indicator(plan, indicator_id: int):
    return db.session.scalar(
        select(Indicator).join(Goal).where(Goal.plan_id == plan.id, Indicator.id == indicator_id)
        .options(selectinload(Indicator.measurements))
    )


def get_measurement(indicator, measurement_id: int):
    return db.session.scalar(select(Measurement).where(
        Measurement.indicator_id == indicator.id, Measurement.id == measurement_id))


def list_measurements_for_export(plan) -> list[tuple]:
    """(goal, indicator, measurement) for every measurement of the plan, in the page's order,
    in one query."""
    return list(db.session.execute(
        select(Goal, Indicator, Measurement)
        .join(Indicator, Indicator.goal_id == Goal.id)
        .join(Measurement, Measurement.indicator_id == Indicator.id)
        .where(Goal.plan_id == plan.id)
        .order_by(Goal.position, Goal.id, Indicator.position, Indicator.id,
                  Measurement.measured_on)
    ).all())
