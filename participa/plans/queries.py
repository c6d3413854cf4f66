"""Reads about community plans."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from participa.extensions import db
from participa.plans.models import CommunityPlan, PlanStatus


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
