"""Comments on proposals, debates and meetings: post (or reply), edit, delete, vote.

Every target's page shows its thread (``thread_for``) with a form posting here. A refused
comment is shown again on its own page, with the text kept and the reason beside it."""

from flask import (
    Blueprint,
    abort,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participa.comments import operations, queries
from participa.comments.forms import CommentForm, EditCommentForm, VoteForm
from participa.comments.models import CommentSort, TargetKind
from participa.comments.permissions import (
    can_delete_comment,
    can_edit_comment,
    can_reply,
    can_vote_comment,
    comment_blocked,
)
from participa.comments.rendering import render_comments
from participa.core.admin import attach_error, form_data, perform, save_form
from participa.core.errors import DomainError, TooMany, render_error
from participa.core.security import post_limit
from participa.extensions import db
from participa.meetings.permissions import can_view_meeting
from participa.moderation.permissions import can_moderate_process
from participa.processes.views import get_visible_process_or_404

bp = Blueprint("comments", __name__)
bp.add_app_template_global(comment_blocked)
bp.add_app_template_global(list(CommentSort), "comment_sorts")
bp.add_app_template_global(render_comments)


def _form_for(target, **kwargs):
    return CommentForm(limit=target.process.comment_body_limit, **kwargs)


@bp.app_template_global()
def comment_form_for(target):
    """An empty comment form for a target's page."""
    return _form_for(target, formdata=None)


TARGET = "/processes/<slug>/<any(proposals,debates,meetings):kind>/<int:id>"

_comment_limit = post_limit("RATELIMIT_COMMENT")
_vote_limit = post_limit("RATELIMIT_COMMENT_VOTE")


TARGET_PAGES = {TargetKind.PROPOSAL: "proposals.show", TargetKind.DEBATE: "debates.show",
                TargetKind.MEETING: "meetings.show"}


def target_url(target, anchor=None, external=False) -> str:
    """The page of a proposal, debate or meeting (at a comment, with ``anchor``)."""
    return url_for(TARGET_PAGES[TargetKind.of(target)], slug=target.process.slug,
                   id=target.id, _anchor=anchor, _external=external)


def visible_target_or_404(kind: TargetKind, process, target_id: int):
    """The proposal, debate or meeting, if this person may read it."""
    target = db.session.get(kind.model, target_id)
    if target is None or target.process_id != process.id:
        abort(404)
    if kind is TargetKind.MEETING:
        visible = can_view_meeting(current_user, target)
    else:
        visible = target.deleted_at is None
    if not visible:
        abort(404)
    return target


def visible_comment_or_404(id):
    """A comment and its target, if this person may read the target (404 otherwise)."""
    comment = queries.get_comment(id)
    if comment is None:
        abort(404)
    process = get_visible_process_or_404(comment.process.slug)
    target = visible_target_or_404(comment.target_kind, process, comment.target_id)
    return comment, target


def _render_form(target, form, parent=None, status=200):
    return render_template("comments/form.html", target=target, form=form, parent=parent,
                           back=target_url(target), kind=TargetKind.of(target)), status


def _parent(target, raw):
    """The comment replied to (None for a new comment); 404 if it is not in this thread."""
    if not raw:
        return None
    try:
        parent = queries.get_comment(int(raw))
    except ValueError:
        abort(400)
    kind = TargetKind.of(target)
    if parent is None or parent.target_kind is not kind or parent.target_id != target.id:
        abort(404)
    return parent


@bp.get(TARGET + "/comments/new")
@login_required
def new(slug, kind, id):
    """The comment form on a page of its own: for replies (no script needed) and to show a
    refused comment again."""
    process = get_visible_process_or_404(slug)
    target = visible_target_or_404(TargetKind(kind), process, id)
    parent = _parent(target, request.args.get("parent"))
    blocked = comment_blocked(current_user, target)
    if blocked is not None:
        abort(403)
    if parent is not None and not can_reply(current_user, parent, target):
        abort(403)
    g.private_page = True
    form = _form_for(target, formdata=None, parent_id=parent.id if parent else "")
    return _render_form(target, form, parent)


@bp.post(TARGET + "/comments")
@login_required
@_comment_limit
def create(slug, kind, id):
    process = get_visible_process_or_404(slug)
    target = visible_target_or_404(TargetKind(kind), process, id)
    form = _form_for(target)
    parent = _parent(target, form.parent_id.data)
    if comment_blocked(current_user, target) is not None:
        abort(403)
    if not form.validate():
        return _render_form(target, form, parent, status=400)
    try:
        comment = operations.create_comment(target, form_data(form), actor=current_user,
                                            parent=parent)
    except TooMany as error:
        db.session.rollback()
        return render_error(429, error.message)
    except DomainError as error:
        db.session.rollback()
        attach_error(form, error)
        return _render_form(target, form, parent, status=400)
    db.session.commit()
    flash(_("Your comment has been published."), "success")
    return redirect(target_url(target, anchor=f"comment-{comment.id}"))


@bp.route("/comments/<int:id>/edit", methods=["GET", "POST"])
@login_required
@_comment_limit
def edit(id):
    comment, target = visible_comment_or_404(id)
    if not can_edit_comment(current_user, comment):
        abort(403)
    g.private_page = True
    # not obj=comment: wtforms prefers obj over data, and the enum would check no radio
    form = EditCommentForm(limit=target.process.comment_body_limit,
                           data={"body": comment.body, "alignment": comment.alignment.value})
    return save_form(
        form, lambda data: operations.update_comment(comment, data, actor=current_user),
        template="comments/edit.html", success=_("Your comment has been saved."),
        next_url=lambda saved: target_url(target, anchor=f"comment-{saved.id}"),
        comment=comment, target=target, back=target_url(target),
    )


@bp.post("/comments/<int:id>/delete")
@login_required
def delete(id):
    comment, target = visible_comment_or_404(id)
    if not can_delete_comment(current_user, comment):
        abort(403)
    perform(lambda: operations.delete_comment(comment, actor=current_user),
            _("Your comment has been deleted."))
    return redirect(target_url(target, anchor=f"comment-{comment.id}"))


VOTES = {"up": 1, "down": -1, "clear": 0}


@bp.post("/comments/<int:id>/vote")
@login_required
@_vote_limit
def vote(id):
    comment, target = visible_comment_or_404(id)
    form = VoteForm()
    if not form.validate() or form.value.data not in VOTES:
        abort(400)
    if not can_vote_comment(current_user, comment, target):
        abort(403)
    perform(lambda: operations.vote_comment(comment, VOTES[form.value.data],
                                            actor=current_user),
            _("Your rating has been saved."))
    return redirect(target_url(target, anchor=f"comment-{comment.id}"))


@bp.get("/comments/<int:id>")
def show(id):
    """A comment's permanent address: its place in the thread."""
    comment, target = visible_comment_or_404(id)
    return redirect(target_url(target, anchor=f"comment-{comment.id}"))


@bp.get("/comments/<int:id>/history")
@login_required
def history(id):
    """A comment's earlier versions, for the moderators of its process."""
    comment, target = visible_comment_or_404(id)
    if not can_moderate_process(current_user, comment.process):
        abort(403)
    g.private_page = True
    return render_template("comments/history.html", comment=comment, target=target,
                           back=target_url(target, anchor=f"comment-{comment.id}"))
