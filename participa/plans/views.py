"""Public pages of community plans: the plan with its goals and indicators, and the
indicators' open data (every measurement, public fields only)."""

from decimal import Decimal

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from participa.core.exports import csv_response, json_response
from participa.core.flow import perform
from participa.core.signals import page_context
from participa.plans import operations
from participa.plans.models import MemberKind
from participa.plans.permissions import (
    can_leave_plan,
    can_manage_plan_goals,
    can_manage_plan_members,
    can_view_plan,
    why_not_join_plan,
)
from participa.plans.queries import (
    get_plan_by_slug,
    list_goals,
    list_measurements_for_export,
    list_plan_members,
    list_public_plans,
    members_by_kind,
)
from participa.plans.signals import plan_page
from participa.plans.sources import indicator_sources
from participa.processes.queries import list_published_processes

bp = Blueprint("plans", __name__, url_prefix="/plans")


@bp.get("/")
def index():
    return render_template("plans/index.html", plans=list_public_plans())


def _visible_plan_or_404(slug):
    plan = get_plan_by_slug(slug)
    if plan is None or not can_view_plan(current_user, plan):
        abort(404)
    return plan


@bp.get("/<slug>")
def show(slug):
    plan = _visible_plan_or_404(slug)
    members = list_plan_members(plan)
    mine = _membership(members)
    groups = members_by_kind(members)
    return render_template(
        "plans/show.html", plan=plan, processes=list_published_processes(plan=plan),
        goals=list_goals(plan), may_manage_goals=can_manage_plan_goals(current_user, plan),
        sources={source.key: source.label for source in indicator_sources()},
        members=groups, resident_count=len(groups[MemberKind.RESIDENT]), membership=mine,
        join_refusal=why_not_join_plan(current_user, plan, mine),
        may_manage_members=can_manage_plan_members(current_user, plan),
        **page_context(plan_page, plan=plan),
    )


def _membership(members):
    """The reader's row at the plan's table (a member or a request), if any."""
    if not current_user.is_authenticated:
        return None
    return next((m for m in members if m.user_id == current_user.id), None)


@bp.post("/<slug>/join")
@login_required
def join(slug):
    """A resident asks to join the plan's table; a facilitator answers."""
    plan = _visible_plan_or_404(slug)
    perform(lambda: operations.ask_to_join_plan(plan, actor=current_user),
            _l("Your request has been sent: a facilitator of the plan will answer it."))
    return redirect(url_for(".show", slug=slug, _anchor="members-heading"))


@bp.post("/<slug>/leave")
@login_required
def leave(slug):
    plan = _visible_plan_or_404(slug)
    mine = _membership(list_plan_members(plan))
    if not can_leave_plan(current_user, mine):
        abort(403)
    perform(lambda: operations.remove_member(mine, actor=current_user),
            _l("You have left the plan's table.") if mine.status.value == "member"
            else _l("Your request to join has been withdrawn."))
    return redirect(url_for(".show", slug=slug, _anchor="members-heading"))


EXPORT_FIELDS = ("goal_id", "goal", "indicator_id", "indicator", "unit", "decimals",
                 "direction", "computed_from", "baseline_value", "baseline_date", "target_value",
                 "target_date", "date", "value", "source", "note", "url")


def _exact(value, decimals):
    """A stored value with the unit's precision (a Decimal: no formula, no float)."""
    return None if value is None else value.quantize(Decimal(1).scaleb(-decimals))


def _export_rows(plan):
    url = url_for(".show", slug=plan.slug, _external=True)
    for goal, indicator, measurement in list_measurements_for_export(plan):
        places = indicator.decimals
        yield {
            "goal_id": goal.id,
            "goal": goal.title,
            "indicator_id": indicator.id,
            "indicator": indicator.name,
            "unit": indicator.unit,
            "decimals": places,
            "direction": indicator.direction.value,
            "computed_from": indicator.source,
            "baseline_value": _exact(indicator.baseline_value, places),
            "baseline_date": indicator.baseline_on.isoformat() if indicator.baseline_on else None,
            "target_value": _exact(indicator.target_value, places),
            "target_date": indicator.target_on.isoformat() if indicator.target_on else None,
            "date": measurement.measured_on.isoformat(),
            "value": _exact(measurement.value, places),
            "source": measurement.source,
            "note": measurement.note,
            "url": url,
        }


def _json_number(value):
    if not isinstance(value, Decimal):
        return value
    return int(value) if value.as_tuple().exponent >= 0 else float(value)


@bp.get("/<slug>/indicators.json")
def indicators_json(slug):
    plan = _visible_plan_or_404(slug)
    return json_response(
        {name: _json_number(value) for name, value in row.items()}
        for row in _export_rows(plan))


@bp.get("/<slug>/indicators.csv")
def indicators_csv(slug):
    plan = _visible_plan_or_404(slug)
    return csv_response(_export_rows(plan), EXPORT_FIELDS, f"{plan.slug}-indicators.csv")


def plans_of_neighbourhood(sender, neighbourhood, **kwargs) -> dict:
    """The public plans a neighbourhood's page lists."""
    return {"plans": list_public_plans(neighbourhood=neighbourhood)}
