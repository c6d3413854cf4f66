"""Who may comment, reply, vote, edit and delete. Pure predicates: views (403) and templates
share them; ``comment_blocked`` says *why* not, so a page can explain instead of hiding."""

import enum

from flask_babel import lazy_gettext as _l

from participa.comments.models import MAX_DEPTH, TargetKind
from participa.core.permissions import is_signed_in
from participa.processes.phases import Action, phase_allows


class CommentBlocked(enum.Enum):
    SIGN_IN = "sign_in"
    PHASE = "phase"
    CLOSED = "closed"

    @property
    def label(self):
        return BLOCKED_LABELS[self]


BLOCKED_LABELS = {
    CommentBlocked.SIGN_IN: _l("Sign in to comment."),
    CommentBlocked.PHASE: _l("Comments are closed in the current phase of this process."),
    CommentBlocked.CLOSED: _l("This conversation is closed: no new comments."),
}


def target_open(target) -> bool:
    """Whether the thing itself still takes comments (whatever the phase)."""
    if target.hidden_at is not None:
        return False
    kind = TargetKind.of(target)
    if kind is TargetKind.PROPOSAL:
        return target.deleted_at is None and not target.is_withdrawn
    if kind is TargetKind.DEBATE:
        return target.deleted_at is None and target.is_open
    return target.status.value in ("published", "closed")  # a meeting, not draft or cancelled


def comment_blocked(user, target, now=None) -> CommentBlocked | None:
    """Why ``user`` may not comment on ``target`` (None: they may)."""
    if not target_open(target):
        return CommentBlocked.CLOSED
    if not phase_allows(target.process, Action.COMMENT, now):
        return CommentBlocked.PHASE
    if not is_signed_in(user) or user.is_blocked:
        return CommentBlocked.SIGN_IN
    return None


def can_comment(user, target, now=None) -> bool:
    return comment_blocked(user, target, now) is None


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


def can_edit_comment(user, comment) -> bool:
    return is_signed_in(user) and comment.author_id == user.id and comment.is_visible


def can_delete_comment(user, comment) -> bool:
    return is_signed_in(user) and comment.author_id == user.id and comment.deleted_at is None
