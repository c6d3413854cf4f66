"""Budgets of a process: list, a budget's page with its ballot ("check my ballot" and cast),
results, and the published ballots as a Pabulib file."""

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participa.budgets import exports, notifications, operations, queries
from participa.budgets import results as results_view
from participa.budgets.ballots import check_ballot, parse_choices
from participa.budgets.models import BudgetState
from participa.budgets.permissions import (
    can_manage_budget,
    can_see_results,
    can_view_budget,
    why_not_vote,
)
from participa.census.queries import verification_of
from participa.core.flow import commit
from participa.core.security import post_limit
from participa.core.timeutil import local_date
from participa.processes.loaders import get_visible_process_or_404

bp = Blueprint("budgets", __name__, url_prefix="/processes/<slug>/budgets")

_vote_limit = post_limit("RATELIMIT_BALLOT")


def _budget_or_404(slug, id, *, sources=True):
    process = get_visible_process_or_404(slug)
    budget = queries.get_budget(process, id, sources=sources)
    if budget is None or not can_view_budget(current_user, budget):
        abort(404)
    return process, budget


def _ballot_secret() -> str:
    return current_app.config["BALLOT_KEY"]


def _my_ballot(budget):
    """The reader's own ballot (they alone can find it: its key needs the ballot key)."""
    if not current_user.is_authenticated:
        return None
    return queries.get_ballot(budget, operations.ballot_key(_ballot_secret(), budget,
                                                             current_user))


@bp.get("/")
def index(slug):
    process = get_visible_process_or_404(slug)
    return render_template(
        "budgets/index.html", process=process, budgets=queries.list_budgets(process),
        voted=queries.voted_budget_ids(process, current_user),
        may_manage=can_manage_budget(current_user, process),
    )


@bp.get("/<int:id>")
def show(slug, id):
    process, budget = _budget_or_404(slug, id)
    return _render_show(process, budget)


def _render_show(process, budget, *, chosen=None, check=None, status=200):
    verification = (verification_of(current_user.id) if current_user.is_authenticated
                    else None)
    mine = _my_ballot(budget)
    if chosen is None and mine is not None:
        chosen = mine.project_ids
    if current_user.is_authenticated:
        g.private_page = True
    return render_template(
        "budgets/show.html", process=process, budget=budget,
        refusal=why_not_vote(current_user, budget, verification), voted=mine is not None,
        chosen=set(chosen or ()), check=check,
        voters=queries.voters_count(budget),
        may_manage=can_manage_budget(current_user, budget),
        may_see_results=can_see_results(current_user, budget),
    ), status


@bp.post("/<int:id>/ballot")
@login_required
@_vote_limit
def ballot(slug, id):
    """One form, two buttons: "check my ballot" explains (without JavaScript) and changes
    nothing; "cast" checks the same rules and casts."""
    process, budget = _budget_or_404(slug, id, sources=False)  # a page shown reads them then
    choices = parse_choices(request.form.getlist("project"))
    if request.form.get("action") != "cast":
        check = check_ballot(budget, choices)
        return _render_show(process, budget, chosen=choices or [], check=check)
    mine = _my_ballot(budget)  # kept here, the operation finds it without asking again
    voted = mine is not None
    verification = verification_of(current_user.id)

    def cast_and_tell():
        receipt = operations.cast_ballot(budget, choices, actor=current_user,
                                         verification=verification,
                                         ballot_secret=_ballot_secret())
        notifications.send_receipt(current_user, budget, receipt, changed=voted)
        return receipt

    outcome = commit(cast_and_tell)
    if not outcome:
        check = check_ballot(budget, choices)
        if check.ok:  # the ballot is fine, the voter or the moment is not (closed, ineligible)
            flash(outcome.error.message, "error")
            return _render_show(process, budget, chosen=choices or [], check=check, status=403)
        return _render_show(process, budget, chosen=choices or [], check=check, status=400)
    flash(_("Your ballot has been saved. Your receipt code is %(code)s: note it down (it is "
            "shown only now, and we have e-mailed it to you). With it you will find your "
            "ballot in the published file when voting closes.", code=outcome), "success")
    return redirect(url_for(".show", slug=slug, id=id))


@bp.get("/<int:id>/results")
def results(slug, id):
    process, budget = _budget_or_404(slug, id)
    if not can_see_results(current_user, budget):
        abort(404)
    counted = results_view.counted_results(budget, operations.count_results)
    mine = _my_ballot(budget)
    day = local_date(budget.closed_at)
    figures = results_view.figures(budget, counted,
                                   my_choices=mine.project_ids if mine else None,
                                   eligible=queries.eligible_residents(budget, day))
    if current_user.is_authenticated:
        g.private_page = True
    return render_template("budgets/results.html", process=process, budget=budget,
                           results=figures, chart=results_view.chart(figures),
                           published=budget.state == BudgetState.PUBLISHED)


@bp.get("/<int:id>.pb")
def pabulib_file(slug, id):
    process, budget = _budget_or_404(slug, id)
    if not can_see_results(current_user, budget):
        abort(404)
    text = exports.pabulib_text(budget, town=current_app.config["SITE_NAME"],
                                language=str(get_locale()))
    return Response(text, mimetype="text/plain", headers={
        "Content-Disposition": f"attachment; filename=budget-{budget.id}.pb"})


