"""The management pages of a process's budgets, under /processes/<slug>/budgets/manage/.

They sit beside the process (not under /admin/) because the process's facilitators prepare
budgets too, not only the council: the same ``can_manage_budget`` the operations ask decides
who may open them (403 otherwise), while closing voting and publishing the results stay with the
council (``can_close_budget``, ``can_publish_results``). Every write goes through the one write
flow (``save_form``/``perform``): one operation, one commit."""

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from participa.budgets import operations, queries
from participa.budgets.forms import (
    BudgetForm,
    FrozenBudgetForm,
    ProjectForm,
    paper_count_form,
)
from participa.budgets.models import BudgetVoter
from participa.budgets.permissions import (
    can_change_rules,
    can_close_budget,
    can_enter_paper_count,
    can_manage_budget,
    can_publish_results,
)
from participa.core.flow import perform, save_form
from participa.core.i18n import format_day
from participa.extensions import db
from participa.meetings.models import Meeting, MeetingStatus
from participa.processes.loaders import get_managed_process_or_403
from participa.proposals.models import Proposal, ProposalState

bp = Blueprint("budgets_admin", __name__, url_prefix="/processes/<slug>/budgets/manage")

BUDGET = "/<int:budget_id>"
PROJECT = BUDGET + "/projects/<int:project_id>"


# -- loading -----------------------------------------------------------------------------------


def _managed_process(slug):
    """The process, for the people who manage its budgets (403 for anyone else)."""
    return get_managed_process_or_403(slug, can_manage_budget)


def _managed_budget(slug, budget_id):
    process = _managed_process(slug)
    budget = queries.get_budget(process, budget_id)
    if budget is None:
        abort(404)
    return process, budget


def _managed_project(slug, budget_id, project_id):
    process, budget = _managed_budget(slug, budget_id)
    project = queries.get_project(budget, project_id)
    if project is None:
        abort(404)
    return process, budget, project


def _to_budget(slug, budget_id):
    return url_for(".show", slug=slug, budget_id=budget_id)


# -- what the forms offer (the process's own things) ---------------------------------------------


def _neighbourhood_choices(process, blank):
    return [(None, blank)] + [(n.id, n.name) for n in process.neighbourhoods]


def _voters_by_budget(budgets) -> dict[int, int]:
    """Online voters of each budget, in one query (from the roll: who, never what)."""
    if not budgets:
        return {}
    rows = db.session.execute(
        sa.select(BudgetVoter.budget_id, sa.func.count())
        .where(BudgetVoter.budget_id.in_([b.id for b in budgets]))
        .group_by(BudgetVoter.budget_id))
    return dict(rows.all())


def _accepted_proposal_choices(process):
    rows = db.session.execute(
        sa.select(Proposal.id, Proposal.title)
        .where(Proposal.process_id == process.id, Proposal.state == ProposalState.ACCEPTED,
               Proposal.deleted_at.is_(None))
        .order_by(Proposal.id))
    return [(pid, title) for pid, title in rows]


def _meeting_choices(process):
    rows = db.session.execute(
        sa.select(Meeting.id, Meeting.title, Meeting.starts_at)
        .where(Meeting.process_id == process.id,
               Meeting.status.in_([MeetingStatus.PUBLISHED, MeetingStatus.CLOSED]))
        .order_by(Meeting.starts_at.desc(), Meeting.id))
    return [(None, _l("None"))] + [
        (mid, f"{title} ({format_day(starts_at, 'short')})") for mid, title, starts_at in rows
    ]


def _budget_form(process, budget=None):
    """The rules form, or only the words once the rules have frozen. A form posted with rules
    to a frozen budget (a page opened before the first ballot) is read whole, so the operation
    refuses what it would change instead of the change being dropped unnoticed."""
    posted_rules = request.method == "POST" and any(n in request.form for n in operations.RULES)
    if budget is not None and budget.is_frozen and not posted_rules:
        return FrozenBudgetForm(obj=budget)
    form = BudgetForm(obj=budget)
    form.neighbourhood_id.choices = _neighbourhood_choices(process, _l("The whole process"))
    return form


def _project_form(process, budget, project=None):
    form = ProjectForm(obj=project, amount=budget.amount)
    form.category_id.choices = [(None, _l("No category"))] + [
        (c.id, c.name) for c in process.categories]
    form.neighbourhood_id.choices = _neighbourhood_choices(process, _l("No neighbourhood"))
    form.proposal_ids.choices = _accepted_proposal_choices(process)
    if project is not None and not form.is_submitted():
        form.proposal_ids.data = [p.id for p in project.proposals]
    return form


def _refuse_if_frozen(slug, budget):
    """A project page of a frozen budget sends back to the budget, saying why."""
    if can_change_rules(current_user, budget):
        return None
    flash(operations.FROZEN, "error")
    return redirect(_to_budget(slug, budget.id))


# -- budgets -----------------------------------------------------------------------------------


