"""The council's pages for community plans, under /admin/plans/; and a plan's goals,
indicators and measurements (/admin/plans/<id>/goals/...), which the facilitators of the plan's
processes keep too (``can_manage_plan_goals``: 403 for anyone else)."""

from flask import Blueprint, abort, g, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from wtforms import SelectChoice

from participa.associations.models import Association
from participa.core.auth import council_required
from participa.core.flow import Refused, perform, save_form, submit
from participa.core.timeutil import local_date
from participa.core.translated import submitted_translations, translation_form_data
from participa.extensions import db
from participa.neighbourhoods.queries import neighbourhood_choices
from participa.plans import operations, queries
from participa.plans.forms import (
    AssociationMemberForm,
    GoalForm,
    IndicatorForm,
    MeasurementForm,
    MoveForm,
    PlanForm,
    ServiceMemberForm,
)
from participa.plans.models import CommunityPlan, Goal, MemberStatus
from participa.plans.notifications import tell_member_accepted
from participa.plans.operations import create_plan, update_plan
from participa.plans.permissions import can_manage_plan_goals
from participa.plans.queries import list_all_plans
from participa.plans.sources import indicator_sources

bp = Blueprint("plans_admin", __name__, url_prefix="/admin/plans")


def _form(plan=None):
    form = PlanForm(obj=plan, **translation_form_data(plan, CommunityPlan.TRANSLATED))
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
        lambda data: create_plan(data, actor=current_user, translations=submitted_translations(
            data, CommunityPlan.TRANSLATED)),
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
        lambda data: update_plan(plan, data, actor=current_user,
                                 translations=submitted_translations(
                                     data, CommunityPlan.TRANSLATED)),
        template="plans/admin/form.html",
        success=_l("The community plan has been saved."),
        next_url=lambda plan: url_for("plans.show", slug=plan.slug),
        plan=plan,
    )


# --- goals, indicators and measurements --------------------------------------------------------

GOALS = "/<int:id>/goals"
GOAL = GOALS + "/<int:goal_id>"
INDICATOR = "/<int:id>/indicators/<int:indicator_id>"
MEASUREMENT = INDICATOR + "/measurements/<int:measurement_id>"


def _managed_plan(id):
    plan = db.session.get(CommunityPlan, id)
    if plan is None:
        abort(404)
    if not can_manage_plan_goals(current_user, plan):
        abort(403)
    g.private_page = True
    return plan


def _managed_goal(id, goal_id):
    plan = _managed_plan(id)
    goal = queries.get_goal(plan, goal_id)
    if goal is None:
        abort(404)
    return plan, goal


def _managed_indicator(id, indicator_id):
    plan = _managed_plan(id)
    indicator = queries.get_indicator(plan, indicator_id)
    if indicator is None:
        abort(404)
    return plan, indicator


def _managed_measurement(id, indicator_id, measurement_id):
    plan, indicator = _managed_indicator(id, indicator_id)
    measurement = queries.get_measurement(indicator, measurement_id)
    if measurement is None:
        abort(404)
    return plan, indicator, measurement


def _to_goals(plan):
    return url_for(".goals", id=plan.id)


def _to_indicator(plan, indicator):
    return url_for(".indicator", id=plan.id, indicator_id=indicator.id)


def _indicator_form(indicator=None):
    form = IndicatorForm(obj=indicator)
    form.source.choices = [SelectChoice("", _l("By hand"))] + [
        SelectChoice(source.key, _l("From the platform: %(name)s", name=source.label))
        for source in indicator_sources()]
    if indicator is not None and not form.is_submitted():
        form.source.data = indicator.source or ""
        form.direction.data = indicator.direction.value
        for name in ("baseline_value", "target_value"):
            value = getattr(indicator, name)
            getattr(form, name).data = (
                None if value is None else _plain(value, indicator.decimals))
    return form


def _plain(value, decimals):
    """A stored value as the form shows it back: the unit's precision, a point for decimals."""
    return f"{value:.{decimals}f}"


def _move_direction():
    form = MoveForm()
    if not form.validate():
        abort(400)
    return form.direction.data


@bp.get(GOALS + "/")
@login_required
def goals(id):
    plan = _managed_plan(id)
    return render_template("plans/admin/goals.html", plan=plan, goals=queries.list_goals(plan),
                           sources={s.key: s.label for s in indicator_sources()})


