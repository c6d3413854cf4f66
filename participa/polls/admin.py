"""Managing a process's polls: its facilitators and the council create, edit and open them; the
council closes them and turns live results on. Served beside the polls
(/processes/<slug>/polls/new, .../<id>/edit, ...) so facilitators, who have no council
dashboard, reach them from the process."""

from flask import Blueprint, abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participa.core.flow import perform, save_form
from participa.neighbourhoods.queries import list_neighbourhoods
from participa.polls import operations, queries
from participa.polls.forms import LiveResultsForm, PollForm
from participa.polls.permissions import (
    can_close_poll,
    can_edit_poll,
    can_manage_polls,
    can_open_poll,
    can_set_live_results,
)
from participa.processes.loaders import get_managed_process_or_403

bp = Blueprint("polls_admin", __name__, url_prefix="/processes/<slug>/polls")


def _process_managed(slug):
    return get_managed_process_or_403(slug, can_manage_polls)


def _poll_managed(slug, id):
    process = _process_managed(slug)
    poll = queries.get_poll(process, id)
    if poll is None:
        abort(404)
    return process, poll


def _form(poll=None):
    form = PollForm(obj=poll, neighbourhoods=list_neighbourhoods())
    if poll is not None and not form.is_submitted():
        form.kind.data = poll.kind.value
        form.options.data = "\n".join(o.title for o in poll.options)
        form.neighbourhood_ids.data = [n.id for n in poll.neighbourhoods]
    return form


def _to_poll(poll):
    return url_for("polls.show", slug=poll.process.slug, id=poll.id)


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new(slug):
    process = _process_managed(slug)
    return save_form(
        _form(), lambda data: operations.create_poll(process, data, actor=current_user),
        template="polls/admin/form.html",
        success=_("The poll has been saved as a draft. Open it when it is ready."),
        next_url=_to_poll, process=process, poll=None,
    )


@bp.route("/<int:id>/edit", methods=["GET", "POST"])
@login_required
def edit(slug, id):
    process, poll = _poll_managed(slug, id)
    if not can_edit_poll(current_user, poll):
        flash(_("A closed poll cannot be edited."), "error")
        return redirect(_to_poll(poll))
    return save_form(
        _form(poll), lambda data: operations.update_poll(poll, data, actor=current_user),
        template="polls/admin/form.html", success=_("The poll has been saved."),
        next_url=_to_poll, process=process, poll=poll,
    )


@bp.post("/<int:id>/open")
@login_required
def open_poll(slug, id):
    _process, poll = _poll_managed(slug, id)
    if not can_open_poll(current_user, poll):
        abort(403)
    perform(lambda: operations.open_poll(poll, actor=current_user),
            _("The poll is open: people can vote while the phase allows it."))
    return redirect(_to_poll(poll))


@bp.post("/<int:id>/close")
@login_required
def close(slug, id):
    _process, poll = _poll_managed(slug, id)
    if not can_close_poll(current_user, poll):
        abort(403)
    perform(lambda: operations.close_poll(poll, actor=current_user),
            _("The poll is closed and its result published."))
    return redirect(_to_poll(poll))


@bp.post("/<int:id>/live")
@login_required
def live(slug, id):
    _process, poll = _poll_managed(slug, id)
    if not can_set_live_results(current_user, poll):
        abort(403)
    form = LiveResultsForm()
    if not form.validate():
        abort(400)
    live_on = bool(form.live.data)
    perform(lambda: operations.set_live_results(poll, live_on, actor=current_user),
            _("Results now show while the poll is open.") if live_on
            else _("Results stay hidden until the poll closes."))
    return redirect(_to_poll(poll))
