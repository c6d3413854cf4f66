"""The public pages of evaluations: a published evaluation with its comparison to the one
before, and the satisfaction questionnaire (signed-in people, while it is open); and the plan
page's history (a ``plan_page`` receiver). Drafts are the council's: for everyone else they do
not exist (404)."""

from flask import Blueprint, abort, g, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from participa.core.flow import Refused, submit
from participa.core.security import post_limit
from participa.evaluations import operations, queries
from participa.evaluations.context import evaluation_context
from participa.evaluations.forms import QuestionnaireForm
from participa.evaluations.models import SCALE_NAMES
from participa.evaluations.permissions import (
    can_manage_evaluations,
    can_view_evaluation,
    can_view_questionnaire,
    why_not_answer,
)
from participa.plans.permissions import can_view_plan
from participa.plans.queries import get_plan_by_slug

bp = Blueprint("evaluations", __name__)

ONE = "/plans/<slug>/evaluations/<int:id>"


def _load(slug, id):
    plan = get_plan_by_slug(slug)
    if plan is None or not can_view_plan(current_user, plan):
        abort(404)
    evaluation = queries.get_evaluation(plan, id)
    if evaluation is None:
        abort(404)
    return plan, evaluation


@bp.get(ONE)
def show(slug, id):
    plan, evaluation = _load(slug, id)
    if not evaluation.is_published or not can_view_evaluation(current_user, evaluation):
        abort(404)
    if current_user.is_authenticated:
        g.private_page = True
    return render_template(
        "evaluations/show.html", plan=plan, evaluation=evaluation,
        may_manage=can_manage_evaluations(current_user, plan),
        **evaluation_context(evaluation, current_user))


def _render_questionnaire(plan, evaluation, *, form=None, refusal=None, status=200):
    if refusal is None:
        refusal = why_not_answer(current_user, evaluation)
    mine = queries.get_answer(evaluation, current_user)
    if form is None and refusal is None:
        data = {name: getattr(mine, name) for name in (*SCALE_NAMES, "comment")} if mine \
            else None
        form = QuestionnaireForm(formdata=None, data=data)
    return render_template("evaluations/questionnaire.html", plan=plan, evaluation=evaluation,
                           form=form, refusal=refusal, answered=mine is not None), status


@bp.route(ONE + "/questionnaire", methods=["GET", "POST"])
@login_required
@post_limit("RATELIMIT_POST")
def questionnaire(slug, id):
    """The questionnaire (signed-in people): GET shows it, with one's earlier answer to
    change; POST saves the answer."""
    plan, evaluation = _load(slug, id)
    if not can_view_questionnaire(current_user, evaluation):
        abort(404)
    g.private_page = True
    refusal = why_not_answer(current_user, evaluation)
    if refusal is not None:
        return _render_questionnaire(plan, evaluation, refusal=refusal, status=403)
    if request.method == "GET":
        return _render_questionnaire(plan, evaluation)
    form = QuestionnaireForm()
    saved = submit(
        form, lambda data: operations.answer_questionnaire(evaluation, data,
                                                           actor=current_user),
        lambda result: _l("Your answer has been changed. Thank you.") if result[1]
        else _l("Thank you: your answer has been saved. You can change it until the "
                "questionnaire closes."))
    if isinstance(saved, Refused):
        return _render_questionnaire(plan, evaluation, form=form, status=400)
    return redirect(url_for(".questionnaire", slug=slug, id=id))


def evaluations_of_plan(sender, plan, **kwargs) -> dict:
    """A plan page's history: its published evaluations, its open questionnaires, and for the
    council a link to evaluate it (a ``plan_page`` receiver)."""
    manage = can_manage_evaluations(current_user, plan)
    return {"evaluations": queries.list_evaluations(plan),
            "open_questionnaires": queries.list_open_questionnaires(plan),
            "may_manage_evaluations": manage}