@bp.route(GOALS + "/new", methods=["GET", "POST"])
@login_required
def new_goal(id):
    plan = _managed_plan(id)
    return save_form(
        GoalForm(),
        lambda data: operations.create_goal(
            plan, data, actor=current_user,
            translations=submitted_translations(data, Goal.TRANSLATED)),
        template="plans/admin/goal_form.html",
        success=_l("The goal has been added."),
        next_url=lambda goal: _to_goals(plan),
        plan=plan, goal=None,
    )


@bp.route(GOAL + "/edit", methods=["GET", "POST"])
@login_required
def edit_goal(id, goal_id):
    plan, goal = _managed_goal(id, goal_id)
    return save_form(
        GoalForm(obj=goal, **translation_form_data(goal, Goal.TRANSLATED)),
        lambda data: operations.update_goal(
            goal, data, actor=current_user,
            translations=submitted_translations(data, Goal.TRANSLATED)),
        template="plans/admin/goal_form.html",
        success=_l("The goal has been saved."),
        next_url=lambda saved: _to_goals(plan),
        plan=plan, goal=goal,
    )


@bp.post(GOAL + "/move")
@login_required
def move_goal(id, goal_id):
    plan, goal = _managed_goal(id, goal_id)
    direction = _move_direction()
    perform(lambda: operations.move_goal(goal, direction, actor=current_user),
            _l("The goals have been reordered."))
    return redirect(_to_goals(plan))


@bp.route(GOAL + "/delete", methods=["GET", "POST"])
@login_required
def delete_goal(id, goal_id):
    """GET asks for confirmation; POST deletes the goal with its indicators."""
    plan, goal = _managed_goal(id, goal_id)
    if request.method == "GET":
        return render_template("plans/admin/delete.html", plan=plan, goal=goal, indicator=None,
                               measurement=None)
    perform(lambda: operations.delete_goal(goal, actor=current_user),
            _l("The goal has been deleted."))
    return redirect(_to_goals(plan))


@bp.route(GOAL + "/indicators/new", methods=["GET", "POST"])
@login_required
def new_indicator(id, goal_id):
    plan, goal = _managed_goal(id, goal_id)
    return save_form(
        _indicator_form(),
        lambda data: operations.create_indicator(goal, data, actor=current_user),
        template="plans/admin/indicator_form.html",
        success=_l("The indicator has been added."),
        next_url=lambda indicator: _to_indicator(plan, indicator),
        plan=plan, goal=goal, indicator=None,
    )


@bp.route(INDICATOR + "/", methods=["GET", "POST"])
@login_required
def indicator(id, indicator_id):
    """The indicator's series, and (POST) recording a new measurement."""
    plan, indicator = _managed_indicator(id, indicator_id)
    return save_form(
        MeasurementForm(),
        lambda data: operations.record_measurement(indicator, data, actor=current_user,
                                                   today=local_date()),
        template="plans/admin/indicator.html",
        success=_l("The measurement has been recorded."),
        next_url=lambda measurement: _to_indicator(plan, indicator),
        plan=plan, indicator=indicator, today=local_date(),
        sources={s.key: s.label for s in indicator_sources()},
    )


@bp.route(INDICATOR + "/edit", methods=["GET", "POST"])
@login_required
def edit_indicator(id, indicator_id):
    plan, indicator = _managed_indicator(id, indicator_id)
    return save_form(
        _indicator_form(indicator),
        lambda data: operations.update_indicator(indicator, data, actor=current_user),
        template="plans/admin/indicator_form.html",
        success=_l("The indicator has been saved."),
        next_url=lambda saved: _to_indicator(plan, indicator),
        plan=plan, goal=indicator.goal, indicator=indicator,
    )


@bp.post(INDICATOR + "/move")
@login_required
def move_indicator(id, indicator_id):
    plan, indicator = _managed_indicator(id, indicator_id)
    direction = _move_direction()
    perform(lambda: operations.move_indicator(indicator, direction, actor=current_user),
            _l("The indicators have been reordered."))
    return redirect(_to_goals(plan))


@bp.route(INDICATOR + "/delete", methods=["GET", "POST"])
@login_required
def delete_indicator(id, indicator_id):
    plan, indicator = _managed_indicator(id, indicator_id)
    if request.method == "GET":
        return render_template("plans/admin/delete.html", plan=plan, goal=None,
                               indicator=indicator, measurement=None)
    perform(lambda: operations.delete_indicator(indicator, actor=current_user),
            _l("The indicator has been deleted."))
    return redirect(_to_goals(plan))


