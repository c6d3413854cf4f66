"""Debates of a process: list, open, page (with its comments), edit, close."""

from flask import Blueprint, abort, current_app, g, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participa.comments.queries import thread_for
from participa.core.flow import save_form
from participa.core.models import written_in
from participa.core.pagination import requested_page
from participa.core.security import post_limit
from participa.debates import files, operations, queries
from participa.debates.forms import CloseDebateForm, DebateForm
from participa.debates.models import DebateStatus
from participa.debates.permissions import (
    can_close_debate,
    can_edit_debate,
    can_open_debate,
    can_view_debate,
)
from participa.files.operations import save_with_files
from participa.files.queries import files_of, rules_for
from participa.moderation.context import moderation_context
from participa.processes.loaders import get_visible_process_or_404

bp = Blueprint("debates", __name__, url_prefix="/processes/<slug>/debates")

_post_limit = post_limit("RATELIMIT_POST")


def _debate_or_404(process, id):
    debate = queries.get_debate(process, id)
    if debate is None or not can_view_debate(current_user, debate):
        abort(404)
    return debate


@bp.get("/")
def index(slug):
    process = get_visible_process_or_404(slug)
    args = request.args
    try:
        status = DebateStatus(args.get("status")) if args.get("status") else None
    except ValueError:
        status = None
    sort = args.get("sort") if args.get("sort") in queries.SORTS else "recent"
    return render_template(
        "debates/index.html", process=process, status=status, sort=sort,
        page=queries.list_debates(process, status=status, sort=sort, page=requested_page(),
                                  per_page=current_app.config["PAGE_SIZE"]),
        may_open=can_open_debate(current_user, process),
    )


@bp.route("/new", methods=["GET", "POST"])
@login_required
@_post_limit
def new(slug):
    process = get_visible_process_or_404(slug)
    if not can_open_debate(current_user, process):
        abort(403)
    return save_form(
        DebateForm(process=process),
        lambda data: _with_files(data, lambda: operations.create_debate(
            process, data, actor=current_user)),
        template="debates/form.html", success=_("The debate is open."),
        next_url=lambda debate: url_for(".show", slug=slug, id=debate.id),
        process=process, debate=None, file_rules=rules_for(files.KIND),
    )


def _with_files(data, save):
    return save_with_files(files.KIND, data, save, actor=current_user,
                           language=written_in(current_user))


@bp.get("/<int:id>")
def show(slug, id):
    process = get_visible_process_or_404(slug)
    debate = _debate_or_404(process, id)
    return render_template(
        "debates/show.html", process=process, debate=debate,
        thread=thread_for(debate, current_user, request.args.get("comments")),
        may_edit=can_edit_debate(current_user, debate),
        may_close=can_close_debate(current_user, debate),
        attachments=files_of(files.KIND, debate.id)
        if files.can_read_files(current_user, debate) else [],
        **moderation_context(debate),
    )


@bp.route("/<int:id>/edit", methods=["GET", "POST"])
@login_required
@_post_limit
def edit(slug, id):
    process = get_visible_process_or_404(slug)
    debate = _debate_or_404(process, id)
    if not can_edit_debate(current_user, debate):
        abort(403)
    g.private_page = True
    return save_form(
        DebateForm(process=process, obj=debate),
        lambda data: _with_files(data, lambda: operations.update_debate(
            debate, data, actor=current_user)),
        template="debates/form.html", success=_("The debate has been saved."),
        next_url=lambda saved: url_for(".show", slug=slug, id=saved.id),
        process=process, debate=debate, file_rules=rules_for(files.KIND),
    )


@bp.route("/<int:id>/close", methods=["GET", "POST"])
@login_required
def close(slug, id):
    process = get_visible_process_or_404(slug)
    debate = _debate_or_404(process, id)
    if not can_close_debate(current_user, debate):
        abort(403)
    g.private_page = True
    return save_form(
        CloseDebateForm(obj=debate),
        lambda data: operations.close_debate(debate, data["conclusion"], actor=current_user),
        template="debates/close.html",
        success=_("The debate is closed and its conclusion published."),
        next_url=lambda saved: url_for(".show", slug=slug, id=saved.id),
        process=process, debate=debate,
    )

