"""Public pages of community plans."""

from flask import Blueprint, abort, render_template
from flask_login import current_user

from participa.plans.permissions import can_view_plan
from participa.plans.queries import get_plan_by_slug, list_public_plans
from participa.processes.queries import list_published_processes

bp = Blueprint("plans", __name__, url_prefix="/plans")


@bp.get("/")
def index():
    return render_template("plans/index.html", plans=list_public_plans())


@bp.get("/<slug>")
def show(slug):
    plan = get_plan_by_slug(slug)
    if plan is None or not can_view_plan(current_user, plan):
        abort(404)
    return render_template(
        "plans/show.html", plan=plan, processes=list_published_processes(plan=plan)
    )


def plans_of_neighbourhood(sender, neighbourhood, **kwargs) -> dict:
    """The public plans a neighbourhood's page lists."""
    return {"plans": list_public_plans(neighbourhood=neighbourhood)}