@bp.route(MEASUREMENT + "/edit", methods=["GET", "POST"])
@login_required
def edit_measurement(id, indicator_id, measurement_id):
    plan, indicator, measurement = _managed_measurement(id, indicator_id, measurement_id)
    form = MeasurementForm(obj=measurement)
    if not form.is_submitted():
        form.value.data = _plain(measurement.value, indicator.decimals)
    return save_form(
        form,
        lambda data: operations.update_measurement(measurement, data, actor=current_user,
                                                   today=local_date()),
        template="plans/admin/measurement_form.html",
        success=_l("The measurement has been saved."),
        next_url=lambda saved: _to_indicator(plan, indicator),
        plan=plan, indicator=indicator, measurement=measurement,
    )


@bp.route(MEASUREMENT + "/delete", methods=["GET", "POST"])
@login_required
def delete_measurement(id, indicator_id, measurement_id):
    plan, indicator, measurement = _managed_measurement(id, indicator_id, measurement_id)
    if request.method == "GET":
        return render_template("plans/admin/delete.html", plan=plan, goal=None,
                               indicator=indicator, measurement=measurement)
    perform(lambda: operations.delete_measurement(measurement, actor=current_user),
            _l("The measurement has been deleted."))
    return redirect(_to_indicator(plan, indicator))


@bp.post(GOALS + "/refresh")
@login_required
def refresh(id):
    """Fill the computed indicators' series for today, now (the worker does it daily)."""
    plan = _managed_plan(id)
    perform(lambda: operations.refresh_plan_indicators(plan, on=local_date(),
                                                       actor=current_user),
            lambda count: _l("Indicators computed from the platform refreshed: %(n)s.", n=count))
    return redirect(_to_goals(plan))


# --- the plan's table: its members ------------------------------------------------------------

MEMBERS = "/<int:id>/members"


def _members_page(plan, association_form=None, service_form=None, status=200):
    association_form = association_form or AssociationMemberForm(formdata=None)
    association_form.association_id.choices = queries.association_choices(plan)
    members = queries.list_plan_members(plan)
    return render_template(
        "plans/admin/members.html", plan=plan,
        requests=[m for m in members if m.status == MemberStatus.REQUESTED],
        groups=queries.members_by_kind(members), association_form=association_form,
        service_form=service_form or ServiceMemberForm(formdata=None)), status


def _managed_member(id, member_id):
    plan = _managed_plan(id)
    member = queries.get_plan_member(plan, member_id)
    if member is None:
        abort(404)
    return plan, member


@bp.get(MEMBERS + "/")
@login_required
def members(id):
    return _members_page(_managed_plan(id))


@bp.post(MEMBERS + "/associations")
@login_required
def add_association(id):
    plan = _managed_plan(id)
    form = AssociationMemberForm()
    saved = submit(form, lambda data: operations.add_association_member(
        plan, db.session.get(Association, data["association_id"] or 0), actor=current_user),
        _l("The association now sits at the plan's table."))
    if isinstance(saved, Refused):
        return _members_page(plan, association_form=form, status=400)
    return redirect(url_for(".members", id=plan.id))


@bp.post(MEMBERS + "/services")
@login_required
def add_service(id):
    plan = _managed_plan(id)
    form = ServiceMemberForm()
    saved = submit(form, lambda data: operations.add_service_member(plan, data,
                                                                     actor=current_user),
                   _l("The service now sits at the plan's table."))
    if isinstance(saved, Refused):
        return _members_page(plan, service_form=form, status=400)
    return redirect(url_for(".members", id=plan.id))


@bp.post(MEMBERS + "/<int:member_id>/accept")
@login_required
def accept_member(id, member_id):
    plan, member = _managed_member(id, member_id)
    perform(lambda: _accepted(member), _l("The resident is now a member of the plan."))
    return redirect(url_for(".members", id=plan.id))


def _accepted(member):
    operations.accept_member(member, actor=current_user)
    tell_member_accepted(member)  # queued with the change, dropped with it
    return member


@bp.post(MEMBERS + "/<int:member_id>/remove")
@login_required
def remove_member(id, member_id):
    plan, member = _managed_member(id, member_id)
    perform(lambda: operations.remove_member(member, actor=current_user),
            _l("The request has been refused.") if member.status == MemberStatus.REQUESTED
            else _l("The member has left the plan's table."))
    return redirect(url_for(".members", id=plan.id))
