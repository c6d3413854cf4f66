"""The council's pages for community plans, under /admin/plans/."""

from flask import Blueprint, abort, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from participa.core.auth import council_required
from participa.core.flow import save_form
from participa.extensions import db
from participa.neighbourhoods.queries import neighbourhood_choices
from participa.plans.forms import PlanForm
from participa.plans.models import CommunityPlan
from participa.plans.operations import create_plan, update_plan
from participa.plans.queries import list_all_plans

bp = Blueprint("plans_admin", __name__, url_prefix="/admin/plans")


def _form(plan=None):
    form = PlanForm(obj=plan)
    form.neighbourhood_ids.choices = neighbourhood_choices(blank=False)
    if plan is not None and not form.is_submitted():
        form.neighbourhood_ids.data = [n.id for n in plan.neighbourhoods]
        form.status.data = plan.status.value
    return form


@bp.get("/")
@council_required
def index():
    return render_template("plans/admin/index.html", plans=list_all_plans())


@bp.route("/new", methods=["GET", "POST"])
@council_required
def new():
    return save_form(
        _form(),
        lambda data: create_plan(data, actor=current_user),
        template="plans/admin/form.html",
        success=_l("The community plan has been created."),
        next_url=lambda plan: url_for("plans.show", slug=plan.slug),
        plan=None,
    )


@bp.route("/<int:id>/edit", methods=["GET", "POST"])
@council_required
def edit(id):
    plan = db.session.get(CommunityPlan, id) or abort(404)
    return save_form(
        _form(plan),
        lambda data: update_plan(plan, data, actor=current_user),
        template="plans/admin/form.html",
        success=_l("The community plan has been saved."),
        next_url=lambda plan: url_for("plans.show", slug=plan.slug),
        plan=plan,
    )
