"""Polls of a process: the list, a poll's page with its ballot, voting, the results and the
ballots of a closed poll as CSV.

Every view is thin: parse, load (404), authorize (403), one operation, one commit, then flash
and redirect. The receipt e-mail is queued with the ballot and leaves after the commit."""

import secrets

from flask import Blueprint, abort, current_app, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participa.census.queries import verification_of
from participa.core.exports import csv_response
from participa.core.flow import Refused, submit
from participa.extensions import limiter
from participa.polls import notifications, operations, queries
from participa.polls.forms import ANSWER_LABELS, ballot_form, earlier_choice
from participa.polls.permissions import (
    can_close_poll,
    can_download_ballots,
    can_edit_poll,
    can_manage_polls,
    can_open_poll,
    can_see_results,
    can_set_live_results,
    can_view_poll,
    voting_day,
    why_not_vote,
)
from participa.polls.results import choice_text, poll_results
from participa.processes.loaders import get_visible_process_or_404

bp = Blueprint("polls", __name__)

PROCESS = "/processes/<slug>/polls"
ONE = PROCESS + "/<int:id>"
DEFAULT_VOTE_LIMIT = "20 per minute;200 per hour"

_vote_limit = limiter.limit(
    lambda: current_app.config.get("RATELIMIT_POLL_VOTE", DEFAULT_VOTE_LIMIT), methods=["POST"])


def _load(slug, id):
    """The process and the poll, if this person may see it (drafts: managers only)."""
    process = get_visible_process_or_404(slug)
    poll = queries.get_poll(process, id)
    if poll is None or not can_view_poll(current_user, poll):
        abort(404)
    return process, poll


def _verification():
    return verification_of(current_user.id) if current_user.is_authenticated else None


@bp.get(PROCESS + "/")
def index(slug):
    process = get_visible_process_or_404(slug)
    may_manage = can_manage_polls(current_user, process)
    return render_template(
        "polls/index.html", process=process, may_manage=may_manage,
        polls=queries.list_polls(process, include_drafts=may_manage),
        voted=queries.voted_poll_ids(process, current_user),
    )


@bp.get(ONE)
def show(slug, id):
    process, poll = _load(slug, id)
    return _render_show(process, poll)


def _render_show(process, poll, *, form=None, refusal=None, status=200):
    voted = queries.has_voted(poll, current_user)
    if refusal is None:
        refusal = why_not_vote(current_user, poll, _verification())
    if form is None and refusal is None:
        mine = voted and queries.get_ballot(operations.box_key(
            current_app.config["BALLOT_KEY"], poll, current_user))
        form = ballot_form(poll, formdata=None,
                           data=earlier_choice(poll, mine.choice) if mine else None)
    return render_template(
        "polls/show.html", process=process, poll=poll, form=form, refusal=refusal,
        voted=voted, answer_labels=ANSWER_LABELS,
        may_see_results=can_see_results(current_user, poll),
        may_download=can_download_ballots(current_user, poll),
        may_edit=can_edit_poll(current_user, poll),
        may_open=can_open_poll(current_user, poll),
        may_close=can_close_poll(current_user, poll),
        may_set_live=can_set_live_results(current_user, poll),
    ), status


@bp.post(ONE + "/vote")
@login_required
@_vote_limit
def vote(slug, id):
    process, poll = _load(slug, id)
    refusal = why_not_vote(current_user, poll, _verification())
    if refusal is not None:
        return _render_show(process, poll, refusal=refusal, status=403)
    form = ballot_form(poll)

    def cast_and_tell(data):
        ballot, changed = operations.cast_ballot(
            poll, form.ballot(), actor=current_user,
            ballot_key=current_app.config["BALLOT_KEY"])
        notifications.send_receipt(current_user, poll, ballot.receipt, changed=changed)
        return ballot, changed

    def said(result):
        ballot, changed = result
        if changed:
            return _("Your ballot has been changed: only this one counts. Your new receipt is "
                     "%(code)s — write it down: it is shown only now (we have also e-mailed "
                     "it to you).", code=ballot.receipt)
        return _("Your ballot has been cast. Your receipt is %(code)s — write it down: it is "
                 "shown only now (we have also e-mailed it to you).", code=ballot.receipt)

    if isinstance(submit(form, cast_and_tell, said), Refused):
        return _render_show(process, poll, form=form, status=400)
    return redirect(url_for(".show", slug=slug, id=id))


@bp.get(ONE + "/results")
def results(slug, id):
    process, poll = _load(slug, id)
    if not can_see_results(current_user, poll):
        abort(403)
    return render_template("polls/results.html", process=process, poll=poll,
                           result=poll_results(poll, on=voting_day()),
                           answer_labels=ANSWER_LABELS)


CSV_FIELDS = ("ballot", "receipt", "choice", "choice_text")


@bp.get(ONE + ".csv")
def ballots_csv(slug, id):
    """Every ballot of a closed poll, in a random order, numbered 1, 2, ... as they come (the
    numbers name nobody): anyone can recount, and a voter can find their receipt."""
    _process, poll = _load(slug, id)
    if not can_download_ballots(current_user, poll):
        abort(403)
    ballots = queries.list_ballots(poll)
    secrets.SystemRandom().shuffle(ballots)
    rows = []
    for number, ballot in enumerate(ballots, start=1):
        by_number, by_title = choice_text(poll, ballot.choice)
        rows.append({"ballot": number, "receipt": ballot.receipt, "choice": by_number,
                     "choice_text": by_title})
    return csv_response(rows, CSV_FIELDS, f"poll-{poll.id}-ballots.csv")
