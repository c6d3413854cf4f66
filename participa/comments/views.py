"""Comments on any commentable content: post (or reply), edit, delete, vote.

Every target's page shows its thread (``thread_for``) with a form posting here. A refused
comment is shown again on its own page, with the text kept and the reason beside it."""

from flask import (
    Blueprint,
    abort,
    current_app,
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
from participa.comments.permissions import (
    can_delete_comment,
    can_edit_comment,
    can_reply,
    can_vote_comment,
    why_not_comment,
)
from participa.comments.rendering import publish_as_associations
from participa.comments.targets import target_url, visible_target_or_404
from participa.core.content import kind_of
from participa.core.flow import Refused, perform, save_form, submit
from participa.core.security import post_limit
from participa.processes.loaders import get_visible_process_or_404
from participa.processes.permissions import can_manage_process

bp = Blueprint("comments", __name__)

TARGET = "/processes/<slug>/<kind>/<int:id>"

_comment_limit = post_limit("RATELIMIT_COMMENT")
_vote_limit = post_limit("RATELIMIT_COMMENT_VOTE")


def _form_for(target, **kwargs):
    """The comment form, offering "publish as" the associations the person represents."""
    return CommentForm(limit=target.process.comment_body_limit,
                       positions=kind_of(target).comment_positions,
                       associations=publish_as_associations(current_user), **kwargs)


def comment_form_for(target):
    """An empty comment form for a target's page (a template global)."""
    return _form_for(target, formdata=None)


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
                           back=target_url(target), kind=kind_of(target)), status


def _parent(target, raw):
    """The comment replied to (None for a new comment); 404 if it is not in this thread."""
    if not raw:
        return None
    try:
        parent = queries.get_comment(int(raw))
    except ValueError:
        abort(400)
    if (parent is None or parent.target_kind != kind_of(target).value
            or parent.target_id != target.id):
        abort(404)
    return parent


@bp.get(TARGET + "/comments/new")
@login_required
def new(slug, kind, id):
    """The comment form on a page of its own: for replies (no script needed) and to show a
    refused comment again."""
    process = get_visible_process_or_404(slug)
    target = visible_target_or_404(kind, process, id)
    parent = _parent(target, request.args.get("parent"))
    if why_not_comment(current_user, target) is not None:
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
    target = visible_target_or_404(kind, process, id)
    form = _form_for(target)
    parent = _parent(target, form.parent_id.data)
    if why_not_comment(current_user, target) is not None:
        abort(403)
    comment = submit(form, lambda data: operations.create_comment(
        target, data, actor=current_user, parent=parent,
        first_hour_limit=current_app.config["NEW_ACCOUNT_COMMENTS"],
    ), _("Your comment has been published."))
    if isinstance(comment, Refused):
        return _render_form(target, form, parent, status=400)
    return redirect(target_url(target, anchor=f"comment-{comment.id}"))


@bp.route("/comments/<int:id>/edit", methods=["GET", "POST"])
@login_required
@_comment_limit
def edit(id):
    comment, target = visible_comment_or_404(id)
    if not can_edit_comment(current_user, comment, target):
        abort(403)
    g.private_page = True
    # not obj=comment: wtforms prefers obj over data, and the enum would check no radio
    form = EditCommentForm(limit=target.process.comment_body_limit,
                           positions=kind_of(target).comment_positions,
                           data={"body": comment.body, "alignment": comment.alignment.value})
    return save_form(
        form, lambda data: operations.update_comment(comment, data, actor=current_user),
        template="comments/edit.html", success=_("Your comment has been saved."),
        next_url=lambda saved: target_url(target, anchor=f"comment-{saved.id}"),
        comment=comment, target=target, back=target_url(target),
    )


@bp.get("/comments/<int:id>/delete")
@login_required
def confirm_delete(id):
    """Deleting asks first, on a page of its own (no script needed)."""
    comment, target = visible_comment_or_404(id)
    if not can_delete_comment(current_user, comment, target):
        abort(403)
    g.private_page = True
    back = target_url(target, anchor=f"comment-{id}")
    return render_template(
        "confirm.html",
        heading=_("Delete your comment?"),
        subject=kind_of(comment).title(comment),
        explanation=[_("In its place the thread will say that its author deleted it; the "
                       "replies stay. This cannot be undone.")],
        action=url_for(".delete", id=id),
        confirm=_("Yes, delete the comment"),
        back=back, back_label=_("No, keep the comment"),
        form=None, next=None, confirm_class=None,
    )


@bp.post("/comments/<int:id>/delete")
@login_required
def delete(id):
    comment, target = visible_comment_or_404(id)
    if not can_delete_comment(current_user, comment, target):
        abort(403)
    perform(lambda: operations.delete_comment(comment, actor=current_user),
            _("Your comment has been deleted."))
    return redirect(target_url(target, anchor=f"comment-{id}"))


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
    return redirect(target_url(target, anchor=f"comment-{id}"))


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
    if not can_manage_process(current_user, comment.process):
        abort(403)
    g.private_page = True
    return render_template("comments/history.html", comment=comment, target=target,
                           back=target_url(target, anchor=f"comment-{comment.id}"))
