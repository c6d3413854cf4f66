"""Reads about community plans."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from participa.associations.queries import verified_association_choices
from participa.extensions import db
from participa.plans.models import (
    CommunityPlan,
    Goal,
    Indicator,
    Measurement,
    MemberKind,
    MemberStatus,
    PlanMember,
    PlanStatus,
)


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


def list_plan_members(plan) -> list[PlanMember]:
    """Every row of a plan's table (members and residents' requests), each with its
    association or person, in one query."""
    return list(db.session.scalars(
        select(PlanMember).where(PlanMember.plan_id == plan.id)
        .options(joinedload(PlanMember.association), joinedload(PlanMember.user))
        .order_by(PlanMember.kind, PlanMember.created_at, PlanMember.id)))


def members_by_kind(members) -> dict:
    """The accepted members of a plan's table grouped by kind (``MemberKind`` order), the
    associations by name, the services by kind and name."""
    groups = {kind: [] for kind in MemberKind}
    for member in members:
        if member.status == MemberStatus.MEMBER:
            groups[member.kind].append(member)
    groups[MemberKind.ASSOCIATION].sort(key=lambda m: m.association.name.casefold())
    groups[MemberKind.SERVICE].sort(key=lambda m: (m.service_kind.label, m.name.casefold()))
    return groups


def get_plan_member(plan, member_id: int) -> PlanMember | None:
    member = db.session.get(PlanMember, member_id)
    return member if member is not None and member.plan_id == plan.id else None


def plans_of_association(association) -> list[CommunityPlan]:
    """The public plans whose table ``association`` sits at."""
    return list(db.session.scalars(
        select(CommunityPlan).join(PlanMember, PlanMember.plan_id == CommunityPlan.id)
        .where(PlanMember.association_id == association.id,
               PlanMember.status == MemberStatus.MEMBER,
               CommunityPlan.status != PlanStatus.DRAFT)
        .order_by(CommunityPlan.title)))


def association_choices(plan) -> list[tuple[int, str]]:
    """The verified associations not yet at ``plan``'s table, by name, for the council's
    select."""
    seated = select(PlanMember.association_id).where(
        PlanMember.plan_id == plan.id, PlanMember.association_id.is_not(None))
    return verified_association_choices(excluding=seated)
