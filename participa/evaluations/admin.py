"""The council's pages for evaluations, under /admin/plans/<id>/evaluations/: open one for a
period, write it (period, conclusions, an assessment per goal), take its snapshot again, open
and close its questionnaire, publish it. Anyone but the council: 403 (signed out: sign in)."""

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from participa.core.auth import council_required
from participa.core.flow import perform, save_form
from participa.core.timeutil import local_date
from participa.evaluations import operations, queries
from participa.evaluations.context import evaluation_context
from participa.evaluations.forms import AssessmentForm, EvaluationForm
from participa.evaluations.permissions import (
    can_close_questionnaire,
    can_edit_evaluation,
    can_open_evaluation,
    can_open_questionnaire,
    can_publish_evaluation,
)
from participa.extensions import db
from participa.plans.models import CommunityPlan
from participa.plans.queries import get_goal, list_goals

bp = Blueprint("evaluations_admin", __name__, url_prefix="/admin/plans")

LIST = "/<int:id>/evaluations/"
ONE = "/<int:id>/evaluations/<int:evaluation_id>"


def _plan(id):
    return db.session.get(CommunityPlan, id) or abort(404)


def _evaluation(id, evaluation_id, *, editable=False):
    plan = _plan(id)
    evaluation = queries.get_evaluation(plan, evaluation_id) or abort(404)
    if editable and not can_edit_evaluation(current_user, evaluation):
        abort(403)
    return plan, evaluation


def _to_evaluation(evaluation):
    return url_for(".show", id=evaluation.plan_id, evaluation_id=evaluation.id)


@bp.get(LIST)
@council_required
def index(id):
    plan = _plan(id)
    return render_template("evaluations/admin/index.html", plan=plan,
                           evaluations=queries.list_evaluations(plan, drafts=True),
                           may_open=can_open_evaluation(current_user, plan))


@bp.route(LIST + "new", methods=["GET", "POST"])
@council_required
def new(id):
    plan = _plan(id)
    if not can_open_evaluation(current_user, plan):
        abort(403)
    return save_form(
        EvaluationForm(),
        lambda data: operations.open_evaluation(plan, data, actor=current_user,
                                                today=local_date()),
        template="evaluations/admin/form.html",
        success=_l("The evaluation has been opened, with the indicators and results as they "
                   "stood at the end of the period."),
        next_url=_to_evaluation, plan=plan, evaluation=None,
    )


@bp.get(ONE + "/")
@council_required
def show(id, evaluation_id):
    plan, evaluation = _evaluation(id, evaluation_id)
    assessments = {a.goal_id: a for a in evaluation.assessments}
    return render_template(
        "evaluations/admin/show.html", plan=plan, evaluation=evaluation,
        goals=list_goals(plan), assessments=assessments,
        may_edit=can_edit_evaluation(current_user, evaluation),
        may_publish=can_publish_evaluation(current_user, evaluation),
        may_open_questionnaire=can_open_questionnaire(current_user, evaluation),
        may_close_questionnaire=can_close_questionnaire(current_user, evaluation),
        **evaluation_context(evaluation, current_user))


@bp.route(ONE + "/edit", methods=["GET", "POST"])
@council_required
def edit(id, evaluation_id):
    plan, evaluation = _evaluation(id, evaluation_id, editable=True)
    return save_form(
        EvaluationForm(obj=evaluation),
        lambda data: operations.update_evaluation(evaluation, data, actor=current_user,
                                                  today=local_date()),
        template="evaluations/admin/form.html",
        success=_l("The evaluation has been saved."),
        next_url=_to_evaluation, plan=plan, evaluation=evaluation,
    )


@bp.route(ONE + "/goals/<int:goal_id>", methods=["GET", "POST"])
@council_required
def assess(id, evaluation_id, goal_id):
    plan, evaluation = _evaluation(id, evaluation_id, editable=True)
    goal = get_goal(plan, goal_id) or abort(404)
    assessment = next((a for a in evaluation.assessments if a.goal_id == goal.id), None)
    return save_form(
        AssessmentForm(obj=assessment),
        lambda data: operations.assess_goal(evaluation, goal, data, actor=current_user),
        template="evaluations/admin/assess.html",
        success=_l("The goal's assessment has been saved."),
        next_url=lambda saved: _to_evaluation(evaluation),
        plan=plan, evaluation=evaluation, goal=goal,
    )


def _action(id, evaluation_id, operation, success):
    """A POST-only action on an evaluation: the domain says why it refuses (a flash)."""
    _plan_, evaluation = _evaluation(id, evaluation_id)
    perform(lambda: operation(evaluation, actor=current_user), success)
    return redirect(_to_evaluation(evaluation))


@bp.post(ONE + "/refresh")
@council_required
def refresh(id, evaluation_id):
    return _action(id, evaluation_id, operations.refresh_evaluation,
                   _l("The snapshot has been taken again."))


@bp.post(ONE + "/questionnaire/open")
@council_required
def open_questionnaire(id, evaluation_id):
    return _action(id, evaluation_id, operations.open_questionnaire,
                   _l("The questionnaire is open: signed-in residents can answer it."))


@bp.post(ONE + "/questionnaire/close")
@council_required
def close_questionnaire(id, evaluation_id):
    return _action(id, evaluation_id, operations.close_questionnaire,
                   _l("The questionnaire has been closed."))


@bp.post(ONE + "/publish")
@council_required
def publish(id, evaluation_id):
    return _action(id, evaluation_id, operations.publish_evaluation,
                   _l("The evaluation has been published on the plan's page."))
