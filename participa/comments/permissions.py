"""Who may comment, reply, vote, edit and delete. Pure predicates: views (403) and templates
share them; ``why_not_comment`` says *why* not, so a page can explain instead of hiding.

A long thread is kept whole for readers who stand to it alike: what the per-comment predicates
here read of the reader is listed in ``participa.comments.rendering._reader``; a predicate that
comes to read more of them must add it there."""

from flask_babel import lazy_gettext as _l

from participa.comments.models import MAX_DEPTH
from participa.core.content import kind_of
from participa.core.enums import LabelledEnum
from participa.core.permissions import is_signed_in
from participa.processes.phases import Action, phase_allows


class CommentRefusal(LabelledEnum):
    SIGN_IN = "sign_in", _l("Sign in to comment.")
    PHASE = "phase", _l("Comments are closed in the current phase of this process.")
    CLOSED = "closed", _l("This conversation is closed: no new comments.")


def target_open(target) -> bool:
    """Whether the thing itself still takes comments (whatever the phase): its kind says."""
    return kind_of(target).accepts_comments(target)


def why_not_comment(user, target, now=None) -> CommentRefusal | None:
    """Why ``user`` may not comment on ``target`` (None: they may)."""
    if not target_open(target):
        return CommentRefusal.CLOSED
    if not phase_allows(target.process, Action.COMMENT, now):
        return CommentRefusal.PHASE
    if not is_signed_in(user) or user.is_blocked:
        return CommentRefusal.SIGN_IN
    return None


def can_comment(user, target, now=None) -> bool:
    return why_not_comment(user, target, now) is None


def _may_comment(user, target, now, may_comment):
    """``may_comment``: what ``can_comment`` already said for this page (a long thread asks
    once, not once per comment)."""
    return can_comment(user, target, now) if may_comment is None else may_comment


def can_reply(user, comment, target, now=None, *, may_comment=None) -> bool:
    """Replies go three levels deep, and only to a comment people can still read."""
    return (
        comment.depth < MAX_DEPTH
        and comment.is_visible
        and _may_comment(user, target, now, may_comment)
    )


def can_vote_comment(user, comment, target, now=None, *, may_comment=None) -> bool:
    """Anyone who may comment may rate others' visible comments (not their own)."""
    return (
        comment.is_visible
        and _may_comment(user, target, now, may_comment)
        and comment.author_id != user.id
    )


def _is_open(target, is_open):
    """``is_open``: what ``target_open`` already said for this page (asked once per thread)."""
    return target_open(target) if is_open is None else is_open


def can_edit_comment(user, comment, target, *, is_open=None) -> bool:
    """Its author, while it is visible and the conversation is open (a closed debate's, a
    withdrawn proposal's, a cancelled meeting's words stay as they were; a phase that takes no
    new comments still lets people mend their own)."""
    return (is_signed_in(user) and comment.author_id == user.id and comment.is_visible
            and _is_open(target, is_open))


def can_delete_comment(user, comment, target, *, is_open=None) -> bool:
    return (is_signed_in(user) and comment.author_id == user.id and comment.deleted_at is None
            and _is_open(target, is_open))
