"""Comments as a kind of content: they can be reported, hidden and counted on profiles."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from participa.comments.models import Comment
from participa.comments.operations import set_comment_hidden
from participa.comments.queries import COMMENTS, get_target
from participa.core.content import ContentKind, kind_named


def _title(comment) -> str:
    text = " ".join((comment.body or "").split())
    return text[:80] + ("…" if len(text) > 80 else "")


def _url(comment, anchor=None, external=False) -> str:
    """Where a comment is read: its place in the thread of what it is on."""
    target = get_target(comment)
    return kind_named(comment.target_kind).url(target, anchor=f"comment-{comment.id}",
                                               external=external)


def _permalink(comment, external=False) -> str:
    """A comment's permanent address (it leads to its place in the thread)."""
    return url_for("comments.show", id=comment.id, _external=external)


def _can_view(user, comment) -> bool:
    """Whoever may read what it is on."""
    target = get_target(comment)
    return target is not None and kind_named(comment.target_kind).can_view(user, target)


KIND = ContentKind(
    value=COMMENTS, model=Comment, label=_l("Comment"),
    hidden_label=_l("This comment was hidden by moderation."),
    title=_title, url=_url, permalink=_permalink, can_view=_can_view,
    set_hidden=set_comment_hidden,
    contribution_label=_l("Comments"),
    address_rule="/comments/<int:id>",
)
