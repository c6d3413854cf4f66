"""Writes about community plans (council only; the views check)."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from participa.core.models import assign_slug, log_action
from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood
from participa.plans.models import CommunityPlan, PlanStatus

FIELDS = ("title", "summary", "body", "starts_on", "ends_on")


# the ActionLog verbs written here, as the council's log reads them
VERBS = {
    "create_plan": _l("created a community plan"),
    "update_plan": _l("edited a community plan"),
}


def create_plan(data: dict, *, actor) -> CommunityPlan:
    return _save(CommunityPlan(), data, actor=actor, verb="create_plan")


def update_plan(plan: CommunityPlan, data: dict, *, actor) -> CommunityPlan:
    return _save(plan, data, actor=actor, verb="update_plan")


def _save(plan, data, *, actor, verb):
    for field in FIELDS:
        setattr(plan, field, data[field] if data[field] is not None or field == "ends_on" else "")
    plan.status = PlanStatus(data["status"])
    plan.neighbourhoods = list(
        db.session.scalars(select(Neighbourhood).where(Neighbourhood.id.in_(data["neighbourhood_ids"])))
    )
    assign_slug(plan, data.get("slug"), data["title"])
    db.session.add(plan)
    db.session.flush()
    log_action(verb, plan, actor=actor, slug=plan.slug, status=plan.status)
    return plan
