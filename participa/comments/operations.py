"""Every write about comments and their votes. Flush, never commit; the actor is passed in.

The comment counter of a proposal, debate or meeting counts its *visible* comments (neither
deleted nor hidden) and changes in SQL in the same transaction as the comment. One person's
writes are serialized by ``lock_row(User, actor.id)``, so the first-hour limit and the one vote
per person and comment hold under parallel requests (the unique constraint backs the latter)."""

from datetime import timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from participa.accounts.models import User
from participa.comments.behalf import association_to_publish_as
from participa.comments.models import Alignment, Comment, CommentVersion, CommentVote
from participa.comments.permissions import (
    can_delete_comment,
    can_edit_comment,
    can_reply,
    can_vote_comment,
    why_not_comment,
)
from participa.comments.queries import get_target
from participa.core.content import kind_named, kind_of
from participa.core.database import add_to_counters, lock_row
from participa.core.errors import DomainError, TooMany
from participa.core.models import written_in
from participa.core.types import utcnow
from participa.extensions import db

FIRST_HOUR = timedelta(hours=1)


def _clean_body(process, body) -> str:
    body = (body or "").strip()
    limit = process.comment_body_limit
    if not body:
        raise DomainError(_l("Write your comment."), field="body")
    if len(body) > limit:
        raise DomainError(_l("Write at most %(n)s characters.", n=limit), field="body")
    return body


def _alignment(value) -> Alignment:
    try:
        return Alignment(value or Alignment.NEUTRAL.value)
    except ValueError:
        raise DomainError(_l("Choose in favour, neutral or against."),  # noqa: B904
                          field="alignment") from None


def _check_first_hour(actor, now, limit: int) -> None:
    """A new account posts at most ``limit`` comments in its first hour (0: no cap)."""
    if not limit or now - actor.created_at >= FIRST_HOUR:
        return
    posted = db.session.scalar(
        sa.select(sa.func.count()).select_from(Comment)
        .where(Comment.author_id == actor.id, Comment.created_at >= actor.created_at)
    )
    if posted >= limit:
        raise TooMany(_l("New accounts can post %(n)s comments in their first hour. Please "
                         "wait a little before commenting again.", n=limit))


def create_comment(target, data: dict, *, actor, parent=None, first_hour_limit=0,
                   now=None) -> Comment:
    """A comment on ``target`` (or a reply to ``parent``, a comment on the same target).
    ``first_hour_limit``: how many comments a new account may post in its first hour.
    ``data["association_id"]``: the association it is written on behalf of (the actor must
    represent it, verified, now), or None."""
    now = now or utcnow()
    lock_row(User, actor.id)
    db.session.refresh(actor)  # a block committed while this waited for the lock counts
    refusal = why_not_comment(actor, target, now)
    if refusal is not None:
        raise DomainError(refusal.label)
    kind = kind_of(target)
    if parent is not None:
        if parent.target_kind != kind.value or parent.target_id != target.id:
            raise DomainError(_l("You can only reply to a comment of this conversation."))
        if not can_reply(actor, parent, target, now):
            raise DomainError(_l("You cannot reply to this comment."))
    body = _clean_body(target.process, data.get("body"))
    alignment = (_alignment(data.get("alignment")) if kind.comment_positions
                 else Alignment.NEUTRAL)
    association = association_to_publish_as(actor, data.get("association_id"))
    _check_first_hour(actor, now, first_hour_limit)
    comment = Comment(
        process_id=target.process_id, target_kind=kind.value, target_id=target.id,
        author_id=actor.id, parent_id=parent.id if parent else None,
        depth=parent.depth + 1 if parent else 0, body=body, alignment=alignment,
        up_votes=0, down_votes=0, created_at=now, updated_at=now, language=written_in(actor),
        association_id=association.id if association is not None else None,
    )
    db.session.add(comment)
    db.session.flush()
    add_to_counters(target, comments_count=+1)
    return comment


def update_comment(comment, data: dict, *, actor) -> Comment:
    """Change the text (and alignment); the previous text is kept for moderators."""
    lock_row(Comment, comment.id)
    db.session.refresh(comment)
    if not can_edit_comment(actor, comment, get_target(comment)):
        raise DomainError(_l("You cannot edit this comment."))
    body = _clean_body(comment.process, data.get("body"))
    alignment = (_alignment(data.get("alignment"))
                 if kind_named(comment.target_kind).comment_positions else comment.alignment)
    if body == comment.body and alignment == comment.alignment:
        return comment
    db.session.add(CommentVersion(comment_id=comment.id, body=comment.body,
                                  alignment=comment.alignment))
    comment.body, comment.alignment, comment.edited_at = body, alignment, utcnow()
    db.session.flush()
    return comment


def delete_comment(comment, *, actor) -> Comment:
    """Soft delete: the comment keeps its place in the thread, its text is gone (a hidden
    comment's text is kept as a version, for its moderators)."""
    lock_row(Comment, comment.id)
    db.session.refresh(comment)
    if not can_delete_comment(actor, comment, get_target(comment)):
        raise DomainError(_l("You cannot delete this comment."))
    was_visible = comment.is_visible
    if comment.hidden_at is not None:  # the evidence moderators read stays with them
        db.session.add(CommentVersion(comment_id=comment.id, body=comment.body,
                                      alignment=comment.alignment))
    comment.deleted_at = utcnow()
    comment.body = ""
    db.session.flush()
    if was_visible:
        add_to_counters(get_target(comment), comments_count=-1)
    return comment


def set_comment_hidden(comment, hidden_at) -> None:
    """Hide (``hidden_at`` a time) or show again (None), keeping the counter true.

    Locked and read afresh, as ``delete_comment`` does: an author deleting the comment while a
    moderator hides it must not take it off the counter twice."""
    lock_row(Comment, comment.id)
    db.session.refresh(comment)
    was_visible = comment.is_visible
    comment.hidden_at = hidden_at
    db.session.flush()
    if was_visible != comment.is_visible:
        add_to_counters(get_target(comment),
                        comments_count=+1 if comment.is_visible else -1)


def vote_comment(comment, value: int, *, actor, now=None) -> CommentVote | None:
    """Vote up (+1) or down (-1), change the vote, or take it back (0)."""
    if value not in (-1, 0, 1):
        raise DomainError(_l("Vote up or down."))
    lock_row(User, actor.id)
    db.session.refresh(actor)  # a block committed while this waited for the lock counts
    target = get_target(comment)
    if not can_vote_comment(actor, comment, target, now):
        raise DomainError(_l("You cannot rate this comment."))
    vote = db.session.scalar(sa.select(CommentVote).where(
        CommentVote.comment_id == comment.id, CommentVote.user_id == actor.id))
    old = vote.value if vote is not None else 0
    if old == value:
        return vote
    if vote is None:
        vote = CommentVote(comment_id=comment.id, user_id=actor.id, value=value)
        db.session.add(vote)
    elif value == 0:
        db.session.delete(vote)
        vote = None
    else:
        vote.value = value
    db.session.flush()
    ups = (value == 1) - (old == 1)
    downs = (value == -1) - (old == -1)
    add_to_counters(comment, up_votes=ups, down_votes=downs)
    return vote
