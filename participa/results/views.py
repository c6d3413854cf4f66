"""The public pages of results: a plan's and a process's lists (filtered by status and
neighbourhood), a result's page with its timeline, and the open data. Drafts are the
council's: for everyone else they do not exist (404, and absent from every list)."""

from flask import Blueprint, abort, current_app, g, render_template, request, url_for
from flask_babel import get_locale
from flask_login import current_user
from markupsafe import Markup

from participa.core.cache import cached_fragment, fragment_cache
from participa.core.exports import csv_response, json_response
from participa.core.models import last_action_id
from participa.core.pagination import requested_page
from participa.neighbourhoods.queries import list_neighbourhoods
from participa.plans.permissions import can_view_plan
from participa.plans.queries import get_plan_by_slug
from participa.processes.loaders import get_visible_process_or_404
from participa.results import dashboards, queries
from participa.results.permissions import (
    can_edit_result,
    can_manage_results,
    can_publish_result,
    can_record_update,
    can_unpublish_result,
    can_view_result,
)

bp = Blueprint("results", __name__)

FIELDS = ("id", "title", "plan", "process", "status", "progress", "planned_budget",
          "executed_budget", "neighbourhood", "category", "responsible", "starts_on",
          "ends_on", "goals", "parent_id", "proposal_id", "budget_project_id", "published_at",
          "url")


def _visible_plan_or_404(slug):
    plan = get_plan_by_slug(slug)
    if plan is None or not can_view_plan(current_user, plan):
        abort(404)
    return plan


def _filters():
    return {"status_id": request.args.get("status", type=int),
            "neighbourhood_id": request.args.get("neighbourhood", type=int)}


def _render_list(*, plan=None, process=None):
    drafts = can_manage_results(current_user)
    if drafts:
        g.private_page = True
    page = queries.list_results(plan=plan, process=process, drafts=drafts,
                                page=requested_page(), **_filters())
    return render_template("results/index.html", plan=plan, process=process, page=page,
                           statuses=queries.list_statuses(),
                           neighbourhoods=list_neighbourhoods(), filters=_filters(),
                           may_manage=drafts)


@bp.get("/plans/<slug>/results/")
def plan_index(slug):
    return _render_list(plan=_visible_plan_or_404(slug))


@bp.get("/processes/<slug>/results/")
def process_index(slug):
    return _render_list(process=get_visible_process_or_404(slug))


@bp.get("/plans/<slug>/results/<int:id>")
def show(slug, id):
    plan = _visible_plan_or_404(slug)
    result = queries.get_result(id)
    if result is None or result.plan_id != plan.id or not can_view_result(current_user, result):
        abort(404)
    if current_user.is_authenticated:
        g.private_page = True
    parts = [r for r in result.children if can_view_result(current_user, r)]
    parent = result.parent if result.parent and can_view_result(current_user,
                                                                   result.parent) else None
    return render_template(
        "results/show.html", plan=plan, result=result, parts=parts, parent=parent,
        may_edit=can_edit_result(current_user, result),
        may_record=can_record_update(current_user, result),
        may_publish=can_publish_result(current_user, result),
        may_unpublish=can_unpublish_result(current_user, result))


# --- open data: public fields of published results only ------------------------------------------

def _row(result) -> dict:
    return {
        "id": result.id, "title": result.title, "plan": result.plan.slug,
        "process": result.process.slug if result.process else None,
        "status": str(result.status.label), "progress": result.progress,
        "planned_budget": result.planned_budget, "executed_budget": result.executed_budget,
        "neighbourhood": result.neighbourhood.name if result.neighbourhood else None,
        "category": result.category.name if result.category else None,
        "responsible": result.responsible,
        "starts_on": result.starts_on.isoformat() if result.starts_on else None,
        "ends_on": result.ends_on.isoformat() if result.ends_on else None,
        "goals": [goal.title for goal in result.goals], "parent_id": result.parent_id,
        "proposal_id": result.proposal_id, "budget_project_id": result.budget_project_id,
        "published_at": result.published_at.isoformat(),
        "url": url_for(".show", slug=result.plan.slug, id=result.id, _external=True),
    }


def _csv_row(result) -> dict:
    row = _row(result)
    row["goals"] = "; ".join(row["goals"])
    return row


@bp.get("/plans/<slug>/results.csv")
def plan_csv(slug):
    plan = _visible_plan_or_404(slug)
    return csv_response((_csv_row(r) for r in queries.export_results(plan=plan)), FIELDS,
                        f"results-{plan.slug}.csv")


@bp.get("/plans/<slug>/results.json")
def plan_json(slug):
    plan = _visible_plan_or_404(slug)
    return json_response(_row(r) for r in queries.export_results(plan=plan))


@bp.get("/results.json")
def town_json():
    return json_response(_row(r) for r in queries.export_results())


def result_of_proposal(proposal):
    """Template global: the published result a proposal became (or None)."""
    return queries.result_for_proposal(proposal)


# --- dashboards: charts that are also tables ----------------------------------------------------

def _kept(key, render) -> Markup:
    """A dashboard's body, rendered once a minute per worker and language (its figures are
    public aggregates, the same for every reader): ``DASHBOARD_CACHE_SECONDS``, 0 = always
    fresh. The key holds the newest ActionLog entry, so a result, goal, indicator or
    measurement the council changes shows at once; only participation figures may wait."""
    ttl = current_app.config.get("DASHBOARD_CACHE_SECONDS", 60)
    if ttl <= 0:
        return Markup(render())
    key += (str(get_locale()), last_action_id())
    return cached_fragment(fragment_cache("dashboards", 128), key, render, ttl)


@bp.get("/plans/<slug>/dashboard")
def dashboard(slug):
    plan = queries.get_plan_alone(slug)  # its figures are read apart: no processes loaded
    if plan is None or not can_view_plan(current_user, plan):
        abort(404)
    if current_user.is_authenticated:
        g.private_page = True
    page = requested_page()
    body = _kept(("plan", plan.id, page), lambda: render_template(
        "results/_dashboard_body.html", plan=plan,
        dashboard=dashboards.plan_dashboard(plan, page)))
    return render_template("results/dashboard.html", plan=plan, body=body)


@bp.get("/results/")
def town():
    if current_user.is_authenticated:
        g.private_page = True
    neighbourhoods = list_neighbourhoods()
    chosen = request.args.get("neighbourhood", type=int)
    neighbourhood = next((n for n in neighbourhoods if n.id == chosen), None)
    place = neighbourhood.id if neighbourhood else None
    body = _kept(("town", place), lambda: render_template(
        "results/_town_body.html", neighbourhood=neighbourhood,
        rows=dashboards.town_rows(neighbourhood_id=place)))
    return render_template("results/town.html", neighbourhoods=neighbourhoods,
                           neighbourhood=neighbourhood, body=body)


def results_of_neighbourhood(sender, neighbourhood, **kwargs) -> dict:
    """The plans and published results that touch a neighbourhood (a ``neighbourhood_page``
    receiver): the plans side by side as on /results/, and its latest results; rendered here
    and kept as the dashboards are."""

    def render():
        count, latest = dashboards.results_in_neighbourhood(neighbourhood.id)
        rows = dashboards.town_rows(plan_ids=dashboards.plans_touching(neighbourhood.id))
        return render_template("results/_neighbourhood.html", neighbourhood=neighbourhood,
                               touching={"rows": rows, "count": count, "latest": latest})

    return {"results_touching": _kept(("neighbourhood", neighbourhood.id), render)}
