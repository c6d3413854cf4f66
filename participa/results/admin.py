"""The council's pages for results, under /admin/results/: a plan's results (drafts too),
drafting and editing, recording progress (the timeline), publishing, turning a process's
outcomes into results, and the list of statuses. Every write goes through the one write flow:
one operation, one commit."""

import sqlalchemy as sa
from flask import Blueprint, abort, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy.orm import selectinload

from participa.core.auth import council_required
from participa.core.flow import perform, save_form
from participa.core.pagination import requested_page
from participa.extensions import db
from participa.neighbourhoods.queries import neighbourhood_choices
from participa.plans.models import CommunityPlan
from participa.plans.queries import list_all_plans
from participa.processes.models import Process
from participa.results import notifications, operations, queries
from participa.results.forms import NewResultForm, ResultForm, StatusForm, UpdateForm
from participa.results.models import Result, ResultStatus

bp = Blueprint("results_admin", __name__, url_prefix="/admin/results")


def _plan_or_404(plan_id) -> CommunityPlan:
    return db.session.get(CommunityPlan, plan_id) or abort(404)


def _result_or_404(result_id) -> Result:
    return queries.get_result(result_id) or abort(404)


def _show(result):
    return url_for("results.show", slug=result.plan.slug, id=result.id)


def _status_choices(blank):
    return [(None, blank)] + [(s.id, s.label) for s in queries.list_statuses()]


def _result_form(plan, result=None):
    form = (ResultForm if result is not None else NewResultForm)(obj=result)
    processes = outcome_processes(plan)
    form.process_id.choices = [(None, _l("No process"))] + [(p.id, p.title) for p in processes]
    form.category_id.choices = [(None, _l("No category"))] + [
        (c.id, f"{p.title}: {c.name}") for p in processes for c in p.categories]
    form.neighbourhood_id.choices = neighbourhood_choices()
    form.parent_id.choices = [(None, _l("None: it stands on its own"))] + \
        queries.parent_choices(plan, result)
    form.goal_ids.choices = [(goal.id, goal.title) for goal in plan.goals]
    if result is not None and not form.is_submitted():
        form.goal_ids.data = [goal.id for goal in result.goals]
    if result is None:
        form.status_id.choices = _status_choices(_l("Not started"))
    return form


def outcome_processes(plan) -> list[Process]:
    """The processes whose outcomes may become the plan's results: its own, and the town-wide
    ones (which belong to no plan)."""
    return list(db.session.scalars(
        sa.select(Process).where(sa.or_(Process.plan_id == plan.id, Process.plan_id.is_(None)))
        .options(selectinload(Process.categories)).order_by(Process.plan_id.is_(None),
                                                            Process.title)))


@bp.get("/")
@council_required
def index():
    return render_template("results/admin/index.html", plans=list_all_plans())


@bp.get("/plans/<int:plan_id>/")
@council_required
def plan(plan_id):
    plan = _plan_or_404(plan_id)
    page = queries.list_results(plan=plan, drafts=True, page=requested_page())
    return render_template("results/admin/plan.html", plan=plan, page=page,
                           processes=outcome_processes(plan))


@bp.route("/plans/<int:plan_id>/new", methods=["GET", "POST"])
@council_required
def new(plan_id):
    plan = _plan_or_404(plan_id)
    return save_form(
        _result_form(plan),
        lambda data: operations.create_result(plan, data, actor=current_user),
        template="results/admin/form.html",
        success=_l("The result has been saved as a draft: publish it when it is ready."),
        next_url=_show, plan=plan, result=None)


@bp.route("/<int:id>/edit", methods=["GET", "POST"])
@council_required
def edit(id):
    result = _result_or_404(id)
    return save_form(
        _result_form(result.plan, result),
        lambda data: operations.update_result(result, data, actor=current_user),
        template="results/admin/form.html", success=_l("The result has been saved."),
        next_url=_show, plan=result.plan, result=result)


@bp.route("/<int:id>/record", methods=["GET", "POST"])
@council_required
def record(id):
    """A change of status, progress or budget: a timeline entry (and, when the status
    changes, an e-mail to the authors of the proposals it came from)."""
    result = _result_or_404(id)
    form = UpdateForm()
    form.status_id.choices = _status_choices(_l("Keep the status"))

    def record_and_tell(data):
        entry = operations.record_update(result, data, actor=current_user)
        notifications.send_status_changed(result, entry)
        return entry

    return save_form(
        form, record_and_tell, template="results/admin/record.html",
        success=_l("The change is on the result's timeline."),
        next_url=lambda entry: _show(result), plan=result.plan, result=result,
        has_parts=operations.has_parts(result))


@bp.post("/<int:id>/publish")
@council_required
def publish(id):
    result = _result_or_404(id)
    perform(lambda: operations.publish_result(result, actor=current_user),
            _l("The result has been published."))
    return redirect(_show(result))


@bp.post("/<int:id>/unpublish")
@council_required
def unpublish(id):
    result = _result_or_404(id)
    perform(lambda: operations.unpublish_result(result, actor=current_user),
            _l("The result is a draft again: only the council sees it."))
    return redirect(_show(result))


@bp.post("/plans/<int:plan_id>/processes/<int:process_id>/from-outcomes")
@council_required
def from_outcomes(plan_id, process_id):
    plan = _plan_or_404(plan_id)
    process = db.session.get(Process, process_id) or abort(404)
    perform(lambda: operations.results_from_outcomes(process, plan, actor=current_user),
            lambda made: ngettext(
                "%(num)s draft result has been made from the process's outcomes.",
                "%(num)s draft results have been made from the process's outcomes.",
                len(made)) if made else _l("Every outcome of this process already has its "
                                           "result."))
    return redirect(url_for(".plan", plan_id=plan.id))


# --- statuses ------------------------------------------------------------------------------------

@bp.get("/statuses/")
@council_required
def statuses():
    return render_template("results/admin/statuses.html", statuses=queries.list_statuses())


@bp.route("/statuses/new", methods=["GET", "POST"])
@council_required
def new_status():
    return save_form(
        StatusForm(), lambda data: operations.create_status(data, actor=current_user),
        template="results/admin/status_form.html", success=_l("The status has been added."),
        next_url=lambda status: url_for(".statuses"), status=None)


@bp.route("/statuses/<int:id>/edit", methods=["GET", "POST"])
@council_required
def edit_status(id):
    status = db.session.get(ResultStatus, id) or abort(404)
    return save_form(
        StatusForm(obj=status), lambda data: operations.update_status(status, data,
                                                                      actor=current_user),
        template="results/admin/status_form.html", success=_l("The status has been saved."),
        next_url=lambda saved: url_for(".statuses"), status=status)