@bp.get("/")
@login_required
def index(slug):
    process = _managed_process(slug)
    budgets = queries.list_budgets(process)
    return render_template("budgets/admin/index.html", process=process, budgets=budgets,
                           voters=_voters_by_budget(budgets))


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new(slug):
    process = _managed_process(slug)
    return save_form(
        _budget_form(process),
        lambda data: operations.create_budget(process, data, actor=current_user),
        template="budgets/admin/form.html",
        success=_l("The budget has been created. Now add its projects."),
        next_url=lambda budget: _to_budget(slug, budget.id),
        process=process, budget=None, rules_form=True,
    )


@bp.get(BUDGET + "/")
@login_required
def show(slug, budget_id):
    process, budget = _managed_budget(slug, budget_id)
    return render_template(
        "budgets/admin/show.html", process=process, budget=budget,
        voters=queries.voters_count(budget), paper_counts=queries.paper_counts(budget),
        may_change_rules=can_change_rules(current_user, budget),
        may_close=can_close_budget(current_user, budget),
        may_publish=can_publish_results(current_user, budget),
        may_enter_paper=can_enter_paper_count(current_user, budget),
    )


@bp.route(BUDGET + "/edit", methods=["GET", "POST"])
@login_required
def edit(slug, budget_id):
    process, budget = _managed_budget(slug, budget_id)
    form = _budget_form(process, budget)
    return save_form(
        form,
        lambda data: operations.update_budget(budget, data, actor=current_user),
        template="budgets/admin/form.html",
        success=_l("The budget has been saved."),
        next_url=lambda saved: _to_budget(slug, budget_id),
        process=process, budget=budget, rules_form=isinstance(form, BudgetForm),
    )


# -- projects ----------------------------------------------------------------------------------


@bp.route(BUDGET + "/projects/new", methods=["GET", "POST"])
@login_required
def new_project(slug, budget_id):
    process, budget = _managed_budget(slug, budget_id)
    if request.method == "GET" and (refusal := _refuse_if_frozen(slug, budget)):
        return refusal
    return save_form(
        _project_form(process, budget),
        lambda data: operations.create_project(budget, data, actor=current_user),
        template="budgets/admin/project_form.html",
        success=_l("The project has been added."),
        next_url=lambda project: _to_budget(slug, budget_id),
        process=process, budget=budget, project=None,
    )


@bp.route(PROJECT + "/edit", methods=["GET", "POST"])
@login_required
def edit_project(slug, budget_id, project_id):
    process, budget, project = _managed_project(slug, budget_id, project_id)
    if request.method == "GET" and (refusal := _refuse_if_frozen(slug, budget)):
        return refusal
    return save_form(
        _project_form(process, budget, project),
        lambda data: operations.update_project(project, data, actor=current_user),
        template="budgets/admin/project_form.html",
        success=_l("The project has been saved."),
        next_url=lambda saved: _to_budget(slug, budget_id),
        process=process, budget=budget, project=project,
    )


@bp.route(PROJECT + "/delete", methods=["GET", "POST"])
@login_required
def delete_project(slug, budget_id, project_id):
    """GET asks for confirmation; POST removes the project."""
    process, budget, project = _managed_project(slug, budget_id, project_id)
    if request.method == "GET":
        if refusal := _refuse_if_frozen(slug, budget):
            return refusal
        return render_template("budgets/admin/delete_project.html", process=process,
                               budget=budget, project=project)
    perform(lambda: operations.delete_project(project, actor=current_user),
            _l("The project has been removed."))
    return redirect(_to_budget(slug, budget_id))


# -- closing, results and paper ballots ----------------------------------------------------------


@bp.route(BUDGET + "/close", methods=["GET", "POST"])
@login_required
def close(slug, budget_id):
    """The council closes voting: GET explains what that does, POST does it."""
    process, budget = _managed_budget(slug, budget_id)
    if not can_close_budget(current_user, budget):
        abort(403)
    if request.method == "GET":
        return render_template("budgets/admin/close.html", process=process, budget=budget,
                               voters=queries.voters_count(budget))
    perform(lambda: operations.close_budget(budget, actor=current_user),
            _l("Voting has closed. Check the paper ballots, then publish the results."))
    return redirect(_to_budget(slug, budget_id))


@bp.post(BUDGET + "/publish")
@login_required
def publish(slug, budget_id):
    _process, budget = _managed_budget(slug, budget_id)
    if not can_publish_results(current_user, budget):
        abort(403)
    perform(lambda: operations.publish_results(budget, actor=current_user),
            _l("The results have been published."))
    return redirect(_to_budget(slug, budget_id))


@bp.route(BUDGET + "/paper", methods=["GET", "POST"])
@login_required
def paper(slug, budget_id):
    """The paper ballot boxes entered so far, and the form to enter another."""
    process, budget = _managed_budget(slug, budget_id)
    may_enter = can_enter_paper_count(current_user, budget)
    if request.method == "POST" and not may_enter:
        abort(403)
    form = paper_count_form(budget.projects)
    form.meeting_id.choices = _meeting_choices(process)
    return save_form(
        form,
        lambda data: operations.enter_paper_count(budget, data, actor=current_user),
        template="budgets/admin/paper.html",
        success=_l("The paper ballots have been entered."),
        next_url=lambda count: url_for(".paper", slug=slug, budget_id=budget_id),
        process=process, budget=budget, may_enter=may_enter,
        counts=queries.paper_counts(budget),
    )
